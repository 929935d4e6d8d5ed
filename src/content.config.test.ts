import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { areaSchema, meetingSchema, officerSchema, siteSchema } from './content.config.ts';

const officer = officerSchema({ image: () => z.string() });
const ring = [[0, 0], [1, 0], [1, 1], [0, 0]];
const officerData = { name: 'Ana Lopez', rank: 'Officer', role: 'beat_officer', beats: ['101'], languages: ['en'], contact: {} };
const meetingData = {
  title: 'Beat 101 meeting',
  kind: 'beat_meeting',
  beats: ['101'],
  venue: { name: 'Library', address: '1 Main St', location: [-87.9, 41.1] },
  schedule: { start: '2026-01-13T18:30', durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=2TU' },
};

describe('content schemas', () => {
  it('take a beat area as a Polygon or a MultiPolygon with holes, and nothing else', () => {
    expect(areaSchema.safeParse({ type: 'Polygon', coordinates: [ring] }).success).toBe(true);
    expect(areaSchema.safeParse({ type: 'MultiPolygon', coordinates: [[ring, ring], [ring]] }).success).toBe(true);
    expect(areaSchema.safeParse({ type: 'Point', coordinates: [0, 0] }).success).toBe(false);
    expect(areaSchema.safeParse({ type: 'Polygon', coordinates: [] }).success).toBe(false);
  });

  it('check time zones and language tags for real', () => {
    const site = {
      jurisdiction: 'X',
      department: 'X PD',
      timeZone: 'America/Chicago',
      emergencyNumber: '911',
      nonEmergencyNumber: '311',
      map: { center: [0, 0], bounds: [[-1, -1], [1, 1]] },
    };
    expect(siteSchema.parse(site).locales).toEqual(['en']);
    expect(siteSchema.safeParse({ ...site, timeZone: 'America/Chicagoo' }).success).toBe(false);
    expect(officer.safeParse({ ...officerData, languages: ['en', 'zh-Hans', 'ase'] }).success).toBe(true);
    expect(officer.safeParse({ ...officerData, languages: ['english!'] }).success).toBe(false);
  });

  it('want an officer to serve beats or a district, except a coordinator', () => {
    expect(officer.safeParse({ ...officerData, beats: [] }).success).toBe(false);
    expect(officer.safeParse({ ...officerData, beats: [], district: '1' }).success).toBe(true);
    expect(officer.safeParse({ ...officerData, beats: [], role: 'coordinator' }).success).toBe(true);
  });

  it('want a meeting to belong somewhere and to start at a local date and time', () => {
    expect(meetingSchema.safeParse(meetingData).success).toBe(true);
    expect(meetingSchema.safeParse({ ...meetingData, beats: [] }).success).toBe(false);
    expect(meetingSchema.safeParse({ ...meetingData, schedule: { ...meetingData.schedule, start: '13/01/2026 6:30pm' } }).success).toBe(false);
    expect(meetingSchema.safeParse({ ...meetingData, schedule: { ...meetingData.schedule, rrule: 'every second Tuesday' } }).success).toBe(false);
  });
});
