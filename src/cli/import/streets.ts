// `openbeat import streets`: a street centreline file with address ranges
// (GeoJSON, usually converted from a city's or TIGER's shapefile) becomes
// streets.geojson, the network the finder geocodes addresses against. The file
// is replaced whole: a centreline file is the complete network, never a patch.
//
// Fields, found among the first features' properties (case ignored) or named
// with an option; an empty name ('') turns an optional field off:
//
//   house numbers, left side, first   L_F_ADD, LFROMADD                  --left-from-field
//   house numbers, left side, last    L_T_ADD, LTOADD                    --left-to-field
//   house numbers, right side, first  R_F_ADD, RFROMADD                  --right-from-field
//   house numbers, right side, last   R_T_ADD, RTOADD                    --right-to-field
//   direction prefix (optional)       PRE_DIR, PREDIR, FEDIRP            --prefix-field
//   street name                       STREET_NAM, STREET_NAME, NAME,     --name-field
//                                     FENAME, FULLNAME
//   street type (optional)            STREET_TYP, STREET_TYPE, TYPE,     --type-field
//                                     FETYPE, SUFFIX
//   direction after the name          POST_DIR, POSTDIR, SUFDIR, FEDIRS,  --post-direction-field
//   (optional)                        SUF_DIR
//
// House numbers may be a block's actual ranges (1001–1047) or its theoretical
// ones (the whole block, 1000–1098, as some cities publish beside the actual
// ones): the finder places a house in either; name the four fields of the
// ranges to use when a file has both.
//
// Left and right are as seen walking the line from its first position. House
// numbers may be numbers or text ("1200"); a side without addresses has both
// ends empty or 0. Where numbers fall along the line it is turned round (and
// its sides swapped) so they grow along it, as streets.geojson requires.
//
// The name is written as residents write it: name and type joined ("BIRCH" +
// "ST" → "Birch St"), words in ALL CAPS title-cased (quadrants such as NE stay
// capitals), the type not repeated when the name already ends with it. The
// prefix becomes N, S, E or W ("North", "N." and "n" are N). Without a prefix
// field (TIGER's FULLNAME: "N MAIN ST"), a leading N, S, E or W followed by
// more than a street type is taken as the prefix; "E St" stays a name. A prefix
// that is no single direction ("NE") is kept at the start of the name.
// A direction after the name, from its field or the name's last word ("ELM AVE
// NORTHWEST"), goes at the end of the name, abbreviated ("Elm Ave NW"): in a
// quadrant city it is what tells 4th St NW from 4th St NE, and the finder reads
// it there. A name field that already ends with the type ("Elm Ave", "ELM
// AVENUE" beside a type field AVE) does not get it twice.
//
// Features without a name or without house numbers (alleys, ramps, trails)
// are skipped and counted; any other bad feature stops the import, all
// problems listed, with nothing written.
import { mkdir, mkdtemp, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Position } from 'geojson';
import { streetNetworkSchema } from '../../content.config.ts';
import type { StreetFeature, StreetNetwork, StreetSegment } from '../../lib/geo/streets.ts';
import { exists } from './content.ts';
import { checkEntry, ImportError, throwIfAny } from './errors.ts';
import { isRecord, readFeatureList, readPosition, samePosition } from './geojson.ts';
import { featureLines } from './write.ts';
import { uspsSuffixes } from '../../features/places/geocoder/suffixes.ts';

/** The property each value is read from. */
export interface StreetFields {
  leftFrom?: string;
  leftTo?: string;
  rightFrom?: string;
  rightTo?: string;
  prefix?: string;
  name?: string;
  type?: string;
  postDirection?: string;
}

export interface ImportStreetsOptions {
  /** The GeoJSON file. */
  file: string;
  /** The content folder. */
  out: string;
  /** Fields named by the user, overriding those found in the file; '' turns off the optional prefix or type. */
  fields?: StreetFields;
}

export interface StreetsReport {
  featuresRead: number;
  /** Segments written to streets.geojson. */
  written: number;
  /** The fields read, as given or found; an optional one the file lacks is absent. */
  fields: StreetFields;
  /** Features left out, by why. */
  skipped: { unnamed: number; unnumbered: number };
  /** Segments turned round so that house numbers grow along them. */
  reversed: number;
  /** Whether OUT already had a streets.geojson, now replaced. */
  replacedExisting: boolean;
  /** Things the import worked around, one line each. */
  warnings: string[];
  /** What else the import did, one line each. */
  notes: string[];
}

