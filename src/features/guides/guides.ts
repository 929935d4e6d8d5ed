// The guides in a language: each guide is src/content/guides/<slug>.mdx, and
// its translations are guides/<locale>/<slug>.mdx. A guide not yet translated
// is shown in the first language, and says so.
import { getCollection, type CollectionEntry } from 'astro:content';

export interface LocalizedGuide {
  slug: string;
  entry: CollectionEntry<'guides'>;
  /** False when the guide is shown in the original language for want of a translation. */
  translated: boolean;
}

export async function guidesIn(locale: string, locales: readonly string[]): Promise<LocalizedGuide[]> {
  const entries = await getCollection('guides');
  const originals = entries.filter((entry) => !entry.id.includes('/'));
  return originals
    .map((original) => {
      const translation = locale === locales[0] ? original : entries.find((entry) => entry.id === `${locale}/${original.id}`);
      return { slug: original.id, entry: translation ?? original, translated: translation !== undefined };
    })
    .sort((a, b) => a.entry.data.title.localeCompare(b.entry.data.title, locale));
}
