// When community meetings happen: a meeting's schedule (a first local start, a duration,
// an RFC 5545 RRULE and a time zone) and its exceptions, expanded into the occurrences
// that fall in a window of time. Runs at build time for meeting pages and calendar feeds.
//
// Recurrence is worked out on the wall clock, not in the meeting's zone: the rule is expanded
// as if the zone were UTC (no clock changes, so every local time exists exactly once), and each
// wall time is then placed in the real zone by `placeInZone`. That keeps 18:30 at 18:30 all year
// and puts the whole daylight-saving decision in one function instead of inside the library.
import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';

/** Where a meeting is held: the shape of `venue` in the meeting schema. */
export interface MeetingVenue {
  name: string;
  address: string;
  location: readonly [number, number];
  accessibility?: string | undefined;
}

/** A change to one occurrence, named by the local date it was scheduled on. */
export interface MeetingException {
  date: string;
  status: 'cancelled' | 'moved';
  /** Local wall time of the new start, YYYY-MM-DDTHH:MM; required when moved. */
  movedTo?: string | undefined;
  venue?: MeetingVenue | undefined;
  note?: string | undefined;
}

export interface MeetingSchedule {
  /** Local wall time of the first occurrence (RFC 5545 DTSTART), YYYY-MM-DDTHH:MM. */
  start: string;
  durationMinutes: number;
  /** An RRULE value without the `RRULE:` prefix; absent for a one-off meeting. */
  rrule?: string | undefined;
  /** IANA zone; absent means the site's zone. */
  timeZone?: string | undefined;
}

/** The parts of a meeting (as `meetingSchema` outputs it) that decide when it happens. */
export interface ScheduledMeeting {
  title?: string;
  schedule: MeetingSchedule;
  exceptions?: readonly MeetingException[] | undefined;
}

/** One meeting date as residents see it. */
export interface Occurrence {
  /** ISO 8601 with the UTC offset, e.g. 2026-03-10T18:30:00-05:00 (the new time if moved). */
  start: string;
  end: string;
  /** Local date the occurrence was scheduled on, YYYY-MM-DD: what exceptions refer to. */
  date: string;
  /** The zone the times are local to, for formatting them. */
  timeZone: string;
  /** A cancelled occurrence is still listed, at its original time, so pages can strike it out. */
  status: 'scheduled' | 'cancelled' | 'moved';
  /** The original start, when moved. */
  movedFrom?: string;
  /** Set only when an exception changes the venue; otherwise the meeting's own venue applies. */
  venue?: MeetingVenue;
  note?: string;
}

export interface OccurrenceWindow {
  /** The site's zone, used when the meeting has none of its own. */
  timeZone: string;
  /**
   * Occurrences starting in [from, to). A Date or a string with an offset or Z is an instant;
   * a string without one (2026-03-01, 2026-03-01T18:00) is local time in the meeting's zone.
   */
  from: string | Date;
  to: string | Date;
}

/** Occurrences of a meeting starting in [from, to), sorted by start. Throws if the schedule has problems. */
export function occurrences(meeting: ScheduledMeeting, window: OccurrenceWindow): Occurrence[] {
  const { plan, problems } = analyse(meeting, window.timeZone);
  if (!plan || problems.length > 0) {
    const name = meeting.title === undefined ? 'A meeting' : `Meeting "${meeting.title}"`;
    throw new RangeError(`${name} has schedule problems: ${problems.join('; ')}`);
  }
  const from = instantOf(window.from, plan.zone);
  const to = instantOf(window.to, plan.zone);
  if (Temporal.Instant.compare(from, to) >= 0) return [];

  // A zone can jump by up to a day (Samoa skipped 30 December 2011), so ask the rule for a
  // margin of wall time either side and then filter exactly by instant.
  const margin = { days: 2 };
  const wallFrom = from.toZonedDateTimeISO(plan.zone).toPlainDateTime().subtract(margin);
  const wallTo = to.toZonedDateTimeISO(plan.zone).toPlainDateTime().add(margin);
  const originals = startsBetween(plan, wallFrom, wallTo);
  // A meeting moved into the window may have been scheduled far outside it.
  for (const exception of plan.exceptions.values()) {
    if (exception.status === 'moved') originals.push(...startsOn(plan, Temporal.PlainDate.from(exception.date)));
  }

  const seen = new Set<string>(); // a moved meeting's original date may be in both lists
  const listed: Array<{ at: Temporal.ZonedDateTime; occurrence: Occurrence }> = [];
  for (const original of originals) {
    const key = original.toString();
    if (seen.has(key)) continue;
    seen.add(key);
    const placed = occurrenceFrom(plan, original);
    const instant = placed.at.toInstant();
    if (Temporal.Instant.compare(instant, from) >= 0 && Temporal.Instant.compare(instant, to) < 0) listed.push(placed);
  }
  return listed.sort((a, b) => Temporal.ZonedDateTime.compare(a.at, b.at)).map(({ occurrence }) => occurrence);
}

