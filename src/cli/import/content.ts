// What OUT holds before an import: how many files the import replaces, and the
// entries whose hand-filled fields (a district's station, a beat's
// neighbourhoods, a meeting's exceptions) the import carries over.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from './errors.ts';
import { isRecord } from './geojson.ts';

export type Entry = { data: unknown } | { problem: string };

export interface Folder {
  /** The collection, e.g. "districts". */
  name: string;
  /** Everything in the folder, all of which replacing it removes. */
  files: number;
  /** The JSON entries by id; an unreadable one holds what is wrong with it. */
  entries: Map<string, Entry>;
  /** Where the collection is, for messages: "districts/", or "the database". */
  where: string;
  /** Where one entry is, for messages: "districts/1.json", or "district 1 in the database". */
  label(id: string): string;
  /** What an import's notes call the entries it updates: "the files they replace", or "the rows they update". */
  updated: string;
}

export async function readFolder(out: string, name: string): Promise<Folder> {
  await requireFolderOrNothing(out);
  const names = await namesIn(path.join(out, name));
  const entries = new Map<string, Entry>();
  for (const file of names.filter(isEntry).sort()) {
    const text = await readFile(path.join(out, name, file), 'utf8');
    try {
      entries.set(idOf(file), { data: JSON.parse(text) });
    } catch (error) {
      entries.set(idOf(file), { problem: `${name}/${file} is not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})` });
    }
  }
  return { name, files: names.length, entries, where: `${name}/`, label: (id) => `${name}/${id}.json`, updated: 'the files they replace' };
}

/** The ids a collection holds, from file names alone: enough to check a reference. */
async function entryIds(out: string, name: string): Promise<Set<string>> {
  return new Set((await namesIn(path.join(out, name))).filter(isEntry).map(idOf));
}

/** The beats and districts a folder holds, for the spreadsheets' references. */
export async function knownReferences(out: string): Promise<{ beats: Set<string>; districts: Set<string> }> {
  return { beats: await entryIds(out, 'beats'), districts: await entryIds(out, 'districts') };
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

const isEntry = (file: string) => file.endsWith('.json');
const idOf = (file: string) => file.slice(0, -'.json'.length);

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function requireFolderOrNothing(out: string): Promise<void> {
  try {
    if (!(await stat(out)).isDirectory()) throw new ImportError(`${out} is not a folder`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

interface FieldSchema {
  safeParse(data: unknown): { success: true } | { success: false; error: { issues: ReadonlyArray<{ message: string }> } };
}

/**
 * A field the department filled in by hand in the file an import replaces
 * (a station, neighbourhoods), so that re-importing does not erase it.
 * undefined if there is none; a problem if it is there but invalid, since
 * dropping it would lose the department's work.
 */
export function keptValue(
  folder: Folder,
  id: string,
  field: string,
  schema: FieldSchema,
  found: { warnings: string[]; problems: string[] },
): unknown {
  const entry = folder.entries.get(id);
  if (entry === undefined) return undefined;
  if ('problem' in entry) {
    found.warnings.push(`${entry.problem}, so its ${field} could not be kept`);
    return undefined;
  }
  const value = isRecord(entry.data) ? entry.data[field] : undefined;
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    found.problems.push(
      `${folder.label(id)}: ${field}: ${parsed.error.issues[0]?.message}; the import keeps it, so fix it there first`,
    );
    return undefined;
  }
  return value;
}
