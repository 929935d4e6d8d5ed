// Checks a content folder the way the build needs it: every file against its
// schema, then every reference between files. Used by `openbeat validate` and
// by the build itself (astro.config.mjs), so both say the same thing. Each
// problem is one line: the file, the field, what is wrong and the bad value.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { scheduleProblems } from './recurrence.ts';
import {
  beatSchema,
  districtSchema,
  entryIdSchemas,
  guideSchema,
  meetingSchema,
  officerSchema,
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

export interface Content {
  dir: string;
  site?: Site;
  districts: District[];
  beats: Beat[];
  officers: Officer[];
  meetings: Meeting[];
  guides: Guide[];
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
    workshops: read('workshops', workshopSchema),
    streets: readStreets(dir, problems),
  };
  checkReferences(content, problems, notes);
  return { content, problems, notes };
}

function emptyContent(dir: string): Content {
  return { dir, districts: [], beats: [], officers: [], meetings: [], guides: [], workshops: [] };
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

function checkReferences(content: Content, problems: string[], notes: string[]) {
  const districts = new Set(content.districts.map((district) => district.id));
  const beats = new Set(content.beats.map((beat) => beat.id));
  const missing = (what: 'district' | 'beat', id: string) => `no ${what} "${id}" (no ${what}s/${id}.json)`;

  for (const beat of content.beats) {
    if (!districts.has(beat.district)) problems.push(`beats/${beat.id}.json: district: ${missing('district', beat.district)}`);
  }
  const served = new Set<string>();
  for (const officer of content.officers) {
    const label = `officers/${officer.id}.json`;
    officer.beats.forEach((beat, index) => {
      if (beats.has(beat)) served.add(beat);
      else problems.push(`${label}: beats.${index}: ${missing('beat', beat)}`);
    });
    if (officer.district !== undefined && !districts.has(officer.district)) {
      problems.push(`${label}: district: ${missing('district', officer.district)}`);
    }
    if (typeof officer.photo === 'string' && !existsSync(path.resolve(content.dir, 'officers', officer.photo))) {
      problems.push(`${label}: photo: no such file (${describe(officer.photo)})`);
    }
  }
  for (const meeting of content.meetings) {
    const label = `meetings/${meeting.id}.json`;
    meeting.beats.forEach((beat, index) => {
      if (!beats.has(beat)) problems.push(`${label}: beats.${index}: ${missing('beat', beat)}`);
    });
    if (meeting.district !== undefined && !districts.has(meeting.district)) {
      problems.push(`${label}: district: ${missing('district', meeting.district)}`);
    }
    if (content.site) for (const problem of scheduleProblems(meeting, content.site.timeZone)) problems.push(`${label}: ${problem}`);
  }
  // A folder with no officers yet is geography on its way (just imported);
  // once officers are listed, a beat without one is a mistake. While an
  // officer's file is itself broken, that file's beats cannot be counted, so
  // this check waits rather than blame the beats.
  if (listFiles(content.dir, 'officers', /\.json$/).length > content.officers.length) return;
  if (content.officers.length === 0) {
    if (content.beats.length > 0) notes.push('officers/: none yet, so beat pages will say no officer is assigned');
  } else {
    for (const beat of content.beats) {
      if (!served.has(beat.id)) problems.push(`beats/${beat.id}.json: officers: no officer serves this beat (list it in an officer's "beats")`);
    }
  }
}
