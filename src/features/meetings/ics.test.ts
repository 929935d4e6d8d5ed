import { describe, expect, it } from 'vitest';
import { meetingSchema } from '../../content.config.ts';
import type { Meeting } from '../../lib/content/validate.ts';
import { calendar, escapeText, foldLine, sequenceOf, type CalendarInput } from './ics.ts';
import { clientOccurrences, readCalendar } from '../../../tests/support/icsReader.ts';
import { occurrences } from '../../lib/content/recurrence.ts';

const CHICAGO = 'America/Chicago';
const site = { jurisdiction: 'Alderbrook', timeZone: CHICAGO };
const now = new Date('2026-06-01T12:00:00Z');
const nextYear = { from: now, to: new Date('2027-06-01T12:00:00Z') };

const venue = {
  name: 'Larch Community Center',
  address: '220 E Dunlin St',
  location: [-88.257373, 41.099753],
  accessibility: 'Step-free entrance on Dunlin St; accessible restroom',
};

function meeting(id: string, fields: Record<string, unknown>): Meeting {
  return { id, ...meetingSchema.parse({ title: `Meeting ${id}`, kind: 'beat_meeting', beats: ['101'], venue, languages: ['en', 'es'], ...fields }) };
}

const schedule = (start: string, rrule?: string, extra: Record<string, unknown> = {}) => ({ start, durationMinutes: 90, rrule, ...extra });

