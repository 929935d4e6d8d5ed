import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { streetNetworkSchema } from '../../content.config.ts';
import { collection, feature, polygon, readJson, snapshot, square, tempDir, writeFixture, problems } from '../../../tests/support/importFixtures.ts';
import { importStreets, type ImportStreetsOptions } from './streets.ts';

function line(...coordinates: number[][]) {
  return { type: 'LineString', coordinates };
}

/** The common layout's properties: name, type, prefix, then left from/to and right from/to. */
function common(name: unknown, type: unknown, prefix: unknown, ranges: unknown[]) {
  const [L_F_ADD, L_T_ADD, R_F_ADD, R_T_ADD] = ranges;
  return { STREET_NAM: name, STREET_TYP: type, PRE_DIR: prefix, L_F_ADD, L_T_ADD, R_F_ADD, R_T_ADD };
}

const north = line([0, 0], [0, 0.001], [0, 0.002]);

async function importFile(content: unknown, options: Partial<ImportStreetsOptions> = {}) {
  const dir = await tempDir();
  const out = path.join(dir, 'out');
  const file = await writeFixture(dir, 'streets.geojson', content);
  const report = await importStreets({ file, out, ...options });
  const network = await readJson(path.join(out, 'streets.geojson'));
  return { report, network, properties: network.features.map((street: { properties: unknown }) => street.properties), out };
}


