import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { vtimezone } from './icsTimezone.ts';

const years = { from: 2015, to: 2030 };

/** The VTIMEZONE as ical.js reads it. */
function clientZone(zone: string, span = years): ICAL.Timezone {
  return new ICAL.Timezone(new ICAL.Component(ICAL.parse(`${vtimezone(zone, span).join('\r\n')}\r\n`)));
}

/**
 * Instants to check: noon UTC every day, and the minutes and hours either side of every
 * change of offset, from the start of `from` to the end of `to`.
 */
function instants(zone: string, from: number, to: number): Temporal.Instant[] {
  const start = Temporal.ZonedDateTime.from({ year: from, month: 1, day: 1, timeZone: zone });
  const end = Temporal.ZonedDateTime.from({ year: to + 1, month: 1, day: 1, timeZone: zone });
  const list: Temporal.Instant[] = [];
  for (let day = Temporal.Instant.from(`${from}-01-01T12:00:00Z`); Temporal.Instant.compare(day, end.toInstant()) < 0; day = day.add({ hours: 24 })) list.push(day);
  for (let change = start.getTimeZoneTransition('next'); change && Temporal.ZonedDateTime.compare(change, end) < 0; change = change.getTimeZoneTransition('next')) {
    for (const minutes of [1, 30, 60, 120, 180, 24 * 60]) list.push(change.toInstant().subtract({ minutes }), change.toInstant().add({ minutes: minutes - 1 }));
  }
  return list;
}

/**
 * Where ical.js, reading the VTIMEZONE, places each local time the instants show, against
 * where it really is. Local times the clocks show twice are left out: which one a client takes
 * is not the zone data's business.
 */
function mismatches(zone: string, tz: ICAL.Timezone, list: Temporal.Instant[]): string[] {
  const wrong: string[] = [];
  for (const instant of list) {
    const at = instant.toZonedDateTimeISO(zone);
    const wall = at.toPlainDateTime();
    if (!wall.toZonedDateTime(zone, { disambiguation: 'earlier' }).equals(wall.toZonedDateTime(zone, { disambiguation: 'later' }))) continue;
    const time = new ICAL.Time({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second, isDate: false }, tz);
    const offset = tz.utcOffset(time);
    if (offset * 1e9 !== at.offsetNanoseconds) wrong.push(`${wall.toString()}: ${offset / 3600} h, not ${at.offset}`);
  }
  return wrong;
}

// Zones with yearly rules, changed rules, half-hour and 45-minute offsets, southern summers,
// no clock changes, and changes that follow no yearly rule (Casablanca's Ramadan hour).
const zones = [
  'America/Chicago',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Berlin',
  'Asia/Tehran',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Africa/Casablanca',
  'UTC',
];

describe('VTIMEZONE', () => {
  it.each(zones)('gives a calendar client the right offset for every local time in %s, clock changes included', (zone) => {
    expect(mismatches(zone, clientZone(zone), instants(zone, years.from, years.to))).toEqual([]);
  });

  it('keeps a yearly rule open, so clients stay right for years after the last one listed', () => {
    for (const zone of ['America/Chicago', 'Europe/London', 'Australia/Sydney', 'Pacific/Chatham', 'Asia/Tokyo']) {
      expect(mismatches(zone, clientZone(zone, { from: 2026, to: 2027 }), instants(zone, 2026, 2045)), zone).toEqual([]);
    }
  });

  it('describes a zone with yearly changes in two rules, after the offset in force on the first day', () => {
    expect(vtimezone('America/Chicago', { from: 2026, to: 2031 })).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/Chicago',
      'BEGIN:STANDARD',
      'DTSTART:20260101T000000',
      'TZOFFSETFROM:-0600',
      'TZOFFSETTO:-0600',
      'TZNAME:CST',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260308T020000',
      'TZOFFSETFROM:-0600',
      'TZOFFSETTO:-0500',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
      'TZNAME:CDT',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20261101T020000',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0600',
      'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
      'TZNAME:CST',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('closes a rule the zone stopped following with UNTIL, in UTC', () => {
    // Brazil last left daylight time on 17 February 2019, at 00:00 local daylight time (02:00 UTC).
    const lines = vtimezone('America/Sao_Paulo', { from: 2015, to: 2030 });
    expect(lines.filter((line) => line.endsWith(';UNTIL=20190217T020000Z'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('RRULE:') && !line.includes('UNTIL='))).toEqual([]);
  });

  it('describes a zone without clock changes with one observance', () => {
    expect(vtimezone('Asia/Kolkata', { from: 2026, to: 2031 })).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Kolkata',
      'BEGIN:STANDARD',
      'DTSTART:20260101T000000',
      'TZOFFSETFROM:+0530',
      'TZOFFSETTO:+0530',
      'TZNAME:GMT+5:30',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });
});
