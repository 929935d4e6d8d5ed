// The content tables and a content folder: `openbeat import content` puts a
// folder's entries into the database, `openbeat export` reads the published
// ones back, and the local stack loads its folder into an empty database.
// Rows are made and read by src/lib/content/rows.ts.
import type pg from 'pg';
import {
  beatEntry,
  beatRow,
  districtEntry,
  districtRow,
  meetingEntry,
  meetingRows,
  officerEntry,
  officerRow,
  siteEntry,
  siteRow,
  workshopEntry,
  workshopRow,
  type BeatRow,
  type DistrictRow,
  type MeetingExceptionRow,
  type MeetingRow,
  type OfficerRow,
  type SiteRow,
  type WorkshopRow,
} from '../../lib/content/rows.ts';
import { validateContent, type Content } from '../../lib/content/validate.ts';
import type { ContentEntries } from './files.ts';

/** The content tables, in the order rows go in: each after those it refers to. */
export const contentTables = ['site_settings', 'districts', 'beats', 'officers', 'meetings', 'meeting_exceptions', 'workshops'] as const;
export type ContentTable = (typeof contentTables)[number];

/** How many entries of each kind, for a one-line report. */
export function describeCounts(content: Omit<ContentEntries, 'site'>): string {
  return `${content.districts.length} districts, ${content.beats.length} beats, ${content.officers.length} officers, ${content.meetings.length} meetings, ${content.workshops.length} workshops`;
}

/**
 * Replaces everything in the content tables with the folder's content, all of
 * it published, in one transaction: readers see the old content or the new,
 * never a mix, and a failure leaves the old. The content must be valid
 * (validateContent), which is more than the tables check.
 */
export async function replaceContent(db: pg.Client, content: Content): Promise<void> {
  if (!content.site) throw new Error(`${content.dir}: no site settings to import`);
  const meetings = content.meetings.map(meetingRows);
  const rows: Record<ContentTable, object[]> = {
    site_settings: [siteRow(content.site)],
    districts: content.districts.map(districtRow),
    beats: content.beats.map(beatRow),
    officers: content.officers.map(officerRow),
    meetings: meetings.map((meeting) => meeting.meeting),
    meeting_exceptions: meetings.flatMap((meeting) => meeting.exceptions),
    workshops: content.workshops.map(workshopRow),
  };
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
  // One snapshot for every table, so an import or an edit meanwhile is seen whole or not at all.
  await db.query('begin transaction isolation level repeatable read read only');
  try {
    const select = async <Row extends pg.QueryResultRow>(sql: string) => (await db.query<Row>(sql)).rows;
    const [site] = await select<SiteRow>('select * from public.site_settings where published');
    const districts = await select<DistrictRow>('select * from public.districts where published order by district_id');
    const beats = await select<BeatRow>('select * from public.beats where published order by beat_id');
    const officers = await select<OfficerRow>('select * from public.officers where published order by officer_id');
    const meetings = await select<MeetingRow>('select * from public.meetings where published order by meeting_id');
    const exceptions = await select<MeetingExceptionRow>('select * from public.meeting_exceptions where published order by meeting_id, position');
    const workshops = await select<WorkshopRow>('select * from public.workshops where published order by workshop_id');
    if (!site) return undefined;
    const exceptionsOf = Map.groupBy(exceptions, (exception) => exception.meeting_id);
    return {
      site: siteEntry(site),
      districts: districts.map(districtEntry),
      beats: beats.map(beatEntry),
      officers: officers.map(officerEntry),
      meetings: meetings.map((meeting) => meetingEntry(meeting, exceptionsOf.get(meeting.meeting_id) ?? [])),
      workshops: workshops.map(workshopEntry),
    };
  } finally {
    await db.query('rollback');
  }
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
