// Checks a content folder the way the build needs it: every file against its
// schema, then every reference between files. Used by `openbeat validate` and
// by the build itself (astro.config.mjs), so both say the same thing. Each
// problem is one line: the file, the field, what is wrong and the bad value.
// A build that reads the database checks what it publishes with the same
// schemas and rules (validatePublishedContent), an entry named by its kind
// and id ("beat 101") where a folder names its file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { publishedContent, type BuildApi } from './publishedContent.ts';
import { scheduleProblems } from './recurrence.ts';
import {
  beatSchema,
  districtSchema,
  entryIdSchemas,
  guideSchema,
  meetingSchema,
  officerSchema,
  prioritySchema,
  siteSchema,
  streetNetworkSchema,
  workshopSchema,
} from '../../content.config.ts';
import type { StreetNetwork } from '../geo/streets.ts';

// The officer schema asks Astro for its image() helper; outside Astro a photo
// is a path, checked below to exist beside the officer's file.
export const officerFileSchema = officerSchema({ image: () => z.string() });

export type Site = z.infer<typeof siteSchema>;
export type District = z.infer<typeof districtSchema> & { id: string };
export type Beat = z.infer<typeof beatSchema> & { id: string };
export type Officer = z.infer<typeof officerFileSchema> & { id: string };
export type Meeting = z.infer<typeof meetingSchema> & { id: string };
export type Guide = z.infer<typeof guideSchema> & { id: string };
export type Workshop = z.infer<typeof workshopSchema> & { id: string };
export type Priority = z.infer<typeof prioritySchema> & { id: string };

export interface Content {
  dir: string;
  site?: Site;
  districts: District[];
  beats: Beat[];
  officers: Officer[];
  meetings: Meeting[];
  guides: Guide[];
  priorities: Priority[];
  workshops: Workshop[];
  /** The street network for the finder's geocoder, when the folder has one. */
  streets?: StreetNetwork;
}

export interface Validation {
  content: Content;
  /** Each one fails the build. */
  problems: string[];
  /** Worth knowing, but the site still builds. */
  notes: string[];
}

export function validateContent(dir: string): Validation {
  const problems: string[] = [];
  const notes: string[] = [];
  if (!existsSync(dir)) return { content: emptyContent(dir), problems: [`${dir}: no such content folder`], notes };

  const read = <T>(folder: keyof typeof entryIdSchemas, schema: z.ZodType<T>) => readCollection(dir, folder, schema, problems);
  const content: Content = {
    dir,
    site: readSite(dir, problems),
    districts: read('districts', districtSchema),
    beats: read('beats', beatSchema),
    officers: read('officers', officerFileSchema),
    meetings: read('meetings', meetingSchema),
    guides: readGuides(dir, problems),
    priorities: read('priorities', prioritySchema),
    workshops: read('workshops', workshopSchema),
    streets: readStreets(dir, problems),
  };
  for (const priority of content.priorities) {
    // the database counts these; a file that claims a count would publish a made-up one
    if (priority.supporters !== undefined) problems.push(`priorities/${priority.id}.json: supporters: leave this out: the database counts it`);
  }
  checkReferences(content, problems, notes, {
    label: (collection, id) => `${collection}/${id}.json`,
    missing: (what, id) => `no ${what} "${id}" (no ${what}s/${id}.json)`,
    officersListed: listFiles(dir, 'officers', /\.json$/).length,
    photoExists: (photo) => existsSync(path.resolve(dir, 'officers', photo)),
  });
  return { content, problems, notes };
}

const singular = { districts: 'district', beats: 'beat', officers: 'officer', meetings: 'meeting', priorities: 'priority', workshops: 'workshop' } as const;

/**
 * Checks what the database publishes, as validateContent checks a folder: the
 * entries against their schemas, then their references. Guides and the street
 * network are files still, read from `dir`.
 */
