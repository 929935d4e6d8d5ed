import { describe, expect, it } from 'vitest';
import { demoCity } from '../../../cli/demo/city.ts';
import { createBeatIndex, type BeatArea } from '../../../lib/geo/beatIndex.ts';
import type { StreetFeature, StreetSegment } from '../../../lib/geo/streets.ts';
import type { Catalog, Chunk } from './addressIndex.ts';
import { buildAddressIndex } from './buildAddressIndex.ts';
import { createGeocoder, type GeocodeResult } from './geocoder.ts';

// A few blocks around the crossing of Main St and Birch St at (-88, 41), laid out
// like the demo city: 200 m blocks, 100 numbers each, even numbers on the north
// side of east–west streets and the east side of north–south ones. Lines run away
// from the crossing, so W Birch St and S Main St run the opposite way to their
// E and N halves and have their even side on the other hand.
const origin = { lon: -88, lat: 41 };
const lonBlock = 0.0024;
const latBlock = 0.0018;
const at = (east: number, north: number): [number, number] => [origin.lon + east * lonBlock, origin.lat + north * latBlock];

const segment = (name: string, prefix: StreetSegment['prefix'], from: [number, number], to: [number, number], left: [number, number], right: [number, number]): StreetFeature => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates: [from, to] },
  properties: { name, ...(prefix ? { prefix } : {}), fromLeft: left[0], toLeft: left[1], fromRight: right[0], toRight: right[1] },
});

const streets = [
  segment('Birch St', 'E', at(0, 0), at(1, 0), [0, 98], [1, 99]),
  segment('Birch St', 'E', at(1, 0), at(2, 0), [100, 198], [101, 199]),
  segment('Birch St', 'W', at(0, 0), at(-1, 0), [1, 99], [0, 98]),
  segment('Main St', 'N', at(0, 0), at(0, 1), [1, 99], [0, 98]),
  segment('Main St', 'S', at(0, 0), at(0, -1), [0, 98], [1, 99]),
  segment('Elm Ave', 'N', at(1, 0), at(1, 1), [1, 99], [0, 98]),
  segment('Birch Ct', undefined, at(5, 5), at(6, 5), [2, 20], [1, 21]),
  segment('Martin Luther King Jr Dr', undefined, at(-5, 5), at(-4, 5), [100, 198], [101, 199]),
  segment('Kingsbury St', undefined, at(-5, 6), at(-4, 6), [100, 198], [101, 199]),
];

/** The index as the browser gets it: JSON text, one chunk per street so every download can be counted. */
function geocoderFor(features: StreetFeature[] = streets) {
  const { catalog, chunks } = buildAddressIndex({ type: 'FeatureCollection', features }, { targetChunkBytes: 1 });
  const files = new Map([...chunks].map(([id, chunk]) => [id, JSON.stringify(chunk)]));
  const loaded: string[] = [];
  const geocoder = createGeocoder(JSON.parse(JSON.stringify(catalog)) as Catalog, async (id) => {
    loaded.push(id);
    return JSON.parse(files.get(id)!) as Chunk;
  });
  const chunkOf = (name: string) => catalog.streets.find((street) => street.name === name)!.chunk;
  return { geocoder, loaded, chunkOf };
}

/** Metres east and north of the crossing of Main St and Birch St. */
const metres = ({ lon, lat }: GeocodeResult) => ({
  east: (lon - origin.lon) * 111_320 * Math.cos((origin.lat * Math.PI) / 180),
  north: (lat - origin.lat) * 110_574,
});
const blockMetres = lonBlock * 111_320 * Math.cos((origin.lat * Math.PI) / 180);

async function only(text: string): Promise<GeocodeResult> {
  const results = await geocoderFor().geocoder.geocode(text);
  expect(results, text).toHaveLength(1);
  return results[0]!;
}

