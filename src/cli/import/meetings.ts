// `openbeat import meetings`: a meeting schedule kept as a spreadsheet and
// saved as CSV becomes meetings/<id>.json, replacing the folder.
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
// dates) are not in the spreadsheet: a meeting keeps those of the file it
// replaces, found by id.
import { readText } from './geojson.ts';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { meetingSchema } from '../../content.config.ts';
import { scheduleProblems } from '../../lib/content/recurrence.ts';
import { entryIds, keptValue, readFolder } from './content.ts';
import { ImportError, throwIfAny } from './errors.ts';
import { parseId, slugify } from './ids.ts';
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
  const { header, rows } = readCsv(options.file, await readText(options.file));
  if (rows.length === 0) throw new ImportError(`${options.file} has a header but no meetings`);
  const existing = await readFolder(out, 'meetings');
  const known = { beats: await entryIds(out, 'beats'), districts: await entryIds(out, 'districts') };
  const warnings = header.unknown.map((name) => `column "${name}" is not one the importer reads; it is ignored`);
  const problems: string[] = [];
  const rowOfId = new Map<string, number>();
  const keptExceptions: string[] = [];
  const files = new Map<string, string>();
  // Calendar feeds number a meeting's versions by `updated` (see meetingSchema): it moves
  // on only when the schedule changes, so subscribers' calendars pick up the change.
  const importedAt = new Date().toISOString().slice(0, 16);

  for (const { row, cells } of rows) {
    const read = readRow(row, cells, header);
    warnings.push(...read.warnings);
    if (read.id !== undefined) {
      const earlier = rowOfId.get(read.id);
      if (earlier === undefined) rowOfId.set(read.id, row);
      else
        read.problems.push(
          `row ${row}, column id: "${read.id}" is also the id of row ${earlier}; ids must be unique (fill in the id column to tell them apart)`,
        );
    }
    if (read.id === undefined || read.problems.length > 0) {
      problems.push(...read.problems);
      continue;
    }
    const exceptions = keptValue(existing, read.id, 'exceptions', meetingSchema.shape.exceptions, { warnings, problems });
    if (Array.isArray(exceptions) && exceptions.length > 0) keptExceptions.push(read.id);
    const before = existing.entries.get(read.id);
    const previous = before && 'data' in before ? (before.data as { schedule?: unknown; updated?: string }) : undefined;
    const sameSchedule = previous !== undefined && JSON.stringify(previous.schedule) === JSON.stringify(read.meeting.schedule);
    const updated = previous === undefined ? undefined : sameSchedule ? previous.updated : importedAt;
    files.set(`${read.id}.json`, jsonText({ ...read.meeting, exceptions: exceptions ?? [], ...(updated ? { updated } : {}) }));
    warnings.push(...unknownReferences(row, read.meeting, known));
  }
  throwIfAny(problems);

  await commit(out, { folders: [{ name: 'meetings', files }] });
  return {
    rowsRead: rows.length,
    written: files.size,
    replaced: existing.files,
    keptExceptions,
    warnings,
    notes:
      keptExceptions.length > 0
        ? [`kept the exceptions (cancelled or moved dates) of ${keptExceptions.join(', ')} from the files they replace`]
        : [],
  };
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

