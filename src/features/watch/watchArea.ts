// The area a neighbourhood watch group covers: what counts as one (the same
// rule as private.valid_watch_area in supabase/migrations), and how the form
// makes one from the streets a resident chose or the corners they clicked.
// Plain geometry, no map library: the form must work without the map.
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type WatchArea = Polygon | MultiPolygon;
export type LonLat = [lon: number, lat: number];

/**
 * At most this many positions in all (closing ones included): a few streets'
 * worth, drawn or chosen. More would only weigh on every page that draws it.
 */
export const maxAreaPositions = 500;

/** How far around the chosen streets the area reaches: the houses on both sides. */
export const streetBufferMetres = 25;

const isArray = Array.isArray as (value: unknown) => value is unknown[];

function isPosition(value: unknown): value is LonLat {
  if (!isArray(value) || value.length !== 2) return false;
  const [lon, lat] = value;
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

function isClosedRing(value: unknown): boolean {
  if (!isArray(value) || value.length < 4 || !value.every(isPosition)) return false;
  const [first, last] = [value[0] as LonLat, value[value.length - 1] as LonLat];
  return first[0] === last[0] && first[1] === last[1];
}

const polygonsOf = (area: { type: unknown; coordinates: unknown[] }): unknown[] | undefined =>
  area.type === 'Polygon' ? [area.coordinates] : area.type === 'MultiPolygon' ? area.coordinates : undefined;

/**
 * A GeoJSON Polygon or MultiPolygon with at least one polygon, every polygon
 * with at least one ring, every ring closed and at least four [lon, lat]
 * positions long, longitude within ±180 and latitude within ±90. Other members
 * of the object are ignored (and never stored).
 */
export function isWatchAreaShape(value: unknown): value is WatchArea {
  if (typeof value !== 'object' || value === null || isArray(value)) return false;
  const { type, coordinates } = value as Record<string, unknown>;
  if (!isArray(coordinates)) return false;
  const polygons = polygonsOf({ type, coordinates });
  if (!polygons || polygons.length === 0) return false;
  return polygons.every((polygon) => isArray(polygon) && polygon.length > 0 && polygon.every(isClosedRing));
}

export function positionCount(area: WatchArea): number {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polygons.reduce((sum, rings) => sum + rings.reduce((count, ring) => count + ring.length, 0), 0);
}

/** Only what a watch area is: a caller's other members are dropped before sending. */
export function bareArea(area: WatchArea): WatchArea {
  return area.type === 'Polygon' ? { type: 'Polygon', coordinates: area.coordinates } : { type: 'MultiPolygon', coordinates: area.coordinates };
}

// A city is small enough to treat as flat: metres east and north of a point.
const metresPerDegree = (Math.PI / 180) * 6_371_008.8;

interface Plane {
  toMetres(position: LonLat): [number, number];
  toLonLat(point: [number, number]): LonLat;
}

function planeAt([lon0, lat0]: LonLat): Plane {
  const east = metresPerDegree * Math.cos((lat0 * Math.PI) / 180);
  return {
    toMetres: ([lon, lat]) => [(lon - lon0) * east, (lat - lat0) * metresPerDegree],
    toLonLat: ([x, y]) => [lon0 + x / east, lat0 + y / metresPerDegree],
  };
}

const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** The convex hull, counter-clockwise (Andrew's monotone chain); one or two points come back as they are. */
export function convexHull(points: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const unique = sorted.filter((p, i) => i === 0 || p[0] !== sorted[i - 1]![0] || p[1] !== sorted[i - 1]![1]);
  if (unique.length < 3) return unique;
  const half = (list: Array<[number, number]>) => {
    const chain: Array<[number, number]> = [];
    for (const p of list) {
      while (chain.length >= 2 && cross(chain[chain.length - 2]!, chain[chain.length - 1]!, p) <= 0) chain.pop();
      chain.push(p);
    }
    chain.pop();
    return chain;
  };
  return [...half(unique), ...half([...unique].reverse())];
}

// About a metre's precision at most, in the six decimals the finder's files use too.
const round6 = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

function closedRing(corners: LonLat[]): Position[] {
  const rounded = corners.map(([lon, lat]) => [round6(lon), round6(lat)] as LonLat);
  const ring = rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1]![0] || p[1] !== rounded[i - 1]![1]);
  return [...ring, ring[0]!];
}

