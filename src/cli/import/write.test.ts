import { rename } from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commit } from './write.ts';
import { snapshot, tempDir, writeFixture } from '../../../tests/support/importFixtures.ts';

describe('commit', () => {
  it('replaces folders, extends folders and creates files only where none exist', async () => {
    const out = await tempDir();
    await writeFixture(out, 'beats/old.json', '{}');
    await writeFixture(out, 'districts/1.json', 'one');
    await writeFixture(out, 'site.json', 'mine');

    await commit(out, {
      folders: [
        { name: 'beats', files: new Map([['new.json', 'new']]) },
        { name: 'districts', files: new Map([['2.json', 'two']]), extend: true },
      ],
      create: new Map([['site.json', 'starter']]),
    });

    expect(await snapshot(out)).toEqual({
      'beats/new.json': 'new',
      'districts/1.json': 'one',
      'districts/2.json': 'two',
      'site.json': 'mine',
    });
    expect((await readdir(out)).sort()).toEqual(['beats', 'districts', 'site.json']);
  });

  it('replaces whole files, and carries over what a replaced folder is told to keep', async () => {
    const out = await tempDir();
    await writeFixture(out, 'officers/old.json', '{}');
    await writeFixture(out, 'officers/ana.jpg', 'photo');
    await writeFixture(out, 'site.json', 'old site');
    await writeFixture(out, 'streets.geojson', 'streets');

    await commit(out, {
      folders: [{ name: 'officers', files: new Map([['ana.json', 'ana']]), keep: (name) => !name.endsWith('.json') }],
      replace: new Map([['site.json', 'new site']]),
    });

    expect(await snapshot(out)).toEqual({
      'officers/ana.jpg': 'photo',
      'officers/ana.json': 'ana',
      'site.json': 'new site',
      'streets.geojson': 'streets',
    });
  });

  it('puts OUT back as it was when a rename fails half-way through the swap', async () => {
    const out = await tempDir();
    await writeFixture(out, 'beats/1.json', 'beat one');
    await writeFixture(out, 'districts/1.json', 'district one');
    const before = await snapshot(out);
    let renames = 0;
    // The third rename moves the new districts folder in, after beats were already swapped.
    const failingThird = async (from: string, to: string) => {
      if (++renames === 3) throw new Error('disk unplugged');
      await rename(from, to);
    };

    await expect(
      commit(
        out,
        {
          folders: [
            { name: 'beats', files: new Map([['2.json', 'beat two']]) },
            { name: 'districts', files: new Map([['2.json', 'district two']]) },
          ],
          create: new Map([['site.json', 'starter']]),
        },
        failingThird,
      ),
    ).rejects.toThrow('disk unplugged');

    expect(renames).toBeGreaterThan(3);
    expect(await snapshot(out)).toEqual(before);
    expect((await readdir(out)).sort()).toEqual(['beats', 'districts']);
  });

  it('removes a folder it created when the swap fails', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'new');
    const failing = async () => {
      throw new Error('no');
    };
    await expect(commit(out, { folders: [{ name: 'beats', files: new Map([['1.json', 'x']]) }] }, failing)).rejects.toThrow('no');
    expect(await readdir(dir)).toEqual([]);
  });
});
