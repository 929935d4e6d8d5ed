import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cutTiles, extent } from './tiles.ts';

// Two short streets in one z12 tile of the demo city, which at z14 lie in
// diagonally opposite tiles of a 2 × 2 block: the other two hold nothing.
const streets: FeatureCollection<LineString, { name: string }> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[-88.28, 41.088], [-88.275, 41.088]] }, properties: { name: 'E Crane St' } },
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[-88.255, 41.104], [-88.25, 41.104]] }, properties: { name: 'N Main St' } },
  ],
};
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe('cutTiles', () => {
  const tiles = cutTiles(streets, { name: 'streets', zooms: { min: 12, max: 14 } });

  it('covers the streets’ extent at every zoom of the tileset', () => {
    expect(tiles.filter((tile) => tile.z === 12)).toHaveLength(1);
    expect(new Set(tiles.map((tile) => tile.z))).toEqual(new Set([12, 13, 14]));
  });

  it('writes the tileset’s layer, with the street names, in the tiles the streets cross', () => {
    const [top] = tiles.filter((tile) => tile.z === 12);
    expect(text(top!.data)).toContain('streets');
    expect(text(top!.data)).toContain('E Crane St');
    expect(text(top!.data)).toContain('N Main St');
  });

  it('writes the tiles between the streets as empty files rather than leaving them out', () => {
    const z14 = tiles.filter((tile) => tile.z === 14);
    expect(z14.map(({ x, y, data }) => [x, y, data.length > 0])).toEqual([
      [4174, 6136, false],
      [4174, 6137, true],
      [4175, 6136, true],
      [4175, 6137, false],
    ]);
  });

  it('cuts nothing for an empty collection', () => {
    expect(cutTiles({ type: 'FeatureCollection', features: [] }, { name: 'streets', zooms: { min: 12, max: 14 } })).toEqual([]);
    expect(extent({ type: 'FeatureCollection', features: [] })).toBeUndefined();
  });
});