export async function validatePublishedContent(api: BuildApi, dir: string): Promise<Validation> {
  const problems: string[] = [];
  const notes: string[] = [];
  let published;
  try {
    published = await publishedContent(api);
  } catch (error) {
    return { content: emptyContent(dir), problems: [`${api.url}: the published content could not be read (${(error as Error).message})`], notes };
  }
  const parse = <T>(collection: keyof typeof singular, schema: z.ZodType<T>): Array<T & { id: string }> =>
    published[collection].flatMap(({ id, ...data }) => {
      const entry = parseEntry(`${singular[collection]} ${id}`, schema, data, problems);
      return entry === undefined ? [] : [{ ...entry, id }];
    });
  if (!published.site) problems.push('site: no site settings are published (jurisdiction, time zone, numbers, map)');
  const content: Content = {
    dir,
    site: published.site && parseEntry('site', siteSchema, published.site, problems),
    districts: parse('districts', districtSchema),
    beats: parse('beats', beatSchema),
    officers: parse('officers', officerFileSchema),
    meetings: parse('meetings', meetingSchema),
    guides: readGuides(dir, problems),
    priorities: parse('priorities', prioritySchema),
    workshops: parse('workshops', workshopSchema),
    streets: readStreets(dir, problems),
  };
  for (const { officer, reason } of published.photosMissing) {
    notes.push(`officer ${officer}: photo: ${reason}, so their page shows the placeholder`);
  }
  checkReferences(content, problems, notes, {
    label: (collection, id) => `${singular[collection]} ${id}`,
    missing: (what, id) => `no ${what} "${id}" is published`,
    officersListed: published.officers.length,
    // downloaded from Storage by publishedContent, which left out what it could not read (photosMissing, above)
    photoExists: (photo) => existsSync(path.join(published.photoFolder, photo)),
  });
  return { content, problems, notes };
}

function emptyContent(dir: string): Content {
  return { dir, districts: [], beats: [], officers: [], meetings: [], guides: [], priorities: [], workshops: [] };
}

function readSite(dir: string, problems: string[]): Site | undefined {
  const file = path.join(dir, 'site.json');
  if (!existsSync(file)) {
    problems.push('site.json: missing: every content folder needs one (jurisdiction, time zone, numbers, map)');
    return undefined;
  }
  const data = parseJson(file, 'site.json', problems);
  if (data === undefined) return undefined;
  const entries = Array.isArray(data) ? data : [];
  const entry = entries.find((item: unknown) => (item as { id?: unknown })?.id === 'site');
  if (!entry) {
    problems.push('site.json: must be an array holding one object with "id": "site"');
    return undefined;
  }
  const { id: _id, ...settings } = entry as Record<string, unknown>;
  return parseEntry('site.json', siteSchema, settings, problems);
}

function readCollection<T>(dir: string, folder: keyof typeof entryIdSchemas, schema: z.ZodType<T>, problems: string[]): Array<T & { id: string }> {
  const entries: Array<T & { id: string }> = [];
  for (const name of listFiles(dir, folder, /\.json$/)) {
    const label = `${folder}/${name}`;
    const id = name.replace(/\.json$/, '');
    // The file's name is the entry's id: in its page's address, and a key in the database.
    const idProblem = entryIdSchemas[folder].safeParse(id).error?.issues[0]?.message;
    if (idProblem) problems.push(`${label}: file name: ${idProblem} (${describe(id)})`);
    const data = parseJson(path.join(dir, folder, name), label, problems);
    if (data === undefined) continue;
    const entry = parseEntry(label, schema, data, problems);
    if (entry !== undefined && !idProblem) entries.push({ ...entry, id });
  }
  return entries;
}