type Role = keyof StreetFields;
type Prefix = NonNullable<StreetSegment['prefix']>;
type Ranges = Pick<StreetSegment, 'fromLeft' | 'toLeft' | 'fromRight' | 'toRight'>;

interface RoleInfo {
  option: string;
  what: string;
  /** Upper case; matched ignoring case, earlier ones first. */
  candidates: string[];
  optional?: true;
}

const ROLES: Record<Role, RoleInfo> = {
  leftFrom: { option: '--left-from-field', what: "the left side's first house number", candidates: ['L_F_ADD', 'LFROMADD'] },
  leftTo: { option: '--left-to-field', what: "the left side's last house number", candidates: ['L_T_ADD', 'LTOADD'] },
  rightFrom: { option: '--right-from-field', what: "the right side's first house number", candidates: ['R_F_ADD', 'RFROMADD'] },
  rightTo: { option: '--right-to-field', what: "the right side's last house number", candidates: ['R_T_ADD', 'RTOADD'] },
  prefix: { option: '--prefix-field', what: 'the direction prefix', candidates: ['PRE_DIR', 'PREDIR', 'FEDIRP'], optional: true },
  name: {
    option: '--name-field',
    what: 'the street name',
    candidates: ['STREET_NAM', 'STREET_NAME', 'NAME', 'FENAME', 'FULLNAME'],
  },
  type: {
    option: '--type-field',
    what: 'the street type',
    candidates: ['STREET_TYP', 'STREET_TYPE', 'TYPE', 'FETYPE', 'SUFFIX'],
    optional: true,
  },
  postDirection: {
    option: '--post-direction-field',
    what: 'the direction after the name',
    candidates: ['POST_DIR', 'POSTDIR', 'SUFDIR', 'FEDIRS', 'SUF_DIR'],
    optional: true,
  },
};

// Enough to find the fields in a file whose first features leave some empty, without reading a whole city's keys.
const SAMPLE = 100;
// Per kind of warning: a city's worth of one data flaw would bury the rest of the report.
const LISTED = 20;

const DIRECTIONS = new Map<string, Prefix>([
  ['N', 'N'],
  ['NORTH', 'N'],
  ['S', 'S'],
  ['SOUTH', 'S'],
  ['E', 'E'],
  ['EAST', 'E'],
  ['W', 'W'],
  ['WEST', 'W'],
]);
const QUADRANTS = new Set(['NE', 'NW', 'SE', 'SW']);
const POST_DIRECTIONS = new Map<string, string>([
  ...DIRECTIONS,
  ...(['NE', 'NW', 'SE', 'SW'] as const).map((quadrant) => [quadrant, quadrant] as const),
  ['NORTHEAST', 'NE'], ['NORTHWEST', 'NW'], ['SOUTHEAST', 'SE'], ['SOUTHWEST', 'SW'],
  ['NORTH EAST', 'NE'], ['NORTH WEST', 'NW'], ['SOUTH EAST', 'SE'], ['SOUTH WEST', 'SW'],
]);
// A letter street ("E St", "N Ave") is a name, not a prefix and a type.
const STREET_TYPES = new Set(
  'ALY AVE AV AVENUE BLVD CIR CT COURT DR DRIVE HWY LANE LN LOOP PATH PKWY PL PLACE PLZ RD ROAD ROW SQ ST STREET TER TRL WALK WAY'.split(' '),
);

