// What a beat alert subscription must be, for the form. subscribe_to_alerts()
// in supabase/migrations/20261122001700_beat_alerts.sql checks the same rules
// (and alerts.schema.test.ts holds this side to them); errors are codes the form
// words in the reader's language.
import * as z from 'zod/mini';
import { characters, contactLimits, emailPattern } from '../../lib/forms/contact.schema.ts';

/** public.alert_topic, in the order the form offers them. */
export const alertTopics = ['meeting_changes', 'new_meetings', 'priorities', 'meeting_reports'] as const;
export type AlertTopic = (typeof alertTopics)[number];

/** public.alert_delivery. */
export const alertDeliveries = ['each_publish', 'daily'] as const;
export type AlertDelivery = (typeof alertDeliveries)[number];

/** A beat or a district, as the form's one list offers them: `beat:101`, `district:1`. */
export const areaPattern = /^(beat|district):([A-Za-z0-9][A-Za-z0-9_-]{0,39})$/;

export const alertSubscriptionSchema = z.object({
  email: z.string({ error: 'email.invalid' }).check(
    z.trim(),
    z.refine((text) => characters(text) <= contactLimits.email && emailPattern.test(text), { error: 'email.invalid' }),
  ),
  language: z.string(),
  area: z.string({ error: 'area.missing' }).check(z.regex(areaPattern, { error: 'area.missing' })),
  topics: z.array(z.enum(alertTopics)).check(z.minLength(1, { error: 'topics.missing' })),
  delivery: z.enum(alertDeliveries),
});

export type AlertSubscription = z.infer<typeof alertSubscriptionSchema>;
export type AlertSubscriptionError = 'email.invalid' | 'area.missing' | 'topics.missing';

/** Each field's first problem, as an error code. */
export function alertSubscriptionErrors(input: unknown): Partial<Record<'email' | 'area' | 'topics', AlertSubscriptionError>> {
  const parsed = alertSubscriptionSchema.safeParse(input);
  if (parsed.success) return {};
  const errors: Partial<Record<'email' | 'area' | 'topics', AlertSubscriptionError>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'area' || field === 'topics') && !errors[field]) {
      errors[field] = (field === 'email' ? 'email.invalid' : field === 'area' ? 'area.missing' : 'topics.missing') as AlertSubscriptionError;
    }
  }
  return errors;
}
