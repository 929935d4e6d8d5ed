// `openbeat import officers`: a department's officer roster, kept as a
// spreadsheet and saved as CSV, becomes the officers: rows of the database,
// or officers/<slug>.json in a content folder with --out.
//
// Columns (the header row names them, in any order; case, spaces and hyphens
// in names are ignored, as in the meetings spreadsheet):
//
//   id            optional: the officer's slug (lowercase letters, digits and -),
//                 the page's address. Without it, the name slugified:
//                 "María López" → maria-lopez.
//   name          required.
//   rank          required: Officer, Sergeant …, as the department writes it.
//   role          required: community_policing_officer, beat_officer, sergeant,
//                 lieutenant, commander, coordinator, youth_officer or
//                 liaison_officer ("Beat officer" works too).
//   beats         beat ids, separated by spaces, semicolons or commas.
//   district      a district id, for officers who serve a whole district. An
//                 officer serves beats, a district, or both; a coordinator may
//                 serve neither (the whole jurisdiction).
//   languages     optional: language tags such as "en es"; empty means en.
//   email, phone, office_hours   optional: how residents reach the officer.
//   bio           optional, free text.
//
// Photos are not in the spreadsheet: an officer keeps the photo (and its
// text) the entry it updates has, found by id.
import path from 'node:path';
import type pg from 'pg';
import { officerRoles, officerSlugSchema } from '../../content.config.ts';
import { officerRow } from '../../lib/content/rows.ts';
import { officerFileSchema, type Officer } from '../../lib/content/validate.ts';
import { entryText } from '../content/files.ts';
import type { Folder } from './content.ts';
import { keptValue, knownReferences, readFolder } from './content.ts';
import { columnFinder, readCsv, RowReader, splitList, UniqueIds, unknownColumns, unknownReferences, type Header } from './csv.ts';
import { ImportError, throwIfAny } from './errors.ts';
import { readText } from './geojson.ts';
import { slugify } from './ids.ts';
import { importSpreadsheetRows, upsertRows, type SpreadsheetRowsOptions, type Upserted } from './store.ts';
import { commit } from './write.ts';

export interface ImportOfficersOptions {
  /** The CSV file. */
  file: string;
  /** The content folder. */
  out: string;
}

export interface OfficersReport {
  /** Rows with something in them, not counting the header. */
  rowsRead: number;
  written: number;
  /** Officers' files in officers/ the import replaced (photos stay). */
  replaced: number;
  /** Officers whose photo was carried over from the entry they replace. */
  keptPhotos: string[];
  warnings: string[];
  notes: string[];
}

export const officerColumns = ['id', 'name', 'rank', 'role', 'beats', 'district', 'languages', 'email', 'phone', 'office_hours', 'bio'] as const;
type Column = (typeof officerColumns)[number];
const REQUIRED: Column[] = ['name', 'rank', 'role'];

// Where each schema field comes from, so the schema's complaints name a column.
const COLUMN_OF_FIELD: Record<string, Column> = {
  name: 'name',
  rank: 'rank',
  role: 'role',
  beats: 'beats',
  district: 'district',
  languages: 'languages',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'contact.officeHours': 'office_hours',
  bio: 'bio',
};

export async function importOfficers(options: ImportOfficersOptions): Promise<OfficersReport> {
  const out = path.resolve(options.out);
  const existing = await readFolder(out, 'officers');
  const plan = await planOfficers(options.file, existing);
  const known = await knownReferences(out);
  const files = new Map<string, string>();
  for (const { row, officer } of plan.officers) {
    files.set(`${officer.id}.json`, entryText('officers', officer)!);
    plan.warnings.push(...unknownReferences(row, officer, known));
  }
  // Photos stay beside the files, whoever's they are: an officer may come back.
  await commit(out, { folders: [{ name: 'officers', files, keep: (name) => !name.endsWith('.json') }] });
  return {
    rowsRead: plan.rowsRead,
    written: files.size,
    replaced: existing.entries.size,
    keptPhotos: plan.keptPhotos,
    warnings: plan.warnings,
    notes: plan.notes,
  };
}

export type ImportOfficerRowsOptions = SpreadsheetRowsOptions;

export interface OfficerRowsReport extends Pick<OfficersReport, 'rowsRead' | 'keptPhotos' | 'warnings' | 'notes'> {
  officers: Upserted;
}

/**
 * The roster into the database: each officer upserted by id, keeping its
 * photo; officers the roster lacks stay. The beats and district an officer
 * serves must be in the database, and published if the officer will be.
 * Nothing is written when there is a problem.
 */
