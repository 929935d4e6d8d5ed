import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Beat, Meeting, Priority, Site } from '../../lib/content/validate.ts';
import { alerts } from '../../lib/i18n/locales/en/alerts.ts';
import { priorities as english } from '../../lib/i18n/locales/en/priorities.ts';
import { atomFeed, stableId, type AtomFeed } from './atom.ts';
import { beatFeed } from './beatFeed.ts';

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) }).parse(xml);

const feed: AtomFeed = {
  id: 'urn:uuid:00000000-0000-5000-8000-000000000000',
  title: 'Beat 101 & friends <updates>',
  language: 'en',
  author: 'Alderbrook Police Department',
  self: 'https://example.org/beats/101/updates.atom',
  alternate: 'https://example.org/beats/101',
  updated: '2026-12-06T12:00:00.000Z',
  entries: [
    { id: 'urn:uuid:1', title: 'Older', updated: '2026-07-14T05:00:00Z', link: '/priorities/a', content: 'Lights "out" & more' },
    { id: 'urn:uuid:2', title: 'Newer', updated: '2026-09-08T05:00:00Z', link: '/priorities/b', content: 'Fixed' },
  ],
};

describe('atomFeed', () => {
  it('writes RFC 4287 XML, escaping what it quotes', () => {
    const parsed = parse(atomFeed(feed)).feed;
    expect(parsed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.title).toBe('Beat 101 & friends <updates>');
    expect(parsed.link.map((link: Record<string, string>) => [link['@rel'], link['@href']])).toEqual([
      ['self', feed.self],
      ['alternate', feed.alternate],
    ]);
    expect(parsed.author.name).toBe(feed.author);
    expect(parsed.entry[0].content['#text']).toBe('Fixed');
    expect(parsed.entry[1].content['#text']).toBe('Lights "out" & more');
  });

  it('lists the newest entry first and dates the feed by it', () => {
    const parsed = parse(atomFeed(feed)).feed;
    expect(parsed.entry.map((entry: { title: string }) => entry.title)).toEqual(['Newer', 'Older']);
    expect(parsed.updated).toBe('2026-09-08T05:00:00Z');
  });

  it('dates a feed with no entries by its own date', () => {
    expect(parse(atomFeed({ ...feed, entries: [] })).feed.updated).toBe(feed.updated);
  });

  it('makes the same UUID for the same entry every time, and different ones for different entries', () => {
    const id = stableId('Alderbrook', 'priority/a/opened');
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableId('Alderbrook', 'priority/a/opened')).toBe(id);
    expect(stableId('Alderbrook', 'priority/a/closed')).not.toBe(id);
  });
});

describe('beatFeed', () => {
  const site = { jurisdiction: 'Alderbrook', department: 'Alderbrook Police Department', timeZone: 'America/Chicago', locales: ['en', 'es'] } as Site;
  const beat = { id: '101', name: 'Beat 101', district: '1' } as Beat;
  const lighting: Priority = {
    id: 'lighting',
    title: 'Poor lighting',
    description: 'Lights out along Laurel Ave.',
    beats: ['101'],
    source: 'residents',
    stage: 'assessment',
    opened: '2026-07-14',
    updates: [
      { date: '2026-08-11', stage: 'analysis', text: 'Twelve lights out.' },
      { date: '2026-08-11', stage: 'analysis', text: 'Reported to the city.' },
    ],
    outcome: { result: 'improved', text: 'Nine fixed.', closed: '2026-11-10' },
  };
  const meeting = {
    id: 'beat-101',
    title: 'Beat 101 community meeting',
    updated: '2026-12-01T09:30',
    exceptions: [
      { date: '2026-12-08', status: 'cancelled', note: 'The hall is flooded.' },
      { date: '2027-01-12', status: 'moved', movedTo: '2027-01-13T18:00' },
    ],
    reports: [{ date: '2026-11-10', attendance: 14, concerns: ['Fireworks at night'], priorities: { set: [], reviewed: [], closed: ['lighting'] }, nextSteps: 'Report back.' }],
  } as unknown as Meeting;
  const build = (origin?: URL) =>
    beatFeed({ site, beat, priorities: [lighting], meetings: [meeting], locale: 'es', t: english, meetingWords: alerts.feed, origin, now: new Date('2026-12-06T18:00:00Z') });

  it('has an entry for the opening, each update, the closing and each report, dated at the start of their local day', () => {
    const entries = build().entries.filter((entry) => !/^(Cancelled|Moved):/.test(entry.title));
    expect(entries.map((entry) => [entry.title, entry.updated])).toEqual([
      ['New priority: Poor lighting', '2026-07-14T05:00:00Z'],
      ['Poor lighting: moved to Analysis', '2026-08-11T05:00:00Z'],
      ['Update: Poor lighting', '2026-08-11T05:00:00Z'],
      ['Closed (Improved): Poor lighting', '2026-11-10T06:00:00Z'],
      [expect.stringContaining('Meeting report: Beat 101 community meeting'), '2026-11-10T06:00:00Z'],
    ]);
    expect(entries.at(-1)!.content).toBe('14 people attended. Concerns raised: Fireworks at night. Next steps: Report back.');
  });

  it('links the pages in the feed’s language, absolute once the site’s address is known', () => {
    expect(build().entries[0]!.link).toBe('/es/priorities/lighting');
    const feed = build(new URL('https://portal.example.org'));
    expect(feed.self).toBe('https://portal.example.org/es/beats/101/updates.atom');
    expect(feed.alternate).toBe('https://portal.example.org/es/beats/101');
    expect(feed.entries.find((entry) => entry.title.startsWith('Meeting report'))!.link).toBe('https://portal.example.org/es/meetings/reports/beat-101/2026-11-10');
  });

  it('has an entry for each date cancelled or moved, the same news as the alerts, dated when the meeting last changed', () => {
    const { entries } = build(new URL('https://portal.example.org'));
    const changes = entries.filter((entry) => /^(Cancelled|Moved):/.test(entry.title));
    expect(changes.map((entry) => [entry.title, entry.updated, entry.link])).toEqual([
      [expect.stringMatching(/^Cancelled: Beat 101 community meeting on /), '2026-12-01T15:30:00Z', 'https://portal.example.org/es/beats/101'],
      [expect.stringMatching(/^Moved: Beat 101 community meeting of .*, now 2027-01-13 18:00$/), '2026-12-01T15:30:00Z', 'https://portal.example.org/es/beats/101'],
    ]);
    expect(changes[0]!.content).toMatch(/The hall is flooded\.$/);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
  });

  it('gives an entry the same id in every language', () => {
    const other = beatFeed({ site, beat, priorities: [lighting], meetings: [meeting], locale: 'en', t: english, meetingWords: alerts.feed, origin: undefined, now: new Date() });
    expect(other.entries.map((entry) => entry.id)).toEqual(build().entries.map((entry) => entry.id));
  });
});
