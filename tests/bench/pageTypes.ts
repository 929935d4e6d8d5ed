// One page of each type, found in the built site, in each of its languages.
// The staff sign-in counts only once the site has it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface PageType {
  type: string;
  /** The page's path in the first language; '/es' + path for Spanish. */
  path: string;
}

const fixed: PageType[] = [
  { type: 'home', path: '/' },
  { type: 'finder', path: '/find' },
  { type: 'meetings', path: '/meetings' },
  { type: 'priorities', path: '/priorities' },
  { type: 'tip', path: '/tip' },
  { type: 'watch', path: '/watch' },
  { type: 'workshops', path: '/workshops' },
  { type: 'priority suggestion', path: '/suggest-a-priority' },
  { type: 'alerts', path: '/alerts' },
  { type: 'staff sign-in', path: '/staff' },
];

// Folders of one page per entry; the first entry (in name order) stands for the type.
const collections: Array<{ type: string; folder: string; skip?: string[] }> = [
  { type: 'officer', folder: 'officers' },
  { type: 'beat', folder: 'beats' },
  { type: 'district', folder: 'districts' },
  { type: 'guide', folder: 'guides', skip: ['for', 'topics'] },
  // Not a 0 B page: an open priority's carries the "this matters to me too" script (about 7 KB gzipped).
  { type: 'priority', folder: 'priorities' },
];

export function pageTypes(dist: string): { pages: PageType[]; missing: string[] } {
  const built = (page: string) => existsSync(path.join(dist, page, 'index.html'));
  const found: PageType[] = [];
  const missing: string[] = [];
  for (const page of fixed) {
    if (built(page.path)) found.push(page);
    else missing.push(page.type);
  }
  for (const { type, folder, skip = [] } of collections) {
    const first = existsSync(path.join(dist, folder))
      ? readdirSync(path.join(dist, folder))
          .filter((entry) => !skip.includes(entry) && built(`/${folder}/${entry}`))
          .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0]
      : undefined;
    if (first) found.push({ type, path: `/${folder}/${first}` });
    else missing.push(type);
  }
  const order = ['home', 'finder', 'officer', 'beat', 'district', 'priorities', 'priority', 'meetings', 'guide', 'tip', 'watch', 'workshops', 'priority suggestion', 'alerts', 'staff sign-in'];
  found.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  return { pages: found, missing };
}

/** The site's languages, from its content: '' for the first, '/es' and so on for the others. */
export function languagePrefixes(content: string): string[] {
  const [site] = JSON.parse(readFileSync(path.join(content, 'site.json'), 'utf8')) as Array<{ locales?: string[] }>;
  const [, ...others] = site?.locales ?? ['en'];
  return ['', ...others.map((tag) => `/${tag}`)];
}
