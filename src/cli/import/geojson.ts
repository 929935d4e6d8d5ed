// Reads a department's published areas: GeoJSON, usually converted from a
// shapefile, carrying the department's own field names. Geometry is kept
// exactly as published (only an altitude is dropped) because boundaries decide
// which beat an address falls in; anything that would break a map or the beat
// finder is refused, naming the feature it came from.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { kinks } from '@turf/kinks';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ImportError } from './errors.ts';
import { parseId } from './ids.ts';

export type Area = Polygon | MultiPolygon;
export type Noun = 'beat' | 'district';

export interface SourceFeature {
  /** Position in the file counting from 1, as messages number features. */
  number: number;
  id: string;
  properties: Record<string, unknown>;
  geometry: Area;
}

export interface FeatureFile {
  /** Only the features without problems. */
  features: SourceFeature[];
  /** Every feature in the file. */
  read: number;
  problems: string[];
}

export interface FeatureFields {
  idField: string;
  /** Other fields the importer reads (name, district). */
  fields: Array<string | undefined>;
}

/** A GeoJSON file's features, unread, and the coordinate system it declares; throws for a file that is not GeoJSON. */
export async function readFeatureList(file: string): Promise<{ list: unknown[]; crs: string | undefined }> {
  const data = parseJson(file, await readText(file));
  return { list: featureList(file, data), crs: declaredCrs(data) };
}

/** Throws for a file that is not GeoJSON at all; problems with single features are returned, to be reported with the caller's own. */
export async function readFeatures(file: string, { idField, fields }: FeatureFields, noun: Noun): Promise<FeatureFile> {
  const { list, crs } = await readFeatureList(file);
  // A field no feature has is a misspelt field name: one line, not one per feature.
  const absent = [idField, ...fields].filter((field) => field !== undefined && list.every((item) => !(field in propertiesOf(item))));
  if (absent.length > 0) {
    const names = namesOf(list.flatMap((item) => Object.keys(propertiesOf(item))));
    throw new ImportError(absent.map((field) => `no feature has a property "${field}"; the properties are: ${names}`));
  }
  const features: SourceFeature[] = [];
  const problems: string[] = [];
  list.forEach((item, index) => {
    const number = index + 1;
    if (!isRecord(item) || item.type !== 'Feature') {
      problems.push(`feature #${number} is not a GeoJSON Feature`);
      return;
    }
    const properties = propertiesOf(item);
    const parsed = parseId(properties[idField]);
    const id = parsed !== undefined && 'id' in parsed ? parsed.id : undefined;
    const label = id === undefined ? `feature #${number}` : `feature #${number} (${noun} ${id})`;
    const featureProblems: string[] = [];
    if (parsed === undefined) featureProblems.push(missingProperty(label, properties, idField));
    else if ('problem' in parsed) featureProblems.push(`${label}: ${idField} ${parsed.problem}`);
    const geometry = readGeometry(item.geometry, crs);
    if ('problems' in geometry) featureProblems.push(...geometry.problems.map((problem) => `${label}: ${problem}`));
    problems.push(...featureProblems);
    if (id !== undefined && 'area' in geometry && featureProblems.length === 0) {
      features.push({ number, id, properties, geometry: geometry.area });
    }
  });
  return { features, read: list.length, problems };
}

export function featureLabel(feature: SourceFeature, noun: Noun): string {
  return `feature #${feature.number} (${noun} ${feature.id})`;
}

/** Distinguishes a field the feature lacks from one it leaves empty: the first usually means a misspelt field name. */
export function missingProperty(label: string, properties: Record<string, unknown>, field: string): string {
  if (field in properties) return `${label} has an empty "${field}"`;
  return `${label} has no property "${field}"; its properties are: ${namesOf(Object.keys(properties))}`;
}

export function polygonsOf(area: Area): Position[][][] {
  return area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
}

