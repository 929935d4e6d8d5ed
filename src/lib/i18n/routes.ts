// Where each language's pages live: the site's first language at the root,
// the others under /<tag>/ (Astro's i18n routing, prefixDefaultLocale off).
/** A path of the site in a language: localized('es', '/beats/101') is /es/beats/101. */
export function localized(locales: readonly string[], locale: string, path: string): string {
  return locale === locales[0] ? path : `/${locale}${path === '/' ? '' : path}`;
}

/** The language-free path of a page: /es/beats/101 and /beats/101 are both /beats/101. */
export function unlocalized(locales: readonly string[], path: string): string {
  const [, first, ...rest] = path.split('/');
  return first && locales.slice(1).includes(first) ? `/${rest.join('/')}` : path;
}
