// Officers' photos in Storage's bucket officer-photos, through supabase-js as the
// workspace calls it: who may edit an officer's profile may write its photo
// (the officer themself, the supervisor of their district, a coordinator), no
// one else; everyone reads it at the bucket's public address; the bucket takes
// images of up to 2 MB only. The fixture (district zzA with beat zz1, district
// zzB, their officers and staff) is this run's own, beside the demo city.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInStaff } from '../support/staffClients.ts';
import { exit } from '../../src/cli/main.ts';
import { contentFixture } from '../support/contentFixture.ts';
import { freshDatabase } from '../support/freshDatabase.ts';
import { tempDir } from '../support/importFixtures.ts';
import { openbeat } from '../support/openbeat.ts';

const { url, anonKey, serviceRoleKey, databaseUrl, staffPassword } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);
const bucket = 'officer-photos';

const district = { zzA: `zzA-${run}`, zzB: `zzB-${run}` };
const beat = `zz1-${run}`;
const officer = `photo-officer-${run}`;

type Who = 'officer' | 'supervisorA' | 'supervisorB' | 'coordinator';
const staff: Record<Who, { role: string; officer_slug?: string; district?: string }> = {
  officer: { role: 'officer', officer_slug: officer },
  supervisorA: { role: 'supervisor', district: district.zzA },
  supervisorB: { role: 'supervisor', district: district.zzB },
  coordinator: { role: 'coordinator' },
};
const clients = {} as Record<Who, SupabaseClient>;
const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });

// A 4×4 PNG: a real image, as the build's pipeline would read it.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4kWIERwzEcQBCchXhIRsTawAAAABJRU5ErkJggg==', 'base64');
const image = (type = 'image/png', bytes: Uint8Array = png) => new Blob([new Uint8Array(bytes)], { type });

beforeAll(async () => {
  await db.connect();
  const area = { type: 'Polygon', coordinates: [[[-88, 41], [-87.9, 41], [-87.9, 41.1], [-88, 41]]] };
  await db.query(`insert into public.districts (district_id, name, boundary) values ($1, 'Fixture A', $3), ($2, 'Fixture B', $3)`, [district.zzA, district.zzB, area]);
  await db.query(`insert into public.beats (beat_id, name, district_id, boundary) values ($1, 'Fixture 1', $2, $3)`, [beat, district.zzA, area]);
  await db.query(`insert into public.officers (officer_id, name, rank, role, beats, languages) values ($1, 'Photo Officer', 'Officer', 'beat_officer', array[$2], '{en}')`, [officer, beat]);
  Object.assign(clients, await signedInStaff(db, { url, anonKey }, staff, (who) => `photos-${who}-${run}@example.org`));
});

afterAll(async () => {
  await db.query(`delete from storage.objects where bucket_id = $1 and name like $2`, [bucket, `${officer}/%`]);
  await db.end();
});

const publicUrl = (name: string) => anon.storage.from(bucket).getPublicUrl(name).data.publicUrl;

