// How a content folder is written, whoever writes it: `openbeat demo`, and
// `openbeat export` from the database. Every entry goes through its schema
// first, so its keys come in the schema's order with the defaults filled in,
// and the same content always makes the same bytes, wherever it was kept:
// the demo city exported from the database is the committed demo folder.
import type { z } from 'astro/zod';
import { beatSchema, districtSchema, meetingSchema, prioritySchema, siteSchema, workshopSchema } from '../../content.config.ts';
import { officerFileSchema, parseEntry } from '../../lib/content/validate.ts';
import { commit, jsonText } from '../import/write.ts';

/** The collections kept one file an entry, in the order a folder lists them. */
export const collectionSchemas = {
  districts: districtSchema,
  beats: beatSchema,
  officers: officerFileSchema,
  meetings: meetingSchema,
  priorities: prioritySchema,
  workshops: workshopSchema,
} satisfies Record<string, z.ZodType>;

export type CollectionName = keyof typeof collectionSchemas;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];

/** What a content folder holds besides its guides and streets, each entry with its id. */
export type ContentEntries = { site?: unknown } & Record<CollectionName, ReadonlyArray<{ id: string }>>;

/** Content that its schema refuses, one line a problem, as `openbeat validate` words them. */
export class ContentProblems extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** site.json's text: an array holding one object with "id": "site", as Astro's file() loader reads it. */
export function siteText(site: unknown, problems: string[] = []): string | undefined {
  const settings = parseEntry('site.json', siteSchema, site, problems);
  return settings === undefined ? undefined : jsonText([{ id: 'site', ...settings }]);
}

/** One entry's file text (its id is its file's name, never a field). */
export function entryText(collection: CollectionName, { id, ...entry }: { id: string }, problems: string[] = []): string | undefined {
  // A priority's supporters are the database's count, never a file's field.
  if (collection === 'priorities') delete (entry as { supporters?: number }).supporters;
  const parsed = parseEntry(`${collection}/${id}.json`, collectionSchemas[collection] as z.ZodType, entry, problems);
  return parsed === undefined ? undefined : jsonText(parsed);
}

/** Every file of the content, by path in the folder; throws ContentProblems for an entry its schema refuses. */
export function contentFiles(content: ContentEntries): Map<string, string> {
  const problems: string[] = [];
  const files = new Map<string, string>();
  const site = siteText(content.site, problems);
  if (site !== undefined) files.set('site.json', site);
  for (const collection of collectionNames) {
    for (const entry of content[collection]) {
      const text = entryText(collection, entry, problems);
      if (text !== undefined) files.set(`${collection}/${entry.id}.json`, text);
    }
  }
  if (problems.length > 0) throw new ContentProblems(problems);
  return files;
}

/**
 * Writes the content into OUT all at once (see commit): site.json and each
 * collection's .json files are replaced; whatever else a collection's folder
 * holds (officers' photos) stays, and so do guides/ and streets.geojson unless
 * `others` brings them (the demo writes its streets).
 */
export async function writeContentFolder(out: string, content: ContentEntries, others: ReadonlyMap<string, string> = new Map()): Promise<void> {
  const files = contentFiles(content);
  await commit(out, {
    folders: collectionNames.map((name) => ({
      name,
      files: new Map([...files].filter(([file]) => file.startsWith(`${name}/`)).map(([file, text]) => [file.slice(name.length + 1), text])),
      keep: (file) => !file.endsWith('.json'),
    })),
    replace: new Map([['site.json', files.get('site.json')!], ...others]),
  });
}
