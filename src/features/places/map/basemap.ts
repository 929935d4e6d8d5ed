// The finder map's data, prepared at build time from the content folder: what
// the map draws and nothing more. House numbers, officers and meetings stay
// out: the map only needs shapes and names, and every byte of it is
// downloaded by a resident on a phone.
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { bbox } from '@turf/bbox';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Beat, District } from '../../../lib/content/validate.ts';
import type { StreetNetwork } from '../../../lib/geo/streets.ts';

export interface StreetProperties {
  /** As on the street sign: the directional prefix, then the name ("E Crane St"). */
  name: string;
}

export interface AreaProperties {
  kind: 'beat' | 'district';
  id: string;
  name: string;
}

export type LabelKind = 'beat' | 'district' | 'station';

export interface LabelProperties {
  kind: LabelKind;
  id: string;
  name: string;
}

export type Area = Polygon | MultiPolygon;
export type StreetLines = FeatureCollection<LineString, StreetProperties>;
export type Areas = FeatureCollection<Area, AreaProperties>;
export type Labels = FeatureCollection<Point, LabelProperties>;

/**
 * Joins a street's blocks into the longest unbroken lines it can, so a name
 * fits along the line (one block is often shorter on screen than its name)
 * and shared block ends are stored once. Blocks are joined end to end in
 * either direction: labels keep themselves upright, so direction is moot.
 * Where a street forks, one branch continues the line and the other starts
 * its own.
 */
export function streetLines(network: StreetNetwork): StreetLines {
  const byName = new Map<string, Position[][]>();
  for (const { geometry, properties } of network.features) {
    const name = properties.prefix ? `${properties.prefix} ${properties.name}` : properties.name;
    const blocks = byName.get(name) ?? [];
    blocks.push(geometry.coordinates.map(roundPosition));
    byName.set(name, blocks);
  }
  const features: Array<Feature<LineString, StreetProperties>> = [];
  for (const [name, blocks] of [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const line of joinLines(blocks)) {
      features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: line }, properties: { name } });
    }
  }
  return { type: 'FeatureCollection', features };
}

function joinLines(blocks: Position[][]): Position[][] {
  const key = (position: Position) => `${position[0]},${position[1]}`;
  const ends = (block: Position[]) => [key(block[0]!), key(block[block.length - 1]!)];
  // The unused blocks at each end point: a street has few blocks per
  // junction, so a set per point is all the index this needs.
  const atPoint = new Map<string, Set<number>>();
  blocks.forEach((block, index) => {
    for (const end of ends(block)) atPoint.set(end, (atPoint.get(end) ?? new Set()).add(index));
  });
  const used = blocks.map(() => false);
  const take = (index: number) => {
    used[index] = true;
    for (const end of ends(blocks[index]!)) atPoint.get(end)?.delete(index);
    return blocks[index]!;
  };
  // Adds unused blocks at the line's last position for as long as one touches it.
  const extend = (line: Position[]) => {
    for (;;) {
      const last = key(line[line.length - 1]!);
      const next = atPoint.get(last)?.values().next();
      if (!next || next.done) return;
      const block = take(next.value);
      line.push(...(key(block[0]!) === last ? block : [...block].reverse()).slice(1));
    }
  };

  // Start from dead ends, so a street is one line rather than two halves met in the middle.
  const deadEnd = blocks.map((block) => ends(block).some((end) => atPoint.get(end)!.size === 1));
  const order = blocks.map((_, index) => index).sort((a, b) => Number(deadEnd[b]) - Number(deadEnd[a]) || a - b);
  const lines: Position[][] = [];
  for (const index of order) {
    if (used[index]) continue;
    const line = [...take(index)];
    extend(line);
    line.reverse();
    extend(line);
    lines.push(line);
  }
  return lines;
}

/** Beats and districts as outlined areas, districts first so beats draw over them. */
export function areas(districts: readonly District[], beats: readonly Beat[]): Areas {
  return {
    type: 'FeatureCollection',
    features: [
      ...districts.map((district) => area(district.boundary, { kind: 'district', id: district.id, name: district.name })),
      ...beats.map((beat) => area(beat.boundary, { kind: 'beat', id: beat.id, name: beat.name })),
    ],
  };
}

function area(geometry: Area, properties: AreaProperties): Feature<Area, AreaProperties> {
  return { type: 'Feature', geometry, properties };
}

/**
 * One label point per beat and district, inside its area (a centroid can fall
 * outside a C-shaped beat), and one per district station. Drawn as points
 * rather than from the areas, whose labels the tiler would repeat in every
 * tile an area crosses.
 */
export function labels(districts: readonly District[], beats: readonly Beat[]): Labels {
  const inside = (boundary: Area) => roundPosition(pointOnFeature(boundary).geometry.coordinates);
  const point = (coordinates: Position, properties: LabelProperties): Feature<Point, LabelProperties> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties,
  });
  return {
    type: 'FeatureCollection',
    features: [
      ...districts.map((district) => point(inside(district.boundary), { kind: 'district', id: district.id, name: district.name })),
      ...beats.map((beat) => point(inside(beat.boundary), { kind: 'beat', id: beat.id, name: beat.name })),
      ...districts.flatMap((district) =>
        district.station ? [point(roundPosition(district.station.location), { kind: 'station', id: district.id, name: district.station.name })] : [],
      ),
    ],
  };
}

/** What the map needs before it starts (view.json): where to look, and what the boundary tiles cover. */
export interface MapView {
  /** [[west, south], [east, north]], from site.map.bounds: the service area, where the map opens. */
  bounds: [[number, number], [number, number]];
  /** [west, south, east, north] by beat id: what to show when a beat is selected. */
  beats: Record<string, [number, number, number, number]>;
  /** [west, south, east, north] of the boundary tiles, or null when there are no beats or districts. */
  areas: [number, number, number, number] | null;
}

export function mapView(bounds: MapView['bounds'], beats: readonly Beat[], areaExtent: MapView['areas']): MapView {
  const box = (boundary: Area) => bbox(boundary).slice(0, 4).map((value) => Math.round(value * 1e6) / 1e6) as [number, number, number, number];
  return { bounds, beats: Object.fromEntries(beats.map((beat) => [beat.id, box(beat.boundary)])), areas: areaExtent };
}

// Six decimals are 11 cm on the ground, finer than any line the map draws;
// more only lengthens labels.json, and block ends that differ past them are
// the same junction.
function roundPosition(position: Position): Position {
  return [Math.round(position[0]! * 1e6) / 1e6, Math.round(position[1]! * 1e6) / 1e6];
}
