// The streets a resident may choose for a watch group's area: those of one
// beat, from the finder's own address files (finder/addresses/catalog.json and
// its chunks), which already hold every block's line. The build writes, per
// beat, which catalog streets cross it (watch/beats/<id>.json, a few numbers);
// the browser fetches that file for the one beat the resident names, the
// beat's boundary from the finder's own beat file, and only the chunks holding
// those streets, and keeps the blocks whose middle lies in the beat.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import type { FetchJson } from '../../lib/getJson.ts';
import type { Block, Catalog, Chunk, Prefix } from '../places/geocoder/addressIndex.ts';
import { midpointOf, type LonLat } from './watchArea.ts';

export interface BeatBoundary {
  id: string;
  boundary: Polygon | MultiPolygon;
}

/** A street, under one direction prefix, within one beat: what one checkbox chooses. */
export interface StreetChoice {
  /** Unique within the beat: the catalog position and the prefix. */
  id: string;
  /** As residents write it: "W Crane St". */
  name: string;
  /** The house numbers of its blocks in the beat, when they have any. */
  numbers?: [from: number, to: number];
  /** Each block's line, [lon, lat] positions. */
  lines: LonLat[][];
}

// A block on a street that divides two beats belongs to both: its middle is on the boundary.
const blockIn = (boundary: Polygon | MultiPolygon) => (block: Block) => booleanPointInPolygon(midpointOf(block[5]), boundary);

type Box = [west: number, south: number, east: number, north: number];

function boxOf(boundary: Polygon | MultiPolygon): Box {
  const positions = (boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat()).flat();
  const lons = positions.map((p) => p[0]!);
  const lats = positions.map((p) => p[1]!);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** One beat's file, watch/beats/<id>.json. Its boundary is in the finder's beat file, not repeated here. */
export interface BeatStreetsFile {
  /** The catalog positions of the streets with at least one block in the beat, in catalog (alphabetical) order. */
  streets: number[];
}

/** At build time: each beat's file, by beat id. */
export function streetsByBeat(index: { chunks: ReadonlyMap<string, Chunk> }, beats: readonly BeatBoundary[]): Map<string, BeatStreetsFile> {
  const areas = beats.map((beat) => ({ id: beat.id, box: boxOf(beat.boundary), holds: blockIn(beat.boundary) }));
  const found = new Map<string, Set<number>>(beats.map((beat) => [beat.id, new Set()]));
  for (const chunk of index.chunks.values()) {
    for (const [position, street] of Object.entries(chunk.streets)) {
      for (const block of street.blocks) {
        const [lon, lat] = midpointOf(block[5]);
        for (const area of areas) {
          const [west, south, east, north] = area.box;
          if (lon >= west && lon <= east && lat >= south && lat <= north && area.holds(block)) found.get(area.id)!.add(Number(position));
        }
      }
    }
  }
  return new Map([...found].map(([beat, positions]) => [beat, { streets: [...positions].sort((a, b) => a - b) }]));
}

/** The choices for one beat, from the catalog and the chunks holding its streets, sorted by street name. */
export function streetChoices(catalog: Catalog, chunks: ReadonlyMap<string, Chunk>, positions: readonly number[], boundary: Polygon | MultiPolygon): StreetChoice[] {
  const holds = blockIn(boundary);
  const choices: Array<StreetChoice & { street: string }> = [];
  for (const position of positions) {
    const entry = catalog.streets[position];
    const street = entry && chunks.get(entry.chunk)?.streets[String(position)];
    if (!entry || !street) continue;
    const byPrefix = new Map<Prefix, Block[]>();
    for (const block of street.blocks.filter(holds)) byPrefix.set(block[0], [...(byPrefix.get(block[0]) ?? []), block]);
    for (const [prefix, blocks] of byPrefix) {
      const numbers = blocks.flatMap(([, fromLeft, toLeft, fromRight, toRight]) => [fromLeft, toLeft, fromRight, toRight]).filter((n) => n > 0);
      choices.push({
        street: entry.name,
        id: `${position}${prefix}`,
        name: prefix ? `${prefix} ${entry.name}` : entry.name,
        ...(numbers.length > 0 ? { numbers: [Math.min(...numbers), Math.max(...numbers)] as [number, number] } : {}),
        lines: blocks.map((block) => block[5]),
      });
    }
  }
  // By the street's own name, so that E and W Elm St stand together.
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
  return choices.sort((a, b) => byName(a.street, b.street) || byName(a.name, b.name)).map(({ street: _, ...choice }) => choice);
}

/** Where the browser finds the files: the finder's address files, and the watch page's beat files. */
export interface StreetFiles {
  addresses: string;
  beats: string;
}

/**
 * In the browser: a beat's choices, fetching its street file, the catalog once
 * and each chunk once per visit. The boundary may still be on its way: the
 * files that do not need it are fetched meanwhile.
 */
export function streetChoiceLoader(files: StreetFiles, fetchJson: FetchJson) {
  let catalog: Promise<Catalog> | undefined;
  const chunks = new Map<string, Promise<Chunk>>();
  const chunk = (id: string) => {
    let loading = chunks.get(id);
    if (!loading) {
      loading = fetchJson(`${files.addresses}/${encodeURIComponent(id)}.json`) as Promise<Chunk>;
      // A failed download (offline for a moment) is tried again next time rather than remembered.
      loading.catch(() => chunks.delete(id));
      chunks.set(id, loading);
    }
    return loading;
  };
  return async (beat: string, boundary: Promise<Polygon | MultiPolygon>): Promise<StreetChoice[]> => {
    catalog ??= fetchJson(`${files.addresses}/catalog.json`) as Promise<Catalog>;
    catalog.catch(() => (catalog = undefined));
    const listed = fetchJson(`${files.beats}/${encodeURIComponent(beat)}.json`) as Promise<BeatStreetsFile>;
    const [streets, { streets: positions }, outline] = await Promise.all([catalog, listed, boundary]);
    const needed = [...new Set(positions.map((position) => streets.streets[position]?.chunk).filter((id): id is string => id !== undefined))];
    const loaded = new Map(await Promise.all(needed.map(async (id) => [id, await chunk(id)] as const)));
    return streetChoices(streets, loaded, positions, outline);
  };
}
