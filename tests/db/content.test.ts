// The jurisdiction's content in the database. A content folder goes in with
// `openbeat import content` and comes back out with `openbeat export` as the
// same files, byte for byte; a folder with problems changes nothing. Through
// the API, residents read what is published, signed-in staff drafts too, and
// nobody writes anything.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeContentFolder } from '../../src/cli/content/files.ts';
import { exit } from '../../src/cli/main.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { contentFixture } from '../support/contentFixture.ts';
import { freshDatabase } from '../support/freshDatabase.ts';
import { snapshot, tempDir } from '../support/importFixtures.ts';
import { openbeat } from '../support/openbeat.ts';

const { url, anonKey, databaseUrl, staffPassword } = inject('stack');
const demoFolder = path.resolve('src/content');
const run = crypto.randomUUID().slice(0, 8);

/** The demo folder's files as an export writes them: all but the guides and the street network, which stay files. */
async function exportedPartOf(folder: string): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await snapshot(folder)).filter(([file]) => !file.startsWith('guides/') && file !== 'streets.geojson'));
}

describe('openbeat import content and openbeat export', () => {
  // A database of its own, migrated as a new project's is: the import replaces everything,
  // and the other test files share the stack's.
  const fresh = freshDatabase(databaseUrl, staffPassword, `content_${run}`);
  const freshUrl = fresh.url;
  const db = new pg.Client({ connectionString: freshUrl });

  beforeAll(async () => {
    await fresh.create();
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await fresh.drop();
  });

  /** Every row of every content table, as text: equal before and after means nothing changed. */
  const everyRow = async () => {
    const tables = ['site_settings', 'districts', 'beats', 'officers', 'meetings', 'meeting_exceptions', 'workshops'];
    const rows: Record<string, string[]> = {};
    for (const table of tables) rows[table] = (await db.query(`select t::text as row from public.${table} as t order by 1`)).rows.map((r) => r.row);
    return rows;
  };

  it('puts the demo folder into the database, all of it published, and exports it as the same files, byte for byte', async () => {
    const imported = await openbeat('import', 'content', demoFolder, '--database', freshUrl);
    expect(imported).toMatchObject({ code: exit.ok, err: '' });
    expect(imported.out).toContain('4 districts, 25 beats, 72 officers, 33 meetings, 28 priorities, 5 workshops, all published');
    const { rows } = await db.query(`select count(*)::int as drafts from public.beats where not published`);
    expect(rows[0].drafts).toBe(0);

    const out = await tempDir();
    const exported = await openbeat('export', out, '--database', freshUrl);
    expect(exported).toMatchObject({ code: exit.ok, err: '' });
    expect(await snapshot(out)).toEqual(await exportedPartOf(demoFolder));
  });

  it('leaves guides, the street network and officers’ photos in the folder it exports into, and removes entries the database no longer has', async () => {
    const out = await tempDir();
    await cp(demoFolder, out, { recursive: true });
    await writeFile(path.join(out, 'beats', '999.json'), '{}\n');
    await writeFile(path.join(out, 'officers', 'ana.jpg'), 'a photo');
    await writeFile(path.join(out, 'streets.geojson'), 'the streets\n');
    const guides = Object.entries(await snapshot(out)).filter(([file]) => file.startsWith('guides/'));

    expect((await openbeat('export', out, '--database', freshUrl)).code).toBe(exit.ok);
    const after = await snapshot(out);
    expect(after['beats/999.json']).toBeUndefined();
    expect(after['officers/ana.jpg']).toBe('a photo');
    expect(after['streets.geojson']).toBe('the streets\n');
    expect(Object.entries(after).filter(([file]) => file.startsWith('guides/'))).toEqual(guides);
  });

  it('keeps what the demo city leaves out: a photo and its text, a district without a station, an exception with its own venue, a zone, an update time, a link, a postal area', async () => {
    const { dir, write } = contentFixture();
    write('officers/ana-lopez.jpg', 'a photo');
    const [site] = JSON.parse(await readFile(path.join(dir, 'site.json'), 'utf8'));
    write('site.json', [{ ...site, postal: { state: 'IL', cities: ['Testville Heights'], zips: ['60601', '60602'] } }]);
    const ana = JSON.parse(await readFile(path.join(dir, 'officers', 'ana-lopez.json'), 'utf8'));
    write('officers/ana-lopez.json', { ...ana, photo: 'ana-lopez.jpg', photoAlt: 'Ana Lopez at the station' });
    const meeting = JSON.parse(await readFile(path.join(dir, 'meetings', 'beat-101.json'), 'utf8'));
    write('meetings/beat-101.json', {
      ...meeting,
      schedule: { ...meeting.schedule, timeZone: 'America/Chicago' },
      exceptions: [
        { date: '2026-03-10', status: 'moved', movedTo: '2026-03-17T18:30', venue: { name: 'Library annex', address: '3 Main St', location: [-87.91, 41.1], accessibility: 'Lift at the back' } },
        { date: '2026-02-10', status: 'cancelled', note: 'Snow' },
      ],
      updated: '2026-01-20T09:05',
      online: 'https://meet.example/beat-101',
    });
    // As an export writes them, so that equal bytes mean equal content.
    const { content, problems } = validateContent(dir);
    expect(problems).toEqual([]);
    await writeContentFolder(dir, content);

    expect((await openbeat('import', 'content', dir, '--database', freshUrl)).code).toBe(exit.ok);
    const out = await tempDir();
    expect((await openbeat('export', out, '--database', freshUrl)).code).toBe(exit.ok);
    const { 'officers/ana-lopez.jpg': photo, ...files } = await exportedPartOf(dir);
    expect(photo).toBe('a photo');
    expect(await snapshot(out)).toEqual(files);
    expect(files['districts/2.json']).not.toContain('station');
  });

  it('refuses a folder with a broken reference, with the validator’s one line, and changes nothing in the database', async () => {
    const broken = await tempDir();
    await cp(demoFolder, broken, { recursive: true });
    const beat = JSON.parse(await readFile(path.join(broken, 'beats', '101.json'), 'utf8'));
    await writeFile(path.join(broken, 'beats', '101.json'), JSON.stringify({ ...beat, district: '9' }));
    const before = await everyRow();

    const refused = await openbeat('import', 'content', broken, '--database', freshUrl);
    expect(refused.code).toBe(exit.problems);
    expect(refused.err.split('\n')).toEqual(['beats/101.json: district: no district "9" (no districts/9.json)', `1 problem in ${broken}: nothing was imported`]);
    expect(await everyRow()).toEqual(before);
  });
});

