// The database as where an import goes (`openbeat import beats|districts|
// meetings|officers` without --out). The importers read what the database
// holds as they read a content folder (a Folder of entries), so a re-import
// keeps what the department added there, a station, neighbourhoods, a photo,
// exactly as it keeps it in files; then the rows are upserted by id, in one
// transaction with the reading, under locks that keep anyone else from
// changing the collections the import reads until it commits. Rows the import
// does not name stay as they are. Each write is recorded in content_history
// (with the command as its note) and queues a publish, by the tables' own
// triggers.
import type pg from 'pg';
import {
  beatEntry,
  districtEntry,
  meetingEntry,
  officerEntry,
  type BeatRow,
  type DistrictRow,
  type MeetingExceptionRow,
  type MeetingRow,
  type OfficerRow,
} from '../../lib/content/rows.ts';
import type { Folder } from './content.ts';
import { throwIfAny } from './errors.ts';

export type RowCollection = 'districts' | 'beats' | 'officers' | 'meetings';

const keyOf: Record<RowCollection, string> = { districts: 'district_id', beats: 'beat_id', officers: 'officer_id', meetings: 'meeting_id' };
const singular: Record<RowCollection, string> = { districts: 'district', beats: 'beat', officers: 'officer', meetings: 'meeting' };

/** A collection as the database holds it, drafts too, and which of its entries are published. */
export interface Stored extends Folder {
  published: Set<string>;
}

export async function readStored(db: pg.Client, collection: RowCollection): Promise<Stored> {
  const key = keyOf[collection];
  const { rows } = await db.query<Record<string, unknown> & { published: boolean }>(`select * from public.${collection} order by ${key}`);
  let entries: Array<{ id: string }>;
  if (collection === 'districts') entries = rows.map((row) => districtEntry(row as unknown as DistrictRow));
  else if (collection === 'beats') entries = rows.map((row) => beatEntry(row as unknown as BeatRow));
  else if (collection === 'officers') entries = rows.map((row) => officerEntry(row as unknown as OfficerRow));
  else {
    const exceptions = await db.query<MeetingExceptionRow>('select * from public.meeting_exceptions');
    const exceptionsOf = Map.groupBy(exceptions.rows, (exception) => exception.meeting_id);
    entries = rows.map((row) => meetingEntry(row as unknown as MeetingRow, exceptionsOf.get(row.meeting_id as string) ?? []));
  }
  return {
    name: collection,
    files: rows.length,
    entries: new Map(entries.map(({ id, ...data }) => [id, { data }])),
    where: 'the database',
    label: (id) => `${singular[collection]} ${id} in the database`,
    updated: 'the rows they update',
    published: new Set(rows.filter((row) => row.published).map((row) => row[key] as string)),
  };
}

/** Whether a row the import writes will be published: a new one unless --draft; one already there stays as it is. */
export function willPublish(stored: Stored, id: string, draft: boolean): boolean {
  return stored.entries.has(id) ? stored.published.has(id) : !draft;
}

/**
 * What is wrong with naming a beat or district the database holds, from a row
 * that will be published or not; undefined when nothing is. A published row
 * naming a draft would stop the next publish (the build reads what is
 * published only), so that is a problem too.
 */
export function referenceProblem(stored: Stored, id: string, from: { published: boolean; isNew: boolean }): string | undefined {
  const what = singular[stored.name as RowCollection];
  if (!stored.entries.has(id)) return `there is no ${what} ${id} in the database`;
  if (from.published && !stored.published.has(id)) {
    return `${what} ${id} is a draft in the database, and a published entry cannot name it: publish it first${from.isNew ? ', or import with --draft' : ''}`;
  }
  return undefined;
}

/** An entry a spreadsheet's row makes, with the beats and district it names. */
export interface RowEntry {
  row: number;
  id: string;
  beats: string[];
  district?: string;
}

export interface SpreadsheetRowsOptions {
  /** The CSV file. */
  file: string;
  /** New entries are drafts, for staff to publish. */
  draft: boolean;
}

/**
 * A spreadsheet (the meeting schedule, the officer roster) into its table, in
 * one transaction: `plan` reads the file against what the table holds, then
 * the beats and district each entry names are checked against the database's
 * (one line a problem, and nothing written if there is any), then `write`
 * upserts.
 */
