// The VTIMEZONE (RFC 5545 3.6.5) that a calendar feed needs for each TZID it uses, made from
// the IANA data the runtime already has (through Temporal, which reads it from Intl) rather
// than from a copy that could fall out of step with the zone the meetings are expanded in.
//
// The zone's offset changes in the years asked for (and some after) are found one by one and
// written the way zone files and calendar clients describe them: each run of yearly changes
// that follow one rule ("second Sunday of March at 02:00") becomes one observance with an
// RRULE, closed with UNTIL when the rule stopped and left open when it is still in force, so
// clients keep applying it after the last year read. A change that follows no yearly rule is an
// observance of its own. An opening observance states the offset in force from the first day,
// because clients apply no offset at all (ical.js uses UTC) before a zone's first onset.
import { Temporal } from 'temporal-polyfill';

export interface ZoneYears {
  /** The first year whose times must be right. */
  from: number;
  /** The last year whose times must be right; rules still in force then are left open-ended. */
  to: number;
}

/**
 * Years of changes read past `to`, so that a rule is named rightly: two Sundays that are both
 * the fourth and the last of September cannot tell "4SU" from "-1SU", while ten years always
 * include a September with five. A rule still followed at the end of them is left open.
 */
const CONFIRMING_YEARS = 10;

interface Change {
  /** When the observance starts, on the wall clock of the offset before it (as DTSTART wants). */
  onset: Temporal.PlainDateTime;
  at: Temporal.Instant;
  /** UTC offsets in seconds. */
  from: number;
  to: number;
  daylight: boolean;
  name: string | undefined;
}

interface Run {
  changes: Change[];
  /** The RRULE parts (after FREQ and BYMONTH) that every change of the run satisfies, best first. */
  rules: string[];
}

// A build writes a feed for every beat and district, nearly all in the same zone and years:
// each VTIMEZONE is worked out once (a few milliseconds of Temporal each).
const written = new Map<string, readonly string[]>();

/** The VTIMEZONE's content lines, unfolded. */
export function vtimezone(zone: string, years: ZoneYears): readonly string[] {
  const key = `${zone} ${years.from} ${years.to}`;
  let lines = written.get(key);
  if (!lines) written.set(key, (lines = zoneLines(zone, years)));
  return lines;
}

function zoneLines(zone: string, years: ZoneYears): string[] {
  const start = Temporal.PlainDate.from({ year: years.from, month: 1, day: 1 }).toZonedDateTime(zone);
  const lastYear = years.to + CONFIRMING_YEARS;
  const end = Temporal.PlainDate.from({ year: lastYear + 1, month: 1, day: 1 }).toZonedDateTime(zone).toInstant();
  const opening: Change = {
    onset: start.toPlainDateTime(),
    at: start.toInstant(),
    from: offsetSeconds(start),
    to: offsetSeconds(start),
    daylight: isDaylight(start),
    name: zoneName(zone, start.toInstant()),
  };

  const runs: Run[] = [];
  // The run each kind of change (same offsets, month and wall time) last joined.
  const current = new Map<string, Run>();
  for (let next = start.getTimeZoneTransition('next'); next && Temporal.Instant.compare(next.toInstant(), end) < 0; next = next.getTimeZoneTransition('next')) {
    const before = next.subtract({ nanoseconds: 1 });
    const change: Change = {
      onset: wallClock(next.toInstant(), offsetSeconds(before)),
      at: next.toInstant(),
      from: offsetSeconds(before),
      to: offsetSeconds(next),
      daylight: isDaylight(next),
      name: zoneName(zone, next.toInstant()),
    };
    const key = [change.daylight, change.from, change.to, change.onset.month, change.onset.toPlainTime().toString()].join(' ');
    const run = current.get(key);
    const last = run?.changes.at(-1);
    const rules = run && last?.onset.year === change.onset.year - 1 ? run.rules.filter((rule) => rulesFor(change.onset).includes(rule)) : [];
    if (run && rules.length > 0) {
      run.changes.push(change);
      run.rules = rules;
    } else {
      const started: Run = { changes: [change], rules: rulesFor(change.onset) };
      runs.push(started);
      current.set(key, started);
    }
  }

  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observance(opening),
    ...runs.flatMap((run) => observance(run.changes[0]!, yearlyRule(run, lastYear))),
    'END:VTIMEZONE',
  ];
}

