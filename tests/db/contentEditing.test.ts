// Staff editing the content through the workspace's functions, signed in
// through supabase-js as staff are: who may change what (coordinators
// everything, a supervisor their district's beats, officers and meetings, an
// officer their own profile and their beats' meetings), the history every
// change leaves, undoing a change, and the field a refused value is about.
// The fixture jurisdiction (beats zz1, zz2 in district zzA, zz3 in zzB, two
// officers and a meeting in each of zz1 and zz3) is this run's own, in draft.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentHistory } from '../support/contentHistory.ts';
import { signedInStaff } from '../support/staffClients.ts';
import { meetingSchema } from '../../src/lib/content/schemas.ts';
import { meetingRows } from '../../src/lib/content/rows.ts';

const { url, anonKey, databaseUrl } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);

const beat = { zz1: `zz1-${run}`, zz2: `zz2-${run}`, zz3: `zz3-${run}` };
const district = { zzA: `zza-${run}`, zzB: `zzb-${run}` };
const officer = { one: `officer-one-${run}`, three: `officer-three-${run}` };
const meeting = { zz1: `meeting-zz1-${run}`, zz3: `meeting-zz3-${run}` };

type Who = 'officer1' | 'supervisorA' | 'coordinator' | 'nobody';
const staff: Record<Who, { role?: string; officer_slug?: string; district?: string }> = {
  officer1: { role: 'officer', officer_slug: officer.one },
  supervisorA: { role: 'supervisor', district: district.zzA },
  coordinator: { role: 'coordinator' },
  nobody: {},
};
const clients = {} as Record<Who, SupabaseClient>;
const emails = {} as Record<Who, string>;
const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });

const area = { type: 'Polygon', coordinates: [[[-88, 41], [-87.9, 41], [-87.9, 41.1], [-88, 41]]] };