function readGuides(dir: string, problems: string[]): Guide[] {
  const guides: Guide[] = [];
  // Translations live one folder down, guides/<locale>/<slug>.mdx, with ids "<locale>/<slug>".
  const folder = path.join(dir, 'guides');
  const translations = existsSync(folder) ? readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];
  const names = [...listFiles(dir, 'guides', /\.mdx?$/), ...translations.flatMap((locale) => listFiles(dir, `guides/${locale}`, /\.mdx?$/).map((name) => `${locale}/${name}`))];
  for (const name of names) {
    const label = `guides/${name}`;
    const text = readFileSync(path.join(dir, 'guides', name), 'utf8');
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    if (frontmatter === undefined) {
      problems.push(`${label}: no frontmatter: start the file with --- title, summary, audience, topics ---`);
      continue;
    }
    let data: unknown;
    try {
      data = parseYaml(frontmatter);
    } catch (error) {
      problems.push(`${label}: frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const guide = parseEntry(label, guideSchema, data, problems);
    if (guide) guides.push({ ...guide, id: name.replace(/\.mdx?$/, '') });
  }
  return guides;
}

function readStreets(dir: string, problems: string[]): StreetNetwork | undefined {
  const file = path.join(dir, 'streets.geojson');
  if (!existsSync(file)) return undefined;
  const data = parseJson(file, 'streets.geojson', problems);
  return data === undefined ? undefined : (parseEntry('streets.geojson', streetNetworkSchema, data, problems) as StreetNetwork | undefined);
}

function listFiles(dir: string, folder: string, pattern: RegExp): string[] {
  const full = path.join(dir, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full).filter((name) => pattern.test(name)).sort();
}

function parseJson(file: string, label: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${label}: not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

export function parseEntry<T>(label: string, schema: z.ZodType<T>, data: unknown, problems: string[]): T | undefined {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.') || '(file)';
    const value = valueAt(data, issue.path);
    problems.push(`${label}: ${field}: ${issue.message}${value === undefined ? '' : ` (${describe(value)})`}`);
  }
  return undefined;
}

function valueAt(data: unknown, at: ReadonlyArray<PropertyKey>): unknown {
  let value: unknown = data;
  for (const key of at) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A priority's beats, district and meeting, and each report's priorities, must be there. */
function checkPriorityReferences(content: Content, problems: string[], labelOf: EntrySource['label'], missing: EntrySource['missing']) {
  const districts = new Set(content.districts.map((district) => district.id));
  const beats = new Set(content.beats.map((beat) => beat.id));
  const meetings = new Set(content.meetings.map((meeting) => meeting.id));
  const priorities = new Set(content.priorities.map((priority) => priority.id));
  for (const priority of content.priorities) {
    const label = labelOf('priorities', priority.id);
    priority.beats.forEach((beat, index) => {
      if (!beats.has(beat)) problems.push(`${label}: beats.${index}: ${missing('beat', beat)}`);
    });
    if (priority.district !== undefined && !districts.has(priority.district)) {
      problems.push(`${label}: district: ${missing('district', priority.district)}`);
    }
    const meeting = priority.sourceMeeting?.meeting;
    if (meeting !== undefined && !meetings.has(meeting)) problems.push(`${label}: sourceMeeting.meeting: ${missing('meeting', meeting)}`);
  }
  for (const meeting of content.meetings) {
    meeting.reports.forEach((report, index) => {
      for (const list of ['set', 'reviewed', 'closed'] as const) {
        report.priorities[list].forEach((priority, at) => {
          if (!priorities.has(priority)) {
            problems.push(`${labelOf('meetings', meeting.id)}: reports.${index}.priorities.${list}.${at}: ${missing('priority', priority)}`);
          }
        });
      }
    });
  }
}

/** Where the entries came from: how to name one, and what a folder or the database can say about it. */
interface EntrySource {
  label(collection: keyof typeof singular, id: string): string;
  missing(what: 'district' | 'beat' | 'meeting' | 'priority', id: string): string;
  /** How many officers there are, broken ones included. */
  officersListed: number;
  photoExists(photo: string): boolean;
}

function checkReferences(content: Content, problems: string[], notes: string[], { label: labelOf, missing, officersListed, photoExists }: EntrySource) {
  const districts = new Set(content.districts.map((district) => district.id));
  const beats = new Set(content.beats.map((beat) => beat.id));

  for (const beat of content.beats) {
    if (!districts.has(beat.district)) problems.push(`${labelOf('beats', beat.id)}: district: ${missing('district', beat.district)}`);
  }
  const served = new Set<string>();
  for (const officer of content.officers) {
    const label = labelOf('officers', officer.id);
    officer.beats.forEach((beat, index) => {
      if (beats.has(beat)) served.add(beat);
      else problems.push(`${label}: beats.${index}: ${missing('beat', beat)}`);
    });
    if (officer.district !== undefined && !districts.has(officer.district)) {
      problems.push(`${label}: district: ${missing('district', officer.district)}`);
    }
    if (typeof officer.photo === 'string' && !photoExists(officer.photo)) {
      problems.push(`${label}: photo: no such file (${describe(officer.photo)})`);
    }
  }
  for (const meeting of content.meetings) {
    const label = labelOf('meetings', meeting.id);
    meeting.beats.forEach((beat, index) => {
      if (!beats.has(beat)) problems.push(`${label}: beats.${index}: ${missing('beat', beat)}`);
    });
    if (meeting.district !== undefined && !districts.has(meeting.district)) {
      problems.push(`${label}: district: ${missing('district', meeting.district)}`);
    }
    if (content.site) for (const problem of scheduleProblems(meeting, content.site.timeZone)) problems.push(`${label}: ${problem}`);
  }
  checkPriorityReferences(content, problems, labelOf, missing);
  // A folder with no officers yet is geography on its way (just imported);
  // once officers are listed, a beat without one is a mistake. While an
  // officer's file is itself broken, that file's beats cannot be counted, so
  // this check waits rather than blame the beats.
  if (officersListed > content.officers.length) return;
  if (content.officers.length === 0) {
    if (content.beats.length > 0) notes.push('officers/: none yet, so beat pages will say no officer is assigned');
  } else {
    for (const beat of content.beats) {
      if (!served.has(beat.id)) problems.push(`${labelOf('beats', beat.id)}: officers: no officer serves this beat (list it in an officer's "beats")`);
    }
  }
}
