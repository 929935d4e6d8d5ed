// The jurisdiction's published content as the build reads it: from the data
// API, with the anon key, through public.published_content(), one call that
// answers every content table from one snapshot (see its comment in
// supabase/migrations/20261122000150_content.sql), so a save in the middle
// of a build cannot publish half of itself. Rows become entries by rows.ts;
// the schemas and the reference checks come after (validate.ts).
//
// When a build has an API (a hosted project's PUBLIC_SUPABASE_URL, or the
// local stack's OPENBEAT_BUILD_API under `npm start`, the tests and the
// bench), it reads the database; without one (`npm run build` with no stack)
// it reads the content folder, as `openbeat validate` and unit tests do.
//
// Officers' photos are files in Storage (officerPhotos.ts): each published
// officer's is downloaded into the build's cache, and the entry names that
// file, so the officer pages get it through Astro's image pipeline exactly as
// they get a photo beside an officer's file.
import path from 'node:path';
import { contentCacheDir, contentDir } from './folder.ts';
import { downloadOfficerPhotos, pruneCachedPhotos } from './officerPhotos.ts';
import { contentEntries, type ContentRows } from './rows.ts';

export interface BuildApi {
  url: string;
  anonKey: string;
}

/** The API a build reads, or undefined when it has none. */
export function buildApi(env: NodeJS.ProcessEnv = process.env): BuildApi | undefined {
  // astro.config.mjs has set PUBLIC_SUPABASE_URL to '' for the local stack, and the anon key either way.
  const url = env.PUBLIC_SUPABASE_URL || env.OPENBEAT_BUILD_API;
  return url ? { url, anonKey: env.PUBLIC_SUPABASE_ANON_KEY ?? '' } : undefined;
}

/** The published entries, not yet parsed by their schemas. */
export interface PublishedContent extends ReturnType<typeof contentEntries> {
  /** The folder the officers' photos were downloaded to: an officer entry's `photo` is a file name there. */
  photoFolder: string;
  /** Officers whose photo could not be read from Storage, with why: their pages show the placeholder. */
  photosMissing: Array<{ officer: string; reason: string }>;
}

/** Where a build keeps the photos it downloads: beside Astro's own cache for the content folder. */
export function photoCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(contentCacheDir(contentDir(env)), 'officer-photos');
}

// astro.config.mjs (which checks the content) and the collections' loaders
// run in one process but load this module apart (Astro's config and its
// content layer each have their own module graph): a global, not a module
// variable, makes them read the same answer, once a build. (Under `npm run
// dev` that is once a dev server: a change saved meanwhile shows after a restart.)
const cache = Symbol.for('openbeat.publishedContent');
type Cached = Map<string, Promise<PublishedContent>>;

/** The published content at `api`, fetched once a process. */
export function publishedContent(api: BuildApi): Promise<PublishedContent> {
  const store = ((globalThis as Record<symbol, Cached | undefined>)[cache] ??= new Map());
  let answer = store.get(api.url);
  if (!answer) {
    answer = fetchPublished(api);
    store.set(api.url, answer);
  }
  return answer;
}

async function fetchPublished({ url, anonKey }: BuildApi): Promise<PublishedContent> {
  const response = await fetch(`${url}/rest/v1/rpc/published_content`, {
    method: 'POST',
    headers: { apikey: anonKey, authorization: `Bearer ${anonKey}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  const rows = (await response.json()) as ContentRows;
  const photoFolder = photoCacheDir();
  const { files, missing } = await downloadOfficerPhotos(url, rows.officers, photoFolder);
  pruneCachedPhotos(photoFolder);
  return {
    ...contentEntries({ ...rows, officers: rows.officers.map((row) => ({ ...row, photo: files.get(row.officer_id) ?? null })) }),
    photoFolder,
    photosMissing: missing,
  };
}
