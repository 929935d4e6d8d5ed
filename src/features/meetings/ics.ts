// Community meetings as an iCalendar feed (RFC 5545) that calendar apps subscribe to and keep
// refreshing: one VEVENT per meeting series with its RRULE, cancelled dates as EXDATEs, and an
// overriding VEVENT (RECURRENCE-ID) for each moved date. Occurrences come from recurrence.ts, so
// the feed says what the meeting pages say.
//
// Times are local with a TZID, and each zone used gets its VTIMEZONE (icsTimezone.ts), so
// 18:30 stays 18:30 across clock changes in every client. Where clients and recurrence.ts
// could disagree, the feed says it explicitly instead of leaving it to the client:
// - UNTIL is turned into a UTC time, as RFC 5545 requires when DTSTART has a TZID (a bare date
//   means the end of that local day, as recurrence.ts reads it).
// - A rule time the clocks skip (02:30 on the spring-forward night) is dropped by RFC 5545 but
//   listed an hour later by recurrence.ts; each such occurrence gets an override at its
//   shifted time, so every client shows it where the site does.
// - A start or end in the hour the clocks repeat (01:30 on the autumn night) is the first of
//   the two for RFC 5545 and recurrence.ts, but not for every client; such occurrences get an
//   override with that time in UTC.
//
// Written by hand rather than with ical.js's component model (tried in 2026-12, ical.js 2.2):
// the library would take over only the escaping, the folding and the property syntax (about 35
// lines here), since it reads VTIMEZONEs but cannot make one from the IANA data, and none of the
// clock-change handling above is its to do. Its folding also breaks RFC 5545 3.1: continuation
// lines come out at 76 octets (the leading space plus 75), which the feed tests refuse. So the
// writer stays a few string functions, and ical.js stays a devDependency that only the tests use
// to read the feeds back as a client would.
import { Temporal } from 'temporal-polyfill';
import type { Meeting } from '../../lib/content/validate.ts';
import { basicLocal, basicUtc, vtimezone } from './icsTimezone.ts';
import { occurrences, type MeetingVenue } from '../../lib/content/recurrence.ts';
import { slugify } from '../../lib/slug.ts';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** How often subscribed clients should fetch the feed again. */
const REFRESH = 'PT6H';

/**
 * Occurrences that need an override because of a clock change are listed this far past the
 * build; later ones are left to the client's reading of the RRULE until the next build.
 */
const HORIZON_YEARS = 5;

export interface CalendarInput {
  /** X-WR-CALNAME, e.g. "Beat 101 meetings · Alderbrook". */
  name: string;
  meetings: readonly Meeting[];
  site: { jurisdiction: string; timeZone: string };
  /**
   * The site's public origin (Astro's `site`), for the page links. Without one the links are
   * left out. UIDs are always named after the jurisdiction.
   */
  origin?: URL | string | undefined;
  /** The build's time: DTSTAMP, and where the horizon above is counted from. */
  now: Date;
}