/**
 * What is wrong with a meeting's schedule and exceptions, one short sentence per problem,
 * each starting with the field it is about. Empty when the schedule is fine.
 * `timeZone` is the site's zone, used when the meeting has none of its own.
 */
export function scheduleProblems(meeting: ScheduledMeeting, timeZone: string): string[] {
  return analyse(meeting, timeZone).problems;
}

interface Plan {
  zone: string;
  first: Temporal.PlainDateTime;
  durationMinutes: number;
  /** Expands on the wall clock (see the top of this file); absent for a one-off meeting. */
  rule: RRuleTemporal<Temporal.ZonedDateTime> | undefined;
  /** By local date; analyse() reports a date given twice, and the first one is used. */
  exceptions: Map<string, MeetingException>;
}

function analyse(meeting: ScheduledMeeting, siteZone: string): { plan?: Plan; problems: string[] } {
  const { schedule } = meeting;
  const zone = schedule.timeZone ?? siteZone;
  if (!isTimeZone(zone)) {
    return { problems: [`${schedule.timeZone === undefined ? 'timeZone' : 'schedule.timeZone'}: ${zone} is not an IANA time zone`] };
  }
  const problems: string[] = [];
  const first = localDateTime(schedule.start);
  if (!first) {
    problems.push(`schedule.start: ${schedule.start} is not a local date and time (YYYY-MM-DDTHH:MM)`);
  } else if (!existsIn(first, zone)) {
    problems.push(`schedule.start: ${schedule.start} does not exist in ${zone}, the clocks skip it`);
  }
  if (!Number.isInteger(schedule.durationMinutes) || schedule.durationMinutes <= 0) {
    problems.push(`schedule.durationMinutes: ${schedule.durationMinutes} is not a whole number of minutes above 0`);
  }
  if (!first) return { problems };

  let rule: RRuleTemporal<Temporal.ZonedDateTime> | undefined;
  if (schedule.rrule !== undefined) {
    const built = wallClockRule(schedule.rrule, first, zone);
    if (typeof built === 'string') {
      problems.push(`schedule.rrule: ${schedule.rrule} is not a valid RRULE (${built})`);
      return { problems };
    }
    rule = built;
    const firstOccurrence = firstOf(rule, first);
    if (!firstOccurrence) {
      problems.push(`schedule.rrule: ${schedule.rrule} never happens on or after schedule.start`);
      return { problems };
    }
    // RFC 5545 leaves a DTSTART that the rule does not produce undefined; the library skips it.
    if (!firstOccurrence.equals(first)) {
      problems.push(`schedule.start: ${schedule.start} is not a date and time the rule falls on; the first is ${localText(firstOccurrence)}`);
    }
  }

  const plan: Plan = { zone, first, durationMinutes: schedule.durationMinutes, rule, exceptions: new Map() };
  const indexOfDate = new Map<string, number>();
  (meeting.exceptions ?? []).forEach((exception, i) => {
    const field = `exceptions[${i}]`;
    const date = localDate(exception.date);
    if (!date) {
      problems.push(`${field}.date: ${exception.date} is not a date (YYYY-MM-DD)`);
    } else {
      const earlier = indexOfDate.get(exception.date);
      if (earlier === undefined) {
        indexOfDate.set(exception.date, i);
        plan.exceptions.set(exception.date, exception);
      } else {
        problems.push(`${field}.date: ${exception.date} already has an exception, exceptions[${earlier}]`);
      }
      const starts = startsOn(plan, date);
      if (starts.length === 0) {
        problems.push(`${field}.date: ${exception.date} is not a date this meeting falls on`);
      } else if (starts.length > 1) {
        problems.push(`${field}.date: the meeting falls ${starts.length} times on ${exception.date}, so an exception cannot say which`);
      }
    }
    if (exception.status === 'moved') {
      if (exception.movedTo === undefined) {
        problems.push(`${field}: a moved occurrence needs movedTo`);
      } else {
        const movedTo = localDateTime(exception.movedTo);
        if (!movedTo) problems.push(`${field}.movedTo: ${exception.movedTo} is not a local date and time (YYYY-MM-DDTHH:MM)`);
        else if (!existsIn(movedTo, zone)) problems.push(`${field}.movedTo: ${exception.movedTo} does not exist in ${zone}, the clocks skip it`);
      }
    } else if (exception.movedTo !== undefined) {
      problems.push(`${field}.movedTo: a cancelled occurrence is not moved; remove movedTo or use status "moved"`);
    }
  });
  return { plan, problems };
}

