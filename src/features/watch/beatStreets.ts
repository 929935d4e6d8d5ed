// The streets a resident may choose for a watch group's area: those of one
// beat, from the finder's own address files (finder/addresses/catalog.json and
// its chunks), which already hold every block's line. The build lists, per
// beat, which catalog streets cross it (a few numbers a beat, in the page);
// the browser then fetches only the chunks holding those streets, and keeps
// the blocks whose middle lies in the beat.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Block, Catalog, Chunk, Prefix } from '../finder/geocoder/addressIndex.ts';
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

/**
 * At build time: for each beat, the catalog positions of the streets with at
 * least one block in it, in catalog (alphabetical) order, as a string of
 * numbers ("3 8 12"): a page holding every beat's list stays small even for a
 * large city, where an array of numbers in island props would be twice the size.
 */
export function streetsByBeat(index: { chunks: ReadonlyMap<string, Chunk> }, beats: readonly BeatBoundary[]): Record<string, string> {
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
  return Object.fromEntries([...found].map(([beat, positions]) => [beat, [...positions].sort((a, b) => a - b).join(' ')]));
}

/** The catalog positions in one of streetsByBeat's strings. */
export function streetPositions(list: string | undefined): number[] {
  return (list ?? '').split(' ').filter(Boolean).map(Number);
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

export type FetchJson = (url: string) => Promise<unknown>;

/** In the browser: a beat's choices, fetching the catalog once and each chunk once per visit. */
export function streetChoiceLoader(base: string, fetchJson: FetchJson) {
  let catalog: Promise<Catalog> | undefined;
  const chunks = new Map<string, Promise<Chunk>>();
  const chunk = (id: string) => {
    let loading = chunks.get(id);
    if (!loading) {
      loading = fetchJson(`${base}/${encodeURIComponent(id)}.json`) as Promise<Chunk>;
      // A failed download (offline for a moment) is tried again next time rather than remembered.
      loading.catch(() => chunks.delete(id));
      chunks.set(id, loading);
    }
    return loading;
  };
  return async (positions: readonly number[], boundary: Polygon | MultiPolygon): Promise<StreetChoice[]> => {
    catalog ??= fetchJson(`${base}/catalog.json`) as Promise<Catalog>;
    catalog.catch(() => (catalog = undefined));
    const streets = await catalog;
    const needed = [...new Set(positions.map((position) => streets.streets[position]?.chunk).filter((id): id is string => id !== undefined))];
    const loaded = new Map(await Promise.all(needed.map(async (id) => [id, await chunk(id)] as const)));
    return streetChoices(streets, loaded, positions, boundary);
  };
}
