// Which streets in the catalog a resident means, allowing for typos and for the
// street type being left out or misspelt. Two questions: which streets a finished
// name could be (geocoding) and which ones a half-typed name could become
// (suggestions).
import type { Catalog, CatalogStreet } from './addressIndex.ts';
import { editDistance, prefixDistance } from './editDistance.ts';
import type { StreetTypes } from './streetTypes.ts';
import { streetKey, streetName, words, type StreetName } from './words.ts';

export interface IndexedStreet extends StreetName {
  /** Position in the catalog, the street's id in chunks. */
  id: number;
  entry: CatalogStreet;
  key: string;
}

export interface Match {
  street: IndexedStreet;
  /** Edits between what was typed and the street's name. */
  distance: number;
  /** Whether what was typed matches a later word of the name ("king" in Martin Luther King Jr Dr), not its start. */
  inside: boolean;
}

export function indexStreets(catalog: Catalog, types: StreetTypes): IndexedStreet[] {
  return catalog.streets.map((entry, id) => {
    const name = streetName(words(entry.name), types);
    return { id, entry, key: streetKey(name), ...name };
  });
}

/** One typo in a name of four letters or more, two from eight: shorter names have too many neighbours. */
export function allowedEdits(typed: string): number {
  const letters = typed.replaceAll(' ', '').length;
  return letters >= 8 ? 2 : letters >= 4 ? 1 : 0;
}

/** The streets closest to a finished name, all at the least distance found, in catalog order. */
export function matchStreets(streets: readonly IndexedStreet[], query: StreetName, types: StreetTypes): Match[] {
  const max = allowedEdits(query.base);
  let matches: Match[] = [];
  for (const street of streets) {
    // "4th St NW" is never 4th St NE; "4th St" may be either, and "Elm Ave NW" may be an Elm Ave the data gives no quadrant.
    if (query.post && street.post && query.post !== street.post) continue;
    const distance = nameDistance(query, street, max, types);
    if (distance > max || distance > (matches[0]?.distance ?? max)) continue;
    if (distance < (matches[0]?.distance ?? Infinity)) matches = [];
    matches.push({ street, distance, inside: false });
  }
  // A street that has the typed direction after its name beats one that has none.
  const agreeing = matches.filter((match) => query.post && match.street.post === query.post);
  return agreeing.length > 0 ? agreeing : matches;
}

function nameDistance(query: StreetName, street: IndexedStreet, max: number, types: StreetTypes): number {
  const base = editDistance(query.base, street.base, max);
  // A type that was typed must agree, but costs only one edit when it does not.
  if (query.type) return base + (query.type === street.type ? 0 : 1);
  if (!street.type) return base;
  // "Birch Stret": the type was misspelt, so it stayed part of the name.
  const spelt = types.spellingsOf(street.type).map((spelling) => editDistance(query.base, `${street.base} ${spelling}`, max));
  return Math.min(base, ...spelt);
}

/** Streets a partly typed name could become, best first: fewest edits, then matches at the name's start. */
export function completeStreets(streets: readonly IndexedStreet[], query: StreetName, types: StreetTypes): Match[] {
  const typed = streetKey(query);
  const max = allowedEdits(typed);
  const variants = [typed, ...typeCompletions(typed, types)];
  const matches: Match[] = [];
  for (const street of streets) {
    let best: Match | undefined;
    for (const start of wordStarts(street.base)) {
      const rest = street.key.slice(start);
      for (const variant of variants) {
        const distance = max === 0 ? (rest.startsWith(variant) ? 0 : 1) : prefixDistance(variant, rest, max);
        if (distance <= max && (!best || distance < best.distance)) best = { street, distance, inside: start > 0 };
      }
    }
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => a.distance - b.distance || Number(a.inside) - Number(b.inside) || a.street.id - b.street.id);
}

/** "birch stre" could be on its way to "birch st": the last word is the start of a type's spelling. */
function typeCompletions(typed: string, types: StreetTypes): string[] {
  const space = typed.lastIndexOf(' ');
  const last = typed.slice(space + 1);
  if (space < 0 || last.length < 2) return [];
  return types.startingWith(last).map((type) => `${typed.slice(0, space)} ${type}`);
}

/** Where the words of a street's base name start: typing its type alone ("st") suggests nothing in particular. */
function wordStarts(base: string): number[] {
  const starts = [0];
  for (let i = base.indexOf(' '); i >= 0; i = base.indexOf(' ', i + 1)) starts.push(i + 1);
  return starts;
}