export async function importStreets(options: ImportStreetsOptions): Promise<StreetsReport> {
  const { file } = options;
  const out = path.resolve(options.out);
  const { list, crs } = await readFeatureList(file);
  const fields = findFields(list, options.fields ?? {});

  const problems: string[] = [];
  const features: StreetFeature[] = [];
  const skipped = { unnamed: 0, unnumbered: 0 };
  const conflicts: string[] = [];
  const multiparts: string[] = [];
  const oddPrefixes = new Map<string, { count: number; example: string }>();
  let reversed = 0;
  let prefixesFromNames = 0;

  list.forEach((item, index) => {
    const number = index + 1;
    if (!isRecord(item) || item.type !== 'Feature') {
      problems.push(`feature #${number} is not a GeoJSON Feature`);
      return;
    }
    const properties = isRecord(item.properties) ? item.properties : {};
    const named = streetName(properties, fields);
    if (named === undefined) {
      skipped.unnamed++;
      return;
    }
    const label = featureLabel(number, item.id, named.prefix === undefined ? named.name : `${named.prefix} ${named.name}`);
    const ranges = readRanges(properties, fields);
    if (!('problems' in ranges) && ranges.fromLeft + ranges.toLeft + ranges.fromRight + ranges.toRight === 0) {
      skipped.unnumbered++;
      return;
    }
    const line = readLine(item.geometry, crs);
    if ('problems' in ranges || 'problems' in line) {
      const featureProblems = [...('problems' in ranges ? ranges.problems : []), ...('problems' in line ? line.problems : [])];
      problems.push(...featureProblems.map((problem) => `${label}: ${problem}`));
      return;
    }

    if (line.dropped !== undefined) multiparts.push(`${label}: ${line.dropped}`);
    const oriented = orient(line.coordinates, ranges);
    if (oriented.reversed) reversed++;
    if (oriented.conflict !== undefined) conflicts.push(`${label}: ${oriented.conflict}`);
    if (named.fromName) prefixesFromNames++;
    if (named.odd !== undefined) {
      const seen = oddPrefixes.get(named.odd);
      oddPrefixes.set(named.odd, { count: (seen?.count ?? 0) + 1, example: seen?.example ?? named.name });
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: oriented.coordinates },
      properties: { name: named.name, ...(named.prefix === undefined ? {} : { prefix: named.prefix }), ...oriented.ranges },
    });
  });
  throwIfAny(problems);
  if (features.length === 0) {
    throw new ImportError(
      `no feature has both a street name and house numbers (${skipped.unnamed} without a name in ${fields.name}, ` +
        `${skipped.unnumbered} without numbers in ${rangeFields(fields)}); if those are the wrong fields, name the right ones with ` +
        `${ROLES.name.option}, ${ROLES.leftFrom.option} and the like`,
    );
  }

  const network: StreetNetwork = { type: 'FeatureCollection', features };
  throwIfAny(checkEntry(streetNetworkSchema, network, 'streets.geojson'));
  const replacedExisting = await replaceFile(out, 'streets.geojson', featureLines(network));

  const warnings = [
    ...listed(conflicts, 'segments whose sides disagree'),
    ...listed(multiparts, 'MultiLineStrings cut to one part'),
    ...[...oddPrefixes].map(
      ([prefix, { count, example }]) =>
        `prefix "${prefix}" (${plural(count, 'segment')}) is not N, S, E or W; kept at the start of the name, as in "${example}"`,
    ),
  ];
  const notes = [`fields read: ${describeFields(fields)}`];
  if (skipped.unnamed > 0) notes.push(`skipped ${plural(skipped.unnamed, 'feature')} without a street name (alleys, ramps and the like)`);
  if (skipped.unnumbered > 0) notes.push(`skipped ${plural(skipped.unnumbered, 'feature')} without house numbers on either side`);
  if (reversed > 0) {
    notes.push(`turned ${plural(reversed, 'segment')} round so that house numbers grow along them, swapping their left and right sides`);
  }
  if (prefixesFromNames > 0) {
    notes.push(`took the prefix from the start of the name on ${plural(prefixesFromNames, 'segment')} ("N Main St": prefix N, name "Main St")`);
  }
  return { featuresRead: list.length, written: features.length, fields, skipped, reversed, replacedExisting, warnings, notes };
}

function findFields(list: unknown[], given: StreetFields): StreetFields {
  const keys = (items: unknown[]) => [
    ...new Set(items.flatMap((item) => (isRecord(item) && isRecord(item.properties) ? Object.keys(item.properties) : []))),
  ];
  const all = keys(list);
  const sampled = keys(list.slice(0, SAMPLE));
  const names = all.length === 0 ? '(none)' : all.join(', ');
  const fields: StreetFields = {};
  const problems: string[] = [];
  for (const role of Object.keys(ROLES) as Role[]) {
    const { option, what, candidates, optional } = ROLES[role];
    const named = given[role];
    if (named === '' && optional) continue;
    if (named !== undefined) {
      if (all.includes(named)) fields[role] = named;
      else problems.push(`no feature has a property "${named}" (${option}); the properties are: ${names}`);
      continue;
    }
    const found = candidates.map((candidate) => sampled.find((key) => key.toUpperCase() === candidate)).find((key) => key !== undefined);
    if (found !== undefined) fields[role] = found;
    else if (!optional) {
      problems.push(`found no property for ${what} (looked for ${candidates.join(', ')}); name it with ${option}; the properties are: ${names}`);
    }
  }
  throwIfAny(problems);
  return fields;
}

