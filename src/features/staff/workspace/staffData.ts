// What the workspace reads and does, through supabase-js as the signed-in
// staff member: row-level security decides which rows come back and which
// changes are allowed; every change goes through a function that records it.
import type { SupabaseClient } from '@supabase/supabase-js';
import { classifyApiError, type ApiError, type ApiFailure } from '../../../lib/api/errors.ts';
import type { InboxRows } from '../inbox/inbox.ts';
import {
  fullColumns,
  historyColumns,
  itemKinds,
  listColumns,
  memberColumns,
  tables,
  type HistoryRecord,
  type ItemKind,
  type StaffAccount,
  type StaffHistoryRecord,
  type StaffMember,
  type SuggestionRecord,
  type TipRecord,
  type WatchGroupRecord,
  type WatchMemberRecord,
  type WorkshopRequestRecord,
} from './records.ts';
import type { SummaryRow } from '../summary/summary.ts';
import type { NotificationSettings } from '../notifications/notifications.ts';

/** The API's failures, and a session that has ended (PostgREST answers 401: PGRST301/303). */
export type Failure = ApiFailure | { kind: 'signed_out' };

export type Outcome<T> = { kind: 'ok'; value: T } | Failure;

const failure = (error: ApiError, status: number): Failure => (status === 401 ? { kind: 'signed_out' } : classifyApiError(error, status));

export async function read<T>(query: PromiseLike<{ data: unknown; error: ApiError | null; status: number }>): Promise<Outcome<T>> {
  const { data, error, status } = await query;
  return error ? failure(error, status) : { kind: 'ok', value: data as T };
}

/** The signed-in account's role and scope; null when it has none, or no longer (row-level security then shows it nothing). */
export async function whoAmI(client: SupabaseClient): Promise<Outcome<StaffMember | null>> {
  const outcome = await read<Array<StaffMember & { active: boolean }>>(client.from('staff_members').select('role, officer_slug, district, active'));
  if (outcome.kind !== 'ok') return outcome;
  const member = outcome.value.find((row) => row.active);
  return { kind: 'ok', value: member ? { role: member.role, officer_slug: member.officer_slug, district: member.district } : null };
}

/** The newest items of each kind the inbox can show at most, so a big jurisdiction's inbox stays quick. */
export const inboxLimit = 1000;

/** The inbox's items of every kind, received since `since` (or ever); `truncated` when a kind has more than the limit. */
export async function loadInbox(client: SupabaseClient, since: string | null): Promise<Outcome<{ rows: InboxRows; truncated: boolean }>> {
  const outcomes = await Promise.all(
    itemKinds.map((kind) => {
      const query = client.from(tables[kind].table).select(listColumns[kind]).order('created_at', { ascending: false }).limit(inboxLimit + 1);
      return read<unknown[]>(since ? query.gte('created_at', since) : query);
    }),
  );
  for (const outcome of outcomes) if (outcome.kind !== 'ok') return outcome;
  const [tip, watchGroup, workshopRequest, suggestion] = outcomes.map((outcome) => (outcome.kind === 'ok' ? outcome.value : []));
  return {
    kind: 'ok',
    value: {
      rows: {
        tip: tip!.slice(0, inboxLimit) as InboxRows['tip'],
        watch_group: watchGroup!.slice(0, inboxLimit) as InboxRows['watch_group'],
        workshop_request: workshopRequest!.slice(0, inboxLimit) as InboxRows['workshop_request'],
        suggestion: suggestion!.slice(0, inboxLimit) as InboxRows['suggestion'],
      },
      truncated: [tip, watchGroup, workshopRequest, suggestion].some((rows) => rows!.length > inboxLimit),
    },
  };
}

export interface ItemRecords {
  tip: TipRecord;
  watch_group: WatchGroupRecord;
  workshop_request: WorkshopRequestRecord;
  suggestion: SuggestionRecord;
}

/** One item with everything staff may read of it; null when it does not exist or is outside the caller's scope. */
export async function loadItem<K extends ItemKind>(client: SupabaseClient, kind: K, id: string): Promise<Outcome<ItemRecords[K] | null>> {
  const outcome = await read<Array<ItemRecords[K]>>(client.from(tables[kind].table).select(fullColumns[kind]).eq(tables[kind].id, id).limit(1));
  return outcome.kind === 'ok' ? { kind: 'ok', value: outcome.value[0] ?? null } : outcome;
}

export function loadHistory(client: SupabaseClient, kind: ItemKind, id: string): Promise<Outcome<HistoryRecord[]>> {
  return read(client.from('staff_history').select(historyColumns).eq('kind', kind).eq('item_id', id).order('changed_at').order('history_id'));
}

