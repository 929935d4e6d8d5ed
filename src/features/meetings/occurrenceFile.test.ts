import { describe, expect, it } from 'vitest';
import { occurrenceCalendarUrl, venueMapUrl } from './occurrenceFile.ts';

const occurrence = {
  meeting: 'beat-101',
  title: 'Beat 101 meeting; all welcome, bring neighbours',
  start: '2026-03-10T18:30:00-05:00',
  end: '2026-03-10T20:00:00-05:00',
  venue: { name: 'Library', address: '220 E Dunlin St' },
};

describe('occurrenceCalendarUrl', () => {
  it('is a calendar file with the occurrence in UTC and its text escaped', () => {
    const url = occurrenceCalendarUrl(occurrence, new Date('2026-03-01T00:00:00Z'));
    expect(url.startsWith('data:text/calendar;charset=utf-8,')).toBe(true);
    const text = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(text.split('\r\n')).toEqual(
      expect.arrayContaining([
        'DTSTART:20260310T233000Z',
        'DTEND:20260311T010000Z',
        'SUMMARY:Beat 101 meeting\\; all welcome\\, bring neighbours',
        'LOCATION:Library\\, 220 E Dunlin St',
        'UID:beat-101-20260310T233000Z@openbeat',
      ]),
    );
  });
});

describe('venueMapUrl', () => {
  it('opens the device’s maps at the venue, latitude first', () => {
    expect(venueMapUrl({ name: 'Larch Hall', location: [-88.25, 41.1] })).toBe('geo:41.1,-88.25?q=41.1,-88.25(Larch%20Hall)');
  });
});
