// Address text reduced to the words matching compares: lower case, no accents or
// punctuation, one spelling for each street type, direction and ordinal. The build
// step keys the catalog with these functions and the browser keys what residents
// type with them, so "1234 West Birch Street" meets "W Birch St" in the middle.

export type Direction = 'N' | 'S' | 'E' | 'W';

/** A street as matching sees it: "birch" + "st", "martin luther king jr" + "dr". */
export interface StreetName {
  base: string;
  type?: string;
}

// Canonical type first, then the other spellings residents and city files use.
const typeSpellings: readonly (readonly string[])[] = [
  ['st', 'street', 'str'],
  ['ave', 'avenue', 'av', 'avn'],
  ['blvd', 'boulevard', 'boul'],
  ['dr', 'drive', 'drv'],
  ['ln', 'lane'],
  ['rd', 'road'],
  ['pl', 'place'],
  ['ct', 'court'],
  ['way'],
  ['pkwy', 'parkway', 'pky'],
  ['ter', 'terrace', 'terr'],
  ['hwy', 'highway'],
  ['cir', 'circle'],
  ['trl', 'trail'],
  ['sq', 'square'],
  ['plz', 'plaza'],
  ['aly', 'alley'],
  ['expy', 'expressway'],
];

const canonicalType = new Map(typeSpellings.flatMap((spellings) => spellings.map((spelling) => [spelling, spellings[0]!] as const)));

const directions = new Map<string, Direction>([
  ['n', 'N'], ['north', 'N'], ['s', 'S'], ['south', 'S'], ['e', 'E'], ['east', 'E'], ['w', 'W'], ['west', 'W'],
]);

// Only inside a name: as the last word, "St" is Street, not Saint.
const nameWords = new Map([
  ['saint', 'st'], ['mount', 'mt'], ['fort', 'ft'],
  ['first', '1st'], ['second', '2nd'], ['third', '3rd'], ['fourth', '4th'], ['fifth', '5th'],
  ['sixth', '6th'], ['seventh', '7th'], ['eighth', '8th'], ['ninth', '9th'], ['tenth', '10th'],
]);

/** Lower-case words without accents or punctuation; apostrophes and dots join ("O'Brien" is "obrien"). */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function direction(word: string): Direction | undefined {
  return directions.get(word);
}

export function streetType(word: string): string | undefined {
  return canonicalType.get(word);
}

/** Every spelling of a canonical type ("st" → st, street, str), for matching a misspelt type. */
export function typeSpellingsOf(type: string): readonly string[] {
  return typeSpellings.find((spellings) => spellings[0] === type) ?? [];
}

/** Canonical types with a spelling that starts with what has been typed so far ("stre" → st). */
export function typesStartingWith(partial: string): string[] {
  return typeSpellings.filter((spellings) => spellings.some((spelling) => spelling.startsWith(partial))).map((spellings) => spellings[0]!);
}

/** The last word is the type when it names one and something precedes it ("Way" alone is a name). */
export function streetName(nameWordList: readonly string[]): StreetName {
  const last = nameWordList.at(-1);
  const type = nameWordList.length > 1 && last !== undefined ? streetType(last) : undefined;
  const baseWords = type ? nameWordList.slice(0, -1) : nameWordList;
  const base = baseWords.map((word) => nameWords.get(word) ?? word).join(' ');
  return type ? { base, type } : { base };
}

export function streetKey({ base, type }: StreetName): string {
  return type ? `${base} ${type}` : base;
}
