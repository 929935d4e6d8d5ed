// The finder's geocoder, running in the resident's browser so their address
// never leaves the device. It holds the catalog from the start and fetches a
// street's chunk only once an answer needs that street: usually one chunk.
import type { Block, Catalog, Chunk, ChunkStreet, Prefix } from './addressIndex.ts';
import { pointBeside } from './geometry.ts';
import { placeNumber } from './houseNumbers.ts';
import { parseAddress, type ParsedAddress, type StreetQuery } from './parseAddress.ts';
import { cityKey, stateCode } from './place.ts';
import { completeStreets, indexStreets, matchStreets, type IndexedStreet, type Match } from './streetMatch.ts';
import { streetTypes, type StreetTypes } from './streetTypes.ts';
import type { Direction, StreetName } from './words.ts';

export interface GeocodeResult {
  label: string;
  lon: number;
  lat: number;
  /**
   * address: the house, on its side of the street. intersection: where two streets meet.
   * street: somewhere on the right street, not the house: no number was given, or the
   * number is in no block's range and the nearest block stands in for it.
   */
  precision: 'address' | 'intersection' | 'street';
}

export interface Geocoder {
  /** Street names for what is being typed, from the catalog alone so they can follow every keystroke. */
  suggest(text: string, limit?: number): string[];
  /**
   * Places for the text, best first; empty when no street in the jurisdiction matches,
   * or when the address is outside it. Several places on different streets (4th St NW
   * and 4th St NE for "441 4th St") are each a candidate the resident must choose from.
   */
  geocode(text: string): Promise<GeocodeResult[]>;
  /** The part of the text that puts the address outside the jurisdiction (a state, ZIP code or city not its own), if any. */
  outside(text: string): string | undefined;
}

// A house sits this far off the centreline: inside its own beat where the street divides two.
const setbackMetres = 8;
// A vague name can match many streets; each may need a chunk, so only the first few are fetched.
// Enough for the four quadrants of a quadrant city's numbered street.
const maxStreets = 6;
const maxCrossingPairs = 8;

