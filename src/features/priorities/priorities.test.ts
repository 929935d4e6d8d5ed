import { describe, expect, it } from 'vitest';
import type { Beat, District, Meeting, Priority } from '../../lib/content/validate.ts';
import {
  currentAndRecentlyClosed,
  findReport,
  isOverdue,
  lastUpdate,
  localDate,
  prioritiesOfBeat,
  prioritiesOfDistrict,
  reportsMentioning,
  timeSince,
  timeline,
} from './priorities.ts';

function priority(id: string, fields: Partial<Priority> = {}): Priority {
  return { id, title: id, description: 'A problem.', beats: ['101'], source: 'residents', stage: 'scanning', opened: '2026-06-01', reviewBy: '2026-09-01', updates: [], ...fields };
}
const closed = (id: string, date: string): Priority =>
  priority(id, { reviewBy: undefined, stage: 'assessment', outcome: { result: 'improved', text: 'Fewer calls.', closed: date } });

describe('priorities', () => {
  it('takes the build’s local date in the site’s time zone, not UTC’s', () => {
    // 03:00 UTC on 7 December is still the evening of the 6th in Chicago.
    expect(localDate(new Date('2026-12-07T03:00:00Z'), 'America/Chicago')).toBe('2026-12-06');
  });

  it('dates a priority’s last news from its latest update, its closing, or its opening', () => {
    expect(lastUpdate(priority('a'))).toBe('2026-06-01');
    expect(lastUpdate(priority('a', { updates: [{ date: '2026-07-01', stage: 'analysis', text: 'x' }, { date: '2026-08-02', stage: 'analysis', text: 'y' }] }))).toBe('2026-08-02');
    expect(lastUpdate(closed('b', '2026-11-10'))).toBe('2026-11-10');
  });

  it('calls an open priority overdue only once its review date has passed', () => {
    expect(isOverdue(priority('a', { reviewBy: '2026-12-05' }), '2026-12-06')).toBe(true);
    expect(isOverdue(priority('a', { reviewBy: '2026-12-06' }), '2026-12-06')).toBe(false);
    expect(isOverdue(closed('b', '2026-11-10'), '2026-12-06')).toBe(false);
  });

  it('lists current priorities by latest news, then those closed in the last year, leaving older ones out', () => {
    const old = priority('old', { updates: [{ date: '2026-07-01', stage: 'analysis', text: 'x' }] });
    const fresh = priority('fresh', { opened: '2026-10-01', reviewBy: '2027-01-01' });
    const lists = currentAndRecentlyClosed([old, closed('long-ago', '2025-11-01'), fresh, closed('recent', '2026-11-10'), closed('earlier', '2026-02-01')], '2026-12-06');
    expect(lists.current.map((p) => p.id)).toEqual(['fresh', 'old']);
    expect(lists.recentlyClosed.map((p) => p.id)).toEqual(['recent', 'earlier']);
  });

  it('gives a beat its own priorities and its district’s, and a district its own and its beats’', () => {
    const beats = [{ id: '101', district: '1' }, { id: '102', district: '1' }, { id: '201', district: '2' }] as Beat[];
    const all = [priority('in-101'), priority('in-102', { beats: ['102'] }), priority('district-1', { beats: [], district: '1' }), priority('in-201', { beats: ['201'] })];
    expect(prioritiesOfBeat(all, beats[0]!).map((p) => p.id)).toEqual(['in-101', 'district-1']);
    expect(prioritiesOfDistrict(all, { id: '1' } as District, beats).map((p) => p.id)).toEqual(['in-101', 'in-102', 'district-1']);
  });

  it('says how long ago in the largest whole unit', () => {
    expect(timeSince('2026-08-11', '2026-12-06')).toEqual({ value: 3, unit: 'month' });
    expect(timeSince('2026-11-20', '2026-12-06')).toEqual({ value: 2, unit: 'week' });
    expect(timeSince('2026-12-04', '2026-12-06')).toEqual({ value: 2, unit: 'day' });
    expect(timeSince('2025-10-01', '2026-12-06')).toEqual({ value: 1, unit: 'year' });
  });

  it('tells the story from opening to outcome, marking each move to a new stage', () => {
    const story = timeline({
      ...closed('c', '2026-11-10'),
      updates: [
        { date: '2026-07-01', stage: 'analysis', text: 'Counted the lights out.' },
        { date: '2026-08-01', stage: 'analysis', text: 'Asked the city.' },
        { date: '2026-09-01', stage: 'response', text: 'Lights fixed.' },
      ],
    });
    expect(story.map((event) => [event.kind, event.date, 'movedTo' in event ? event.movedTo : undefined])).toEqual([
      ['opened', '2026-06-01', undefined],
      ['update', '2026-07-01', 'analysis'],
      ['update', '2026-08-01', undefined],
      ['update', '2026-09-01', 'response'],
      ['closed', '2026-11-10', undefined],
    ]);
  });

  it('finds the reports that set, reviewed or closed a priority, latest first', () => {
    const report = (date: string, reviewed: string[]) => ({ date, attendance: 10, concerns: [], priorities: { set: [], reviewed, closed: [] } });
    const meetings = [{ id: 'beat-101', title: 'Beat 101', reports: [report('2026-07-14', ['a']), report('2026-08-11', []), report('2026-09-08', ['a'])] }] as unknown as Meeting[];
    expect(reportsMentioning(meetings, 'a').map(({ report }) => report.date)).toEqual(['2026-09-08', '2026-07-14']);
    expect(findReport(meetings, 'beat-101', '2026-08-11')?.report.attendance).toBe(10);
    expect(findReport(meetings, 'beat-101', '2026-08-12')).toBeUndefined();
  });
});
