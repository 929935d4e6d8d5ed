import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../lib/content/validate.ts';
import { createBeatIndex } from '../../lib/geo/beatIndex.ts';
import { demoCity, demoSeedSections, demoStaffAccounts } from './city.ts';
import { writeDemoCity, writeDemoSeed } from './write.ts';
import { contentFiles } from '../content/files.ts';
import { featureLines } from '../import/write.ts';

const city = demoCity({ scale: 1, seed: 2026 });
const boundary = (entry: Record<string, unknown>) => entry.boundary as Polygon | MultiPolygon;

function shoelace(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return Math.abs(sum) / 2;
}

describe('demoCity', () => {
  it('is the same city for the same seed, and another for another seed', () => {
    expect(demoCity({ scale: 1, seed: 2026 })).toEqual(city);
    expect(demoCity({ scale: 1, seed: 7 }).beats).not.toEqual(city.beats);
  });

  it('has 3–4 districts, 20–30 beats and 40+ officers in varied roles and languages', () => {
    expect(city.districts.length).toBeGreaterThanOrEqual(3);
    expect(city.districts.length).toBeLessThanOrEqual(4);
    expect(city.beats.length).toBeGreaterThanOrEqual(20);
    expect(city.beats.length).toBeLessThanOrEqual(30);
    expect(city.officers.length).toBeGreaterThanOrEqual(40);
    expect(new Set(city.officers.map((officer) => officer.role)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(city.officers.flatMap((officer) => officer.languages as string[])).size).toBeGreaterThanOrEqual(4);
  });

  it('draws beats as irregular shapes, not rectangles', () => {
    const fill = city.beats.map((beat) => {
      const ring = (boundary(beat) as Polygon).coordinates[0]!;
      const lons = ring.map((p) => p[0]!);
      const lats = ring.map((p) => p[1]!);
      return shoelace(ring) / ((Math.max(...lons) - Math.min(...lons)) * (Math.max(...lats) - Math.min(...lats)));
    });
    expect(fill.filter((ratio) => ratio < 0.85).length).toBeGreaterThan(city.beats.length * 0.8);
  });

  it('draws boundaries that never cross themselves', () => {
    for (const area of [...city.beats, ...city.districts]) {
      expect(kinks(boundary(area)).features, `${area.id}`).toEqual([]);
    }
  });

  it('covers the city with beats that never overlap, each inside its own district', () => {
    const [[west, south], [east, north]] = (city.site.map as { bounds: number[][] }).bounds as [number[], number[]];
    const districtOf = new Map(city.districts.map((district) => [district.id, boundary(district)]));
    let covered = 0;
    for (let i = 1; i < 60; i++) {
      for (let j = 1; j < 60; j++) {
        const point = [west! + ((east! - west!) * i) / 60 + 1e-7, south! + ((north! - south!) * j) / 60 + 1e-7];
        const inside = city.beats.filter((beat) => booleanPointInPolygon(point, boundary(beat), { ignoreBoundary: true }));
        expect(inside.length).toBeLessThanOrEqual(1);
        if (inside.length === 1) {
          covered++;
          expect(booleanPointInPolygon(point, districtOf.get(String(inside[0]!.district))!)).toBe(true);
        }
      }
    }
    expect(covered).toBeGreaterThan(1000);
  });

  it('gives every beat a recurring meeting and every district an advisory council', () => {
    for (const beat of city.beats) {
      const meeting = city.meetings.find((m) => (m.beats as string[] | undefined)?.includes(beat.id));
      expect((meeting?.schedule as { rrule?: string } | undefined)?.rrule, beat.id).toMatch(/^FREQ=MONTHLY/);
    }
    for (const district of city.districts) {
      expect(city.meetings.some((m) => m.kind === 'district_advisory_council' && m.district === district.id)).toBe(true);
    }
  });

  it('numbers houses like a street grid: 100 a block, odd on one side and even on the other', () => {
    for (const { properties } of city.streets.features) {
      expect(properties.toLeft - properties.fromLeft).toBe(98);
      expect(properties.toRight - properties.fromRight).toBe(98);
      expect((properties.fromLeft + properties.fromRight) % 2).toBe(1);
      expect(Math.floor(properties.fromLeft / 100)).toBe(Math.floor(properties.fromRight / 100));
    }
  });

  it('draws each watch group inside the beat it names', () => {
    const index = createBeatIndex(city.beats.map((beat) => ({ id: beat.id, district: String(beat.district), boundary: boundary(beat) })));
    expect(city.watchGroups.length).toBeGreaterThanOrEqual(3);
    for (const group of city.watchGroups) {
      const ring = group.area.coordinates[0]!;
      const [lon, lat] = [0, 1].map((axis) => ring.slice(0, -1).reduce((sum, point) => sum + point[axis]!, 0) / (ring.length - 1));
      expect(index.locate(lon!, lat!)?.id, group.name).toBe(group.beat);
    }
  });

  it('is the city committed in src/content, file for file (guides aside, which people write)', () => {
    const files = contentFiles(city);
    files.set('streets.geojson', featureLines(city.streets));
    for (const [file, text] of files) expect(readFileSync(path.resolve('src/content', file), 'utf8'), file).toBe(text);
  });

  it('is the city whose watch groups and staff accounts supabase/seed.sql seeds', () => {
    const seed = readFileSync(path.resolve('supabase/seed.sql'), 'utf8');
    const sections = demoSeedSections(city);
    expect(sections.map((section) => section.marker)).toEqual(['demo watch groups', 'demo staff accounts']);
    for (const { marker, sql } of sections) expect(seed, marker).toContain(`-- ${marker}: begin\n${sql}-- ${marker}: end\n`);
  });

  it('has a staff account for each role, and officers of two districts, linked to their profiles', () => {
    const accounts = demoStaffAccounts(city);
    const officer = (slug: string) => city.officers.find((entry) => entry.id === slug)!;
    expect(accounts.map((account) => account.email)).toEqual([
      'coordinator@staff.alderbrook.example',
      'supervisor.district1@staff.alderbrook.example',
      'officer.beat101@staff.alderbrook.example',
      'officer.beat201@staff.alderbrook.example',
    ]);
    const [coordinator, supervisor, beat101, beat201] = accounts;
    expect(officer(coordinator!.officerSlug).role).toBe('coordinator');
    expect(supervisor).toMatchObject({ role: 'supervisor', district: '1' });
    expect(officer(supervisor!.officerSlug)).toMatchObject({ role: 'sergeant', district: '1' });
    expect(officer(beat101!.officerSlug)).toMatchObject({ role: 'community_policing_officer', beats: ['101'] });
    expect(officer(beat201!.officerSlug)).toMatchObject({ role: 'community_policing_officer', beats: ['201'] });
    expect(new Set(accounts.map((account) => account.id)).size).toBe(4);
  });

  it('puts no password in the seed', () => {
    const [, accounts] = demoSeedSections(city);
    expect(accounts!.sql).not.toMatch(/extensions\.crypt|gen_salt|\$2[aby]\$/);
    expect(accounts!.sql).toMatch(/\(id, email, encrypted_password\)/);
    for (const account of demoStaffAccounts(city)) expect(accounts!.sql).toContain(`'${account.email}', null)`);
  });

  it('grows with its scale', () => {
    const bigger = demoCity({ scale: 4, seed: 2026 });
    expect(bigger.beats.length / city.beats.length).toBeGreaterThan(3.4);
    expect(bigger.beats.length / city.beats.length).toBeLessThan(4.6);
  });
});

describe('writeDemoSeed', () => {
  const markers = ['demo watch groups', 'demo staff accounts'];

  it('fills each section between its markers, keeps the rest, and writes the same file twice over', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openbeat-seed-')), 'seed.sql');
    writeFileSync(file, `-- mine, kept\n${markers.map((marker) => `-- ${marker}: begin\nstale;\n-- ${marker}: end\n`).join('\n')}-- also kept\n`);
    writeDemoSeed(file, city);
    const once = readFileSync(file, 'utf8');
    expect(once).toMatch(/^-- mine, kept\n/);
    expect(once).toMatch(/-- also kept\n$/);
    expect(once).not.toContain('stale;');
    for (const { marker, sql } of demoSeedSections(city)) expect(once).toContain(`-- ${marker}: begin\n${sql}-- ${marker}: end\n`);
    writeDemoSeed(file, city);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('changes nothing when a section’s markers are missing', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openbeat-seed-')), 'seed.sql');
    const text = '-- demo watch groups: begin\n-- demo watch groups: end\n';
    writeFileSync(file, text);
    expect(() => writeDemoSeed(file, city)).toThrow(/demo staff accounts: begin/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('writeDemoCity', () => {
  it('writes a folder that validates, and leaves guides someone wrote in place', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'openbeat-demo-'));
    mkdirSync(path.join(out, 'guides'));
    writeFileSync(path.join(out, 'guides', 'mine.md'), '---\ntitle: Mine\nsummary: Kept.\naudience: [residents]\ntopics: [x]\n---\n');
    await writeDemoCity(out, city);
    const { content, problems } = validateContent(out);
    expect(problems).toEqual([]);
    expect(content.beats).toHaveLength(city.beats.length);
    expect(existsSync(path.join(out, 'guides', 'mine.md'))).toBe(true);
    expect(existsSync(path.join(out, 'streets.geojson'))).toBe(true);
  });
});