/** A file's text; a missing or unreadable file is an ImportError that names it. */
export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? (error as Error).message})`);
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    // Windows tools often write a byte order mark, which JSON.parse refuses.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, ' ');
    const convert = /\.(shp|zip|kml|kmz|gpkg|gdb)$/i.test(file)
      ? `; convert it to GeoJSON first, e.g. ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson ${path.basename(file)}`
      : '';
    throw new ImportError(`${file} is not JSON: ${reason}${convert}`);
  }
}

function featureList(file: string, data: unknown): unknown[] {
  if (isRecord(data) && data.type === 'FeatureCollection' && Array.isArray(data.features)) {
    if (data.features.length === 0) throw new ImportError(`${file} is a FeatureCollection with no features`);
    return data.features;
  }
  if (isRecord(data) && data.type === 'Feature') return [data];
  throw new ImportError(`${file} is not GeoJSON: ${whatItIs(data)}`);
}

// The near misses departments actually publish get a way forward, not just a refusal.
function whatItIs(data: unknown): string {
  if (!isRecord(data)) return `expected a FeatureCollection or a Feature, found ${Array.isArray(data) ? 'an array' : typeof data}`;
  if (data.type === 'Topology') return 'it is TopoJSON; convert it to GeoJSON first';
  if (Array.isArray(data.features) && isRecord(data.features[0]) && 'attributes' in data.features[0]) {
    return 'it looks like Esri JSON (features with "attributes"); download GeoJSON instead (ArcGIS: f=geojson) or convert it with ogr2ogr -f GeoJSON';
  }
  if (data.type === 'Polygon' || data.type === 'MultiPolygon' || data.type === 'GeometryCollection') {
    return `it is a bare ${data.type}, with no properties to take ids from; a FeatureCollection is needed`;
  }
  const found = typeof data.type === 'string' ? `type "${data.type}"` : 'an object without a GeoJSON type';
  return `expected a FeatureCollection or a Feature, found ${found}`;
}

// GeoJSON from 2008 named its coordinate system; RFC 7946 dropped the member,
// but converters still write it and it explains projected coordinates.
function declaredCrs(data: unknown): string | undefined {
  if (!isRecord(data) || !isRecord(data.crs) || !isRecord(data.crs.properties)) return undefined;
  const name = data.crs.properties.name;
  return typeof name === 'string' ? name : undefined;
}

type GeometryResult = { area: Area } | { problems: string[] };

function readGeometry(geometry: unknown, crs: string | undefined): GeometryResult {
  if (geometry === null || geometry === undefined) return { problems: ['has no geometry'] };
  if (!isRecord(geometry) || typeof geometry.type !== 'string') return { problems: ['its geometry is not a GeoJSON geometry'] };
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return { problems: [`its geometry is a ${geometry.type}; only Polygon and MultiPolygon describe an area`] };
  }
  const multi = geometry.type === 'MultiPolygon';
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates)) return { problems: [`its ${geometry.type} has no coordinates`] };
  if (coordinates.length === 0) return { problems: [`its ${geometry.type} is empty`] };
  const polygons = multi ? coordinates : [coordinates];

  const problems: string[] = [];
  let outside: number[] | undefined;
  const read = polygons.map((polygon: unknown, p) => {
    const part = multi ? `polygon ${p + 1}` : 'the polygon';
    if (!Array.isArray(polygon)) {
      problems.push(`${part} is not a list of rings`);
      return [];
    }
    if (polygon.length === 0) problems.push(`${part} is empty`);
    return polygon.map((ring: unknown, r) => {
      const where = ringName(multi, p, r);
      if (!Array.isArray(ring)) {
        problems.push(`${where} is not a list of positions`);
        return [];
      }
      const positions: Position[] = [];
      for (const [k, position] of ring.entries()) {
        const lonLat = readPosition(position);
        if (typeof lonLat === 'string') {
          problems.push(`${where}, position ${k + 1}: ${lonLat}`);
          return [];
        }
        const [lon, lat] = lonLat;
        if (outside === undefined && (Math.abs(lon) > 180 || Math.abs(lat) > 90)) outside = lonLat;
        positions.push(lonLat);
      }
      return positions;
    });
  });
  if (problems.length > 0) return { problems };
  // One line for the whole feature: every coordinate of a projected file is out of range.
  if (outside !== undefined) {
    const declared = crs === undefined ? '' : ` (the file declares ${crs})`;
    const problem =
      `coordinates such as [${outside.join(', ')}] are outside longitude/latitude range; they look projected${declared} ` +
      'and must be reprojected to WGS 84 (EPSG:4326), e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson';
    return { problems: [problem] };
  }
  read.forEach((polygon, p) => polygon.forEach((ring, r) => problems.push(...ringProblems(ring, ringName(multi, p, r)))));
  if (problems.length > 0) return { problems };
  return { area: multi ? { type: 'MultiPolygon', coordinates: read } : { type: 'Polygon', coordinates: read[0] ?? [] } };
}

function ringName(multi: boolean, polygon: number, ring: number): string {
  const name = ring === 0 ? 'outer ring' : `hole ${ring}`;
  return multi ? `polygon ${polygon + 1} ${name}` : `the ${name}`;
}

/** [lon, lat], dropping an altitude (or measure); or what is wrong with the position. */
export function readPosition(position: unknown): [number, number] | string {
  if (!Array.isArray(position) || position.length < 2) return `${JSON.stringify(position)} is not a [longitude, latitude] position`;
  const [lon, lat] = position as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return `[${position.map(String).join(', ')}] has a coordinate that is not a finite number`;
  }
  return [lon, lat];
}

function ringProblems(ring: Position[], where: string): string[] {
  if (ring.length < 4) return [`${where} has ${ring.length} positions; a ring needs at least 4, ending where it starts`];
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return [`${where} is not closed: it starts at [${first.join(', ')}] and ends at [${last.join(', ')}]`];
  }
  // A vertex repeated in a row is common in converted shapefiles and harmless,
  // but kinks would report it as a crossing; the written ring keeps it.
  const corners = ring.filter((position, i) => i === 0 || !samePosition(position, ring[i - 1]!));
  if (corners.length < 4) return [`${where} has no area: fewer than 3 distinct corners`];
  const crossing = kinks({ type: 'LineString', coordinates: corners }).features[0];
  if (crossing) return [`${where} touches or crosses itself at [${crossing.geometry.coordinates.join(', ')}]`];
  return [];
}

export function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function propertiesOf(item: unknown): Record<string, unknown> {
  return isRecord(item) && isRecord(item.properties) ? item.properties : {};
}

function namesOf(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length === 0 ? '(none)' : unique.join(', ');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property as text: names come as strings or, from numeric shapefile fields, numbers. */
export function textProperty(feature: SourceFeature, field: string): string | undefined {
  const value = feature.properties[field];
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
