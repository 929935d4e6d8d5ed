// The demo city, Alderbrook: a fictional jurisdiction generated from a seed,
// so `npm start` shows what a real one looks like, and `--scale N` makes an
// N-times larger one for benchmarks. Same seed and scale, same city, always.
import type { MultiPolygon, Polygon } from 'geojson';
import type { StreetNetwork, StreetSegment } from '../../lib/geo/streets.ts';
import { BlockGrid, cityBlocks, connectedWithout, fixPinches, growRegions, outlineRings, signedArea, type Cell, type Vertex } from './blocks.ts';
import { birds, firstNames, hobbies, lastNames, officerLanguages, placeWords, trees, venueKinds } from './names.ts';
import { nthWeekday } from './dates.ts';
import { makeProblemSolving } from './priorities.ts';
import { seededRandom, type Random } from './random.ts';
import { slugify } from '../../lib/slug.ts';
import { sqlText } from './sqlText.ts';

export interface DemoOptions {
  scale: number;
  seed: number;
}

/** An approved neighbourhood watch group, seeded in the local database (groups live in Supabase, not in content). */
export interface DemoWatchGroup {
  id: string;
  name: string;
  beat: string;
  area: Polygon;
}

export interface DemoCity {
  site: Record<string, unknown>;
  districts: Array<{ id: string } & Record<string, unknown>>;
  beats: Array<{ id: string } & Record<string, unknown>>;
  officers: Array<{ id: string } & Record<string, unknown>>;
  meetings: Array<{ id: string } & Record<string, unknown>>;
  priorities: Array<{ id: string } & Record<string, unknown>>;
  workshops: Array<{ id: string } & Record<string, unknown>>;
  streets: StreetNetwork;
  watchGroups: DemoWatchGroup[];
}

// Where the fictional city sits: open farmland, so it is never mistaken for a real place's map.
const origin = { lon: -88.262, lat: 41.118 };
const blockMetres = 200;
const blocksPerBeat = 20;
const beatsPerDistrict = 6;

