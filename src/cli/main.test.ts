import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { contentFixture } from '../../tests/support/contentFixture.ts';
import { polygon, snapshot, square, tempDir, writeFixture } from '../../tests/support/importFixtures.ts';
import { openbeat as run } from '../../tests/support/openbeat.ts';
import { exit } from './main.ts';

describe('openbeat validate', () => {
  it('passes on the demo city', async () => {
    const { code, out } = await run('validate', 'src/content');
    expect(code).toBe(exit.ok);
    expect(out).toMatch(/\d+ districts, \d+ beats, \d+ officers.*all valid/);
  });

  it('fails on a broken reference with one precise line', async () => {
    const { dir, write } = contentFixture();
    write('officers/ben-okafor.json', { name: 'Ben Okafor', rank: 'Officer', role: 'beat_officer', beats: ['201', '999'], languages: ['en'], contact: {} });
    const { code, err } = await run('validate', dir);
    expect(code).toBe(exit.problems);
    expect(err.split('\n')).toEqual(['officers/ben-okafor.json: beats.1: no beat "999" (no beats/999.json)', `1 problem in ${dir}`]);
  });
});

describe('openbeat locate', () => {
  it('prints the beat, district and officers for a point, negative longitude and all', async () => {
    const { dir } = contentFixture();
    const { code, out } = await run('locate', '-87.9', '41.1', '--content', dir);
    expect(code).toBe(exit.ok);
    expect(JSON.parse(out)).toEqual({ beat: '101', district: '1', officers: ['ana-lopez'] });
  });

  it('resolves a point on the street between two beats to one of them, always the same', async () => {
    const { dir } = contentFixture();
    const { out } = await run('locate', '-87.75', '41.1', '--content', dir);
    expect(JSON.parse(out).beat).toBe('101');
  });

  it('says so and exits 3 for a point outside every beat', async () => {
    const { dir } = contentFixture();
    const { code, err } = await run('locate', '-80', '40', '--content', dir);
    expect(code).toBe(exit.outside);
    expect(err).toBe('-80, 40 is outside every beat of Testville.');
  });

  it('asks for two numbers when given anything else', async () => {
    expect((await run('locate', 'elm', 'street')).code).toBe(exit.usage);
    expect((await run('locate', '-87.9')).code).toBe(exit.usage);
  });
});

describe('openbeat geocode', () => {
  it('prints candidates with their beat, from the demo city’s streets', async () => {
    const { code, out } = await run('geocode', '220 E Dunlin St', '--content', 'src/content');
    expect(code).toBe(exit.ok);
    const [best] = JSON.parse(out);
    expect(best).toMatchObject({ label: '220 E Dunlin St', precision: 'address', beat: '101', district: '1' });
  });

  it('exits 3 when no street matches, and 2 without an address', async () => {
    expect((await run('geocode', '10 Downing Street', '--content', 'src/content')).code).toBe(exit.outside);
    expect((await run('geocode')).code).toBe(exit.usage);
  });
});