describe('createGeocoder', () => {
  describe('geocode', () => {
    it('puts a house part-way along its block by its number, set back from the street', async () => {
      const house = await only('50 E Birch St');
      expect(house).toMatchObject({ label: '50 E Birch St', precision: 'address' });
      // 50 of 0–98: about half way, inside the 8 m kept clear of the cross streets at each end.
      expect(metres(house).east).toBeCloseTo(8 + (50 / 98) * (blockMetres - 16), 0);
      expect(metres(house).north).toBeCloseTo(8, 1);
      const nextBlock = await only('150 E Birch St');
      expect(metres(nextBlock).east).toBeCloseTo(blockMetres + 8 + (50 / 98) * (blockMetres - 16), 0);
    });

    it('puts even numbers north and odd numbers south of an east–west street, whichever way its line runs', async () => {
      expect(metres(await only('50 E Birch St')).north).toBeCloseTo(8, 1);
      expect(metres(await only('51 E Birch St')).north).toBeCloseTo(-8, 1);
      expect(metres(await only('50 W Birch St')).north).toBeCloseTo(8, 1);
      expect(metres(await only('51 W Birch St')).north).toBeCloseTo(-8, 1);
      expect(metres(await only('51 W Birch St')).east).toBeLessThan(0);
    });

    it('puts even numbers east and odd numbers west of a north–south street, whichever way its line runs', async () => {
      expect(metres(await only('50 N Main St')).east).toBeCloseTo(8, 1);
      expect(metres(await only('51 N Main St')).east).toBeCloseTo(-8, 1);
      expect(metres(await only('50 S Main St')).east).toBeCloseTo(8, 1);
      expect(metres(await only('51 S Main St')).east).toBeCloseTo(-8, 1);
      expect(metres(await only('51 S Main St')).north).toBeLessThan(0);
    });

    it('finds the same house however the address is written', async () => {
      const house = await only('50 E Birch St');
      for (const text of ['50 east birch street', '50 E. BIRCH ST.', '50 E Birch St Apt 3', '50 E Birch St #2, Alderbrook, IL 60000', '50 Birch St E']) {
        expect(await only(text), text).toEqual(house);
      }
    });

    it('finds the street despite a typo in its name or type', async () => {
      expect((await only('50 E Brich St')).label).toBe('50 E Birch St');
      expect((await only('50 E Birch Stret')).label).toBe('50 E Birch St');
      expect((await only('150 Martin Luther Kng Jr Drive')).label).toBe('150 Martin Luther King Jr Dr');
    });

    it('offers the house under each prefix that has the number when none was given', async () => {
      const results = await geocoderFor().geocoder.geocode('50 Birch St');
      expect(results.map((result) => [result.label, result.precision])).toEqual([
        ['50 E Birch St', 'address'],
        ['50 W Birch St', 'address'],
      ]);
    });

    it('places a number just beyond the last block at the nearest block, as street precision', async () => {
      const house = await only('250 E Birch St');
      expect(house).toMatchObject({ label: '250 E Birch St', precision: 'street' });
      expect(metres(house).east).toBeCloseTo(2 * blockMetres - 8, 0);
      expect(metres(house).north).toBeCloseTo(8, 1);
    });

    it('finds nothing for a number far beyond the street’s last block, as outside the city limits', async () => {
      expect(await geocoderFor().geocoder.geocode('5000 E Birch St')).toEqual([]);
    });

    it('finds nothing, and downloads nothing, for a street the city does not have', async () => {
      const { geocoder, loaded } = geocoderFor();
      expect(await geocoder.geocode('12 Nowhere Rd')).toEqual([]);
      expect(await geocoder.geocode('1234 Sycamore St, Springfield, IL')).toEqual([]);
      expect(await geocoder.geocode('')).toEqual([]);
      expect(loaded).toEqual([]);
    });

    it('gives the middle of the street when no number is given', async () => {
      const street = await only('Elm Ave');
      expect(street).toMatchObject({ label: 'N Elm Ave', precision: 'street' });
      expect(metres(street).east).toBeCloseTo(blockMetres, 0);
    });

    it('finds where two streets meet, however the intersection is written', async () => {
      const { geocoder } = geocoderFor();
      const crossing = { label: 'Birch St & Main St', lon: origin.lon, lat: origin.lat, precision: 'intersection' };
      expect(await geocoder.geocode('Birch St & Main St')).toEqual([crossing]);
      expect(await geocoder.geocode('birch st and main')).toEqual([crossing]);
      expect(await geocoder.geocode('Birch St at Main St')).toEqual([crossing]);
      const [lon, lat] = at(1, 0);
      expect(await geocoder.geocode('Elm/Birch St')).toEqual([{ label: 'Elm Ave & Birch St', lon, lat, precision: 'intersection' }]);
    });

    it('finds no intersection for streets that never meet, or a street the city does not have', async () => {
      const { geocoder } = geocoderFor();
      expect(await geocoder.geocode('Elm Ave & Main St')).toEqual([]);
      expect(await geocoder.geocode('Birch St & Nowhere Rd')).toEqual([]);
    });

    it('downloads only the chunk of the street asked for, and only once', async () => {
      const { geocoder, loaded, chunkOf } = geocoderFor();
      await geocoder.geocode('50 E Birch St');
      expect(loaded).toEqual([chunkOf('Birch St')]);
      await geocoder.geocode('150 E Birch St');
      expect(loaded).toEqual([chunkOf('Birch St')]);
    });

    it('rules out a namesake street by its house numbers before downloading its chunk', async () => {
      // Birch Ct only has numbers up to 21, so 150 must be on Birch St.
      const { geocoder, loaded, chunkOf } = geocoderFor();
      expect((await geocoder.geocode('150 Birch')).map((result) => result.label)).toEqual(['150 E Birch St']);
      expect(loaded).toEqual([chunkOf('Birch St')]);
    });

    it('downloads one chunk for an intersection: the one that records the meeting', async () => {
      const { geocoder, loaded, chunkOf } = geocoderFor();
      await geocoder.geocode('Main St & Birch St');
      expect(loaded).toEqual([chunkOf('Birch St')]);
    });

    it('downloads a chunk again after a failed download', async () => {
      const { catalog, chunks } = buildAddressIndex({ type: 'FeatureCollection', features: streets });
      let attempts = 0;
      const geocoder = createGeocoder(catalog, async (id) => {
        if (++attempts === 1) throw new Error('offline');
        return chunks.get(id)!;
      });
      await expect(geocoder.geocode('50 E Birch St')).rejects.toThrow('offline');
      expect(await geocoder.geocode('50 E Birch St')).toHaveLength(1);
    });
  });

  describe('on the demo city', () => {
    it('puts every venue and station at its address, in the same beat as the city drew it', async () => {
      const city = demoCity({ scale: 1, seed: 2026 });
      const { catalog, chunks } = buildAddressIndex(city.streets);
      const geocoder = createGeocoder(catalog, async (id) => chunks.get(id)!);
      const beats = createBeatIndex(city.beats as unknown as BeatArea[]);
      const places = [...city.meetings.map((meeting) => meeting.venue), ...city.districts.map((district) => district.station)] as {
        address: string;
        location: [number, number];
      }[];
      expect(places.length).toBeGreaterThan(20);
      for (const { address, location } of places) {
        const [found] = await geocoder.geocode(address);
        expect(found, address).toMatchObject({ label: address, precision: 'address' });
        const [lon, lat] = location;
        const apart = Math.hypot((found!.lon - lon) * 111_320 * Math.cos((lat * Math.PI) / 180), (found!.lat - lat) * 110_574);
        // The demo draws buildings 30 m back from the street; the geocoder sets houses back 8 m.
        expect(apart, address).toBeLessThan(30);
        expect(beats.locate(found!.lon, found!.lat)?.id, address).toBe(beats.locate(lon, lat)?.id);
      }
    });
  });

  describe('suggest', () => {
    it('completes the street name and carries the house number and prefix over', () => {
      const { geocoder } = geocoderFor();
      expect(geocoder.suggest('50 e bir')[0]).toBe('50 E Birch St');
    });

    it('adds the prefixes under which the street has the number, and ranks streets without it last', () => {
      const { geocoder } = geocoderFor();
      expect(geocoder.suggest('50 bir')).toEqual(['50 E Birch St', '50 W Birch St', '50 Birch Ct']);
      expect(geocoder.suggest('150 bir')).toEqual(['150 E Birch St', '150 Birch Ct']);
    });

    it('tolerates typos once enough has been typed', () => {
      const { geocoder } = geocoderFor();
      expect(geocoder.suggest('Brich St')).toEqual(['Birch St']);
      expect(geocoder.suggest('Martin Lutehr')).toEqual(['Martin Luther King Jr Dr']);
      expect(geocoder.suggest('brx')).toEqual([]);
    });

    it('completes a half-typed street type, ranking the street of that type first', () => {
      const { geocoder } = geocoderFor();
      expect(geocoder.suggest('Birch Stre')).toEqual(['Birch St', 'Birch Ct']);
    });

    it('ranks names that start with what was typed before names that merely contain it', () => {
      const { geocoder } = geocoderFor();
      expect(geocoder.suggest('king')).toEqual(['Kingsbury St', 'Martin Luther King Jr Dr']);
    });

    it('suggests the second street of an intersection as it is typed', () => {
      const { geocoder } = geocoderFor();
      expect(geocoder.suggest('Elm & Ma')).toEqual(['Elm Ave & Main St', 'Elm Ave & Martin Luther King Jr Dr']);
    });

    it('suggests no more than asked, and nothing for blank text', () => {
      const { geocoder } = geocoderFor();
      expect(geocoder.suggest('b', 1)).toEqual(['Birch Ct']);
      expect(geocoder.suggest('  ')).toEqual([]);
    });

    it('downloads nothing', () => {
      const { geocoder, loaded } = geocoderFor();
      geocoder.suggest('50 e bir');
      geocoder.suggest('Elm & Ma');
      expect(loaded).toEqual([]);
    });
  });
});
