// The ids that name beats, districts, meetings and workshops. Each becomes a
// file name and part of a URL, so only letters, digits, - and _; the database
// checks the same pattern and lengths (supabase/migrations). Officers' slugs
// are narrower: officerSlugSchema in src/content.config.ts.
import * as z from 'zod/mini';

export const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The longest ids the content's files and a submission may name, as the database stores them. */
export const idMaxLength = { beat: 40, district: 40, meeting: 80, officer: 80, workshop: 80, priority: 80 } as const;

// A refinement rather than z.maxLength: zod stops every other check at a too-long value,
// and a form should still name each field that is wrong.
/** A form's id field of at most `maxLength` characters; `error` is its error code. */
export const idField = (maxLength: number, error: string) =>
  z.string({ error }).check(z.refine((text) => idPattern.test(text) && text.length <= maxLength, { error }));
