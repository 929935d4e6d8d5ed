import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../lib/content/validate.ts';
import { calendarMonths, monthGrid } from './month.ts';

const CHICAGO = 'America/Chicago';
const tuesdays: Meeting = {
  id: 'beat-101',
  title: 'Beat 101 meeting',
  kind: 'beat_meeting',
  beats: ['101'],
  venue: { name: 'Library', address: '1 Main St', location: [-87.9, 41.1] },
  // 18:30 in Chicago is past midnight UTC: the grid must still put it on the local Tuesday.
  schedule: { start: '2026-01-06T18:30', durationMinutes: 60, rrule: 'FREQ=WEEKLY;BYDAY=TU' },
  exceptions: [{ date: '2026-03-17', status: 'cancelled' }],
  reports: [],
  languages: ['en'],
};

describe('calendarMonths', () => {
  it('offers the month it is in the jurisdiction and the three after, across a new year', () => {
    // 03:00 UTC on 1 December is still 30 November in Chicago.
    expect(calendarMonths(new Date('2026-12-01T03:00:00Z'), CHICAGO)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('monthGrid', () => {
  it('lays a month out in weeks from Sunday, with empty cells before the 1st and after the last day', () => {
    // March 2026 begins on a Sunday and has 31 days: five weeks, the last with three days.
    const weeks = monthGrid('2026-03', [], CHICAGO);
    expect(weeks.map((week) => week.map((cell) => cell?.day))).toEqual([
      [1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13, 14],
      [15, 16, 17, 18, 19, 20, 21],
      [22, 23, 24, 25, 26, 27, 28],
      [29, 30, 31, undefined, undefined, undefined, undefined],
    ]);
    // April 2026 begins on a Wednesday.
    expect(monthGrid('2026-04', [], CHICAGO)[0]!.map((cell) => cell?.date)).toEqual([undefined, undefined, undefined, '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04']);
  });

  it('puts each meeting on its local day, cancelled ones included, and none from the months beside', () => {
    const meetingDays = monthGrid('2026-03', [tuesdays], CHICAGO)
      .flat()
      .filter((cell) => cell && cell.meetings.length > 0)
      .map((cell) => [cell!.date, cell!.meetings.map((o) => o.status)]);
    expect(meetingDays).toEqual([
      ['2026-03-03', ['scheduled']],
      ['2026-03-10', ['scheduled']],
      ['2026-03-17', ['cancelled']],
      ['2026-03-24', ['scheduled']],
      ['2026-03-31', ['scheduled']],
    ]);
    // 31 March at 18:30 in Chicago is 1 April in UTC: it stays off April's grid.
    const april = monthGrid('2026-04', [tuesdays], CHICAGO).flat();
    expect(april.find((cell) => cell && cell.meetings.length > 0)?.date).toBe('2026-04-07');
  });
});
