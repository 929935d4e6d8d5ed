// What the priority desk reads: the priorities (drafts included: staff read
// them all, and the desk keeps to the member's scope), their updates, how
// many residents said one matters to them, and the meetings with their
// exceptions and reports, for the reports due and a priority's meeting.
// Every change goes through save_content (contentEdits.ts), as other content.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { MeetingExceptionRow, MeetingReportRow, MeetingRow, PriorityRow, PriorityUpdateRow } from '../../../lib/content/rows.ts';
import type { Published } from '../content/contentEdits.ts';
import { read, type Outcome } from '../workspace/staffData.ts';
import type { MeetingRecords } from './priorityDesk.ts';

export type PriorityRecord = Published<PriorityRow>;
export type UpdateRecord = Published<PriorityUpdateRow>;
export type ReportRecord = Published<MeetingReportRow>;

export interface PriorityWithUpdates {
  priority: PriorityRecord;
  /** Oldest first, as the timeline reads. */
  updates: UpdateRecord[];
}

export interface Priorities {
  priorities: PriorityRecord[];
  /** Each priority's updates' dates: enough for "last update". */
  updates: Array<Pick<PriorityUpdateRow, 'priority_id' | 'posted_on'>>;
}

const priorityColumns =
  'priority_id, title, description, beats, district_id, source, source_meeting_id, source_date, stage, opened_on, review_on, outcome, outcome_note, closed_on, published, updated_at';

export async function loadPriorities(client: SupabaseClient): Promise<Outcome<Priorities>> {
  const [priorities, updates] = await Promise.all([
    read<PriorityRecord[]>(client.from('priorities').select(priorityColumns).order('title')),
    read<Priorities['updates']>(client.from('priority_updates').select('priority_id, posted_on')),
  ]);
  if (priorities.kind !== 'ok') return priorities;
  if (updates.kind !== 'ok') return updates;
  return { kind: 'ok', value: { priorities: priorities.value, updates: updates.value } };
}

export async function loadPriority(client: SupabaseClient, id: string): Promise<Outcome<PriorityWithUpdates | null>> {
  const [priority, updates] = await Promise.all([
    read<PriorityRecord[]>(client.from('priorities').select(priorityColumns).eq('priority_id', id)),
    read<UpdateRecord[]>(client.from('priority_updates').select('*').eq('priority_id', id).order('position')),
  ]);
  if (priority.kind !== 'ok') return priority;
  if (updates.kind !== 'ok') return updates;
  const row = priority.value[0];
  return { kind: 'ok', value: row ? { priority: row, updates: updates.value } : null };
}

/** How many residents said the priority matters to them: a count, nothing about who. */
export async function loadSupporters(client: SupabaseClient, id: string): Promise<Outcome<number>> {
  const { count, error, status } = await client.from('priority_support').select('priority_id', { count: 'exact', head: true }).eq('priority_id', id);
  if (error) return read(Promise.resolve({ data: null, error, status }));
  return { kind: 'ok', value: count ?? 0 };
}

export async function loadMeetingRecords(client: SupabaseClient): Promise<Outcome<MeetingRecords>> {
  const [meetings, exceptions, reports] = await Promise.all([
    read<Array<Published<MeetingRow>>>(client.from('meetings').select('*').order('title')),
    read<MeetingExceptionRow[]>(client.from('meeting_exceptions').select('*').order('position')),
    read<ReportRecord[]>(client.from('meeting_reports').select('*')),
  ]);
  if (meetings.kind !== 'ok') return meetings;
  if (exceptions.kind !== 'ok') return exceptions;
  if (reports.kind !== 'ok') return reports;
  return { kind: 'ok', value: { meetings: meetings.value, exceptions: exceptions.value, reports: reports.value } };
}