describe('the content tables through the API', () => {
  const db = new pg.Client({ connectionString: databaseUrl });
  const draft = `zz-draft-${run}`;
  const shown = `zz-shown-${run}`;
  const area = { type: 'Polygon', coordinates: [[[-88, 41], [-87.9, 41], [-87.9, 41.1], [-88, 41]]] };
  const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const staff = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const noRole = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const password = 'a long local test password';

  // Each table, a published row the stack's demo city holds, and this test's draft.
  const tables = [
    { table: 'districts', key: 'district_id', published: '1' },
    { table: 'beats', key: 'beat_id', published: '101' },
    { table: 'officers', key: 'officer_id', published: 'ahmed-alvarez' },
    { table: 'meetings', key: 'meeting_id', published: 'beat-101' },
    { table: 'workshops', key: 'workshop_id', published: 'robbery-prevention' },
  ] as const;

  const signIn = async (client: SupabaseClient, who: string, role?: string) => {
    const email = `${who}-${run}@example.org`;
    const { rows } = await db.query(`insert into auth.users (email, encrypted_password) values ($1, extensions.crypt($2, extensions.gen_salt('bf', 4))) returning id`, [
      email,
      password,
    ]);
    if (role) await db.query(`insert into public.staff_members (user_id, role, officer_slug) values ($1, $2, $3)`, [rows[0].id, role, `officer-${run}`]);
    const { error } = await client.auth.signInWithPassword({ email, password });
    if (error) throw error;
  };

  beforeAll(async () => {
    await db.connect();
    // As the database's owner, as an import writes: drafts the API must keep to staff.
    await db.query(`insert into public.districts (district_id, name, boundary) values ($1, 'Draft district', $2)`, [draft, area]);
    await db.query(`insert into public.beats (beat_id, name, district_id, boundary) values ($1, 'Draft beat', $1, $2)`, [draft, area]);
    await db.query(`insert into public.officers (officer_id, name, rank, role, district_id, languages) values ($1, 'Dee Raft', 'Officer', 'youth_officer', $1, '{en}')`, [draft]);
    const meeting = `insert into public.meetings (meeting_id, title, kind, district_id, venue_name, venue_address, venue_lon, venue_lat, schedule_start, schedule_duration_minutes, published)
                     values ($1, 'A meeting', 'youth', $2, 'Hall', '1 Main St', -87.95, 41.05, '2026-01-05T18:00', 60, $3)`;
    await db.query(meeting, [draft, draft, false]);
    await db.query(meeting, [shown, '1', true]);
    // A draft meeting's exception stays hidden even when published; a published meeting's draft exception too.
    await db.query(
      `insert into public.meeting_exceptions (meeting_id, position, occurrence_date, status, published)
       values ($1, 0, '2026-02-02', 'cancelled', true), ($2, 0, '2026-02-02', 'cancelled', true), ($2, 1, '2026-03-02', 'cancelled', false)`,
      [draft, shown],
    );
    await db.query(`insert into public.workshops (workshop_id, title, kind, description, duration_minutes, minimum_attendees) values ($1, 'Draft', 'survey', 'Not yet.', 60, 1)`, [draft]);
    await signIn(staff, 'staff', 'officer');
    await signIn(noRole, 'nobody');
  });
  afterAll(async () => {
    await db.query(`delete from public.meetings where meeting_id in ($1, $2)`, [draft, shown]);
    await db.query(`delete from public.workshops where workshop_id = $1`, [draft]);
    await db.query(`delete from public.officers where officer_id = $1`, [draft]);
    await db.query(`delete from public.beats where beat_id = $1`, [draft]);
    await db.query(`delete from public.districts where district_id = $1`, [draft]);
    await db.query(`delete from auth.users where email like $1`, [`%-${run}@example.org`]);
    await db.end();
  });

  const ids = async (client: SupabaseClient, table: string, key: string, wanted: string[]) => {
    const { data, error } = await client.from(table).select(key).in(key, wanted);
    if (error) throw error;
    return (data as unknown as Array<Record<string, string>>).map((row) => row[key]).sort();
  };
  const exceptions = async (client: SupabaseClient) => {
    const { data, error } = await client.from('meeting_exceptions').select('meeting_id, position').in('meeting_id', [draft, shown]);
    if (error) throw error;
    return data.map((row) => `${row.meeting_id === draft ? 'draft' : 'shown'} ${row.position}`).sort();
  };

  it('a new local database holds the demo city, published, for residents to read', async () => {
    const { data, error } = await anon.from('beats').select('beat_id').order('beat_id');
    expect(error).toBeNull();
    const files = Object.keys(await snapshot(path.join(demoFolder, 'beats'))).map((file) => file.replace(/\.json$/, ''));
    expect(data!.map((row) => row.beat_id)).toEqual(files.sort());
    const site = await anon.from('site_settings').select('jurisdiction, locales, map_center_lon');
    expect(site.data).toEqual([{ jurisdiction: 'Alderbrook', locales: ['en', 'es'], map_center_lon: expect.any(Number) }]);
  });

  it('residents, and signed-in accounts without a staff role, read what is published and never a draft', async () => {
    for (const client of [anon, noRole]) {
      for (const { table, key, published } of tables) expect(await ids(client, table, key, [published, draft]), table).toEqual([published]);
      expect(await exceptions(client)).toEqual(['shown 0']);
    }
  });

  it('signed-in staff read the drafts as well', async () => {
    for (const { table, key, published } of tables) expect(await ids(staff, table, key, [published, draft]), table).toEqual([published, draft].sort());
    expect(await exceptions(staff)).toEqual(['draft 0', 'shown 0', 'shown 1']);
  });

  it('the build’s one read, published_content, answers what is published and never a draft, even to signed-in staff', async () => {
    for (const client of [anon, staff]) {
      const { data, error } = await client.rpc('published_content');
      expect(error).toBeNull();
      const content = data as Record<string, Array<Record<string, unknown>>> & { site: { jurisdiction: string } };
      expect(content.site.jurisdiction).toBe('Alderbrook');
      for (const { table, key, published } of tables) {
        const listed = content[table]!.map((row) => row[key]);
        expect(listed, table).toContain(published);
        expect(listed, table).not.toContain(draft);
      }
      const exceptionsListed = content.meeting_exceptions!.filter((row) => row.meeting_id === draft || row.meeting_id === shown);
      expect(exceptionsListed.map((row) => `${row.meeting_id === draft ? 'draft' : 'shown'} ${row.position}`)).toEqual(['shown 0']);
      // Rows as rows.ts reads them: the publishing flag and the time stamp are the database's own.
      expect(Object.keys(content.beats![0]!).sort()).toEqual(['beat_id', 'boundary', 'district_id', 'name', 'neighbourhoods']);
    }
  });

  it('site settings in draft are staff’s only', async () => {
    await db.query(`update public.site_settings set published = false`);
    try {
      expect((await anon.from('site_settings').select('site_id')).data).toEqual([]);
      expect((await staff.from('site_settings').select('site_id')).data).toEqual([{ site_id: 'site' }]);
    } finally {
      await db.query(`update public.site_settings set published = true`);
    }
  });

  it('nobody writes content through the API: residents and signed-in staff insert, update and delete nothing', async () => {
    const before = (await db.query(`select count(*)::int as n, max(updated_at) as at from public.beats`)).rows[0];
    for (const client of [anon, staff]) {
      for (const { table, key, published } of [...tables, { table: 'site_settings', key: 'site_id', published: 'site' }, { table: 'meeting_exceptions', key: 'meeting_id', published: shown }]) {
        const inserted = await client.from(table).insert({ [key]: `zz-forged-${run}` } as never);
        const updated = await client.from(table).update({ published: true }).eq(key, published);
        const deleted = await client.from(table).delete().eq(key, published);
        expect([inserted.error?.code, updated.error?.code, deleted.error?.code], table).toEqual(['42501', '42501', '42501']);
      }
    }
    expect((await db.query(`select count(*)::int as n, max(updated_at) as at from public.beats`)).rows[0]).toEqual(before);
    expect((await db.query(`select published from public.meetings where meeting_id = $1`, [draft])).rows).toEqual([{ published: false }]);
  });
});
