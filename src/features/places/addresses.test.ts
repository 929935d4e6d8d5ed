// The finder page and `openbeat geocode` answer an address the same way: the page
// loads the catalog and chunks the build writes (addressFiles.ts), the command
// builds the same index from the same content folder, and both hand it to one
// geocoder. Checked here on the demo city, through each one's own entry point.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openbeat as run } from '../../../tests/support/openbeat.ts';
import { exit } from '../../cli/main.ts';
import { siteSchema, streetNetworkSchema } from '../../lib/content/schemas.ts';
import type { StreetNetwork } from '../../lib/geo/streets.ts';
import { loadAddressLookup } from './addresses.ts';
import { buildAddressIndex, postalArea } from './geocoder/buildAddressIndex.ts';

const content = path.resolve('src/content');
const site = siteSchema.parse((JSON.parse(readFileSync(path.join(content, 'site.json'), 'utf8')) as unknown[])[0]);
const streets = streetNetworkSchema.parse(JSON.parse(readFileSync(path.join(content, 'streets.geojson'), 'utf8'))) as StreetNetwork;

/** The finder's lookup, fetching the files a build of the demo city serves under /finder/addresses. */
async function finderLookup() {
  const { catalog, chunks } = buildAddressIndex(streets, { area: postalArea(site) });
  const files = new Map<string, unknown>([['/finder/addresses/catalog.json', catalog], ...[...chunks].map(([id, chunk]) => [`/finder/addresses/${id}.json`, chunk] as const)]);
  vi.stubGlobal('fetch', async (url: string) => {
    const file = files.get(url);
    return { ok: file !== undefined, status: file ? 200 : 404, json: async () => JSON.parse(JSON.stringify(file)) };
  });
  return loadAddressLookup('/finder/addresses');
}
afterEach(() => void vi.unstubAllGlobals());

describe('the finder and openbeat geocode', () => {
  const venue = (JSON.parse(readFileSync(path.join(content, 'meetings/beat-101.json'), 'utf8')) as { venue: { address: string } }).venue.address;
  const [number, ...street] = venue.split(' ');

  it.each([
    venue,
    `${venue} Apt 4B, ${site.jurisdiction}, IL 60601`,
    `${number} ${street.join(' ').toUpperCase()} #2 ${site.jurisdiction} IL`,
    `${number} ${street.slice(1).join(' ')}`,
    `${street.join(' ')} & ${street.join(' ')}`,
  ])('find the same places for "%s"', async (text) => {
    const lookup = await finderLookup();
    const fromFinder = await lookup.geocode(text);
    const { code, out } = await run('geocode', text, '--content', content);
    if (fromFinder.length === 0) {
      expect(code).toBe(exit.outside);
      return;
    }
    expect(code).toBe(exit.ok);
    // The command adds each place's beat and district; the places themselves are the same, in the same order.
    expect(JSON.parse(out)).toMatchObject(fromFinder);
  });

  it('both say an address with another city is outside the area the portal covers', async () => {
    const text = `${venue}, Springfield, IL 62704`;
    expect((await finderLookup()).outside(text)).toBe('Springfield');
    const { code, err } = await run('geocode', text, '--content', content);
    expect(code).toBe(exit.outside);
    expect(err).toMatch(/outside the area this portal covers/);
  });
});
