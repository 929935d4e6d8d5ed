import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentFixture } from '../../../tests/support/contentFixture.ts';
import { contentRows } from './rows.ts';
import { publishedContent } from './publishedContent.ts';
import { validateContent, validatePublishedContent } from './validate.ts';

// A 4×4 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4kWIERwzEcQBCchXhIRsTawAAAABJRU5ErkJggg==', 'base64');

/**
 * What public.published_content() would answer for a content folder, as a stand-in API at its
 * own address, with the files of Storage's public bucket officer-photos (by name) beside it.
 */
function publishing(dir: string, change: (rows: Record<string, any>) => void = () => {}, photos: Record<string, Uint8Array> = {}) {
  const { content } = validateContent(dir);
  const rows: Record<string, any> = contentRows(content);
  change(rows);
  const fetch = vi.fn(async (url: string) => {
    const photo = /\/storage\/v1\/object\/public\/officer-photos\/(.+)$/.exec(url)?.[1];
    if (photo === undefined) return new Response(JSON.stringify(rows), { status: 200 });
    const bytes = photos[decodeURIComponent(photo)];
    return bytes ? new Response(new Uint8Array(bytes), { status: 200, headers: { 'content-type': 'image/png' } }) : new Response('{"message":"Object not found"}', { status: 400 });
  });
  vi.stubGlobal('fetch', fetch);
  // publishedContent keeps one answer an address for a build's whole process: a new address a test.
  return { api: { url: `http://api-${crypto.randomUUID()}.test`, anonKey: 'anon' }, fetch, folder: content };
}

describe('validatePublishedContent', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads what the database publishes as the folder holds it, in one call with the anon key', async () => {
    const { dir } = contentFixture();
    const { api, fetch, folder } = publishing(dir);
    const { content, problems, notes } = await validatePublishedContent(api, dir);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    expect(content).toEqual(folder);
    await validatePublishedContent(api, dir);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(`${api.url}/rest/v1/rpc/published_content`, expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ apikey: 'anon' }) }));
  });

  it('says what is wrong in one line each, naming the entry by its kind and id', async () => {
    const { dir } = contentFixture();
    const { api } = publishing(dir, (rows) => {
      rows.officers[0].beats = ['101', '102', '999'];
      rows.beats[2].district_id = '9';
      rows.meetings[0].schedule_duration_minutes = 1;
    });
    expect((await validatePublishedContent(api, dir)).problems).toEqual([
      expect.stringMatching(/^meeting beat-101: schedule\.durationMinutes: .*\(1\)$/),
      'beat 201: district: no district "9" is published',
      'officer ana-lopez: beats.2: no beat "999" is published',
    ]);
  });

  it('downloads an officer’s photo from Storage’s public address into a folder of the build, and names that file as the photo', async () => {
    const { dir } = contentFixture();
    const { api, fetch } = publishing(dir, (rows) => Object.assign(rows.officers[0], { photo: 'ana-lopez/v1.png', photo_alt: 'Ana Lopez' }), { 'ana-lopez/v1.png': png });
    const { content, problems, notes } = await validatePublishedContent(api, dir);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    expect(fetch).toHaveBeenCalledWith(`${api.url}/storage/v1/object/public/officer-photos/ana-lopez/v1.png`);
    const { photo, photoAlt } = content.officers[0]!;
    expect(photo).toMatch(/^ana-lopez-[0-9a-f]{16}\.png$/);
    expect(photoAlt).toBe('Ana Lopez');
    const published = await publishedContent(api);
    expect(readFileSync(path.join(published.photoFolder, photo as string))).toEqual(png);
  });

  it('builds an officer whose photo Storage does not have, or which is no image, with the placeholder, and says so', async () => {
    const { dir } = contentFixture();
    const { api } = publishing(
      dir,
      (rows) => {
        rows.officers[0].photo = 'ana-lopez/gone.webp';
        rows.officers[1].photo = 'second/not-an-image.png';
      },
      { 'second/not-an-image.png': new TextEncoder().encode('<html>') },
    );
    const { content, problems, notes } = await validatePublishedContent(api, dir);
    expect(problems).toEqual([]);
    expect(notes).toEqual([
      expect.stringMatching(/^officer ana-lopez: photo: 400 from Storage for ana-lopez\/gone\.webp, so their page shows the placeholder$/),
      `officer ${content.officers[1]!.id}: photo: second/not-an-image.png is not a JPEG, PNG or WebP image, so their page shows the placeholder`,
    ]);
    expect(content.officers[0]).not.toHaveProperty('photo');
    expect(content.officers[1]).not.toHaveProperty('photo');
  });

  it('refuses to build without published site settings, or when the API does not answer', async () => {
    const { dir } = contentFixture();
    const { api } = publishing(dir, (rows) => (rows.site = null));
    expect((await validatePublishedContent(api, dir)).problems).toEqual(['site: no site settings are published (jurisdiction, time zone, numbers, map)']);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"message":"no"}', { status: 503 })));
    const down = { url: 'http://down.test', anonKey: 'anon' };
    expect((await validatePublishedContent(down, dir)).problems).toEqual(['http://down.test: the published content could not be read (503 {"message":"no"})']);
  });
});
