import { describe, expect, it } from 'vitest';
import { toCsv } from '../workspace/csv.ts';
import { defaultFilter, filterItems, inboxCsvRows, inboxItems, markNewAnswers, receivedSince, statusCounts, type InboxCsvWords, type InboxRows } from './inbox.ts';

const now = new Date('2026-11-22T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const rows: InboxRows = {
  tip: [
    { tip_id: id(1), category: 'noise', description: 'Loud music every night.', beat: '101', status: 'received', created_at: daysAgo(1), status_changed_at: daysAgo(1), place: null, assigned_to: null },
    { tip_id: id(2), category: 'drug_activity', description: 'Deals at the corner.', beat: '102', status: 'under_review', created_at: daysAgo(10), status_changed_at: daysAgo(2), place: '5 Elm St', assigned_to: 'maria-jones' },
    { tip_id: id(3), category: 'noise', description: 'Fixed now.', beat: '101', status: 'closed', created_at: daysAgo(40), status_changed_at: daysAgo(5), place: null, assigned_to: null },
    { tip_id: id(4), category: 'other', description: 'Somewhere.', beat: null, status: 'received', created_at: daysAgo(100), status_changed_at: daysAgo(100), place: null, assigned_to: null },
  ],
  watch_group: [
    { watch_group_id: id(5), name: 'Elm Street Neighbours', beat: '101', status: 'pending', created_at: daysAgo(3), status_changed_at: daysAgo(3), meeting_note: null },
    { watch_group_id: id(6), name: 'Oak Watch', beat: '101', status: 'approved', created_at: daysAgo(60), status_changed_at: daysAgo(50), meeting_note: null },
  ],
  workshop_request: [
    { workshop_request_id: id(7), workshop: 'robbery-prevention', business_name: 'Corner Grocery', address: '1 Main St', beat: '102', status: 'confirmed', created_at: daysAgo(5), status_changed_at: daysAgo(4), notes: 'Mornings.' },
  ],
  suggestion: [
    { suggestion_id: id(8), beat: '101', problem: 'Cars race down Crane St after dark.', status: 'received', created_at: daysAgo(2), status_changed_at: daysAgo(2) },
    { suggestion_id: id(9), beat: '101', problem: 'Broken lights along Laurel Ave.', status: 'adopted', created_at: daysAgo(20), status_changed_at: daysAgo(15) },
  ],
};
const items = inboxItems(rows);
const ids = (list: Array<{ id: string }>) => list.map((item) => Number(item.id.slice(-4)));

describe('the inbox', () => {
  it('marks the items with an answer nobody opened, and lists only those when asked, whatever their status', () => {
    const marked = markNewAnswers(items, new Set([`tip:${id(3)}`, `workshop_request:${id(7)}`, `tip:${id(99)}`]));
    expect(ids(marked.filter((item) => item.newAnswer))).toEqual([7, 3]);
    expect(ids(filterItems(marked, { ...defaultFilter, status: 'all', newAnswers: true }, now))).toEqual([7, 3]);
    expect(ids(filterItems(marked, defaultFilter, now))).toEqual([1, 8, 5, 7, 2, 4]);
  });

  it('lists new and open items of every kind, newest first, by default', () => {
    expect(ids(filterItems(items, defaultFilter, now))).toEqual([1, 8, 5, 7, 2, 4]);
  });

  it('counts and narrows residents’ suggestions like the other kinds: one turned into a priority is no longer open', () => {
    expect(ids(filterItems(items, { ...defaultFilter, kind: 'suggestion' }, now))).toEqual([8]);
    expect(statusCounts(items, { ...defaultFilter, kind: 'suggestion' }, now)).toEqual([
      { kind: 'suggestion', status: 'received', count: 1 },
      { kind: 'suggestion', status: 'adopted', count: 1 },
    ]);
  });

  it('narrows by kind, beat (or no beat), status, category and age', () => {
    const all = { ...defaultFilter, status: 'all' };
    expect(ids(filterItems(items, { ...all, kind: 'tip' }, now))).toEqual([1, 2, 3, 4]);
    expect(ids(filterItems(items, { ...all, beat: '101' }, now))).toEqual([1, 8, 5, 9, 3, 6]);
    expect(ids(filterItems(items, { ...all, beat: 'none' }, now))).toEqual([4]);
    expect(ids(filterItems(items, { ...all, status: 'received' }, now))).toEqual([1, 8, 4]);
    expect(ids(filterItems(items, { ...all, category: 'noise' }, now))).toEqual([1, 3]);
    expect(ids(filterItems(items, { ...all, category: 'robbery-prevention' }, now))).toEqual([7]);
    expect(ids(filterItems(items, { ...all, ageDays: 7 }, now))).toEqual([1, 8, 5, 7]);
    expect(ids(filterItems(items, { ...all, ageDays: 30, kind: 'tip', beat: '102' }, now))).toEqual([2]);
    expect(filterItems(items, { ...all, kind: 'watch_group', category: 'noise' }, now)).toEqual([]);
  });

  it('counts each kind’s statuses among what the other filters keep', () => {
    expect(statusCounts(items, { ...defaultFilter, beat: '101' }, now)).toEqual([
      { kind: 'tip', status: 'received', count: 1 },
      { kind: 'tip', status: 'closed', count: 1 },
      { kind: 'watch_group', status: 'pending', count: 1 },
      { kind: 'watch_group', status: 'approved', count: 1 },
      { kind: 'suggestion', status: 'received', count: 1 },
      { kind: 'suggestion', status: 'adopted', count: 1 },
    ]);
    const counted = statusCounts(items, { ...defaultFilter, kind: 'tip' }, now);
    for (const { status, count } of counted) expect(filterItems(items, { ...defaultFilter, kind: 'tip', status }, now)).toHaveLength(count);
  });

  it('asks the server only for what the age filter keeps', () => {
    expect(receivedSince(null, now)).toBeNull();
    expect(receivedSince(7, now)).toBe('2026-11-15T12:00:00.000Z');
  });

  it('exports the listed items as CSV in the reader’s words, with residents’ text made harmless', () => {
    const words: InboxCsvWords = {
      columns: { kind: 'Kind', id: 'Id', received: 'Received', beat: 'Beat', status: 'Status', category: 'Category', name: 'Name', text: 'Text', place: 'Place', assignedTo: 'Assigned to', lastChanged: 'Last changed' },
      kind: (kind) => ({ tip: 'Tip', watch_group: 'Watch group', workshop_request: 'Workshop request', suggestion: 'Suggestion' })[kind],
      status: (_, status) => status.toUpperCase(),
      category: (_, category) => `«${category}»`,
      officer: (slug) => (slug === 'maria-jones' ? 'María Jones' : slug),
      dateTime: (iso) => iso.slice(0, 10),
    };
    const evil = inboxItems({ ...rows, tip: [{ ...rows.tip[1]!, description: '=HYPERLINK("http://x.example")' }], watch_group: [], workshop_request: [], suggestion: [] });
    const csv = inboxCsvRows(evil, words);
    expect(csv[0]).toEqual(['Kind', 'Id', 'Received', 'Beat', 'Status', 'Category', 'Name', 'Text', 'Place', 'Assigned to', 'Last changed']);
    expect(csv[1]).toEqual(['Tip', id(2), daysAgo(10).slice(0, 10), '102', 'UNDER_REVIEW', '«drug_activity»', null, '=HYPERLINK("http://x.example")', '5 Elm St', 'María Jones', daysAgo(2).slice(0, 10)]);
    expect(toCsv(csv)).toContain(`"'=HYPERLINK(""http://x.example"")"`);
  });
});