export function createGeocoder(catalog: Catalog, loadChunk: (id: string) => Promise<Chunk>): Geocoder {
  // A page cached from before a format change must fail loudly, not answer wrongly.
  if (catalog.version !== 2) throw new Error(`Address catalog version ${String(catalog.version)} is not one this page reads`);
  // The street types the city's names use, as the build read them: the whole USPS table would cost every visit bytes.
  const types = streetTypes(catalog.types);
  const streets = indexStreets(catalog, types);
  const area = catalog.area ?? {};
  const cityKeys = (area.cities ?? []).map((city) => ` ${cityKey(city)} `);
  // "Springfield" is the city of a jurisdiction named "Springfield, Illinois", and "Alderbrook Heights" may be
  // Alderbrook's: only a city sharing no whole run of words with the jurisdiction's is clearly elsewhere.
  const ownCity = (city: string) => {
    const typed = ` ${cityKey(city)} `;
    return cityKeys.some((known) => known.includes(typed) || typed.includes(known));
  };
  const parse = (text: string) => parseAddress(text, { types, cities: area.cities ?? [] });
  const outsideOf = (parsed: ParsedAddress | undefined): string | undefined => {
    const { city, state, zip } = parsed?.place ?? {};
    if (state && area.state && stateCode(area.state) !== state) return state;
    if (zip && area.zips?.length && !area.zips.includes(zip)) return zip;
    if (city && cityKeys.length > 0 && !ownCity(city)) return city;
    return undefined;
  };
  const chunks = new Map<string, Promise<Chunk>>();

  const streetData = async (street: IndexedStreet): Promise<ChunkStreet> => {
    const id = street.entry.chunk;
    let chunk = chunks.get(id);
    if (!chunk) {
      chunk = loadChunk(id);
      chunks.set(id, chunk);
      // A failed download (offline for a moment) is tried again next time rather than remembered.
      chunk.catch(() => chunks.delete(id));
    }
    const data = (await chunk).streets[street.id];
    if (!data) throw new Error(`Address index chunk ${id} lacks street ${street.entry.name}: catalog and chunks are from different builds`);
    return data;
  };

  async function address(number: number | undefined, query: StreetQuery): Promise<GeocodeResult[]> {
    let candidates = streetsFor(streets, query, types);
    if (number !== undefined) {
      // The catalog's ranges rule out most namesakes before any chunk is fetched.
      const holding = candidates.filter(({ street, prefix }) => holds(street, number, prefix));
      if (holding.length > 0) candidates = holding;
    }
    const found = await Promise.all(
      candidates.slice(0, maxStreets).map(async ({ street, prefix }) => placesOn(street, await streetData(street), number, prefix)),
    );
    const results = found.flat();
    const exact = results.filter((result) => result.precision === 'address');
    return exact.length > 0 ? exact : results;
  }

  async function intersection([first, second]: [StreetQuery, StreetQuery]): Promise<GeocodeResult[]> {
    const seconds = streetsFor(streets, second, types).map((candidate) => candidate.street);
    const pairs = streetsFor(streets, first, types)
      .flatMap(({ street: a }) => seconds.filter((b) => b.id !== a.id).map((b) => [a, b] as const))
      .slice(0, maxCrossingPairs);
    const found = await Promise.all(
      pairs.map(async ([a, b]) => {
        // Each meeting is stored once, with the street that comes first in the catalog.
        const [owner, other] = a.id < b.id ? [a, b] : [b, a];
        const { crossings } = await streetData(owner);
        return crossings
          .filter(([street]) => street === other.id)
          .map(([, lon, lat]): GeocodeResult => ({ label: `${a.entry.name} & ${b.entry.name}`, lon, lat, precision: 'intersection' }));
      }),
    );
    return found.flat();
  }

  return {
    outside(text) {
      return outsideOf(parse(text));
    },
    suggest(text, limit = 6) {
      const parsed = parse(text);
      if (!parsed) return [];
      const labels = parsed.kind === 'address' ? addressLabels(streets, parsed.number, parsed.street, types) : crossingLabels(streets, parsed.streets, types);
      return [...new Set(labels)].slice(0, limit);
    },
    async geocode(text) {
      const parsed = parse(text);
      if (!parsed || outsideOf(parsed)) return [];
      return parsed.kind === 'address' ? address(parsed.number, parsed.street) : intersection(parsed.streets);
    },
  };
}

interface Candidate {
  street: IndexedStreet;
  /** The direction the house numbers count from, as the resident gave it for this street. */
  prefix: Direction | undefined;
}

/**
 * The streets a query can mean. Both readings of a name that starts with a direction
 * word ("West End Ave") are tried, and the one closer to a street wins (both, when
 * the city has both). A direction after the name that the street does not have
 * ("Birch St W" where the data says W Birch St) is the prefix written last.
 */
function streetsFor(streets: readonly IndexedStreet[], query: StreetQuery, types: StreetTypes): Candidate[] {
  const readings: { name: StreetName; prefix: Direction | undefined }[] = [{ name: query, prefix: query.prefix }];
  if (query.whole) readings.push({ name: query.whole, prefix: undefined });
  // A prefix the street does not have counts against a reading by half an edit: "West End Ave" is West End Ave
  // where the city has one, and E End Ave (the W a slip) only where it has no West End Ave.
  const score = (reading: (typeof readings)[number], match: Match) =>
    match.distance + (reading.prefix && !match.street.entry.ranges[reading.prefix] ? 0.5 : 0);
  const found = readings.map((reading) => ({ reading, matches: matchStreets(streets, reading.name, types) }));
  const best = Math.min(...found.flatMap(({ reading, matches }) => matches.map((match) => score(reading, match))));
  const seen = new Set<number>();
  return found.flatMap(({ reading, matches }) =>
    matches
      .filter((match) => score(reading, match) === best && !seen.has(match.street.id) && seen.add(match.street.id))
      .map(({ street }): Candidate => {
        const written = reading.name.post;
        const last = !street.post && written?.length === 1 ? (written as Direction) : undefined;
        return { street, prefix: reading.prefix ?? last };
      }),
  );
}

