// What the workspace reads and writes of the jurisdiction's content: the
// tables as they are now, drafts included (staff read them all), and every
// change through save_content, delete_content and undo_content_change, which
// check the member's scope and leave the change in content_history. A form
// checks a value with the same schema the build uses before it is sent, and
// names the column the schema's path is about, as the database's refusals do.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { BeatRow, DistrictRow, MeetingExceptionRow, MeetingRow, OfficerRow, SiteRow, WorkshopRow } from '../../../lib/content/rows.ts';
import type { Outcome } from '../workspace/staffData.ts';
import { read } from '../workspace/staffData.ts';

export type ContentKind = 'site' | 'district' | 'beat' | 'officer' | 'meeting' | 'meeting_exception' | 'meeting_report' | 'priority' | 'priority_update' | 'workshop';

/**
 * The kinds a form edits, one row named by one id each: an exception is
 * changed from its meeting's coming dates, a report from its past ones, and
 * an update is posted from its priority.
 */
export type EditedKind = Exclude<ContentKind, 'meeting_exception' | 'meeting_report' | 'priority_update'>;

/** The column that names a row of a kind: site_id, beat_id, meeting_id… */
export const keyColumn = (kind: EditedKind) => `${kind}_id`;

const tables: Record<EditedKind, string> = {
  site: 'site_settings',
  district: 'districts',
  beat: 'beats',
  officer: 'officers',
  meeting: 'meetings',
  priority: 'priorities',
  workshop: 'workshops',
};

/** A row as the workspace holds it: its columns, and whether residents see it. */
export type Published<T> = T & { published: boolean; updated_at: string };

export interface ContentChange {
  history_id: string;
  kind: ContentKind;
  item_id: string;
  operation: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  note: string | null;
  undoes: string | null;
  changed_by: string | null;
  changed_by_email: string | null;
  changed_at: string;
}

export interface MeetingWithExceptions {
  meeting: Published<MeetingRow>;
  exceptions: Array<Published<MeetingExceptionRow>>;
}

export function loadMeetings(client: SupabaseClient): Promise<Outcome<Array<Published<MeetingRow>>>> {
  return read(client.from('meetings').select('*').order('title'));
}

export async function loadMeeting(client: SupabaseClient, id: string): Promise<Outcome<MeetingWithExceptions | null>> {
  const [meeting, exceptions] = await Promise.all([
    read<Array<Published<MeetingRow>>>(client.from('meetings').select('*').eq('meeting_id', id)),
    read<Array<Published<MeetingExceptionRow>>>(client.from('meeting_exceptions').select('*').eq('meeting_id', id).order('position')),
  ]);
  if (meeting.kind !== 'ok') return meeting;
  if (exceptions.kind !== 'ok') return exceptions;
  const row = meeting.value[0];
  return { kind: 'ok', value: row ? { meeting: row, exceptions: exceptions.value } : null };
}

export function loadOfficers(client: SupabaseClient): Promise<Outcome<Array<Published<OfficerRow>>>> {
  return read(client.from('officers').select('*').order('name'));
}

/** One row of a kind, drafts included; null when there is none. */
async function loadRow<T>(client: SupabaseClient, kind: EditedKind, id: string): Promise<Outcome<Published<T> | null>> {
  const outcome = await read<Array<Published<T>>>(client.from(tables[kind]).select('*').eq(keyColumn(kind), id));
  return outcome.kind === 'ok' ? { kind: 'ok', value: outcome.value[0] ?? null } : outcome;
}

export const loadOfficer = (client: SupabaseClient, slug: string) => loadRow<OfficerRow>(client, 'officer', slug);
export const loadBeat = (client: SupabaseClient, id: string) => loadRow<BeatRow>(client, 'beat', id);
export const loadDistrict = (client: SupabaseClient, id: string) => loadRow<DistrictRow>(client, 'district', id);
export const loadWorkshop = (client: SupabaseClient, id: string) => loadRow<WorkshopRow>(client, 'workshop', id);
export const loadSite = (client: SupabaseClient, id: string) => loadRow<SiteRow>(client, 'site', id);

/** A beat as the lists show it: without its boundary, which a big city's beats would make megabytes of. */
export type ListedBeat = Published<Omit<BeatRow, 'boundary'>>;
export type ListedDistrict = Published<Pick<DistrictRow, 'district_id' | 'name'>>;

export function loadBeats(client: SupabaseClient): Promise<Outcome<ListedBeat[]>> {
  return read(client.from('beats').select('beat_id, name, district_id, neighbourhoods, published, updated_at').order('beat_id'));
}

export function loadDistricts(client: SupabaseClient): Promise<Outcome<ListedDistrict[]>> {
  return read(client.from('districts').select('district_id, name, published, updated_at').order('district_id'));
}

export function loadWorkshops(client: SupabaseClient): Promise<Outcome<Array<Published<WorkshopRow>>>> {
  return read(client.from('workshops').select('*').order('title'));
}

