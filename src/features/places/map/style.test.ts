import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { basemapStyle, mapFiles, selectedBeatState, withOverlay } from './style.ts';

const streets: [number, number, number, number] = [-88.29, 41.1, -88.23, 41.13];
const ids = (style: StyleSpecification) => style.layers.map((layer) => layer.id);

describe('basemapStyle', () => {
  it('draws the streets and their names from the street tiles, within their extent', () => {
    const style = basemapStyle({ streets });
    expect(ids(style)).toEqual(['background', 'streets', 'street-names']);
    expect(style.sources.streets).toMatchObject({ type: 'vector', tiles: [mapFiles.tiles('streets')], bounds: streets });
  });

  it('is a plain ground for a folder with no streets', () => {
    const style = basemapStyle({});
    expect(ids(style)).toEqual(['background']);
    expect(style.sources).toEqual({});
  });

  it('names no glyphs URL, so label text is drawn from the device’s own fonts', () => {
    expect(basemapStyle({ streets }).glyphs).toBeUndefined();
  });
});

describe('withOverlay', () => {
  const base = basemapStyle({ streets });
  const overlaid = withOverlay(base, { areas: [-88.3, 41.09, -88.22, 41.14] });

  it('lays the boundaries under the street names, and its own labels and stations over everything', () => {
    expect(ids(overlaid)).toEqual([
      'background',
      'streets',
      'beat-selected-fill',
      'beat-outlines',
      'district-outlines',
      'beat-selected-outline',
      'street-names',
      'beat-labels',
      'district-labels',
      'beat-selected-label',
      'stations',
    ]);
  });

  it('highlights the beat named in global state, and none at first', () => {
    expect(overlaid.state).toEqual({ [selectedBeatState]: { default: '' } });
    const fill = overlaid.layers.find((layer) => layer.id === 'beat-selected-fill');
    expect(JSON.stringify(fill && 'filter' in fill ? fill.filter : null)).toContain(JSON.stringify(['global-state', selectedBeatState]));
  });

  it('keeps the basemap’s own sources and adds the boundary tiles and label points', () => {
    expect(Object.keys(overlaid.sources)).toEqual(['streets', 'finder-areas', 'finder-labels']);
    expect(overlaid.sources['finder-labels']).toEqual({ type: 'geojson', data: mapFiles.labels });
  });

  it('labels without boundaries when the folder has no beats or districts', () => {
    const labelsOnly = withOverlay(basemapStyle({}), {});
    expect(ids(labelsOnly)).toEqual(['background', 'beat-labels', 'district-labels', 'beat-selected-label', 'stations']);
  });

  it('writes its labels in the basemap’s font when the basemap serves glyphs, which know no other', () => {
    const external: StyleSpecification = {
      version: 8,
      glyphs: 'https://maps.example.gov/fonts/{fontstack}/{range}.pbf',
      sources: {},
      layers: [{ id: 'place', type: 'symbol', source: 'x', layout: { 'text-font': ['City Sans Regular'], 'text-field': 'x' } }],
    };
    const fonts = withOverlay(external, {}).layers.flatMap((layer) => (layer.type === 'symbol' && layer.id !== 'place' ? [layer.layout?.['text-font']] : []));
    expect(fonts.every((font) => JSON.stringify(font) === JSON.stringify(['City Sans Regular']))).toBe(true);
  });
});