/** The whole feed, folded, with CRLF line endings. */
export function calendar(input: CalendarInput): string {
  const origin = input.origin === undefined ? undefined : new URL(input.origin);
  const now = Temporal.Instant.fromEpochMilliseconds(input.now.getTime());
  const context: EventContext = {
    siteZone: input.site.timeZone,
    // Named after the jurisdiction, never the site's address: a UID must outlive a move to another host.
    uidDomain: slugify(input.site.jurisdiction) || 'openbeat',
    origin,
    stamp: basicUtc(now),
    horizon: now.toZonedDateTimeISO('UTC').add({ years: HORIZON_YEARS }).toInstant(),
  };
  const meetings = [...input.meetings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const events = meetings.map((meeting) => eventsOnce(meeting, context));

  // Each zone's VTIMEZONE spans the years of the times written in it, and the site's zone is
  // always there: X-WR-TIMEZONE names it, and a calendar needs at least one component.
  const nowYear = input.now.getUTCFullYear();
  const years = new Map<string, { from: number; to: number }>([[context.siteZone, { from: nowYear, to: nowYear + HORIZON_YEARS }]]);
  for (const { zone, wallTimes } of events) {
    const span = years.get(zone) ?? { from: nowYear, to: nowYear + HORIZON_YEARS };
    for (const wall of wallTimes) {
      span.from = Math.min(span.from, wall.year);
      span.to = Math.max(span.to, wall.year);
    }
    years.set(zone, span);
  }

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//OpenBeat//Community meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(input.name)),
    property('NAME', escapeText(input.name)),
    property('X-WR-TIMEZONE', context.siteZone),
    property('REFRESH-INTERVAL', REFRESH, { VALUE: 'DURATION' }),
    property('X-PUBLISHED-TTL', REFRESH),
    ...[...years.keys()].sort().flatMap((zone) => vtimezone(zone, years.get(zone)!)),
    ...events.flatMap((event) => event.lines),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/**
 * SEQUENCE for a meeting: the minutes from 2000-01-01T00:00 to its `updated` time (0 without
 * one). A static build remembers nothing between builds, so the number comes from content:
 * it grows whenever `updated` does, and clients then replace what they had for the UID.
 * Wall-clock minutes keep it a whole number that fits RFC 5545's INTEGER until the year 6000.
 */
export function sequenceOf(updated: string | undefined): number {
  if (updated === undefined) return 0;
  return Temporal.PlainDateTime.from('2000-01-01T00:00').until(Temporal.PlainDateTime.from(updated), { largestUnit: 'minutes' }).minutes;
}

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 3.1), each continuation
 * starting with a space, never splitting a character's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

interface EventContext {
  siteZone: string;
  uidDomain: string;
  origin: URL | undefined;
  stamp: string;
  horizon: Temporal.Instant;
}

// A meeting is in several feeds of a build (the site's, its district's, its beat's), each
// written at the build's one instant: its events are worked out once, not once per feed.
const eventsByMeeting = new WeakMap<Meeting, Map<string, MeetingEvents>>();

function eventsOnce(meeting: Meeting, context: EventContext): MeetingEvents {
  const key = [context.siteZone, context.uidDomain, context.origin?.href ?? '', context.horizon.epochMilliseconds].join(' ');
  let known = eventsByMeeting.get(meeting);
  if (!known) eventsByMeeting.set(meeting, (known = new Map()));
  let events = known.get(key);
  if (!events) known.set(key, (events = meetingEvents(meeting, context)));
  return events;
}

interface MeetingEvents {
  zone: string;
  lines: string[];
  /** Every local time written, for the VTIMEZONE's years. */
  wallTimes: Temporal.PlainDateTime[];
}

function meetingEvents(meeting: Meeting, context: EventContext): MeetingEvents {
  const zone = meeting.schedule.timeZone ?? context.siteZone;
  const first = Temporal.PlainDateTime.from(meeting.schedule.start);
  const ruleTimes = timesOfDay(meeting.schedule.rrule, first);
  const wallTimes: Temporal.PlainDateTime[] = [];
  // A time the rule gives, named as clients generate it: always local.
  const local = (name: string, wall: Temporal.PlainDateTime) => {
    wallTimes.push(wall);
    return property(name, basicLocal(wall), { TZID: zone });
  };
  // A time the meeting starts or ends: local too, except where the local time happens twice.
  // RFC 5545 means the first; ical.js, for one, takes the second, so UTC leaves no doubt.
  const exact = (name: string, at: Temporal.ZonedDateTime) =>
    isAmbiguous(at.toPlainDateTime(), zone) ? property(name, basicUtc(at.toInstant())) : local(name, at.toPlainDateTime());
  const common = [
    property('UID', `meeting-${meeting.id}@${context.uidDomain}`),
    property('DTSTAMP', context.stamp),
    ...(meeting.updated === undefined ? [] : [property('LAST-MODIFIED', basicUtc(placeInZone(Temporal.PlainDateTime.from(meeting.updated), zone).toInstant()))]),
    property('SEQUENCE', String(sequenceOf(meeting.updated))),
  ];
  const page = pageUrl(meeting, context.origin);
  const details = (venue: MeetingVenue, note: string | undefined) => [
    property('SUMMARY', escapeText(meeting.title)),
    property('LOCATION', escapeText(`${venue.name}, ${venue.address}`)),
    property('GEO', `${coordinate(venue.location[1])};${coordinate(venue.location[0])}`),
    property('DESCRIPTION', escapeText(description(meeting, venue, note, page))),
    ...(page === undefined ? [] : [property('URL', page, { VALUE: 'URI' })]),
  ];

  // Every occurrence the site lists, from the first to the horizon, and any exception beyond it
  // (local times in the same format sort by time).
  const movedTo = meeting.exceptions.flatMap((e) => (e.movedTo === undefined ? [] : [e.movedTo]));
  const from = [meeting.schedule.start, ...movedTo].sort()[0]!;
  const lastDay = [...meeting.exceptions.map((e) => e.date), ...movedTo].sort().at(-1)?.slice(0, 10);
  const afterLastDay = lastDay === undefined ? undefined : placeInZone(Temporal.PlainDate.from(lastDay).add({ days: 2 }).toPlainDateTime(), zone).toInstant();
  const to = afterLastDay !== undefined && Temporal.Instant.compare(afterLastDay, context.horizon) > 0 ? afterLastDay : context.horizon;
  const listed = occurrences(meeting, { timeZone: context.siteZone, from, to: to.toString() });

  const master = [
    'BEGIN:VEVENT',
    ...common,
    local('DTSTART', first),
    // Added in exact time, as recurrence.ts does: a meeting over the autumn change keeps its length.
    // Clients take every occurrence's length from DTEND − DTSTART, which is unsure when DTSTART
    // is in the repeated hour, so then the length is given as such.
    isAmbiguous(first, zone)
      ? property('DURATION', `PT${meeting.schedule.durationMinutes}M`)
      : exact('DTEND', placeInZone(first, zone).add({ minutes: meeting.schedule.durationMinutes })),
    ...(meeting.schedule.rrule === undefined ? [] : [property('RRULE', exportedRule(meeting.schedule.rrule, zone))]),
    ...listed.filter((o) => o.status === 'cancelled').map((o) => local('EXDATE', ruleWallTime(o.start, zone, ruleTimes))),
    ...details(meeting.venue, undefined),
    'END:VEVENT',
  ];

  // Moved occurrences, and any the clients could place elsewhere than the site: a rule time the
  // clocks skip, or a start or end the clocks repeat (including the first, at DTSTART).
  const overrides = listed.flatMap((o) => {
    const scheduled = ruleWallTime(o.movedFrom ?? o.start, zone, ruleTimes);
    const start = zoned(o.start, zone);
    const end = zoned(o.end, zone);
    const plain = scheduled.equals(start.toPlainDateTime()) && !isAmbiguous(start.toPlainDateTime(), zone) && !isAmbiguous(end.toPlainDateTime(), zone);
    if (o.status === 'cancelled' || (o.status === 'scheduled' && plain)) return [];
    return [
      'BEGIN:VEVENT',
      ...common,
      local('RECURRENCE-ID', scheduled),
      exact('DTSTART', start),
      exact('DTEND', end),
      ...details(o.venue ?? meeting.venue, o.note),
      'END:VEVENT',
    ];
  });
  return { zone, lines: [...master, ...overrides], wallTimes };
}

/** The RRULE with UNTIL as the UTC time RFC 5545 requires when DTSTART has a TZID. */
function exportedRule(rrule: string, zone: string): string {
  return rrule
    .toUpperCase()
    .split(';')
    .map((part) => {
      const until = /^UNTIL=(\d{4})(\d{2})(\d{2})$/.exec(part);
      if (!until) return part;
      // A bare date runs to the end of that local day, as recurrence.ts reads it.
      const end = placeInZone(Temporal.PlainDateTime.from(`${until[1]}-${until[2]}-${until[3]}T23:59:59`), zone);
      return `UNTIL=${basicUtc(end.toInstant())}`;
    })
    .join(';');
}

/** The times of day the rule gives (BYHOUR × BYMINUTE × BYSECOND, each defaulting to DTSTART's). */
function timesOfDay(rrule: string | undefined, first: Temporal.PlainDateTime): Set<string> {
  const parts = new Map(
    (rrule ?? '')
      .toUpperCase()
      .split(';')
      .map((part) => {
        const [name = '', value = ''] = part.split('=');
        return [name, value] as const;
      }),
  );
  const list = (name: string, fallback: number) => (parts.get(name)?.split(',') ?? [String(fallback)]).map(Number);
  const times = new Set<string>();
  for (const hour of list('BYHOUR', first.hour)) {
    for (const minute of list('BYMINUTE', first.minute)) {
      for (const second of list('BYSECOND', 0)) times.add(timeKey(Temporal.PlainTime.from({ hour, minute, second })));
    }
  }
  return times;
}

/**
 * The local time the rule gave for an occurrence that recurrence.ts placed at `start`: its own
 * wall time, unless that is not a time the rule gives, in which case the rule's time was skipped
 * by the clocks and recurrence.ts moved it forward by the gap. This is the time clients generate
 * from the RRULE, so it is what RECURRENCE-ID and EXDATE must name.
 */
function ruleWallTime(start: string, zone: string, ruleTimes: Set<string>): Temporal.PlainDateTime {
  const at = zoned(start, zone);
  const wall = at.toPlainDateTime();
  if (ruleTimes.has(timeKey(wall.toPlainTime()))) return wall;
  const transition = at.add({ nanoseconds: 1 }).getTimeZoneTransition('previous');
  if (!transition) return wall;
  const gap = transition.offsetNanoseconds - transition.subtract({ nanoseconds: 1 }).offsetNanoseconds;
  const skipped = wall.subtract({ nanoseconds: gap });
  return ruleTimes.has(timeKey(skipped.toPlainTime())) ? skipped : wall;
}

function description(meeting: Meeting, venue: MeetingVenue, note: string | undefined, page: string | undefined): string {
  const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
  return [
    note,
    venue.accessibility === undefined ? undefined : `Accessibility: ${venue.accessibility}`,
    `Languages: ${meeting.languages.map((tag) => languageNames.of(tag) ?? tag).join(', ')}`,
    meeting.online === undefined ? undefined : `Join online: ${meeting.online}`,
    page === undefined ? undefined : `More: ${page}`,
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}

/** The meeting's page on the site: its (first) beat's, or its district's. */
function pageUrl(meeting: Meeting, origin: URL | undefined): string | undefined {
  if (origin === undefined) return undefined;
  const beat = meeting.beats[0];
  const path = beat !== undefined ? `/beats/${encodeURIComponent(beat)}` : meeting.district !== undefined ? `/districts/${encodeURIComponent(meeting.district)}` : undefined;
  return path === undefined ? undefined : new URL(path, origin).href;
}

/** One content line, unfolded. Parameter values here never need quoting (zone names, keywords). */
function property(name: string, value: string, params: Record<string, string> = {}): string {
  return `${name}${Object.entries(params).map(([key, param]) => `;${key}=${param}`).join('')}:${value}`;
}

// recurrence.ts's reading of a local time (RFC 5545 3.3.5): a skipped time moves forward by the gap.
function placeInZone(wall: Temporal.PlainDateTime, zone: string): Temporal.ZonedDateTime {
  return wall.toZonedDateTime(zone, { disambiguation: 'compatible' });
}

function zoned(iso: string, zone: string): Temporal.ZonedDateTime {
  return Temporal.ZonedDateTime.from(`${iso}[${zone}]`);
}

/** Whether the clocks show this (existing) local time twice: the hour after an autumn change. */
function isAmbiguous(wall: Temporal.PlainDateTime, zone: string): boolean {
  return !wall.toZonedDateTime(zone, { disambiguation: 'earlier' }).equals(wall.toZonedDateTime(zone, { disambiguation: 'later' }));
}

function timeKey(time: Temporal.PlainTime): string {
  return time.toString({ smallestUnit: 'second' });
}

function coordinate(degrees: number): string {
  return String(Number(degrees.toFixed(6)));
}