export function demoCity({ scale, seed }: DemoOptions): DemoCity {
  const random = seededRandom(seed);
  const side = Math.sqrt(scale);
  const grid = new BlockGrid(Math.round(30 * side), Math.round(24 * side));
  const inside = cityBlocks(grid, random);
  const districtCount = Math.max(1, Math.round(inside.size / (blocksPerBeat * beatsPerDistrict)));

  const place = projection(grid, random);
  const numbering = addressNumbering(grid);

  // Districts first, then beats within each district, so every beat lies in one district.
  const districtOf = growRegions(grid, [...inside], districtCount, random);
  fixPinches(grid, (cell) => districtOf.get(cell) ?? -1, (cell, region) => reassign(grid, districtOf, cell, region));
  const beatOf = new Map<Cell, number>();
  const beatDistrict: number[] = [];
  for (let d = 0; d < districtCount; d++) {
    const cells = [...inside].filter((cell) => districtOf.get(cell) === d);
    const local = growRegions(grid, cells, Math.max(1, Math.round(cells.length / blocksPerBeat)), random);
    const base = beatDistrict.length;
    for (const [cell, region] of local) beatOf.set(cell, base + region);
    const count = new Set(local.values()).size;
    for (let i = 0; i < count; i++) beatDistrict.push(d);
  }
  fixPinches(
    grid,
    (cell) => beatOf.get(cell) ?? -1,
    (cell, region) => beatDistrict[beatOf.get(cell)!] === beatDistrict[region] && reassign(grid, beatOf, cell, region),
  );

  const districtIds = Array.from({ length: districtCount }, (_, d) => String(d + 1));
  const beatIds = beatDistrict.map((d, b) => `${d + 1}${String(b - beatDistrict.indexOf(d) + 1).padStart(2, '0')}`);
  const cellsOf = (owner: Map<Cell, number>, region: number) => new Set([...owner].filter(([, r]) => r === region).map(([cell]) => cell));

  const usedNames = new Set<string>();
  const neighbourhood = () => {
    // A big city runs out of word pairs (about 25 times the demo does): then names take a number.
    for (let attempt = 0; ; attempt++) {
      const words = `${random.pick(random.chance(0.5) ? trees : birds)} ${random.pick(placeWords)}`;
      const name = attempt < 50 ? words : `${words} ${Math.floor(attempt / 50) + 1}`;
      if (!usedNames.has(name)) return usedNames.add(name), name;
    }
  };

  const beats = beatIds.map((id, b) => ({
    id,
    name: `Beat ${id}`,
    district: districtIds[beatDistrict[b]!]!,
    neighbourhoods: Array.from({ length: 1 + random.int(2) }, neighbourhood),
    boundary: area(grid, cellsOf(beatOf, b), place),
  }));

  const stations = districtIds.map((id, d) => {
    const cells = [...cellsOf(districtOf, d)];
    const centre = centroid(grid, cells);
    const cell = nearest(grid, cells, centre);
    return { name: `${ordinal(d + 1)} District Station`, ...venueAt(grid, cell, place, numbering), phone: `555-01${String(10 + d).padStart(2, '0')}` };
  });

  const districts = districtIds.map((id, d) => ({
    id,
    name: `${ordinal(d + 1)} District`,
    station: { ...stations[d]!, email: `district${id}@alderbrook.example`, hours: 'Open 24 hours; front desk 8:00–20:00' },
    boundary: area(grid, cellsOf(districtOf, d), place),
  }));

  const officers = makeOfficers(random, beats, districts);
  const meetings = makeMeetings(random, grid, beats, beatOf, districts, officers, place, numbering);
  // A random of its own, so that adding priorities changed nothing else the seed makes.
  const streetsOf = (beatId: string) => {
    const b = beatIds.indexOf(beatId);
    const cells = [...beatOf].filter(([, region]) => region === b).map(([cell]) => grid.xy(cell));
    return [...new Set(cells.flatMap(([x, y]) => [numbering.eastWestName(y), numbering.northSouthName(x)]))].sort();
  };
  const priorities = makeProblemSolving(seededRandom(seed + 1), beats, districts, meetings, streetsOf);

  const bbox = boundingBox(beats.flatMap((beat) => positions(beat.boundary as Polygon | MultiPolygon)));
  const site = {
    jurisdiction: 'Alderbrook',
    department: 'Alderbrook Police Department',
    timeZone: 'America/Chicago',
    locales: ['en', 'es'],
    emergencyNumber: '911',
    nonEmergencyNumber: '311',
    contact: { email: 'community@alderbrook.example', phone: '555-0100', address: stations[0]!.address },
    map: { center: [round((bbox[0] + bbox[2]) / 2), round((bbox[1] + bbox[3]) / 2)], bounds: [[bbox[0], bbox[1]], [bbox[2], bbox[3]]] },
    sampleData: true,
  };

  const watchGroups = makeWatchGroups(random, grid, beatOf, beatIds, place, numbering, Math.max(3, Math.round(4 * scale)));
  return { site, districts, beats, officers, meetings, priorities, workshops, streets: streetNetwork(grid, inside, place, numbering), watchGroups };
}

/** Moves a block to another region if that leaves the region it comes from whole. */
function reassign(grid: BlockGrid, owner: Map<Cell, number>, cell: Cell, region: number): boolean {
  const from = owner.get(cell);
  if (from === undefined || from === region) return false;
  const cells = new Set([...owner].filter(([, r]) => r === from).map(([c]) => c));
  if (!connectedWithout(grid, cells, cell)) return false;
  owner.set(cell, region);
  return true;
}

type Place = (vertex: Vertex) => [number, number];