interface Named {
  /** Title-cased, with its type and without its prefix. */
  name: string;
  prefix?: Prefix;
  /** A prefix that is no single direction, kept in the name. */
  odd?: string;
  /** Whether the prefix was the name's first word, not a field. */
  fromName: boolean;
}

function streetName(properties: Record<string, unknown>, fields: StreetFields): Named | undefined {
  const words = (field: string | undefined) => {
    const value = field === undefined ? undefined : properties[field];
    return typeof value === 'string' || typeof value === 'number' ? String(value).split(/\s+/).filter(Boolean) : [];
  };
  const name = words(fields.name);
  if (name.length === 0) return undefined;
  let post = postDirection(words(fields.postDirection).join(' '));
  // A full name may end with the direction ("ELM AVE NW"); "AVENUE N" is a street named N.
  const last = postDirection(name.at(-1)!);
  if (last !== undefined && (name.length > 2 || (name.length === 2 && !isType(name[0]!))) && (post === undefined || post === last)) {
    post = last;
    name.pop();
  }
  const type = words(fields.type);
  const prefixText = words(fields.prefix).join(' ');
  let prefix = direction(prefixText);
  const odd = prefixText !== '' && prefix === undefined ? prefixText : undefined;

  // A field holding the full name ("N MAIN ST") already has the type, and perhaps the prefix.
  const all = sameWords(name.slice(-type.length), type) || sameType(name.at(-1), type) ? name : [...name, ...type];
  const [first, ...rest] = all as [string, ...string[]];
  const moreThanType = rest.length > 1 || (rest.length === 1 && !STREET_TYPES.has(rest[0]!.toUpperCase()) && !sameWords(rest, type));
  let fromName = false;
  if (moreThanType && prefixText === '' && /^[NSEW]\.?$/i.test(first)) {
    prefix = direction(first);
    fromName = true;
    all.shift();
  } else if (moreThanType && prefix !== undefined && direction(first) === prefix) {
    all.shift();
  }
  if (odd !== undefined && first.toUpperCase() !== odd.toUpperCase()) all.unshift(odd);
  if (post !== undefined) all.push(post);
  return { name: all.map(titleCase).join(' '), ...(prefix === undefined ? {} : { prefix }), ...(odd === undefined ? {} : { odd }), fromName };
}

function direction(text: string): Prefix | undefined {
  return DIRECTIONS.get(text.toUpperCase().replace(/\.$/, ''));
}

function postDirection(text: string): string | undefined {
  return POST_DIRECTIONS.get(text.toUpperCase().replaceAll('.', '').trim());
}

const isType = (word: string) => STREET_TYPES.has(word.toUpperCase()) || uspsSuffixes.standard(word.toLowerCase()) !== undefined;

/** "AVENUE" in the name and "AVE" in the type field are one type. */
function sameType(word: string | undefined, type: string[]): boolean {
  const canonical = word === undefined ? undefined : uspsSuffixes.standard(word.toLowerCase().replaceAll('.', ''));
  return type.length === 1 && canonical !== undefined && canonical === uspsSuffixes.standard(type[0]!.toLowerCase().replaceAll('.', ''));
}

function sameWords(a: string[], b: string[]): boolean {
  return b.length > 0 && a.length === b.length && a.every((word, i) => word.toUpperCase() === b[i]!.toUpperCase());
}

