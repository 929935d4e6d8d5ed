import { describe, expect, it } from 'vitest';
import type { StreetFeature, StreetNetwork, StreetSegment } from '../../../lib/geo/streets.ts';
import type { ChunkStreet } from './addressIndex.ts';
import { buildAddressIndex } from './buildAddressIndex.ts';

const segment = (name: string, prefix: StreetSegment['prefix'], coordinates: [number, number][], numbers = [1, 99, 0, 98]): StreetFeature => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates },
  properties: { name, ...(prefix ? { prefix } : {}), fromLeft: numbers[0]!, toLeft: numbers[1]!, fromRight: numbers[2]!, toRight: numbers[3]! },
});
const network = (...features: StreetFeature[]): StreetNetwork => ({ type: 'FeatureCollection', features });

// Birch St crosses Main St at (0, 0); Oak Ave meets neither.
const city = network(
  segment('Main St', 'N', [[0, 0], [0, 0.0018]]),
  segment('Birch St', 'E', [[0, 0], [0.0024, 0]], [0, 98, 1, 99]),
  segment('Birch St', 'E', [[0.0024, 0], [0.0048, 0]], [100, 198, 101, 199]),
  segment('Birch St', 'W', [[0, 0], [-0.0024, 0]], [1, 99, 0, 98]),
  segment('Oak Ave', undefined, [[1, 1], [1.0024, 1]], [0, 0, 1, 21]),
);

describe('buildAddressIndex', () => {
  it('lists each street once, alphabetically, with its house-number range under each prefix', () => {
    const { catalog } = buildAddressIndex(city);
    expect(catalog.streets.map(({ name, ranges }) => ({ name, ranges }))).toEqual([
      { name: 'Birch St', ranges: { E: [0, 199], W: [0, 99] } },
      { name: 'Main St', ranges: { N: [0, 99] } },
      { name: 'Oak Ave', ranges: { '': [1, 21] } },
    ]);
  });

  it('carries the rows of the USPS suffix table its street names use, and no others', () => {
    const { catalog } = buildAddressIndex(city);
    expect(catalog.types).toEqual([
      ['ave', 'avenue', 'av', 'aven', 'avenu', 'avn', 'avnue'],
      ['st', 'street', 'strt', 'str'],
    ]);
    expect(buildAddressIndex(network(segment('Broadway', undefined, [[0, 0], [0, 1]]))).catalog.types).toEqual([]);
  });

  it('treats names that differ only in spelling as one street', () => {
    const { catalog } = buildAddressIndex(network(
      segment('Saint Louis Avenue', 'N', [[0, 0], [0, 1]]),
      segment('St. Louis Ave', 'N', [[0, 1], [0, 2]], [101, 199, 100, 198]),
    ));
    expect(catalog.streets).toHaveLength(1);
    expect(catalog.streets[0]!.ranges).toEqual({ N: [0, 199] });
  });

  it('keeps every street whole in one chunk, and starts a new chunk once one reaches the target size', () => {
    const whole = buildAddressIndex(city);
    expect(whole.chunks.size).toBe(1);
    const split = buildAddressIndex(city, { targetChunkBytes: 1 });
    expect(split.chunks.size).toBe(3);
    split.catalog.streets.forEach((street, id) => {
      const holding = [...split.chunks].filter(([, chunk]) => chunk.streets[id] !== undefined).map(([chunkId]) => chunkId);
      expect(holding).toEqual([street.chunk]);
    });
    expect(split.chunks.get(split.catalog.streets[0]!.chunk)!.streets[0]!.blocks).toHaveLength(3);
  });

  it('rounds positions to six decimals, about ten centimetres', () => {
    const { chunks } = buildAddressIndex(network(segment('Oak Ave', 'N', [[-88.12345678, 41.98765432], [-88.1, 42]])));
    const [chunk] = chunks.values();
    expect(chunk!.streets[0]!.blocks[0]![5]).toEqual([[-88.123457, 41.987654], [-88.1, 42]]);
  });

  it('records where two streets meet once, with the street that comes first in the catalog', () => {
    const { chunks } = buildAddressIndex(city, { targetChunkBytes: 1 });
    const streets: Record<string, ChunkStreet> = Object.assign({}, ...[...chunks.values()].map((chunk) => chunk.streets));
    expect(streets[0]?.crossings).toEqual([[1, 0, 0]]);
    expect(streets[1]?.crossings).toEqual([]);
    expect(streets[2]?.crossings).toEqual([]);
  });

  it('names each chunk after its content, so a rebuilt city only changes the names of chunks that changed', () => {
    const first = buildAddressIndex(city, { targetChunkBytes: 1 });
    const again = buildAddressIndex(city, { targetChunkBytes: 1 });
    expect([...again.chunks.keys()]).toEqual([...first.chunks.keys()]);
    const moved = buildAddressIndex(network(...city.features.slice(0, 4), segment('Oak Ave', undefined, [[2, 2], [2.0024, 2]], [0, 0, 1, 21])), { targetChunkBytes: 1 });
    expect(moved.catalog.streets.map((street) => street.chunk === first.catalog.streets.find((s) => s.name === street.name)?.chunk)).toEqual([true, true, false]);
  });
});
