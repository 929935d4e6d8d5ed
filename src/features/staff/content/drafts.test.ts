import { describe, expect, it } from 'vitest';
import { districtSchema } from '../../../lib/content/schemas.ts';
import { listOf, namesOf, namesText, numberOf, optional, stationOf, type StationDraft } from './drafts.ts';

describe('what a content form holds, as the schemas read it', () => {
  it('reads an empty field as left out, and an empty number as no number', () => {
    expect(optional('  ')).toBeUndefined();
    expect(optional(' 555-0100 ')).toBe('555-0100');
    expect(numberOf('')).toBeNaN();
    expect(numberOf(' 90 ')).toBe(90);
    expect(numberOf('ninety')).toBeNaN();
    expect(listOf('en, es,, ')).toEqual(['en', 'es']);
  });

  it('reads neighbourhoods one a line, or separated by commas on a single line', () => {
    expect(namesOf('Old Mill\n  Riverside \n\nNorth Green\n')).toEqual(['Old Mill', 'Riverside', 'North Green']);
    expect(namesOf('Old Mill, Riverside,North Green')).toEqual(['Old Mill', 'Riverside', 'North Green']);
    expect(namesOf('Kings Cross, North\nRiverside')).toEqual(['Kings Cross, North', 'Riverside']);
    expect(namesOf('   ')).toEqual([]);
  });

  it('shows neighbourhoods so that they read back as the same list, a name with a comma included', () => {
    for (const names of [[], ['Old Mill'], ['Old Mill', 'Riverside'], ['Kings Cross, North'], ['Kings Cross, North', 'Riverside']]) {
      expect(namesOf(namesText(names))).toEqual(names);
    }
    expect(namesText(['Old Mill', 'Riverside'])).toBe('Old Mill\nRiverside');
  });
});

describe('a district station, whole or none', () => {
  const empty: StationDraft = { station_name: '', station_address: '', station_lon: '', station_lat: '', station_phone: '', station_email: '', station_hours: '' };
  const schema = districtSchema.omit({ boundary: true });

  it('is none when every field is empty, and the district is valid without it', () => {
    expect(stationOf({ ...empty, station_name: '  ' })).toBeUndefined();
    expect(schema.safeParse({ name: 'District 1', station: stationOf(empty) }).success).toBe(true);
  });

  it('is a whole station when every field but the email is filled', () => {
    const station = stationOf({ ...empty, station_name: 'North Station', station_address: '1 Main St', station_lon: '-88.25', station_lat: '41.1', station_phone: '555-0101', station_hours: 'Always open' });
    expect(schema.parse({ name: 'District 1', station }).station).toEqual({ name: 'North Station', address: '1 Main St', location: [-88.25, 41.1], phone: '555-0101', hours: 'Always open' });
  });

  it('names every field still missing once one is filled', () => {
    const result = schema.safeParse({ name: 'District 1', station: stationOf({ ...empty, station_email: 'north@example.org' }) });
    expect(result.success).toBe(false);
    expect(new Set(result.error!.issues.map((issue) => issue.path.join('.')))).toEqual(
      new Set(['station.name', 'station.address', 'station.location.0', 'station.location.1', 'station.phone', 'station.hours']),
    );
  });
});
