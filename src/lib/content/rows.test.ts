import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  beatEntry,
  beatRow,
  districtEntry,
  districtRow,
  meetingEntry,
  meetingRows,
  officerEntry,
  officerRow,
  priorityEntry,
  priorityRows,
  siteEntry,
  siteRow,
  workshopEntry,
  workshopRow,
} from './rows.ts';
import { validateContent, type Meeting, type Officer } from './validate.ts';

const demo = validateContent(path.resolve('src/content')).content;
const place = { name: 'Hall', address: '1 Main St', location: [-87.9, 41.1] as [number, number] };

describe('content rows', () => {
  it('hold every entry of the demo city whole: an entry made from its row is the entry', () => {
    expect(siteEntry(siteRow(demo.site!))).toEqual(demo.site);
    for (const district of demo.districts) expect(districtEntry(districtRow(district))).toEqual(district);
    for (const beat of demo.beats) expect(beatEntry(beatRow(beat))).toEqual(beat);
    for (const officer of demo.officers) expect(officerEntry(officerRow(officer))).toEqual(officer);
    for (const meeting of demo.meetings) {
      const { meeting: row, exceptions, reports } = meetingRows(meeting);
      expect(meetingEntry(row, exceptions, reports)).toEqual(meeting);
    }
    for (const priority of demo.priorities) {
      const { priority: row, updates } = priorityRows(priority);
      expect(priorityEntry(row, [...updates].reverse())).toEqual(priority);
    }
    for (const workshop of demo.workshops) expect(workshopEntry(workshopRow(workshop))).toEqual(workshop);
  });

  it('hold what the demo leaves out: a photo, a district without a station, an exception with its own venue, in the file’s order', () => {
    const officer: Officer = {
      id: 'ana-lopez',
      name: 'Ana Lopez',
      rank: 'Officer',
      role: 'beat_officer',
      beats: ['102', '101'],
      photo: 'ana-lopez.jpg',
      photoAlt: 'Ana Lopez in uniform',
      languages: ['en', 'pl'],
      contact: {},
      bio: '',
    };
    expect(officerEntry(officerRow(officer))).toEqual(officer);
    const district = { id: '9', name: '9th District', boundary: demo.districts[0]!.boundary };
    expect(districtRow(district)).toMatchObject({ station_name: null, station_email: null, station_hours: null });
    expect(districtEntry(districtRow(district))).toEqual(district);

    const meeting: Meeting = {
      id: 'council',
      title: 'Council',
      kind: 'district_advisory_council',
      beats: [],
      district: '9',
      venue: place,
      schedule: { start: '2026-01-05T18:30', durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=1MO', timeZone: 'America/Chicago' },
      exceptions: [
        { date: '2026-03-02', status: 'moved', movedTo: '2026-03-09T18:30', venue: { ...place, name: 'Library', accessibility: 'Ramp' } },
        { date: '2026-02-02', status: 'cancelled', note: 'Snow' },
      ],
      reports: [
        { date: '2026-01-05', attendance: 14, concerns: ['Speeding on Elm'], priorities: { set: ['elm-speeding'], reviewed: [], closed: [] }, nextSteps: 'Speed survey' },
      ],
      updated: '2026-01-20T09:00',
      languages: ['en'],
      online: 'https://meet.example/council',
    };
    const { meeting: row, exceptions, reports } = meetingRows(meeting);
    expect(reports).toEqual([
      { meeting_id: 'council', occurrence_date: '2026-01-05', attendance: 14, concerns: ['Speeding on Elm'], priorities_set: ['elm-speeding'], priorities_reviewed: [], priorities_closed: [], next_steps: 'Speed survey' },
    ]);
    expect(exceptions.map((exception) => [exception.position, exception.occurrence_date])).toEqual([[0, '2026-03-02'], [1, '2026-02-02']]);
    // However the database returns them, position puts them back in the file's order.
    expect(meetingEntry(row, [...exceptions].reverse(), reports)).toEqual(meeting);
  });
});
