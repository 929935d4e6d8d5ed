// Address text reduced to the words matching compares: lower case, no accents or
// punctuation, one spelling for each street type, direction and ordinal. The build
// step keys the catalog with these functions and the browser keys what residents
// type with them, so "1234 West Birch Street" meets "W Birch St" in the middle.
// Street types come in as a StreetTypes (streetTypes.ts): the whole USPS table at
// build time, the catalog's own rows in the browser.
import type { StreetTypes } from './streetTypes.ts';

export type Direction = 'N' | 'S' | 'E' | 'W';
/** What may follow a street's name: a direction, or a quadrant as in quadrant cities ("4th St NW"). */
export type PostDirection = Direction | 'NE' | 'NW' | 'SE' | 'SW';

/** A street as matching sees it: "birch" + "st", "martin luther king jr" + "dr", "4th" + "st" + "NW". */
export interface StreetName {
  base: string;
  type?: string;
  post?: PostDirection;
}

const directions = new Map<string, PostDirection>([
  ['n', 'N'], ['north', 'N'], ['s', 'S'], ['south', 'S'], ['e', 'E'], ['east', 'E'], ['w', 'W'], ['west', 'W'],
  ['ne', 'NE'], ['northeast', 'NE'], ['nw', 'NW'], ['northwest', 'NW'], ['se', 'SE'], ['southeast', 'SE'], ['sw', 'SW'], ['southwest', 'SW'],
]);

// Only inside a name: as the last word, "St" is Street, not Saint.
const ordinals = 'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'.split(' ');
const nameWords = new Map([
  ['saint', 'st'], ['mount', 'mt'], ['fort', 'ft'],
  ...ordinals.map((word, i) => [word, `${i + 1}${ordinalSuffix(i + 1)}`] as const),
]);

// "Twenty-First" is two words once punctuation goes: the tens and an ordinal from first to ninth.
const tens = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const tensOrdinals = 'twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth'.split(' ');

function ordinalWords(list: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const ten = tens.indexOf(list[i]!);
    const unit = ordinals.indexOf(list[i + 1] ?? '');
    const tenth = tensOrdinals.indexOf(list[i]!);
    if (ten >= 0 && unit >= 0 && unit < 9) {
      const n = (ten + 2) * 10 + unit + 1;
      out.push(`${n}${ordinalSuffix(n)}`);
      i++;
    } else if (tenth >= 0) out.push(`${(tenth + 2) * 10}th`);
    else out.push(list[i]!);
  }
  return out;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

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

/** A direction house numbers count from: N, S, E or W, spelled out or not. */
export function direction(word: string): Direction | undefined {
  const found = directions.get(word);
  return found && found.length === 1 ? (found as Direction) : undefined;
}

/** A direction or a quadrant, as written after a street's name. */
export function postDirection(word: string): PostDirection | undefined {
  return directions.get(word);
}

/**
 * The name's parts: a direction after it ("4th St NW", "Birch St W"), or a quadrant
 * before it ("NE 2nd Ave", as some quadrant cities write it) is the post-direction;
 * then the last word is the type when it names one and something precedes it
 * ("Way" alone is a name, "Avenue N" is a name too).
 */
export function streetName(nameWordList: readonly string[], types: StreetTypes): StreetName {
  const streetType = (word: string) => types.standard(word);
  let list = nameWordList;
  let post: PostDirection | undefined;
  const trailing = list.length > 1 ? postDirection(list.at(-1)!) : undefined;
  const leadingQuadrant = list.length > 2 || (list.length === 2 && !streetType(list[1]!)) ? postDirection(list[0]!) : undefined;
  if (trailing && (list.length > 2 || !streetType(list[0]!))) {
    post = trailing;
    list = list.slice(0, -1);
  } else if (leadingQuadrant && leadingQuadrant.length === 2) {
    post = leadingQuadrant;
    list = list.slice(1);
  }
  const last = list.at(-1);
  const type = list.length > 1 && last !== undefined ? streetType(last) : undefined;
  const baseWords = ordinalWords(type ? list.slice(0, -1) : list);
  // A type word leading the name is spelled one way too, in full so that a name typed
  // halfway still starts the same: "Ave of the Arts" and "Lk Shore Dr" are "avenue of
  // the arts" and "lake shore dr". "St" leading a name is Saint, and Mt and Ft stay short.
  const leading = (word: string) => (word === 'st' ? word : types.primary(word));
  const base = baseWords
    .map((word, i) => {
      const full = i === 0 && baseWords.length > 1 ? leading(word) : undefined;
      return nameWords.get(full ?? word) ?? full ?? word;
    })
    .join(' ');
  return { base, ...(type ? { type } : {}), ...(post ? { post } : {}) };
}

export function streetKey({ base, type, post }: StreetName): string {
  return [base, type, post?.toLowerCase()].filter(Boolean).join(' ');
}
