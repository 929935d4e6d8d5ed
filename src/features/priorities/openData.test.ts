import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Beat, District, Priority } from '../../lib/content/validate.ts';
import { priorityGeometry, priorityRecord } from './openData.ts';

const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const beats = [{ id: '101', district: '1', boundary: square(0) }, { id: '102', district: '1', boundary: square(1) }] as Beat[];
const districts = [{ id: '1', boundary: square(5) }] as District[];
const priority = (fields: Partial<Priority>): Priority =>
  ({ id: 'p', title: 'P', description: 'D', beats: ['101'], source: 'analysis', stage: 'analysis', opened: '2026-06-01', reviewBy: '2026-09-01', updates: [], ...fields }) as Priority;

describe('priorities as open data', () => {
  it('covers one beat with its boundary, several with a MultiPolygon of theirs, and a district-wide one with the district’s', () => {
    expect(priorityGeometry(priority({}), beats, districts)).toEqual(square(0));
    expect(priorityGeometry(priority({ beats: ['101', '102'] }), beats, districts)).toEqual({ type: 'MultiPolygon', coordinates: [square(0).coordinates, square(1).coordinates] });
    expect(priorityGeometry(priority({ beats: [], district: '1' }), beats, districts)).toEqual(square(5));
  });

  it('writes nulls for what a priority does not have, its last update, and its page’s address', () => {
    const record = priorityRecord(priority({ updates: [{ date: '2026-07-01', stage: 'analysis', text: 'x' }] }), new URL('https://portal.example.org'));
    expect(record).toMatchObject({ district: null, outcome: null, supporters: null, lastUpdate: '2026-07-01', url: 'https://portal.example.org/priorities/p' });
    expect(priorityRecord(priority({}), undefined).url).toBe('/priorities/p');
  });
});
