import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Beat, District } from '../../../lib/content/validate.ts';
import type { StreetFeature, StreetNetwork } from '../../../lib/geo/streets.ts';
import { areas, labels, mapView, streetLines } from './basemap.ts';

const block = (name: string, coordinates: Position[], prefix?: 'N' | 'S' | 'E' | 'W'): StreetFeature => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates },
  properties: { name, ...(prefix ? { prefix } : {}), fromLeft: 0, toLeft: 0, fromRight: 1, toRight: 99 },
});
const network = (...features: StreetFeature[]): StreetNetwork => ({ type: 'FeatureCollection', features });

type Rings = Array<Array<[number, number]>>;
const square = (west: number, south: number, east: number, north: number): Rings => [
  [[west, south], [east, south], [east, north], [west, north], [west, south]],
];
// A C-shaped beat, open to the east: its centre, (1.5, 1.5), is in the gap.
const cShape: Rings = [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]];

const district = (id: string, station: boolean): District => ({
  id,
  name: `District ${id}`,
  boundary: { type: 'Polygon', coordinates: square(0, 0, 4, 4) },
  ...(station ? { station: { name: `Station ${id}`, address: '1 Main St', location: [2, 2], phone: '555-0100', hours: 'Always' } } : {}),
});
const beat = (id: string, coordinates: Rings): Beat => ({
  id,
  name: `Beat ${id}`,
  district: '1',
  neighbourhoods: [],
  boundary: { type: 'Polygon', coordinates },
});

describe('streetLines', () => {
  it('joins a street’s blocks end to end into one line, whichever way each block runs', () => {
    const lines = streetLines(
      network(
        block('Main St', [[1, 0], [2, 0]]),
        block('Main St', [[3, 0], [2, 0]]),
        block('Main St', [[0, 0], [1, 0]]),
      ),
    );
    expect(lines.features).toHaveLength(1);
    const [line] = lines.features;
    expect(line!.properties.name).toBe('Main St');
    const xs = line!.geometry.coordinates.map(([x]) => x);
    expect([xs, [...xs].reverse()]).toContainEqual([0, 1, 2, 3]);
  });

  it('names a street as its sign does, and keeps East and West apart', () => {
    const lines = streetLines(network(block('Crane St', [[-1, 0], [0, 0]], 'W'), block('Crane St', [[0, 0], [1, 0]], 'E')));
    expect(lines.features.map((line) => line.properties.name)).toEqual(['E Crane St', 'W Crane St']);
  });

  it('keeps every block of a street that forks, in as few lines as the fork allows', () => {
    // A T: the stem meets the bar in its middle.
    const lines = streetLines(
      network(block('Oak Ave', [[0, 0], [1, 0]]), block('Oak Ave', [[1, 0], [2, 0]]), block('Oak Ave', [[1, 0], [1, 1]])),
    );
    expect(lines.features).toHaveLength(2);
    const segments = lines.features.reduce((count, line) => count + line.geometry.coordinates.length - 1, 0);
    expect(segments).toBe(3);
  });

  it('keeps house numbers out of the map’s data', () => {
    const [line] = streetLines(network(block('Main St', [[0, 0], [1, 0]]))).features;
    expect(Object.keys(line!.properties)).toEqual(['name']);
  });
});

describe('areas', () => {
  it('lists districts before beats, each with its kind, id and name', () => {
    const collection = areas([district('1', false)], [beat('101', square(0, 0, 1, 1))]);
    expect(collection.features.map((feature) => feature.properties)).toEqual([
      { kind: 'district', id: '1', name: 'District 1' },
      { kind: 'beat', id: '101', name: 'Beat 101' },
    ]);
  });
});

describe('labels', () => {
  it('labels a beat at a point inside it, even when its centre lies outside', () => {
    const [, point] = labels([district('1', false)], [beat('101', cShape)]).features;
    expect(point!.properties).toEqual({ kind: 'beat', id: '101', name: 'Beat 101' });
    const [x, y] = point!.geometry.coordinates as [number, number];
    const inGap = x > 1 && y > 1 && y < 2;
    expect(inGap).toBe(false);
    expect(x >= 0 && x <= 3 && y >= 0 && y <= 3).toBe(true);
  });

  it('marks the stations of the districts that have one', () => {
    const stations = labels([district('1', true), district('2', false)], []).features.filter((feature) => feature.properties.kind === 'station');
    expect(stations).toEqual([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [2, 2] }, properties: { kind: 'station', id: '1', name: 'Station 1' } },
    ]);
  });
});

describe('mapView', () => {
  it('gives each beat the box to show when it is selected', () => {
    const view = mapView([[0, 0], [4, 4]], [beat('101', cShape)], [0, 0, 4, 4]);
    expect(view).toEqual({ bounds: [[0, 0], [4, 4]], beats: { '101': [0, 0, 3, 3] }, areas: [0, 0, 4, 4] });
  });
});