/** Where on one street the number is, under each prefix the resident could mean; the street's middle without a number. */
function placesOn(street: IndexedStreet, data: ChunkStreet, number: number | undefined, prefix: Direction | undefined): GeocodeResult[] {
  const byPrefix = new Map<Prefix, Block[]>();
  for (const block of data.blocks) {
    const blocks = byPrefix.get(block[0]);
    if (blocks) blocks.push(block);
    else byPrefix.set(block[0], [block]);
  }
  // A prefix the street does not have is a slip; the street is still the one meant.
  const prefixes = prefix && byPrefix.has(prefix) ? [prefix] : [...byPrefix.keys()];
  return prefixes.flatMap((blockPrefix): GeocodeResult[] => {
    const blocks = byPrefix.get(blockPrefix)!;
    const name = blockPrefix ? `${blockPrefix} ${street.entry.name}` : street.entry.name;
    if (number === undefined) {
      const [lon, lat] = pointBeside(middleBlock(blocks)[5], 0.5, 'left', 0);
      return [{ label: name, lon, lat, precision: 'street' }];
    }
    const placement = placeNumber(blocks, number);
    if (!placement) return [];
    const [lon, lat] = pointBeside(placement.block[5], placement.fraction, placement.side, setbackMetres);
    return [{ label: `${number} ${name}`, lon, lat, precision: placement.exact ? 'address' : 'street' }];
  });
}

/** The block halfway along the street, going by house numbers. */
function middleBlock(blocks: readonly Block[]): Block {
  const highest = (block: Block) => Math.max(block[1], block[2], block[3], block[4]);
  const sorted = [...blocks].sort((a, b) => highest(a) - highest(b));
  return sorted[Math.floor(sorted.length / 2)]!;
}

function holds(street: IndexedStreet, number: number, prefix: Direction | undefined): boolean {
  const { ranges } = street.entry;
  const prefixes = prefix && ranges[prefix] ? [prefix] : (Object.keys(ranges) as (keyof typeof ranges)[]);
  return prefixes.some((p) => {
    const range = ranges[p];
    return range !== undefined && range[0] <= number && number <= range[1];
  });
}

/**
 * "1234 w bir" → "1234 W Birch St". The number is carried over, with the prefixes
 * under which the street has it; streets that have it rank first among equals.
 */
function addressLabels(streets: readonly IndexedStreet[], number: number | undefined, query: StreetQuery, types: StreetTypes): string[] {
  const fits = (street: IndexedStreet) =>
    number !== undefined ? holds(street, number, query.prefix) : !query.prefix || street.entry.ranges[query.prefix] !== undefined;
  const ranked = completeStreets(streets, query, types)
    .map((match) => ({ ...match, fits: fits(match.street) }))
    .sort((a, b) => a.distance - b.distance || Number(b.fits) - Number(a.fits) || Number(a.inside) - Number(b.inside) || a.street.id - b.street.id);
  return ranked.flatMap(({ street }) => {
    const { name, ranges } = street.entry;
    const typed = query.prefix && ranges[query.prefix] ? query.prefix : undefined;
    const prefixes = typed ? [typed] : number === undefined ? [] : directionsIn(ranges).filter((p) => holds(street, number, p));
    const numbered = number === undefined ? '' : `${number} `;
    return prefixes.length > 0 ? prefixes.map((p) => `${numbered}${p} ${name}`) : [`${numbered}${name}`];
  });
}

/** "Elm & Ma" → "Elm Ave & Main St": the first street as written, the second as it is being typed. */
function crossingLabels(streets: readonly IndexedStreet[], [first, second]: [StreetQuery, StreetQuery], types: StreetTypes): string[] {
  const exact = matchStreets(streets, first, types);
  const firsts = (exact.length > 0 ? exact : completeStreets(streets, first, types)).map((match) => match.street);
  return completeStreets(streets, second, types).flatMap(({ street }) =>
    firsts.filter((a) => a.id !== street.id).map((a) => `${a.entry.name} & ${street.entry.name}`),
  );
}

function directionsIn(ranges: IndexedStreet['entry']['ranges']): Direction[] {
  return Object.keys(ranges).filter((prefix): prefix is Direction => prefix !== '');
}
