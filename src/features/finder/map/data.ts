// The finder map's files, made once per build from the content folder, for
// the endpoints under src/pages/map/ to write out.
import type { StyleSpecification } from 'maplibre-gl';
import { contentDir } from '../../../lib/content/folder.ts';
import { validateContent } from '../../../lib/content/validate.ts';
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

let made: MapData | undefined;

export function mapData(): MapData {
  made ??= make();
  return made;
}

function make(): MapData {
  // The build has already stopped on any problem in the folder (astro.config.mjs).
  const { content } = validateContent(contentDir());
  if (!content.site) throw new Error(`${content.dir}: no site.json, so the map has no bounds`);
  const { bounds } = content.site.map;
  const streets = content.streets ? streetLines(content.streets) : undefined;
  const boundaries = areas(content.districts, content.beats);
  return {
    style: basemapStyle({ streets: streets && extent(streets) }),
    view: mapView(bounds, content.beats, extent(boundaries) ?? null),
    labels: labels(content.districts, content.beats),
    areas: boundaries,
    streets,
  };
}
