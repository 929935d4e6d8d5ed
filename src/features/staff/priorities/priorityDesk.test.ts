import { describe, expect, it } from 'vitest';
import type { MeetingRow, PriorityRow } from '../../../lib/content/rows.ts';
import type { Published } from '../content/contentEdits.ts';
import { closing, nextPosition, priorityList, reopening, reportsDue, standing, todayIn, updatePlan, type MeetingRecords } from './priorityDesk.ts';

const priority = (id: string, changes: Partial<PriorityRow> = {}): PriorityRow => ({
  priority_id: id,
  title: `Priority ${id}`,
  description: 'Cars speed along Crane St.',
  beats: ['101'],
  district_id: null,
  source: 'residents',
  source_meeting_id: null,
  source_date: null,
  stage: 'scanning',
  opened_on: '2026-09-01',
  review_on: '2026-12-20',
  outcome: null,
  outcome_note: null,
  closed_on: null,
  ...changes,
});

describe('a priority’s standing', () => {
  it('is overdue once its review date has passed while open, current on the day itself, closed with an outcome', () => {
    expect(standing(priority('a', { review_on: '2026-12-05' }), '2026-12-06')).toBe('overdue');
    expect(standing(priority('a', { review_on: '2026-12-06' }), '2026-12-06')).toBe('current');
    expect(standing(priority('a', { outcome: 'resolved', review_on: null, closed_on: '2026-11-01' }), '2026-12-06')).toBe('closed');
  });

  it('reads today in the jurisdiction’s zone, not the computer’s', () => {
    expect(todayIn('America/Chicago', new Date('2026-12-07T03:00:00Z'))).toBe('2026-12-06');
  });
});

describe('the priorities listed', () => {
  it('open ones first, the soonest review (the overdue) at the top, then closed ones, latest closed first, each with its last update', () => {
    const listed = priorityList(
      [
        priority('closed-early', { outcome: 'improved', review_on: null, closed_on: '2026-10-01' }),
        priority('later', { review_on: '2027-01-10' }),
        priority('overdue', { review_on: '2026-11-30' }),
        priority('closed-late', { outcome: 'resolved', review_on: null, closed_on: '2026-11-20' }),
      ],
      [
        { priority_id: 'later', posted_on: '2026-10-13' },
        { priority_id: 'later', posted_on: '2026-11-10' },
      ],
      '2026-12-06',
    );
    expect(listed.map((item) => [item.priority.priority_id, item.standing])).toEqual([
      ['overdue', 'overdue'],
      ['later', 'current'],
      ['closed-late', 'closed'],
      ['closed-early', 'closed'],
    ]);
    expect(listed[1]!.lastUpdate).toBe('2026-11-10');
    expect(listed[0]!.lastUpdate).toBeNull();
  });
});

describe('posting an update', () => {
  const current = { priority_id: 'p', stage: 'analysis' as const, published: true };

  it('takes the next free position', () => {
    expect(nextPosition([])).toBe(0);
    expect(nextPosition([{ position: 0 }, { position: 2 }])).toBe(3);
  });

  it('in the same stage, saves the update alone', () => {
    expect(updatePlan(current, [{ position: 0 }], { posted_on: '2026-12-06', stage: 'analysis', body: ' Counts taken. ' })).toEqual([
      { kind: 'priority_update', create: true, item: { priority_id: 'p', position: 1, posted_on: '2026-12-06', stage: 'analysis', body: 'Counts taken.', published: true } },
    ]);
  });

  it('moving the stage, saves the priority’s stage first, then the update written in the new stage', () => {
    const plan = updatePlan(current, [], { posted_on: '2026-12-06', stage: 'response', body: 'Patrols added.' });
    expect(plan.map((step) => step.kind)).toEqual(['priority', 'priority_update']);
    expect(plan[0]!.item).toEqual({ priority_id: 'p', stage: 'response' });
    expect(plan[1]!.item).toMatchObject({ stage: 'response', position: 0 });
  });
});

describe('closing and reopening', () => {
  it('closing clears the next review; reopening clears the outcome and asks for a review date again', () => {
    expect(closing('p', { result: 'improved', text: ' Fewer cars speed. ', closed: '2026-12-06' })).toEqual({
      priority_id: 'p',
      outcome: 'improved',
      outcome_note: 'Fewer cars speed.',
      closed_on: '2026-12-06',
      review_on: null,
    });
    expect(reopening('p', '2027-01-06')).toEqual({ priority_id: 'p', outcome: null, outcome_note: null, closed_on: null, review_on: '2027-01-06' });
  });
});

describe('reports due', () => {
  const meeting = (id: string, changes: Partial<Published<MeetingRow>> = {}): Published<MeetingRow> => ({
    meeting_id: id,
    title: `Beat ${id} meeting`,
    kind: 'beat_meeting',
    beats: ['101'],
    district_id: null,
    schedule_start: '2026-01-13T18:00',
    schedule_duration_minutes: 90,
    schedule_rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    schedule_time_zone: null,
    updated_local: null,
    languages: ['en'],
    online: null,
    venue_name: 'Larch Community Center',
    venue_address: '100 Larch Ave',
    venue_lon: -88.2,
    venue_lat: 41.1,
    venue_accessibility: null,
    published: true,
    updated_at: '2026-01-01T00:00:00Z',
    ...changes,
  });
  const report = (meetingId: string, date: string, published: boolean) => ({
    meeting_id: meetingId,
    occurrence_date: date,
    attendance: 12,
    concerns: [],
    priorities_set: [],
    priorities_reviewed: [],
    priorities_closed: [],
    next_steps: null,
    published,
    updated_at: '2026-01-01T00:00:00Z',
  });
  const now = new Date('2026-12-06T12:00:00Z');
  const zone = 'America/Chicago';
  const mine = () => true;

  it('lists the dates of the last eight weeks that have no published report, latest first', () => {
    const records: MeetingRecords = { meetings: [meeting('m')], exceptions: [], reports: [report('m', '2026-10-13', true), report('m', '2026-11-10', false)] };
    // 2026-10-13 and 2026-11-10 are the second Tuesdays in the window; the draft report does not settle its date.
    expect(reportsDue(records, mine, zone, now).map((due) => due.date)).toEqual(['2026-11-10']);
  });

  it('leaves out cancelled dates, draft meetings and meetings the member does not edit', () => {
    const cancelled = { meeting_id: 'm', position: 0, occurrence_date: '2026-11-10', status: 'cancelled' as const, moved_to: null, note: 'Closed', venue_name: null, venue_address: null, venue_lon: null, venue_lat: null, venue_accessibility: null };
    const records: MeetingRecords = {
      meetings: [meeting('m'), meeting('draft', { published: false }), meeting('theirs', { beats: ['201'] })],
      exceptions: [cancelled],
      reports: [],
    };
    const due = reportsDue(records, (row) => row.beats.includes('101'), zone, now);
    expect(due.map((item) => `${item.meeting} ${item.date}`)).toEqual(['m 2026-10-13']);
  });

  it('asks nothing of a date still to come', () => {
    const records: MeetingRecords = { meetings: [meeting('soon', { schedule_start: '2026-12-08T18:00', schedule_rrule: null })], exceptions: [], reports: [] };
    expect(reportsDue(records, mine, zone, now)).toEqual([]);
  });
});
