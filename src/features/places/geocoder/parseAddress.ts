// What a resident typed into the finder, split into the parts the geocoder looks
// up. Parsing is forgiving but never guesses a street: misspellings survive here
// and are settled against the catalog (see streetMatch.ts).
import { direction, streetName, streetType, words, type Direction, type StreetName } from './words.ts';

export interface StreetQuery extends StreetName {
  prefix?: Direction;
}

export type ParsedAddress =
  | { kind: 'address'; number?: number; street: StreetQuery }
  | { kind: 'intersection'; streets: [StreetQuery, StreetQuery] };

// Apartment, unit and floor come after the street and do not change where the building is.
// The designator must be followed by a number or letter, so "Ste Genevieve Ave" stays a street.
const unitPart = /\s(?:#|(?:apt|apartment|unit|suite|ste|fl|floor|rm|room|bldg|building)\.?\s*(?:\d|[a-z]\b)).*$/i;
// "&", "@", "+", "/" (but not between digits, as in "1/2"), " and ", " at ".
const crossing = /\s*(?:[&@+]|(?<!\d)\/|\/(?!\d))\s*|\s+(?:and|at)\s+/i;

/** Undefined when there is no street to look up: blank text, or a house number alone. */
export function parseAddress(text: string): ParsedAddress | undefined {
  // After a comma come city, state and zip; the index only covers one jurisdiction anyway.
  const line = (text.split(',')[0] ?? '').replace(unitPart, '');
  const parts = line.split(crossing).filter((part) => words(part).length > 0);
  if (parts.length >= 2) {
    const first = street(withoutNumber(words(parts[0]!)));
    const second = street(withoutNumber(words(parts[1]!)));
    return first && second ? { kind: 'intersection', streets: [first, second] } : undefined;
  }

  // "1234-1236" is a building spanning two numbers, "1234 1/2" a rear house: both are at 1234.
  const address = words(line.replace(/^\s*(\d+)\s*-\s*\d+/, '$1').replace(/^(\s*\d+[a-z]?)\s+\d+\/\d+/i, '$1'));
  const number = /^\d+[a-z]?$/.test(address[0] ?? '') ? Number.parseInt(address[0]!, 10) : undefined;
  const query = street(number === undefined ? address : address.slice(1));
  if (!query) return undefined;
  return number === undefined ? { kind: 'address', street: query } : { kind: 'address', number, street: query };
}

function withoutNumber(partWords: string[]): string[] {
  return /^\d+$/.test(partWords[0] ?? '') && partWords.length > 1 ? partWords.slice(1) : partWords;
}

function street(nameWords: string[]): StreetQuery | undefined {
  if (nameWords.length === 0) return undefined;
  const first = nameWords[0]!;
  const rest = nameWords.slice(1);
  // "N Birch St" has a prefix; "North Ave" is a street named North.
  const leading = direction(first);
  if (leading && rest.length > 0 && !(rest.length === 1 && streetType(rest[0]!))) {
    return { prefix: leading, ...streetName(rest) };
  }
  // "Birch St W": a direction after the type is the same prefix written last.
  const last = nameWords.at(-1)!;
  const trailing = direction(last);
  const beforeLast = nameWords.at(-2);
  if (trailing && nameWords.length > 2 && beforeLast && streetType(beforeLast)) {
    return { prefix: trailing, ...streetName(nameWords.slice(0, -1)) };
  }
  return streetName(nameWords);
}
