// What the workspace reads and writes of the jurisdiction's content: the
// tables as they are now, drafts included (staff read them all), and every
// change through save_content, delete_content and undo_content_change, which
// check the member's scope and leave the change in content_history. A form
// checks a value with the same schema the build uses before it is sent, and
// names the column the schema's path is about, as the database's refusals do.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { MeetingExceptionRow, MeetingRow, OfficerRow } from '../../../lib/content/rows.ts';
import type { Outcome } from '../workspace/staffData.ts';
import { read } from '../workspace/staffData.ts';

export type ContentKind = 'site' | 'district' | 'beat' | 'officer' | 'meeting' | 'meeting_exception' | 'workshop';

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

export async function loadOfficer(client: SupabaseClient, slug: string): Promise<Outcome<Published<OfficerRow> | null>> {
  const outcome = await read<Array<Published<OfficerRow>>>(client.from('officers').select('*').eq('officer_id', slug));
  return outcome.kind === 'ok' ? { kind: 'ok', value: outcome.value[0] ?? null } : outcome;
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
 * location its longitude, and the references by their columns' names.
 */
export function columnOf(path: ReadonlyArray<PropertyKey>, kind: 'meeting' | 'officer'): string {
  const parts = path.filter((part): part is string => typeof part === 'string');
  if (parts.length === 0) return kind === 'meeting' ? 'meeting_id' : 'officer_id';
  if (parts[0] === 'district') return 'district_id';
  if (parts[0] === 'id') return kind === 'meeting' ? 'meeting_id' : 'officer_id';
  if (parts.at(-1) === 'location') return `${parts.slice(0, -1).join('_')}_lon`;
  return parts.map((part) => part.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)).join('_');
}

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
  tooBig: string;
  format: string;
  choose: string;
  serveSomewhere: string;
  belongSomewhere: string;
}

/** The schema's refusals, one sentence per column in the reader's language: the first refusal of each. */
export function fieldErrors(issues: readonly SchemaIssue[], kind: 'meeting' | 'officer', words: FieldWords): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const column = columnOf(issue.path, kind);
    if (errors[column]) continue;
    errors[column] = sentence(issue, kind, words);
  }
  return errors;
}

function sentence(issue: SchemaIssue, kind: 'meeting' | 'officer', words: FieldWords): string {
  const limit = (value: number | bigint | undefined) => String(value ?? '');
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? words.tooSmall.replace('{min}', limit(issue.minimum)) : words.required;
    case 'too_big':
      return words.tooBig.replace('{max}', limit(issue.maximum));
    case 'invalid_value':
    case 'invalid_union':
      return words.choose;
    case 'custom':
      return kind === 'meeting' ? words.belongSomewhere : words.serveSomewhere;
    default:
      return words.format;
  }
}