function observance(change: Change, rrule?: string): string[] {
  const kind = change.daylight ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${basicLocal(change.onset)}`,
    `TZOFFSETFROM:${offsetText(change.from)}`,
    `TZOFFSETTO:${offsetText(change.to)}`,
    ...(rrule === undefined ? [] : [`RRULE:${rrule}`]),
    ...(change.name === undefined ? [] : [`TZNAME:${change.name}`]),
    `END:${kind}`,
  ];
}

/** The run as a yearly RRULE, or nothing for a change that happened once. */
function yearlyRule(run: Run, lastYear: number): string | undefined {
  const first = run.changes[0]!;
  const last = run.changes.at(-1)!;
  if (run.changes.length < 2) return undefined;
  const rule = `FREQ=YEARLY;BYMONTH=${first.onset.month};${run.rules[0]!}`;
  // Still in force in the last year read: assume it goes on, as the zone data itself does.
  if (last.onset.year === lastYear) return rule;
  return `${rule};UNTIL=${basicUtc(last.at)}`;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * Every way of naming the change's day in a yearly rule, best first: the nth weekday of the
 * month ("2SU"), the last one ("-1SU"), the first weekday on or after a day (tzdata's "Sun>=8",
 * as BYDAY with seven BYMONTHDAYs) and the plain day of the month. A run keeps the ones that fit
 * every year it covers.
 */
function rulesFor(onset: Temporal.PlainDateTime): string[] {
  const weekday = WEEKDAYS[onset.dayOfWeek - 1]!;
  const rules: string[] = [];
  const nth = Math.ceil(onset.day / 7);
  // A fifth weekday is missing from some months, so it cannot name a day every year.
  if (nth <= 4) rules.push(`BYDAY=${nth}${weekday}`);
  if (onset.day + 7 > onset.daysInMonth) rules.push(`BYDAY=-1${weekday}`);
  for (let first = Math.max(1, onset.day - 6); first <= onset.day; first++) {
    const days = Array.from({ length: 7 }, (_, i) => first + i).filter((day) => day <= 31);
    rules.push(`BYDAY=${weekday};BYMONTHDAY=${days.join(',')}`);
  }
  rules.push(`BYMONTHDAY=${onset.day}`);
  return rules;
}

/**
 * Intl gives offsets, not whether an offset is summer time, so an offset counts as daylight time
 * when the zone has a lower one within a year either side. Clients use the flag only to label
 * times and to pick between the two readings of a repeated hour.
 */
function isDaylight(at: Temporal.ZonedDateTime): boolean {
  const year = { hours: 366 * 24 };
  const end = at.add(year);
  let lowest = offsetSeconds(at.subtract(year));
  for (let next = at.subtract(year).getTimeZoneTransition('next'); next && Temporal.ZonedDateTime.compare(next, end) < 0; next = next.getTimeZoneTransition('next')) {
    lowest = Math.min(lowest, offsetSeconds(next));
  }
  return offsetSeconds(at) > lowest;
}

function offsetSeconds(at: Temporal.ZonedDateTime): number {
  return Math.round(at.offsetNanoseconds / 1e9);
}

/** The wall time at an instant under a given UTC offset. */
function wallClock(at: Temporal.Instant, offset: number): Temporal.PlainDateTime {
  return at.add({ seconds: offset }).toZonedDateTimeISO('UTC').toPlainDateTime();
}

/** TZOFFSETFROM/TZOFFSETTO: ±HHMM, with seconds only when there are any. */
function offsetText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const text = `${sign}${pad(Math.floor(abs / 3600))}${pad(Math.floor(abs / 60) % 60)}`;
  return abs % 60 === 0 ? text : `${text}${pad(abs % 60)}`;
}

/** The short name residents know (CST, CDT), where Intl has one; "GMT+1" style names otherwise. */
function zoneName(zone: string, at: Temporal.Instant): string | undefined {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(at.epochMilliseconds);
  return parts.find((part) => part.type === 'timeZoneName')?.value;
}

/** A local DATE-TIME in RFC 5545's basic form, e.g. 20260310T183000. */
export function basicLocal(wall: Temporal.PlainDateTime): string {
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}

/** A UTC DATE-TIME in RFC 5545's basic form, e.g. 20260311T003000Z. */
export function basicUtc(at: Temporal.Instant): string {
  return `${basicLocal(wallClock(at, 0))}Z`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
