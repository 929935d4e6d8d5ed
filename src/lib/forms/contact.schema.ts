// How a resident may be reached, when they choose to be: the same rules for
// tips, watch groups and workshop requests, and the same in SQL
// (private.valid_email, valid_phone and valid_language in supabase/migrations).
// Each returns an error code; the forms word it in the reader's language.
// Email and phone are trimmed, and blank means "not given", as in SQL, where
// private.trimmed() turns blank into null.
import * as z from 'zod/mini';

export const contactLimits = { name: 120, email: 254, phone: 30, language: 35 } as const;

// Postgres counts characters (code points); JavaScript's .length counts UTF-16 units.
export const characters = (text: string) => [...text].length;

/** Something@somewhere.tld, no spaces: what mail servers accept, not what RFC 5322 allows. */
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
/** Digits with the usual separators, optionally international: 7 to 15 digits. */
export const phonePattern = /^\+?[0-9][0-9 ().-]*$/;
const phoneDigits = (text: string) => text.replace(/[^0-9]/g, '').length;
/** A BCP 47 language tag as the site's locales are named: en, es, pt-BR. */
export const languagePattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Optional text that is trimmed and must not be longer than `max` characters. */
export const optionalText = (max: number, error: string) =>
  z.optional(z.string().check(z.trim(), z.refine((text) => characters(text) <= max, { error })));

export const personName = (error: string) =>
  z.string({ error }).check(z.trim(), z.refine((text) => characters(text) >= 1 && characters(text) <= contactLimits.name, { error }));

export const email = (error: string) =>
  z.string({ error }).check(z.trim(), z.refine((text) => text === '' || (characters(text) <= contactLimits.email && emailPattern.test(text)), { error }));

export const phone = (error: string) =>
  z.string({ error }).check(
    z.trim(),
    z.refine((text) => text === '' || (characters(text) <= contactLimits.phone && phonePattern.test(text) && phoneDigits(text) >= 7 && phoneDigits(text) <= 15), { error }),
  );

export const language = (error: string) =>
  z.string({ error }).check(z.refine((text) => text.length <= contactLimits.language && languagePattern.test(text), { error }));
