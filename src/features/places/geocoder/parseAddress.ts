// What a resident typed into the finder, split into the parts the geocoder looks
// up: a full postal line ("1234 Elm Ave NW Apt 4B, Springfield, IL 62704-1234") as
// well as "1234 elm". Parsing is forgiving but never guesses a street: misspellings
// survive here and are settled against the catalog (see streetMatch.ts), and where
// a word could be read two ways ("West End Ave": W + End Ave, or West End Ave)
// both readings go to the catalog, which decides.
import { direction, postDirection, streetName, streetType, words, type Direction, type StreetName } from './words.ts';

export interface StreetQuery extends StreetName {
  prefix?: Direction;
  /** The other reading, with the leading direction word kept in the name ("west end" + "ave"). */
  whole?: StreetName;
}

/** The city, state and ZIP code written after the street, as typed (the state as its USPS code). */
export interface Place {
  city?: string;
  state?: string;
  zip?: string;
}

export type ParsedAddress =
  | { kind: 'address'; number?: number; street: StreetQuery; place?: Place }
  | { kind: 'intersection'; streets: [StreetQuery, StreetQuery]; place?: Place };

export interface ParseOptions {
  /** City names the jurisdiction's addresses use: recognised at the end of a line even without a comma, state or ZIP. */
  cities?: readonly string[];
}

// Apartment, unit, floor and the like (USPS Publication 28, appendix C2) come after
// the street and do not change where the building is. The designator must be
// followed by a number or a single letter, so "Ste Genevieve Ave" stays a street.
const designators = 'apt|apartment|unit|suite|ste|fl|floor|rm|room|bldg|building|lot|spc|space|dept|ofc|office|trlr|trailer|ph|penthouse|bsmt|basement|lowr|uppr|frnt|rear|hngr|pier|slip';
const unitPattern = new RegExp(`\\s(?:#\\s*[\\w-]+|(?:${designators})\\.?\\s*#?\\s*(?:\\d[\\w-]*|[a-z]\\b(?:-?\\d+)?))`, 'i');
const unitAlone = new RegExp(`^\\s*(?:#|(?:${designators})\\.?\\s*#?\\s*(?:\\d|[a-z]\\b))`, 'i');
// "&", "@", "+", "/" (but not between digits, as in "1/2"), " and ", " at ".
const crossing = /\s*(?:[&@+]|(?<!\d)\/|\/(?!\d))\s*|\s+(?:and|at)\s+/i;
const zipAtEnd = /[\s,]+(\d{5})(?:\s*-\s*\d{4})?\s*$/;

// USPS state and territory codes, and the names residents write out.
const stateNames: Record<string, string> = {
  AL: 'alabama', AK: 'alaska', AZ: 'arizona', AR: 'arkansas', CA: 'california', CO: 'colorado', CT: 'connecticut',
  DE: 'delaware', DC: 'district of columbia', FL: 'florida', GA: 'georgia', HI: 'hawaii', ID: 'idaho', IL: 'illinois',
  IN: 'indiana', IA: 'iowa', KS: 'kansas', KY: 'kentucky', LA: 'louisiana', ME: 'maine', MD: 'maryland',
  MA: 'massachusetts', MI: 'michigan', MN: 'minnesota', MS: 'mississippi', MO: 'missouri', MT: 'montana',
  NE: 'nebraska', NV: 'nevada', NH: 'new hampshire', NJ: 'new jersey', NM: 'new mexico', NY: 'new york',
  NC: 'north carolina', ND: 'north dakota', OH: 'ohio', OK: 'oklahoma', OR: 'oregon', PA: 'pennsylvania',
  RI: 'rhode island', SC: 'south carolina', SD: 'south dakota', TN: 'tennessee', TX: 'texas', UT: 'utah',
  VT: 'vermont', VA: 'virginia', WA: 'washington', WV: 'west virginia', WI: 'wisconsin', WY: 'wyoming',
  PR: 'puerto rico', GU: 'guam', VI: 'virgin islands', AS: 'american samoa', MP: 'northern mariana islands',
};
const stateCodes = new Map(Object.entries(stateNames).flatMap(([code, name]) => [[code.toLowerCase(), code], [name, code]] as const));