function readRow(row: number, cells: string[], header: Header): Row {
  const cell = (column: Column) => {
    const index = header.index.get(column);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const problems: string[] = [];
  const warnings: string[] = [];
  // A cell gets one problem: the schema's view of a cell already found empty or malformed would only repeat it.
  const flagged = new Map<Column, string>();
  const flag = (column: Column, problem: string) => {
    if (!flagged.has(column)) flagged.set(column, problem);
  };

  for (const column of REQUIRED) if (cell(column) === '') flag(column, 'empty; every meeting needs one');
  if (cells.slice(header.names.length).some((value) => value.trim() !== '')) {
    problems.push(`row ${row}: ${cells.length} values, but the header names ${header.names.length} columns`);
  }
  const ids = (column: 'beats' | 'district') =>
    splitList(cell(column)).flatMap((value) => {
      const parsed = parseId(value);
      if (parsed !== undefined && 'problem' in parsed) flag(column, parsed.problem);
      return parsed !== undefined && 'id' in parsed ? [parsed.id] : [];
    });
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
  const parsed = meetingSchema.safeParse(meeting);
  for (const issue of parsed.error?.issues ?? []) {
    const column = columnOf(issue.path);
    const value = cell(column);
    flag(column, `${value === '' ? '' : `${JSON.stringify(value)}: `}${issue.message}`);
  }
  // The same schedule rules as the validator, so an imported folder builds.
  if (rrule !== '' && typeof start === 'string' && !flagged.has('start') && !flagged.has('rrule') && !flagged.has('time_zone')) {
    const schedule = { start, durationMinutes: 60, rrule, timeZone: meeting.schedule.timeZone };
    for (const problem of scheduleProblems({ schedule }, schedule.timeZone ?? 'UTC')) {
      const [field = '', ...rest] = problem.split(': ');
      flag(field === 'schedule.start' ? 'start' : 'rrule', rest.join(': '));
    }
  }
  const id = meetingId(cell('id'), meeting.title, beats[0] ?? district, (problem) => flag('id', problem));
  // Left to right, as the row reads in the spreadsheet.
  const position = (column: Column) => header.index.get(column) ?? header.names.length;
  for (const [column, problem] of [...flagged].sort(([a], [b]) => position(a) - position(b)))
    problems.push(`row ${row}, column ${column}: ${problem}`);
  return { id, meeting, problems, warnings };
}

interface Header {
  names: string[];
  index: Map<Column, number>;
  unknown: string[];
}

function readCsv(file: string, text: string): { header: Header; rows: Array<{ row: number; cells: string[] }> } {
  if (/\.(xlsx|xls|ods|numbers)$/i.test(file)) throw new ImportError(`${file} is a spreadsheet file; save it as CSV (UTF-8) first`);
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new ImportError(`${file} is not a readable CSV: ${(error as Error).message}`);
  }
  const [first, ...rest] = records;
  if (first === undefined) throw new ImportError(`${file} is empty; it needs a header row naming the columns (${COLUMNS.join(', ')})`);
  const names = first.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const index = new Map<Column, number>();
  const unknown: string[] = [];
  const problems: string[] = [];
  names.forEach((name, i) => {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      if (name !== '') unknown.push(first[i]!.trim());
    } else if (index.has(name as Column)) problems.push(`row 1: column "${name}" appears twice`);
    else index.set(name as Column, i);
  });
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (!index.has('beats') && !index.has('district')) missing.push('beats');
  if (missing.length > 0) {
    problems.push(
      `row 1: no column ${missing.map((column) => `"${column}"`).join(', ')}; the columns are: ${first.map((name) => name.trim()).join(', ')}`,
    );
  }
  throwIfAny(problems);
  const rows = rest.map((cells, i) => ({ row: i + 2, cells })).filter(({ cells }) => cells.some((value) => value.trim() !== ''));
  return { header: { names, index, unknown }, rows };
}

function splitList(text: string): string[] {
  return text.split(/[\s;,]+/).filter((value) => value !== '');
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

/** References to beats or districts that OUT lacks: worth a warning, not an error, since they may be imported next. */
function unknownReferences(row: number, meeting: Meeting, known: { beats: Set<string>; districts: Set<string> }): string[] {
  const warnings: string[] = [];
  if (known.beats.size > 0) {
    for (const beat of meeting.beats)
      if (!known.beats.has(beat)) warnings.push(`row ${row}, column beats: there is no beat ${beat} in beats/`);
  }
  const { district } = meeting;
  if (district !== undefined && known.districts.size > 0 && !known.districts.has(district)) {
    warnings.push(`row ${row}, column district: there is no district ${district} in districts/`);
  }
  return warnings;
}

function columnOf(at: ReadonlyArray<PropertyKey>): Column {
  for (let length = at.length; length > 0; length--) {
    const column = COLUMN_OF_FIELD[at.slice(0, length).map(String).join('.')];
    if (column !== undefined) return column;
  }
  // Every field the schema checks comes from a column; a new schema field without one is a bug here.
  throw new Error(`meetings import: no column for schema field ${at.map(String).join('.')}`);
}