export async function importOfficerRows(db: pg.Client, options: ImportOfficerRowsOptions): Promise<OfficerRowsReport> {
  const { upserted, ...plan } = await importSpreadsheetRows(db, 'officers', options, {
    plan: (existing) => planOfficers(options.file, existing),
    entries: (plan) => plan.officers.map(({ row, officer }) => ({ row, ...officer })),
    write: (plan) => upsertRows(db, 'officers', plan.officers.map(({ officer }) => officerRow(officer)) as unknown as Array<Record<string, unknown>>, options),
  });
  return { ...plan, officers: upserted };
}

interface OfficersPlan {
  rowsRead: number;
  officers: Array<{ row: number; officer: Officer }>;
  keptPhotos: string[];
  warnings: string[];
  notes: string[];
}

/** The officers the roster lists, each with the photo `existing` holds for it; throws ImportError on bad input. */
export async function planOfficers(file: string, existing: Folder): Promise<OfficersPlan> {
  const { header, rows } = readCsv(file, await readText(file), officerColumns, (has) => REQUIRED.filter((column) => !has(column)));
  if (rows.length === 0) throw new ImportError(`${file} has a header but no officers`);
  const warnings = unknownColumns(header);
  const problems: string[] = [];
  const ids = new UniqueIds();
  const keptPhotos: string[] = [];
  const officers: OfficersPlan['officers'] = [];

  for (const { row, cells } of rows) {
    const read = readOfficerRow(row, cells, header);
    read.problems.push(...ids.problems(read.id, row));
    if (read.id === undefined || read.officer === undefined || read.problems.length > 0) {
      problems.push(...read.problems);
      continue;
    }
    const found = { warnings, problems };
    const photo = keptValue(existing, read.id, 'photo', officerFileSchema.shape.photo, found) as string | undefined;
    const photoAlt = keptValue(existing, read.id, 'photoAlt', officerFileSchema.shape.photoAlt, found) as string | undefined;
    if (photo !== undefined) keptPhotos.push(read.id);
    officers.push({
      row,
      officer: { id: read.id, ...read.officer, ...(photo === undefined ? {} : { photo }), ...(photoAlt === undefined ? {} : { photoAlt }) },
    });
  }
  throwIfAny(problems);
  return {
    rowsRead: rows.length,
    officers,
    keptPhotos,
    warnings,
    notes: keptPhotos.length > 0 ? [`kept the photos of ${keptPhotos.join(', ')} from ${existing.updated}`] : [],
  };
}

interface OfficerRead {
  id: string | undefined;
  /** The officer as the schema reads it, when the row has no problem. */
  officer: Omit<Officer, 'id'> | undefined;
  problems: string[];
}

/** One row of the roster: the officer, or one problem a cell, left to right. */
export function readOfficerRow(row: number, cells: string[], header: Header<Column>): OfficerRead {
  const reader = new RowReader(row, cells, header);
  const cell = (column: Column) => reader.cell(column);
  for (const column of REQUIRED) if (cell(column) === '') reader.flag(column, 'empty; every officer needs one');

  const beats = reader.ids('beats');
  const [district, ...others] = reader.ids('district');
  if (others.length > 0) reader.flag('district', `${JSON.stringify(cell('district'))} names more than one district`);
  const role = cell('role')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (role !== '' && !(officerRoles as readonly string[]).includes(role))
    reader.flag('role', `${JSON.stringify(cell('role'))} is not a role: use ${officerRoles.join(', ')}`);
  const optional = <K extends string>(key: K, column: Column) =>
    cell(column) === '' ? {} : ({ [key]: cell(column) } as Record<K, string>);

  const parsed = officerFileSchema.safeParse({
    name: cell('name'),
    rank: cell('rank'),
    role,
    beats,
    ...(district === undefined ? {} : { district }),
    languages: cell('languages') === '' ? ['en'] : splitList(cell('languages')),
    contact: { ...optional('email', 'email'), ...optional('phone', 'phone'), ...optional('officeHours', 'office_hours') },
    bio: cell('bio'),
  });
  reader.flagIssues(parsed.error?.issues ?? [], columnOf);
  const id = officerId(cell('id'), cell('name'), (problem) => reader.flag('id', problem));
  const problems = reader.problems();
  return { id, officer: parsed.success && problems.length === 0 ? parsed.data : undefined, problems };
}

function officerId(given: string, name: string, problem: (text: string) => void): string | undefined {
  const id = given === '' ? slugify(name) : given;
  if (id === '') {
    // An empty name is already its own problem.
    if (name !== '') problem('empty, and the name has no letters or digits to make a slug from');
    return undefined;
  }
  const checked = officerSlugSchema.safeParse(id);
  if (checked.success) return id;
  problem(`${JSON.stringify(id)}${given === '' ? ' (made from the name)' : ''}: ${checked.error.issues[0]?.message}`);
  return undefined;
}

const columnOf = columnFinder(COLUMN_OF_FIELD, 'officers');
