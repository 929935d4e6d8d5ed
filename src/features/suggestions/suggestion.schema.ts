// What a suggestion of a priority must be, for the form. suggest_priority() in
// supabase/migrations checks the same rules, and tests/db/priorities.test.ts
// proves the two agree. The one rule the form cannot check is that the beat is
// published: it offers only the published beats, and the database refuses others.
import * as z from 'zod/mini';
import { characters } from '../../lib/forms/contact.schema.ts';
import { firstErrors } from '../../lib/forms/fieldErrors.ts';
import { idField, idMaxLength } from '../../lib/ids.ts';

export const problemLength = { min: 20, max: 2000 } as const;

/** Error codes, not sentences: the form words them in the reader's language. */
export const suggestionSchema = z.object({
  /** A beat id, as the content files name them. */
  beat: idField(idMaxLength.beat, 'beat.missing'),
  problem: z.string({ error: 'problem.tooShort' }).check(
    z.trim(),
    z.refine((text) => characters(text) >= problemLength.min, { error: 'problem.tooShort' }),
    z.refine((text) => characters(text) <= problemLength.max, { error: 'problem.tooLong' }),
  ),
});

export type Suggestion = z.infer<typeof suggestionSchema>;
export type SuggestionField = keyof Suggestion;
export type SuggestionError = 'beat.missing' | 'problem.tooShort' | 'problem.tooLong';

/** The first problem with each field, or nothing when the suggestion is valid. */
export const suggestionErrors = (input: unknown) => firstErrors<SuggestionField, SuggestionError>(suggestionSchema, input);
