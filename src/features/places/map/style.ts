// The finder map's look: a quiet self-hosted basemap (streets and their names)
// built into /map/style.json, and the overlay the finder is about (beats,
// districts, stations, the selected beat), laid over whichever basemap the
// deployment uses. Plain data, no MapLibre code: the build and the browser
// both import it.
//
// No `glyphs` URL: with none, MapLibre 6 draws label text in the browser from
// the fonts the device already has (TinySDF on a canvas), as the rest of the
// site does (src/styles/global.css), so no font or glyph file is downloaded.
import type { Tileset } from './tiles.ts';
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';

/** The files the build writes (src/pages/map/), by their paths on the site. */
export const mapFiles = {
  style: '/map/style.json',
  view: '/map/view.json',
  // .json rather than .geojson: every static host compresses application/json.
  labels: '/map/labels.json',
  tiles: (tileset: keyof typeof tilesets) => `/map/tiles/${tileset}/{z}/{x}/{y}.pbf`,
} as const;

/**
 * The vector tilesets the build cuts. MapLibre draws a zoom from tiles of the
 * zoom below (they are 512 pixels wide): streets show from zoom 13, further
 * out than which they are a grey mesh; boundaries from zoom 7, a whole county
 * on a phone. Past zoom 15 MapLibre enlarges the z14 tiles, which are cut
 * finer than half a metre.
 */
export const tilesets = {
  streets: { name: 'streets', zooms: { min: 12, max: 14 } },
  areas: { name: 'areas', zooms: { min: 6, max: 14 } },
} as const satisfies Record<string, Tileset>;

/** A deployment's own basemap style, if it set PUBLIC_MAP_STYLE_URL at build (see BeatMap.tsx). */
export const externalStyleUrl: string | undefined = import.meta.env.PUBLIC_MAP_STYLE_URL || undefined;

const colour = {
  background: '#f8fafc',
  street: '#a3afbf',
  streetText: '#3f4a5a',
  halo: '#ffffff',
  beat: '#1d4f8c',
  district: '#102c4f',
  selected: '#b45309',
  selectedFill: '#f59e0b',
};

// The site's own font stack. MapLibre reads the weight from the first name of
// a stack, so the bold stack leads with a name that states it; no installed
// font has that name, and the browser goes on down the list.
const systemFonts = ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Noto Sans', 'Liberation Sans', 'Arial'];
const regular = systemFonts;
const bold = ['OpenBeat Bold', ...systemFonts];

const byZoom = (...stops: number[]): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], ...stops];

/** [west, south, east, north] */
export type Extent = [number, number, number, number];

export interface BasemapOptions {
  /** What the street tiles cover; absent for a folder with no streets. */
  streets?: Extent | undefined;
}

/** The self-hosted basemap: a plain ground, the streets as thin lines, their names along them closer in. */
export function basemapStyle({ streets }: BasemapOptions): StyleSpecification {
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': colour.background } }];
  const sources: Record<string, SourceSpecification> = {};
  if (streets) {
    sources.streets = tileSource('streets', streets);
    layers.push(
      {
        id: 'streets',
        type: 'line',
        source: 'streets',
        'source-layer': tilesets.streets.name,
        minzoom: 13,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': colour.street, 'line-width': byZoom(13, 0.75, 15, 1.5, 18, 6) },
      },
      {
        id: 'street-names',
        type: 'symbol',
        source: 'streets',
        'source-layer': tilesets.streets.name,
        minzoom: 14.5,
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': regular,
          'text-size': byZoom(14.5, 11, 18, 15),
          'text-max-angle': 30,
        },
        paint: { 'text-color': colour.streetText, 'text-halo-color': colour.halo, 'text-halo-width': 1.5 },
      },
    );
  }
  return { version: 8, name: 'OpenBeat basemap', sources, layers };
}

function tileSource(tileset: keyof typeof tilesets, extent: Extent): SourceSpecification {
  const { zooms } = tilesets[tileset];
  // MapLibre asks for no tile outside the bounds, and the build writes every tile inside them.
  return { type: 'vector', tiles: [mapFiles.tiles(tileset)], minzoom: zooms.min, maxzoom: zooms.max, bounds: extent };
}

export interface OverlayOptions {
  /** What the boundary tiles cover (view.json); absent for a folder with no beats. */
  areas?: Extent | undefined;
}

/**
 * The stations' icon: not in any sprite, as the basemap has none; the map
 * draws it when a layer first asks for it (BeatMap.tsx).
 */
export const stationIcon = 'finder-station';

/** The global-state property that says which beat is selected ('' for none: no beat id is empty). */
export const selectedBeatState = 'selectedBeat';
const isSelected: ExpressionSpecification = ['==', ['get', 'id'], ['global-state', selectedBeatState]];
const kind = (value: string): ExpressionSpecification => ['==', ['get', 'kind'], value];

