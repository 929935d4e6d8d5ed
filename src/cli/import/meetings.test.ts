import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingSchema } from '../../content.config.ts';
import { readJson, snapshot, tempDir, writeFixture, problems } from '../../../tests/support/importFixtures.ts';
import { importMeetings } from './meetings.ts';

const HEADER =
  'id,title,kind,beats,district,venue_name,venue_address,venue_lon,venue_lat,accessibility,start,duration_minutes,rrule,time_zone,languages,online';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n') + '\r\n';
}


describe('importMeetings', () => {
  it('writes a meeting per row from a CSV saved with a byte order mark and Windows line endings', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const file = await writeFixture(
      dir,
      'meetings.csv',
      '\uFEFF' +
        csv(
          ',Beat 1713 CAPS meeting,beat_meeting,1713; 1714,,Library,"12 Elm St, Alderbrook",-87.65,41.92,Step-free entrance,2026-01-13T18:30,90,FREQ=MONTHLY;BYDAY=2TU,America/Chicago,en es,',
          ',,,,,,,,,,,,,,,',
          'dac-17,District Advisory Council,District advisory council,,017,Station,1 Main St,-87.6,41.9,,2026-02-04 18:00,60,,,,https://example.org/join',
        ),
    );

    const report = await importMeetings({ file, out });

    const caps = await readJson(path.join(out, 'meetings', 'beat-1713-caps-meeting.json'));
    expect(caps).toEqual({
      title: 'Beat 1713 CAPS meeting',
      kind: 'beat_meeting',
      beats: ['1713', '1714'],
      venue: { name: 'Library', address: '12 Elm St, Alderbrook', location: [-87.65, 41.92], accessibility: 'Step-free entrance' },
      schedule: { start: '2026-01-13T18:30', durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=2TU', timeZone: 'America/Chicago' },
      languages: ['en', 'es'],
      exceptions: [],
      reports: [],
    });
    const council = await readJson(path.join(out, 'meetings', 'dac-17.json'));
    expect(council).toMatchObject({
      kind: 'district_advisory_council',
      beats: [],
      district: '17',
      languages: ['en'],
      online: 'https://example.org/join',
    });
    expect(council.schedule).toEqual({ start: '2026-02-04T18:00', durationMinutes: 60 });
    expect([caps, council].every((meeting) => meetingSchema.safeParse(meeting).success)).toBe(true);
    expect(report).toEqual({ rowsRead: 2, written: 2, replaced: 0, keptExceptions: [], warnings: [], notes: [] });
  });

  it('makes an id from the title and first beat, unless the title already holds the beat', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const file = await writeFixture(
      dir,
      'meetings.csv',
      csv(
        ',Coffee with a Cop,business,0111,,Café,1 St,-87.6,41.9,,2026-03-03T09:00,60,,,,',
        ',Beat 111 walk,beat_meeting,111,,Park,2 St,-87.6,41.9,,2026-03-03T09:00,60,,,,',
      ),
    );
    await importMeetings({ file, out });
    expect(Object.keys(await snapshot(out)).sort()).toEqual(['meetings/beat-111-walk.json', 'meetings/coffee-with-a-cop-111.json']);
  });

  it('names the row and column of every problem, in the order the row reads', async () => {
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'meetings.csv',
      csv(
        ',Coffee,beat_meeting,1713,,Cafe,1 St,-87.6,41.9,,7/13/2026 6:30pm,60,,,,',
        ',Walk,patrol,1713,,Park,2 St,east,41.9,,2026-07-13T18:30,1.5h,,,,',
        ',,,,,,,,,,,,,,,',
        ',Youth night,youth,,,Gym,,-87.6,95,,2026-02-30T18:00,60,,Mars/Olympus,en,not a url',
        ',Watch training,watch_training,17/13,,Hall,4 St,-87.6,41.9,,2026-01-14T18:30,60,FREQ=MONTHLY;BYDAY=2TUE,,,',
      ),
    );
    expect(await problems(importMeetings({ file, out: path.join(dir, 'out') }))).toEqual([
      'row 2, column start: "7/13/2026 6:30pm" is not YYYY-MM-DDTHH:MM',
      'row 3, column kind: "patrol": Invalid option: expected one of "beat_meeting"|"district_advisory_council"|"watch_training"|"youth"|"business"',
      'row 3, column venue_lon: "east" is not a decimal number',
      'row 3, column duration_minutes: "1.5h" is not a whole number of minutes',
      'row 5, column beats: empty, and so is district; a meeting belongs to beats, a district, or both',
      'row 5, column venue_address: empty; every meeting needs one',
      'row 5, column venue_lat: "95": Too big: expected number to be <=90',
      'row 5, column start: "2026-02-30T18:00" is not a real date and time',
      'row 5, column time_zone: "Mars/Olympus": use an IANA time zone such as America/Chicago',
      'row 5, column online: "not a url": Invalid URL',
      'row 6, column beats: "17/13" is not a usable id: use letters, digits, - and _ only',
      'row 6, column rrule: FREQ=MONTHLY;BYDAY=2TUE is not a valid RRULE (BYDAY=2TUE is not valid)',
    ]);
  });

  it('refuses two rows with the same id, naming both rows', async () => {
    const dir = await tempDir();
    const row = ',Coffee with a Cop,business,1713,,Cafe,1 St,-87.6,41.9,,2026-03-03T09:00,60,,,,';
    const file = await writeFixture(dir, 'meetings.csv', csv(row, row));
    expect(await problems(importMeetings({ file, out: dir }))).toEqual([
      'row 3, column id: "coffee-with-a-cop-1713" is also the id of row 2; ids must be unique (fill in the id column to tell them apart)',
    ]);
  });

  it('says which columns the header lacks and which it has', async () => {
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'meetings.csv',
      'Title,Kind,Beats,Venue Name,Venue Address,venue_lon,venue_lat\nA,youth,1,Gym,1 St,0,0\n',
    );
    expect(await problems(importMeetings({ file, out: dir }))).toEqual([
      'row 1: no column "start", "duration_minutes"; the columns are: Title, Kind, Beats, Venue Name, Venue Address, venue_lon, venue_lat',
    ]);
  });

  it('refuses a start the rule never falls on, as the build would', async () => {
    const dir = await tempDir();
    const file = await writeFixture(
      dir,
      'meetings.csv',
      csv('caps,CAPS,beat_meeting,1713,,Library,1 St,-87.6,41.9,,2026-01-14T18:30,60,RRULE:FREQ=MONTHLY;BYDAY=2TU,,,'),
    );
    expect(await problems(importMeetings({ file, out: path.join(dir, 'out') }))).toEqual([
      'row 2, column start: 2026-01-14T18:30 is not a date and time the rule falls on; the first is 2026-02-10T18:30',
    ]);
  });

  it('warns about a beat that is not in OUT', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'beats/1713.json', '{}');
    const file = await writeFixture(
      dir,
      'meetings.csv',
      csv('caps,CAPS,beat_meeting,1713 1799,,Library,1 St,-87.6,41.9,,2026-01-13T18:30,60,RRULE:FREQ=MONTHLY;BYDAY=2TU,,,'),
    );
    const report = await importMeetings({ file, out });
    expect(report.warnings).toEqual(['row 2, column beats: there is no beat 1799 in beats/']);
  });

  it('marks a meeting updated when its schedule changes, so calendar subscribers see the change', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const row = (start: string) => csv(`caps,CAPS,beat_meeting,1713,,Library,1 St,-87.6,41.9,,${start},60,FREQ=MONTHLY;BYDAY=2TU,,,`);
    await importMeetings({ file: await writeFixture(dir, 'first.csv', row('2026-01-13T18:30')), out });
    expect((await readJson(path.join(out, 'meetings/caps.json'))).updated).toBeUndefined();

    await importMeetings({ file: await writeFixture(dir, 'same.csv', row('2026-01-13T18:30')), out });
    expect((await readJson(path.join(out, 'meetings/caps.json'))).updated).toBeUndefined();

    await importMeetings({ file: await writeFixture(dir, 'moved.csv', row('2026-01-13T19:00')), out });
    const { updated } = await readJson(path.join(out, 'meetings/caps.json'));
    expect(updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

    await importMeetings({ file: await writeFixture(dir, 'again.csv', row('2026-01-13T19:00')), out });
    expect((await readJson(path.join(out, 'meetings/caps.json'))).updated).toBe(updated);
  });

  it('replaces the meetings folder, keeping the exceptions of meetings it replaces', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const exceptions = [{ date: '2026-02-10', status: 'cancelled', note: 'Snow' }];
    await writeFixture(out, 'meetings/caps.json', { title: 'Old', exceptions });
    await writeFixture(out, 'meetings/gone.json', { title: 'Gone' });
    const file = await writeFixture(
      dir,
      'meetings.csv',
      csv('caps,CAPS,beat_meeting,1713,,Library,1 St,-87.6,41.9,,2026-01-13T18:30,60,FREQ=MONTHLY;BYDAY=2TU,,,'),
    );

    const report = await importMeetings({ file, out });

    expect(Object.keys(await snapshot(out))).toEqual(['meetings/caps.json']);
    expect((await readJson(path.join(out, 'meetings', 'caps.json'))).exceptions).toEqual(exceptions);
    expect(report).toMatchObject({ replaced: 2, keptExceptions: ['caps'] });
  });

  it('leaves OUT as it was when any row is wrong', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'meetings/old.json', { title: 'Old' });
    const before = await snapshot(out);
    const file = await writeFixture(
      dir,
      'meetings.csv',
      csv(',Good,youth,1,,Gym,1 St,0,0,,2026-01-13T18:30,60,,,,', ',Bad,youth,1,,Gym,1 St,0,0,,2026-01-13T18:30,2,,,,'),
    );
    expect(await problems(importMeetings({ file, out }))).toEqual([
      'row 3, column duration_minutes: "2": Too small: expected number to be >=5',
    ]);
    expect(await snapshot(out)).toEqual(before);
  });
});