/** Grid units to lon/lat, with a gentle warp so streets curve like a real town's. */
function projection(grid: BlockGrid, random: Random): Place {
  const [p, q] = [random.next() * 6, random.next() * 6];
  const metresPerLon = 111_320 * Math.cos((origin.lat * Math.PI) / 180);
  return ([x, y]) => {
    const wx = x + 0.3 * Math.sin(y / 4.5 + p);
    const wy = y + 0.3 * Math.sin(x / 5.5 + q);
    return [round(origin.lon + ((wx - grid.width / 2) * blockMetres) / metresPerLon), round(origin.lat + ((wy - grid.height / 2) * blockMetres) / 110_540)];
  };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function area(grid: BlockGrid, cells: ReadonlySet<Cell>, place: Place): Polygon | MultiPolygon {
  const rings = outlineRings(grid, cells);
  const outers = rings.filter((ring) => signedArea(ring) > 0);
  const holes = rings.filter((ring) => signedArea(ring) < 0);
  const project = (ring: Vertex[]) => ring.map(place);
  if (outers.length === 1) return { type: 'Polygon', coordinates: [outers[0]!, ...holes].map(project) };
  // Regions are 4-connected and free of pinches, so this is a safeguard, not a path the demo takes.
  throw new Error(`a region has ${outers.length} outer rings`);
}

function positions(geometry: Polygon | MultiPolygon): number[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}

function boundingBox(points: number[][]): [number, number, number, number] {
  const lons = points.map((point) => point[0]!);
  const lats = points.map((point) => point[1]!);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

function centroid(grid: BlockGrid, cells: Cell[]): Vertex {
  const sum = cells.reduce<Vertex>((acc, cell) => {
    const [x, y] = grid.xy(cell);
    return [acc[0] + x, acc[1] + y];
  }, [0, 0]);
  return [sum[0] / cells.length, sum[1] / cells.length];
}

function nearest(grid: BlockGrid, cells: Cell[], [cx, cy]: Vertex): Cell {
  let best = cells[0]!;
  let bestDistance = Infinity;
  for (const cell of cells) {
    const [x, y] = grid.xy(cell);
    const distance = Math.hypot(x - cx, y - cy);
    if (distance < bestDistance) [best, bestDistance] = [cell, distance];
  }
  return best;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

// ---- Streets and addresses -------------------------------------------------
// Like Chicago's grid: Main St (north–south) and Centre St (east–west) divide
// the city; each block adds 100 to the house number; even numbers are on the
// north side of east–west streets and the east side of north–south ones.

interface Numbering {
  mainColumn: number;
  centreRow: number;
  eastWestName(row: number): string;
  northSouthName(column: number): string;
}

function addressNumbering(grid: BlockGrid): Numbering {
  const mainColumn = Math.floor(grid.width / 2);
  const centreRow = Math.floor(grid.height / 2);
  const named = (names: string[], suffixes: string[], index: number) =>
    `${names[index % names.length]} ${suffixes[Math.floor(index / names.length) % suffixes.length]}`;
  return {
    mainColumn,
    centreRow,
    eastWestName: (row) => (row === centreRow ? 'Centre St' : named(birds, ['St', 'Rd', 'Pl', 'Way'], row)),
    northSouthName: (column) => (column === mainColumn ? 'Main St' : named(trees, ['Ave', 'Blvd', 'Dr', 'Ln'], column)),
  };
}

function streetNetwork(grid: BlockGrid, inside: ReadonlySet<Cell>, place: Place, numbering: Numbering): StreetNetwork {
  const has = (x: number, y: number) => {
    const cell = grid.cell(x, y);
    return cell !== undefined && inside.has(cell);
  };
  const features: StreetNetwork['features'] = [];
  const segment = (from: Vertex, to: Vertex, properties: StreetSegment) =>
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [place(from), place(to)] }, properties });

  // East–west streets along row lines y; a block's numbers run 100·n … 100·n + 99.
  for (let y = 0; y <= grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      if (!has(x, y - 1) && !has(x, y)) continue;
      const east = x >= numbering.mainColumn;
      const n = east ? x - numbering.mainColumn : numbering.mainColumn - x - 1;
      // Numbers grow away from Main St; going east the north side is on the left, going west on the right.
      const [from, to]: [Vertex, Vertex] = east ? [[x, y], [x + 1, y]] : [[x + 1, y], [x, y]];
      const evenLeft = east;
      segment(from, to, sides(numbering.eastWestName(y), east ? 'E' : 'W', n, evenLeft));
    }
  }
  // North–south streets along column lines x.
  for (let x = 0; x <= grid.width; x++) {
    for (let y = 0; y < grid.height; y++) {
      if (!has(x - 1, y) && !has(x, y)) continue;
      const north = y >= numbering.centreRow;
      const n = north ? y - numbering.centreRow : numbering.centreRow - y - 1;
      // Going north the east side is on the right; going south, on the left.
      const [from, to]: [Vertex, Vertex] = north ? [[x, y], [x, y + 1]] : [[x, y + 1], [x, y]];
      segment(from, to, sides(numbering.northSouthName(x), north ? 'N' : 'S', n, !north));
    }
  }
  return { type: 'FeatureCollection', features };
}

