// Turns the jurisdiction's street network into the catalog and chunks of
// addressIndex.ts, at build time. Streets are grouped into chunks in catalog
// (alphabetical) order, so a street is always whole in one chunk and names one
// typo apart tend to share it; a chunk closes before the next street would take
// it past the target size.
import type { StreetNetwork } from '../../../lib/geo/streets.ts';
import type { Block, Catalog, CatalogStreet, Chunk, ChunkStreet, Crossing, PostalArea, Prefix } from './addressIndex.ts';
import { uspsSuffixes } from './suffixes.ts';
import { typesUsedBy } from './streetTypes.ts';
import { streetKey, streetName, words } from './words.ts';

export interface AddressIndex {
  catalog: Catalog;
  /** By chunk id, which is a hash of the chunk's content: a file named by it can be cached forever. */
  chunks: Map<string, Chunk>;
}

export interface BuildOptions {
  /** Serialised JSON size at which a chunk closes; a street larger than this gets a chunk of its own. */
  targetChunkBytes?: number;
  /** The jurisdiction's state, cities and ZIP codes, written into the catalog. */
  area?: PostalArea;
}

export function buildAddressIndex(network: StreetNetwork, { targetChunkBytes = 48_000, area }: BuildOptions = {}): AddressIndex {
  const named = new Map<string, { name: string; blocks: Block[] }>();
  for (const { geometry, properties } of network.features) {
    const key = streetKey(streetName(words(properties.name), uspsSuffixes));
    // Nobody can ask for a street without a name, such as an unnamed alley.
    if (!key) continue;
    const street = named.get(key) ?? { name: properties.name, blocks: [] };
    named.set(key, street);
    const line = geometry.coordinates.map(([lon, lat]) => [round(lon!), round(lat!)] as [number, number]);
    street.blocks.push([properties.prefix ?? '', properties.fromLeft, properties.toLeft, properties.fromRight, properties.toRight, line]);
  }

  const streets = [...named.keys()].sort().map((key) => named.get(key)!);
  const crossings = crossingsOf(streets.map((street) => street.blocks));
  const entries: ChunkStreet[] = streets.map((street, index) => ({ blocks: street.blocks, crossings: crossings[index]! }));

  const chunks = new Map<string, Chunk>();
  const chunkOf: string[] = [];
  let group: number[] = [];
  let bytes = 0;
  const close = () => {
    const chunk: Chunk = { streets: Object.fromEntries(group.map((index) => [String(index), entries[index]!])) };
    const id = fingerprint(JSON.stringify(chunk));
    if (chunks.has(id)) throw new Error(`Two address index chunks hash to ${id}`);
    chunks.set(id, chunk);
    for (const index of group) chunkOf[index] = id;
    group = [];
    bytes = 0;
  };
  entries.forEach((entry, index) => {
    const size = JSON.stringify(entry).length;
    if (group.length > 0 && bytes + size > targetChunkBytes) close();
    group.push(index);
    bytes += size;
  });
  if (group.length > 0) close();

  const catalogStreets: CatalogStreet[] = streets.map((street, index) => ({
    name: street.name,
    chunk: chunkOf[index]!,
    ranges: rangesOf(street.blocks),
  }));
  const knownArea = area && Object.values(area).some((part) => (Array.isArray(part) ? part.length > 0 : part));
  const types = typesUsedBy(streets.flatMap((street) => words(street.name)), uspsSuffixes).map((row) => [...row]);
  return { catalog: { version: 2, streets: catalogStreets, types, ...(knownArea ? { area } : {}) }, chunks };
}

/** What the catalog knows of where the jurisdiction's addresses are: its own name is always one of its cities. */
export function postalArea(site: { jurisdiction: string; postal?: { state?: string | undefined; cities?: string[]; zips?: string[] } | undefined }): PostalArea {
  const { state, cities = [], zips = [] } = site.postal ?? {};
  return { ...(state ? { state: state.toUpperCase() } : {}), cities: [site.jurisdiction, ...cities], ...(zips.length > 0 ? { zips } : {}) };
}

const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/** Two different streets through one vertex meet there. Noded networks (TIGER, most city centrelines) put a vertex at every junction. */
function crossingsOf(streetBlocks: Block[][]): Crossing[][] {
  const streetsAt = new Map<string, { position: [number, number]; streets: Set<number> }>();
  streetBlocks.forEach((blocks, street) => {
    for (const block of blocks) {
      for (const position of block[5]) {
        const vertex = streetsAt.get(`${position}`) ?? { position, streets: new Set<number>() };
        streetsAt.set(`${position}`, vertex);
        vertex.streets.add(street);
      }
    }
  });
  const crossings: Crossing[][] = streetBlocks.map(() => []);
  for (const { position, streets } of streetsAt.values()) {
    const meeting = [...streets].sort((a, b) => a - b);
    meeting.forEach((street, i) => {
      for (const later of meeting.slice(i + 1)) crossings[street]!.push([later, position[0], position[1]]);
    });
  }
  return crossings;
}

function rangesOf(blocks: Block[]): CatalogStreet['ranges'] {
  const ranges: Partial<Record<Prefix, [number, number]>> = {};
  for (const [prefix, fromLeft, toLeft, fromRight, toRight] of blocks) {
    for (const [from, to] of [[fromLeft, toLeft], [fromRight, toRight]] as const) {
      if (from === 0 && to === 0) continue;
      const range = ranges[prefix];
      ranges[prefix] = [Math.min(range?.[0] ?? Infinity, from, to), Math.max(range?.[1] ?? -Infinity, from, to)];
    }
  }
  return ranges;
}

/** FNV-1a, 32 bits: enough to tell a jurisdiction's few hundred chunks apart, and checked above. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
