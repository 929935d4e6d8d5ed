import { describe, expect, it } from 'vitest';
import type { Beat, Meeting } from '../../lib/content/validate.ts';
import { byDay, localDate, meetingFilter, occurrencesBetween, type MeetingFilter } from './schedule.ts';

const matches = (meeting: Meeting, filter: MeetingFilter, beats: readonly Beat[]) => meetingFilter(filter, beats)(meeting);

const venue = { name: 'Library', address: '1 Main St', location: [-87.9, 41.1] as [number, number] };
const meeting = (id: string, extra: Partial<Meeting>): Meeting => ({
  id,
  title: id,
  kind: 'beat_meeting',
  beats: ['101'],
  venue,
  schedule: { start: '2026-03-03T18:30', durationMinutes: 60, rrule: 'FREQ=WEEKLY;BYDAY=TU' },
  exceptions: [],
  reports: [],
  languages: ['en'],
  ...extra,
});
const beats = [{ id: '101', district: '1' }, { id: '201', district: '2' }] as Beat[];

describe('meeting schedule views', () => {
  it('filter by district through the meeting’s beats or its own district, by kind and by language', () => {
    const beat = meeting('beat', {});
    const council = meeting('council', { beats: [], district: '2', kind: 'district_advisory_council', languages: ['en', 'es'] });
    expect(matches(beat, { district: '1' }, beats)).toBe(true);
    expect(matches(council, { district: '1' }, beats)).toBe(false);
    expect(matches(council, { kind: 'district_advisory_council' }, beats)).toBe(true);
    expect(matches(council, { language: 'es' }, beats)).toBe(true);
    expect(matches(beat, { language: 'es' }, beats)).toBe(false);
    expect(matches(beat, { beat: '101' }, beats)).toBe(true);
    expect(matches(council, { beat: '201' }, beats)).toBe(true);
    expect(matches(council, { beat: '101' }, beats)).toBe(false);
  });

  it('group occurrences by their local day, not the UTC one', () => {
    // 18:30 in Chicago is past midnight UTC: the meeting still belongs to its local Tuesday.
    const list = occurrencesBetween([meeting('beat', {})], 'America/Chicago', new Date('2026-03-01T00:00:00Z'), new Date('2026-03-15T00:00:00Z'));
    expect(list.map((o) => localDate(o.start, 'America/Chicago'))).toEqual(['2026-03-03', '2026-03-10']);
    expect(byDay(list, 'America/Chicago').map(([day]) => day)).toEqual(['2026-03-03', '2026-03-10']);
  });
});
