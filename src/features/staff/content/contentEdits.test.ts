import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { meetingSchema, officerSchema } from '../../../lib/content/schemas.ts';
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

  it('says an officer must serve somewhere', () => {
    const schema = officerSchema({ image: () => z.string() });
    const result = schema.safeParse({ name: 'A', rank: 'Officer', role: 'beat_officer', beats: [], languages: ['en'], contact: {} });
    expect(fieldErrors(result.error!.issues, 'officer', words)).toEqual({ beats: words.serveSomewhere });
  });
});
