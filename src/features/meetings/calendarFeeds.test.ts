import { describe, expect, it } from 'vitest';
import { beatSchema, districtSchema, meetingSchema, siteSchema } from '../../content.config.ts';
import { calendarContents, calendarLinks, calendarPath, calendarResponse, type CalendarContent } from './calendarFeeds.ts';

const boundary = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
const venue = { name: 'Library', address: '1 Main St', location: [-88.26, 41.1] };
const schedule = { start: '2026-01-13T18:30', durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=2TU' };

const content: CalendarContent = {
  site: siteSchema.parse({
    jurisdiction: 'Alderbrook',
    department: 'Alderbrook Police Department',
    timeZone: 'America/Chicago',
    emergencyNumber: '911',
    nonEmergencyNumber: '311',
    map: { center: [-88.26, 41.1], bounds: [[-88.3, 41], [-88.2, 41.2]] },
  }),
  districts: [
    { id: '1', ...districtSchema.parse({ name: '1st District', boundary }) },
    { id: '2', ...districtSchema.parse({ name: '2nd District', boundary }) },
  ],
  beats: [
    { id: '101', ...beatSchema.parse({ name: 'Beat 101', district: '1', boundary }) },
    { id: '102', ...beatSchema.parse({ name: 'Beat 102', district: '1', boundary }) },
    { id: '201', ...beatSchema.parse({ name: 'Beat 201', district: '2', boundary }) },
  ],
  meetings: [
    { id: 'beat-101', beats: ['101'], kind: 'beat_meeting' },
    { id: 'beat-102', beats: ['102'], kind: 'beat_meeting' },
    { id: 'beats-102-201', beats: ['102', '201'], kind: 'beat_meeting' },
    { id: 'dac-1', district: '1', kind: 'district_advisory_council' },
    { id: 'youth-1', district: '1', kind: 'youth' },
    { id: 'dac-2', district: '2', kind: 'district_advisory_council' },
  ].map(({ id, ...fields }) => ({ id, ...meetingSchema.parse({ title: id, venue, schedule, ...fields }) })),
};

const ids = (scope: Parameters<typeof calendarContents>[0]) => calendarContents(scope, content).meetings.map((m) => m.id);

describe('calendar feeds of the site', () => {
  it('live at /calendar/all.ics, /calendar/districts/<id>.ics and /calendar/beats/<id>.ics', () => {
    expect(calendarPath({ kind: 'all' })).toBe('/calendar/all.ics');
    expect(calendarPath({ kind: 'district', id: '1' })).toBe('/calendar/districts/1.ics');
    expect(calendarPath({ kind: 'beat', id: '0111' })).toBe('/calendar/beats/0111.ics');
  });

  it('offer a webcal:// link to subscribe and a plain path to download, on the page’s host', () => {
    expect(calendarLinks({ kind: 'beat', id: '101' }, 'https://beats.alderbrook.example')).toEqual({
      https: '/calendar/beats/101.ics',
      webcal: 'webcal://beats.alderbrook.example/calendar/beats/101.ics',
    });
    expect(calendarLinks({ kind: 'all' }, new URL('http://localhost:4321/beats/101'))).toEqual({
      https: '/calendar/all.ics',
      webcal: 'webcal://localhost:4321/calendar/all.ics',
    });
  });

  it('give a beat its own meetings and its district’s advisory council, not other district-wide meetings', () => {
    expect(ids({ kind: 'beat', id: '101' })).toEqual(['beat-101', 'dac-1']);
    expect(ids({ kind: 'beat', id: '201' })).toEqual(['beats-102-201', 'dac-2']);
  });

  it('give a district its own meetings and all of its beats’', () => {
    expect(ids({ kind: 'district', id: '1' })).toEqual(['beat-101', 'beat-102', 'beats-102-201', 'dac-1', 'youth-1']);
    expect(ids({ kind: 'district', id: '2' })).toEqual(['beats-102-201', 'dac-2']);
    expect(ids({ kind: 'all' })).toHaveLength(content.meetings.length);
  });

  it('are named for what they hold and the jurisdiction', () => {
    expect(calendarContents({ kind: 'beat', id: '101' }, content).name).toBe('Beat 101 meetings · Alderbrook');
    expect(calendarContents({ kind: 'district', id: '2' }, content).name).toBe('2nd District meetings · Alderbrook');
    expect(calendarContents({ kind: 'all' }, content).name).toBe('Community meetings · Alderbrook');
    expect(() => calendarContents({ kind: 'beat', id: '999' }, content)).toThrow('No beat 999');
  });

  it('are served as text/calendar in UTF-8', async () => {
    const response = calendarResponse({ kind: 'beat', id: '101' }, content, { now: new Date('2026-06-01T00:00:00Z') });
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(await response.text()).toContain('X-WR-CALNAME:Beat 101 meetings · Alderbrook\r\n');
  });
});
