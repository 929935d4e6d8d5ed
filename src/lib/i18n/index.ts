// The portal's words by language: locales/<tag>.ts gathers a language's files
// (one a feature, in locales/<tag>/) into the shape of en.ts, which the type
// checker holds it to. Adding a language is adding locales/<tag>.ts and
// locales/<tag>/, its guides in src/content/guides/<tag>/, and the tag to
// "locales" in the site settings; see the README.
import { en, type Messages } from './locales/en.ts';

export type { Messages };

const modules = import.meta.glob<{ default: Messages }>('./locales/*.ts', { eager: true });
const dictionaries: Record<string, Messages> = Object.fromEntries(
  Object.entries(modules).map(([file, module]) => [file.replace(/^.*\/(.+)\.ts$/, '$1'), module.default ?? en]),
);

export type Locale = string;

export const defaultLocale: Locale = 'en';

/** The languages there are words for. */
export const locales: Locale[] = Object.keys(dictionaries).sort((a, b) => (a === defaultLocale ? -1 : b === defaultLocale ? 1 : a.localeCompare(b)));

export function messages(locale: Locale = defaultLocale): Messages {
  return dictionaries[locale] ?? en;
}

export { format } from './format.ts';