/**
 * The area around some streets: their convex hull widened by `metres` on every
 * side (the hull of a circle round each corner), so a single block becomes the
 * strip of houses along it. Undefined for no points.
 */
export function areaAround(points: readonly LonLat[], metres = streetBufferMetres, sides = 16): Polygon | undefined {
  if (points.length === 0) return undefined;
  const plane = planeAt(points[0]!);
  let hull = convexHull(points.map(plane.toMetres));
  // A long curving street can have a corner every few metres; a few hundred are plenty for the outline.
  const keepEvery = Math.ceil(hull.length / 300);
  if (keepEvery > 1) hull = hull.filter((_, i) => i % keepEvery === 0);
  const around = hull.flatMap(([x, y]) =>
    Array.from({ length: sides }, (_, i): [number, number] => {
      const angle = (2 * Math.PI * i) / sides;
      return [x + metres * Math.cos(angle), y + metres * Math.sin(angle)];
    }),
  );
  return { type: 'Polygon', coordinates: [closedRing(convexHull(around).map(plane.toLonLat))] };
}

/** The area whose corners a resident clicked, in order; undefined until there are three. */
export function areaFromCorners(corners: readonly LonLat[]): Polygon | undefined {
  if (corners.length < 3) return undefined;
  // Exterior rings go counter-clockwise in GeoJSON; a resident may click either way round.
  const ordered = signedArea(corners) < 0 ? [...corners].reverse() : [...corners];
  return { type: 'Polygon', coordinates: [closedRing(ordered)] };
}

function signedArea(ring: readonly LonLat[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** The centre of an area (its outer rings weighted by their size): where its beat is looked up. */
export function areaCentre(area: WatchArea): LonLat {
  const rings = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates).map((rings) => rings[0]!.map(([lon, lat]) => [lon!, lat!] as LonLat));
  let weight = 0;
  let lon = 0;
  let lat = 0;
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[i + 1]!;
      const step = x1 * y2 - x2 * y1;
      weight += step;
      lon += (x1 + x2) * step;
      lat += (y1 + y2) * step;
    }
  }
  if (Math.abs(weight) > 1e-15) return [lon / (3 * weight), lat / (3 * weight)];
  // No size at all (every corner on one line): the middle of the corners.
  const all = rings.flatMap((ring) => ring.slice(0, -1));
  return [all.reduce((s, p) => s + p[0], 0) / all.length, all.reduce((s, p) => s + p[1], 0) / all.length];
}

/** How far a point is from the outline of an area (any of its rings), in metres. */
export function metresToOutline(point: LonLat, area: WatchArea): number {
  const plane = planeAt(point);
  const rings = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates).flat();
  let nearest = Infinity;
  for (const ring of rings) {
    const corners = ring.map(([lon, lat]) => plane.toMetres([lon!, lat!]));
    for (let i = 0; i + 1 < corners.length; i++) {
      const [[ax, ay], [bx, by]] = [corners[i]!, corners[i + 1]!];
      const length = (bx - ax) ** 2 + (by - ay) ** 2;
      // The origin is the point itself: project it onto the side, within the side's ends.
      const share = length === 0 ? 0 : Math.min(1, Math.max(0, -(ax * (bx - ax) + ay * (by - ay)) / length));
      nearest = Math.min(nearest, Math.hypot(ax + share * (bx - ax), ay + share * (by - ay)));
    }
  }
  return nearest;
}

/** The point halfway along a street block: which beat the block is in. */
export function midpointOf(line: readonly LonLat[]): LonLat {
  if (line.length === 1) return line[0]!;
  const plane = planeAt(line[0]!);
  const points = line.map(plane.toMetres);
  const lengths = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i]![0], p[1] - points[i]![1]));
  let remaining = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    if (remaining <= lengths[i]! || i === lengths.length - 1) {
      const share = lengths[i]! === 0 ? 0 : Math.min(1, remaining / lengths[i]!);
      const [a, b] = [points[i]!, points[i + 1]!];
      return plane.toLonLat([a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share]);
    }
    remaining -= lengths[i]!;
  }
  return line[0]!;
}
