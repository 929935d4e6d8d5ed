// `openbeat import meetings`: a meeting schedule kept as a spreadsheet and
// saved as CSV becomes rows of the meetings table, or meetings/<id>.json in a
// content folder, replacing the folder's meetings.
//
// Columns (the header row names them, in any order; case, spaces and hyphens
// in names are ignored, so "Venue Name" is venue_name):
//
//   id                optional. Letters, digits, - and _. Without it, the id is
//                     the title slugified, followed by the first beat (or else
//                     the district) unless the title already contains it:
//                     "Beat 1713 CAPS meeting" → beat-1713-caps-meeting,
//                     "Coffee with a Cop" in beat 1713 → coffee-with-a-cop-1713.
//   title             required.
//   kind              required: beat_meeting, district_advisory_council,
//                     watch_training, youth or business ("Beat meeting" works too).
//   beats             beat ids, separated by spaces, semicolons or commas.
//   district          a district id. A meeting needs beats, a district, or both.
//                     Ids are read as the map importers read them: "01" is beat 1.
//   venue_name        required.
//   venue_address     required.
//   venue_lon         required: longitude in decimal degrees (WGS 84), e.g. -87.6512.
//   venue_lat         required: latitude in decimal degrees, e.g. 41.9213.
//   accessibility     optional, free text: step-free entrance, ASL on request …
//   start             required: the first meeting, local time, YYYY-MM-DDTHH:MM
//                     (a space may stand for the T, and :00 seconds are dropped):
//                     2026-01-13T18:30.
//   duration_minutes  required: whole minutes, 5 to 1440.
//   rrule             optional: an RFC 5545 RRULE value, e.g. FREQ=MONTHLY;BYDAY=2TU
//                     (a leading "RRULE:" is dropped). Empty for a one-off meeting.
//   time_zone         optional: an IANA zone such as America/Chicago; empty means
//                     the site's time zone.
//   languages         optional: language tags separated by spaces, semicolons or
//                     commas, e.g. "en es". Empty means en.
//   online            optional: a URL for joining online.
//
// Rows are numbered as a spreadsheet shows them, the header being row 1; empty
// rows are skipped. A UTF-8 byte order mark and Windows line endings are fine.
// Other columns are ignored, with a warning. Exceptions (cancelled or moved
// dates) and reports are not in the spreadsheet: a meeting keeps those of the
// row it updates (or the file it replaces), found by id.
import path from 'node:path';
import type pg from 'pg';
import { meetingSchema } from '../../content.config.ts';
import { scheduleProblems } from '../../lib/content/recurrence.ts';
import { meetingRows } from '../../lib/content/rows.ts';
import type { Meeting as MeetingEntry } from '../../lib/content/validate.ts';
import type { Folder } from './content.ts';
import { keptValue, knownReferences, readFolder } from './content.ts';
import { columnFinder, readCsv, RowReader, splitList, UniqueIds, unknownColumns, unknownReferences, type Header } from './csv.ts';
import { ImportError, throwIfAny } from './errors.ts';
import { readText } from './geojson.ts';
import { parseId, slugify } from './ids.ts';
import { importSpreadsheetRows, upsertRows, type SpreadsheetRowsOptions, type Upserted } from './store.ts';
import { commit, jsonText } from './write.ts';

export interface ImportMeetingsOptions {
  /** The CSV file. */
  file: string;
  /** The content folder. */
  out: string;
}

export interface MeetingsReport {
  /** Rows with something in them, not counting the header. */
  rowsRead: number;
  written: number;
  /** Files in meetings/ the import replaced. */
  replaced: number;
  /** Meetings whose exceptions were carried over from the files they replace. */
  keptExceptions: string[];
  warnings: string[];
  notes: string[];
}

