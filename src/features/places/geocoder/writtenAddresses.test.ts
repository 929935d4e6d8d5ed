// Addresses as residents write them, or paste them from a letter, against a small
// city with what makes real ones hard: quadrants (4th St NW and 4th St NE are
// different streets), prefixes (E and W Birch St), directions after the name
// (Oak Rd N and S), numbered streets, and names that begin with a direction or a
// type word. Each finds the right block and side, or lists every street it could be.
import { describe, expect, it } from 'vitest';
import type { StreetFeature, StreetSegment } from '../../../lib/geo/streets.ts';
import { buildAddressIndex, postalArea } from './buildAddressIndex.ts';
import { createGeocoder, type GeocodeResult } from './geocoder.ts';

const origin = { lon: -77, lat: 38.9 };
const at = (east: number, north: number): [number, number] => [origin.lon + east * 0.0024, origin.lat + north * 0.0018];

// Even numbers on the left of each line, odd on the right.
const block = (name: string, prefix: StreetSegment['prefix'], from: [number, number], to: [number, number], first: number): StreetFeature => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates: [from, to] },
  properties: { name, ...(prefix ? { prefix } : {}), fromLeft: first, toLeft: first + 98, fromRight: first + 1, toRight: first + 99 },
});

const streets: StreetFeature[] = [
  // A quadrant city's numbered street, once in each quadrant, and an avenue in two of them.
  block('4th St NW', undefined, at(-2, 1), at(-2, 2), 400),
  block('4th St NE', undefined, at(2, 1), at(2, 2), 400),
  block('4th St SE', undefined, at(2, -2), at(2, -1), 400),
  block('4th St SW', undefined, at(-2, -2), at(-2, -1), 400),
  block('Elm Ave NW', undefined, at(-2, 1), at(-1, 1), 1200),
  block('Elm Ave SE', undefined, at(2, -1), at(3, -1), 1200),
  // A grid city's prefixes.
  block('Birch St', 'E', at(0, 0), at(1, 0), 0),
  block('Birch St', 'E', at(1, 0), at(2, 0), 100),
  block('Birch St', 'W', at(0, 0), at(-1, 0), 0),
  block('Main St', 'N', at(0, 0), at(0, 1), 0),
  block('Main St', 'S', at(0, 0), at(0, -1), 0),
  block('7th Ave', 'N', at(8, 0), at(8, 1), 700),
  block('7th Ave', 'S', at(8, 0), at(8, -1), 700),
  block('12th St', undefined, at(9, 0), at(9, 1), 1200),
  // Directions after the name, as in grid cities that write them last.
  block('Oak Rd N', undefined, at(5, 0), at(5, 1), 100),
  block('Oak Rd S', undefined, at(5, -1), at(5, -2), 100),
  // Names that begin with a direction or type word, letter streets, Saint, Mount and Fort.
  block('West End Ave', undefined, at(-5, 0), at(-4, 0), 300),
  block('End Ave', 'E', at(-5, 1), at(-4, 1), 300),
  block('North Shore Dr', undefined, at(-5, 2), at(-4, 2), 100),
  block('Avenue of the Arts', undefined, at(-5, 4), at(-4, 4), 100),
  block('N St NW', undefined, at(-6, 6), at(-5, 6), 100),
  block('E St', undefined, at(-6, 7), at(-5, 7), 100),
  block('St Louis Ave', undefined, at(6, 3), at(7, 3), 100),
  block('Mt Vernon Pl', undefined, at(6, 4), at(7, 4), 100),
  block('Ft Dearborn Blvd', undefined, at(6, 5), at(7, 5), 100),
  block('Martin Luther King Jr Pkwy', undefined, at(6, 6), at(7, 6), 2000),
  // Rarer USPS suffixes, a name beginning with one (Lake), and a court, whose CT is also Connecticut's.
  block('Cedar Xing', undefined, at(-6, 8), at(-5, 8), 100),
  block('Willow Holw', undefined, at(-6, 9), at(-5, 9), 100),
  block('Lake Shore Blvd', undefined, at(-6, 10), at(-5, 10), 100),
  block('Kent Ct', undefined, at(-6, 11), at(-5, 11), 100),
];

