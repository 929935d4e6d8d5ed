// The city, state and ZIP code a resident writes after the street, told apart from
// the street line. A state or city counts only where a resident cannot have meant a
// part of the street: a state code that is also a direction or a street type (NE,
// CT) only after a comma or right before a ZIP code; a city without a comma only
// when it is one the jurisdiction's addresses use. A place wrongly read would say
// "outside the area" of an address in it, which is worse than reading no place.
import type { StreetTypes } from './streetTypes.ts';
import { postDirection, words } from './words.ts';

/** The city, state and ZIP code written after the street, as typed (the state as its USPS code). */
export interface Place {
  city?: string;
  state?: string;
  zip?: string;
}

// Apartment, unit, floor and the like (USPS Publication 28, appendix C2) come after
// the street and do not change where the building is. The designator must be
// followed by a number or a single letter, so "Ste Genevieve Ave" stays a street.
const designators = 'apt|apartment|unit|suite|ste|fl|floor|rm|room|bldg|building|lot|spc|space|dept|ofc|office|trlr|trailer|ph|penthouse|bsmt|basement|lowr|uppr|frnt|rear|hngr|pier|slip';
const unitPattern = new RegExp(`\\s(?:#\\s*[\\w-]+|(?:${designators})\\.?\\s*#?\\s*(?:\\d[\\w-]*|[a-z]\\b(?:-?\\d+)?))`, 'i');
const unitAlone = new RegExp(`^\\s*(?:#|(?:${designators})\\.?\\s*#?\\s*(?:\\d|[a-z]\\b))`, 'i');
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

/**
 * State codes that end street lines as a direction or a USPS street type: Northeast,
 * Court, Key, Mount, Prairie, Way. Fixed rather than read from the city's types, so a
 * resident's "Elm Ct" is never Connecticut in a city that happens to have no courts.
 */
export const codesAlsoStreetWords: ReadonlySet<string> = new Set(['ne', 'ct', 'ky', 'mt', 'pr', 'wy']);

/** The USPS code of a state written as its code or its name, any case ("Illinois", "il" → IL). */
export function stateCode(text: string): string | undefined {
  return stateCodes.get(words(text).join(' '));
}

/** A city name as compared: "Saint Paul" and "St. Paul" are one. */
export function cityKey(text: string): string {
  return words(text).map((word) => cityWords[word] ?? word).join(' ');
}
const cityWords: Record<string, string> = { saint: 'st', mount: 'mt', fort: 'ft' };

export interface PlaceOptions {
  types: StreetTypes;
  /** City names the jurisdiction's addresses use. */
  cities: readonly string[];
}

/**
 * The street line, without its unit, and the city, state and ZIP after it. Commas
 * part them when there are any: what follows the first comma is the place, read as
 * written. Without commas a ZIP, a state or a known city at the end marks where the
 * street ends; words between the street and a state or ZIP that are no known city
 * (a neighbourhood, or a city the settings do not list) are left out of both.
 */
export function splitPlace(text: string, { types, cities }: PlaceOptions): { line: string; place: Place } {
  const place: Place = {};
  let rest = text.trim();
  const zip = rest.match(zipAtEnd);
  if (zip && /[a-z]/i.test(rest.slice(0, zip.index))) {
    place.zip = zip[1]!;
    rest = rest.slice(0, zip.index);
  }
  const segments = rest.split(',');
  if (segments.length > 1) return { line: withoutUnit(segments[0]!), place: { ...place, ...placeAfterComma(segments.slice(1), cities) } };

  // No comma: "1234 Elm Ave NW Springfield IL 62704".
  let lineWords = rest.split(/\s+/).filter(Boolean);
  const endState = lineWords.length > 3 && knownCityAtEnd(rest, cities) === undefined ? stateTail(lineWords) : undefined;
  const written = words(lineWords.slice(endState?.from ?? 0).join(' ')).join(' ');
  if (endState && (place.zip || !codesAlsoStreetWords.has(written))) {
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
    const streetEnd = unit ? (unit.index ?? 0) + unit[0].length : typeEnd(rest, types);
    if (streetEnd !== undefined) rest = rest.slice(0, streetEnd);
  }
  return { line: withoutUnit(rest), place };
}

/** "…, Springfield, IL", "…, Springfield IL", "…, IL", "…, Apt 4, Springfield": a state here is one whatever else it could be. */
function placeAfterComma(segments: readonly string[], cities: readonly string[]): Place {
  const place: Place = {};
  const tail = segments.map((segment) => segment.trim()).filter((segment) => segment && !unitAlone.test(segment));
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
  return place;
}

export function withoutUnit(line: string): string {
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
 * Just after the last street type of the line (and a direction following it), where
 * the street ends; failing a type, just after a direction that follows the name ("441 4th NW").
 */
function typeEnd(line: string, types: StreetTypes): number | undefined {
  const lineWords = [...line.matchAll(/\S+/g)];
  const word = (i: number) => words(lineWords[i]![0]).join('');
  const after = (i: number) => lineWords[i]!.index + lineWords[i]![0].length;
  for (let i = lineWords.length - 2; i >= 2; i--) {
    if (types.standard(word(i))) return postDirection(word(i + 1)) ? after(i + 1) : after(i);
  }
  for (let i = lineWords.length - 2; i >= 2; i--) if (postDirection(word(i))) return after(i);
  return undefined;
}
