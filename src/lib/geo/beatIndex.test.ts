import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type BeatArea, createBeatIndex } from './beatIndex.ts';

const ring = (...corners: Position[]): Position[] => [...corners, corners[0]!];
const box = (minX: number, minY: number, maxX: number, maxY: number): Position[] =>
  ring([minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY]);
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const beat = (id: string, boundary: BeatArea['boundary']): BeatArea => ({ id, district: 'D1', boundary });

// Four unit squares meeting at (1, 1). The ids are chosen so that alphabetical order differs
// from the order below, and from the reverse.
const southWest = beat('south-west', polygon(box(0, 0, 1, 1)));
const southEast = beat('south-east', polygon(box(1, 0, 2, 1)));
const northWest = beat('north-west', polygon(box(0, 1, 1, 2)));
const northEast = beat('north-east', polygon(box(1, 1, 2, 2)));
const quadrants = [southWest, southEast, northWest, northEast];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

// An L-shaped beat: the square (0,0)-(2,2) without its north-east quarter.
const lShaped = beat('ell', polygon(ring([0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2])));

// Downtown surrounds the civic centre, which fills downtown's hole exactly.
const downtown = beat('downtown', polygon(box(0, 0, 4, 4), box(1, 1, 3, 3)));
const civicCentre = beat('civic-centre', polygon(box(1, 1, 3, 3)));