/** A variety of schedules, each run across the November and March clock changes. */
const meetings: Meeting[] = [
  meeting('second-tuesday', { schedule: schedule('2026-01-13T18:30', 'FREQ=MONTHLY;BYDAY=2TU') }),
  meeting('every-other-month', { schedule: schedule('2026-01-13T18:30', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU') }),
  meeting('quarterly', { schedule: schedule('2026-01-08T18:30', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TH') }),
  // A bare-date UNTIL runs to the end of that local day; the last Friday is the 26th.
  meeting('weekly-until-date', { schedule: schedule('2026-10-02T19:00', 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20270326') }),
  // 23:59:59 UTC on 12 March 2027 is 17:59:59 in Chicago: the Friday at 19:00 that day is out.
  meeting('weekly-until-utc', { schedule: schedule('2026-10-02T19:00', 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20270312T235959Z') }),
  meeting('weekly-with-exceptions', {
    schedule: schedule('2026-10-06T18:30', 'FREQ=WEEKLY;BYDAY=TU;COUNT=30'),
    exceptions: [
      { date: '2026-11-03', status: 'cancelled', note: 'Election day' },
      {
        date: '2026-12-22',
        status: 'moved',
        movedTo: '2026-12-21T17:00',
        venue: { name: 'Owl Park Fieldhouse', address: '320 E Falcon St', location: [-88.255082, 41.103318], accessibility: 'Ramp on Falcon St' },
        note: 'Holiday potluck, one day early',
      },
      // Moved across the spring change (14 March): 18:30 standard time to 18:30 daylight time.
      { date: '2027-03-09', status: 'moved', movedTo: '2027-03-17T18:30' },
    ],
  }),
  meeting('one-off', { schedule: schedule('2026-12-09T08:00') }),
  // 02:30 on 14 March 2027 does not exist in Chicago; recurrence.ts lists it at 03:30.
  meeting('night-shift', { schedule: schedule('2026-11-01T02:30', 'FREQ=WEEKLY;BYDAY=SU;COUNT=30') }),
  // The hour from 01:00 on 1 November 2026 happens twice; the first time is meant.
  meeting('starts-in-repeated-hour', { schedule: schedule('2026-10-04T01:30', 'FREQ=WEEKLY;BYDAY=SU;COUNT=6') }),
  meeting('ends-in-repeated-hour', { schedule: { start: '2026-10-25T00:45', durationMinutes: 60, rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=3' } }),
  meeting('first-in-repeated-hour', { schedule: schedule('2026-11-01T01:15', 'FREQ=WEEKLY;BYDAY=SU;COUNT=3') }),
  meeting('london', { schedule: schedule('2026-01-06T18:30', 'FREQ=MONTHLY;BYDAY=1TU', { timeZone: 'Europe/London' }) }),
];

const feed = (overrides: Partial<CalendarInput> = {}) => calendar({ name: 'Beat 101 meetings · Alderbrook', meetings, site, now, ...overrides });

/** The occurrences recurrence.ts lists, in the shape the client's are compared in. */
function siteOccurrences(list: readonly Meeting[], from: Date, to: Date) {
  return list
    .flatMap((m) =>
      occurrences(m, { timeZone: site.timeZone, from, to })
        .filter((o) => o.status !== 'cancelled')
        .map((o) => ({ uid: `meeting-${m.id}@alderbrook`, start: Date.parse(o.start), end: Date.parse(o.end), localStart: o.start.slice(0, 19) })),
    )
    .sort((a, b) => a.start - b.start || (a.uid < b.uid ? -1 : 1));
}

const lines = (text: string) => text.split('\r\n').slice(0, -1);
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('calendar feeds', () => {
  it('expand in a calendar client to exactly the occurrences the site lists, for every kind of schedule', () => {
    const client = clientOccurrences(feed(), nextYear.from, nextYear.to);
    expect(client.map(({ uid, start, end, localStart }) => ({ uid, start, end, localStart }))).toEqual(siteOccurrences(meetings, nextYear.from, nextYear.to));
    // Every time was read in a zone the feed defines, never as floating time.
    expect(new Set(client.map((o) => o.zone))).toEqual(new Set([CHICAGO, 'Europe/London']));
  });

  it('agree with the site one meeting at a time, so no meeting hides another one’s mistake', () => {
    for (const m of meetings) {
      const client = clientOccurrences(calendar({ name: m.title, meetings: [m], site, now }), nextYear.from, nextYear.to);
      expect(client.map(({ uid, start, end, localStart }) => ({ uid, start, end, localStart })), m.id).toEqual(siteOccurrences([m], nextYear.from, nextYear.to));
    }
  });

  it('keep an 18:30 meeting at 18:30 local time across both clock changes', () => {
    const weekly = clientOccurrences(feed(), nextYear.from, nextYear.to).filter((o) => o.uid.startsWith('meeting-weekly-with-exceptions@'));
    expect(weekly.length).toBeGreaterThan(20);
    const regular = weekly.filter((o) => !o.localStart.startsWith('2026-12-21'));
    expect(regular.every((o) => o.localStart.endsWith('T18:30:00'))).toBe(true);
    // 18:30 CDT is 23:30 UTC; 18:30 CST is 00:30 UTC the next day.
    const utc = (local: string) => new Date(weekly.find((o) => o.localStart === local)!.start).toISOString();
    expect(utc('2026-10-27T18:30:00')).toBe('2026-10-27T23:30:00.000Z');
    expect(utc('2026-11-10T18:30:00')).toBe('2026-11-11T00:30:00.000Z');
    expect(utc('2027-03-02T18:30:00')).toBe('2027-03-03T00:30:00.000Z');
    expect(utc('2027-03-16T18:30:00')).toBe('2027-03-16T23:30:00.000Z');
  });

  it('leave out a cancelled date with EXDATE and show a moved one at its new time and venue, with its note', () => {
    const text = unfold(feed());
    expect(text).toContain('EXDATE;TZID=America/Chicago:20261103T183000');
    expect(text).toContain('RECURRENCE-ID;TZID=America/Chicago:20261222T183000\r\nDTSTART;TZID=America/Chicago:20261221T170000\r\nDTEND;TZID=America/Chicago:20261221T183000');
    const weekly = clientOccurrences(text, nextYear.from, nextYear.to).filter((o) => o.uid.startsWith('meeting-weekly-with-exceptions@'));
    expect(weekly.some((o) => o.localStart.startsWith('2026-11-03'))).toBe(false);
    const moved = weekly.find((o) => o.localStart === '2026-12-21T17:00:00')!;
    expect(moved.location).toBe('Owl Park Fieldhouse, 320 E Falcon St');
    expect(moved.description).toBe('Holiday potluck, one day early\nAccessibility: Ramp on Falcon St\nLanguages: English, Spanish');
    expect(weekly.some((o) => o.localStart.startsWith('2026-12-22'))).toBe(false);
  });

  it('list an occurrence the clocks skip at the time the site shows, as an override', () => {
    const text = unfold(feed());
    expect(text).toContain('RECURRENCE-ID;TZID=America/Chicago:20270314T023000\r\nDTSTART;TZID=America/Chicago:20270314T033000');
    const night = clientOccurrences(text, new Date('2027-03-13T00:00:00Z'), new Date('2027-03-16T00:00:00Z')).filter((o) => o.uid.startsWith('meeting-night-shift@'));
    expect(night.map((o) => [o.localStart, new Date(o.start).toISOString()])).toEqual([['2027-03-14T03:30:00', '2027-03-14T08:30:00.000Z']]);
  });

  it('give a start or end in the repeated autumn hour in UTC, so every client takes the first of the two', () => {
    const text = unfold(feed());
    expect(text).toContain('RECURRENCE-ID;TZID=America/Chicago:20261101T013000\r\nDTSTART:20261101T063000Z\r\nDTEND;TZID=America/Chicago:20261101T020000');
    expect(text).toContain('RECURRENCE-ID;TZID=America/Chicago:20261101T004500\r\nDTSTART;TZID=America/Chicago:20261101T004500\r\nDTEND:20261101T064500Z');
    // A series that starts in that hour: DTSTART names the rule's time, its length is given
    // as such, and its first occurrence is overridden.
    expect(text).toContain('DTSTART;TZID=America/Chicago:20261101T011500\r\nDURATION:PT90M');
    expect(text).toContain('RECURRENCE-ID;TZID=America/Chicago:20261101T011500\r\nDTSTART:20261101T061500Z\r\nDTEND:20261101T074500Z');
    const night = clientOccurrences(text, new Date('2026-10-31T12:00:00Z'), new Date('2026-11-02T00:00:00Z')).filter((o) => o.uid.includes('-repeated-hour@'));
    expect(night.map((o) => [o.uid.split('@')[0], new Date(o.start).toISOString(), new Date(o.end).toISOString()])).toEqual([
      ['meeting-ends-in-repeated-hour', '2026-11-01T05:45:00.000Z', '2026-11-01T06:45:00.000Z'],
      ['meeting-first-in-repeated-hour', '2026-11-01T06:15:00.000Z', '2026-11-01T07:45:00.000Z'],
      ['meeting-starts-in-repeated-hour', '2026-11-01T06:30:00.000Z', '2026-11-01T08:00:00.000Z'],
    ]);
  });

  it('write UNTIL as a UTC time, a bare date as the end of that local day', () => {
    const text = unfold(feed());
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20270327T045959Z');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20270312T235959Z');
  });

  it('define every TZID it uses with a VTIMEZONE, and the site’s zone even when there is no meeting', () => {
    const calendarOf = (text: string) => readCalendar(text);
    const defined = (text: string) => calendarOf(text).getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'));
    const used = new Set([...unfold(feed()).matchAll(/;TZID=([^:;]+)/g)].map((match) => match[1]));
    expect(used).toEqual(new Set([CHICAGO, 'Europe/London']));
    expect(defined(feed()).sort()).toEqual([CHICAGO, 'Europe/London']);
    const empty = feed({ meetings: [] });
    expect(defined(empty)).toEqual([CHICAGO]);
    expect(empty).not.toContain('BEGIN:VEVENT');
  });

  it('say what they are, how often to refresh them, and describe each meeting', () => {
    const text = unfold(feed({ origin: 'https://beats.alderbrook.example' }));
    for (const line of [
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OpenBeat//Community meetings//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n',
      'X-WR-CALNAME:Beat 101 meetings · Alderbrook\r\n',
      'X-WR-TIMEZONE:America/Chicago\r\n',
      'REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n',
      'X-PUBLISHED-TTL:PT6H\r\n',
      // Named after the jurisdiction even with a site address: UIDs must survive a change of host.
      'UID:meeting-second-tuesday@alderbrook\r\n',
      'DTSTAMP:20260601T120000Z\r\n',
      'LOCATION:Larch Community Center\\, 220 E Dunlin St\r\n',
      'GEO:41.099753;-88.257373\r\n',
      'URL;VALUE=URI:https://beats.alderbrook.example/beats/101\r\n',
    ]) {
      expect(text).toContain(line);
    }
    const [first] = clientOccurrences(text, nextYear.from, nextYear.to);
    expect(first?.description).toBe(
      'Accessibility: Step-free entrance on Dunlin St; accessible restroom\nLanguages: English, Spanish\nMore: https://beats.alderbrook.example/beats/101',
    );
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('link a district-wide meeting to its district page and give its online link', () => {
    const council = { ...meeting('council', { schedule: schedule('2026-06-01T18:30'), online: 'https://meet.example/dac-1' }), beats: [], district: '1' };
    const [event] = clientOccurrences(calendar({ name: 'x', meetings: [council], site, now, origin: 'https://beats.alderbrook.example' }), nextYear.from, nextYear.to);
    expect(event?.description).toBe(
      'Accessibility: Step-free entrance on Dunlin St; accessible restroom\nLanguages: English, Spanish\nJoin online: https://meet.example/dac-1\nMore: https://beats.alderbrook.example/districts/1',
    );
  });

  it('keep every UID the same from one build to the next, and raise SEQUENCE when a schedule is updated', () => {
    const uids = (text: string) => lines(unfold(text)).filter((line) => line.startsWith('UID:'));
    const before = feed();
    const later = feed({ now: new Date('2026-09-01T08:00:00Z') });
    expect(uids(later)).toEqual(uids(before));
    expect(new Set(uids(before)).size).toBe(meetings.length);
    expect(later).not.toEqual(before); // only DTSTAMP differs

    const sequences = (list: Meeting[]) =>
      lines(unfold(calendar({ name: 'x', meetings: list, site, now }))).filter((line) => line.startsWith('SEQUENCE:')).map((line) => Number(line.slice(9)));
    const [base] = meetings;
    const edited = { ...base!, updated: '2026-02-01T09:15' };
    const editedAgain = { ...base!, updated: '2026-02-01T09:16' };
    expect(sequences([base!])).toEqual([0]);
    const first = sequences([edited])[0]!;
    const second = sequences([editedAgain])[0]!;
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(2 ** 31);
    expect(unfold(calendar({ name: 'x', meetings: [edited], site, now }))).toContain('LAST-MODIFIED:20260201T151500Z');
  });

  it('number SEQUENCE by the minutes since 2000, so a later update always gives a higher one', () => {
    expect(sequenceOf(undefined)).toBe(0);
    expect(sequenceOf('2000-01-01T00:00')).toBe(0);
    expect(sequenceOf('2000-01-02T00:01')).toBe(24 * 60 + 1);
    expect(sequenceOf('2026-11-01T01:30')).toBeLessThan(sequenceOf('2026-11-01T01:31'));
    expect(sequenceOf('2026-12-31T23:59')).toBeLessThan(sequenceOf('2027-01-01T00:00'));
  });

  it('give every override the SEQUENCE and UID of its series', () => {
    const edited = { ...meetings.find((m) => m.id === 'weekly-with-exceptions')!, updated: '2026-09-30T12:00' };
    const events = readCalendar(calendar({ name: 'x', meetings: [edited], site, now })).getAllSubcomponents('vevent');
    expect(events).toHaveLength(3);
    expect(new Set(events.map((e) => `${e.getFirstPropertyValue('uid')} ${e.getFirstPropertyValue('sequence')}`)).size).toBe(1);
  });
});

describe('content lines', () => {
  const title = 'Réunion de quartier — café, crêpes 🥞 et sécurité 👮🏽‍♀️; ¿preguntas? 質問があればどうぞ 🏘️ '.repeat(3);

  it('never exceed 75 octets, and unfold to the original text, accents and emoji included', () => {
    const text = calendar({ name: title, meetings: [{ ...meetings[0]!, title }], site, now });
    for (const line of lines(text)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    expect(unfold(text)).toContain(`X-WR-CALNAME:${escapeText(title)}\r\n`);
    expect(readCalendar(text).getFirstSubcomponent('vevent')?.getFirstPropertyValue('summary')).toBe(title);
  });

  it('fold at 75 octets, earlier rather than split a character', () => {
    expect(foldLine(`SUMMARY:${'a'.repeat(192)}`).split('\r\n').map((line) => Buffer.byteLength(line))).toEqual([75, 75, 52]);
    // "SUMMARY:" and 33 two-octet letters make 74 octets; a 34th would not fit.
    const folded = foldLine(`SUMMARY:${'é'.repeat(100)}`).split('\r\n');
    expect(folded.map((line) => Buffer.byteLength(line))).toEqual([74, 75, 61]);
    expect(folded.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(folded.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(`SUMMARY:${'é'.repeat(100)}`);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const emoji = foldLine(`X:${'👮'.repeat(40)}`);
    expect(emoji.split('\r\n').every((line) => Buffer.byteLength(line) <= 75 && !line.includes('\uFFFD'))).toBe(true);
    expect(emoji.replace(/\r\n /g, '')).toBe(`X:${'👮'.repeat(40)}`);
  });

  it('escape commas, semicolons, backslashes and line breaks in text', () => {
    expect(escapeText('Coffee, tea; C:\\path\nline two\r\nthree')).toBe('Coffee\\, tea\\; C:\\\\path\\nline two\\nthree');
    const tricky = 'Q&A, "safety"; back\\slash\nsecond line';
    const text = calendar({ name: tricky, meetings: [{ ...meetings[0]!, title: tricky }], site, now });
    expect(unfold(text)).toContain('SUMMARY:Q&A\\, "safety"\\; back\\\\slash\\nsecond line\r\n');
    expect(readCalendar(text).getFirstSubcomponent('vevent')?.getFirstPropertyValue('summary')).toBe(tricky);
  });
});
