import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Catalog, Chunk } from '../finder/geocoder/addressIndex.ts';
import { streetChoiceLoader, streetChoices, streetPositions, streetsByBeat } from './beatStreets.ts';

// Two beats side by side, split at longitude 1; Elm St runs across both, Oak St only in the west.
const box = (west: number, east: number): Polygon => ({ type: 'Polygon', coordinates: [[[west, 0], [east, 0], [east, 1], [west, 1], [west, 0]]] });
const beats = [
  { id: 'W', boundary: box(0, 1) },
  { id: 'E', boundary: box(1, 2) },
];
const catalog: Catalog = {
  version: 1,
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
    const lists = streetsByBeat({ chunks }, beats);
    expect(lists).toEqual({ W: '0 1', E: '0' });
    expect(streetPositions(lists.W)).toEqual([0, 1]);
    expect(streetPositions(undefined)).toEqual([]);
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
  it('fetches the catalog once and only the chunks holding the beat’s streets', async () => {
    const fetched: string[] = [];
    const load = streetChoiceLoader('/finder/addresses', async (url) => {
      fetched.push(url);
      return url.endsWith('catalog.json') ? catalog : chunks.get(url.slice('/finder/addresses/'.length, -'.json'.length));
    });
    expect((await load([0], beats[1]!.boundary)).map((choice) => choice.name)).toEqual(['E Elm St']);
    await load([0], beats[0]!.boundary);
    expect(fetched).toEqual(['/finder/addresses/catalog.json', '/finder/addresses/a.json']);
  });
});