describe('createBeatIndex', () => {
  it('finds the beat that contains an interior point, returning the caller’s own object', () => {
    const index = createBeatIndex(quadrants);
    expect(index.size).toBe(4);
    expect(index.locate(0.5, 0.5)).toBe(southWest);
    expect(index.locate(1.5, 0.5)).toBe(southEast);
    expect(index.locate(0.5, 1.5)).toBe(northWest);
    expect(index.locate(1.5, 1.5)).toBe(northEast);
  });

  it('finds no beat for a point outside every beat', () => {
    const index = createBeatIndex(quadrants);
    expect(index.locate(2.5, 0.5)).toBeUndefined();
    expect(index.locate(-0.001, 1)).toBeUndefined();
  });

  it('finds no beat for a point in a beat’s bounding box but outside the beat itself', () => {
    const index = createBeatIndex([lShaped]);
    expect(index.locate(0.5, 1.5)).toBe(lShaped);
    expect(index.locate(1.5, 1.5)).toBeUndefined();
  });

  it('puts a point on an outer boundary shared with no other beat in that beat', () => {
    const index = createBeatIndex(quadrants);
    expect(index.locate(0, 0.5)).toBe(southWest);
    expect(index.locate(0, 0)).toBe(southWest);
    expect(index.locate(2, 2)).toBe(northEast);
    const ell = createBeatIndex([lShaped]);
    expect(ell.locate(1.5, 1)).toBe(lShaped);
    expect(ell.locate(1, 1)).toBe(lShaped);
  });

  it('gives a point on an edge shared by two beats to the smaller id, whatever the input order', () => {
    for (const order of permutations(quadrants)) {
      const index = createBeatIndex(order);
      expect(index.locate(1, 0.5)?.id).toBe('south-east'); // south-west | south-east
      expect(index.locate(0.5, 1)?.id).toBe('north-west'); // south-west | north-west
      expect(index.locate(1, 1.5)?.id).toBe('north-east'); // north-west | north-east
    }
  });

  it('gives a point on a diagonal shared edge to the smaller id, whatever the input order', () => {
    const upper = beat('upper', polygon(ring([0, 0], [1, 1], [0, 1])));
    const lower = beat('lower', polygon(ring([0, 0], [1, 0], [1, 1])));
    for (const order of [[upper, lower], [lower, upper]]) {
      const index = createBeatIndex(order);
      expect(index.locate(0.3, 0.3)).toBe(lower);
      expect(index.locate(0.3, 0.30000001)).toBe(upper);
    }
  });

  it('gives the vertex where four beats meet to the smallest id, whatever the input order', () => {
    for (const order of permutations(quadrants)) {
      expect(createBeatIndex(order).locate(1, 1)?.id).toBe('north-east');
    }
  });

  it('compares ids as plain strings, not as numbers or by locale', () => {
    const b9 = beat('B9', polygon(box(0, 0, 1, 1)));
    const b10 = beat('B10', polygon(box(1, 0, 2, 1)));
    const lower = beat('a', polygon(box(0, 0, 1, 1)));
    const upper = beat('Z', polygon(box(1, 0, 2, 1)));
    expect(createBeatIndex([b9, b10]).locate(1, 0.5)).toBe(b10);
    expect(createBeatIndex([lower, upper]).locate(1, 0.5)).toBe(upper);
  });

  it('prefers a beat containing the point strictly over one it only touches', () => {
    // Overlapping beats are a data error, but the answer must still not depend on order.
    const touching = beat('a', polygon(box(0, 0, 1, 1)));
    const containing = beat('z', polygon(box(0.5, 0, 1.5, 1)));
    for (const order of [[touching, containing], [containing, touching]]) {
      expect(createBeatIndex(order).locate(1, 0.5)).toBe(containing);
    }
  });

  it('keeps a point in a beat’s hole out of that beat', () => {
    const index = createBeatIndex([downtown]);
    expect(index.locate(0.5, 0.5)).toBe(downtown);
    expect(index.locate(2, 2)).toBeUndefined();
  });

  it('puts a point in a hole in the beat that fills it, and one on the hole’s ring in the smaller id', () => {
    for (const order of [[downtown, civicCentre], [civicCentre, downtown]]) {
      const index = createBeatIndex(order);
      expect(index.locate(2, 2)).toBe(civicCentre);
      expect(index.locate(3.5, 2)).toBe(downtown);
      expect(index.locate(1, 2)).toBe(civicCentre); // 'civic-centre' < 'downtown'
      expect(index.locate(3, 3)).toBe(civicCentre);
    }
    const renamed = beat('aaa-downtown', downtown.boundary);
    expect(createBeatIndex([civicCentre, renamed]).locate(1, 2)).toBe(renamed);
    expect(createBeatIndex([civicCentre, renamed]).locate(2, 2)).toBe(civicCentre);
  });

  it('finds a MultiPolygon beat in each of its separate parts, and not in the gap between them', () => {
    const islands = beat('islands', {
      type: 'MultiPolygon',
      coordinates: [[box(10, 0, 11, 1)], [box(12, 0, 13, 1)]],
    });
    const index = createBeatIndex([islands, ...quadrants]);
    expect(index.locate(10.5, 0.5)).toBe(islands);
    expect(index.locate(12.5, 0.5)).toBe(islands);
    expect(index.locate(11.5, 0.5)).toBeUndefined();
    expect(index.locate(0.5, 0.5)).toBe(southWest);
  });

  it('returns undefined for coordinates that are not a valid longitude and latitude', () => {
    const world = beat('world', polygon(box(-180, -90, 180, 90)));
    const index = createBeatIndex([world]);
    expect(index.locate(0, 0)).toBe(world);
    expect(index.locate(Number.NaN, 0)).toBeUndefined();
    expect(index.locate(0, Number.NaN)).toBeUndefined();
    expect(index.locate(Number.POSITIVE_INFINITY, 0)).toBeUndefined();
    expect(index.locate(180.5, 0)).toBeUndefined();
    expect(index.locate(0, -90.5)).toBeUndefined();
  });

  it('accepts an empty list of beats and then finds nothing', () => {
    const index = createBeatIndex([]);
    expect(index.size).toBe(0);
    expect(index.locate(0.5, 0.5)).toBeUndefined();
  });

  it('refuses duplicate ids, unclosed rings and coordinates that are not lon/lat when loading', () => {
    expect(() => createBeatIndex([southWest, beat('south-west', polygon(box(5, 5, 6, 6)))])).toThrow(/south-west/);
    const unclosed = polygon([[0, 0], [1, 0], [1, 1], [0, 1]]);
    expect(() => createBeatIndex([beat('open', unclosed)])).toThrow(/open/);
    expect(() => createBeatIndex([beat('nan', polygon(box(0, 0, Number.NaN, 1)))])).toThrow(/nan/);
    // Web Mercator metres, a common mistake when exporting beats from a GIS.
    const projected = polygon(box(-13_630_000, 6_040_000, -13_620_000, 6_050_000));
    expect(() => createBeatIndex([beat('mercator', projected)])).toThrow(/mercator/);
    expect(() => createBeatIndex([beat('empty', { type: 'MultiPolygon', coordinates: [] })])).toThrow(/empty/);
  });
});