/**
 * Lays the beats, districts and stations over a basemap: areas under the
 * basemap's first label layer, so street names stay readable, and the
 * overlay's own labels on top of everything.
 */
export function withOverlay(base: StyleSpecification, options: OverlayOptions): StyleSpecification {
  // A basemap with a glyphs URL serves only its own font stacks; asking it for
  // ours would fail and fall back to drawing them locally, once per range.
  const font = (stack: string[]) => (base.glyphs ? (firstTextFont(base) ?? stack) : stack);
  const areas: LayerSpecification[] = [
    {
      id: 'beat-selected-fill',
      type: 'fill',
      source: 'finder-areas',
      'source-layer': tilesets.areas.name,
      filter: ['all', kind('beat'), isSelected],
      paint: { 'fill-color': colour.selectedFill, 'fill-opacity': 0.22 },
    },
    {
      id: 'beat-outlines',
      type: 'line',
      source: 'finder-areas',
      'source-layer': tilesets.areas.name,
      filter: kind('beat'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colour.beat, 'line-width': byZoom(10, 0.75, 15, 1.75), 'line-opacity': 0.85 },
    },
    {
      id: 'district-outlines',
      type: 'line',
      source: 'finder-areas',
      'source-layer': tilesets.areas.name,
      filter: kind('district'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colour.district, 'line-width': byZoom(10, 2, 15, 4) },
    },
    {
      id: 'beat-selected-outline',
      type: 'line',
      source: 'finder-areas',
      'source-layer': tilesets.areas.name,
      filter: ['all', kind('beat'), isSelected],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': colour.selected, 'line-width': byZoom(10, 3, 15, 5) },
    },
  ];
  const beatLabel = {
    // The id while the map is busy, the name (which usually holds it) once there is room.
    'text-field': ['step', ['zoom'], ['get', 'id'], 14.5, ['get', 'name']],
    'text-font': font(bold),
    'text-size': byZoom(11, 12, 16, 15),
  } satisfies SymbolLayerSpecification['layout'];
  const labels: LayerSpecification[] = [
    {
      id: 'beat-labels',
      type: 'symbol',
      source: 'finder-labels',
      filter: ['all', kind('beat'), ['!', isSelected]],
      minzoom: 11,
      layout: beatLabel,
      paint: { 'text-color': colour.beat, 'text-halo-color': colour.halo, 'text-halo-width': 2 },
    },
    {
      id: 'district-labels',
      type: 'symbol',
      source: 'finder-labels',
      filter: kind('district'),
      maxzoom: 15,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': font(bold),
        'text-size': byZoom(10, 13, 14, 17),
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.06,
        'text-max-width': 8,
        // A station often stands where the name would go: the name moves aside.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1.2,
      },
      paint: { 'text-color': colour.district, 'text-halo-color': colour.halo, 'text-halo-width': 2.5 },
    },
    {
      // Above the district names, so placed before them, and at every zoom: the answer's beat is always named.
      id: 'beat-selected-label',
      type: 'symbol',
      source: 'finder-labels',
      filter: ['all', kind('beat'), isSelected],
      layout: beatLabel,
      paint: { 'text-color': colour.selected, 'text-halo-color': colour.halo, 'text-halo-width': 2.5 },
    },
    {
      // Last, so placed first: no label hides a station.
      id: 'stations',
      type: 'symbol',
      source: 'finder-labels',
      filter: kind('station'),
      layout: {
        'icon-image': stationIcon,
        'icon-size': byZoom(10, 0.75, 15, 1),
        'icon-allow-overlap': true,
        'text-field': ['step', ['zoom'], '', 13.5, ['get', 'name']],
        'text-font': font(regular),
        'text-size': 12,
        'text-anchor': 'top',
        'text-offset': [0, 1.1],
        'text-optional': true,
      },
      paint: { 'text-color': colour.district, 'text-halo-color': colour.halo, 'text-halo-width': 2 },
    },
  ];

  const firstLabel = base.layers.findIndex((layer) => layer.type === 'symbol');
  const under = firstLabel === -1 ? base.layers.length : firstLabel;
  return {
    ...base,
    state: { ...base.state, [selectedBeatState]: { default: '' } },
    sources: {
      ...base.sources,
      ...(options.areas ? { 'finder-areas': tileSource('areas', options.areas) } : {}),
      'finder-labels': { type: 'geojson', data: mapFiles.labels },
    },
    layers: [...base.layers.slice(0, under), ...(options.areas ? areas : []), ...base.layers.slice(under), ...labels],
  };
}

function firstTextFont(style: StyleSpecification): string[] | undefined {
  for (const layer of style.layers) {
    const font = layer.type === 'symbol' ? layer.layout?.['text-font'] : undefined;
    if (Array.isArray(font) && font.every((name) => typeof name === 'string')) return font as string[];
  }
  return undefined;
}
