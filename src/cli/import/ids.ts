// Departments number beats and districts inconsistently across files: one
// spreadsheet says "01", a shapefile column typed as a number says 1. Both must
// name the same district, and the id becomes a file name and a URL.
import { idSchema } from '../../content.config.ts';

export type ParsedId = { id: string } | { problem: string };

/** undefined when there is no value at all, so callers can say what is missing. */
export function parseId(value: unknown): ParsedId | undefined {
  if (value === undefined || value === null) return undefined;
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (typeof value === 'string') text = value.trim();
  else return { problem: `${JSON.stringify(value)} is not a usable id: expected text or a number` };
  if (text === '') return undefined;
  const id = /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : text;
  const checked = idSchema.safeParse(id);
  if (!checked.success) return { problem: `${JSON.stringify(text)} is not a usable id: ${checked.error.issues[0]?.message}` };
  return { id };
}

export { slugify } from '../../lib/slug.ts';