function occurrenceFrom(plan: Plan, original: Temporal.PlainDateTime): { at: Temporal.ZonedDateTime; occurrence: Occurrence } {
  const scheduled = placeInZone(original, plan.zone);
  const date = original.toPlainDate().toString();
  const exception = plan.exceptions.get(date);
  // analyse() has checked that a moved exception has a valid movedTo.
  const movedTo = exception?.status === 'moved' && exception.movedTo !== undefined ? localDateTime(exception.movedTo) : undefined;
  const at = movedTo ? placeInZone(movedTo, plan.zone) : scheduled;
  const occurrence: Occurrence = {
    start: isoText(at),
    // Added in exact time: a meeting across the autumn change still lasts its 90 minutes.
    end: isoText(at.add({ minutes: plan.durationMinutes })),
    date,
    timeZone: plan.zone,
    status: exception?.status ?? 'scheduled',
  };
  if (movedTo) occurrence.movedFrom = isoText(scheduled);
  if (exception?.venue) occurrence.venue = exception.venue;
  if (exception?.note !== undefined) occurrence.note = exception.note;
  return { at, occurrence };
}

/**
 * Where a local wall time falls in the zone, on the days the clocks change.
 *
 * - A time the clocks skip (02:30 on the spring-forward night in Chicago) moves forward by the
 *   length of the gap, to 03:30 daylight time, so the meeting is still listed.
 * - A time that happens twice (01:30 on the autumn night) means the first of the two, in
 *   daylight time.
 *
 * That is RFC 5545's rule for DATE-TIME values (3.3.5), and Temporal's 'compatible'
 * disambiguation. For times a rule *generates*, RFC 5545 3.3.10 says instead to drop one that
 * does not exist, and rrule-temporal does; we do not, because a meeting quietly missing from the
 * list serves residents worse than one listed an hour later. Calendar clients reading an exported
 * RRULE may drop it, so feeds that must agree should list such occurrences explicitly.
 */
function placeInZone(wall: Temporal.PlainDateTime, zone: string): Temporal.ZonedDateTime {
  return wall.toZonedDateTime(zone, { disambiguation: 'compatible' });
}

function existsIn(wall: Temporal.PlainDateTime, zone: string): boolean {
  return placeInZone(wall, zone).toPlainDateTime().equals(wall);
}