const COLUMNS = [
  'id',
  'title',
  'kind',
  'beats',
  'district',
  'venue_name',
  'venue_address',
  'venue_lon',
  'venue_lat',
  'accessibility',
  'start',
  'duration_minutes',
  'rrule',
  'time_zone',
  'languages',
  'online',
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ['title', 'kind', 'venue_name', 'venue_address', 'venue_lon', 'venue_lat', 'start', 'duration_minutes'];

// Where each schema field comes from, so the schema's complaints name a column.
const COLUMN_OF_FIELD: Record<string, Column> = {
  title: 'title',
  kind: 'kind',
  beats: 'beats',
  district: 'district',
  'venue.name': 'venue_name',
  'venue.address': 'venue_address',
  'venue.location.0': 'venue_lon',
  'venue.location.1': 'venue_lat',
  'venue.accessibility': 'accessibility',
  'schedule.start': 'start',
  'schedule.durationMinutes': 'duration_minutes',
  'schedule.rrule': 'rrule',
  'schedule.timeZone': 'time_zone',
  languages: 'languages',
  online: 'online',
};

export async function importMeetings(options: ImportMeetingsOptions): Promise<MeetingsReport> {
  const out = path.resolve(options.out);
  const existing = await readFolder(out, 'meetings');
  const plan = await planMeetings(options.file, existing);
  const known = await knownReferences(out);
  // Calendar feeds number a meeting's versions by `updated` (see meetingSchema): it moves
  // on only when the schedule changes, so subscribers' calendars pick up the change.
  const importedAt = new Date().toISOString().slice(0, 16);
  const files = new Map<string, string>();
  for (const { row, id, meeting, previous } of plan.meetings) {
    const updated = previous === undefined ? undefined : sameSchedule(previous, meeting) ? previous.updated : importedAt;
    files.set(`${id}.json`, jsonText({ ...meeting, ...(updated ? { updated } : {}) }));
    plan.warnings.push(...unknownReferences(row, meeting, known));
  }

  await commit(out, { folders: [{ name: 'meetings', files }] });
  return {
    rowsRead: plan.rowsRead,
    written: files.size,
    replaced: existing.files,
    keptExceptions: plan.keptExceptions,
    warnings: plan.warnings,
    notes: plan.notes,
  };
}

export type ImportMeetingRowsOptions = SpreadsheetRowsOptions;

export interface MeetingRowsReport extends Pick<MeetingsReport, 'rowsRead' | 'keptExceptions' | 'warnings' | 'notes'> {
  meetings: Upserted;
}

/**
 * The same import into the database: each meeting upserted by id, keeping its
 * exceptions (rows of meeting_exceptions the import never touches); meetings
 * the spreadsheet lacks stay. The beats and district a meeting names must be
 * in the database, and published if the meeting will be. A meeting whose
 * schedule changes has its "updated" moved on by the database, as an edit in
 * the workspace has. Nothing is written when there is a problem.
 */
export async function importMeetingRows(db: pg.Client, options: ImportMeetingRowsOptions): Promise<MeetingRowsReport> {
  const { upserted, ...plan } = await importSpreadsheetRows(db, 'meetings', options, {
    plan: (existing) => planMeetings(options.file, existing),
    entries: (plan) => plan.meetings.map(({ row, id, meeting }) => ({ row, id, ...meeting })),
    async write(plan) {
      const rows = plan.meetings.map(({ id, meeting }) => meetingRows({ id, ...meeting } as MeetingEntry).meeting);
      const done = await upsertRows(db, 'meetings', rows as unknown as Array<Record<string, unknown>>, { ...options, leave: ['updated_local'] });
      const moved = plan.meetings.filter(({ meeting, previous }) => previous !== undefined && !sameSchedule(previous, meeting)).map(({ id }) => id);
      if (moved.length > 0) await db.query('select private.touch_meeting(id) from unnest($1::text[]) as id', [moved]);
      return done;
    },
  });
  return { ...plan, meetings: upserted };
}

interface PlannedMeeting {
  row: number;
  id: string;
  meeting: Meeting & { exceptions: unknown[]; reports: unknown[] };
  /** The entry with this id before the import. */
  previous?: { schedule?: unknown; updated?: string };
}

interface MeetingsPlan {
  rowsRead: number;
  meetings: PlannedMeeting[];
  keptExceptions: string[];
  warnings: string[];
  notes: string[];
}

/** The meetings the spreadsheet lists, each with the exceptions `existing` holds for it; throws ImportError on bad input. */
async function planMeetings(file: string, existing: Folder): Promise<MeetingsPlan> {
  const { header, rows } = readCsv(file, await readText(file), COLUMNS, (has) => [
    ...REQUIRED.filter((column) => !has(column)),
    ...(!has('beats') && !has('district') ? ['beats' as const] : []),
  ]);
  if (rows.length === 0) throw new ImportError(`${file} has a header but no meetings`);
  const warnings = unknownColumns(header);
  const problems: string[] = [];
  const ids = new UniqueIds();
  const keptExceptions: string[] = [];
  const meetings: PlannedMeeting[] = [];

  for (const { row, cells } of rows) {
    const read = readRow(row, cells, header);
    warnings.push(...read.warnings);
    read.problems.push(...ids.problems(read.id, row));
    if (read.id === undefined || read.problems.length > 0) {
      problems.push(...read.problems);
      continue;
    }
    const exceptions = keptValue(existing, read.id, 'exceptions', meetingSchema.shape.exceptions, { warnings, problems });
    if (Array.isArray(exceptions) && exceptions.length > 0) keptExceptions.push(read.id);
    // Reports, like exceptions, are staff's: kept from what the row replaces (in the database, rows the import never touches).
    const reports = keptValue(existing, read.id, 'reports', meetingSchema.shape.reports, { warnings, problems });
    const before = existing.entries.get(read.id);
    const previous = before && 'data' in before ? (before.data as PlannedMeeting['previous']) : undefined;
    meetings.push({
      row,
      id: read.id,
      meeting: { ...read.meeting, exceptions: (exceptions as unknown[] | undefined) ?? [], reports: (reports as unknown[] | undefined) ?? [] },
      previous,
    });
  }
  throwIfAny(problems);
  return {
    rowsRead: rows.length,
    meetings,
    keptExceptions,
    warnings,
    notes:
      keptExceptions.length > 0 ? [`kept the exceptions (cancelled or moved dates) of ${keptExceptions.join(', ')} from ${existing.updated}`] : [],
  };
}

function sameSchedule(previous: NonNullable<PlannedMeeting['previous']>, meeting: Meeting): boolean {
  return JSON.stringify(previous.schedule) === JSON.stringify(meeting.schedule);
}

interface Meeting {
  title: string;
  kind: string;
  beats: string[];
  district?: string;
  venue: { name: string; address: string; location: Array<number | undefined>; accessibility?: string };
  schedule: { start: string | undefined; durationMinutes: number | undefined; rrule?: string; timeZone?: string };
  languages: string[];
  online?: string;
}

interface Row {
  id: string | undefined;
  meeting: Meeting;
  problems: string[];
  warnings: string[];
}

function readRow(row: number, cells: string[], header: Header<Column>): Row {
  const reader = new RowReader(row, cells, header);
  const cell = (column: Column) => reader.cell(column);
  const flag = (column: Column, problem: string) => reader.flag(column, problem);
  const ids = (column: Column) => reader.ids(column);
  const warnings: string[] = [];

  for (const column of REQUIRED) if (cell(column) === '') flag(column, 'empty; every meeting needs one');
  const number = (column: Column, pattern: RegExp, what: string) => {
    const text = cell(column);
    if (text === '') return undefined;
    if (pattern.test(text)) return Number(text);
    flag(column, `${JSON.stringify(text)} is not ${what}`);
    return undefined;
  };
  const decimal = /^[+-]?(\d+\.?\d*|\.\d+)$/;

  const beats = ids('beats');
  const [district, ...others] = ids('district');
  if (others.length > 0) flag('district', `${JSON.stringify(cell('district'))} names more than one district`);
  // The schema says this too, but only once every other field is valid.
  if (cell('beats') === '' && cell('district') === '')
    flag('beats', 'empty, and so is district; a meeting belongs to beats, a district, or both');
  const start = localDateTime(cell('start'));
  if (typeof start === 'object') flag('start', start.problem);
  const rrule = cell('rrule')
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  const optional = <K extends string>(key: K, column: Column) =>
    cell(column) === '' ? {} : ({ [key]: cell(column) } as Record<K, string>);

  const meeting: Meeting = {
    title: cell('title'),
    kind: cell('kind')
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
    beats,
    ...(district === undefined ? {} : { district }),
    venue: {
      name: cell('venue_name'),
      address: cell('venue_address'),
      location: [number('venue_lon', decimal, 'a decimal number'), number('venue_lat', decimal, 'a decimal number')],
      ...optional('accessibility', 'accessibility'),
    },
    schedule: {
      start: typeof start === 'string' ? start : undefined,
      durationMinutes: number('duration_minutes', /^\d+$/, 'a whole number of minutes'),
      ...(rrule === '' ? {} : { rrule }),
      ...optional('timeZone', 'time_zone'),
    },
    languages: cell('languages') === '' ? ['en'] : splitList(cell('languages')),
    ...optional('online', 'online'),
  };
  reader.flagIssues(meetingSchema.safeParse(meeting).error?.issues ?? [], columnOf);
  // The same schedule rules as the validator, so an imported folder builds.
  if (rrule !== '' && typeof start === 'string' && !reader.flagged('start') && !reader.flagged('rrule') && !reader.flagged('time_zone')) {
    const schedule = { start, durationMinutes: 60, rrule, timeZone: meeting.schedule.timeZone };
    for (const problem of scheduleProblems({ schedule }, schedule.timeZone ?? 'UTC')) {
      const [field = '', ...rest] = problem.split(': ');
      flag(field === 'schedule.start' ? 'start' : 'rrule', rest.join(': '));
    }
  }
  const id = meetingId(cell('id'), meeting.title, beats[0] ?? district, (problem) => flag('id', problem));
  return { id, meeting, problems: reader.problems(), warnings };
}

/** YYYY-MM-DDTHH:MM, from what spreadsheets write; a real date and time or a problem. */
function localDateTime(text: string): string | { problem: string } | undefined {
  if (text === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::00)?$/.exec(text);
  if (!match) return { problem: `${JSON.stringify(text)} is not YYYY-MM-DDTHH:MM` };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60;
  if (!real) return { problem: `${JSON.stringify(text)} is not a real date and time` };
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}`;
}

function meetingId(given: string, title: string, place: string | undefined, problem: (text: string) => void): string | undefined {
  if (given !== '') {
    const parsed = parseId(given);
    if (parsed !== undefined && 'problem' in parsed) problem(parsed.problem);
    return parsed !== undefined && 'id' in parsed ? parsed.id : undefined;
  }
  const slug = slugify(title);
  const suffix = place === undefined ? '' : slugify(place);
  const id = suffix === '' || `-${slug}-`.includes(`-${suffix}-`) ? slug : [slug, suffix].filter(Boolean).join('-');
  if (id === '') problem('empty, and the title has no letters or digits to make an id from');
  return id === '' ? undefined : id;
}

const columnOf = columnFinder(COLUMN_OF_FIELD, 'meetings');
