import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { districtSchema, meetingSchema, officerSchema, prioritySchema, siteSchema, workshopSchema } from '../../../lib/content/schemas.ts';
import { en } from '../../../lib/i18n/locales/en.ts';
import { changedColumns, columnOf, fieldErrors } from './contentEdits.ts';

const words = en.staff.content.fieldErrors;

describe('a save sends what changed', () => {
  const current = { meeting_id: 'beat-101', title: 'Beat 101', beats: ['101'], online: null, published: true };

  it('only the columns that differ, with the row’s key', () => {
    expect(changedColumns(current, { ...current, title: 'Beat 101 meeting', beats: ['101', '102'] }, ['meeting_id'])).toEqual({
      meeting_id: 'beat-101',
      title: 'Beat 101 meeting',
      beats: ['101', '102'],
    });
  });

  it('nothing when nothing changed, an absent column counting as empty', () => {
    const { online: _absent, ...rest } = current;
    expect(changedColumns(rest, current, ['meeting_id'])).toBeNull();
  });
});

describe('a schema’s refusal names the column, in the reader’s words', () => {
  it('reads paths as the tables name their columns', () => {
    expect(columnOf(['schedule', 'durationMinutes'], 'meeting')).toBe('schedule_duration_minutes');
    expect(columnOf(['venue', 'location', 0], 'meeting')).toBe('venue_lon');
    expect(columnOf(['contact', 'officeHours'], 'officer')).toBe('contact_office_hours');
    expect(columnOf(['district'], 'officer')).toBe('district_id');
    expect(columnOf(['photoAlt'], 'officer')).toBe('photo_alt');
  });

  it('reads the paths of beats, districts, workshops and the site settings as their tables do', () => {
    expect(columnOf(['neighbourhoods', 2], 'beat')).toBe('neighbourhoods');
    expect(columnOf(['district'], 'beat')).toBe('district_id');
    expect(columnOf(['station', 'location', 0], 'district')).toBe('station_lon');
    expect(columnOf(['station', 'location', 1], 'district')).toBe('station_lat');
    expect(columnOf(['venue', 'location', 1], 'meeting')).toBe('venue_lat');
    expect(columnOf(['station', 'hours'], 'district')).toBe('station_hours');
    expect(columnOf(['durationMinutes'], 'workshop')).toBe('duration_minutes');
    expect(columnOf(['minimumAttendees'], 'workshop')).toBe('minimum_attendees');
    expect(columnOf(['nonEmergencyNumber'], 'site')).toBe('non_emergency_number');
    expect(columnOf(['contact', 'address'], 'site')).toBe('contact_address');
    // The row's own id, and a refusal of the whole, go to the id's field.
    expect(columnOf(['id'], 'workshop')).toBe('workshop_id');
    expect(columnOf([], 'beat')).toBe('beat_id');
  });

  it('says what is wrong with a meeting, one sentence per field', () => {
    const result = meetingSchema.safeParse({
      title: '',
      kind: 'picnic',
      beats: [],
      venue: { name: 'Hall', address: '1 Main St', location: [Number.NaN, 41] },
      schedule: { start: '2026-01-13', durationMinutes: 2000 },
      languages: ['en'],
    });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!.issues, 'meeting', words)).toEqual({
      title: words.required,
      kind: words.choose,
      venue_lon: words.format,
      schedule_start: words.format,
      schedule_duration_minutes: 'Use 1440 or less.',
    });
  });

  it('names a priority’s and a report’s columns where the schema names their fields otherwise', () => {
    expect(columnOf(['reviewBy'], 'priority')).toBe('review_on');
    expect(columnOf(['opened'], 'priority')).toBe('opened_on');
    expect(columnOf(['outcome', 'text'], 'priority')).toBe('outcome_note');
    expect(columnOf(['outcome', 'closed'], 'priority')).toBe('closed_on');
    expect(columnOf(['sourceMeeting', 'date'], 'priority')).toBe('source_date');
    expect(columnOf(['district'], 'priority')).toBe('district_id');
    expect(columnOf(['priorities', 'reviewed', 0], 'meeting_report')).toBe('priorities_reviewed');
    expect(columnOf(['nextSteps'], 'meeting_report')).toBe('next_steps');
    expect(columnOf(['date'], 'meeting_report')).toBe('occurrence_date');
  });

  it('says an open priority needs its next review, beside that field, and a closed one its reason', () => {
    const open = prioritySchema.safeParse({ title: 'Speeding', description: 'Cars speed.', beats: ['101'], source: 'analysis', opened: '2026-12-01' });
    expect(fieldErrors(open.error!.issues, 'priority', words)).toEqual({ review_on: words.reviewDate });
    const early = prioritySchema.safeParse({ title: 'Speeding', description: 'Cars speed.', beats: ['101'], source: 'analysis', opened: '2026-12-01', reviewBy: '2026-11-01' });
    expect(fieldErrors(early.error!.issues, 'priority', words)).toEqual({ review_on: words.reviewDate });
    const closed = prioritySchema.safeParse({
      title: 'Speeding',
      description: 'Cars speed.',
      beats: [],
      source: 'analysis',
      opened: '2026-12-01',
      outcome: { result: 'improved', text: '', closed: '2026-12-05' },
    });
    expect(fieldErrors(closed.error!.issues, 'priority', words)).toEqual({ outcome_note: words.required, beats: words.belongSomewhere });
  });

  it('says a language tag is not one, rather than that a meeting needs beats', () => {
    const result = meetingSchema.safeParse({
      title: 'Beat 101',
      kind: 'beat_meeting',
      beats: ['101'],
      venue: { name: 'Hall', address: '1 Main St', location: [-88.2, 41.1] },
      schedule: { start: '2026-01-13T18:30', durationMinutes: 60 },
      languages: ['not a language'],
    });
    expect(fieldErrors(result.error!.issues, 'meeting', words)).toEqual({ languages: words.format });
  });

  it('says what is wrong with a workshop: too short, not a whole number, no kind', () => {
    const result = workshopSchema.safeParse({ title: 'Robbery prevention', kind: 'lecture', description: '', durationMinutes: 10, minimumAttendees: 2.5 });
    expect(fieldErrors(result.error!.issues, 'workshop', words)).toEqual({
      kind: words.choose,
      description: words.required,
      duration_minutes: 'Use 15 or more.',
      minimum_attendees: words.format,
    });
  });

  it('says which of a district station’s fields is missing or wrong', () => {
    const result = districtSchema.omit({ boundary: true }).safeParse({
      name: 'District 1',
      station: { name: 'North Station', address: '', location: [-88.2, Number.NaN], phone: '55', email: 'north', hours: 'Always' },
    });
    expect(fieldErrors(result.error!.issues, 'district', words)).toEqual({
      station_address: words.required,
      station_lat: words.format,
      station_phone: 'Use at least 3 characters.',
      station_email: words.format,
    });
  });

  it('says the site settings need their numbers', () => {
    const result = siteSchema.safeParse({
      jurisdiction: 'Alderbrook',
      department: '',
      timeZone: 'America/Chicago',
      emergencyNumber: '911',
      nonEmergencyNumber: '3',
      contact: { email: 'not an address' },
      map: { center: [-88.2, 41.1], bounds: [[-88.3, 41], [-88.1, 41.2]] },
    });
    expect(fieldErrors(result.error!.issues, 'site', words)).toEqual({ department: words.required, non_emergency_number: 'Use at least 2 characters.', contact_email: words.format });
  });

  it('says an officer must serve somewhere', () => {
    const schema = officerSchema({ image: () => z.string() });
    const result = schema.safeParse({ name: 'A', rank: 'Officer', role: 'beat_officer', beats: [], languages: ['en'], contact: {} });
    expect(fieldErrors(result.error!.issues, 'officer', words)).toEqual({ beats: words.serveSomewhere });
  });
});
