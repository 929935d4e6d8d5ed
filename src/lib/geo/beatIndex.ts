// Which police beat contains a point: the lookup behind the "find your officer"
// page and `openbeat locate LON LAT`. The browser loads this module too, so it
// imports nothing from Node.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';

/** One police beat. Coordinates are WGS 84 [lon, lat], as in GeoJSON; holes are allowed. */
export interface BeatArea {
  /** Unique within the jurisdiction; it also settles ties on shared boundaries (see `locate`). */
  id: string;
  district: string;
  /** Beats are assumed not to cross the antimeridian. */
  boundary: Polygon | MultiPolygon;
}

export interface BeatIndex<B extends BeatArea = BeatArea> {
  /**
   * The beat containing the point, boundary included, or undefined when no beat does
   * or the coordinates are not a valid lon/lat (NaN, infinite, out of range).
   *
   * Boundaries are inclusive so that no point inside the jurisdiction falls through a
   * crack between two beats. A point on a street that divides beats touches several of
   * them, and residents there must always be sent to the same one, whatever order the
   * beats were loaded in:
   *   1. a beat that contains the point strictly inside wins over one it only touches
   *      (this only arises where beats overlap, which is a data error);
   *   2. among beats that only touch it, the smallest id wins, by plain string
   *      comparison (UTF-16 code units, not locale or numeric order: "B10" < "B9").
   * A point in a beat's hole is not in that beat.
   */
  locate(lon: number, lat: number): B | undefined;
  /** Number of beats indexed. */
  readonly size: number;
}

/**
 * Index the beats by bounding box, so a lookup tests only the few whose box holds the point.
 * Throws if two beats share an id (the tie-break would then depend on input order) or if
 * a boundary is malformed, so bad data fails when loaded rather than answering wrongly.
 */
export function createBeatIndex<B extends BeatArea>(beats: readonly B[]): BeatIndex<B> {
  // A copy, so the caller changing their array later cannot desynchronise the tree's positions.
  const indexed = [...beats];
  const ids = new Set<string>();
  for (const beat of indexed) {
    if (ids.has(beat.id)) throw new Error(`Beat ${beat.id} appears more than once`);
    ids.add(beat.id);
  }

  // Flatbush refuses zero items; an empty jurisdiction simply has no tree.
  let tree: Flatbush | undefined;
  if (indexed.length > 0) {
    tree = new Flatbush(indexed.length);
    for (const beat of indexed) tree.add(...boundsOf(beat));
    tree.finish();
  }

  return {
    size: indexed.length,
    locate(lon, lat) {
      if (!tree || !isLonLat(lon, lat)) return undefined;
      const point = [lon, lat];
      let best: B | undefined;
      let bestStrictlyInside = false;
      // The boxes are stored as Float64, and search includes touching boxes, so a point on
      // the edge of a beat's box is still a candidate.
      for (const i of tree.search(lon, lat, lon, lat)) {
        const beat = indexed[i];
        if (!beat || !booleanPointInPolygon(point, beat.boundary)) continue;
        const strictlyInside = booleanPointInPolygon(point, beat.boundary, { ignoreBoundary: true });
        const wins =
          best === undefined ||
          (strictlyInside && !bestStrictlyInside) ||
          (strictlyInside === bestStrictlyInside && beat.id < best.id);
        if (wins) {
          best = beat;
          bestStrictlyInside = strictlyInside;
        }
      }
      return best;
    },
  };
}

function isLonLat(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

function boundsOf(beat: BeatArea): [number, number, number, number] {
  const polygons = beat.boundary.type === 'Polygon' ? [beat.boundary.coordinates] : beat.boundary.coordinates;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const first = ring[0];
      const last = ring[ring.length - 1];
      // An unclosed ring loses its last edge in the point-in-polygon test, silently.
      if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
        throw new Error(`Beat ${beat.id} has a ring that is not closed or has fewer than 4 positions`);
      }
      for (const [x = NaN, y = NaN] of ring) {
        // Math.min/max carry NaN through, so a bad coordinate is caught below.
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  // Written so that NaN and an empty boundary (infinite bounds) fail it too. Out-of-range
  // values usually mean the file is in a projected system, which would match nothing.
  if (!(-180 <= minX && minX <= maxX && maxX <= 180 && -90 <= minY && minY <= maxY && maxY <= 90)) {
    throw new Error(`Beat ${beat.id} has no positions, or coordinates that are not WGS 84 lon/lat`);
  }
  return [minX, minY, maxX, maxY];
}
