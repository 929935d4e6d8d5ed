// A confirmed workshop is a meeting of the public calendar, kept by the
// database (supabase/migrations/20261122001200_workshop_meetings.sql): staff
// confirm through supabase-js as the workspace does, and the meeting row
// appears, moves, and goes as the request does, published by the same queue
// as any content change. The requests are the demo city's beat 101 and its
// catalogue, as a business sends them; each test's own, removed afterwards.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { wallTime } from '../../src/features/staff/workspace/zonedTime.ts';
import { requestWorkshop } from '../../src/features/workshops/requestWorkshop.ts';
import type { WorkshopRequest } from '../../src/features/workshops/workshop.schema.ts';

const { url, anonKey, databaseUrl } = inject('stack');
const anon = createClient(url, anonKey, { auth: { persistSession: false } });
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);
const password = 'a long local test password';
const day = 86_400_000;
// Whole minutes and a few seconds past: the calendar's local start keeps the minute.
const inDays = (days: number, seconds = 0) => new Date(Math.floor((Date.now() + days * day) / 60_000) * 60_000 + seconds * 1000).toISOString();
const request: WorkshopRequest = {
  workshop: 'robbery-prevention',
  business_name: `Corner Grocery ${run}`,
  address: '1200 W Birch St',
  beat: '101',
  latitude: 41.118,
  longitude: -88.262,
  contact_name: 'Ana Ruiz',
  contact_email: 'ana@example.com',
  contact_language: 'es',
  attendees: 6,
  preferred_times: [inDays(7), inDays(14)],
};

let coordinator: SupabaseClient;
let coordinatorId: string;
let timeZone: string;
const made: string[] = [];

beforeAll(async () => {
  await db.connect();
  timeZone = (await db.query('select time_zone from public.site_settings')).rows[0].time_zone;
  const email = `workshop-meetings-${run}@example.org`;
  const { rows } = await db.query(`insert into auth.users (email, encrypted_password) values ($1, extensions.crypt($2, extensions.gen_salt('bf', 4))) returning id`, [email, password]);
  coordinatorId = rows[0].id;
  await db.query(`insert into public.staff_members (user_id, role) values ($1, 'coordinator')`, [coordinatorId]);
  coordinator = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const { error } = await coordinator.auth.signInWithPassword({ email, password });
  if (error) throw error;
});

afterAll(async () => {
  // Removing the requests takes their meetings off the calendar too.
  await db.query('delete from public.workshop_requests where workshop_request_id = any($1::uuid[])', [made]);
  await db.end();
});

