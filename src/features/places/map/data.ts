// The finder map's files, made once per build from the content folder, for
// the endpoints under src/pages/map/ to write out.
import type { StyleSpecification } from 'maplibre-gl';
import { jurisdiction } from '../../../lib/content/jurisdiction.ts';
import { areas, labels, mapView, streetLines, type Areas, type Labels, type MapView, type StreetLines } from './basemap.ts';
import { basemapStyle } from './style.ts';
import { extent } from './tiles.ts';

export interface MapData {
  style: StyleSpecification;
  view: MapView;
  labels: Labels;
  /** The beat and district boundaries, to cut into tiles. */
  areas: Areas;
  /** The streets, joined block to block, to cut into tiles; absent for a folder with no streets. */
  streets?: StreetLines | undefined;
}

let made: Promise<MapData> | undefined;

export function mapData(): Promise<MapData> {
  made ??= make();
  return made;
}

// From the same content the pages use (already validated by the build).
async function make(): Promise<MapData> {
  const { site, districts, beats, streets: network } = await jurisdiction();
  const streets = network.features.length > 0 ? streetLines(network) : undefined;
  const boundaries = areas(districts, beats);
  return {
    style: basemapStyle({ streets: streets && extent(streets) }),
    view: mapView(site.map.bounds, beats, extent(boundaries) ?? null),
    labels: labels(districts, beats),
    areas: boundaries,
    streets,
  };
}
