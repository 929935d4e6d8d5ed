// One meeting occurrence as a small iCalendar file in a data: URL, for "Add to
// calendar" links: they work in static HTML with no script, and in the finder.
// Times in UTC, so any calendar places them right; the feeds (ics.ts) carry the
// series with their zones. Kept free of imports: the finder's island uses it.

export interface OccurrenceForCalendar {
  meeting: string;
  title: string;
  start: string;
  end: string;
  venue: { name: string; address: string };
}

export function occurrenceCalendarUrl(occurrence: OccurrenceForCalendar, stampedAt = new Date()): string {
  const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const escape = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
  const start = new Date(occurrence.start);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//OpenBeat//Meeting//EN',
    'BEGIN:VEVENT',
    // The occurrence's own UID, distinct from the series' in the feeds.
    `UID:${occurrence.meeting}-${stamp(start)}@openbeat`,
    `DTSTAMP:${stamp(stampedAt)}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(new Date(occurrence.end))}`,
    `SUMMARY:${escape(occurrence.title)}`,
    `LOCATION:${escape(`${occurrence.venue.name}, ${occurrence.venue.address}`)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(lines.join('\r\n'))}`;
}

/** A geo: link opens the device's own maps app at the venue: no map service is asked by the site. */
export function venueMapUrl(venue: { name: string; location: readonly [number, number] }): string {
  const [lon, lat] = venue.location;
  return `geo:${lat},${lon}?q=${lat},${lon}(${encodeURIComponent(venue.name)})`;
}