/** A request as a business sends it; its id, as the workspace knows it. */
async function sent(change: Partial<WorkshopRequest> = {}): Promise<string> {
  const outcome = await requestWorkshop(anon, { ...request, ...change } as WorkshopRequest, crypto.randomUUID());
  if (outcome.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(outcome)}`);
  const { rows } = await db.query(`select workshop_request_id from public.workshop_requests where receipt_hash = sha256(convert_to($1, 'UTF8'))`, [
    outcome.result.receipt.replace(/-/g, ''),
  ]);
  made.push(rows[0].workshop_request_id);
  return rows[0].workshop_request_id;
}

async function schedule(id: string, change: { status?: string; confirmed_at?: string; decline_reason?: string; note?: string }) {
  const { error } = await coordinator.rpc('schedule_workshop', { workshop_request_id: id, ...change });
  if (error) throw new Error(error.message);
}

const meetingOf = (id: string) => `workshop-${id.slice(0, 8)}`;
/** The meeting as residents' browsers and the build read it: published rows only. */
async function publicMeeting(id: string) {
  const { data, error } = await anon.from('meetings').select('*').eq('meeting_id', meetingOf(id));
  if (error) throw new Error(error.message);
  return data[0];
}

describe('a confirmed workshop on the public calendar', () => {
  it('is a published one-off meeting at the business, at the confirmed local time, for the workshop’s length', async () => {
    const id = await sent();
    const slot = inDays(7, 42);
    await schedule(id, { status: 'confirmed', confirmed_at: slot, note: `Call Ana on 555-0123 before ${run}.` });

    const beat = (await db.query(`select district_id from public.beats where beat_id = '101'`)).rows[0];
    const workshop = (await db.query(`select title, duration_minutes from public.workshops where workshop_id = 'robbery-prevention'`)).rows[0];
    expect(await publicMeeting(id)).toMatchObject({
      meeting_id: meetingOf(id),
      title: workshop.title,
      kind: 'business',
      beats: ['101'],
      district_id: beat.district_id,
      venue_name: request.business_name,
      venue_address: '1200 W Birch St',
      venue_lon: -88.262,
      venue_lat: 41.118,
      schedule_start: wallTime(new Date(slot), timeZone),
      schedule_duration_minutes: workshop.duration_minutes,
      schedule_rrule: null,
      schedule_time_zone: null,
      languages: ['es'],
      published: true,
    });
  });

  it('is in the content history in the confirming staff member’s name, without their internal note, and queues a publish', async () => {
    const id = await sent();
    const before = Number((await db.query(`select count(*) from private.publish_requests where 'meetings' = any(tables)`)).rows[0].count);
    await schedule(id, { status: 'confirmed', confirmed_at: inDays(8), note: `Internal ${run}: the owner is hard to reach.` });
    const { rows } = await db.query(`select operation, changed_by, note from public.content_history where kind = 'meeting' and item_id = $1`, [meetingOf(id)]);
    expect(rows).toEqual([{ operation: 'insert', changed_by: coordinatorId, note: null }]);
    // The note stays with the request, for the staff of its beat.
    const notes = await db.query(`select note from public.staff_history where item_id = $1 and note is not null`, [id]);
    expect(notes.rows).toEqual([{ note: `Internal ${run}: the owner is hard to reach.` }]);
    expect(Number((await db.query(`select count(*) from private.publish_requests where 'meetings' = any(tables)`)).rows[0].count)).toBeGreaterThan(before);
  });

  it('moves the same meeting when another time is confirmed, as a newer version for calendars', async () => {
    const id = await sent();
    await schedule(id, { status: 'confirmed', confirmed_at: inDays(7) });
    const first = await publicMeeting(id);
    await db.query(`update public.meetings set updated_local = '2000-01-01T00:00' where meeting_id = $1`, [meetingOf(id)]);
    const later = inDays(15);
    await schedule(id, { confirmed_at: later });
    const moved = await publicMeeting(id);
    expect(moved).toMatchObject({ meeting_id: first.meeting_id, schedule_start: wallTime(new Date(later), timeZone), published: true });
    expect(moved.updated_local > '2000-01-01T00:00').toBe(true);
    expect((await db.query(`select count(*)::int as n from public.meetings where venue_name = $1 and meeting_id = $2`, [request.business_name, meetingOf(id)])).rows).toEqual([{ n: 1 }]);
  });

  it('keeps what staff added to the meeting, and writes nothing when nothing it shows changed', async () => {
    const id = await sent();
    await schedule(id, { status: 'confirmed', confirmed_at: inDays(9) });
    await db.query(`update public.meetings set venue_accessibility = 'Step-free entrance on Birch St' where meeting_id = $1`, [meetingOf(id)]);
    const changes = async () => Number((await db.query(`select count(*) from public.content_history where kind = 'meeting' and item_id = $1`, [meetingOf(id)])).rows[0].count);
    const before = await changes();
    await schedule(id, { status: 'completed' });
    expect(await changes()).toBe(before);
    const later = inDays(10);
    await schedule(id, { status: 'confirmed', confirmed_at: later });
    expect(await publicMeeting(id)).toMatchObject({ venue_accessibility: 'Step-free entrance on Birch St', schedule_start: wallTime(new Date(later), timeZone) });
  });

  it('keeps the meeting of a completed workshop, and takes it off the calendar when the request is declined or back to received', async () => {
    const declined = await sent();
    await schedule(declined, { status: 'confirmed', confirmed_at: inDays(7) });
    await schedule(declined, { status: 'completed' });
    expect(await publicMeeting(declined)).toMatchObject({ published: true });
    await schedule(declined, { status: 'declined', decline_reason: 'No officer is free that week.' });
    expect(await publicMeeting(declined)).toBeUndefined();
    expect((await db.query('select 1 from public.meetings where meeting_id = $1', [meetingOf(declined)])).rows).toEqual([]);

    const reopened = await sent();
    await schedule(reopened, { status: 'confirmed', confirmed_at: inDays(7) });
    expect(await publicMeeting(reopened)).toBeDefined();
    await schedule(reopened, { status: 'received' });
    expect(await publicMeeting(reopened)).toBeUndefined();
  });

  it('is not made for a request the calendar cannot place: no point, no beat, or a workshop not in the catalogue', async () => {
    const unplaced = [
      await sent({ latitude: undefined, longitude: undefined }),
      await sent({ beat: undefined }),
      await sent({ beat: `nowhere-${run}` }),
      await sent({ workshop: `retired-${run}` }),
    ];
    for (const id of unplaced) {
      await schedule(id, { status: 'confirmed', confirmed_at: inDays(7) });
      expect((await db.query('select 1 from public.meetings where meeting_id = $1', [meetingOf(id)])).rows).toEqual([]);
    }
  });

  it('keeps the language it was held in when retention removes the business’s contact language', async () => {
    const id = await sent();
    await schedule(id, { status: 'confirmed', confirmed_at: inDays(7) });
    await schedule(id, { status: 'completed' });
    await db.query(`update public.workshop_requests set contact_language = null, contact_email = null, contact_name = '(removed)', purged_at = now() where workshop_request_id = $1`, [id]);
    expect(await publicMeeting(id)).toMatchObject({ languages: ['es'] });
  });

  it('is written by the database alone: staff cannot write the meeting table themselves', async () => {
    const id = await sent();
    await schedule(id, { status: 'confirmed', confirmed_at: inDays(7) });
    const { error } = await coordinator.from('meetings').update({ title: 'Changed directly' }).eq('meeting_id', meetingOf(id));
    expect(error?.code).toBe('42501');
  });
});
