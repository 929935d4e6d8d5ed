// The languages a resident may ask to be answered in: the site's own, each
// named in itself (a Spanish reader looks for "español"), the page's first.
import type { Locale } from './index.ts';

export interface LanguageChoice {
  tag: string;
  name: string;
}

export function contactLanguages(siteLocales: readonly Locale[], current: Locale): LanguageChoice[] {
  const ordered = [current, ...siteLocales.filter((tag) => tag !== current)];
  return ordered.map((tag) => {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return { tag, name: name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) };
  });
}