describe('officer photos in Storage', () => {
  it('lets an officer upload their own photo, which anyone then reads at the public address as the image it is', async () => {
    const name = `${officer}/own.png`;
    const { data, error } = await clients.officer.storage.from(bucket).upload(name, image(), { contentType: 'image/png' });
    expect(error).toBeNull();
    expect(data?.fullPath).toBe(`${bucket}/${name}`);

    const response = await fetch(publicUrl(name));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
    const { rows } = await db.query(`select owner, metadata ->> 'size' as size from storage.objects where bucket_id = $1 and name = $2`, [bucket, name]);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].size)).toBe(png.length);
  });

  it('replaces a photo only when asked to (upsert), and says the name is taken otherwise', async () => {
    const name = `${officer}/again.webp`;
    expect((await clients.officer.storage.from(bucket).upload(name, image('image/webp'))).error).toBeNull();
    const again = await clients.officer.storage.from(bucket).upload(name, image('image/webp'));
    expect(again.error?.message).toMatch(/already exists/);
    expect((await clients.officer.storage.from(bucket).upload(name, image('image/webp'), { upsert: true })).error).toBeNull();
  });

  it('lets the supervisor of the officer’s district and a coordinator write it, and refuses a supervisor of another district', async () => {
    expect((await clients.supervisorA.storage.from(bucket).upload(`${officer}/supervisor.png`, image())).error).toBeNull();
    expect((await clients.coordinator.storage.from(bucket).upload(`${officer}/coordinator.png`, image())).error).toBeNull();

    const refused = await clients.supervisorB.storage.from(bucket).upload(`${officer}/other-district.png`, image());
    expect(refused.error?.message).toMatch(/row-level security/);
    expect((await fetch(publicUrl(`${officer}/other-district.png`))).ok).toBe(false);
    // nor may they replace or remove what is there
    const replaced = await clients.supervisorB.storage.from(bucket).upload(`${officer}/supervisor.png`, image(), { upsert: true });
    expect(replaced.error).not.toBeNull();
    const removed = await clients.supervisorB.storage.from(bucket).remove([`${officer}/supervisor.png`]);
    expect(removed.data).toEqual([]);
    expect((await fetch(publicUrl(`${officer}/supervisor.png`))).status).toBe(200);
  });

  it('refuses anyone not signed in, and names that are not an officer’s photo', async () => {
    expect((await anon.storage.from(bucket).upload(`${officer}/anon.png`, image())).error?.message).toMatch(/row-level security/);
    expect((await clients.coordinator.storage.from(bucket).upload(`no-such-officer-${run}/x.png`, image())).error?.message).toMatch(/row-level security/);
    expect((await clients.officer.storage.from(bucket).upload(`${officer}.png`, image())).error?.message).toMatch(/row-level security/);
  });

  it('refuses a file over 2 MB and one that is not a JPEG, PNG or WebP image', async () => {
    const big = await clients.officer.storage.from(bucket).upload(`${officer}/big.png`, image('image/png', new Uint8Array(2 * 1024 * 1024 + 1)));
    expect(big.error?.message).toMatch(/maximum allowed size/);
    const gif = await clients.officer.storage.from(bucket).upload(`${officer}/photo.png`, image('image/gif'));
    expect(gif.error?.message).toMatch(/mime type image\/gif is not supported/);
    const text = await clients.officer.storage.from(bucket).upload(`${officer}/photo.png`, 'not an image', { contentType: 'text/plain' });
    expect(text.error?.message).toMatch(/not supported/);
    expect((await fetch(publicUrl(`${officer}/big.png`))).ok).toBe(false);
  });

  it('lets the officer remove their photo, after which it is gone from the public address', async () => {
    const name = `${officer}/removed.png`;
    expect((await clients.officer.storage.from(bucket).upload(name, image())).error).toBeNull();
    const { data, error } = await clients.officer.storage.from(bucket).remove([name]);
    expect(error).toBeNull();
    expect(data?.map((object) => object.name)).toEqual([name]);
    expect((await fetch(publicUrl(name))).ok).toBe(false);
  });

  it('saves the photo’s name and alt text on the profile through save_content, as any change of it', async () => {
    const name = `${officer}/saved.png`;
    expect((await clients.officer.storage.from(bucket).upload(name, image())).error).toBeNull();
    const { error } = await clients.officer.rpc('save_content', { kind: 'officer', item: { officer_id: officer, photo: name, photo_alt: 'Photo Officer, smiling' } });
    expect(error).toBeNull();
    const saved = await db.query(`select photo, photo_alt from public.officers where officer_id = $1`, [officer]);
    expect(saved.rows[0]).toEqual({ photo: name, photo_alt: 'Photo Officer, smiling' });
  });
});

