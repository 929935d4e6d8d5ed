import { describe, expect, it } from 'vitest';
import type { Beat, Meeting } from '../../lib/content/validate.ts';
import { en } from '../../lib/i18n/locales/en.ts';
import { flyerMeetings } from './meetings.ts';

const beat: Beat = {
  id: '101',
  name: 'Beat 101',
  district: '1',
  neighbourhoods: [],
  boundary: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] },
};
const venue = { name: 'Larch Community Center', address: '220 E Dunlin St', location: [-88.25, 41.1] as [number, number] };

function meeting(id: string, kind: Meeting['kind'], where: { beats?: string[]; district?: string }, start: string, rrule?: string): Meeting {
  return { id, title: id, kind, beats: where.beats ?? [], district: where.district, venue, schedule: { start, durationMinutes: 90, rrule }, exceptions: [], reports: [], languages: ['en'] };
}

const options = { words: en.flyer.schedule, locale: 'en', timeZone: 'America/Chicago', from: new Date('2026-07-01T12:00:00Z') };
const ids = (meetings: Meeting[]) => flyerMeetings(beat, meetings, options).map((m) => m.id);

describe('flyerMeetings', () => {
  it('names the beat’s own meeting, then the district advisory council, and no other district events', () => {
    const meetings = [
      meeting('youth', 'youth', { district: '1' }, '2026-01-21T16:00', 'FREQ=MONTHLY;BYDAY=3WE'),
      meeting('council', 'district_advisory_council', { district: '1' }, '2026-01-05T18:30', 'FREQ=MONTHLY;BYDAY=1MO'),
      meeting('other council', 'district_advisory_council', { district: '2' }, '2026-01-05T18:30', 'FREQ=MONTHLY;BYDAY=1MO'),
      meeting('beat', 'beat_meeting', { beats: ['101'] }, '2026-01-13T18:00', 'FREQ=MONTHLY;BYDAY=2TU'),
    ];
    expect(ids(meetings)).toEqual(['beat', 'council']);
  });

  it('keeps to two meetings, and leaves out one that is over', () => {
    const meetings = [
      meeting('ended', 'beat_meeting', { beats: ['101'] }, '2026-01-06T18:00', 'FREQ=WEEKLY;COUNT=4'),
      meeting('first', 'beat_meeting', { beats: ['101'] }, '2026-01-13T18:00', 'FREQ=MONTHLY;BYDAY=2TU'),
      meeting('second', 'watch_training', { beats: ['101'] }, '2026-01-08T18:30', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TH'),
      meeting('council', 'district_advisory_council', { district: '1' }, '2026-01-05T18:30', 'FREQ=MONTHLY;BYDAY=1MO'),
    ];
    expect(ids(meetings)).toEqual(['first', 'second']);
  });

  it('gives the next 3 dates after a sentence, and 4 when the dates stand for one', () => {
    const [said, listed] = flyerMeetings(
      beat,
      [
        meeting('said', 'beat_meeting', { beats: ['101'] }, '2026-01-13T18:00', 'FREQ=MONTHLY;BYDAY=2TU'),
        meeting('listed', 'beat_meeting', { beats: ['101'] }, '2026-01-15T18:00', 'FREQ=MONTHLY;BYMONTHDAY=15'),
      ],
      options,
    );
    expect(said?.sentence).toMatch(/^The 2nd Tuesday of every month/);
    expect(said?.dates.map((date) => date.start)).toEqual(['2026-07-14T18:00:00-05:00', '2026-08-11T18:00:00-05:00', '2026-09-08T18:00:00-05:00']);
    expect(listed?.sentence).toBeUndefined();
    expect(listed?.dates).toHaveLength(4);
  });
});
