import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentFixture } from '../../../tests/support/contentFixture.ts';
import { contentRows } from './rows.ts';
import { validateContent, validatePublishedContent } from './validate.ts';

/** What public.published_content() would answer for a content folder, as a stand-in API at its own address. */
function publishing(dir: string, change: (rows: Record<string, any>) => void = () => {}) {
  const { content } = validateContent(dir);
  const rows: Record<string, any> = contentRows(content);
  change(rows);
  const fetch = vi.fn(async () => new Response(JSON.stringify(rows), { status: 200 }));
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

  it('builds an officer whose row names a photo with the placeholder, and says so', async () => {
    const { dir } = contentFixture();
    const { api } = publishing(dir, (rows) => (rows.officers[0].photo = 'ana.jpg'));
    const { content, problems, notes } = await validatePublishedContent(api, dir);
    expect(problems).toEqual([]);
    expect(notes).toEqual(['officers ana-lopez: photos are not read from the database yet, so their pages show the placeholder']);
    expect(content.officers[0]).not.toHaveProperty('photo');
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
