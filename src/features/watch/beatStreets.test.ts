import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Catalog, Chunk } from '../places/geocoder/addressIndex.ts';
import { streetChoiceLoader, streetChoices, streetsByBeat } from './beatStreets.ts';

// Two beats side by side, split at longitude 1; Elm St runs across both, Oak St only in the west.
const box = (west: number, east: number): Polygon => ({ type: 'Polygon', coordinates: [[[west, 0], [east, 0], [east, 1], [west, 1], [west, 0]]] });
const beats = [
  { id: 'W', boundary: box(0, 1) },
  { id: 'E', boundary: box(1, 2) },
];
const catalog: Catalog = {
  version: 2,
  types: [],
  streets: [
    { name: 'Elm St', chunk: 'a', ranges: {} },
    { name: 'Oak St', chunk: 'b', ranges: {} },
  ],
};
const chunks = new Map<string, Chunk>([
  [
    'a',
    {
      streets: {
        '0': {
          blocks: [
            ['W', 100, 198, 101, 199, [[0.2, 0.5], [0.6, 0.5]]],
            ['E', 100, 198, 101, 199, [[1.2, 0.5], [1.6, 0.5]]],
            ['E', 200, 298, 201, 299, [[1.6, 0.5], [1.9, 0.5]]],
          ],
          crossings: [],
        },
      },
    },
  ],
  ['b', { streets: { '1': { blocks: [['', 0, 0, 1, 99, [[0.5, 0.1], [0.5, 0.9]]]], crossings: [] } } }],
]);

describe('streetsByBeat', () => {
  it('lists, for each beat, the streets with a block whose middle is in it', () => {
    expect(Object.fromEntries(streetsByBeat({ chunks }, beats))).toEqual({ W: { streets: [0, 1] }, E: { streets: [0] } });
  });

  it('gives a beat with no street an empty list rather than no file', () => {
    const empty = { id: 'N', boundary: box(5, 6) };
    expect(streetsByBeat({ chunks }, [...beats, empty]).get('N')).toEqual({ streets: [] });
  });
});

describe('streetChoices', () => {
  it('offers each street of the beat under its own prefix, with its house numbers there, by street name', () => {
    const choices = streetChoices(catalog, chunks, [0, 1], beats[1]!.boundary);
    expect(choices).toEqual([{ id: '0E', name: 'E Elm St', numbers: [100, 299], lines: [[[1.2, 0.5], [1.6, 0.5]], [[1.6, 0.5], [1.9, 0.5]]] }]);
    expect(streetChoices(catalog, chunks, [0, 1], beats[0]!.boundary).map((choice) => choice.name)).toEqual(['W Elm St', 'Oak St']);
  });
});

describe('streetChoiceLoader', () => {
  const files = { addresses: '/finder/addresses', beats: '/watch/beats' };
  const beatFiles = streetsByBeat({ chunks }, beats);
  const served = (fetched: string[], missing: ReadonlySet<string> = new Set()) => async (url: string) => {
    fetched.push(url);
    if (missing.has(url)) throw new Error(`${url}: 503`);
    if (url.startsWith('/watch/beats/')) return beatFiles.get(url.slice('/watch/beats/'.length, -'.json'.length));
    return url.endsWith('catalog.json') ? catalog : chunks.get(url.slice('/finder/addresses/'.length, -'.json'.length));
  };

  it('fetches the named beat’s file, the catalog once, and only the chunks holding that beat’s streets', async () => {
    const fetched: string[] = [];
    const load = streetChoiceLoader(files, served(fetched));
    expect((await load('E', Promise.resolve(beats[1]!.boundary))).map((choice) => choice.name)).toEqual(['E Elm St']);
    expect(fetched.sort()).toEqual(['/finder/addresses/a.json', '/finder/addresses/catalog.json', '/watch/beats/E.json']);
    fetched.length = 0;
    expect((await load('W', Promise.resolve(beats[0]!.boundary))).map((choice) => choice.name)).toEqual(['W Elm St', 'Oak St']);
    expect(fetched.sort()).toEqual(['/finder/addresses/b.json', '/watch/beats/W.json']);
  });

  it('fails when the beat’s file cannot be fetched, and fetches it again on the next try', async () => {
    const fetched: string[] = [];
    const missing = new Set(['/watch/beats/E.json']);
    const load = streetChoiceLoader(files, served(fetched, missing));
    await expect(load('E', Promise.resolve(beats[1]!.boundary))).rejects.toThrow('503');
    missing.clear();
    expect((await load('E', Promise.resolve(beats[1]!.boundary))).map((choice) => choice.name)).toEqual(['E Elm St']);
    expect(fetched.filter((url) => url === '/watch/beats/E.json')).toHaveLength(2);
  });
});
