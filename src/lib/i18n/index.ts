// The portal's words by language. English is the only one so far; a new
// language is a file with the same shape as en.ts, added to `dictionaries`.
import { en, type Messages } from './en.ts';

export type { Messages };

export type Locale = 'en';

const dictionaries: Record<Locale, Messages> = { en };

export const defaultLocale: Locale = 'en';

export function messages(locale: Locale = defaultLocale): Messages {
  return dictionaries[locale];
}

/** Fills a message's {placeholders}. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