describe('openbeat import', () => {
  const beatsFile = async (dir: string, features: unknown[]) =>
    writeFixture(dir, 'beats.geojson', { type: 'FeatureCollection', features });
  const beat = (id: string, district: string, west: number) => ({
    type: 'Feature',
    properties: { BEAT_NUM: id, DISTRICT: district },
    geometry: polygon(square(west, 41, 0.1)),
  });

  it('writes beats and derived districts to a folder that validates, and says what it did', async () => {
    const dir = await tempDir();
    const file = await beatsFile(dir, [beat('0111', '01', -87.7), beat('0112', '01', -87.6), beat('0211', '02', -87.5)]);
    const out = path.join(dir, 'content');
    const imported = await run('import', 'beats', file, '--id-field', 'BEAT_NUM', '--district-field', 'DISTRICT', '--out', out);
    expect(imported.code).toBe(exit.ok);
    expect(imported.out).toMatch(/^3 features read; 3 beats written/);
    expect(existsSync(path.join(out, 'beats', '111.json'))).toBe(true);
    expect((await run('validate', out)).code).toBe(exit.ok);
  });

  it('lists what is wrong with the input and writes nothing', async () => {
    const dir = await tempDir();
    const file = await beatsFile(dir, [beat('0111', '01', -87.7), { type: 'Feature', properties: { BEAT_NUM: '0112' }, geometry: polygon(square(-87.6, 41, 0.1)) }]);
    const out = path.join(dir, 'content');
    const failed = await run('import', 'beats', file, '--id-field', 'BEAT_NUM', '--district-field', 'DISTRICT', '--out', out);
    expect(failed.code).toBe(exit.problems);
    expect(failed.err).toMatch(/feature #2 .*DISTRICT/);
    expect(failed.err).toMatch(/Nothing was written/);
    expect(existsSync(path.join(out, 'beats'))).toBe(false);
  });

  it('asks for what it needs', async () => {
    expect((await run('import', 'beats', 'x.geojson', '--out', 'x')).err).toMatch(/--id-field/);
    expect((await run('import', 'streets', 'x.geojson')).code).toBe(exit.usage);
    expect((await run('import', 'officers', 'x.csv', '--out', 'x', '--draft')).err).toMatch(/^openbeat import: --draft is for the database/);
    expect((await run('import', 'meetings', 'x.csv', '--out', 'x', '--database', 'postgres://x@127.0.0.1:1/x')).code).toBe(exit.usage);
    expect((await run('import', 'content', 'x', '--draft')).err).toMatch(/^openbeat import: import content publishes the whole folder/);
  });

  it('imports into the database without --out, and says in one line when there is none to reach', async () => {
    vi.stubEnv('OPENBEAT_DATA', await tempDir());
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const dir = await tempDir();
    const roster = await writeFixture(dir, 'roster.csv', 'name,rank,role,beats\nAna Ruiz,Officer,beat_officer,101\n');
    const noStack = await run('import', 'officers', roster);
    expect(noStack.code).toBe(exit.unreachable);
    expect(noStack.err).toMatch(/^openbeat import: no local stack is running on .+: start it with npm start, or give --database URL$/);
    const unreachable = await run('import', 'beats', 'x.geojson', '--id-field', 'BEAT', '--database', 'postgres://postgres:secret-word@127.0.0.1:1/postgres');
    expect(unreachable.code).toBe(exit.unreachable);
    expect(unreachable.err).toMatch(/^openbeat import: cannot reach the database at 127\.0\.0\.1:1\/postgres: /);
  });
});

describe('openbeat import content and openbeat export', () => {
  it('refuse a folder with problems before reaching for any database', async () => {
    const { dir, write } = contentFixture();
    write('officers/ben-okafor.json', { name: 'Ben Okafor', rank: 'Officer', role: 'beat_officer', beats: ['201', '999'], languages: ['en'], contact: {} });
    const refused = await run('import', 'content', dir, '--database', 'postgres://nobody@127.0.0.1:1/none');
    expect(refused.code).toBe(exit.problems);
    expect(refused.err.split('\n')).toEqual(['officers/ben-okafor.json: beats.1: no beat "999" (no beats/999.json)', `1 problem in ${dir}: nothing was imported`]);
  });

  it('say in one line that there is no database to reach, naming where, never the password', async () => {
    vi.stubEnv('OPENBEAT_DATA', await tempDir());
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const out = await tempDir();
    const noStack = await run('export', out);
    expect(noStack.code).toBe(exit.unreachable);
    expect(noStack.err).toMatch(/^openbeat export: no local stack is running on .+: start it with npm start, or give --database URL$/);
    const { dir } = contentFixture();
    const unreachable = await run('import', 'content', dir, '--database', 'postgres://postgres:secret-word@127.0.0.1:1/postgres');
    expect(unreachable.code).toBe(exit.unreachable);
    expect(unreachable.err).toMatch(/^openbeat import: cannot reach the database at 127\.0\.0\.1:1\/postgres: /);
    expect(unreachable.err).not.toContain('secret-word');
    expect(await snapshot(out)).toEqual({});
  });
});

describe('openbeat', () => {
  it('lists its commands when run alone, and explains each with --help', async () => {
    const alone = await run();
    expect(alone.code).toBe(exit.usage);
    expect(alone.out).toMatch(/validate[\s\S]*locate[\s\S]*demo/);
    for (const command of ['validate', 'locate', 'geocode', 'demo', 'import', 'export']) {
      const help = await run(command, '--help');
      expect(help.code).toBe(exit.ok);
      expect(help.out).toMatch(new RegExp(`^openbeat ${command}`));
    }
  });

  it('refuses an unknown command or option with the usage', async () => {
    expect((await run('frobnicate')).err).toMatch(/no command "frobnicate"/);
    const bad = await run('demo', '--colour', 'red');
    expect(bad.code).toBe(exit.usage);
    expect(bad.err).toMatch(/openbeat demo/);
    expect((await run('demo', '--scale', '0')).code).toBe(exit.usage);
    expect((await run('demo', '--scale', '-2')).code).toBe(exit.usage);
  });
});
