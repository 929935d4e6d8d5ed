// The map's bulky data as static vector tiles (z/x/y.pbf files any static host
// serves), cut at build time: the streets, and the beat and district
// boundaries. Both grow with the jurisdiction (Chicago's published beats are
// 2.3 MB of GeoJSON); as tiles, a view downloads only the few that cover it,
// simplified to what its zoom can show.
import type { FeatureCollection } from 'geojson';
import { bbox } from '@turf/bbox';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

export interface Tile {
  z: number;
  x: number;
  y: number;
  /** The Mapbox Vector Tile; empty where the tile holds nothing. */
  data: Uint8Array<ArrayBuffer>;
}

export interface Tileset {
  /** Also the name of the one layer in each tile. */
  name: string;
  zooms: { min: number; max: number };
}

/** [west, south, east, north] of a collection, or undefined when it is empty. */
export function extent(collection: FeatureCollection): [number, number, number, number] | undefined {
  if (collection.features.length === 0) return undefined;
  const [west, south, east, north] = bbox(collection);
  return [west, south, east, north];
}

/**
 * Every tile of the tileset's zooms that the collection's extent touches.
 * Empty ones are kept (as empty files) so that MapLibre, which asks for every
 * tile within a source's bounds, never meets a 404.
 */
export function cutTiles(collection: FeatureCollection, { name, zooms }: Tileset): Tile[] {
  const box = extent(collection);
  if (!box) return [];
  const [west, south, east, north] = box;
  // The whole pyramid is cut up front (indexMaxZoom), as every tile is written anyway.
  const index = new GeoJSONVT(collection, { maxZoom: zooms.max, indexMaxZoom: zooms.max, indexMaxPoints: 0 });
  const tiles: Tile[] = [];
  for (let z = zooms.min; z <= zooms.max; z++) {
    for (let x = tileX(west, z); x <= tileX(east, z); x++) {
      for (let y = tileY(north, z); y <= tileY(south, z); y++) {
        const tile = index.getTile(z, x, y);
        const data = tile && tile.features.length > 0 ? fromGeojsonVt({ [name]: tile }, { version: 2, extent: 4096 }) : new Uint8Array();
        // Copied into an ArrayBuffer of its own, the form a Response body takes.
        tiles.push({ z, x, y, data: new Uint8Array(data) });
      }
    }
  }
  return tiles;
}

function tileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}

function tileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}