/** The changes of one item (a meeting's with its occurrences'), newest first. */
export function loadContentHistory(client: SupabaseClient, kinds: readonly ContentKind[], itemId: string): Promise<Outcome<ContentChange[]>> {
  return read(client.from('content_history').select('*').in('kind', kinds).eq('item_id', itemId).order('history_id', { ascending: false }).limit(200));
}

export function saveContent(client: SupabaseClient, kind: ContentKind, item: Record<string, unknown>, options: { note?: string | null; create?: boolean } = {}): Promise<Outcome<null>> {
  return read(client.rpc('save_content', { kind, item, note: options.note || null, create: options.create ?? false }));
}

export function deleteContent(client: SupabaseClient, kind: ContentKind, key: Record<string, unknown>, note?: string | null): Promise<Outcome<null>> {
  return read(client.rpc('delete_content', { kind, key, note: note || null }));
}

export function undoChange(client: SupabaseClient, historyId: string): Promise<Outcome<null>> {
  return read(client.rpc('undo_content_change', { history_id: historyId }));
}

/**
 * The columns of `next` that differ from `current`, with the row's key: what
 * a save sends, so that two people changing different fields of one row do
 * not undo each other. Null when nothing changed.
 */
export function changedColumns(current: Record<string, unknown>, next: Record<string, unknown>, key: readonly string[]): Record<string, unknown> | null {
  const changed = Object.fromEntries(Object.entries(next).filter(([column, value]) => JSON.stringify(value) !== JSON.stringify(current[column] ?? null)));
  if (Object.keys(changed).length === 0) return null;
  return { ...Object.fromEntries(key.map((column) => [column, current[column]])), ...changed };
}

/**
 * The column a schema's path names: the path's parts joined and in snake
 * case (schedule.durationMinutes → schedule_duration_minutes), a place's
 * location its longitude or, for its second number, its latitude, and the
 * references and the row's id by their columns' names.
 */
export function columnOf(path: ReadonlyArray<PropertyKey>, kind: ContentKind): string {
  const parts = path.filter((part): part is string => typeof part === 'string');
  if (parts.length === 0 || parts[0] === 'id') return `${kind}_id`;
  const renamed = renamedColumns[kind]?.[parts.join('.')] ?? renamedColumns[kind]?.[parts[0]!];
  if (renamed) return renamed;
  if (parts[0] === 'district') return 'district_id';
  if (parts.at(-1) === 'location') return `${parts.slice(0, -1).join('_')}_${path.at(-1) === 1 ? 'lat' : 'lon'}`;
  return parts.map((part) => part.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)).join('_');
}

/** Where a schema's field and its column are named apart: a priority's dates and outcome, a report's date. */
const renamedColumns: Partial<Record<ContentKind, Record<string, string>>> = {
  priority: { opened: 'opened_on', reviewBy: 'review_on', sourceMeeting: 'source_date', 'outcome.result': 'outcome', 'outcome.text': 'outcome_note', 'outcome.closed': 'closed_on' },
  meeting_report: { date: 'occurrence_date' },
};

export interface SchemaIssue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

export interface FieldWords {
  required: string;
  tooSmall: string;
  tooShort: string;
  tooBig: string;
  format: string;
  choose: string;
  serveSomewhere: string;
  belongSomewhere: string;
  reviewDate: string;
  closeDate: string;
}

/** The schema's refusals, one sentence per column in the reader's language: the first refusal of each. */
export function fieldErrors(issues: readonly SchemaIssue[], kind: ContentKind, words: FieldWords): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const column = columnOf(issue.path, kind);
    if (errors[column]) continue;
    errors[column] = sentence(issue, kind, words);
  }
  return errors;
}

function sentence(issue: SchemaIssue, kind: ContentKind, words: FieldWords): string {
  const limit = (value: number | bigint | undefined) => String(value ?? '');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return words.tooSmall.replace('{min}', limit(issue.minimum));
      // A phone number of two digits is not an empty field: say how long it must be.
      return issue.origin === 'string' && Number(issue.minimum) > 1 ? words.tooShort.replace('{min}', limit(issue.minimum)) : words.required;
    case 'too_big':
      return words.tooBig.replace('{max}', limit(issue.maximum));
    case 'invalid_value':
    case 'invalid_union':
      return words.choose;
    case 'custom':
      // The schemas' own rules: a meeting's or an officer's beats, or a value's format (a language tag, a ring).
      if (issue.path[0] === 'beats' && (kind === 'meeting' || kind === 'priority')) return words.belongSomewhere;
      if (issue.path[0] === 'beats' && kind === 'officer') return words.serveSomewhere;
      if (issue.path[0] === 'reviewBy' && kind === 'priority') return words.reviewDate;
      if (issue.path[0] === 'outcome' && kind === 'priority') return words.closeDate;
      return words.format;
    default:
      return words.format;
  }
}
