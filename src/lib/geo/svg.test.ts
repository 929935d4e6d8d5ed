import { describe, expect, it } from 'vitest';
import { svgFrame } from './svg.ts';

const square = { type: 'Polygon' as const, coordinates: [[[0, 60], [2, 60], [2, 61], [0, 61], [0, 60]]] };

describe('svgFrame', () => {
  it('keeps shapes true: a degree of longitude at 60° north is half a degree of latitude wide', () => {
    const frame = svgFrame([square], 208, 4);
    // 2° of longitude × cos(60.5°) ≈ 0.985 of latitude: the box is about as tall as wide.
    expect(frame.viewBox).toMatch(/^0 0 208 (20[0-9]|21[0-9])$/);
  });

  it('puts north at the top and west on the left', () => {
    const frame = svgFrame([square], 100, 0);
    expect(frame.point([0, 61])).toEqual([0, 0]);
    const [x, y] = frame.point([2, 60]);
    expect(x).toBe(100);
    expect(y).toBeGreaterThan(0);
  });

  it('draws holes and every part of a multipolygon as closed subpaths', () => {
    const frame = svgFrame([square]);
    const withHole = { type: 'Polygon' as const, coordinates: [...square.coordinates, [[0.5, 60.2], [1, 60.2], [1, 60.4], [0.5, 60.2]]] };
    expect(frame.path(withHole).match(/M/g)).toHaveLength(2);
    expect(frame.path({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] }).match(/Z/g)).toHaveLength(2);
  });
});