export async function importSpreadsheetRows<Plan>(
  db: pg.Client,
  collection: 'meetings' | 'officers',
  { file, draft }: SpreadsheetRowsOptions,
  steps: { plan(existing: Stored): Promise<Plan>; entries(plan: Plan): RowEntry[]; write(plan: Plan): Promise<Upserted> },
): Promise<Plan & { upserted: Upserted }> {
  return inImportTransaction(db, { note: `openbeat import ${collection} ${file}`, writes: [collection], reads: ['beats', 'districts'] }, async () => {
    const existing = await readStored(db, collection);
    const plan = await steps.plan(existing);
    const stored = { beats: await readStored(db, 'beats'), districts: await readStored(db, 'districts') };
    const problems: string[] = [];
    for (const { row, id, beats, district } of steps.entries(plan)) {
      const from = { published: willPublish(existing, id, draft), isNew: !existing.entries.has(id) };
      const named: Array<[string, string | undefined]> = beats.map((beat) => ['beats', referenceProblem(stored.beats, beat, from)]);
      if (district !== undefined) named.push(['district', referenceProblem(stored.districts, district, from)]);
      for (const [column, problem] of named) if (problem !== undefined) problems.push(`row ${row}, column ${column}: ${problem}`);
    }
    throwIfAny(problems);
    return { ...plan, upserted: await steps.write(plan) };
  });
}

/** What an upsert did, by id. */
export interface Upserted {
  added: string[];
  changed: string[];
  unchanged: string[];
}

/**
 * Inserts the rows whose id the table lacks (published unless `draft`) and
 * updates those that differ, column by column, from the row with their id;
 * rows the same as the table's are not written at all, so re-importing the
 * same file records no change and queues no publish. `leave` names columns an
 * update never writes (a meeting's updated_local, which the database moves).
 */
export async function upsertRows(
  db: pg.Client,
  collection: RowCollection,
  rows: ReadonlyArray<Record<string, unknown>>,
  { draft, leave = [] }: { draft: boolean; leave?: string[] },
): Promise<Upserted> {
  const done: Upserted = { added: [], changed: [], unchanged: [] };
  if (rows.length === 0) return done;
  const key = keyOf[collection];
  const q = (column: string) => db.escapeIdentifier(column);
  const columns = Object.keys(rows[0]!);
  const written = columns.filter((column) => column !== key && !leave.includes(column));
  const incoming = `jsonb_populate_recordset(null::public.${collection}, $1::jsonb)`;
  const json = JSON.stringify(rows);
  const { rows: found } = await db.query<{ id: string; present: boolean; differs: boolean | null }>(
    `select i.${q(key)} as id, t.${q(key)} is not null as present, ${written.map((column) => `t.${q(column)} is distinct from i.${q(column)}`).join(' or ')} as differs
       from ${incoming} with ordinality as i left join public.${collection} as t on t.${q(key)} = i.${q(key)}
      order by i.ordinality`,
    [json],
  );
  for (const { id, present, differs } of found) (present ? (differs ? done.changed : done.unchanged) : done.added).push(id);
  if (done.changed.length > 0) {
    await db.query(
      `update public.${collection} as t set ${written.map((column) => `${q(column)} = i.${q(column)}`).join(', ')}
         from ${incoming} as i where t.${q(key)} = i.${q(key)} and i.${q(key)} = any($2)`,
      [json, done.changed],
    );
  }
  if (done.added.length > 0) {
    const all = [...columns.map(q), 'published'].join(', ');
    await db.query(
      `insert into public.${collection} (${all}) select ${columns.map((column) => `i.${q(column)}`).join(', ')}, $3 from ${incoming} as i where i.${q(key)} = any($2)`,
      [json, done.added, !draft],
    );
  }
  return done;
}

/**
 * Runs an import's reading and writing in one transaction: `writes` are locked
 * against any other change (reads go on), `reads` (the collections the import
 * checks references against) against changes too, so nothing the import read
 * moves before it commits. `note` is what content_history records each change
 * with. Whatever `work` throws undoes everything.
 */
export async function inImportTransaction<T>(
  db: pg.Client,
  { note, writes, reads }: { note: string; writes: RowCollection[]; reads: RowCollection[] },
  work: () => Promise<T>,
): Promise<T> {
  await db.query('begin');
  try {
    await db.query(`select set_config('openbeat.change_note', $1, true)`, [note.slice(0, 5000)]);
    await db.query(`lock table ${writes.map((table) => `public.${table}`).join(', ')} in share row exclusive mode`);
    const others = reads.filter((table) => !writes.includes(table));
    if (others.length > 0) await db.query(`lock table ${others.map((table) => `public.${table}`).join(', ')} in share mode`);
    const result = await work();
    await db.query('commit');
    return result;
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

/** "2 added (7, 9), 1 changed (3), 4 unchanged": what an upsert did, in a line. */
export function describeUpserted(done: Upserted, noun: string): string {
  const ids = (list: string[]) => (list.length === 0 ? '' : ` (${list.length > 10 ? `${list.slice(0, 10).join(', ')}, …` : list.join(', ')})`);
  return `${noun}: ${done.added.length} added${ids(done.added)}, ${done.changed.length} changed${ids(done.changed)}, ${done.unchanged.length} unchanged`;
}
