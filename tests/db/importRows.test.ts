// `openbeat import districts|beats|meetings|officers` into the database: each
// entry upserted by id in one transaction, keeping what the department added
// (a station, neighbourhoods, a meeting's exceptions, a photo), new entries
// published unless --draft, references checked against what the database
// holds, and a file with a problem changing nothing.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exit } from '../../src/cli/main.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { migrate } from '../../supabase/local/migrate.ts';
import { contentFixture } from '../support/contentFixture.ts';
import { collection, feature, polygon, square, tempDir, writeFixture } from '../support/importFixtures.ts';
import { openbeat } from '../support/openbeat.ts';

const { databaseUrl, staffPassword } = inject('stack');
const run = crypto.randomUUID().slice(0, 8);

const MEETINGS_HEADER = 'id,title,kind,beats,district,venue_name,venue_address,venue_lon,venue_lat,accessibility,start,duration_minutes,rrule,time_zone,languages,online';
const OFFICERS_HEADER = 'id,name,rank,role,beats,district,languages,email,phone,office_hours,bio';

describe('openbeat import districts, beats, meetings and officers into the database', () => {
  // A database of its own, holding a small jurisdiction: the imports publish rows, and the
  // stack's database is shared with other test files and holds the demo city.
  const name = `import_rows_${run}`;
  const fresh = new URL(databaseUrl);
  fresh.pathname = `/${name}`;
  const freshUrl = fresh.toString();
  const where = `${fresh.hostname}:${fresh.port}/${name}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  const db = new pg.Client({ connectionString: freshUrl });
  const { dir: jurisdiction } = contentFixture();

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${name}`);
    await migrate(freshUrl, decodeURIComponent(fresh.password), staffPassword);
    await db.connect();
    // Districts 1 and 2; beats 101, 102 (district 1) and 201 (district 2); officers ana-lopez and ben-okafor; meeting beat-101.
    expect((await openbeat('import', 'content', jurisdiction, '--database', freshUrl)).code).toBe(exit.ok);
  });
  afterAll(async () => {
    await db.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const importing = (...args: string[]) => openbeat('import', ...args, '--database', freshUrl);

  /** Every row of every content table and the history, as text: equal before and after means nothing changed. */
  const everyRow = async () => {
    const tables = ['districts', 'beats', 'officers', 'meetings', 'meeting_exceptions', 'content_history'];
    const rows: Record<string, string[]> = {};
    for (const table of tables) rows[table] = (await db.query(`select t::text as row from public.${table} as t order by 1`)).rows.map((r) => r.row);
    return rows;
  };
  const row = async (table: string, key: string, id: string) => (await db.query(`select * from public.${table} where ${key} = $1`, [id])).rows[0];
  const history = async (note: string) =>
    (await db.query(`select kind, item_id, operation from public.content_history where note = $1 order by history_id`, [note])).rows;

  it('upserts districts by id, keeping a district’s station and publishing new ones, and records the change with the command', async () => {
    await db.query(
      `update public.districts set station_name = 'First Station', station_address = '1 Station Rd', station_lon = -87.9, station_lat = 41.1,
              station_phone = '555-0100', station_hours = 'Always open' where district_id = '1'`,
    );
    const dir = await tempDir();
    const boundary = polygon(square(-88.01, 40.99, 0.52));
    const file = await writeFixture(
      dir,
      'districts.geojson',
      collection(feature({ DIST: '01', NAME: 'First District' }, boundary), feature({ DIST: 3, NAME: 'Third District' }, polygon(square(-87, 41, 0.5)))),
    );

    const imported = await importing('districts', file, '--id-field', 'DIST', '--name-field', 'NAME');

    expect(imported).toMatchObject({ code: exit.ok, err: '' });
    expect(imported.out.split('\n')).toEqual([
      `2 features read → ${where}: districts: 1 added (3), 1 changed (1), 0 unchanged`,
      'kept the stations of districts 1 from the rows they update',
    ]);
    expect(await row('districts', 'district_id', '1')).toMatchObject({ name: 'First District', boundary, station_name: 'First Station', published: true });
    expect(await row('districts', 'district_id', '3')).toMatchObject({ name: 'Third District', station_name: null, published: true });
    expect(await history(`openbeat import districts ${file}`)).toEqual([
      { kind: 'district', item_id: '1', operation: 'update' },
      { kind: 'district', item_id: '3', operation: 'insert' },
    ]);

    const before = await everyRow();
    const again = await importing('districts', file, '--id-field', 'DIST', '--name-field', 'NAME');
    expect(again.out.split('\n')[0]).toBe(`2 features read → ${where}: districts: 0 added, 0 changed, 2 unchanged`);
    expect(await everyRow()).toEqual(before);
  });

  it('upserts beats by id, keeping a beat’s neighbourhoods, deriving a district the database lacks, and says which beats no officer serves yet', async () => {
    await db.query(`update public.beats set neighbourhoods = '{Old Town}' where beat_id = '101'`);
    const dir = await tempDir();
    const boundary = polygon(square(-88, 41, 0.2));
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(
        feature({ BEAT: '0101', DISTRICT: '1' }, boundary),
        feature({ BEAT: '301', DISTRICT: '3' }, polygon(square(-87, 41, 0.25))),
        feature({ BEAT: '401', DISTRICT: '4' }, polygon(square(-86.5, 41, 0.25))),
      ),
    );

    const imported = await importing('beats', file, '--id-field', 'BEAT', '--district-field', 'DISTRICT');

    expect(imported).toMatchObject({ code: exit.ok, err: '' });
    expect(imported.out.split('\n')).toEqual([
      `3 features read → ${where}: beats: 2 added (301, 401), 1 changed (101), 0 unchanged; districts: 1 added (4), 0 changed, 0 unchanged`,
      'kept the neighbourhoods of 1 beat from the rows they update',
      'district 4: not in the database, so derived from its 1 beat (401) as "District 4" with no station',
      'warning: beats 301, 401 have no published officer serving them, so the site cannot be published until one does (openbeat import officers, or the workspace)',
    ]);
    expect(await row('beats', 'beat_id', '101')).toMatchObject({ name: 'Beat 101', district_id: '1', boundary, neighbourhoods: ['Old Town'], published: true });
    expect(await row('beats', 'beat_id', '301')).toMatchObject({ district_id: '3', published: true });
    expect(await row('districts', 'district_id', '4')).toMatchObject({ name: 'District 4', boundary: polygon(square(-86.5, 41, 0.25)), published: true });
  });

  it('adds new beats as drafts with --draft, and refuses a published beat in a draft district, changing nothing', async () => {
    const dir = await tempDir();
    const drafts = await writeFixture(dir, 'drafts.geojson', collection(feature({ BEAT: '302', DISTRICT: '3' }, polygon(square(-86.75, 41, 0.25)))));
    const imported = await importing('beats', drafts, '--id-field', 'BEAT', '--district-field', 'DISTRICT', '--draft');
    expect(imported.out.split('\n')[0]).toBe(`1 features read → ${where}: beats: 1 added (302), 0 changed, 0 unchanged (the added ones as drafts)`);
    expect(await row('beats', 'beat_id', '302')).toMatchObject({ published: false });
    const moved = await writeFixture(dir, 'moved.geojson', collection(feature({ BEAT: '201', DISTRICT: '8' }, polygon(square(-87.5, 41, 0.25)))));
    const unchanged = await everyRow();
    const kept = await importing('beats', moved, '--id-field', 'BEAT', '--district-field', 'DISTRICT', '--draft');
    expect(kept.err.split('\n')[0]).toBe(
      'beat 201: district: district 8 is not in the database, and --draft would add it as a draft, but beat 201 is published: import the districts first, or leave out --draft',
    );
    expect(await everyRow()).toEqual(unchanged);

    await db.query(`insert into public.districts (district_id, name, boundary) values ('d9', 'Draft district', $1)`, [polygon(square(-86, 41, 0.5))]);
    const file = await writeFixture(
      dir,
      'beats.geojson',
      collection(feature({ BEAT: '901', DISTRICT: 'd9' }, polygon(square(-86, 41, 0.25))), feature({ BEAT: '101', DISTRICT: '1' }, polygon(square(-88, 41, 0.3)))),
    );
    const before = await everyRow();

    const refused = await importing('beats', file, '--id-field', 'BEAT', '--district-field', 'DISTRICT');

    expect(refused.code).toBe(exit.problems);
    expect(refused.err.split('\n')).toEqual([
      'beat 901: district: district d9 is a draft in the database, and a published entry cannot name it: publish it first, or import with --draft',
      `Nothing was changed in the database at ${where}.`,
    ]);
    expect(await everyRow()).toEqual(before);
  });

  it('upserts meetings by id, keeping their cancelled and moved dates and moving "updated" on when the schedule changes', async () => {
    await db.query(`insert into public.meeting_exceptions (meeting_id, position, occurrence_date, status, published) values ('beat-101', 0, '2026-02-10', 'cancelled', true)`);
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'meetings.csv',
      [
        MEETINGS_HEADER,
        'beat-101,Beat 101 meeting,beat_meeting,101,,Library,1 Main St,-87.9,41.1,,2026-01-13T19:00,90,FREQ=MONTHLY;BYDAY=2TU,,,',
        ',Beat 301 walk,beat_meeting,301,,Park,2 Elm St,-87,41.1,,2026-03-03T09:00,60,,,,',
      ].join('\n'),
    );

    const imported = await importing('meetings', file);

    expect(imported).toMatchObject({ code: exit.ok, err: '' });
    expect(imported.out.split('\n')).toEqual([
      `2 rows read → ${where}: meetings: 1 added (beat-301-walk), 1 changed (beat-101), 0 unchanged`,
      'kept the exceptions (cancelled or moved dates) of beat-101 from the rows they update',
    ]);
    expect(await row('meetings', 'meeting_id', 'beat-101')).toMatchObject({ schedule_start: '2026-01-13T19:00', updated_local: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/) });
    expect(await row('meeting_exceptions', 'meeting_id', 'beat-101')).toMatchObject({ occurrence_date: '2026-02-10', status: 'cancelled' });
    expect(await row('meetings', 'meeting_id', 'beat-301-walk')).toMatchObject({ beats: ['301'], updated_local: null, published: true });
  });

  it('refuses meetings naming a beat the database lacks or a draft, one line each, and changes nothing', async () => {
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'meetings.csv',
      [
        MEETINGS_HEADER,
        'beat-101,Beat 101 meeting,beat_meeting,101 999,,Library,1 Main St,-87.9,41.1,,2026-01-13T18:00,90,FREQ=MONTHLY;BYDAY=2TU,,,',
        ',Council,district_advisory_council,302,d9,Hall,3 Oak St,-86.9,41.1,,2026-03-04T18:00,60,,,,',
      ].join('\n'),
    );
    const before = await everyRow();

    const refused = await importing('meetings', file);

    expect(refused.code).toBe(exit.problems);
    expect(refused.err.split('\n')).toEqual([
      'row 2, column beats: there is no beat 999 in the database',
      'row 3, column beats: beat 302 is a draft in the database, and a published entry cannot name it: publish it first, or import with --draft',
      'row 3, column district: district d9 is a draft in the database, and a published entry cannot name it: publish it first, or import with --draft',
      `Nothing was changed in the database at ${where}.`,
    ]);
    expect(await everyRow()).toEqual(before);
  });

  it('upserts the officer roster by id, keeping each officer’s photo, and the database then publishes a jurisdiction that validates', async () => {
    await db.query(`update public.officers set photo = 'ana-lopez.jpg', photo_alt = 'Ana at the station' where officer_id = 'ana-lopez'`);
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'roster.csv',
      [OFFICERS_HEADER, 'ana-lopez,Ana Lopez,Sergeant,sergeant,101 102,,en es,,,,', ',Cara Diaz,Officer,Beat officer,301; 401,,en,cara.diaz@police.example,,,'].join('\n'),
    );

    const imported = await importing('officers', file);

    expect(imported).toMatchObject({ code: exit.ok, err: '' });
    expect(imported.out.split('\n')).toEqual([
      `2 rows read → ${where}: officers: 1 added (cara-diaz), 1 changed (ana-lopez), 0 unchanged`,
      'kept the photos of ana-lopez from the rows they update',
    ]);
    expect(await row('officers', 'officer_id', 'ana-lopez')).toMatchObject({ rank: 'Sergeant', role: 'sergeant', photo: 'ana-lopez.jpg', photo_alt: 'Ana at the station' });
    expect(await row('officers', 'officer_id', 'cara-diaz')).toMatchObject({ beats: ['301', '401'], contact_email: 'cara.diaz@police.example', published: true });
    expect(await row('officers', 'officer_id', 'ben-okafor')).toMatchObject({ beats: ['201'], published: true });

    const out = await tempDir();
    await writeFixture(out, 'officers/ana-lopez.jpg', 'a photo');
    expect((await openbeat('export', out, '--database', freshUrl)).code).toBe(exit.ok);
    expect(validateContent(out).problems).toEqual([]);
  });

  it('refuses an officer serving a draft beat unless the officer is a draft too', async () => {
    const dir = await tempDir();
    const file = await writeFixture(dir, 'roster.csv', [OFFICERS_HEADER, ',Dan Eze,Officer,beat_officer,302,,en,,,,'].join('\n'));
    const before = await everyRow();

    const refused = await importing('officers', file);
    expect(refused.code).toBe(exit.problems);
    expect(refused.err.split('\n')[0]).toBe(
      'row 2, column beats: beat 302 is a draft in the database, and a published entry cannot name it: publish it first, or import with --draft',
    );
    expect(await everyRow()).toEqual(before);

    const drafted = await importing('officers', file, '--draft');
    expect(drafted.out).toBe(`1 rows read → ${where}: officers: 1 added (dan-eze), 0 changed, 0 unchanged (the added ones as drafts)`);
    expect(await row('officers', 'officer_id', 'dan-eze')).toMatchObject({ beats: ['302'], published: false });
  });

  it('says in one line what the tables’ own rules refuse that the schema lets through, and changes nothing', async () => {
    const dir = await tempDir();
    const email = `${'a'.repeat(250)}@police.example`;
    const file = await writeFixture(dir, 'roster.csv', [OFFICERS_HEADER, `,Fay Long,Officer,beat_officer,101,,en,${email},,,`].join('\n'));
    const before = await everyRow();
    const refused = await importing('officers', file);
    expect(refused.code).toBe(exit.problems);
    expect(refused.err.split('\n')).toEqual([
      expect.stringMatching(/^the database refused the import: .*officers_contact_email_format/),
      `Nothing was changed in the database at ${where}.`,
    ]);
    expect(await everyRow()).toEqual(before);
  });

  it('writes nothing into the database for a roster with a bad row', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'roster.csv');
    await writeFile(file, [OFFICERS_HEADER, 'ana-lopez,Ana Lopez,Lieutenant,lieutenant,101,,en,,,,', ',Eve Bad,Officer,patrol,101,,en,,,,'].join('\n'));
    const before = await everyRow();
    const refused = await importing('officers', file);
    expect(refused.code).toBe(exit.problems);
    expect(refused.err.split('\n')[0]).toMatch(/^row 3, column role: "patrol" is not a role/);
    expect(await everyRow()).toEqual(before);
  });
});