/** A meeting of the fixture, as the workspace sends it: every column of its row. */
function meetingItem(id: string, beats: string[]) {
  const entry = meetingSchema.parse({
    title: `Fixture meeting ${id}`,
    kind: 'beat_meeting',
    beats,
    venue: { name: 'Fixture hall', address: '1 Fixture St', location: [-87.95, 41.05] },
    schedule: { start: '2026-01-13T18:00', durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=2TU' },
  });
  const { updated_local: _stamped, ...row } = meetingRows({ ...entry, id }).meeting;
  return row;
}

const save = (who: Who, kind: string, item: object, options: { note?: string; create?: boolean } = {}) =>
  clients[who].rpc('save_content', { kind, item, ...options });

async function row(table: string, column: string, id: string) {
  const { rows } = await db.query(`select * from public.${table} where ${column} = $1`, [id]);
  return rows[0];
}

const history = (kind: string, itemId: string) => contentHistory(db, kind, itemId);

beforeAll(async () => {
  await db.connect();
  await db.query(`insert into public.districts (district_id, name, boundary) values ($1, 'Fixture A', $3), ($2, 'Fixture B', $3)`, [district.zzA, district.zzB, area]);
  await db.query(`insert into public.beats (beat_id, name, district_id, boundary) values ($1, 'Fixture 1', $4, $6), ($2, 'Fixture 2', $4, $6), ($3, 'Fixture 3', $5, $6)`, [
    beat.zz1,
    beat.zz2,
    beat.zz3,
    district.zzA,
    district.zzB,
    area,
  ]);
  await db.query(
    `insert into public.officers (officer_id, name, rank, role, beats, languages)
     values ($1, 'Officer One', 'Officer', 'beat_officer', array[$3], '{en}'), ($2, 'Officer Three', 'Officer', 'beat_officer', array[$4], '{en}')`,
    [officer.one, officer.three, beat.zz1, beat.zz3],
  );
  for (const [name, beats] of [['zz1', [beat.zz1]], ['zz3', [beat.zz3]]] as const) {
    const item = meetingItem(meeting[name], [...beats]);
    const columns = Object.keys(item);
    await db.query(
      `insert into public.meetings (${columns.join(', ')}) select ${columns.join(', ')} from jsonb_populate_record(null::public.meetings, $1)`,
      [item],
    );
  }
  for (const who of Object.keys(staff) as Who[]) emails[who] = `${who}-${run}@example.org`;
  Object.assign(clients, await signedInStaff(db, { url, anonKey }, staff, (who) => emails[who]));
});

afterAll(async () => {
  await db.end();
});

describe('who may change what', () => {
  it('an officer changes their own contact and biography, and is refused their rank, their beats and anyone else’s profile', async () => {
    expect((await save('officer1', 'officer', { officer_id: officer.one, bio: 'Walks the beat on Tuesdays.', contact_phone: '555-0100' })).error).toBeNull();
    expect(await row('officers', 'officer_id', officer.one)).toMatchObject({ bio: 'Walks the beat on Tuesdays.', contact_phone: '555-0100' });

    for (const change of [{ rank: 'Sergeant' }, { beats: [beat.zz1, beat.zz2] }, { published: true }]) {
      expect((await save('officer1', 'officer', { officer_id: officer.one, ...change })).error?.code).toBe('42501');
    }
    expect((await save('officer1', 'officer', { officer_id: officer.three, bio: 'Not mine.' })).error?.code).toBe('42501');
    expect(await row('officers', 'officer_id', officer.one)).toMatchObject({ rank: 'Officer', beats: [beat.zz1], published: false });
    expect((await row('officers', 'officer_id', officer.three)).bio).toBe('');
  });

  it('a supervisor adds an officer to a beat of their district, and cannot to a beat of another, nor edit another district’s beat', async () => {
    const slug = `new-officer-${run}`;
    const newOfficer = { officer_id: slug, name: 'New Officer', rank: 'Officer', role: 'beat_officer', beats: [beat.zz2], languages: ['en', 'es'], published: true };
    expect((await save('supervisorA', 'officer', newOfficer, { create: true })).error).toBeNull();
    expect(await row('officers', 'officer_id', slug)).toMatchObject({ beats: [beat.zz2], published: true });
    // The id is taken: a second "new" officer never overwrites the first.
    const again = await save('supervisorA', 'officer', { ...newOfficer, name: 'Someone Else' }, { create: true });
    expect(again.error).toMatchObject({ code: '22023', details: 'officer_id' });
    expect((await row('officers', 'officer_id', slug)).name).toBe('New Officer');

    const elsewhere = await save('supervisorA', 'officer', { ...newOfficer, officer_id: `elsewhere-${run}`, beats: [beat.zz3] }, { create: true });
    expect(elsewhere.error?.code).toBe('42501');
    expect(await row('officers', 'officer_id', `elsewhere-${run}`)).toBeUndefined();
    // Nor move one of theirs out to another district's beat.
    expect((await save('supervisorA', 'officer', { officer_id: slug, beats: [beat.zz3] })).error?.code).toBe('42501');

    expect((await save('supervisorA', 'beat', { beat_id: beat.zz1, neighbourhoods: ['Larch Park'] })).error).toBeNull();
    expect((await save('supervisorA', 'beat', { beat_id: beat.zz3, name: 'Renamed' })).error?.code).toBe('42501');
    expect((await row('beats', 'beat_id', beat.zz3)).name).toBe('Fixture 3');
  });

  it('an officer cancels an occurrence of their beat’s meeting, and cannot touch another beat’s meeting or move theirs into it', async () => {
    const cancel = { meeting_id: meeting.zz1, occurrence_date: '2026-02-10', status: 'cancelled', note: 'Storm warning', published: true };
    expect((await save('officer1', 'meeting_exception', cancel)).error).toBeNull();
    expect(await db.query('select position, status, note from public.meeting_exceptions where meeting_id = $1', [meeting.zz1]).then((r) => r.rows)).toEqual([
      { position: 0, status: 'cancelled', note: 'Storm warning' },
    ]);
    // The same date again changes that exception, rather than adding another.
    expect((await save('officer1', 'meeting_exception', { ...cancel, note: 'Storm warning: the hall has no power' })).error).toBeNull();
    expect((await db.query('select count(*)::int as n from public.meeting_exceptions where meeting_id = $1', [meeting.zz1])).rows[0].n).toBe(1);

    expect((await save('officer1', 'meeting_exception', { ...cancel, meeting_id: meeting.zz3 })).error?.code).toBe('42501');
    expect((await save('officer1', 'meeting', { meeting_id: meeting.zz3, title: 'Taken over' })).error?.code).toBe('42501');
    expect((await save('officer1', 'meeting', { meeting_id: meeting.zz1, beats: [beat.zz3] })).error?.code).toBe('42501');
    expect((await row('meetings', 'meeting_id', meeting.zz1)).beats).toEqual([beat.zz1]);
    expect((await db.query('select count(*)::int as n from public.meeting_exceptions where meeting_id = $1', [meeting.zz3])).rows[0].n).toBe(0);

    // Restoring the occurrence is the officer's too; deleting the meeting is not.
    expect((await clients.officer1.rpc('delete_content', { kind: 'meeting_exception', key: { meeting_id: meeting.zz1, occurrence_date: '2026-02-10' } })).error).toBeNull();
    expect((await clients.officer1.rpc('delete_content', { kind: 'meeting', key: { meeting_id: meeting.zz1 } })).error?.code).toBe('42501');
    expect(await row('meetings', 'meeting_id', meeting.zz1)).toBeDefined();
  });

  it('only coordinators change the site, the districts and the workshops; residents and accounts without a role change nothing', async () => {
    const { rows } = await db.query(`select contact_phone from public.site_settings`);
    for (const who of ['supervisorA', 'officer1', 'nobody'] as const) {
      expect((await save(who, 'site', { site_id: 'site', contact_phone: '555-0199' })).error?.code).toBe('42501');
      expect((await save(who, 'district', { district_id: district.zzA, name: 'Renamed' })).error?.code).toBe('42501');
    }
    expect((await anon.rpc('save_content', { kind: 'district', item: { district_id: district.zzA, name: 'Renamed' } })).error?.code).toBe('42501');
    expect((await db.query(`select contact_phone from public.site_settings`)).rows).toEqual(rows);
    expect((await row('districts', 'district_id', district.zzA)).name).toBe('Fixture A');

    expect((await save('coordinator', 'district', { district_id: district.zzB, name: 'Fixture B, renamed' })).error).toBeNull();
    expect((await row('districts', 'district_id', district.zzB)).name).toBe('Fixture B, renamed');
  });
});

describe('the history of content, and undoing a change', () => {
  it('keeps who changed what, from what, with their note, however the change was made', async () => {
    const id = meeting.zz3;
    expect((await save('coordinator', 'meeting', { meeting_id: id, title: 'Beat zz3 meeting', venue_name: 'New hall' }, { note: 'The library closed' })).error).toBeNull();
    await db.query(`update public.meetings set languages = '{en,es}' where meeting_id = $1`, [id]);
    const changes = await history('meeting', id);
    expect(changes.slice(-2)).toEqual([
      {
        history_id: expect.any(String),
        operation: 'update',
        before: { meeting_id: id, title: `Fixture meeting ${id}`, venue_name: 'Fixture hall' },
        after: { meeting_id: id, title: 'Beat zz3 meeting', venue_name: 'New hall' },
        note: 'The library closed',
        undoes: null,
        changed_by_email: emails.coordinator,
      },
      // The SQL editor's change is there too, by nobody the database knows as staff.
      {
        history_id: expect.any(String),
        operation: 'update',
        before: { meeting_id: id, languages: ['en'] },
        after: { meeting_id: id, languages: ['en', 'es'] },
        note: null,
        undoes: null,
        changed_by_email: null,
      },
    ]);
    // Staff read it; residents do not.
    expect((await clients.officer1.from('content_history').select('history_id').eq('item_id', id)).data).toHaveLength(changes.length);
    expect((await anon.from('content_history').select('history_id').eq('item_id', id)).error?.code).toBe('42501');
  });

  it('moves a meeting’s update time on at every change of its occurrences, never back, so calendars take the new version', async () => {
    await db.query(`update public.meetings set updated_local = '2099-01-01T09:00' where meeting_id = $1`, [meeting.zz1]);
    await save('officer1', 'meeting_exception', { meeting_id: meeting.zz1, occurrence_date: '2026-03-10', status: 'moved', moved_to: '2026-03-11T18:00', published: true });
    expect((await row('meetings', 'meeting_id', meeting.zz1)).updated_local).toBe('2099-01-01T09:01');
    await db.query(`update public.meetings set updated_local = null where meeting_id = $1`, [meeting.zz1]);
    await save('officer1', 'meeting_exception', { meeting_id: meeting.zz1, occurrence_date: '2026-03-10', status: 'cancelled', moved_to: null });
    expect((await row('meetings', 'meeting_id', meeting.zz1)).updated_local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  });

  it('undoes a change, a cancellation and a new officer; and refuses to undo what was changed again since', async () => {
    const id = meeting.zz1;
    await save('officer1', 'meeting', { meeting_id: id, title: 'First title' });
    await save('officer1', 'meeting', { meeting_id: id, title: 'Second title' });
    const [first, second] = (await history('meeting', id)).slice(-2);
    const stale = await clients.officer1.rpc('undo_content_change', { history_id: first.history_id });
    expect(stale.error).toMatchObject({ code: '22023', details: 'history_id', message: 'this has changed since: undo the later change first' });
    expect((await clients.officer1.rpc('undo_content_change', { history_id: second.history_id })).error).toBeNull();
    expect((await row('meetings', 'meeting_id', id)).title).toBe('First title');
    expect((await history('meeting', id)).at(-1)).toMatchObject({ undoes: second.history_id, note: 'undo', after: { title: 'First title' } });

    await save('officer1', 'meeting_exception', { meeting_id: id, occurrence_date: '2026-04-14', status: 'cancelled', note: 'Holiday' });
    const cancelled = (await history('meeting_exception', id)).at(-1);
    expect(cancelled).toMatchObject({ operation: 'insert', after: { occurrence_date: '2026-04-14', status: 'cancelled' } });
    expect((await clients.officer1.rpc('undo_content_change', { history_id: cancelled.history_id })).error).toBeNull();
    expect((await db.query('select * from public.meeting_exceptions where meeting_id = $1 and occurrence_date = $2', [id, '2026-04-14'])).rows).toEqual([]);

    const slug = `undone-officer-${run}`;
    await save('supervisorA', 'officer', { officer_id: slug, name: 'Undone', rank: 'Officer', role: 'beat_officer', beats: [beat.zz1], languages: ['en'] }, { create: true });
    const created = (await history('officer', slug)).at(-1);
    // An officer may not undo what they could not do.
    expect((await clients.officer1.rpc('undo_content_change', { history_id: created.history_id })).error?.code).toBe('42501');
    expect((await clients.supervisorA.rpc('undo_content_change', { history_id: created.history_id })).error).toBeNull();
    expect(await row('officers', 'officer_id', slug)).toBeUndefined();
    // And the undoing of a delete brings the whole row back.
    const deleted = (await history('officer', slug)).at(-1);
    expect((await clients.supervisorA.rpc('undo_content_change', { history_id: deleted.history_id })).error).toBeNull();
    expect(await row('officers', 'officer_id', slug)).toMatchObject({ name: 'Undone', beats: [beat.zz1] });
  });
});

describe('a refused value names its field, and the database and the content schema agree on what to refuse', () => {
  const base = () => ({
    title: 'Agreement',
    kind: 'beat_meeting',
    beats: [beat.zz1],
    venue: { name: 'Hall', address: '1 Main St', location: [-87.95, 41.05] },
    schedule: { start: '2026-01-13T18:00', durationMinutes: 90, rrule: 'FREQ=WEEKLY' },
    languages: ['en'],
  });
  const cases: Array<[string, (m: ReturnType<typeof base>) => unknown, string]> = [
    ['an empty title', (m) => ({ ...m, title: '' }), 'title'],
    ['an unknown kind', (m) => ({ ...m, kind: 'picnic' }), 'kind'],
    ['a beat id with spaces', (m) => ({ ...m, beats: ['beat one'] }), 'beats'],
    ['neither beats nor a district', (m) => ({ ...m, beats: [] }), 'beats'],
    ['an empty venue name', (m) => ({ ...m, venue: { ...m.venue, name: '' } }), 'venue_name'],
    ['a place off the earth', (m) => ({ ...m, venue: { ...m.venue, location: [-200, 41] } }), 'venue_lon'],
    ['a start without a time', (m) => ({ ...m, schedule: { ...m.schedule, start: '2026-01-13' } }), 'schedule_start'],
    ['a 4-minute meeting', (m) => ({ ...m, schedule: { ...m.schedule, durationMinutes: 4 } }), 'schedule_duration_minutes'],
    ['a meeting longer than a day', (m) => ({ ...m, schedule: { ...m.schedule, durationMinutes: 1441 } }), 'schedule_duration_minutes'],
    ['a rule that is not an RRULE', (m) => ({ ...m, schedule: { ...m.schedule, rrule: 'every week' } }), 'schedule_rrule'],
    ['no language', (m) => ({ ...m, languages: [] }), 'languages'],
  ];

  it('accepts the meeting both accept', async () => {
    const entry = meetingSchema.parse(base());
    const { updated_local: _stamped, ...item } = meetingRows({ ...entry, id: `agreement-${run}` }).meeting;
    expect((await save('coordinator', 'meeting', item, { create: true })).error).toBeNull();
  });

  it.each(cases)('%s', async (_name, change, field) => {
    const changed = change(base()) as ReturnType<typeof base>;
    expect(meetingSchema.safeParse(changed).success).toBe(false);
    // As the row would be written had the form let it through (the schema's defaults filled in by hand).
    const { updated_local: _stamped, ...item } = meetingRows({ ...changed, exceptions: [], reports: [], id: `agreement-${run}` } as unknown as Parameters<typeof meetingRows>[0]).meeting;
    const { error } = await save('coordinator', 'meeting', item);
    expect(error).toMatchObject({ code: '22023', details: field });
  });

  it('names the field of a reference to nothing: a district that does not exist', async () => {
    const { error } = await save('coordinator', 'beat', { beat_id: beat.zz2, district_id: `nowhere-${run}` });
    expect(error).toMatchObject({ code: '22023', details: 'district_id', message: 'choose one that exists' });
  });

  it('refuses a field the kind does not have, and the stamps the database keeps', async () => {
    expect((await save('coordinator', 'meeting', { meeting_id: meeting.zz1, colour: 'red' })).error).toMatchObject({ code: '22023', details: 'colour' });
    expect((await save('coordinator', 'meeting', { meeting_id: meeting.zz1, updated_local: '2000-01-01T00:00' })).error).toMatchObject({ details: 'updated_local' });
  });
});