const site = { jurisdiction: 'Washington', postal: { state: 'DC', cities: ['Washington DC'], zips: ['20001', '20002', '20003'] } };
const { catalog, chunks } = buildAddressIndex({ type: 'FeatureCollection', features: streets }, { area: postalArea(site) });
// The catalog as the finder downloads it (catalog.json) is what `openbeat geocode` reads too: one code path.
const geocoder = createGeocoder(JSON.parse(JSON.stringify(catalog)) as typeof catalog, async (id) => chunks.get(id)!);

/**
 * Where a house was put against the block of its street whose range holds its number:
 * how far along the block (0 to 1), how many metres off its line, and on which side.
 */
function placeOnBlock(result: GeocodeResult, number: number): { along: number; off: number; side: 'left' | 'right' } {
  const name = result.label.slice(`${number} `.length);
  const [from, to] = streets.find(({ properties: p }) => {
    const full = p.prefix ? `${p.prefix} ${p.name}` : p.name;
    return full === name && p.fromLeft <= number && number <= p.toRight;
  })!.geometry.coordinates as [[number, number], [number, number]];
  const metres = ([lon, lat]: readonly number[]) => [(lon! - origin.lon) * 111_320 * Math.cos((origin.lat * Math.PI) / 180), (lat! - origin.lat) * 110_574] as const;
  const [ax, ay] = metres(from);
  const [bx, by] = metres(to);
  const [px, py] = metres([result.lon, result.lat]);
  const length = Math.hypot(bx - ax, by - ay);
  const along = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length ** 2;
  const cross = ((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / length;
  return { along, off: Math.abs(cross), side: cross > 0 ? 'left' : 'right' };
}

// What was typed, and the houses it must find: one, or each candidate when it could be several streets.
const written: [string, string[]][] = [
  // Full postal lines.
  ['441 4TH STREET NW', ['441 4th St NW']],
  ['441 4th St NW, Washington, DC 20001', ['441 4th St NW']],
  ['441 4th St NW Washington DC 20001', ['441 4th St NW']],
  ['441 4th St NW Washington DC', ['441 4th St NW']],
  ['441 4th St NW, Washington DC 20001-1234', ['441 4th St NW']],
  ['441 4th St. N.W., Washington, D.C. 20001', ['441 4th St NW']],
  ['441 Fourth Street Northwest, Washington, District of Columbia', ['441 4th St NW']],
  ['441 4th St NW Apt 4B, Washington, DC 20001', ['441 4th St NW']],
  ['441 4th St NW #4B Washington DC 20001', ['441 4th St NW']],
  ['441 4th St NW, Unit 4, Washington, DC', ['441 4th St NW']],
  ['441 4th St NW Ste 200', ['441 4th St NW']],
  ['441 4th St NW Fl 2', ['441 4th St NW']],
  ['441 4th St NW Rm 12', ['441 4th St NW']],
  ['441 4th St NW Bldg C', ['441 4th St NW']],
  ['441 4th St NW, Washington', ['441 4th St NW']],
  ['441 4th St NW Washington DC', ['441 4th St NW']],
  ['441 4th St NW, 20001', ['441 4th St NW']],
  ['441 4th NW Washington DC 20001', ['441 4th St NW']],
  ['441 4th St NW, Washington, D.C.', ['441 4th St NW']],
  ['441 4th st nw, washington, dc', ['441 4th St NW']],
  ['450 4th St NE, Washington, DC 20002', ['450 4th St NE']],
  ['450 4TH ST N.E.', ['450 4th St NE']],
  ['450 Fourth St Northeast', ['450 4th St NE']],
  ['450 4th Street NE Apt 1', ['450 4th St NE']],
  ['498 4th St SE', ['498 4th St SE']],
  ['498 4th St S.E., Washington, DC 20003', ['498 4th St SE']],
  ['401 4th Street Southeast', ['401 4th St SE']],
  ['401 4th St SW', ['401 4th St SW']],
  ['401 4th St Southwest #12', ['401 4th St SW']],
  ['401 4th St. S.W.', ['401 4th St SW']],
  ['1234 Elm Ave NW', ['1234 Elm Ave NW']],
  ['1234 ELM AVENUE NW, Washington, DC 20001', ['1234 Elm Ave NW']],
  ['1234 Elm Av NW', ['1234 Elm Ave NW']],
  ['1234 Elm Avenue Northwest Apt 3', ['1234 Elm Ave NW']],
  ['1235 Elm Ave SE', ['1235 Elm Ave SE']],
  ['1235 Elm Ave. S.E. Washington DC', ['1235 Elm Ave SE']],
  ['1235 elm avenue southeast', ['1235 Elm Ave SE']],
  // Quadrants the resident left out: every street it could be, never one picked.
  ['441 4th St', ['441 4th St NE', '441 4th St NW', '441 4th St SE', '441 4th St SW']],
  ['441 4th Street, Washington, DC', ['441 4th St NE', '441 4th St NW', '441 4th St SE', '441 4th St SW']],
  ['441 Fourth St', ['441 4th St NE', '441 4th St NW', '441 4th St SE', '441 4th St SW']],
  ['441 4th', ['441 4th St NE', '441 4th St NW', '441 4th St SE', '441 4th St SW']],
  ['1234 Elm Ave', ['1234 Elm Ave NW', '1234 Elm Ave SE']],
  ['1234 Elm Avenue, Washington DC 20001', ['1234 Elm Ave NW', '1234 Elm Ave SE']],
  ['1234 elm', ['1234 Elm Ave NW', '1234 Elm Ave SE']],
  ['1234 Elm Ave Apt 2', ['1234 Elm Ave NW', '1234 Elm Ave SE']],
  // A quadrant before the name, as some quadrant cities write it.
  ['441 NW 4th St', ['441 4th St NW']],
  ['450 NE 4th Street', ['450 4th St NE']],
  ['1234 N.W. Elm Ave', ['1234 Elm Ave NW']],
  // Prefixes, spelled out or abbreviated, with or without dots, and written last.
  ['50 E Birch St', ['50 E Birch St']],
  ['50 East Birch Street', ['50 E Birch St']],
  ['50 E. Birch St.', ['50 E Birch St']],
  ['50 e birch st', ['50 E Birch St']],
  ['50 EAST BIRCH STREET', ['50 E Birch St']],
  ['50 Birch St E', ['50 E Birch St']],
  ['50 Birch St East', ['50 E Birch St']],
  ['150 E Birch Str', ['150 E Birch St']],
  ['151 E Birch St, Washington, DC 20002', ['151 E Birch St']],
  ['151 East Birch St Apt 3B', ['151 E Birch St']],
  ['51 W Birch St', ['51 W Birch St']],
  ['51 West Birch St #2', ['51 W Birch St']],
  ['51 W. Birch Street, Washington DC', ['51 W Birch St']],
  ['51 Birch St W', ['51 W Birch St']],
  ['50 Birch St', ['50 E Birch St', '50 W Birch St']],
  ['150 Birch St', ['150 E Birch St']],
  ['20 N Main St', ['20 N Main St']],
  ['20 North Main Street', ['20 N Main St']],
  ['20 N. Main St., Washington, DC 20001', ['20 N Main St']],
  ['21 S Main St', ['21 S Main St']],
  ['21 South Main St Apt 1', ['21 S Main St']],
  ['21 Main St S', ['21 S Main St']],
  ['21 Main St South', ['21 S Main St']],
  // Directions after the name that are part of the street's name in the data.
  ['150 Oak Rd N', ['150 Oak Rd N']],
  ['150 Oak Road North', ['150 Oak Rd N']],
  ['151 Oak Rd S', ['151 Oak Rd S']],
  ['151 Oak Road South, Washington, DC', ['151 Oak Rd S']],
  ['151 Oak Rd. S. #4', ['151 Oak Rd S']],
  ['151 Oak Rd', ['151 Oak Rd N', '151 Oak Rd S']],
  // Numbered streets as numbers or words.
  ['750 N 7th Ave', ['750 N 7th Ave']],
  ['750 N Seventh Avenue', ['750 N 7th Ave']],
  ['750 N 7TH AVE', ['750 N 7th Ave']],
  ['751 S 7th Av', ['751 S 7th Ave']],
  ['751 South Seventh Ave, Washington DC', ['751 S 7th Ave']],
  ['751 7th Ave S', ['751 S 7th Ave']],
  ['750 7th Ave', ['750 N 7th Ave', '750 S 7th Ave']],
  ['1250 12th St', ['1250 12th St']],
  ['1250 Twelfth Street', ['1250 12th St']],
  ['1251 12TH ST Apt 7', ['1251 12th St']],
  // Names that begin with a direction or a type word: the data decides.
  ['350 West End Ave', ['350 West End Ave']],
  ['350 WEST END AVENUE, Washington, DC', ['350 West End Ave']],
  ['350 E End Ave', ['350 E End Ave']],
  ['350 East End Ave', ['350 E End Ave']],
  ['150 North Shore Dr', ['150 North Shore Dr']],
  ['150 North Shore Drive Apt 4', ['150 North Shore Dr']],
  ['150 Avenue of the Arts', ['150 Avenue of the Arts']],
  ['150 Ave of the Arts', ['150 Avenue of the Arts']],
  ['150 N St NW', ['150 N St NW']],
  ['150 N Street Northwest, Washington, DC 20001', ['150 N St NW']],
  ['150 E St', ['150 E St']],
  ['150 E Street', ['150 E St']],
  // Saint, Mount, Fort, long names and typos.
  ['150 Saint Louis Ave', ['150 St Louis Ave']],
  ['150 St. Louis Avenue', ['150 St Louis Ave']],
  ['150 Mount Vernon Place', ['150 Mt Vernon Pl']],
  ['150 Mt. Vernon Pl', ['150 Mt Vernon Pl']],
  ['150 Fort Dearborn Boulevard', ['150 Ft Dearborn Blvd']],
  ['150 Ft Dearborn Blvd #9', ['150 Ft Dearborn Blvd']],
  ['2050 Martin Luther King Jr Parkway', ['2050 Martin Luther King Jr Pkwy']],
  ['2050 Martin Luther King Jr Pky, Washington, DC', ['2050 Martin Luther King Jr Pkwy']],
  ['2050 Martin Luthr King Jr Pkwy', ['2050 Martin Luther King Jr Pkwy']],
  ['1234 Elm Avenu NW', ['1234 Elm Ave NW']],
  ['50 E Brich St', ['50 E Birch St']],
  // Rarer suffixes of USPS Publication 28, in any of their spellings.
  ['150 Cedar Crossing', ['150 Cedar Xing']],
  ['150 CEDAR CRSSNG NW', ['150 Cedar Xing']],
  ['151 Willow Hollow', ['151 Willow Holw']],
  ['151 Willow Hllw #3, Washington, DC 20001', ['151 Willow Holw']],
  ['150 Lake Shore Boulevard', ['150 Lake Shore Blvd']],
  ['150 Lk Shore Blvd', ['150 Lake Shore Blvd']],
  // A state code that is also a direction or a street type is the street's unless a comma or a ZIP code says otherwise.
  ['150 Kent Ct', ['150 Kent Ct']],
  ['150 Kent Court', ['150 Kent Ct']],
  ['150 Kent Ct Washington DC 20001', ['150 Kent Ct']],
  ['150 Kent Ct, Washington, DC', ['150 Kent Ct']],
  ['450 4th St NE Washington', ['450 4th St NE']],
  ['450 4th St NE DC 20002', ['450 4th St NE']],
  // A city written without a comma that the settings do not list (a neighbourhood's name) is no city.
  ['441 4th St NW Georgetown DC 20001', ['441 4th St NW']],
  ['450 4th St NE Capitol Hill DC', ['450 4th St NE']],
  ['151 E Birch St Apt 3 Foggy Bottom 20002', ['151 E Birch St']],
  // A building spanning two numbers, a rear house and a letter suffix.
  ['441-443 4th St NW', ['441 4th St NW']],
  ['441 1/2 4th St NW', ['441 4th St NW']],
  ['441A 4th St NW', ['441 4th St NW']],
];

describe('createGeocoder on addresses as people write them', () => {
  it('has a table of at least a hundred', () => {
    expect(written.length).toBeGreaterThanOrEqual(100);
  });

  it.each(written)('"%s" finds %j, each on the side of its number', async (text, expected) => {
    const results = await geocoder.geocode(text);
    expect(results.map((result) => result.label).sort(), text).toEqual([...expected].sort());
    for (const result of results) {
      const number = Number.parseInt(result.label, 10);
      expect(result.precision, text).toBe('address');
      const { along, off, side } = placeOnBlock(result, number);
      // On its own block, set back from the centreline: not on a namesake, not across the street.
      expect(along, text).toBeGreaterThanOrEqual(0);
      expect(along, text).toBeLessThanOrEqual(1);
      expect(off, text).toBeCloseTo(8, 0);
      expect(side, text).toBe(number % 2 === 0 ? 'left' : 'right');
    }
  });

  it.each([
    ['441 4th St NW, Springfield, IL 62704', 'IL'],
    ['441 4th St NW Baltimore MD 21201', 'MD'],
    ['441 4th St NW, Washington, DC 20500', '20500'],
    ['441 4th St NW, Arlington, VA', 'VA'],
    ['441 4th St NW, Bethesda', 'Bethesda'],
    ['441 4th St NW Wisconsin', 'WI'],
    ['150 Kent Ct, Hartford, CT', 'CT'],
    ['150 Kent Ct Hartford CT 06103', 'CT'],
    ['450 4th St NE, Lincoln, NE', 'NE'],
    ['450 4th St NE Lincoln NE 68508', 'NE'],
    ['450 4th St NE, NE', 'NE'],
  ])('says "%s" is outside the jurisdiction because of %s, rather than that no street matches', async (text, part) => {
    expect(geocoder.outside(text)).toBe(part);
    if (part) expect(await geocoder.geocode(text)).toEqual([]);
  });

  it('takes a city sharing words with the jurisdiction’s name for its own, as Springfield is of “Springfield, Illinois”', () => {
    const index = buildAddressIndex({ type: 'FeatureCollection', features: streets }, { area: postalArea({ jurisdiction: 'Springfield, Illinois' }) });
    const springfield = createGeocoder(index.catalog, async (id) => index.chunks.get(id)!);
    expect(springfield.outside('441 4th St NW, Springfield, IL 62704')).toBeUndefined();
    expect(springfield.outside('441 4th St NW, Chicago, IL 60601')).toBe('Chicago');
  });

  it('lets every address of the jurisdiction’s own state, cities and ZIP codes through', () => {
    for (const text of [
      '441 4th St NW, Washington, DC 20001', '441 4th St NW Washington DC', '441 4th St NW, Washington DC, DC 20003', '441 4th St NW',
      '450 4th St NE', '150 Kent Ct', '441 4th St NW Georgetown DC', '441 4th St NW Bethesda',
    ]) {
      expect(geocoder.outside(text), text).toBeUndefined();
    }
  });

  it('suggests a street whose name begins with a USPS suffix word from its first letters, as Lake Shore Blvd from "lak"', () => {
    expect(geocoder.suggest('150 lak')).toEqual(['150 Lake Shore Blvd']);
    expect(geocoder.suggest('150 Lk Sh')).toEqual(['150 Lake Shore Blvd']);
    expect(geocoder.suggest('150 Cedar Cros')).toEqual(['150 Cedar Xing']);
  });

  it('finds an intersection with a quadrant on either street, and lists it in each quadrant when none is given', async () => {
    const [lon, lat] = at(-2, 1);
    expect(await geocoder.geocode('4th St NW & Elm Ave NW')).toEqual([{ label: '4th St NW & Elm Ave NW', lon, lat, precision: 'intersection' }]);
    expect((await geocoder.geocode('4th & Elm NW')).map((result) => result.label)).toEqual(['4th St NW & Elm Ave NW']);
    expect((await geocoder.geocode('4th St and Elm Ave, Washington, DC')).map((result) => result.label).sort()).toEqual([
      '4th St NW & Elm Ave NW',
      '4th St SE & Elm Ave SE',
    ]);
  });

  it('places a house on blocks with theoretical ranges (whole blocks, 1000–1098) as on blocks with actual ones', async () => {
    const theoretical = [block('Ash St', undefined, at(0, 10), at(1, 10), 1000), block('Ash St', undefined, at(1, 10), at(2, 10), 1100)];
    const index = buildAddressIndex({ type: 'FeatureCollection', features: theoretical });
    const ash = createGeocoder(index.catalog, async (id) => index.chunks.get(id)!);
    for (const [text, east] of [['1000 Ash St', 0], ['1049 Ash St', 0.5], ['1098 Ash St', 1], ['1100 Ash St', 1], ['1199 Ash St', 2]] as const) {
      const [house] = await ash.geocode(text);
      expect(house, text).toMatchObject({ label: text, precision: 'address' });
      // Within the 8 m set back from each end of its block, along the block by its number.
      expect(Math.abs((house!.lon - at(east, 10)[0]) / 0.0024), text).toBeLessThan(0.1);
    }
  });
});