describe('the local Storage emulation, as Supabase Storage answers', () => {
  it('serves a public file to anyone with no key, and takes no upload without one', async () => {
    const name = `${officer}/keyless.png`;
    expect((await clients.officer.storage.from(bucket).upload(name, image())).error).toBeNull();
    const response = await fetch(`${url}/storage/v1/object/public/${bucket}/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const keyless = await fetch(`${url}/storage/v1/object/${bucket}/${officer}/keyless2.png`, { method: 'POST', body: new Uint8Array(png), headers: { 'content-type': 'image/png' } });
    expect(keyless.status).toBe(401);
  });

  it('never serves a private bucket’s file at the public address, and refuses a name that climbs out of its bucket', async () => {
    const hidden = `hidden-${run}`;
    await db.query(`insert into storage.buckets (id, name, public) values ($1, $1, false)`, [hidden]);
    const service = createClient(url, serviceRoleKey, { auth: { persistSession: false } });
    expect((await service.storage.from(hidden).upload('secret.png', image())).error).toBeNull();
    expect((await fetch(`${url}/storage/v1/object/public/${hidden}/secret.png`)).ok).toBe(false);
    const climbing = await fetch(`${url}/storage/v1/object/public/${bucket}/..%2F${hidden}%2Fsecret.png`);
    expect(climbing.status).toBe(400);
    expect((await fetch(`${url}/storage/v1/object/public/${bucket}/%E0%A4%A.png`)).status).toBe(400);
    await db.query(`delete from storage.objects where bucket_id = $1`, [hidden]);
    await db.query(`delete from storage.buckets where id = $1`, [hidden]);
  });
});

describe('openbeat export with officers’ photos', () => {
  // A database of its own, as tests/db/content.test.ts makes one: the photo is in the stack's Storage, read at its public address.
  const fresh = freshDatabase(databaseUrl, staffPassword, `photos_${run}`);
  const freshUrl = fresh.url;
  const photo = `${officer}/exported.png`;

  beforeAll(async () => {
    await fresh.create();
    const { dir } = contentFixture();
    expect((await openbeat('import', 'content', dir, '--database', freshUrl)).code).toBe(exit.ok);
    const service = createClient(url, serviceRoleKey, { auth: { persistSession: false } });
    expect((await service.storage.from(bucket).upload(photo, image())).error).toBeNull();
    const other = new pg.Client({ connectionString: freshUrl });
    await other.connect();
    await other.query(`update public.officers set photo = $1, photo_alt = 'Ana Lopez at the station' where officer_id = 'ana-lopez'`, [photo]);
    await other.end();
  });
  afterAll(() => fresh.drop());

  it('writes the photo from Storage beside the officer’s file, named in it as a folder names its photos', async () => {
    const out = await tempDir();
    const exported = await openbeat('export', out, '--database', freshUrl, '--api', url);
    expect(exported).toMatchObject({ code: exit.ok, err: '' });
    expect(await readFile(path.join(out, 'officers', 'ana-lopez.png'))).toEqual(png);
    const ana = JSON.parse(await readFile(path.join(out, 'officers', 'ana-lopez.json'), 'utf8'));
    expect(ana).toMatchObject({ photo: 'ana-lopez.png', photoAlt: 'Ana Lopez at the station' });
  });

  it('says which photos it left out when it has no API to download them from, and exports the rest', async () => {
    const out = await tempDir();
    const exported = await openbeat('export', out, '--database', freshUrl);
    expect(exported.code).toBe(exit.ok);
    expect(exported.err).toMatch(/^officers ana-lopez: photos are in Storage, and no API address was given/);
    const ana = JSON.parse(await readFile(path.join(out, 'officers', 'ana-lopez.json'), 'utf8'));
    expect(ana).not.toHaveProperty('photo');
  });
});

describe('openbeat import content with officers’ photos', () => {
  const fresh = freshDatabase(databaseUrl, staffPassword, `photos_in_${run}`);
  beforeAll(() => fresh.create());
  afterAll(() => fresh.drop());

  /** The fixture folder, with a photo beside Ana Lopez's file, named in it. */
  async function folderWithPhoto(): Promise<string> {
    const { dir, write } = contentFixture();
    await writeFile(path.join(dir, 'officers', 'ana-lopez.png'), png);
    const ana = JSON.parse(await readFile(path.join(dir, 'officers', 'ana-lopez.json'), 'utf8'));
    write('officers/ana-lopez.json', { ...ana, photo: 'ana-lopez.png', photoAlt: 'Ana Lopez at the station' });
    return dir;
  }
  const photoOfAna = async () => {
    const other = new pg.Client({ connectionString: fresh.url });
    await other.connect();
    try {
      return (await other.query(`select photo, photo_alt from public.officers where officer_id = 'ana-lopez'`)).rows[0];
    } finally {
      await other.end();
    }
  };

  it('uploads each photo beside an officer’s file into Storage and names it on the profile, as the workspace names one', async () => {
    const dir = await folderWithPhoto();
    process.env.SUPABASE_SERVICE_ROLE_KEY = serviceRoleKey;
    const imported = await openbeat('import', 'content', dir, '--database', fresh.url, '--api', url).finally(() => delete process.env.SUPABASE_SERVICE_ROLE_KEY);
    expect(imported).toMatchObject({ code: exit.ok, err: '' });
    const { photo, photo_alt } = await photoOfAna();
    expect(photo).toMatch(/^ana-lopez\/[0-9a-f]{16}\.png$/);
    expect(photo_alt).toBe('Ana Lopez at the station');
    expect(Buffer.from(await (await fetch(publicUrl(photo))).arrayBuffer())).toEqual(png);
  });

  it('keeps the photo’s file name, as the folder has it, and says so, when there is no Storage to upload it to', async () => {
    const dir = await folderWithPhoto();
    const imported = await openbeat('import', 'content', dir, '--database', fresh.url);
    expect(imported.code).toBe(exit.ok);
    expect(imported.err).toMatch(/^officers ana-lopez: no Storage to upload their photos to .*: each keeps its file's name/);
    expect((await photoOfAna()).photo).toBe('ana-lopez.png');
  });
});
