// What a resident typed into the finder, split into the parts the geocoder looks
// up: a full postal line ("1234 Elm Ave NW Apt 4B, Springfield, IL 62704-1234") as
// well as "1234 elm". Parsing is forgiving but never guesses a street: misspellings
// survive here and are settled against the catalog (see streetMatch.ts), and where
// a word could be read two ways ("West End Ave": W + End Ave, or West End Ave)
// both readings go to the catalog, which decides. The place after the street is
// place.ts's.
import { splitPlace, type Place } from './place.ts';
import type { StreetTypes } from './streetTypes.ts';
import { direction, postDirection, streetName, words, type Direction, type StreetName } from './words.ts';

export interface StreetQuery extends StreetName {
  prefix?: Direction;
  /** The other reading, with the leading direction word kept in the name ("west end" + "ave"). */
  whole?: StreetName;
}

export type ParsedAddress =
  | { kind: 'address'; number?: number; street: StreetQuery; place?: Place }
  | { kind: 'intersection'; streets: [StreetQuery, StreetQuery]; place?: Place };

export interface ParseOptions {
  /** Street types: the catalog's rows in the finder and the CLI alike. */
  types: StreetTypes;
  /** City names the jurisdiction's addresses use: recognised at the end of a line even without a comma, state or ZIP. */
  cities?: readonly string[];
}

// "&", "@", "+", "/" (but not between digits, as in "1/2"), " and ", " at ".
const crossing = /\s*(?:[&@+]|(?<!\d)\/|\/(?!\d))\s*|\s+(?:and|at)\s+/i;

/** Undefined when there is no street to look up: blank text, or a house number alone. */
export function parseAddress(text: string, { types, cities = [] }: ParseOptions): ParsedAddress | undefined {
  const { line, place } = splitPlace(text, { types, cities });
  const parts = line.split(crossing).filter((part) => words(part).length > 0);
  const placed = <T extends object>(parsed: T) => (Object.keys(place).length > 0 ? { ...parsed, place } : parsed);
  if (parts.length >= 2) {
    const first = street(withoutNumber(words(parts[0]!)), types);
    const second = street(withoutNumber(words(parts[1]!)), types);
    return first && second ? placed({ kind: 'intersection' as const, streets: [first, second] as [StreetQuery, StreetQuery] }) : undefined;
  }

  // "1234-1236" is a building spanning two numbers, "1234 1/2" a rear house: both are at 1234.
  const address = words(line.replace(/^\s*(\d+)\s*-\s*\d+/, '$1').replace(/^(\s*\d+[a-z]?)\s+\d+\/\d+/i, '$1'));
  const number = /^\d+[a-z]?$/.test(address[0] ?? '') ? Number.parseInt(address[0]!, 10) : undefined;
  const query = street(number === undefined ? address : address.slice(1), types);
  if (!query) return undefined;
  return placed(number === undefined ? { kind: 'address' as const, street: query } : { kind: 'address' as const, number, street: query });
}

function withoutNumber(partWords: string[]): string[] {
  return /^\d+$/.test(partWords[0] ?? '') && partWords.length > 1 ? partWords.slice(1) : partWords;
}

function street(nameWords: string[], types: StreetTypes): StreetQuery | undefined {
  if (nameWords.length === 0) return undefined;
  const whole = streetName(nameWords, types);
  // "N Birch St" has a prefix; "North Ave" and "N St NW" are streets named North and N.
  const leading = direction(nameWords[0]!);
  if (leading && hasName(nameWords.slice(1), types)) {
    // "West End Ave" could be W + End Ave or a street named West End: the catalog decides.
    return { prefix: leading, ...streetName(nameWords.slice(1), types), whole };
  }
  return whole;
}

/** Whether words hold more than a type and a direction after it. */
function hasName(nameWords: readonly string[], types: StreetTypes): boolean {
  let rest = nameWords;
  if (rest.length > 1 && postDirection(rest.at(-1)!)) rest = rest.slice(0, -1);
  if (rest.length > 0 && types.standard(rest.at(-1)!)) rest = rest.slice(0, -1);
  return rest.length > 0;
}
