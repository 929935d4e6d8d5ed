import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { districtSchema } from '../../content.config.ts';
import { importDistricts } from './districts.ts';
import { ImportError } from './errors.ts';
import { collection, feature, polygon, readJson, snapshot, square, tempDir, writeFixture } from '../../../tests/support/importFixtures.ts';

const station = {
  name: 'District 1 Station',
  address: '1 Main St',
  location: [0.5, 0.5],
  phone: '555-0100',
  hours: 'Always open',
};

describe('importDistricts', () => {
  it('writes one file per district, named from the name field or "District <id>"', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const file = await writeFixture(
      dir,
      'districts.geojson',
      collection(
        feature({ DIST: '01', LABEL: 'Central' }, polygon(square(0, 0))),
        feature({ DIST: '02', LABEL: null }, polygon(square(1, 0))),
      ),
    );

    const report = await importDistricts({ file, idField: 'DIST', nameField: 'LABEL', out });

    const central = await readJson(path.join(out, 'districts', '1.json'));
    expect(central).toEqual({ name: 'Central', boundary: polygon(square(0, 0)) });
    expect(districtSchema.safeParse(central).success).toBe(true);
    expect((await readJson(path.join(out, 'districts', '2.json'))).name).toBe('District 2');
    expect(report).toMatchObject({ featuresRead: 2, written: 2, replaced: 0, keptStations: [], siteCreated: true });
    expect(report.warnings).toEqual(['district 2 has no LABEL; named "District 2"']);
  });

  it('keeps a station filled in by hand, replacing the name and boundary', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'districts/1.json', { name: 'Old name', station, boundary: polygon(square(9, 9)) });
    const file = await writeFixture(dir, 'districts.geojson', collection(feature({ DIST: 1, LABEL: 'Central' }, polygon(square(0, 0)))));

    const report = await importDistricts({ file, idField: 'DIST', nameField: 'LABEL', out });

    expect(await readJson(path.join(out, 'districts', '1.json'))).toEqual({ name: 'Central', station, boundary: polygon(square(0, 0)) });
    expect(report.keptStations).toEqual(['1']);
    expect(report.replaced).toBe(1);
  });

  it('refuses to drop a kept station that is invalid, naming the file', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'districts/1.json', { name: 'Old', station: { ...station, phone: '' }, boundary: polygon(square(9, 9)) });
    const before = await snapshot(out);
    const file = await writeFixture(dir, 'districts.geojson', collection(feature({ DIST: 1 }, polygon(square(0, 0)))));

    const error = await importDistricts({ file, idField: 'DIST', out }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^districts\/1\.json: station: .*; the import keeps it, so fix it there first$/);
    expect(await snapshot(out)).toEqual(before);
  });

  it('refuses same-id features with different names, naming the district and both names', async () => {
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'districts.geojson',
      collection(
        feature({ DIST: 3, LABEL: 'Harbour' }, polygon(square(0, 0))),
        feature({ DIST: '03', LABEL: 'Harbor' }, polygon(square(2, 0))),
      ),
    );
    await expect(importDistricts({ file, idField: 'DIST', nameField: 'LABEL', out: dir })).rejects.toThrow(
      'district 3: features #1 and #2 disagree on LABEL: "Harbour" and "Harbor"',
    );
  });

  it('warns about beats whose district the new districts no longer contain', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'beats/711.json', { name: 'Beat 711', district: '7', boundary: polygon(square(0, 0)) });
    await writeFixture(out, 'beats/712.json', { name: 'Beat 712', district: '7', boundary: polygon(square(1, 0)) });
    await writeFixture(out, 'districts/7.json', { name: 'District 7', boundary: polygon(square(0, 0, 2)) });
    const file = await writeFixture(dir, 'districts.geojson', collection(feature({ DIST: 8 }, polygon(square(0, 0, 2)))));

    const report = await importDistricts({ file, idField: 'DIST', out });

    expect(await readdir(path.join(out, 'districts'))).toEqual(['8.json']);
    expect(report.warnings).toEqual([
      'beats 711, 712 refer to district 7, which this import does not contain; re-import the beats or add the district',
    ]);
  });
});
