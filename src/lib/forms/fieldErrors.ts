// Every form's schema gives error codes, not sentences; the form shows one a
// field, the first its schema found, beside the field and in the summary.
import type * as z from 'zod/mini';

/** The first problem with each field (its error code), or nothing when the input is valid. */
export function firstErrors<F extends string, E extends string>(schema: z.ZodMiniType, input: unknown): Partial<Record<F, E>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const errors: Partial<Record<F, E>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as F] ??= issue.message as E;
  return errors;
}
