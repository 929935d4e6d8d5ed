import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { areaAround, areaCentre, areaFromCorners, convexHull, isWatchAreaShape, metresToOutline, midpointOf, positionCount, type LonLat } from './watchArea.ts';

const closed = (ring: number[][]) => [...ring, ring[0]!];
const square = closed([
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
]);

describe('isWatchAreaShape', () => {
  it('takes closed Polygons and MultiPolygons of [lon, lat] positions', () => {
    expect(isWatchAreaShape({ type: 'Polygon', coordinates: [square] })).toBe(true);
    expect(isWatchAreaShape({ type: 'MultiPolygon', coordinates: [[square], [square, square]] })).toBe(true);
  });

  it('refuses other geometry types, open or short rings, and empty shapes', () => {
    expect(isWatchAreaShape({ type: 'LineString', coordinates: square })).toBe(false);
    expect(isWatchAreaShape({ type: 'Polygon', coordinates: [square.slice(0, -1)] })).toBe(false);
    expect(isWatchAreaShape({ type: 'Polygon', coordinates: [closed([[0, 0], [1, 1]])] })).toBe(false);
    expect(isWatchAreaShape({ type: 'Polygon', coordinates: [] })).toBe(false);
    expect(isWatchAreaShape({ type: 'MultiPolygon', coordinates: [[]] })).toBe(false);
    expect(isWatchAreaShape([square])).toBe(false);
    expect(isWatchAreaShape(null)).toBe(false);
  });

  it('refuses positions out of range, with altitude, or not numbers', () => {
    const withCorner = (corner: unknown) => ({ type: 'Polygon', coordinates: [[[0, 0], corner, [1, 1], [0, 0]]] });
    expect(isWatchAreaShape(withCorner([180, 90]))).toBe(true);
    for (const corner of [[180.1, 0], [0, -90.5], [1, 0, 5], ['1', '0'], [1], null]) expect(isWatchAreaShape(withCorner(corner))).toBe(false);
  });
});

describe('areaAround', () => {
  const block: LonLat[] = [
    [-88.262386, 41.096028],
    [-88.260001, 41.095947],
  ];

  it('makes a single block the strip of houses along it', () => {
    const area = areaAround(block)!;
    expect(isWatchAreaShape(area)).toBe(true);
    for (const corner of block) expect(booleanPointInPolygon(corner, area)).toBe(true);
    // 25 metres either side: a house across the street is in, a house two blocks away is not.
    expect(booleanPointInPolygon([-88.2612, 41.096 + 0.0002], area)).toBe(true);
    expect(booleanPointInPolygon([-88.2612, 41.096 + 0.0006], area)).toBe(false);
  });

  it('covers every chosen street, and stays well within the vertex limit', () => {
    const streets: LonLat[] = Array.from({ length: 2000 }, (_, i) => [-88.26 + 0.01 * Math.cos(i / 300), 41.1 + 0.01 * Math.sin(i / 300)]);
    const area = areaAround(streets)!;
    expect(positionCount(area)).toBeLessThan(500);
    for (const point of streets.filter((_, i) => i % 97 === 0)) expect(booleanPointInPolygon(point, area)).toBe(true);
  });

  it('is nothing for no streets', () => {
    expect(areaAround([])).toBeUndefined();
  });
});

describe('areaFromCorners', () => {
  it('needs three corners, and closes the ring whichever way round they were clicked', () => {
    expect(areaFromCorners([[0, 0], [1, 0]])).toBeUndefined();
    const clockwise = areaFromCorners([[0, 0], [0, 1], [1, 1], [1, 0]])!;
    expect(clockwise.coordinates[0]).toEqual([[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]]);
    expect(isWatchAreaShape(clockwise)).toBe(true);
  });
});

describe('areaCentre', () => {
  it('is the middle of the area’s outline, weighted by size', () => {
    expect(areaCentre({ type: 'Polygon', coordinates: [square] })).toEqual([0.5, 0.5]);
    const big = closed([[10, 10], [14, 10], [14, 14], [10, 14]]);
    const [lon, lat] = areaCentre({ type: 'MultiPolygon', coordinates: [[square], [big]] });
    expect(lon).toBeCloseTo((0.5 * 1 + 12 * 16) / 17);
    expect(lat).toBeCloseTo((0.5 * 1 + 12 * 16) / 17);
  });
});

describe('metresToOutline', () => {
  it('measures to the nearest side of the area, from inside or out', () => {
    const block = { type: 'Polygon' as const, coordinates: [closed([[-88.26, 41.1], [-88.25, 41.1], [-88.25, 41.11], [-88.26, 41.11]])] };
    // 0.0009 degrees of latitude is about 100 metres.
    expect(metresToOutline([-88.255, 41.1009], block)).toBeCloseTo(100, 0);
    expect(metresToOutline([-88.255, 41.0991], block)).toBeCloseTo(100, 0);
    expect(metresToOutline([-88.25, 41.105], block)).toBeCloseTo(0, 6);
  });
});

describe('convexHull and midpointOf', () => {
  it('keeps only the outside corners, counter-clockwise', () => {
    expect(convexHull([[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 0]])).toEqual([[0, 0], [2, 0], [2, 2], [0, 2]]);
  });

  it('finds the point halfway along a bent line', () => {
    const [lon, lat] = midpointOf([[0, 0], [0.001, 0], [0.001, 0.003]]);
    expect(lon).toBeCloseTo(0.001, 6);
    expect(lat).toBeGreaterThan(0.0009);
    expect(lat).toBeLessThan(0.0011);
  });
});