/** The USPS code of a state written as its code or its name, any case ("Illinois", "il" → IL). */
export function stateCode(text: string): string | undefined {
  return stateCodes.get(words(text).join(' '));
}

/** A city name as compared: "Saint Paul" and "St. Paul" are one. */
export function cityKey(text: string): string {
  return words(text).map((word) => cityWords[word] ?? word).join(' ');
}
const cityWords: Record<string, string> = { saint: 'st', mount: 'mt', fort: 'ft' };

/** Undefined when there is no street to look up: blank text, or a house number alone. */
export function parseAddress(text: string, { cities = [] }: ParseOptions = {}): ParsedAddress | undefined {
  const { line, place } = splitPlace(text, cities);
  const parts = line.split(crossing).filter((part) => words(part).length > 0);
  const placed = <T extends object>(parsed: T) => (Object.keys(place).length > 0 ? { ...parsed, place } : parsed);
  if (parts.length >= 2) {
    const first = street(withoutNumber(words(parts[0]!)));
    const second = street(withoutNumber(words(parts[1]!)));
    return first && second ? placed({ kind: 'intersection' as const, streets: [first, second] as [StreetQuery, StreetQuery] }) : undefined;
  }

  // "1234-1236" is a building spanning two numbers, "1234 1/2" a rear house: both are at 1234.
  const address = words(line.replace(/^\s*(\d+)\s*-\s*\d+/, '$1').replace(/^(\s*\d+[a-z]?)\s+\d+\/\d+/i, '$1'));
  const number = /^\d+[a-z]?$/.test(address[0] ?? '') ? Number.parseInt(address[0]!, 10) : undefined;
  const query = street(number === undefined ? address : address.slice(1));
  if (!query) return undefined;
  return placed(number === undefined ? { kind: 'address' as const, street: query } : { kind: 'address' as const, number, street: query });
}

/**
 * The street line, without its unit, and the city, state and ZIP after it. Commas
 * part them when there are any; without commas a ZIP, a state or a known city at
 * the end marks where the street ends, and the words between the street's type
 * (or its direction after the type) and the state are the city.
 */
function splitPlace(text: string, cities: readonly string[]): { line: string; place: Place } {
  const place: Place = {};
  let rest = text.trim();
  const zip = rest.match(zipAtEnd);
  if (zip && /[a-z]/i.test(rest.slice(0, zip.index))) {
    place.zip = zip[1]!;
    rest = rest.slice(0, zip.index);
  }
  const segments = rest.split(',');
  if (segments.length > 1) {
    // "…, Springfield, IL", "…, Springfield IL", "…, IL", "…, Apt 4, Springfield".
    const tail = segments.slice(1).map((segment) => segment.trim()).filter((segment) => segment && !unitAlone.test(segment));
    const last = tail.at(-1);
    if (last) {
      const wholeState = stateCode(last);
      const lastWords = last.split(/\s+/);
      const endState = lastWords.length > 1 ? stateTail(lastWords) : undefined;
      // "Washington" is a city where the jurisdiction says so, before it is a state.
      if (wholeState && !isKnownCity(last, cities)) {
        place.state = wholeState;
        tail.pop();
      } else if (endState) {
        place.state = endState.code;
        tail[tail.length - 1] = lastWords.slice(0, endState.from).join(' ');
      }
    }
    const city = tail.at(-1);
    if (city) place.city = city;
    return { line: withoutUnit(segments[0]!), place };
  }

  // No comma: "1234 Elm Ave NW Springfield IL 62704".
  let lineWords = rest.split(/\s+/).filter(Boolean);
  const endState = lineWords.length > 3 && knownCityAtEnd(rest, cities) === undefined ? stateTail(lineWords) : undefined;
  // A code that is also a street word ("Elm Ct", "Main St NE") is a state only before a ZIP.
  if (endState && (place.zip || !isStreetWord(lineWords.slice(endState.from).join(' ')))) {
    place.state = endState.code;
    lineWords = lineWords.slice(0, endState.from);
  }
  rest = lineWords.join(' ');
  const known = knownCityAtEnd(rest, cities);
  if (known !== undefined) {
    place.city = rest.slice(known).trim();
    rest = rest.slice(0, known);
  } else if (place.state || place.zip) {
    const unit = rest.match(unitPattern);
    const streetEnd = unit ? (unit.index ?? 0) + unit[0].length : typeEnd(rest);
    if (streetEnd !== undefined && rest.slice(streetEnd).trim()) {
      place.city = rest.slice(streetEnd).trim();
      rest = rest.slice(0, streetEnd);
    }
  }
  return { line: withoutUnit(rest), place };
}