export function loadMembers(client: SupabaseClient, watchGroupId: string): Promise<Outcome<WatchMemberRecord[]>> {
  // The captain first, then members in the order they joined.
  return read(client.from('watch_members').select(memberColumns).eq('watch_group_id', watchGroupId).order('role').order('created_at'));
}

export type DuplicateCandidate = Pick<TipRecord, 'tip_id' | 'category' | 'description' | 'created_at' | 'status'>;

/** Other tips this one may repeat: the newest in the same beat (or with no beat) that the caller can see. */
export function loadDuplicateCandidates(client: SupabaseClient, tip: Pick<TipRecord, 'tip_id' | 'beat'>): Promise<Outcome<DuplicateCandidate[]>> {
  const query = client.from('tips').select('tip_id, category, description, created_at, status').neq('tip_id', tip.tip_id);
  return read((tip.beat === null ? query.is('beat', null) : query.eq('beat', tip.beat)).is('duplicate_of', null).order('created_at', { ascending: false }).limit(100));
}

/** The signed-in member's email notifications (staff_notifications: every kind named). */
export function loadNotifications(client: SupabaseClient): Promise<Outcome<NotificationSettings>> {
  return read(client.rpc('staff_notifications'));
}

export function saveNotifications(client: SupabaseClient, settings: NotificationSettings): Promise<Outcome<NotificationSettings>> {
  return read(client.rpc('save_staff_notifications', { deliveries: settings.deliveries, language: settings.language }));
}

export function loadSummary(client: SupabaseClient, since: Date, until: Date): Promise<Outcome<SummaryRow[]>> {
  return read(client.rpc('staff_summary', { since: since.toISOString(), until: until.toISOString() }));
}

/** What a staff function changes: null leaves a field as it is, '' clears it. */
export interface TipTriage {
  status?: string | null;
  public_reply?: string | null;
  assigned_to?: string | null;
  duplicate_of?: string | null;
  note?: string | null;
}

export function triageTip(client: SupabaseClient, tipId: string, change: TipTriage): Promise<Outcome<null>> {
  return read(client.rpc('triage_tip', { tip_id: tipId, ...change }));
}

export function reviewWatchGroup(
  client: SupabaseClient,
  watchGroupId: string,
  change: { status?: string | null; public_note?: string | null; note?: string | null },
): Promise<Outcome<null>> {
  return read(client.rpc('review_watch_group', { watch_group_id: watchGroupId, ...change }));
}

export function scheduleWorkshop(
  client: SupabaseClient,
  workshopRequestId: string,
  change: { status?: string | null; confirmed_at?: string | null; decline_reason?: string | null; note?: string | null },
): Promise<Outcome<null>> {
  return read(client.rpc('schedule_workshop', { workshop_request_id: workshopRequestId, ...change }));
}

export function addStaffNote(client: SupabaseClient, kind: ItemKind, itemId: string, note: string): Promise<Outcome<null>> {
  return read(client.rpc('add_staff_note', { kind, item_id: itemId, note }));
}

/** What answer_suggestion changes: null leaves a field as it is, '' clears the reply; a priority makes it adopted. */
export interface SuggestionAnswer {
  status?: string | null;
  public_reply?: string | null;
  priority_id?: string | null;
  note?: string | null;
}

export function answerSuggestion(client: SupabaseClient, suggestionId: string, answer: SuggestionAnswer): Promise<Outcome<null>> {
  return read(client.rpc('answer_suggestion', { suggestion_id: suggestionId, ...answer }));
}

/** Every account that can sign in, with its role if it has one; coordinators only (others are refused). */
export function loadStaffDirectory(client: SupabaseClient): Promise<Outcome<StaffAccount[]>> {
  return read(client.rpc('staff_directory'));
}

/** The changes of one account's role and scope, oldest first (coordinators only). */
export function loadStaffHistory(client: SupabaseClient, userId: string): Promise<Outcome<StaffHistoryRecord[]>> {
  return read(client.from('staff_history').select(historyColumns).eq('kind', 'staff_member').eq('item_id', userId).order('changed_at').order('history_id'));
}

export interface StaffRoleChange {
  email: string;
  role: string;
  officer_slug: string | null;
  district: string | null;
  active: boolean;
}

export function setStaffRole(client: SupabaseClient, change: StaffRoleChange): Promise<Outcome<null>> {
  return read(client.rpc('set_staff_role', { ...change }));
}
