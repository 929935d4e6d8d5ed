import { describe, expect, it } from 'vitest';
import { boundarySummary, areaSize } from './areas.ts';
import type { ListedBeat, ListedDistrict } from './contentEdits.ts';
import { beatGroups, editedKinds, editsPlace } from './contentLists.ts';

const beat = (beat_id: string, district_id: string, name: string, neighbourhoods: string[] = []): ListedBeat => ({
  beat_id,
  district_id,
  name,
  neighbourhoods,
  published: true,
  updated_at: '2026-11-22T10:00:00Z',
});
const district = (district_id: string, name: string): ListedDistrict => ({ district_id, name, published: true, updated_at: '2026-11-22T10:00:00Z' });

describe('what the content desk lists', () => {
  it('gives each role the kinds staff_access.edits lets it change', () => {
    expect(editedKinds('officer')).toEqual(['meeting', 'priority', 'officer']);
    expect(editedKinds('supervisor')).toEqual(['meeting', 'priority', 'officer', 'beat']);
    expect(editedKinds('coordinator')).toEqual(['meeting', 'priority', 'officer', 'beat', 'district', 'workshop', 'site']);
  });

  it('lets a member edit a meeting or a priority of one of their beats, or a supervisor one of their district, as staff_access.edits does', () => {
    const officer = { role: 'officer' as const, officer_slug: 'michael-delgado', district: null };
    const supervisor = { role: 'supervisor' as const, officer_slug: null, district: '1' };
    expect(editsPlace(officer, ['101'], { beats: ['101', '102'], district_id: null })).toBe(true);
    expect(editsPlace(officer, ['101'], { beats: ['201'], district_id: null })).toBe(false);
    expect(editsPlace(officer, ['101'], { beats: [], district_id: '1' })).toBe(false);
    expect(editsPlace(supervisor, ['101', '102'], { beats: [], district_id: '1' })).toBe(true);
    expect(editsPlace({ role: 'coordinator', officer_slug: null, district: null }, null, { beats: ['201'], district_id: null })).toBe(true);
  });

  const beats = [beat('1011', '10', 'Beat 1011', ['Lakeview']), beat('201', '2', 'Beat 201', ['Peña Heights']), beat('1001', '10', 'Beat 1001'), beat('202', '2', 'Beat 202', ['Old Mill'])];
  const districts = [district('2', 'Riverside'), district('10', 'Lakeshore')];

  it('groups every beat by district, districts and beats in number order', () => {
    expect(beatGroups(beats, districts, '').map((group) => [group.district, group.name, group.beats.map((one) => one.beat_id)])).toEqual([
      ['2', 'Riverside', ['201', '202']],
      ['10', 'Lakeshore', ['1001', '1011']],
    ]);
  });

  it('finds beats by number, name or neighbourhood, whatever the case and accents, and leaves out districts with none', () => {
    const found = (query: string) => beatGroups(beats, districts, query).flatMap((group) => group.beats.map((one) => one.beat_id));
    expect(found('101')).toEqual(['1011']);
    expect(found(' pena ')).toEqual(['201']);
    expect(found('OLD MILL')).toEqual(['202']);
    expect(found('beat 10')).toEqual(['1001', '1011']);
    expect(beatGroups(beats, districts, 'lakeview').map((group) => group.district)).toEqual(['10']);
    expect(found('nowhere')).toEqual([]);
  });

  it('names a district without a row by its number alone', () => {
    expect(beatGroups([beat('901', '9', 'Beat 901')], districts, '')).toEqual([{ district: '9', name: undefined, beats: [beat('901', '9', 'Beat 901')] }]);
  });
});

describe('an imported boundary, described', () => {
  const ring = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 0],
  ] as Array<[number, number]>;
  const words = { one: 'An area with {corners} corners.', parts: '{parts} areas, {corners} corners.' };

  it('counts a polygon’s corners, its closing position once', () => {
    expect(areaSize({ type: 'Polygon', coordinates: [ring] })).toEqual({ parts: 1, corners: 3 });
    expect(boundarySummary({ type: 'Polygon', coordinates: [ring] }, words)).toBe('An area with 3 corners.');
  });

  it('counts each part of a multipolygon, holes left out', () => {
    const area = { type: 'MultiPolygon' as const, coordinates: [[ring, ring], [ring]] };
    expect(areaSize(area)).toEqual({ parts: 2, corners: 6 });
    expect(boundarySummary(area, words)).toBe('2 areas, 6 corners.');
  });
});
