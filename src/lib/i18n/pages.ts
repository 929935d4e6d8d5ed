// getStaticPaths for pages written once in src/pages/[...lang]/ and built in
// every language of the site settings: the first at the root, the others under /<tag>/.
import { siteSettings } from '../site.ts';

export interface LocaleProps {
  locale: string;
}

/** One page in every language: `lang` is absent for the first. */
export async function localePaths(): Promise<Array<{ params: { lang: string | undefined }; props: LocaleProps }>> {
  const { locales } = await siteSettings();
  return locales.map((locale, index) => ({ params: { lang: index === 0 ? undefined : locale }, props: { locale } }));
}