describe('importStreets', () => {
  it('writes streets.geojson one segment a line from the common layout, found in the file, with altitude dropped', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const file = await writeFixture(
      dir,
      'centrelines.geojson',
      collection(
        feature({ OBJECTID: 1, ...common('BIRCH', 'ST', 'N', [101, 199, 100, 198]) }, line([-87.6, 41.9, 180], [-87.6, 41.901, 181.5])),
        feature({ OBJECTID: 2, ...common('Oak', 'Ave', null, [201, 299, 200, 298]) }, line([-87.6, 41.901], [-87.599, 41.901])),
      ),
    );

    const report = await importStreets({ file, out });

    const text = await readFile(path.join(out, 'streets.geojson'), 'utf8');
    expect(text.split('\n')).toEqual([
      '{"type": "FeatureCollection", "features": [',
      '{"type":"Feature","geometry":{"type":"LineString","coordinates":[[-87.6,41.9],[-87.6,41.901]]},' +
        '"properties":{"name":"Birch St","prefix":"N","fromLeft":101,"toLeft":199,"fromRight":100,"toRight":198}},',
      '{"type":"Feature","geometry":{"type":"LineString","coordinates":[[-87.6,41.901],[-87.599,41.901]]},' +
        '"properties":{"name":"Oak Ave","fromLeft":201,"toLeft":299,"fromRight":200,"toRight":298}}',
      ']}',
      '',
    ]);
    expect(streetNetworkSchema.safeParse(JSON.parse(text)).success).toBe(true);
    expect(report).toEqual({
      featuresRead: 2,
      written: 2,
      fields: {
        leftFrom: 'L_F_ADD',
        leftTo: 'L_T_ADD',
        rightFrom: 'R_F_ADD',
        rightTo: 'R_T_ADD',
        prefix: 'PRE_DIR',
        name: 'STREET_NAM',
        type: 'STREET_TYP',
      },
      skipped: { unnamed: 0, unnumbered: 0 },
      reversed: 0,
      replacedExisting: false,
      warnings: [],
      notes: [
        'fields read: name STREET_NAM, type STREET_TYP, prefix PRE_DIR, house numbers L_F_ADD, L_T_ADD, R_F_ADD, R_T_ADD (left from, left to, right from, right to)',
      ],
    });
  });

  it('finds the TIGER field names, and lowercase ones, with numbers given as text', async () => {
    const tiger = await importFile(
      collection(
        feature({ TLID: 1, FEDIRP: 'W', FENAME: 'ELM', FETYPE: 'ST', LFROMADD: '1200', LTOADD: '1298', RFROMADD: '1201', RTOADD: '1299' }, north),
      ),
    );
    expect(tiger.report.fields).toEqual({
      leftFrom: 'LFROMADD',
      leftTo: 'LTOADD',
      rightFrom: 'RFROMADD',
      rightTo: 'RTOADD',
      prefix: 'FEDIRP',
      name: 'FENAME',
      type: 'FETYPE',
    });
    expect(tiger.properties).toEqual([{ name: 'Elm St', prefix: 'W', fromLeft: 1200, toLeft: 1298, fromRight: 1201, toRight: 1299 }]);

    const lower = await importFile(
      collection(feature({ street_nam: 'Pine', street_typ: 'Ct', l_f_add: 1, l_t_add: 9, r_f_add: 2, r_t_add: 10 }, north)),
    );
    expect(lower.report.fields).toEqual({
      leftFrom: 'l_f_add',
      leftTo: 'l_t_add',
      rightFrom: 'r_f_add',
      rightTo: 'r_t_add',
      name: 'street_nam',
      type: 'street_typ',
    });
    expect(lower.properties).toEqual([{ name: 'Pine Ct', fromLeft: 1, toLeft: 9, fromRight: 2, toRight: 10 }]);
  });

  it("takes the prefix from the start of a full name such as TIGER's FULLNAME, leaving letter streets alone", async () => {
    const ranges = { LFROMADD: 1, LTOADD: 99, RFROMADD: 2, RTOADD: 98 };
    const { properties, report } = await importFile(
      collection(
        feature({ FULLNAME: 'N Martin Luther King Jr Dr', ...ranges }, north),
        feature({ FULLNAME: 'N Broadway', ...ranges }, north),
        feature({ FULLNAME: 'E St', ...ranges }, north),
        feature({ FULLNAME: 'North Ave', ...ranges }, north),
      ),
    );
    expect(properties.map(({ name, prefix }: { name: string; prefix?: string }) => [prefix, name])).toEqual([
      ['N', 'Martin Luther King Jr Dr'],
      ['N', 'Broadway'],
      [undefined, 'E St'],
      [undefined, 'North Ave'],
    ]);
    expect(report.notes).toContain('took the prefix from the start of the name on 2 segments ("N Main St": prefix N, name "Main St")');
  });

  it('reads the fields the user names instead of those it would find, and turns an optional one off with ""', async () => {
    const { properties, report } = await importFile(
      collection(
        feature(
          { NAME: 'Centreline 4411', TYPE: 'Local', LABEL: 'Elm St', DIR: 'south', LO_L: 100, HI_L: 198, LO_R: 101, HI_R: 199, L_F_ADD: 5 },
          north,
        ),
      ),
      { fields: { name: 'LABEL', type: '', prefix: 'DIR', leftFrom: 'LO_L', leftTo: 'HI_L', rightFrom: 'LO_R', rightTo: 'HI_R' } },
    );
    expect(properties).toEqual([{ name: 'Elm St', prefix: 'S', fromLeft: 100, toLeft: 198, fromRight: 101, toRight: 199 }]);
    expect(report.fields).toEqual({ leftFrom: 'LO_L', leftTo: 'HI_L', rightFrom: 'LO_R', rightTo: 'HI_R', prefix: 'DIR', name: 'LABEL' });
  });

  it('turns a line whose numbers fall on both sides round, so its left is what was its right', async () => {
    const { network, report } = await importFile(collection(feature(common('Birch', 'St', 'N', [199, 101, 198, 100]), north)));

    // Walking the other way, the even side (at 100 where the line now starts) is on the left.
    expect(network.features[0]).toEqual({
      type: 'Feature',
      geometry: line([0, 0.002], [0, 0.001], [0, 0]),
      properties: { name: 'Birch St', prefix: 'N', fromLeft: 100, toLeft: 198, fromRight: 101, toRight: 199 },
    });
    expect(report.reversed).toBe(1);
    expect(report.warnings).toEqual([]);
    expect(report.notes).toContain('turned 1 segment round so that house numbers grow along them, swapping their left and right sides');
  });

  it('writes 0 for a side without addresses, whether null, 0 or empty, and turns the line round when the other side falls', async () => {
    const { network, report } = await importFile(
      collection(
        feature(common('Birch', 'St', null, [null, '', '298', '200']), north),
        feature(common('Oak', 'St', null, [0, 0, 100, 198]), north),
      ),
    );
    expect(network.features.map((street: { geometry: unknown; properties: unknown }) => [street.geometry, street.properties])).toEqual([
      [line([0, 0.002], [0, 0.001], [0, 0]), { name: 'Birch St', fromLeft: 200, toLeft: 298, fromRight: 0, toRight: 0 }],
      [north, { name: 'Oak St', fromLeft: 0, toLeft: 0, fromRight: 100, toRight: 198 }],
    ]);
    expect(report.reversed).toBe(1);
  });

  it('keeps a segment whose sides disagree, following the longer range, and warns naming it', async () => {
    const { network, report } = await importFile(
      collection(
        { ...feature(common('Birch', 'St', null, [101, 199, 120, 100]), north), id: 31 },
        feature(common('Oak', 'St', null, [101, 105, 298, 200]), north),
      ),
    );

    const [birch, oak] = network.features;
    expect(birch).toEqual({
      type: 'Feature',
      geometry: north,
      properties: { name: 'Birch St', fromLeft: 101, toLeft: 199, fromRight: 100, toRight: 120 },
    });
    expect(oak).toEqual({
      type: 'Feature',
      geometry: line([0, 0.002], [0, 0.001], [0, 0]),
      properties: { name: 'Oak St', fromLeft: 200, toLeft: 298, fromRight: 101, toRight: 105 },
    });
    expect(report.reversed).toBe(1);
    expect(report.warnings).toEqual([
      'feature #1 (id 31, "Birch St"): house numbers rise along the line on the left (101–199) but fall on the right (120–100); ' +
        "kept the direction of the left, the longer range, and turned the right side's numbers round",
      'feature #2 ("Oak St"): house numbers rise along the line on the left (101–105) but fall on the right (298–200); ' +
        "kept the direction of the right, the longer range, turning the line round, and turned the left side's numbers round",
    ]);
  });

  it('title-cases names that come in ALL CAPS and writes prefixes as N, S, E or W', async () => {
    const numbers = [1, 99, 2, 98];
    const { properties, report } = await importFile(
      collection(
        feature(common('MARTIN LUTHER KING JR', 'DR', 'N', numbers), north),
        feature(common("O'HARE", 'AVE', 'North', numbers), north),
        feature(common('1ST', 'ST', 's.', numbers), north),
        feature(common('McCormick', 'BLVD', 'WEST', numbers), north),
        feature(common("ST MARY'S", 'PL', 'e', numbers), north),
        feature(common('N MAIN ST', 'ST', 'N', numbers), north),
        feature(common('5TH', 'AVE', 'NE', numbers), north),
      ),
    );
    expect(properties.map(({ name, prefix }: { name: string; prefix?: string }) => [prefix, name])).toEqual([
      ['N', 'Martin Luther King Jr Dr'],
      ['N', "O'Hare Ave"],
      ['S', '1st St'],
      ['W', 'McCormick Blvd'],
      ['E', "St Mary's Pl"],
      ['N', 'Main St'],
      [undefined, 'NE 5th Ave'],
    ]);
    expect(report.warnings).toEqual(['prefix "NE" (1 segment) is not N, S, E or W; kept at the start of the name, as in "NE 5th Ave"']);
  });

  it('skips features without a name or without house numbers, counting each, and writes the rest', async () => {
    const { report, properties } = await importFile(
      collection(
        feature(common(null, null, null, [1, 99, 2, 98]), north),
        feature(common('  ', 'ALY', null, [0, 0, 0, 0]), north),
        feature(common('I-94 RAMP', null, null, [null, null, '', '']), north),
        feature(common('Birch', 'St', null, [1, 99, 2, 98]), north),
      ),
    );
    expect(properties.map((street: { name: string }) => street.name)).toEqual(['Birch St']);
    expect(report).toMatchObject({ featuresRead: 4, written: 1, skipped: { unnamed: 2, unnumbered: 1 } });
    expect(report.notes).toContain('skipped 2 features without a street name (alleys, ramps and the like)');
    expect(report.notes).toContain('skipped 1 feature without house numbers on either side');
  });

  it('joins a MultiLineString whose lines meet end to start, and keeps only the longest of lines that do not', async () => {
    const numbers = [1, 99, 2, 98];
    const { network, report } = await importFile(
      collection(
        feature(common('Birch', 'St', null, numbers), {
          type: 'MultiLineString',
          coordinates: [
            [
              [0, 0],
              [0, 0.001],
            ],
            [
              [0, 0.001],
              [0, 0.002],
            ],
          ],
        }),
        feature(common('Oak', 'St', null, numbers), {
          type: 'MultiLineString',
          coordinates: [
            [
              [1, 0],
              [1, 0.0001],
            ],
            [
              [1, 0.001],
              [1, 0.002],
            ],
          ],
        }),
      ),
    );
    expect(network.features.map((street: { geometry: unknown }) => street.geometry)).toEqual([north, line([1, 0.001], [1, 0.002])]);
    expect(report.warnings).toEqual([
      'feature #2 ("Oak St"): its MultiLineString has 2 lines that do not join end to start; ' +
        'kept the longest (line 2) with the house numbers and dropped the rest',
    ]);
  });

  it('replaces streets.geojson whole and leaves the rest of OUT alone', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'streets.geojson', collection(feature({ name: 'Old St' }, north)));
    await writeFixture(out, 'beats/1.json', '{"kept": true}');
    const file = await writeFixture(dir, 'streets.geojson', collection(feature(common('Birch', 'St', null, [1, 99, 2, 98]), north)));

    const report = await importStreets({ file, out });

    expect((await readJson(path.join(out, 'streets.geojson'))).features.map((street: any) => street.properties.name)).toEqual(['Birch St']);
    expect(await readFile(path.join(out, 'beats', '1.json'), 'utf8')).toBe('{"kept": true}');
    expect((await readdir(out)).sort()).toEqual(['beats', 'streets.geojson']);
    expect(report.replacedExisting).toBe(true);
  });

  it('says a file that is not GeoJSON is not GeoJSON, and one that is not JSON is not JSON', async () => {
    const dir = await tempDir();
    const plain = await writeFixture(dir, 'plain.json', { streets: [] });
    expect(await problems(importStreets({ file: plain, out: dir }))).toEqual([
      `${plain} is not GeoJSON: expected a FeatureCollection or a Feature, found an object without a GeoJSON type`,
    ]);
    const shapefile = await writeFixture(dir, 'streets.shp', '\u0000\u0000\u0027\u000a');
    expect((await problems(importStreets({ file: shapefile, out: dir })))[0]).toMatch(
      /streets\.shp is not JSON: .*; convert it to GeoJSON first, e\.g\. ogr2ogr -f GeoJSON -t_srs EPSG:4326 out\.geojson streets\.shp$/,
    );
  });

  it('lists every bad feature in one run, naming each, and leaves OUT as it was', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'streets.geojson', collection(feature({ name: 'Old St' }, north)));
    const before = await snapshot(out);
    const numbers = [1, 99, 2, 98];
    const file = await writeFixture(dir, 'streets.geojson', {
      ...collection(
        { ...feature(common('Birch', 'St', null, numbers), line([443000, 4640000], [443100, 4640000])), id: 7 },
        feature(common('Oak', 'Ave', null, numbers), polygon(square(0, 0))),
        feature(common('Elm', 'St', null, ['12A', 98, 1, 99]), north),
        feature(common('Ash', 'St', null, [1, 99, null, 198]), north),
        feature(common('Pine', 'St', null, numbers), line([0, 0, 3])),
        feature(common('Birch', 'St', null, numbers), north),
      ),
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::26916' } },
    });

    expect(await problems(importStreets({ file, out }))).toEqual([
      'feature #1 (id 7, "Birch St"): coordinates such as [443000, 4640000] are outside longitude/latitude range; ' +
        'they look projected (the file declares urn:ogc:def:crs:EPSG::26916) and must be reprojected to WGS 84 (EPSG:4326), ' +
        'e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson',
      'feature #2 ("Oak Ave"): its geometry is a Polygon; a street centreline is a LineString or MultiLineString',
      'feature #3 ("Elm St"): L_F_ADD "12A" is not a house number: expected a whole number, 0 or more',
      'feature #4 ("Ash St"): the right side has R_T_ADD 198 but no R_F_ADD; give both ends of the range, or neither',
      'feature #5 ("Pine St"): the line has 1 position; a street needs at least 2',
    ]);
    expect(await snapshot(out)).toEqual(before);
  });

  it('says once when no feature has a field the user named, or when it finds none for one it needs', async () => {
    const dir = await tempDir();
    const file = await writeFixture(dir, 'streets.geojson', collection(feature({ ST_NAME: 'Elm St', FROM_L: 1, TO_L: 9 }, north)));
    expect(await problems(importStreets({ file, out: dir, fields: { name: 'STREETNAME', leftFrom: 'FROM_L', leftTo: 'TO_L' } }))).toEqual([
      'found no property for the right side\'s first house number (looked for R_F_ADD, RFROMADD); name it with --right-from-field; the properties are: ST_NAME, FROM_L, TO_L',
      'found no property for the right side\'s last house number (looked for R_T_ADD, RTOADD); name it with --right-to-field; the properties are: ST_NAME, FROM_L, TO_L',
      'no feature has a property "STREETNAME" (--name-field); the properties are: ST_NAME, FROM_L, TO_L',
    ]);
  });

  it('refuses to replace streets.geojson with an empty network when no feature has both a name and house numbers', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'streets.geojson', collection(feature({ name: 'Old St' }, north)));
    const before = await snapshot(out);
    const file = await writeFixture(
      dir,
      'streets.geojson',
      collection(feature(common(null, null, null, [1, 99, 2, 98]), north), feature(common('Birch', 'St', null, [0, 0, 0, 0]), north)),
    );
    expect(await problems(importStreets({ file, out }))).toEqual([
      'no feature has both a street name and house numbers (1 without a name in STREET_NAM, 1 without numbers in L_F_ADD, L_T_ADD, R_F_ADD, R_T_ADD); ' +
        'if those are the wrong fields, name the right ones with --name-field, --left-from-field and the like',
    ]);
    expect(await snapshot(out)).toEqual(before);
  });

  describe('directions after the name', () => {
    it.each(['FEDIRS', 'SUFDIR', 'POST_DIR', 'POSTDIR'])('reads them from %s, found by itself, and writes them abbreviated after the name', async (field) => {
      const { report, properties } = await importFile(collection(
        feature({ ...common('4TH', 'ST', null, [401, 499, 400, 498]), [field]: 'NW' }, north),
        feature({ ...common('4TH', 'ST', null, [401, 499, 400, 498]), [field]: 'Northeast' }, north),
        feature({ ...common('ELM', 'AVE', 'W', [1, 99, 0, 98]), [field]: '' }, north),
      ));
      expect(report.fields.postDirection).toBe(field);
      expect(properties.map((p: { name: string; prefix?: string }) => [p.prefix, p.name])).toEqual([[undefined, '4th St NW'], [undefined, '4th St NE'], ['W', 'Elm Ave']]);
    });

    it('takes one named with --post-direction-field, and none with an empty name', async () => {
      const content = collection(feature({ ...common('4TH', 'ST', null, [401, 499, 400, 498]), QUAD: 'S.E.', SUFDIR: 'X' }, north));
      expect((await importFile(content, { fields: { postDirection: 'QUAD' } })).properties[0].name).toBe('4th St SE');
      expect((await importFile(content, { fields: { postDirection: '' } })).properties[0].name).toBe('4th St');
    });

    it('splits a full name carrying its prefix, type and direction, as TIGER/Line’s FULLNAME does, without repeating the type', async () => {
      const full = (FULLNAME: string, extra: object = {}) =>
        feature({ FULLNAME, LFROMADD: 401, LTOADD: 499, RFROMADD: 400, RTOADD: 498, ...extra }, north);
      const { properties } = await importFile(collection(
        full('N ELM AVENUE NORTHWEST'),
        full('4TH ST S.W.'),
        full('AVENUE N'),
        full('Elm Avenue', { SUFFIX: 'AVE' }),
        full('ELM AVE NE', { FEDIRS: 'NE' }),
      ));
      expect(properties.map((p: { name: string; prefix?: string }) => [p.prefix, p.name])).toEqual([
        ['N', 'Elm Avenue NW'],
        [undefined, '4th St SW'],
        [undefined, 'Avenue N'],
        [undefined, 'Elm Avenue'],
        [undefined, 'Elm Ave NE'],
      ]);
    });
  });

  it('reads a file’s theoretical block ranges (the whole block, 1000–1098) in place of its actual ones when their fields are named', async () => {
    const props = { STREET_NAM: 'ELM', STREET_TYP: 'AVE', L_F_ADD: 1001, L_T_ADD: 1047, R_F_ADD: 1002, R_T_ADD: 1036, L_F_THEO: 1001, L_T_THEO: 1099, R_F_THEO: 1000, R_T_THEO: 1098 };
    const { properties } = await importFile(collection(feature(props, north)), {
      fields: { leftFrom: 'L_F_THEO', leftTo: 'L_T_THEO', rightFrom: 'R_F_THEO', rightTo: 'R_T_THEO' },
    });
    expect(properties).toEqual([{ name: 'Elm Ave', fromLeft: 1001, toLeft: 1099, fromRight: 1000, toRight: 1098 }]);
  });
});
