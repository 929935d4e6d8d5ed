import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFixture } from '../../../tests/support/contentFixture.ts';
import { validateContent } from './validate.ts';

describe('validateContent', () => {
  it('accepts a complete, consistent folder and reads every collection', () => {
    const { dir } = contentFixture();
    const { content, problems, notes } = validateContent(dir);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    expect(content.site?.jurisdiction).toBe('Testville');
    expect(content.beats.map((beat) => beat.id)).toEqual(['101', '102', '201']);
    expect(content.guides.map((guide) => guide.id)).toEqual(['lighting']);
  });

  it('names the file, the field, the reason and the bad value of a schema error', () => {
    const { dir, write } = contentFixture();
    write('officers/ben-okafor.json', {
      name: 'Ben Okafor',
      rank: 'Officer',
      role: 'community_policing_officer',
      beats: ['201'],
      languages: ['en'],
      contact: { email: 'not-an-email' },
    });
    expect(validateContent(dir).problems).toEqual([expect.stringMatching(/^officers\/ben-okafor\.json: contact\.email: .*\("not-an-email"\)$/)]);
  });

  it('reports every broken reference between files, one line each', () => {
    const { dir, write } = contentFixture();
    write('beats/102.json', { name: 'Beat 102', district: '9', boundary: { type: 'Polygon', coordinates: [[[-87.75, 41], [-87.5, 41], [-87.5, 41.25], [-87.75, 41]]] } });
    write('officers/ben-okafor.json', { name: 'Ben Okafor', rank: 'Officer', role: 'beat_officer', beats: ['201', '299'], district: '7', languages: ['en'], contact: {} });
    write('meetings/dac-3.json', {
      title: 'Council',
      kind: 'district_advisory_council',
      district: '3',
      beats: ['404'],
      venue: { name: 'Station', address: '2 Main St', location: [-87.4, 41.1] },
      schedule: { start: '2026-01-05T18:30', durationMinutes: 60, rrule: 'FREQ=MONTHLY;BYDAY=1MO' },
    });
    expect(validateContent(dir).problems).toEqual([
      'beats/102.json: district: no district "9" (no districts/9.json)',
      'officers/ben-okafor.json: beats.1: no beat "299" (no beats/299.json)',
      'officers/ben-okafor.json: district: no district "7" (no districts/7.json)',
      'meetings/dac-3.json: beats.0: no beat "404" (no beats/404.json)',
      'meetings/dac-3.json: district: no district "3" (no districts/3.json)',
    ]);
  });

  it("refuses a file name that cannot be its entry's id, as the database would", () => {
    const { dir, write } = contentFixture();
    const officer = { name: 'Ana Lopez', rank: 'Officer', role: 'community_policing_officer', beats: ['101', '102'], languages: ['en'], contact: {} };
    rmSync(path.join(dir, 'officers', 'ana-lopez.json'));
    write('officers/Ana_Lopez.json', officer);
    write(`workshops/${'w'.repeat(81)}.json`, { title: 'Long', kind: 'survey', description: 'A survey.', durationMinutes: 60, minimumAttendees: 1 });
    expect(validateContent(dir).problems).toEqual([
      'officers/Ana_Lopez.json: file name: use lowercase letters, digits and - only, as in maria-lopez (an officer\'s slug) ("Ana_Lopez")',
      `workshops/${'w'.repeat(81)}.json: file name: use at most 80 characters ("${'w'.repeat(56)}…)`,
    ]);
  });

  it('requires an officer for every beat once there are officers', () => {
    const { dir } = contentFixture();
    rmSync(path.join(dir, 'officers', 'ben-okafor.json'));
    expect(validateContent(dir).problems).toEqual([
      'beats/201.json: officers: no officer serves this beat (list it in an officer\'s "beats")',
    ]);
  });

  it('lets freshly imported geography without any officers build, with a note', () => {
    const { dir } = contentFixture();
    rmSync(path.join(dir, 'officers'), { recursive: true });
    const { problems, notes } = validateContent(dir);
    expect(problems).toEqual([]);
    expect(notes).toEqual(['officers/: none yet, so beat pages will say no officer is assigned']);
  });

  it('explains a missing site.json, broken JSON and a guide without frontmatter', () => {
    const { dir, write } = contentFixture();
    rmSync(path.join(dir, 'site.json'));
    write('workshops/robbery.json', '{ "title": ');
    write('guides/lighting.md', '# Lighting\n');
    const { problems } = validateContent(dir);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^site\.json: missing/);
    expect(problems[1]).toMatch(/^guides\/lighting\.md: no frontmatter/);
    expect(problems[2]).toMatch(/^workshops\/robbery\.json: not valid JSON/);
  });

  it('rejects an open ring and a coordinate that is not longitude/latitude', () => {
    const { dir, write } = contentFixture();
    write('districts/2.json', { name: '2nd', boundary: { type: 'Polygon', coordinates: [[[-87.5, 41], [-87, 41], [-87, 41.5], [-87.5, 41.5]]] } });
    write('districts/1.json', { name: '1st', boundary: { type: 'Polygon', coordinates: [[[1150000, 1890000], [1160000, 1890000], [1160000, 1900000], [1150000, 1890000]]] } });
    const { problems } = validateContent(dir);
    expect(problems.some((problem) => problem.startsWith('districts/2.json: boundary.coordinates.0: a ring must end where it starts'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('districts/1.json: boundary.coordinates.0.0.0:'))).toBe(true);
  });
});
