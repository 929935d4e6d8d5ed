// Reads a feed back the way a calendar client does, with ical.js (a devDependency): what the
// tests of ics.ts and of the built site compare with src/lib/content/recurrence.ts.
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';

export interface ClientOccurrence {
  uid: string;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  /** The local time the client shows in the series' zone, YYYY-MM-DDTHH:MM:SS. */
  localStart: string;
  /** The zone ical.js read the series' DTSTART in: "floating" if no VTIMEZONE matched its TZID. */
  zone: string;
  summary: string;
  location: string;
  description: string;
}

export function readCalendar(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

/**
 * Every occurrence starting in [from, to), expanded by ical.js from each series' RRULE,
 * EXDATEs and overriding VEVENTs, sorted by start.
 */
export function clientOccurrences(text: string, from: Date, to: Date): ClientOccurrence[] {
  const calendar = readCalendar(text);
  const series = new Map<string, { master?: ICAL.Component; overrides: ICAL.Component[] }>();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const uid = String(vevent.getFirstPropertyValue('uid'));
    const entry = series.get(uid) ?? { overrides: [] };
    if (vevent.hasProperty('recurrence-id')) entry.overrides.push(vevent);
    else entry.master = vevent;
    series.set(uid, entry);
  }
  // An occurrence can be moved into the window from well outside it.
  const stopAfter = to.getTime() + 366 * 24 * 3600 * 1000;
  const found: ClientOccurrence[] = [];
  for (const [uid, { master, overrides }] of series) {
    if (!master) throw new Error(`${uid}: overrides without a master VEVENT`);
    const event = new ICAL.Event(master, { exceptions: overrides, strictExceptions: true });
    const iterator = event.iterator();
    for (let next = iterator.next(); next && next.toJSDate().getTime() < stopAfter; next = iterator.next()) {
      const { item, startDate, endDate } = event.getOccurrenceDetails(next);
      const start = startDate.toJSDate().getTime();
      if (start < from.getTime() || start >= to.getTime()) continue;
      found.push({
        uid,
        start,
        end: endDate.toJSDate().getTime(),
        localStart: localText(startDate, event.startDate.zone.tzid),
        zone: event.startDate.zone.tzid,
        summary: item.summary,
        location: item.location,
        description: item.description,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start || (a.uid < b.uid ? -1 : 1));
}

/**
 * ical.js's own reading of a time with a TZID. A UTC time is shown in the viewer's zone with
 * the device's zone data, here the series' zone with Temporal's (ical.js's own conversion from
 * UTC misreads the hours around a clock change).
 */
function localText(time: ICAL.Time, zone: string): string {
  if (time.zone?.tzid !== 'UTC') return time.toString();
  return Temporal.Instant.fromEpochMilliseconds(time.toJSDate().getTime()).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'second' });
}
