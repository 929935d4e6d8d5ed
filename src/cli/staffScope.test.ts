import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFixture } from '../../tests/support/contentFixture.ts';
import { validateContent } from '../lib/content/validate.ts';
import { tempDir } from '../../tests/support/importFixtures.ts';
import { openbeat as run } from '../../tests/support/openbeat.ts';
import { exit } from './main.ts';
import { jurisdictionScope, sqlText, staffScopeSql, type ScopeSource } from './staffScope.ts';

const city: ScopeSource = {
  beats: [
    { id: '102', district: '1' },
    { id: '101', district: '1' },
    { id: '201', district: '2' },
  ],
  officers: [
    { id: 'ana-lopez', beats: ['101'] },
    { id: 'ben-okafor', beats: ['201', '102'] },
    { id: 'sergeant-one', beats: [], district: '1' },
    { id: 'both-ways', beats: ['101', '201'], district: '1' },
    { id: 'the-coordinator', beats: [] },
  ],
};

describe('jurisdictionScope', () => {
  it('lists every beat with its district, and each officer’s beats', () => {
    const scope = jurisdictionScope(city);
    expect(scope.beats).toEqual([
      { beat: '101', district: '1' },
      { beat: '102', district: '1' },
      { beat: '201', district: '2' },
    ]);
    const beatsOf = (slug: string) => scope.officerBeats.filter((row) => row.officerSlug === slug).map((row) => row.beat);
    expect(beatsOf('ana-lopez')).toEqual(['101']);
    expect(beatsOf('ben-okafor')).toEqual(['102', '201']);
  });

  it('gives an officer who serves a district every beat of it, once, with any beats of their own', () => {
    const scope = jurisdictionScope(city);
    const beatsOf = (slug: string) => scope.officerBeats.filter((row) => row.officerSlug === slug).map((row) => row.beat);
    expect(beatsOf('sergeant-one')).toEqual(['101', '102']);
    expect(beatsOf('both-ways')).toEqual(['101', '102', '201']);
  });

  it('needs no rows for a coordinator, who sees everything by role', () => {
    expect(jurisdictionScope(city).officerBeats.some((row) => row.officerSlug === 'the-coordinator')).toBe(false);
  });
});

describe('staffScopeSql', () => {
  it('is one transaction that names every row, or none for a script that is one already', () => {
    const sql = staffScopeSql(city);
    expect(sql.startsWith('begin;\n')).toBe(true);
    expect(sql.trimEnd().endsWith('commit;')).toBe(true);
    for (const row of ["('101', '1')", "('201', '2')", "('sergeant-one', '102')", "('both-ways', '201')"]) expect(sql).toContain(row);
    const body = staffScopeSql(city, { transaction: false });
    expect(body).not.toMatch(/^\s*(begin|commit);/m);
    expect(sql).toContain(body);
  });

  it('deletes rows the content no longer has, and corrects a beat that moved district', () => {
    const sql = staffScopeSql(city);
    expect(sql).toContain('delete from public.jurisdiction_beats as t where not exists');
    expect(sql).toContain('delete from public.officer_beats as t where not exists');
    expect(sql).toContain('on conflict (beat) do update set district = excluded.district');
  });

  it('empties both tables for a folder with no beats or officers', () => {
    const sql = staffScopeSql({ beats: [], officers: [] }, { transaction: false });
    expect(sql).toContain('delete from public.jurisdiction_beats;');
    expect(sql).toContain('delete from public.officer_beats;');
    expect(sql).not.toContain('insert');
  });

  it('is the same text for the same content, whatever order the files come in', () => {
    const shuffled: ScopeSource = { beats: [...city.beats].reverse(), officers: [...city.officers].reverse() };
    expect(staffScopeSql(shuffled)).toBe(staffScopeSql(city));
  });
});

describe('sqlText', () => {
  it('doubles quotes, so no value can end its literal early', () => {
    expect(sqlText("o'brien")).toBe("'o''brien'");
    expect(sqlText("x'); drop table public.tips; --")).toBe("'x''); drop table public.tips; --'");
    expect(sqlText('back\\slash')).toBe("'back\\slash'");
  });

  it('refuses a NUL character, which Postgres text cannot hold', () => {
    expect(() => sqlText('a\u0000b')).toThrow(/NUL/);
  });
});

describe('openbeat staff-scope', () => {
  it('prints the SQL for a content folder, district officers expanded', async () => {
    const { dir, write } = contentFixture();
    write('officers/sergeant-two.json', { name: 'Sam Two', rank: 'Sergeant', role: 'sergeant', district: '2', languages: ['en'], contact: {} });
    const { code, out } = await run('staff-scope', '--content', dir);
    expect(code).toBe(exit.ok);
    expect(out).toMatch(/^begin;/);
    for (const row of ["('101', '1')", "('102', '1')", "('201', '2')", "('ana-lopez', '102')", "('ben-okafor', '201')", "('sergeant-two', '201')"]) {
      expect(out).toContain(row);
    }
  });

  it('writes the SQL to a file with --out, and says what is in it', async () => {
    const { dir } = contentFixture();
    const file = path.join(await tempDir(), 'scope.sql');
    const { code, out } = await run('staff-scope', '--content', dir, '--out', file);
    expect(code).toBe(exit.ok);
    expect(out).toBe(`${file}: 3 beats in 2 districts, 2 officers with 3 officer–beat assignments`);
    expect(readFileSync(file, 'utf8')).toContain("('ana-lopez', '101')");
  });

  it('writes nothing for a folder with problems, and names them', async () => {
    const { dir, write } = contentFixture();
    write('officers/ben-okafor.json', { name: 'Ben Okafor', rank: 'Officer', role: 'beat_officer', beats: ['999'], languages: ['en'], contact: {} });
    const file = path.join(await tempDir(), 'scope.sql');
    const { code, out, err } = await run('staff-scope', '--content', dir, '--out', file);
    expect(code).toBe(exit.problems);
    expect(out).toBe('');
    expect(err).toContain('officers/ben-okafor.json: beats.0: no beat "999"');
    expect(existsSync(file)).toBe(false);
  });

  it('tells a deployment how to run what it writes', async () => {
    const { code, out } = await run('staff-scope', '--help');
    expect(code).toBe(exit.ok);
    expect(out).toContain('psql');
    expect(out).toContain('Supabase SQL editor');
  });

  it('writes for the demo content exactly what supabase/seed.sql seeds', () => {
    const { content, problems } = validateContent(path.resolve('src/content'));
    expect(problems).toEqual([]);
    const seed = readFileSync(path.resolve('supabase/seed.sql'), 'utf8');
    expect(seed).toContain(`-- demo jurisdiction scope: begin\n${staffScopeSql(content, { transaction: false })}-- demo jurisdiction scope: end\n`);
  });
});
