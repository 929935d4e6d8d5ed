// Reads every calendar feed of the built demo city as a client would: the feeds as
// published, not as the functions return them. (The e2e project built the site once.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { validateContent, type Content } from '../../src/lib/content/validate.ts';
import { calendarContents, calendarPath, type CalendarScope } from '../../src/features/meetings/calendarFeeds.ts';
import { clientOccurrences, readCalendar } from '../support/icsReader.ts';
import { occurrences } from '../../src/lib/content/recurrence.ts';

let content: Content & { site: NonNullable<Content['site']> };
let builtAt: Date;
const feeds = new Map<string, string>();

beforeAll(() => {
  const outDir = inject('distDir');
  const validation = validateContent(path.resolve('src/content'));
  expect(validation.problems).toEqual([]);
  if (!validation.content.site) throw new Error('the demo city has no site.json');
  content = { ...validation.content, site: validation.content.site };
  builtAt = statSync(path.join(outDir, 'index.html')).mtime;
  const calendarDir = path.join(outDir, 'calendar');
  for (const file of readdirSync(calendarDir, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.ics')) feeds.set(`/calendar/${file.split(path.sep).join('/')}`, readFileSync(path.join(calendarDir, file), 'utf8'));
  }
});

const scopes = (): CalendarScope[] => [
  { kind: 'all' },
  ...content.districts.map((d) => ({ kind: 'district' as const, id: d.id })),
  ...content.beats.map((b) => ({ kind: 'beat' as const, id: b.id })),
];

describe('the built site’s calendar feeds', () => {
  it('are written for the jurisdiction, every district and every beat, and nothing else', () => {
    expect([...feeds.keys()].sort()).toEqual(scopes().map(calendarPath).sort());
  });

  it('are well-formed: CRLF lines of at most 75 octets that a calendar parser reads, every TZID defined', () => {
    for (const [feedPath, text] of feeds) {
      expect(text.endsWith('END:VCALENDAR\r\n'), feedPath).toBe(true);
      expect(text, feedPath).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
      const long = text.split('\r\n').filter((line) => Buffer.byteLength(line, 'utf8') > 75);
      expect(long, feedPath).toEqual([]);
      const calendar = readCalendar(text);
      expect(calendar.getFirstPropertyValue('version'), feedPath).toBe('2.0');
      expect(String(calendar.getFirstPropertyValue('x-wr-calname')), feedPath).toMatch(/ meetings · /);
      const defined = new Set(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')));
      const used = new Set([...text.replace(/\r\n[ \t]/g, '').matchAll(/;TZID=([^:;]+)/g)].map((match) => match[1]!));
      expect([...used].filter((zone) => !defined.has(zone)), feedPath).toEqual([]);
    }
  });

  it('expand, as a client reads them, to the occurrences the site lists for the next year', () => {
    const to = new Date(builtAt.getTime() + 366 * 24 * 3600 * 1000);
    let compared = 0;
    for (const scope of scopes()) {
      const text = feeds.get(calendarPath(scope))!;
      const { meetings } = calendarContents(scope, content);
      const expected = meetings
        .flatMap((m) =>
          occurrences(m, { timeZone: content.site.timeZone, from: builtAt, to })
            .filter((o) => o.status !== 'cancelled')
            .map((o) => ({ meeting: m.id, start: Date.parse(o.start), end: Date.parse(o.end) })),
        )
        .sort((a, b) => a.start - b.start || (a.meeting < b.meeting ? -1 : 1));
      const client = clientOccurrences(text, builtAt, to).map((o) => ({ meeting: o.uid.replace(/^meeting-|@.*$/g, ''), start: o.start, end: o.end }));
      expect(client, calendarPath(scope)).toEqual(expected);
      compared += client.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