function sides(name: string, prefix: NonNullable<StreetSegment['prefix']>, block: number, evenLeft: boolean): StreetSegment {
  const even = [block * 100, block * 100 + 98] as const;
  const odd = [block * 100 + 1, block * 100 + 99] as const;
  const [left, right] = evenLeft ? [even, odd] : [odd, even];
  return { name, prefix, fromLeft: left[0], toLeft: left[1], fromRight: right[0], toRight: right[1] };
}

/** A building just inside a block's south-west corner, addressed on the street south of it (north side: even). */
function venueAt(grid: BlockGrid, cell: Cell, place: Place, numbering: Numbering) {
  const [x, y] = grid.xy(cell);
  const along = 0.2;
  const east = x >= numbering.mainColumn;
  const n = east ? x - numbering.mainColumn : numbering.mainColumn - x - 1;
  const offset = Math.round((east ? along : 1 - along) * 98 / 2) * 2;
  const number = n * 100 + offset;
  return {
    address: `${number} ${east ? 'E' : 'W'} ${numbering.eastWestName(y)}`,
    location: place([x + along, y + 0.15]),
  };
}

// ---- People -------------------------------------------------------------------

type Entry = { id: string } & Record<string, unknown>;

function makeOfficers(random: Random, beats: Entry[], districts: Entry[]): Entry[] {
  const officers: Entry[] = [];
  const slugs = new Set<string>();
  const person = () => {
    for (;;) {
      const name = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
      const slug = slugify(name);
      for (let n = 1; ; n++) {
        const candidate = n === 1 ? slug : `${slug}-${n}`;
        if (!slugs.has(candidate)) return slugs.add(candidate), { name, slug: candidate };
      }
    }
  };
  const languages = () => ['en', ...officerLanguages.filter(([, p]) => random.chance(p)).map(([tag]) => tag)];
  const phone = () => `555-01${String(20 + random.int(80)).padStart(2, '0')}`;
  const add = (role: string, rank: string, serves: { beats?: string[]; district?: string }, hours: string, about: string) => {
    const { name, slug } = person();
    const spoken = languages();
    officers.push({
      id: slug,
      name,
      rank,
      role,
      beats: serves.beats ?? [],
      ...(serves.district ? { district: serves.district } : {}),
      languages: spoken,
      contact: { email: `${slug.replace(/-/g, '.')}@alderbrook.example`, phone: phone(), officeHours: hours },
      bio: `${rank} ${name.split(' ')[1]} ${about}, and ${random.pick(hobbies)}.${spoken.length > 1 ? ' Speaks ' + spoken.slice(1).map(languageName).join(' and ') + '.' : ''}`,
    });
  };

  add('coordinator', 'Sergeant', {}, 'Mon–Fri 9:00–17:00 at headquarters', 'coordinates community policing across Alderbrook');
  for (const district of districts) {
    const name = String(district.name);
    add('sergeant', 'Sergeant', { district: district.id }, `Tue 10:00–12:00 at the ${name} station`, `leads the community policing team of the ${name}`);
    add('youth_officer', 'Officer', { district: district.id }, 'Wed 15:00–18:00 at the station', `works with schools and youth programs in the ${name}`);
    if (random.chance(0.6)) add('liaison_officer', 'Officer', { district: district.id }, 'By appointment', `is the ${name}'s liaison to businesses and faith groups`);
  }
  for (const beat of beats) {
    const beatName = String(beat.name);
    add('community_policing_officer', 'Officer', { beats: [beat.id] }, `Thu ${14 + random.int(3)}:00–${17 + random.int(2)}:00 at the district station`, `is the community policing officer for ${beatName}`);
    add('beat_officer', 'Officer', { beats: [beat.id] }, 'On patrol; reach through the district station', `patrols ${beatName}`);
    if (random.chance(0.5)) add('beat_officer', 'Officer', { beats: [beat.id] }, 'On patrol; reach through the district station', `patrols ${beatName} on the evening watch`);
  }
  return officers;
}

