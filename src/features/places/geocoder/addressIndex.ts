// The address index the browser geocodes against, as JSON files the site serves:
// one small catalog of street names, downloaded when the finder opens, and chunks
// holding the blocks of a group of streets, fetched only when an answer needs them.
// Built once per jurisdiction by buildAddressIndex.ts.
import type { Direction } from './words.ts';

/** A block's or range's prefix; "" where the city uses none. */
export type Prefix = Direction | '';

export interface Catalog {
  /** 2 since the catalog carries its street types: a page never reads a catalog of another shape from a stale cache. */
  version: 2;
  /**
   * Sorted by the name as matching compares it (see words.ts: "birch st"), which the
   * browser derives from the name rather than downloading it: a third of the catalog.
   * Names that differ only in spelling ("Saint Louis Ave", "St Louis Ave") share one
   * entry. A street's position in this list is its id in chunks.
   */
  streets: CatalogStreet[];
  /**
   * The rows of USPS Publication 28's suffix table (see streetTypes.ts) that a word of
   * some street name belongs to: enough to read the city's names as the build did, and
   * a resident's address as the CLI does.
   */
  types: string[][];
  /** Where the jurisdiction's addresses are, so one typed with another state, ZIP code or city is known to be outside it. */
  area?: PostalArea;
}

/** From the site settings (jurisdiction and postal); each part checked only when known. */
export interface PostalArea {
  /** USPS code: "IL". */
  state?: string;
  /** City names its addresses use: the jurisdiction's own name and those in site.postal.cities. */
  cities?: string[];
  /** Five-digit ZIP codes. */
  zips?: string[];
}

export interface CatalogStreet {
  /** As the city writes it: "Birch St". */
  name: string;
  /** The chunk holding this street's blocks. */
  chunk: string;
  /** Lowest and highest house number on the street under each prefix. */
  ranges: Partial<Record<Prefix, [number, number]>>;
}

export interface Chunk {
  /** Keyed by the street's position in the catalog. */
  streets: Record<string, ChunkStreet>;
}

export interface ChunkStreet {
  blocks: Block[];
  /** Where this street meets a street later in the catalog, so each meeting is stored once. */
  crossings: Crossing[];
}

/**
 * One block of a street: a StreetSegment (see src/lib/geo/streets.ts) with its
 * positions rounded to 6 decimals (about 10 cm). A side whose from and to are
 * both 0 has no addresses.
 */
export type Block = [prefix: Prefix, fromLeft: number, toLeft: number, fromRight: number, toRight: number, line: [number, number][]];

export type Crossing = [street: number, lon: number, lat: number];
