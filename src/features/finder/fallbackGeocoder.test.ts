import { afterEach, describe, expect, it, vi } from 'vitest';
import { geocodeOutside } from './fallbackGeocoder.ts';

afterEach(() => vi.unstubAllGlobals());

describe('geocodeOutside', () => {
  it('sends only the address, encoded, without cookies or referrer, and reads the first place', async () => {
    const fetch = vi.fn(async () => Response.json([{ lat: '41.88', lon: '-87.63', display_name: '121 N LaSalle St, Chicago' }]));
    vi.stubGlobal('fetch', fetch);
    const found = await geocodeOutside('https://geo.example.org/search?format=json&q={query}', '121 N LaSalle St #2');
    expect(found).toEqual({ label: '121 N LaSalle St, Chicago', lon: -87.63, lat: 41.88 });
    expect(fetch).toHaveBeenCalledWith('https://geo.example.org/search?format=json&q=121%20N%20LaSalle%20St%20%232', {
      referrerPolicy: 'no-referrer',
      credentials: 'omit',
    });
  });

  it('finds nothing in an empty answer, and says which service failed', async () => {
    vi.stubGlobal('fetch', async () => Response.json([]));
    expect(await geocodeOutside('https://geo.example.org/?q={query}', 'nowhere')).toBeUndefined();
    vi.stubGlobal('fetch', async () => new Response('busy', { status: 503 }));
    await expect(geocodeOutside('https://geo.example.org/?q={query}', 'x')).rejects.toThrow('geo.example.org: 503');
  });
});
