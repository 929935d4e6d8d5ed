import { describe, expect, it } from 'vitest';
import { lastSevenDays, previousMonday, summarise, summaryCsvRows, weekFrom, type SummaryRow } from './summary.ts';

const rows: SummaryRow[] = [
  { beat: null, kind: 'tip', category: 'other', status: 'received', items: 1 },
  { beat: '101', kind: 'tip', category: 'noise', status: 'received', items: 3 },
  { beat: '101', kind: 'tip', category: 'noise', status: 'closed', items: '2' },
  { beat: '101', kind: 'tip', category: 'drug_activity', status: 'under_review', items: 1 },
  { beat: '101', kind: 'watch_group', category: null, status: 'pending', items: 1 },
  { beat: '1010', kind: 'workshop_request', category: 'robbery-prevention', status: 'received', items: 4 },
  { beat: '102', kind: 'tip', category: 'noise', status: 'received', items: 5 },
];

describe('the weekly summary', () => {
  it('lays the counts out per beat and kind, categories down and statuses across, with totals', () => {
    const summary = summarise(rows);
    expect(summary.map(({ beat, total }) => [beat, total])).toEqual([
      ['101', 7],
      ['102', 5],
      ['1010', 4],
      [null, 1],
    ]);
    const [beat101] = summary;
    expect(beat101!.kinds.map((table) => table.kind)).toEqual(['tip', 'watch_group']);
    expect(beat101!.kinds[0]).toEqual({
      kind: 'tip',
      statuses: ['received', 'under_review', 'referred', 'action_taken', 'closed'],
      rows: [
        { category: 'drug_activity', counts: { under_review: 1 }, total: 1 },
        { category: 'noise', counts: { received: 3, closed: 2 }, total: 5 },
      ],
      totals: { received: 3, under_review: 1, closed: 2 },
      total: 6,
    });
  });

  it('is empty when nothing was received', () => {
    expect(summarise([])).toEqual([]);
  });

  it('covers the last seven days, or a week from local midnight in the jurisdiction’s zone', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(lastSevenDays(now)).toEqual({ since: new Date('2026-11-15T12:00:00Z'), until: now });
    const week = weekFrom('2026-11-16', 'America/Chicago');
    expect([week.since.toISOString(), week.until.toISOString()]).toEqual(['2026-11-16T06:00:00.000Z', '2026-11-23T06:00:00.000Z']);
    // Across the change of clocks a week is still seven local days.
    const autumn = weekFrom('2026-10-29', 'America/Chicago');
    expect([autumn.since.toISOString(), autumn.until.toISOString()]).toEqual(['2026-10-29T05:00:00.000Z', '2026-11-05T06:00:00.000Z']);
  });

  it('suggests the Monday of last week, in the jurisdiction’s zone', () => {
    // Sunday 22 November 2026; at 03:00 UTC on the 23rd it is still Sunday evening in Chicago.
    expect(previousMonday(new Date('2026-11-22T12:00:00Z'), 'America/Chicago')).toBe('2026-11-09');
    expect(previousMonday(new Date('2026-11-23T03:00:00Z'), 'America/Chicago')).toBe('2026-11-09');
    expect(previousMonday(new Date('2026-11-23T12:00:00Z'), 'America/Chicago')).toBe('2026-11-16');
  });

  it('exports every count as a CSV row, in order, in the reader’s words', () => {
    const csv = summaryCsvRows(rows, {
      columns: { beat: 'Beat', kind: 'Kind', category: 'Category', status: 'Status', items: 'Items' },
      kind: (kind) => kind,
      status: (_, status) => status,
      category: (_, category) => category ?? '—',
    });
    expect(csv).toEqual([
      ['Beat', 'Kind', 'Category', 'Status', 'Items'],
      ['101', 'tip', 'drug_activity', 'under_review', 1],
      ['101', 'tip', 'noise', 'received', 3],
      ['101', 'tip', 'noise', 'closed', 2],
      ['101', 'watch_group', '—', 'pending', 1],
      ['102', 'tip', 'noise', 'received', 5],
      ['1010', 'workshop_request', 'robbery-prevention', 'received', 4],
      [null, 'tip', 'other', 'received', 1],
    ]);
  });
});