function withoutUnit(line: string): string {
  const unit = line.match(unitPattern);
  return unit ? line.slice(0, unit.index) : line;
}

/** A state at the end of the words: its code or its name, up to three words long ("District of Columbia"). */
function stateTail(lineWords: readonly string[]): { code: string; from: number } | undefined {
  for (let length = Math.min(3, lineWords.length - 1); length >= 1; length--) {
    const code = stateCode(lineWords.slice(-length).join(' '));
    if (code) return { code, from: lineWords.length - length };
  }
  return undefined;
}

const isStreetWord = (text: string) => words(text).every((word) => streetType(word) || postDirection(word));

const isKnownCity = (text: string, cities: readonly string[]) => cities.some((city) => cityKey(city) === cityKey(text));

/** Where a known city name starts at the end of the line, after a street of at least a number and a name. */
function knownCityAtEnd(line: string, cities: readonly string[]): number | undefined {
  const keys = cities.map(cityKey).filter(Boolean);
  const lineWords = [...line.matchAll(/\S+/g)];
  for (let from = 2; from < lineWords.length; from++) {
    if (keys.includes(cityKey(lineWords.slice(from).map((word) => word[0]).join(' ')))) return lineWords[from]!.index;
  }
  return undefined;
}

/**
 * Just after the last street type of the line (and a direction following it), where a
 * city would start; failing a type, just after a direction that follows the name ("441 4th NW").
 */
function typeEnd(line: string): number | undefined {
  const lineWords = [...line.matchAll(/\S+/g)];
  const word = (i: number) => words(lineWords[i]![0]).join('');
  const after = (i: number) => lineWords[i]!.index + lineWords[i]![0].length;
  for (let i = lineWords.length - 2; i >= 2; i--) {
    if (streetType(word(i))) return postDirection(word(i + 1)) ? after(i + 1) : after(i);
  }
  for (let i = lineWords.length - 2; i >= 2; i--) if (postDirection(word(i))) return after(i);
  return undefined;
}

function withoutNumber(partWords: string[]): string[] {
  return /^\d+$/.test(partWords[0] ?? '') && partWords.length > 1 ? partWords.slice(1) : partWords;
}

function street(nameWords: string[]): StreetQuery | undefined {
  if (nameWords.length === 0) return undefined;
  const whole = streetName(nameWords);
  // "N Birch St" has a prefix; "North Ave" and "N St NW" are streets named North and N.
  const leading = direction(nameWords[0]!);
  if (leading && hasName(nameWords.slice(1))) {
    // "West End Ave" could be W + End Ave or a street named West End: the catalog decides.
    return { prefix: leading, ...streetName(nameWords.slice(1)), whole };
  }
  return whole;
}

/** Whether words hold more than a type and a direction after it. */
function hasName(nameWords: readonly string[]): boolean {
  let rest = nameWords;
  if (rest.length > 1 && postDirection(rest.at(-1)!)) rest = rest.slice(0, -1);
  if (rest.length > 0 && streetType(rest.at(-1)!)) rest = rest.slice(0, -1);
  return rest.length > 0;
}
