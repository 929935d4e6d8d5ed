// The inbox: tips, watch group registrations, workshop requests and
// residents' suggestions of priorities as one
// list, newest first, narrowed by kind, beat, status, category and age, with
// the count of each status, and the same list as CSV.
import type { Cell } from '../workspace/csv.ts';
import {
  itemKinds,
  openStatuses,
  statusesOf,
  type ItemKind,
  type SuggestionListRow,
  type TipListRow,
  type WatchGroupListRow,
  type WorkshopRequestListRow,
} from '../workspace/records.ts';

export interface InboxItem {
  kind: ItemKind;
  id: string;
  beat: string | null;
  status: string;
  /** A tip's category, a workshop request's workshop; none for a watch group. */
  category: string | null;
  createdAt: string;
  statusChangedAt: string;
  /** What the resident named it: a group's or a business's name; nothing for a tip. */
  name: string | null;
  /** What the resident wrote: a tip's description, a request's notes, a group's note about meetings. */
  text: string | null;
  /** A tip's place or a business's address. */
  place: string | null;
  assignedTo: string | null;
  /** The resident answered a question, and nobody on staff has opened the item since. */
  newAnswer?: boolean;
}

export interface InboxRows {
  tip: TipListRow[];
  watch_group: WatchGroupListRow[];
  workshop_request: WorkshopRequestListRow[];
  suggestion: SuggestionListRow[];
}

export function inboxItems(rows: InboxRows): InboxItem[] {
  const items: InboxItem[] = [
    ...rows.tip.map((row) => ({
      kind: 'tip' as const,
      id: row.tip_id,
      beat: row.beat,
      status: row.status,
      category: row.category,
      createdAt: row.created_at,
      statusChangedAt: row.status_changed_at,
      name: null,
      text: row.description,
      place: row.place,
      assignedTo: row.assigned_to,
    })),
    ...rows.watch_group.map((row) => ({
      kind: 'watch_group' as const,
      id: row.watch_group_id,
      beat: row.beat,
      status: row.status,
      category: null,
      createdAt: row.created_at,
      statusChangedAt: row.status_changed_at,
      name: row.name,
      text: row.meeting_note,
      place: null,
      assignedTo: null,
    })),
    ...rows.workshop_request.map((row) => ({
      kind: 'workshop_request' as const,
      id: row.workshop_request_id,
      beat: row.beat,
      status: row.status,
      category: row.workshop,
      createdAt: row.created_at,
      statusChangedAt: row.status_changed_at,
      name: row.business_name,
      text: row.notes,
      place: row.address,
      assignedTo: null,
    })),
    ...rows.suggestion.map((row) => ({
      kind: 'suggestion' as const,
      id: row.suggestion_id,
      beat: row.beat,
      status: row.status,
      category: null,
      createdAt: row.created_at,
      statusChangedAt: row.status_changed_at,
      name: null,
      text: row.problem,
      place: null,
      assignedTo: null,
    })),
  ];
  return items.sort(newestFirst);
}

const newestFirst = (a: InboxItem, b: InboxItem) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id);

export const ages = [7, 30, 90, 365] as const;

export interface InboxFilter {
  kind: ItemKind | 'all';
  /** A beat, 'none' for items with no beat, or 'all'. */
  beat: string;
  /** A status, 'open' for what still waits for staff, or 'all'. */
  status: string;
  /** A tip category or a workshop, or 'all'. */
  category: string;
  /** Received within this many days; null for any time. */
  ageDays: number | null;
  /** Only items with a resident's answer nobody has opened. */
  newAnswers?: boolean;
}

export const defaultFilter: InboxFilter = { kind: 'all', beat: 'all', status: 'open', category: 'all', ageDays: null };

/** The earliest creation time a filter keeps, so the server need not send older items. */
export function receivedSince(ageDays: number | null, now: Date): string | null {
  return ageDays === null ? null : new Date(now.getTime() - ageDays * 86_400_000).toISOString();
}

function matchesStatus(item: InboxItem, status: string): boolean {
  if (status === 'all') return true;
  if (status === 'open') return openStatuses[item.kind].includes(item.status);
  return item.status === status;
}

function matchesAllBut(item: InboxItem, filter: InboxFilter, now: Date): boolean {
  const since = receivedSince(filter.ageDays, now);
  return (
    (filter.kind === 'all' || item.kind === filter.kind) &&
    (filter.beat === 'all' || (filter.beat === 'none' ? item.beat === null : item.beat === filter.beat)) &&
    (filter.category === 'all' || item.category === filter.category) &&
    (since === null || Date.parse(item.createdAt) >= Date.parse(since)) &&
    (!filter.newAnswers || item.newAnswer === true)
  );
}

/** Marks the items whose `kind:id` is among those with an unread answer (conversationData.ts, loadUnreadAnswers). */
export function markNewAnswers(items: readonly InboxItem[], unread: ReadonlySet<string>): InboxItem[] {
  return items.map((item) => (unread.has(`${item.kind}:${item.id}`) ? { ...item, newAnswer: true } : item));
}

/** The items a filter keeps, newest first. */
export function filterItems(items: readonly InboxItem[], filter: InboxFilter, now: Date): InboxItem[] {
  return items.filter((item) => matchesAllBut(item, filter, now) && matchesStatus(item, filter.status)).sort(newestFirst);
}

export interface StatusCount {
  kind: ItemKind;
  status: string;
  count: number;
}

/**
 * How many items of each kind are in each status, among those the other
 * filters keep: choosing a status then shows exactly that many.
 */
export function statusCounts(items: readonly InboxItem[], filter: InboxFilter, now: Date): StatusCount[] {
  const kept = items.filter((item) => matchesAllBut(item, filter, now));
  return itemKinds.flatMap((kind) =>
    statusesOf[kind]
      .map((status) => ({ kind, status, count: kept.filter((item) => item.kind === kind && item.status === status).length }))
      .filter(({ count }) => count > 0),
  );
}

export interface InboxCsvWords {
  columns: { kind: string; id: string; received: string; beat: string; status: string; category: string; name: string; text: string; place: string; assignedTo: string; lastChanged: string };
  kind(kind: ItemKind): string;
  status(kind: ItemKind, status: string): string;
  category(kind: ItemKind, category: string): string;
  /** An officer's name from the slug. */
  officer(slug: string): string;
  dateTime(iso: string): string;
}

/** The listed items as CSV rows, header first, in the reader's words. */
export function inboxCsvRows(items: readonly InboxItem[], words: InboxCsvWords): Cell[][] {
  const { columns } = words;
  return [
    [columns.kind, columns.id, columns.received, columns.beat, columns.status, columns.category, columns.name, columns.text, columns.place, columns.assignedTo, columns.lastChanged],
    ...items.map((item) => [
      words.kind(item.kind),
      item.id,
      words.dateTime(item.createdAt),
      item.beat,
      words.status(item.kind, item.status),
      item.category === null ? null : words.category(item.kind, item.category),
      item.name,
      item.text,
      item.place,
      item.assignedTo === null ? null : words.officer(item.assignedTo),
      words.dateTime(item.statusChangedAt),
    ]),
  ];
}
