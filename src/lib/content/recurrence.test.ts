import { describe, expect, it } from 'vitest';
import { occurrences, scheduleProblems, type MeetingException, type ScheduledMeeting } from './recurrence.ts';

const CHICAGO = 'America/Chicago';

/** Second Tuesday of odd months, 18:30 to 20:00, from January 2026. */
const beatMeeting: ScheduledMeeting = {
  title: 'Beat 0111 community meeting',
  schedule: { start: '2026-01-13T18:30', durationMinutes: 90, rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU' },
  exceptions: [],
};

const withRule = (start: string, rrule: string | undefined, exceptions: MeetingException[] = []): ScheduledMeeting => ({
  schedule: { start, durationMinutes: 90, rrule },
  exceptions,
});

const inChicago = (meeting: ScheduledMeeting, from: string | Date, to: string | Date) =>
  occurrences(meeting, { timeZone: CHICAGO, from, to });

const starts = (list: { start: string }[]) => list.map((o) => o.start);

describe('occurrences', () => {
  it('lists every second Tuesday of odd months at 18:30 for 90 minutes', () => {
    const year = inChicago(beatMeeting, '2026-01-01', '2027-01-01');
    expect(year.map(({ start, end }) => [start, end])).toEqual([
      ['2026-01-13T18:30:00-06:00', '2026-01-13T20:00:00-06:00'],
      ['2026-03-10T18:30:00-05:00', '2026-03-10T20:00:00-05:00'],
      ['2026-05-12T18:30:00-05:00', '2026-05-12T20:00:00-05:00'],
      ['2026-07-14T18:30:00-05:00', '2026-07-14T20:00:00-05:00'],
      ['2026-09-08T18:30:00-05:00', '2026-09-08T20:00:00-05:00'],
      ['2026-11-10T18:30:00-06:00', '2026-11-10T20:00:00-06:00'],
    ]);
    expect(year.every((o) => o.status === 'scheduled' && o.timeZone === CHICAGO)).toBe(true);
    expect(year.map((o) => o.date)).toEqual(['2026-01-13', '2026-03-10', '2026-05-12', '2026-07-14', '2026-09-08', '2026-11-10']);
  });

  it('gives the same dates when the odd months are named with BYMONTH', () => {
    const byMonth = withRule('2026-01-13T18:30', 'FREQ=MONTHLY;BYMONTH=1,3,5,7,9,11;BYDAY=2TU');
    expect(starts(inChicago(byMonth, '2026-01-01', '2027-01-01'))).toEqual(
      starts(inChicago(beatMeeting, '2026-01-01', '2027-01-01')),
    );
  });

  it('keeps a weekly 18:30 meeting at 18:30 local time across the March and November clock changes', () => {
    const weekly = withRule('2026-01-06T18:30', 'FREQ=WEEKLY;BYDAY=TU');
    const march = inChicago(weekly, '2026-03-01', '2026-03-15');
    const november = inChicago(weekly, '2026-10-25', '2026-11-08');
    expect(starts(march)).toEqual(['2026-03-03T18:30:00-06:00', '2026-03-10T18:30:00-05:00']);
    expect(starts(november)).toEqual(['2026-10-27T18:30:00-05:00', '2026-11-03T18:30:00-06:00']);
    // The same local time is a different UTC time once the offset changes.
    expect([...march, ...november].map((o) => new Date(o.start).toISOString())).toEqual([
      '2026-03-04T00:30:00.000Z',
      '2026-03-10T23:30:00.000Z',
      '2026-10-27T23:30:00.000Z',
      '2026-11-04T00:30:00.000Z',
    ]);
  });

  it('stops after COUNT meetings however wide the window', () => {
    const course = withRule('2026-04-07T18:30', 'FREQ=WEEKLY;COUNT=3');
    expect(starts(inChicago(course, '2026-01-01', '2030-01-01'))).toEqual([
      '2026-04-07T18:30:00-05:00',
      '2026-04-14T18:30:00-05:00',
      '2026-04-21T18:30:00-05:00',
    ]);
  });

  it('stops at UNTIL, keeping a meeting that starts exactly then', () => {
    // 23:30 UTC is 18:30 in Chicago in April.
    const course = withRule('2026-04-07T18:30', 'FREQ=WEEKLY;UNTIL=20260421T233000Z');
    expect(starts(inChicago(course, '2026-01-01', '2030-01-01'))).toEqual([
      '2026-04-07T18:30:00-05:00',
      '2026-04-14T18:30:00-05:00',
      '2026-04-21T18:30:00-05:00',
    ]);
    const aMinuteEarlier = withRule('2026-04-07T18:30', 'FREQ=WEEKLY;UNTIL=20260421T232900Z');
    expect(inChicago(aMinuteEarlier, '2026-01-01', '2030-01-01')).toHaveLength(2);
  });

  it('reads an UNTIL date as the whole of that local day', () => {
    const course = withRule('2026-04-07T18:30', 'FREQ=WEEKLY;UNTIL=20260421');
    expect(inChicago(course, '2026-01-01', '2030-01-01').at(-1)?.start).toBe('2026-04-21T18:30:00-05:00');
  });

  it('keeps a cancelled meeting in the list, marked cancelled, with its note', () => {
    const meeting = { ...beatMeeting, exceptions: [{ date: '2026-03-10', status: 'cancelled' as const, note: 'Spring break' }] };
    expect(inChicago(meeting, '2026-03-01', '2026-06-01')).toEqual([
      {
        start: '2026-03-10T18:30:00-05:00',
        end: '2026-03-10T20:00:00-05:00',
        date: '2026-03-10',
        timeZone: CHICAGO,
        status: 'cancelled',
        note: 'Spring break',
      },
      {
        start: '2026-05-12T18:30:00-05:00',
        end: '2026-05-12T20:00:00-05:00',
        date: '2026-05-12',
        timeZone: CHICAGO,
        status: 'scheduled',
      },
    ]);
  });

  it('shows a moved meeting at its new time and place, saying when it was first scheduled', () => {
    const library = { name: 'Branch library', address: '1 Main St', location: [-87.6, 41.9] as const };
    const meeting = {
      ...beatMeeting,
      exceptions: [{ date: '2026-03-10', status: 'moved' as const, movedTo: '2026-03-17T19:00', venue: library }],
    };
    expect(inChicago(meeting, '2026-03-01', '2026-04-01')).toEqual([
      {
        start: '2026-03-17T19:00:00-05:00',
        end: '2026-03-17T20:30:00-05:00',
        date: '2026-03-10',
        timeZone: CHICAGO,
        status: 'moved',
        movedFrom: '2026-03-10T18:30:00-05:00',
        venue: library,
      },
    ]);
  });

  it('lists a meeting moved into the window from outside it, and not one moved out of it', () => {
    const meeting = {
      ...beatMeeting,
      exceptions: [
        { date: '2026-05-12', status: 'moved' as const, movedTo: '2026-04-28T18:30' },
        { date: '2026-03-10', status: 'moved' as const, movedTo: '2026-02-24T18:30' },
      ],
    };
    const april = inChicago(meeting, '2026-03-01', '2026-05-01');
    expect(april.map((o) => [o.start, o.movedFrom])).toEqual([['2026-04-28T18:30:00-05:00', '2026-05-12T18:30:00-05:00']]);
  });

  it('lists a one-off meeting once, when the window holds its start', () => {
    const townHall = withRule('2026-06-02T18:00', undefined);
    expect(inChicago(townHall, '2026-01-01', '2027-01-01')).toEqual([
      {
        start: '2026-06-02T18:00:00-05:00',
        end: '2026-06-02T19:30:00-05:00',
        date: '2026-06-02',
        timeZone: CHICAGO,
        status: 'scheduled',
      },
    ]);
    expect(inChicago(townHall, '2026-06-03', '2027-01-01')).toEqual([]);
  });

  it('cancels a one-off meeting like any other', () => {
    const townHall = withRule('2026-06-02T18:00', undefined, [{ date: '2026-06-02', status: 'cancelled' }]);
    expect(inChicago(townHall, '2026-01-01', '2027-01-01').map((o) => o.status)).toEqual(['cancelled']);
  });

  it('includes a meeting starting exactly at `from` and leaves out one starting exactly at `to`', () => {
    const fromMarch = inChicago(beatMeeting, '2026-03-10T18:30:00-05:00', '2026-05-12T18:30:00-05:00');
    expect(starts(fromMarch)).toEqual(['2026-03-10T18:30:00-05:00']);
    const sameWindowAsDates = inChicago(beatMeeting, new Date('2026-03-10T23:30:00Z'), new Date('2026-05-12T23:30:00Z'));
    expect(starts(sameWindowAsDates)).toEqual(['2026-03-10T18:30:00-05:00']);
    expect(inChicago(beatMeeting, '2026-03-10T18:31:00-05:00', '2026-05-12T18:30:00-05:00')).toEqual([]);
  });

  it('reads a window without an offset as local time in the meeting zone', () => {
    // Midnight at the start of 10 March in Chicago; in UTC the meeting is on the 11th.
    expect(starts(inChicago(beatMeeting, '2026-03-10', '2026-03-11'))).toEqual(['2026-03-10T18:30:00-05:00']);
    expect(inChicago(beatMeeting, '2026-03-11', '2026-03-12')).toEqual([]);
  });

  it("uses the meeting's own time zone over the site's, with that zone's clock changes", () => {
    const madrid: ScheduledMeeting = {
      schedule: { start: '2026-03-19T19:00', durationMinutes: 60, rrule: 'FREQ=WEEKLY', timeZone: 'Europe/Madrid' },
    };
    const spring = inChicago(madrid, '2026-03-19T00:00+01:00', '2026-04-03T00:00+02:00');
    expect(spring.map(({ start, end, timeZone }) => [start, end, timeZone])).toEqual([
      ['2026-03-19T19:00:00+01:00', '2026-03-19T20:00:00+01:00', 'Europe/Madrid'],
      ['2026-03-26T19:00:00+01:00', '2026-03-26T20:00:00+01:00', 'Europe/Madrid'],
      ['2026-04-02T19:00:00+02:00', '2026-04-02T20:00:00+02:00', 'Europe/Madrid'],
    ]);
    expect(starts(inChicago(madrid, '2026-10-22', '2026-10-30'))).toEqual([
      '2026-10-22T19:00:00+02:00',
      '2026-10-29T19:00:00+01:00',
    ]);
  });

  it('moves a meeting whose local time the clocks skip forward by the gap, rather than dropping it', () => {
    const night = withRule('2026-03-01T02:30', 'FREQ=WEEKLY;BYDAY=SU');
    expect(starts(inChicago(night, '2026-03-01', '2026-03-16'))).toEqual([
      '2026-03-01T02:30:00-06:00',
      '2026-03-08T03:30:00-05:00',
      '2026-03-15T02:30:00-05:00',
    ]);
  });

  it('takes the first of a local time that happens twice when the clocks go back, and keeps the full duration', () => {
    const night = withRule('2026-10-25T01:30', 'FREQ=WEEKLY;BYDAY=SU');
    const [, fallBack] = inChicago(night, '2026-10-25', '2026-11-02');
    // 01:30 daylight time plus 90 minutes is 02:00 standard time.
    expect(fallBack).toMatchObject({ start: '2026-11-01T01:30:00-05:00', end: '2026-11-01T02:00:00-06:00' });
  });

  it('expands a rule without an end only as far as the window, however far away', () => {
    const weekly = withRule('2026-01-06T18:30', 'FREQ=WEEKLY;BYDAY=TU');
    const far = inChicago(weekly, '2090-01-01', '2091-01-01');
    expect(far).toHaveLength(52);
    expect(far[0]?.start).toBe('2090-01-03T18:30:00-06:00');
    expect(far.at(-1)?.start).toBe('2090-12-26T18:30:00-06:00');
  });

  it('returns nothing for an empty window', () => {
    expect(inChicago(beatMeeting, '2026-03-10T18:30:00-05:00', '2026-03-10T18:30:00-05:00')).toEqual([]);
  });

  it('refuses to list a meeting whose schedule has problems, saying what they are', () => {
    const typo = { ...beatMeeting, exceptions: [{ date: '2026-03-11', status: 'cancelled' as const }] };
    expect(() => inChicago(typo, '2026-01-01', '2027-01-01')).toThrow(
      'Meeting "Beat 0111 community meeting" has schedule problems: exceptions[0].date: 2026-03-11 is not a date this meeting falls on',
    );
  });
});

describe('scheduleProblems', () => {
  it('finds nothing wrong with a valid schedule and its exceptions', () => {
    const meeting = {
      ...beatMeeting,
      exceptions: [
        { date: '2026-03-10', status: 'cancelled' as const },
        { date: '2026-05-12', status: 'moved' as const, movedTo: '2026-05-19T18:30' },
      ],
    };
    expect(scheduleProblems(meeting, CHICAGO)).toEqual([]);
    expect(scheduleProblems(withRule('2026-06-02T18:00', undefined), CHICAGO)).toEqual([]);
  });

  it('names an RRULE that is not valid, and why', () => {
    expect(scheduleProblems(withRule('2026-01-13T18:30', 'FREQ=MONTHY;BYDAY=2TU'), CHICAGO)).toEqual([
      'schedule.rrule: FREQ=MONTHY;BYDAY=2TU is not a valid RRULE (FREQ=MONTHY is not valid)',
    ]);
    expect(scheduleProblems(withRule('2026-01-13T18:30', 'FREQ=WEEKLY;BYDAY=2TU'), CHICAGO)).toEqual([
      expect.stringMatching(/^schedule\.rrule: FREQ=WEEKLY;BYDAY=2TU is not a valid RRULE \(BYDAY with numeric value/),
    ]);
  });

  it('reports RRULE parts that would otherwise change the meeting dates without a word', () => {
    const problem = (rrule: string) => scheduleProblems(withRule('2026-01-13T18:30', rrule), CHICAGO);
    expect(problem('FREQ=MONTHLY;BYMONTHDAY=40')).toEqual([
      'schedule.rrule: FREQ=MONTHLY;BYMONTHDAY=40 is not a valid RRULE (BYMONTHDAY=40 is out of range)',
    ]);
    expect(problem('FREQ=MONTHLY;BYDAY=2TU;BYMONT=3')).toEqual([
      'schedule.rrule: FREQ=MONTHLY;BYDAY=2TU;BYMONT=3 is not a valid RRULE (BYMONT is not an RRULE part)',
    ]);
    expect(problem('FREQ=MONTHLY;BYDAY=2TU;FREQ=WEEKLY')).toEqual([
      'schedule.rrule: FREQ=MONTHLY;BYDAY=2TU;FREQ=WEEKLY is not a valid RRULE (FREQ is given twice)',
    ]);
    expect(problem('FREQ=WEEKLY;COUNT=3;UNTIL=20260601')).toEqual([
      'schedule.rrule: FREQ=WEEKLY;COUNT=3;UNTIL=20260601 is not a valid RRULE (COUNT and UNTIL cannot both be given)',
    ]);
    expect(problem('FREQ=WEEKLY;UNTIL=20260601T183000')).toEqual([
      'schedule.rrule: FREQ=WEEKLY;UNTIL=20260601T183000 is not a valid RRULE (UNTIL=20260601T183000 must be a date, YYYYMMDD, or a UTC time, YYYYMMDDTHHMMSSZ)',
    ]);
    expect(problem('FREQ=HOURLY')).toEqual(['schedule.rrule: FREQ=HOURLY is not a valid RRULE (FREQ=HOURLY: meetings recur daily at most)']);
  });

  it('reports an exception on a date the meeting does not fall on', () => {
    const meeting = {
      ...beatMeeting,
      exceptions: [
        { date: '2026-03-10', status: 'cancelled' as const },
        { date: '2026-03-11', status: 'cancelled' as const },
      ],
    };
    expect(scheduleProblems(meeting, CHICAGO)).toEqual(['exceptions[1].date: 2026-03-11 is not a date this meeting falls on']);
    const course = withRule('2026-04-07T18:30', 'FREQ=WEEKLY;COUNT=3', [{ date: '2026-04-28', status: 'cancelled' }]);
    expect(scheduleProblems(course, CHICAGO)).toEqual(['exceptions[0].date: 2026-04-28 is not a date this meeting falls on']);
    const townHall = withRule('2026-06-02T18:00', undefined, [{ date: '2026-06-09', status: 'cancelled' }]);
    expect(scheduleProblems(townHall, CHICAGO)).toEqual(['exceptions[0].date: 2026-06-09 is not a date this meeting falls on']);
  });

  it('reports dates that do not exist and a date given twice', () => {
    const meeting = {
      ...beatMeeting,
      exceptions: [
        { date: '2026-02-30', status: 'cancelled' as const },
        { date: '2026-03-10', status: 'cancelled' as const },
        { date: '2026-03-10', status: 'moved' as const, movedTo: '2026-03-10T25:00' },
      ],
    };
    expect(scheduleProblems(meeting, CHICAGO)).toEqual([
      'exceptions[0].date: 2026-02-30 is not a date (YYYY-MM-DD)',
      'exceptions[2].date: 2026-03-10 already has an exception, exceptions[1]',
      'exceptions[2].movedTo: 2026-03-10T25:00 is not a local date and time (YYYY-MM-DDTHH:MM)',
    ]);
  });

  it('asks for movedTo on a moved occurrence, and rejects it on a cancelled one', () => {
    const meeting = {
      ...beatMeeting,
      exceptions: [
        { date: '2026-03-10', status: 'moved' as const },
        { date: '2026-05-12', status: 'cancelled' as const, movedTo: '2026-05-19T18:30' },
      ],
    };
    expect(scheduleProblems(meeting, CHICAGO)).toEqual([
      'exceptions[0]: a moved occurrence needs movedTo',
      'exceptions[1].movedTo: a cancelled occurrence is not moved; remove movedTo or use status "moved"',
    ]);
  });

  it('reports a start or a new time that the clocks skip on the spring-forward night', () => {
    expect(scheduleProblems(withRule('2026-03-08T02:30', undefined), CHICAGO)).toEqual([
      'schedule.start: 2026-03-08T02:30 does not exist in America/Chicago, the clocks skip it',
    ]);
    const moved = { ...beatMeeting, exceptions: [{ date: '2026-03-10', status: 'moved' as const, movedTo: '2026-03-08T02:15' }] };
    expect(scheduleProblems(moved, CHICAGO)).toEqual([
      'exceptions[0].movedTo: 2026-03-08T02:15 does not exist in America/Chicago, the clocks skip it',
    ]);
    // The same wall time is fine where the clocks change on another date.
    expect(scheduleProblems(withRule('2026-03-08T02:30', undefined), 'Europe/Madrid')).toEqual([]);
  });

  it('reports a start that is not one of the dates the rule gives', () => {
    expect(scheduleProblems(withRule('2026-01-12T18:30', 'FREQ=MONTHLY;BYDAY=2TU'), CHICAGO)).toEqual([
      'schedule.start: 2026-01-12T18:30 is not a date and time the rule falls on; the first is 2026-01-13T18:30',
    ]);
  });

  it('reports a rule that never happens', () => {
    expect(scheduleProblems(withRule('2026-01-13T18:30', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'), CHICAGO)).toEqual([
      'schedule.rrule: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 never happens on or after schedule.start',
    ]);
  });

  it('reports a start that is not a real date, and an unknown time zone', () => {
    expect(scheduleProblems(withRule('2026-02-30T18:30', 'FREQ=WEEKLY'), CHICAGO)).toEqual([
      'schedule.start: 2026-02-30T18:30 is not a local date and time (YYYY-MM-DDTHH:MM)',
    ]);
    const elsewhere = { schedule: { ...beatMeeting.schedule, timeZone: 'America/Chicgo' } };
    expect(scheduleProblems(elsewhere, CHICAGO)).toEqual(['schedule.timeZone: America/Chicgo is not an IANA time zone']);
  });
});