/** "MARTIN" → "Martin", "1ST" → "1st", "O'HARE" → "O'Hare"; words already in mixed case ("McCormick") are the department's spelling. */
function titleCase(word: string): string {
  if (!/\p{Lu}/u.test(word) || /\p{Ll}/u.test(word) || QUADRANTS.has(word)) return word;
  return word.toLowerCase().replace(/^\p{L}|-\p{L}|'\p{L}(?=\p{L}{2})/gu, (letter) => letter.toUpperCase());
}

function featureLabel(number: number, id: unknown, name: string): string {
  const ids = typeof id === 'string' || typeof id === 'number' ? `id ${id}, ` : '';
  return `feature #${number} (${ids}"${name}")`;
}

function readRanges(properties: Record<string, unknown>, fields: StreetFields): Ranges | { problems: string[] } {
  const problems: string[] = [];
  const side = (fromRole: Role, toRole: Role, which: string): [number, number] => {
    const from = { field: fields[fromRole]!, number: houseNumber(properties[fields[fromRole]!]) };
    const to = { field: fields[toRole]!, number: houseNumber(properties[fields[toRole]!]) };
    for (const end of [from, to]) if (typeof end.number === 'string') problems.push(`${end.field} ${end.number}`);
    if (typeof from.number === 'string' || typeof to.number === 'string') return [0, 0];
    // One end without the other is no range; 0 with a number is a range from 0.
    const [given, missing] = from.number === null ? [to, from] : [from, to];
    if (missing.number === null && given.number !== null && given.number !== 0) {
      problems.push(`the ${which} side has ${given.field} ${given.number} but no ${missing.field}; give both ends of the range, or neither`);
    }
    return [from.number ?? 0, to.number ?? 0];
  };
  const [fromLeft, toLeft] = side('leftFrom', 'leftTo', 'left');
  const [fromRight, toRight] = side('rightFrom', 'rightTo', 'right');
  return problems.length > 0 ? { problems } : { fromLeft, toLeft, fromRight, toRight };
}

/** A house number; null when empty; or what is wrong with the value. */
function houseNumber(value: unknown): number | null | string {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value.trim() : value;
  if (text === '') return null;
  const number = typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : text;
  if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return number;
  return `${JSON.stringify(value)} is not a house number: expected a whole number, 0 or more`;
}

type Line = { coordinates: Position[]; dropped?: string } | { problems: string[] };

function readLine(geometry: unknown, crs: string | undefined): Line {
  if (geometry === null || geometry === undefined) return { problems: ['has no geometry'] };
  if (!isRecord(geometry) || typeof geometry.type !== 'string') return { problems: ['its geometry is not a GeoJSON geometry'] };
  if (geometry.type !== 'LineString' && geometry.type !== 'MultiLineString') {
    return { problems: [`its geometry is a ${geometry.type}; a street centreline is a LineString or MultiLineString`] };
  }
  const multi = geometry.type === 'MultiLineString';
  if (!Array.isArray(geometry.coordinates)) return { problems: [`its ${geometry.type} has no coordinates`] };
  const parts: unknown[] = multi ? geometry.coordinates : [geometry.coordinates];
  if (parts.length === 0) return { problems: ['its MultiLineString has no lines'] };

  const problems: string[] = [];
  let outside: Position | undefined;
  const lines = parts.map((part, p) => {
    const where = multi ? `line ${p + 1}` : 'the line';
    if (!Array.isArray(part)) {
      problems.push(`${where} is not a list of positions`);
      return [];
    }
    const positions: Position[] = [];
    for (const [k, position] of part.entries()) {
      const lonLat = readPosition(position);
      if (typeof lonLat === 'string') {
        problems.push(`${where}, position ${k + 1}: ${lonLat}`);
        return [];
      }
      if (outside === undefined && (Math.abs(lonLat[0]) > 180 || Math.abs(lonLat[1]) > 90)) outside = lonLat;
      positions.push(lonLat);
    }
    if (positions.length < 2) problems.push(`${where} has ${positions.length === 1 ? '1 position' : 'no positions'}; a street needs at least 2`);
    return positions;
  });
  if (problems.length > 0) return { problems };
  // One line for the feature: every coordinate of a projected file is out of range.
  if (outside !== undefined) {
    const declared = crs === undefined ? '' : ` (the file declares ${crs})`;
    return {
      problems: [
        `coordinates such as [${outside.join(', ')}] are outside longitude/latitude range; they look projected${declared} ` +
          'and must be reprojected to WGS 84 (EPSG:4326), e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson',
      ],
    };
  }
  return joinParts(lines);
}

/**
 * A block's one address range cannot be shared out between pieces of line, so
 * a MultiLineString becomes one line. Converters usually split a line at a
 * vertex, leaving pieces that join end to start: they are joined, losing
 * nothing. Pieces that do not join keep only the longest, since a stray short
 * piece is the usual flaw, with a warning.
 */
function joinParts(lines: Position[][]): Line {
  const [first, ...rest] = lines as [Position[], ...Position[][]];
  const joins = lines.every((line, i) => i === 0 || samePosition(line[0]!, lines[i - 1]!.at(-1)!));
  if (joins) return { coordinates: [...first, ...rest.flatMap((line) => line.slice(1))] };
  const lengths = lines.map(length);
  const longest = lengths.indexOf(Math.max(...lengths));
  return {
    coordinates: lines[longest]!,
    dropped: `its MultiLineString has ${lines.length} lines that do not join end to start; kept the longest (line ${longest + 1}) with the house numbers and dropped the rest`,
  };
}

/** Roughly proportional to metres, which is all choosing the longest piece needs. */
function length(line: Position[]): number {
  let sum = 0;
  for (let i = 1; i < line.length; i++) {
    const [lon0, lat0] = line[i - 1] as [number, number];
    const [lon1, lat1] = line[i] as [number, number];
    sum += Math.hypot((lon1 - lon0) * Math.cos((((lat0 + lat1) / 2) * Math.PI) / 180), lat1 - lat0);
  }
  return sum;
}

interface Oriented {
  coordinates: Position[];
  ranges: Ranges;
  reversed: boolean;
  /** Why the sides disagreed and what was done about it. */
  conflict?: string;
}

/**
 * Turns a line whose numbers fall along it round. Reversed, the line's left is
 * what was its right, and each side's numbers run the other way. When one side
 * rises and the other falls, the side with the longer range decides (the
 * line's own direction on a tie), and the other side's range is turned round.
 */
function orient(coordinates: Position[], r: Ranges): Oriented {
  const left = r.toLeft - r.fromLeft;
  const right = r.toRight - r.fromRight;
  if (left >= 0 && right >= 0) return { coordinates, ranges: r, reversed: false };
  const agree = left <= 0 && right <= 0;
  const leftDecides = Math.abs(left) > Math.abs(right);
  const reversed = agree || (leftDecides ? left < 0 : right < 0);
  const turned: Ranges = reversed ? { fromLeft: r.toRight, toLeft: r.fromRight, fromRight: r.toLeft, toRight: r.fromLeft } : { ...r };
  if (turned.fromLeft > turned.toLeft) [turned.fromLeft, turned.toLeft] = [turned.toLeft, turned.fromLeft];
  if (turned.fromRight > turned.toRight) [turned.fromRight, turned.toRight] = [turned.toRight, turned.fromRight];
  const oriented = { coordinates: reversed ? [...coordinates].reverse() : coordinates, ranges: turned, reversed };
  if (agree) return oriented;
  const range = { left: `${r.fromLeft}–${r.toLeft}`, right: `${r.fromRight}–${r.toRight}` };
  const [rising, falling] = left > 0 ? (['left', 'right'] as const) : (['right', 'left'] as const);
  const [decides, follows] = leftDecides ? ['left', 'right'] : ['right', 'left'];
  return {
    ...oriented,
    conflict:
      `house numbers rise along the line on the ${rising} (${range[rising]}) but fall on the ${falling} (${range[falling]}); ` +
      `kept the direction of the ${decides}, the longer range${reversed ? ', turning the line round' : ''}, ` +
      `and turned the ${follows} side's numbers round`,
  };
}

function rangeFields(fields: StreetFields): string {
  return [fields.leftFrom, fields.leftTo, fields.rightFrom, fields.rightTo].join(', ');
}

function describeFields(fields: StreetFields): string {
  const optional = (role: Role) => (fields[role] === undefined ? `no ${role} field` : `${role} ${fields[role]}`);
  return `name ${fields.name}, ${optional('type')}, ${optional('prefix')}, ${fields.postDirection === undefined ? '' : `post-direction ${fields.postDirection}, `}house numbers ${rangeFields(fields)} (left from, left to, right from, right to)`;
}

function listed(lines: string[], what: string): string[] {
  return lines.length > LISTED ? [...lines.slice(0, LISTED), `… and ${lines.length - LISTED} more ${what}`] : lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * `commit` swaps folders; streets.geojson is one file. It is written beside its
 * target in OUT (one file system, so the rename is atomic) and renamed over it:
 * the finder never reads half a network.
 */
async function replaceFile(out: string, name: string, text: string): Promise<boolean> {
  const outExisted = await exists(out);
  if (outExisted && !(await stat(out)).isDirectory()) throw new ImportError(`${out} is not a folder`);
  const target = path.join(out, name);
  const replaced = await exists(target);
  await mkdir(out, { recursive: true });
  try {
    const staging = await mkdtemp(path.join(out, '.import-'));
    try {
      await writeFile(path.join(staging, name), text);
      await rename(path.join(staging, name), target);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } catch (error) {
    // Only empty if nothing else wrote to it meanwhile; otherwise it is not ours to remove.
    if (!outExisted) await rmdir(out).catch(() => undefined);
    throw error;
  }
  return replaced;
}
