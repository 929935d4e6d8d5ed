// The deployment's settings (src/content/site.json), for pages and layouts.
import { getEntry } from 'astro:content';

export async function siteSettings() {
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('src/content/site.json: there must be one entry with "id": "site"');
  return entry.data;
}