function firstOf(rule: RRuleTemporal<Temporal.ZonedDateTime>, from: Temporal.PlainDateTime): Temporal.PlainDateTime | undefined {
  try {
    return rule.next(onWallClock(from), true)?.toPlainDateTime();
  } catch {
    // The library gives up, with an error, after 10,000 periods without an occurrence
    // (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30), instead of answering null.
    return undefined;
  }
}

/** Wall-clock starts in [from, to). */
function startsBetween(plan: Plan, from: Temporal.PlainDateTime, to: Temporal.PlainDateTime): Temporal.PlainDateTime[] {
  if (!plan.rule) {
    const inside = Temporal.PlainDateTime.compare(plan.first, from) >= 0 && Temporal.PlainDateTime.compare(plan.first, to) < 0;
    return inside ? [plan.first] : [];
  }
  // between() is bounded by `to` even when the rule has no COUNT or UNTIL; never call all().
  return plan.rule
    .between(onWallClock(from), onWallClock(to), true)
    .map((start) => start.toPlainDateTime())
    .filter((start) => Temporal.PlainDateTime.compare(start, to) < 0);
}

function startsOn(plan: Plan, date: Temporal.PlainDate): Temporal.PlainDateTime[] {
  return startsBetween(plan, date.toPlainDateTime(), date.add({ days: 1 }).toPlainDateTime());
}

// A zone without clock changes, in which the rule is expanded (see the top of this file).
const WALL_CLOCK = 'UTC';

function onWallClock(wall: Temporal.PlainDateTime): Temporal.ZonedDateTime {
  return wall.toZonedDateTime(WALL_CLOCK);
}

