// The content tables and a content folder: `openbeat import content` puts a
// folder's entries into the database, `openbeat export` reads the published
// ones back, and the local stack loads its folder into an empty database.
// Rows are made and read by src/lib/content/rows.ts.
import type pg from 'pg';
import { contentEntries, contentRows, type ContentRows } from '../../lib/content/rows.ts';
import { validateContent, type Content } from '../../lib/content/validate.ts';
import type { ContentEntries } from './files.ts';

/** The content tables, in the order rows go in: each after those it refers to. */
export const contentTables = [
  'site_settings', 'districts', 'beats', 'officers', 'meetings', 'meeting_exceptions', 'priorities', 'priority_updates', 'meeting_reports', 'workshops',
] as const;
export type ContentTable = (typeof contentTables)[number];

/** How many entries of each kind, for a one-line report. */
export function describeCounts(content: Omit<ContentEntries, 'site'>): string {
  return `${content.districts.length} districts, ${content.beats.length} beats, ${content.officers.length} officers, ${content.meetings.length} meetings, ${content.priorities.length} priorities, ${content.workshops.length} workshops`;
}

/**
 * Replaces everything in the content tables with the folder's content, all of
 * it published, in one transaction: readers see the old content or the new,
 * never a mix, and a failure leaves the old. The content must be valid
 * (validateContent), which is more than the tables check.
 */
export async function replaceContent(db: pg.Client, content: Content): Promise<void> {
  if (!content.site) throw new Error(`${content.dir}: no site settings to import`);
  const { site, ...tables } = contentRows(content);
  const rows: Record<ContentTable, object[]> = { site_settings: [site!], ...tables };
  await db.query('begin');
  try {
    for (const table of [...contentTables].reverse()) await db.query(`delete from public.${table}`);
    for (const table of contentTables) await insertRows(db, table, rows[table]);
    await db.query('commit');
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

// One statement a table, however many rows: the rows travel as one JSON array,
// which Postgres turns into the table's row type, column by column.
async function insertRows(db: pg.Client, table: ContentTable, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...Object.keys(rows[0]!), 'published'].map((column) => db.escapeIdentifier(column)).join(', ');
  await db.query(
    `insert into public.${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::public.${table}, $1::jsonb)`,
    [JSON.stringify(rows.map((row) => ({ ...row, published: true })))],
  );
}

/** What the public site shows: the published rows as entries, or undefined while no site settings are published. */
export async function readPublishedContent(db: pg.Client): Promise<ContentEntries | undefined> {
  // What the build reads, in the one snapshot the build reads it in.
  const { rows } = await db.query<{ content: ContentRows }>('select public.published_content() as content');
  const content = contentEntries(rows[0]!.content);
  return content.site ? content : undefined;
}

export type EmptyLoad = { outcome: 'kept' } | { outcome: 'loaded'; counts: string } | { outcome: 'refused'; problems: string[] };

/**
 * Loads a content folder into the content tables while they are all empty (a
 * new database), so the local stack starts with the jurisdiction it builds;
 * content already there, however it got there, is kept. A folder with
 * problems is not loaded: they are answered, for the caller to show.
 */
export async function loadContentIfEmpty(db: pg.Client, folder: string): Promise<EmptyLoad> {
  const { rows } = await db.query<{ empty: boolean }>(
    `select ${contentTables.map((table) => `not exists (select from public.${table})`).join(' and ')} as empty`,
  );
  if (!rows[0]?.empty) return { outcome: 'kept' };
  const { content, problems } = validateContent(folder);
  if (problems.length > 0) return { outcome: 'refused', problems };
  await replaceContent(db, content);
  return { outcome: 'loaded', counts: describeCounts(content) };
}
