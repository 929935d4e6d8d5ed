// Without a district field, a beat belongs to the district that contains it.
// Beats are drawn inside districts and share their edges, so the test point
// must lie strictly inside the beat: a point on its edge may lie on the
// district line, inside two districts at once.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Position } from 'geojson';
import type { Area } from './geojson.ts';
import { polygonsOf } from './geojson.ts';

export function interiorPoint(area: Area): Position {
  const point = pointOnFeature(area).geometry.coordinates;
  if (booleanPointInPolygon(point, area, { ignoreBoundary: true })) return point;
  // point-on-feature falls back to the vertex nearest the centre of the
  // bounding box, which for an L-shaped or curved beat is on its edge.
  return scanlinePoint(largestPolygon(area)) ?? point;
}

export function areasContaining<T extends { boundary: Area }>(point: Position, areas: T[]): T[] {
  return areas.filter((area) => booleanPointInPolygon(point, area.boundary));
}

/** The middle of the widest stretch of the polygon along the horizontal line halfway up it. */
function scanlinePoint(polygon: Position[][]): Position | undefined {
  let [low, high] = [Infinity, -Infinity];
  for (const position of polygon[0] ?? []) [low, high] = [Math.min(low, position[1]!), Math.max(high, position[1]!)];
  const y = (low + high) / 2;
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 1; i < ring.length; i++) {
      const [x1, y1] = ring[i - 1] as [number, number];
      const [x2, y2] = ring[i] as [number, number];
      if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  xs.sort((a, b) => a - b);
  let best: Position | undefined;
  let widest = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const [from, to] = [xs[i]!, xs[i + 1]!];
    if (to - from > widest) [widest, best] = [to - from, [(from + to) / 2, y]];
  }
  return best;
}

function largestPolygon(area: Area): Position[][] {
  const polygons = polygonsOf(area);
  const size = (polygon: Position[][]) => Math.abs(ringArea(polygon[0] ?? []));
  return polygons.reduce((largest, polygon) => (size(polygon) > size(largest) ? polygon : largest), polygons[0] ?? []);
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return sum / 2;
}
