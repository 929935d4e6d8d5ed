import { describe, expect, it } from 'vitest';
import { idSchema, meetingSchema } from '../../../content.config.ts';
import { meetingFile, type MeetingFileSource } from './meetingFile.ts';

const source: MeetingFileSource = {
  request: {
    business_name: 'Café “Corner” Grocery & Deli',
    address: '1200 W Birch St',
    beat: '101',
    latitude: 41.118,
    longitude: -88.262,
    contact_language: 'es',
    confirmed_at: '2026-12-03T00:30:00Z',
    status: 'confirmed',
  },
  workshop: { title: 'Robbery prevention for staff', durationMinutes: 90 },
  district: '1',
  timeZone: 'America/Chicago',
  defaultLanguage: 'en',
};

describe('a confirmed workshop as a meeting file', () => {
  it('is a one-off business meeting at the business, at the confirmed local time, that the content schema accepts', () => {
    const outcome = meetingFile(source);
    if (outcome.kind !== 'ready') throw new Error(outcome.reason);
    expect(outcome.meeting).toEqual({
      title: 'Robbery prevention for staff',
      kind: 'business',
      beats: ['101'],
      district: '1',
      venue: { name: 'Café “Corner” Grocery & Deli', address: '1200 W Birch St', location: [-88.262, 41.118] },
      schedule: { start: '2026-12-02T18:30', durationMinutes: 90 },
      exceptions: [],
      languages: ['es'],
    });
    const parsed = meetingSchema.safeParse(JSON.parse(outcome.text));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.schedule.rrule).toBeUndefined();
  });

  it('is named so that its file name is a valid meeting id', () => {
    const outcome = meetingFile(source);
    expect(outcome.kind === 'ready' && outcome.fileName).toBe('workshop-cafe-corner-grocery-deli-2026-12-02.json');
    const unnamed = meetingFile({ ...source, request: { ...source.request, business_name: '北京饭店' } });
    expect(unnamed.kind === 'ready' && unnamed.fileName).toBe('workshop-business-2026-12-02.json');
    for (const outcome of [meetingFile(source), unnamed]) {
      if (outcome.kind === 'ready') expect(idSchema.safeParse(outcome.fileName.replace(/\.json$/, '')).success).toBe(true);
    }
  });

  it('is in the site’s first language when the business named none', () => {
    const outcome = meetingFile({ ...source, request: { ...source.request, contact_language: null } });
    expect(outcome.kind === 'ready' && outcome.meeting.languages).toEqual(['en']);
  });

  it('cannot be made for a request that is not confirmed, has no place on the map, or whose workshop is gone', () => {
    expect(meetingFile({ ...source, request: { ...source.request, status: 'received', confirmed_at: null } })).toEqual({ kind: 'unavailable', reason: 'not_confirmed' });
    expect(meetingFile({ ...source, request: { ...source.request, status: 'completed' } })).toEqual({ kind: 'unavailable', reason: 'not_confirmed' });
    expect(meetingFile({ ...source, request: { ...source.request, latitude: null, longitude: null } })).toEqual({ kind: 'unavailable', reason: 'no_place' });
    expect(meetingFile({ ...source, request: { ...source.request, beat: null }, district: undefined })).toEqual({ kind: 'unavailable', reason: 'no_place' });
    expect(meetingFile({ ...source, workshop: undefined })).toEqual({ kind: 'unavailable', reason: 'unknown_workshop' });
  });
});