/** The rule expanded on the wall clock, or why the RRULE is not acceptable. */
function wallClockRule(rrule: string, first: Temporal.PlainDateTime, zone: string): RRuleTemporal<Temporal.ZonedDateTime> | string {
  const parts = ruleParts(rrule);
  if (typeof parts === 'string') return parts;
  const until = parts.get('UNTIL');
  if (until !== undefined) {
    const wallUntil = untilOnWallClock(until, zone);
    if (!wallUntil) return `UNTIL=${until} is not a date`;
    parts.set('UNTIL', wallUntil);
  }
  try {
    return new RRuleTemporal({
      rruleString: [...parts].map(([name, value]) => `${name}=${value}`).join(';'),
      dtstart: onWallClock(first),
      // Strict mode rejects what the lenient one would guess at, e.g. COUNT=abc read as no COUNT.
      strict: true,
      // Without this, results come from the library's own bundled copy of the polyfill.
      temporal: Temporal,
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * UNTIL as a wall-clock time. RFC 5545 wants a UTC time (…Z) when DTSTART has a zone; that
 * instant becomes the local time it was. A bare date is accepted too, as the end of that local
 * day, since that is what people write (the library's lenient mode reads it the same way).
 */
function untilOnWallClock(until: string, zone: string): string | undefined {
  const date = localDate(`${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`);
  if (!date) return undefined;
  if (until.length === 8) return `${until}T235959Z`;
  const time = `${until.slice(9, 11)}:${until.slice(11, 13)}:${until.slice(13, 15)}`;
  let wall: Temporal.PlainDateTime;
  try {
    wall = Temporal.Instant.from(`${date.toString()}T${time}Z`).toZonedDateTimeISO(zone).toPlainDateTime();
  } catch {
    return undefined;
  }
  return `${wall.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '')}Z`;
}

const WEEKDAY = '(MO|TU|WE|TH|FR|SA|SU)';
// rrule-temporal silently drops unknown parts and out-of-range values (BYMONTHDAY=40 turns a
// monthly rule into one on DTSTART's day), so they are checked here first.
const NUMBER_LISTS: Record<string, { min: number; max: number; signed: boolean }> = {
  BYSECOND: { min: 0, max: 60, signed: false },
  BYMINUTE: { min: 0, max: 59, signed: false },
  BYHOUR: { min: 0, max: 23, signed: false },
  BYMONTHDAY: { min: 1, max: 31, signed: true },
  BYYEARDAY: { min: 1, max: 366, signed: true },
  BYWEEKNO: { min: 1, max: 53, signed: true },
  BYMONTH: { min: 1, max: 12, signed: false },
  BYSETPOS: { min: 1, max: 366, signed: true },
};

/** The RRULE's parts by name, in order, or what is wrong with them. */
function ruleParts(rrule: string): Map<string, string> | string {
  const parts = new Map<string, string>();
  for (const part of rrule.toUpperCase().split(';')) {
    const match = /^([A-Z]+)=(.+)$/.exec(part);
    if (!match) return `${part === '' ? 'an empty part' : part} is not NAME=VALUE`;
    const [, name = '', value = ''] = match;
    if (parts.has(name)) return `${name} is given twice`;
    parts.set(name, value);
    const problem = partProblem(name, value);
    if (problem) return problem;
  }
  const freq = parts.get('FREQ');
  if (freq === undefined) return 'FREQ is missing';
  // Sub-daily rules count real hours, which differ from wall-clock hours across a clock change.
  if (!['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'].includes(freq)) return `FREQ=${freq}: meetings recur daily at most`;
  if (parts.has('COUNT') && parts.has('UNTIL')) return 'COUNT and UNTIL cannot both be given';
  return parts;
}

function partProblem(name: string, value: string): string | undefined {
  const range = NUMBER_LISTS[name];
  if (range) {
    const bad = value.split(',').find((item) => {
      const n = /^[+-]?\d+$/.test(item) ? Math.abs(Number(item)) : NaN;
      return !(n >= range.min && n <= range.max) || (!range.signed && /^[+-]/.test(item));
    });
    return bad === undefined ? undefined : `${name}=${bad} is out of range`;
  }
  const valid: Record<string, RegExp> = {
    FREQ: /^(YEARLY|MONTHLY|WEEKLY|DAILY|HOURLY|MINUTELY|SECONDLY)$/,
    UNTIL: /^\d{8}(T\d{6}Z)?$/,
    COUNT: /^[1-9]\d*$/,
    INTERVAL: /^[1-9]\d*$/,
    WKST: new RegExp(`^${WEEKDAY}$`),
    BYDAY: new RegExp(`^([+-]?([1-9]|[1-4]\\d|5[0-3])?${WEEKDAY})(,[+-]?([1-9]|[1-4]\\d|5[0-3])?${WEEKDAY})*$`),
  };
  const pattern = valid[name];
  if (!pattern) return `${name} is not an RRULE part`;
  if (pattern.test(value)) return undefined;
  return name === 'UNTIL' ? `UNTIL=${value} must be a date, YYYYMMDD, or a UTC time, YYYYMMDDTHHMMSSZ` : `${name}=${value} is not valid`;
}

function isTimeZone(zone: string): boolean {
  try {
    Temporal.PlainDate.from('2000-01-01').toZonedDateTime(zone);
    return true;
  } catch {
    return false;
  }
}

function localDateTime(text: string): Temporal.PlainDateTime | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)) return undefined;
  try {
    return Temporal.PlainDateTime.from(text);
  } catch {
    return undefined; // e.g. 2026-02-30
  }
}

function localDate(text: string): Temporal.PlainDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  try {
    return Temporal.PlainDate.from(text);
  } catch {
    return undefined;
  }
}

function instantOf(value: string | Date, zone: string): Temporal.Instant {
  if (value instanceof Date) return Temporal.Instant.fromEpochMilliseconds(value.getTime());
  try {
    return Temporal.Instant.from(value);
  } catch {
    // No offset: local time in the meeting's zone (a bare date is its midnight).
    return placeInZone(Temporal.PlainDateTime.from(value), zone).toInstant();
  }
}

function isoText(at: Temporal.ZonedDateTime): string {
  return at.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

function localText(wall: Temporal.PlainDateTime): string {
  return wall.toString({ smallestUnit: 'minute' });
}
