// What a resident's answer to a staff question must be, for the form on every
// status page. reply_to_staff() in supabase/migrations/20261122001800_conversations.sql
// checks the same rule, and tests/db/answerRules.test.ts proves the two agree.
// An answer may be short ("yes, the blue one"), so unlike a tip's description
// it needs no minimum beyond one character; the maximum is a tip's.
import * as z from 'zod/mini';
import { firstErrors } from './fieldErrors.ts';
import { characters } from './contact.schema.ts';

export const answerLength = { min: 1, max: 5000 } as const;

/** Error codes, not sentences: the form words them in the reader's language. */
export const answerSchema = z.object({
  body: z.string({ error: 'body.missing' }).check(
    z.trim(),
    z.refine((text) => characters(text) >= answerLength.min, { error: 'body.missing' }),
    z.refine((text) => characters(text) <= answerLength.max, { error: 'body.tooLong' }),
  ),
});

export type Answer = z.infer<typeof answerSchema>;
export type AnswerError = 'body.missing' | 'body.tooLong';

/** The first problem with the answer, or nothing when it may be sent. */
export const answerErrors = (input: unknown) => firstErrors<keyof Answer, AnswerError>(answerSchema, input);
