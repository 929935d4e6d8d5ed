import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beatSchema } from '../../content.config.ts';
import { importBeats } from './beats.ts';
import { importDistricts } from './districts.ts';
import { ImportError } from './errors.ts';
import { collection, feature, polygon, readJson, snapshot, square, tempDir, writeFixture } from '../../../tests/support/importFixtures.ts';

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message;
}

function shoelace(ring: number[][]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return Math.abs(sum / 2);
}

describe('importBeats', () => {
  it('writes one file per beat with its name, district and boundary exactly as published, altitude dropped', async () => {
    const dir = await tempDir();
    const ring = [
      [-87.62345678901234, 41.87654321098765, 181.5],
      [-87.61, 41.87654321098765, 181.5],
      [-87.61, 41.88, 182],
      [-87.62345678901234, 41.87654321098765, 181.5],
    ];
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(feature({ BEAT: '1713', DIST: '17', NAME: ' North Park ' }, polygon(ring))),
    );
    const out = path.join(dir, 'out');

    const report = await importBeats({ file, idField: 'BEAT', districtField: 'DIST', nameField: 'NAME', out });

    const beat = await readJson(path.join(out, 'beats', '1713.json'));
    expect(beat).toEqual({
      name: 'North Park',
      district: '17',
      boundary: { type: 'Polygon', coordinates: [ring.map(([lon, lat]) => [lon, lat])] },
      neighbourhoods: [],
    });
    expect(beatSchema.safeParse(beat).success).toBe(true);
    expect(report).toMatchObject({ featuresRead: 1, written: 1, merged: [], replaced: 0, warnings: [] });
  });

  it('names beats "Beat <id>" when no name field is given', async () => {
    const dir = await tempDir();
    const file = await writeFixture(dir, 'beats.geojson', collection(feature({ BEAT: 'A-2', DIST: 1 }, polygon(square(0, 0)))));
    await importBeats({ file, idField: 'BEAT', districtField: 'DIST', out: path.join(dir, 'out') });
    expect((await readJson(path.join(dir, 'out', 'beats', 'A-2.json'))).name).toBe('Beat A-2');
  });

  it('says a file that is not JSON is not JSON', async () => {
    const dir = await tempDir();
    const file = await writeFixture(dir, 'beats.geojson', '{"type": "FeatureCollection", "features": [');
    expect(await failure(importBeats({ file, idField: 'BEAT', districtField: 'DIST', out: dir }))).toMatch(/beats\.geojson is not JSON: /);
  });

  it('says JSON that is not GeoJSON is not GeoJSON, and recognises Esri JSON', async () => {
    const dir = await tempDir();
    const plain = await writeFixture(dir, 'plain.json', { beats: [] });
    expect(await failure(importBeats({ file: plain, idField: 'BEAT', out: dir }))).toBe(
      `${plain} is not GeoJSON: expected a FeatureCollection or a Feature, found an object without a GeoJSON type`,
    );
    const esri = await writeFixture(dir, 'esri.json', { features: [{ attributes: { BEAT: 1 }, geometry: { rings: [] } }] });
    expect(await failure(importBeats({ file: esri, idField: 'BEAT', out: dir }))).toMatch(/looks like Esri JSON/);
  });

  it('names a feature without the id field and lists the properties it has', async () => {
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(feature({ BEAT_NUM: 1, DIST: 1 }, polygon(square(0, 0))), feature({ BEAT: 2, DIST: 1 }, polygon(square(1, 0)))),
    );
    expect(await failure(importBeats({ file, idField: 'BEAT_NUM', districtField: 'DIST', out: dir }))).toBe(
      'feature #2 has no property "BEAT_NUM"; its properties are: BEAT, DIST',
    );
  });

  it('says once, not per feature, when no feature has a field it was asked to read', async () => {
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(feature({ beat_num: 1 }, polygon(square(0, 0))), feature({ beat_num: 2 }, polygon(square(1, 0)))),
    );
    expect(await failure(importBeats({ file, idField: 'BEAT_NUM', districtField: 'beat_num', nameField: 'NAME', out: dir }))).toBe(
      'no feature has a property "BEAT_NUM"; the properties are: beat_num\nno feature has a property "NAME"; the properties are: beat_num',
    );
  });

  it('refuses a self-intersecting ring, naming the feature and where it crosses', async () => {
    const dir = await tempDir();
    const bowtie = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    const file = await writeFixture(dir, 'beats.geojson', collection(feature({ BEAT: 7, DIST: 1 }, polygon(bowtie))));
    expect(await failure(importBeats({ file, idField: 'BEAT', districtField: 'DIST', out: dir }))).toBe(
      'feature #1 (beat 7): the outer ring touches or crosses itself at [0.5, 0.5]',
    );
  });

  it('accepts a ring that repeats a vertex, as converted shapefiles do, and keeps the repeat', async () => {
    const dir = await tempDir();
    const ring = [
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const file = await writeFixture(dir, 'beats.geojson', collection(feature({ BEAT: 7, DIST: 1 }, polygon(ring))));
    await importBeats({ file, idField: 'BEAT', districtField: 'DIST', out: path.join(dir, 'out') });
    expect((await readJson(path.join(dir, 'out', 'beats', '7.json'))).boundary.coordinates).toEqual([ring]);
  });

  it('refuses an empty polygon', async () => {
    const dir = await tempDir();
    const file = await writeFixture(dir, 'beats.geojson', collection(feature({ BEAT: 7, DIST: 1 }, { type: 'Polygon', coordinates: [] })));
    expect(await failure(importBeats({ file, idField: 'BEAT', districtField: 'DIST', out: dir }))).toBe(
      'feature #1 (beat 7): its Polygon is empty',
    );
  });

  it('refuses projected coordinates and says to reproject them to WGS 84', async () => {
    const dir = await tempDir();
    const data = {
      ...collection(feature({ BEAT: 7, DIST: 1 }, polygon(square(1164345.5, 1897654.25, 500)))),
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3435' } },
    };
    const file = await writeFixture(dir, 'beats.geojson', data);
    expect(await failure(importBeats({ file, idField: 'BEAT', districtField: 'DIST', out: dir }))).toBe(
      'feature #1 (beat 7): coordinates such as [1164345.5, 1897654.25] are outside longitude/latitude range; they look projected ' +
        '(the file declares urn:ogc:def:crs:EPSG::3435) and must be reprojected to WGS 84 (EPSG:4326), e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson',
    );
  });

  it('reports every broken feature in one go, each by number and id', async () => {
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(
        feature(
          { BEAT: 1, DIST: 1 },
          {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
        ),
        feature(
          { BEAT: 2, DIST: 1 },
          polygon([
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ]),
        ),
        feature(
          { BEAT: 3, DIST: 1 },
          polygon([
            [0, 0],
            [1, 0],
            [0, 0],
          ]),
        ),
        feature(
          { BEAT: 4, DIST: 1 },
          polygon([
            [0, 0],
            [1, 0],
            [null, 1],
            [0, 0],
          ]),
        ),
        feature({ BEAT: 5, DIST: 1 }, null),
        feature({ BEAT: '5/A', DIST: 1 }, polygon(square(0, 0))),
        feature({ BEAT: 6, DIST: 1 }, polygon(square(0, 0))),
      ),
    );
    expect((await failure(importBeats({ file, idField: 'BEAT', districtField: 'DIST', out: dir }))).split('\n')).toEqual([
      'feature #1 (beat 1): its geometry is a LineString; only Polygon and MultiPolygon describe an area',
      'feature #2 (beat 2): the outer ring is not closed: it starts at [0, 0] and ends at [0, 1]',
      'feature #3 (beat 3): the outer ring has 3 positions; a ring needs at least 4, ending where it starts',
      'feature #4 (beat 4): the outer ring, position 3: [null, 1] has a coordinate that is not a finite number',
      'feature #5 (beat 5): has no geometry',
      'feature #6: BEAT "5/A" is not a usable id: use letters, digits, - and _ only',
    ]);
  });

  it('merges features with the same id into one MultiPolygon, in input order, and reports it', async () => {
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(
        feature({ BEAT: 1713, DIST: 17 }, polygon(square(0, 0))),
        feature({ BEAT: 1714, DIST: 17 }, polygon(square(5, 5))),
        feature({ BEAT: '1713', DIST: '17' }, { type: 'MultiPolygon', coordinates: [[square(2, 0)], [square(3, 0)]] }),
      ),
    );
    const report = await importBeats({ file, idField: 'BEAT', districtField: 'DIST', out: path.join(dir, 'out') });

    expect((await readJson(path.join(dir, 'out', 'beats', '1713.json'))).boundary).toEqual({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0)], [square(2, 0)], [square(3, 0)]],
    });
    expect(report.merged).toEqual([{ id: '1713', features: [1, 3] }]);
    expect(report.written).toBe(2);
    expect(report.notes).toContain('beat 1713: 2 features (#1, #3) merged into one beat');
  });

  it('refuses same-id features that disagree on their district, naming the beat and both values', async () => {
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(feature({ BEAT: 5, DIST: 1 }, polygon(square(0, 0))), feature({ BEAT: 5, DIST: 2 }, polygon(square(1, 0)))),
    );
    expect(await failure(importBeats({ file, idField: 'BEAT', districtField: 'DIST', out: dir }))).toBe(
      'beat 5: features #1 and #2 disagree on DIST: "1" and "2"',
    );
  });

  it('treats district "01" in the districts file and 1 in the beats file as the same district', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const districts = await writeFixture(dir, 'districts.geojson', collection(feature({ DIST_NUM: '01' }, polygon(square(0, 0, 2)))));
    const beats = await writeFixture(dir, 'beats.geojson', collection(feature({ BEAT: '0111', DISTRICT: 1 }, polygon(square(0, 0)))));

    await importDistricts({ file: districts, idField: 'DIST_NUM', out });
    const report = await importBeats({ file: beats, idField: 'BEAT', districtField: 'DISTRICT', out });

    expect(report.derivedDistricts).toEqual([]);
    expect(await readdir(path.join(out, 'districts'))).toEqual(['1.json']);
    expect(await readJson(path.join(out, 'beats', '111.json'))).toMatchObject({ district: '1' });
  });

  it('derives a district missing from OUT as the union of its beats', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(
        feature({ BEAT: 1, DIST: 7 }, polygon(square(0, 0))),
        feature({ BEAT: 2, DIST: 7 }, polygon(square(1, 0))),
        feature({ BEAT: 3, DIST: 8 }, polygon(square(5, 0))),
      ),
    );
    await writeFixture(out, 'districts/8.json', { name: 'Eighth', boundary: polygon(square(5, 0)) });

    const report = await importBeats({ file, idField: 'BEAT', districtField: 'DIST', out });

    expect(report.derivedDistricts).toEqual(['7']);
    expect(report.notes).toContain('district 7: not in districts/, so derived from its 2 beats (1, 2) as "District 7" with no station');
    const district = await readJson(path.join(out, 'districts', '7.json'));
    expect(district.name).toBe('District 7');
    expect(district.station).toBeUndefined();
    expect(district.boundary.type).toBe('Polygon');
    expect(district.boundary.coordinates).toHaveLength(1);
    expect(shoelace(district.boundary.coordinates[0])).toBeCloseTo(2, 9);
    expect((await readJson(path.join(out, 'districts', '8.json'))).name).toBe('Eighth');
  });

  it('places each beat in the district that contains it when no district field is given, even a beat hugging the district line', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'districts/1.json', { name: 'West', boundary: polygon(square(0, 0, 2)) });
    await writeFixture(out, 'districts/2.json', { name: 'East', boundary: polygon(square(2, 0, 2)) });
    // A "]" along district 1's eastern edge: the centre of its box is outside
    // it, and its vertex nearest that centre, (2, 1), is on the district line.
    const bracket = [
      [1, 0],
      [2, 0],
      [2, 1],
      [2, 2],
      [1, 2],
      [1, 1.9],
      [1.9, 1.9],
      [1.9, 0.1],
      [1, 0.1],
      [1, 0],
    ];
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(feature({ BEAT: 11 }, polygon(bracket)), feature({ BEAT: 21 }, polygon(square(2.5, 0.5)))),
    );

    const report = await importBeats({ file, idField: 'BEAT', out });

    expect(report.districtsFrom).toBe('location');
    expect((await readJson(path.join(out, 'beats', '11.json'))).district).toBe('1');
    expect((await readJson(path.join(out, 'beats', '21.json'))).district).toBe('2');
  });

  it('asks for --district-field or districts first when OUT has no districts to place beats in', async () => {
    const dir = await tempDir();
    const file = await writeFixture(dir, 'beats.geojson', collection(feature({ BEAT: 1 }, polygon(square(0, 0)))));
    expect(await failure(importBeats({ file, idField: 'BEAT', out: path.join(dir, 'out') }))).toMatch(
      /has no districts to place the beats in: pass --district-field, or import districts first$/,
    );
  });

  it('says which beat lies in no district', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'districts/1.json', { name: 'West', boundary: polygon(square(0, 0, 2)) });
    const file = await writeFixture(dir, 'beats.geojson', collection(feature({ BEAT: 9 }, polygon(square(10, 10)))));
    expect(await failure(importBeats({ file, idField: 'BEAT', out }))).toBe(
      'beat 9 lies in none of the districts in districts/ (tested at [10.5, 10.5]); pass --district-field, or import the district that holds it',
    );
  });

  it('writes a starter site.json that builds, with the map on the imported area, and never overwrites one', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(
        feature({ BEAT: 1, DIST: 1 }, polygon(square(-88, 41, 0.5))),
        feature({ BEAT: 2, DIST: 1 }, polygon(square(-87.5, 41.5, 0.5))),
      ),
    );

    const first = await importBeats({ file, idField: 'BEAT', districtField: 'DIST', out });

    const [site] = await readJson(path.join(out, 'site.json'));
    expect(site).toMatchObject({
      id: 'site',
      timeZone: 'UTC',
      locales: ['en'],
      emergencyNumber: '911',
      nonEmergencyNumber: '311',
      sampleData: false,
    });
    expect(site.map).toEqual({
      center: [-87.5, 41.5],
      bounds: [
        [-88, 41],
        [-87, 42],
      ],
    });
    const { siteSchema } = await import('../../content.config.ts');
    const { id: _id, ...settings } = site;
    expect(siteSchema.safeParse(settings).success).toBe(true);
    expect(first.siteCreated).toBe(true);
    expect(first.notes.filter((note) => note.startsWith('site.json:'))).toHaveLength(4);

    const edited = `${JSON.stringify([{ ...site, jurisdiction: 'Alderbrook' }], null, 2)}\n`;
    await writeFixture(out, 'site.json', edited);
    const second = await importBeats({ file, idField: 'BEAT', districtField: 'DIST', out });
    expect(second.siteCreated).toBe(false);
    expect((await snapshot(out))['site.json']).toBe(edited);
  });

  it('replaces the beats folder as a whole and counts the files it replaced, keeping hand-filled neighbourhoods', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'beats/1.json', { name: 'Old', district: '1', boundary: polygon(square(0, 0)), neighbourhoods: ['Old Town'] });
    await writeFixture(out, 'beats/2.json', { name: 'Gone', district: '1', boundary: polygon(square(1, 0)), neighbourhoods: [] });
    await writeFixture(out, 'beats/notes.txt', 'scratch');
    const file = await writeFixture(dir, 'beats.geojson', collection(feature({ BEAT: '001', DIST: 1 }, polygon(square(3, 3)))));

    const report = await importBeats({ file, idField: 'BEAT', districtField: 'DIST', out });

    expect(report.replaced).toBe(3);
    expect(report.keptNeighbourhoods).toBe(1);
    expect(await readdir(path.join(out, 'beats'))).toEqual(['1.json']);
    expect(await readJson(path.join(out, 'beats', '1.json'))).toMatchObject({ name: 'Beat 1', neighbourhoods: ['Old Town'] });
  });

  it('leaves OUT exactly as it was when an import fails', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const good = await writeFixture(dir, 'good.geojson', collection(feature({ BEAT: 1, DIST: 1 }, polygon(square(0, 0)))));
    await importBeats({ file: good, idField: 'BEAT', districtField: 'DIST', out });
    const before = await snapshot(out);
    const entriesBefore = await readdir(out);

    // Valid beats, a new district to derive, and one broken feature at the end.
    const bad = await writeFixture(
      dir,
      'bad.geojson',
      collection(
        feature({ BEAT: 2, DIST: 1 }, polygon(square(1, 0))),
        feature({ BEAT: 3, DIST: 9 }, polygon(square(2, 0))),
        feature(
          { BEAT: 4, DIST: 1 },
          polygon([
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ]),
        ),
      ),
    );
    await failure(importBeats({ file: bad, idField: 'BEAT', districtField: 'DIST', out }));

    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(out)).toEqual(entriesBefore);
  });

  it('leaves no folder behind when an import into a new folder fails', async () => {
    const dir = await tempDir();
    const file = await writeFixture(dir, 'beats.geojson', collection(feature({ BEAT: 1 }, polygon(square(0, 0)))));
    await failure(importBeats({ file, idField: 'BEAT', out: path.join(dir, 'out') }));
    expect(await readdir(dir)).toEqual(['beats.geojson']);
  });
});