function languageName(tag: string): string {
  return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
}

// ---- Meetings -------------------------------------------------------------------

const weekdays = ['MO', 'TU', 'WE', 'TH'] as const;


function makeMeetings(
  random: Random,
  grid: BlockGrid,
  beats: Entry[],
  beatOf: Map<Cell, number>,
  districts: Entry[],
  officers: Entry[],
  place: Place,
  numbering: Numbering,
): Entry[] {
  const meetings: Entry[] = [];
  const venueIn = (beatIndex: number) => {
    const cells = [...beatOf].filter(([, b]) => b === beatIndex).map(([cell]) => cell);
    const cell = cells[random.int(cells.length)]!;
    const [, y] = grid.xy(cell);
    const name = `${random.pick(random.chance(0.5) ? trees : birds)} ${random.pick(venueKinds)}`;
    return {
      name,
      ...venueAt(grid, cell, place, numbering),
      accessibility: random.chance(0.8) ? `Step-free entrance on ${numbering.eastWestName(y)}; accessible restroom` : 'Entrance has three steps; call ahead for the side-door ramp',
    };
  };
  const speaksSpanish = (beatId: string) =>
    officers.some((officer) => (officer.beats as string[]).includes(beatId) && (officer.languages as string[]).includes('es'));

  beats.forEach((beat, index) => {
    const weekday = random.int(weekdays.length);
    const nth = 1 + random.int(3);
    const everyOtherMonth = random.chance(0.3);
    const venue = venueIn(index);
    const start = `${nthWeekday(2026, 1, weekday, nth)}T${random.pick(['18:00', '18:30', '19:00'])}`;
    meetings.push({
      id: `beat-${beat.id}`,
      title: `${beat.name} community meeting`,
      kind: 'beat_meeting',
      beats: [beat.id],
      venue,
      schedule: {
        start,
        durationMinutes: random.pick([60, 90]),
        rrule: `FREQ=MONTHLY;${everyOtherMonth ? 'INTERVAL=2;' : ''}BYDAY=${nth}${weekdays[weekday]}`,
      },
      exceptions: [],
      languages: speaksSpanish(beat.id) ? ['en', 'es'] : ['en'],
    });
  });

  districts.forEach((district) => {
    const station = district.station as { name: string; address: string; location: [number, number] };
    meetings.push({
      id: `dac-${district.id}`,
      title: `${district.name} Advisory Council`,
      kind: 'district_advisory_council',
      district: district.id,
      venue: { name: station.name, address: station.address, location: station.location, accessibility: 'Step-free entrance; hearing loop in the community room' },
      schedule: { start: `${nthWeekday(2026, 1, 0, 1)}T18:30`, durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=1MO' },
      // The first Monday of September is Labor Day: that month's council meets a week later.
      exceptions: [{ date: nthWeekday(2026, 9, 0, 1), status: 'moved', movedTo: `${nthWeekday(2026, 9, 0, 2)}T18:30`, note: 'Moved for Labor Day' }],
      languages: ['en', 'es'],
    });
  });

  const first = districts[0]!;
  const station = first.station as { name: string; address: string; location: [number, number] };
  // A meeting's venue is a place, not a station: no phone, email or opening hours.
  const atStation = { name: station.name, address: station.address, location: station.location, accessibility: 'Step-free entrance' };
  const park = venueIn(0);
  meetings.push(
    {
      id: 'youth-summer-basketball',
      title: 'Summer night basketball with officers',
      kind: 'youth',
      district: first.id,
      venue: park,
      schedule: { start: '2026-06-05T19:00', durationMinutes: 120, rrule: 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20260829T045959Z' },
      exceptions: [{ date: '2026-07-03', status: 'cancelled', note: 'No game on the Independence Day weekend' }],
      languages: ['en', 'es'],
    },
    {
      id: 'youth-academy',
      title: 'Junior police academy (ages 12–16)',
      kind: 'youth',
      district: first.id,
      venue: atStation,
      schedule: { start: `${nthWeekday(2026, 1, 2, 3)}T16:00`, durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=3WE' },
      exceptions: [],
      languages: ['en'],
    },
    {
      id: 'watch-training',
      title: 'Starting a neighbourhood watch: training for new captains',
      kind: 'watch_training',
      district: districts[districts.length - 1]!.id,
      venue: atStation,
      schedule: { start: `${nthWeekday(2026, 1, 3, 2)}T18:30`, durationMinutes: 120, rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TH' },
      exceptions: [],
      languages: ['en', 'es'],
    },
    {
      id: 'business-retail-theft-2026-12',
      title: 'Retail theft prevention breakfast for businesses',
      kind: 'business',
      district: first.id,
      venue: atStation,
      schedule: { start: '2026-12-09T08:00', durationMinutes: 90 },
      exceptions: [],
      languages: ['en'],
    },
  );
  return meetings;
}

// ---- Watch groups ------------------------------------------------------------

/** A few groups, each watching a 2×2 square of blocks that lies in one beat. */
function makeWatchGroups(
  random: Random,
  grid: BlockGrid,
  beatOf: Map<Cell, number>,
  beatIds: string[],
  place: Place,
  numbering: Numbering,
  count: number,
): DemoWatchGroup[] {
  const groups: DemoWatchGroup[] = [];
  const taken = new Set<number>();
  for (const cell of random.shuffle([...beatOf.keys()])) {
    if (groups.length === count) break;
    const beat = beatOf.get(cell)!;
    const [x, y] = grid.xy(cell);
    const square = [cell, grid.cell(x + 1, y), grid.cell(x, y + 1), grid.cell(x + 1, y + 1)];
    if (taken.has(beat) || square.some((c) => c === undefined || beatOf.get(c) !== beat)) continue;
    taken.add(beat);
    const hex = () => random.int(16).toString(16);
    const id = `${Array.from({ length: 8 }, hex).join('')}-${Array.from({ length: 4 }, hex).join('')}-4${Array.from({ length: 3 }, hex).join('')}-8${Array.from({ length: 3 }, hex).join('')}-${Array.from({ length: 12 }, hex).join('')}`;
    const street = numbering.eastWestName(y + 1).replace(/ \w+$/, '');
    groups.push({ id, name: `${street} ${random.pick(['Block Watch', 'Neighbours', 'Block Club', 'Watch'])}`, beat: beatIds[beat]!, area: area(grid, new Set(square as Cell[]), place) as Polygon });
  }
  return groups;
}

/** The SQL that seeds the demo's watch groups into the local database (see supabase/seed.sql). */
export function watchGroupSeedSql(groups: readonly DemoWatchGroup[]): string {
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const rows = groups.map(
    (group) => `  (${quote(group.id)}, ${quote(group.name)}, ${quote(group.beat)}, ${quote(JSON.stringify(group.area))}, 'approved', '2026-01-15T18:00:00Z')`,
  );
  return `insert into public.watch_groups (watch_group_id, name, beat, area, status, approved_at) values\n${rows.join(',\n')}\non conflict (watch_group_id) do nothing;\n`;
}

// ---- Local staff accounts and scope ----------------------------------------------

/** A staff account the local seed creates, so the workspace can be tried as each role. */
export interface DemoStaffAccount {
  id: string;
  email: string;
  role: 'officer' | 'supervisor' | 'coordinator';
  officerSlug: string;
  district?: string;
}

// On a reserved domain (RFC 2606), so no mail can ever reach a real person.
const staffDomain = 'staff.alderbrook.example';

/**
 * One account per role, and a second officer in another district, so that an
 * officer's view and what it leaves out can both be seen. Fixed ids keep the
 * seed idempotent. Each is linked to the officer profile it stands for.
 */
export function demoStaffAccounts(city: DemoCity): DemoStaffAccount[] {
  const profile = (what: string, found: DemoCity['officers'][number] | undefined) => {
    if (!found) throw new Error(`the demo city has no ${what}`);
    return found.id;
  };
  const [first, second] = city.districts;
  if (!first || !second) throw new Error('the demo city needs two districts for its staff accounts');
  const firstBeatOf = (district: string) =>
    city.beats.filter((beat) => beat.district === district).map((beat) => beat.id).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0];
  const officerOf = (district: string, n: number): DemoStaffAccount => {
    const beat = firstBeatOf(district);
    const slug = profile(
      `community policing officer for the first beat of district ${district}`,
      city.officers.find((officer) => officer.role === 'community_policing_officer' && (officer.beats as string[]).includes(beat!)),
    );
    return { id: staffId(n), email: `officer.beat${beat}@${staffDomain}`, role: 'officer', officerSlug: slug };
  };
  return [
    {
      id: staffId(1),
      email: `coordinator@${staffDomain}`,
      role: 'coordinator',
      officerSlug: profile('coordinator', city.officers.find((officer) => officer.role === 'coordinator')),
    },
    {
      id: staffId(2),
      email: `supervisor.district${first.id}@${staffDomain}`,
      role: 'supervisor',
      officerSlug: profile(`sergeant for district ${first.id}`, city.officers.find((officer) => officer.role === 'sergeant' && officer.district === first.id)),
      district: first.id,
    },
    officerOf(first.id, 3),
    officerOf(second.id, 4),
  ];
}

const staffId = (n: number) => `5eed57af-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * The SQL that seeds the demo's staff accounts: Auth users without a password
 * (the local stack gives them one from its secrets, never kept in the
 * repository) and their roles. A staff row joins its user, so an address
 * already taken by another account is skipped rather than failing the seed.
 */
export function staffAccountSeedSql(accounts: readonly DemoStaffAccount[]): string {
  const users = accounts.map((account) => `  (${sqlText(account.id)}, ${sqlText(account.email)}, null)`);
  const roles = accounts.map(
    (account) => `  (${sqlText(account.id)}, ${sqlText(account.role)}, ${sqlText(account.officerSlug)}, ${account.district === undefined ? 'null' : sqlText(account.district)})`,
  );
  return (
    `insert into auth.users (id, email, encrypted_password) values\n${users.join(',\n')}\non conflict do nothing;\n` +
    `insert into public.staff_members (user_id, role, officer_slug, district)\n` +
    `select u.id, s.role, s.officer_slug, s.district\n  from (values\n${roles.map((row) => `  ${row}`).join(',\n')}\n  ) as s (user_id, role, officer_slug, district)\n` +
    `  join auth.users as u on u.id = s.user_id::uuid\n` +
    `on conflict (user_id) do nothing;\n`
  );
}

/** The generated sections of supabase/seed.sql, each written between its `-- <marker>: begin/end` lines. */
export function demoSeedSections(city: DemoCity): Array<{ marker: string; sql: string }> {
  return [
    { marker: 'demo watch groups', sql: watchGroupSeedSql(city.watchGroups) },
    { marker: 'demo staff accounts', sql: staffAccountSeedSql(demoStaffAccounts(city)) },
  ];
}

// ---- Workshops ------------------------------------------------------------------

const workshops: Entry[] = [
  {
    id: 'robbery-prevention',
    title: 'Robbery prevention for staff',
    kind: 'workshop',
    description: 'What makes a business a target, how to open and close safely, cash handling, and what to do, and not do, during and after a robbery.',
    durationMinutes: 90,
    minimumAttendees: 5,
  },
  {
    id: 'shoplifting',
    title: 'Shoplifting and retail theft',
    kind: 'workshop',
    description: 'Store layout, sight lines and staff habits that deter theft; how to report it so it can be followed up; organised retail crime.',
    durationMinutes: 60,
    minimumAttendees: 5,
  },
  {
    id: 'scams-and-fraud',
    title: 'Scams and fraud against businesses',
    kind: 'workshop',
    description: 'Fake invoices, payment diversion, gift-card and impersonation scams, and counterfeit notes: how they work and the checks that stop them.',
    durationMinutes: 60,
    minimumAttendees: 3,
  },
  {
    id: 'cpted-survey',
    title: 'Security survey of your premises (CPTED)',
    kind: 'survey',
    description: 'An officer trained in crime prevention through environmental design walks your premises with you and leaves written advice on lighting, sight lines, access and upkeep.',
    durationMinutes: 90,
    minimumAttendees: 1,
  },
  {
    id: 'active-threat-awareness',
    title: 'Active-threat awareness',
    kind: 'workshop',
    description: 'Recognising warning signs, and how staff can get out, hide or act, and help responders, if the worst happens.',
    durationMinutes: 120,
    minimumAttendees: 8,
  },
];
