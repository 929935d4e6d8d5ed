// Workshop requests through the real local stack, as a business owner's browser
// sends them: supabase-js with the anon key, through the gateway, PostgREST and Postgres.
// Then, as staff confirm them through supabase-js as the workspace does, the
// meeting of the public calendar the database keeps for each
// (supabase/migrations/20261122001200_workshop_meetings.sql).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { workshopMeetingId } from '../../src/features/staff/items/workshopMeeting.ts';
import { wallTime } from '../../src/features/staff/workspace/zonedTime.ts';
import { submitTip } from '../../src/features/tips/submitTip.ts';
import { requestWorkshop } from '../../src/features/workshops/requestWorkshop.ts';
import type { WorkshopRequest } from '../../src/features/workshops/workshop.schema.ts';
import { lookUpWorkshopRequest } from '../../src/features/workshops/workshopStatus.ts';

const { url, anonKey, databaseUrl } = inject('stack');
const anon = createClient(url, anonKey, { auth: { persistSession: false } });
const db = new pg.Client({ connectionString: databaseUrl });
const receiptFormat = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const day = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString();
const request: WorkshopRequest = {
  workshop: 'robbery-prevention',
  business_name: 'Corner Grocery',
  address: '1200 W Birch St',
  beat: '101',
  latitude: 41.118,
  longitude: -88.262,
  contact_name: 'Ana Ruiz',
  contact_email: 'ana@example.com',
  contact_phone: '555-0123',
  contact_language: 'es',
  attendees: 6,
  preferred_times: [inDays(7), inDays(14), inDays(21)],
  notes: 'Mornings suit us best.',
};

beforeAll(async () => {
  await db.connect();
});
afterAll(() => db.end());

const storedRequests = async () => Number((await db.query('select count(*) from public.workshop_requests')).rows[0].count);
const byReceipt = `receipt_hash = sha256(convert_to($1, 'UTF8'))`;
const bare = (receipt: string) => receipt.replace(/-/g, '');

async function sent(input: WorkshopRequest = request): Promise<string> {
  const outcome = await requestWorkshop(anon, input, crypto.randomUUID());
  if (outcome.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(outcome)}`);
  return outcome.result.receipt;
}

describe('request_workshop', () => {
  it('stores a request from an anonymous caller, as given, and returns a receipt code', async () => {
    const before = await storedRequests();
    const receipt = await sent({ ...request, business_name: '  Corner Grocery ' });
    expect(receipt).toMatch(receiptFormat);
    expect(await storedRequests()).toBe(before + 1);
    const { rows } = await db.query(
      `select workshop, business_name, address, beat, latitude, longitude, contact_name, contact_email, contact_phone,
              contact_language, attendees, preferred_times, notes, status, confirmed_at, decline_reason
         from public.workshop_requests where ${byReceipt}`,
      [bare(receipt)],
    );
    expect(rows).toEqual([
      {
        workshop: 'robbery-prevention',
        business_name: 'Corner Grocery',
        address: '1200 W Birch St',
        beat: '101',
        latitude: 41.118,
        longitude: -88.262,
        contact_name: 'Ana Ruiz',
        contact_email: 'ana@example.com',
        contact_phone: '555-0123',
        contact_language: 'es',
        attendees: 6,
        preferred_times: request.preferred_times.map((time) => new Date(time)),
        notes: 'Mornings suit us best.',
        status: 'received',
        confirmed_at: null,
        decline_reason: null,
      },
    ]);
  });

  it('takes a survey of premises with no attendees, no point and a phone number only', async () => {
    const { attendees: _a, latitude: _la, longitude: _lo, beat: _b, contact_email: _e, notes: _n, ...survey } = request;
    const receipt = await sent({ ...survey, workshop: 'cpted-survey', preferred_times: [inDays(3), inDays(4)] });
    const { rows } = await db.query(`select attendees, latitude, beat, contact_email, notes from public.workshop_requests where ${byReceipt}`, [bare(receipt)]);
    expect(rows).toEqual([{ attendees: null, latitude: null, beat: null, contact_email: null, notes: null }]);
  });

  it('stores the receipt only as a hash', async () => {
    const receipt = await sent();
    const { rows } = await db.query('select to_jsonb(w)::text as row from public.workshop_requests w');
    for (const { row } of rows) {
      expect(row).not.toContain(receipt);
      expect(row).not.toContain(bare(receipt));
    }
    expect((await db.query(`select 1 from public.workshop_requests where ${byReceipt}`, [bare(receipt)])).rowCount).toBe(1);
  });

  it('returns the first receipt and stores nothing more when a request is repeated', async () => {
    const key = crypto.randomUUID();
    const first = await requestWorkshop(anon, request, key);
    expect(first.kind).toBe('stored');
    const before = await storedRequests();
    const again = await Promise.all([requestWorkshop(anon, request, key), requestWorkshop(anon, request, key), requestWorkshop(anon, request, key)]);
    expect(again).toEqual([first, first, first]);
    expect(await storedRequests()).toBe(before);
  });

  const refusals: Array<[string, string, Partial<Record<keyof WorkshopRequest, unknown>>]> = [
    ['workshop', 'that is not an id', { workshop: 'robbery; drop table' }],
    ['workshop', 'left empty', { workshop: '' }],
    ['business_name', 'left blank', { business_name: '   ' }],
    ['business_name', 'over 200 characters', { business_name: 'B'.repeat(201) }],
    ['address', 'left empty', { address: '' }],
    ['address', 'over 300 characters', { address: 'A'.repeat(301) }],
    ['beat', 'that is not an id', { beat: 'Beat 101' }],
    ['latitude', 'out of range', { latitude: 91 }],
    ['latitude', 'missing from a point', { latitude: undefined }],
    ['longitude', 'out of range', { longitude: -181 }],
    ['longitude', 'missing from a point', { longitude: undefined }],
    ['contact_name', 'left blank', { contact_name: ' ' }],
    ['contact_name', 'over 120 characters', { contact_name: 'N'.repeat(121) }],
    ['contact_email', 'that is not an address', { contact_email: 'ana at example' }],
    ['contact_email', 'missing with no phone either', { contact_email: undefined, contact_phone: undefined }],
    ['contact_phone', 'of too few digits', { contact_phone: '12345' }],
    ['contact_language', 'that is not a language tag', { contact_language: 'Spanish' }],
    ['attendees', 'of none', { attendees: 0 }],
    ['attendees', 'over 1000', { attendees: 1001 }],
    ['preferred_times', 'of one only', { preferred_times: [inDays(7)] }],
    ['preferred_times', 'of four', { preferred_times: [inDays(1), inDays(2), inDays(3), inDays(4)] }],
    ['preferred_times', 'in the past', { preferred_times: [inDays(-1), inDays(2)] }],
    ['preferred_times', 'over a year ahead', { preferred_times: [inDays(2), inDays(366)] }],
    ['preferred_times', 'twice the same instant', { preferred_times: [inDays(2), inDays(2)].map((time, i) => (i === 0 ? time : time.replace('Z', '+00:00'))) }],
    ['notes', 'over 2000 characters', { notes: 'n'.repeat(2001) }],
  ];

  it.each(refusals)('refuses a %s %s, names the field, and stores nothing', async (field, _how, change) => {
    const before = await storedRequests();
    const outcome = await requestWorkshop(anon, { ...request, ...change } as WorkshopRequest, crypto.randomUUID());
    expect(outcome).toMatchObject({ kind: 'invalid', field });
    expect(await storedRequests()).toBe(before);
  });

  it('refuses a request without preferred times or an idempotency key, naming them', async () => {
    const withoutTimes = await anon.rpc('request_workshop', {
      workshop: 'scams-and-fraud',
      business_name: 'Corner Grocery',
      address: '1200 W Birch St',
      contact_name: 'Ana Ruiz',
      contact_email: 'ana@example.com',
      idempotency_key: crypto.randomUUID(),
    });
    expect(withoutTimes.error).toMatchObject({ code: '22023', details: 'preferred_times' });
    const withoutKey = await anon.rpc('request_workshop', {
      workshop: 'scams-and-fraud',
      business_name: 'Corner Grocery',
      address: '1200 W Birch St',
      contact_name: 'Ana Ruiz',
      contact_email: 'ana@example.com',
      idempotency_key: null,
      preferred_times: [inDays(1), inDays(2)],
    });
    expect(withoutKey.error).toMatchObject({ code: '22023', details: 'idempotency_key' });
  });

  it('cannot be read back, changed or deleted by an anonymous caller', async () => {
    await sent();
    for (const attempt of [
      anon.from('workshop_requests').select('*'),
      anon.from('workshop_requests').update({ status: 'confirmed' }).neq('status', 'x'),
      anon.from('workshop_requests').delete().neq('status', 'x'),
      anon.from('workshop_requests').insert({ workshop: 'x' }),
    ]) {
      expect((await attempt).error?.code).toBe('42501');
    }
  });
});

describe('workshop_status', () => {
  it('tells the holder of a receipt code the workshop, status and dates, and nothing else', async () => {
    const receipt = await sent();
    const found = await lookUpWorkshopRequest(anon, receipt.toLowerCase().replace(/-/g, ' '));
    const today = new Date().toISOString().slice(0, 10);
    expect(found).toEqual({
      kind: 'found',
      found: { workshop: 'robbery-prevention', status: 'received', requestedOn: today, updatedOn: today, confirmedAt: null, declineReason: null },
    });
    const { data } = await anon.rpc('workshop_status', { receipt });
    expect(Object.keys((data as object[])[0]!).sort()).toEqual(['confirmed_at', 'decline_reason', 'requested_on', 'status', 'updated_on', 'workshop']);
    // What the business wrote and who they are is never in the answer.
    const answer = JSON.stringify(data);
    for (const written of ['Corner Grocery', 'Birch', 'Ana', 'example.com', '555', 'Mornings']) expect(answer).not.toContain(written);
  });

  it('shows the confirmed time once staff confirm, and the reason once they decline', async () => {
    const receipt = await sent();
    const slot = request.preferred_times[1]!;
    await db.query(`update public.workshop_requests set status = 'confirmed', confirmed_at = $2 where ${byReceipt}`, [bare(receipt), slot]);
    expect(await lookUpWorkshopRequest(anon, receipt)).toMatchObject({ kind: 'found', found: { status: 'confirmed', declineReason: null } });
    const confirmed = await lookUpWorkshopRequest(anon, receipt);
    if (confirmed.kind !== 'found') throw new Error('not found');
    expect(new Date(confirmed.found.confirmedAt!).getTime()).toBe(new Date(slot).getTime());

    await db.query(`update public.workshop_requests set status = 'declined', decline_reason = 'No officer is free on those dates.' where ${byReceipt}`, [bare(receipt)]);
    expect(await lookUpWorkshopRequest(anon, receipt)).toMatchObject({
      kind: 'found',
      found: { status: 'declined', confirmedAt: null, declineReason: 'No officer is free on those dates.' },
    });
  });

  it('moves the date of the last update with each change staff make', async () => {
    const receipt = await sent();
    await db.query(`update public.workshop_requests set created_at = now() - interval '3 days', status_changed_at = now() - interval '3 days' where ${byReceipt}`, [bare(receipt)]);
    const before = await lookUpWorkshopRequest(anon, receipt);
    await db.query(`update public.workshop_requests set status = 'confirmed', confirmed_at = $2 where ${byReceipt}`, [bare(receipt), request.preferred_times[0]]);
    const after = await lookUpWorkshopRequest(anon, receipt);
    if (before.kind !== 'found' || after.kind !== 'found') throw new Error('not found');
    expect(after.found.requestedOn).toBe(before.found.requestedOn);
    expect(after.found.updatedOn > before.found.updatedOn).toBe(true);
  });

  it('answers a wrong code exactly as an unknown one, and a tip’s code as no request', async () => {
    const receipt = await sent();
    const last = receipt.slice(-1);
    const wrong = receipt.slice(0, -1) + (last === '2' ? '3' : '2');
    const wrongAnswer = await anon.rpc('workshop_status', { receipt: wrong });
    const unknownAnswer = await anon.rpc('workshop_status', { receipt: '0000-0000-0000-0000' });
    expect(wrongAnswer.data).toEqual([]);
    expect(unknownAnswer.data).toEqual([]);
    expect(wrongAnswer.status).toBe(unknownAnswer.status);
    expect(await lookUpWorkshopRequest(anon, wrong)).toEqual({ kind: 'not_found' });

    const tip = await submitTip(anon, { category: 'noise', description: 'Loud music from the corner lot every night.' }, crypto.randomUUID());
    if (tip.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(tip)}`);
    expect(await lookUpWorkshopRequest(anon, tip.result.receipt)).toEqual({ kind: 'not_found' });
  });
});

describe('a confirmed workshop on the public calendar', () => {
  const run = crypto.randomUUID().slice(0, 8);
  const password = 'a long local test password';
  let coordinator: SupabaseClient;
  let coordinatorId: string;
  let timeZone: string;
  const made: string[] = [];

  beforeAll(async () => {
    timeZone = (await db.query('select time_zone from public.site_settings')).rows[0].time_zone;
    const email = `workshop-meetings-${run}@example.org`;
    const { rows } = await db.query(`insert into auth.users (email, encrypted_password) values ($1, extensions.crypt($2, extensions.gen_salt('bf', 4))) returning id`, [email, password]);
    coordinatorId = rows[0].id;
    await db.query(`insert into public.staff_members (user_id, role) values ($1, 'coordinator')`, [coordinatorId]);
    coordinator = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    const { error } = await coordinator.auth.signInWithPassword({ email, password });
    if (error) throw error;
  });
  // Removing the requests takes their meetings off the calendar too.
  afterAll(() => db.query('delete from public.workshop_requests where workshop_request_id = any($1::uuid[])', [made]));

  /** A request as a business sends it; its id, as the workspace knows it. */
  async function sentForId(change: Partial<WorkshopRequest> = {}): Promise<string> {
    const receipt = await sent({ ...request, ...change } as WorkshopRequest);
    const { rows } = await db.query(`select workshop_request_id from public.workshop_requests where ${byReceipt}`, [bare(receipt)]);
    made.push(rows[0].workshop_request_id);
    return rows[0].workshop_request_id;
  }

  async function schedule(id: string, change: { status?: string; confirmed_at?: string; decline_reason?: string; note?: string }) {
    const { error } = await coordinator.rpc('schedule_workshop', { workshop_request_id: id, ...change });
    if (error) throw new Error(error.message);
  }

  // The workspace names the meeting as the database does: its link and the row agree.
  const meetingOf = workshopMeetingId;
  /** The meeting as residents' browsers and the build read it: published rows only. */
  async function publicMeeting(id: string) {
    const { data, error } = await anon.from('meetings').select('*').eq('meeting_id', meetingOf(id));
    if (error) throw new Error(error.message);
    return data[0];
  }

  it('is a published one-off meeting at the business, at the confirmed local time, for the workshop’s length', async () => {
    const id = await sentForId();
    const slot = inDays(7);
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
    const id = await sentForId();
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
    const id = await sentForId();
    await schedule(id, { status: 'confirmed', confirmed_at: inDays(7) });
    const first = await publicMeeting(id);
    await db.query(`update public.meetings set updated_local = '2000-01-01T00:00' where meeting_id = $1`, [meetingOf(id)]);
    const later = inDays(15);
    await schedule(id, { confirmed_at: later });
    const moved = await publicMeeting(id);
    expect(moved).toMatchObject({ meeting_id: first.meeting_id, schedule_start: wallTime(new Date(later), timeZone), published: true });
    expect(moved.updated_local > '2000-01-01T00:00').toBe(true);
    expect((await db.query(`select count(*)::int as n from public.meetings where meeting_id = $1`, [meetingOf(id)])).rows).toEqual([{ n: 1 }]);
  });

  it('keeps what staff added to the meeting, and writes nothing when nothing it shows changed', async () => {
    const id = await sentForId();
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
    const declined = await sentForId();
    await schedule(declined, { status: 'confirmed', confirmed_at: inDays(7) });
    await schedule(declined, { status: 'completed' });
    expect(await publicMeeting(declined)).toMatchObject({ published: true });
    await schedule(declined, { status: 'declined', decline_reason: 'No officer is free that week.' });
    expect(await publicMeeting(declined)).toBeUndefined();
    expect((await db.query('select 1 from public.meetings where meeting_id = $1', [meetingOf(declined)])).rows).toEqual([]);

    const reopened = await sentForId();
    await schedule(reopened, { status: 'confirmed', confirmed_at: inDays(7) });
    expect(await publicMeeting(reopened)).toBeDefined();
    await schedule(reopened, { status: 'received' });
    expect(await publicMeeting(reopened)).toBeUndefined();
  });

  it('is not made for a request the calendar cannot place: no point, no beat, or a workshop not in the catalogue', async () => {
    const unplaced = [
      await sentForId({ latitude: undefined, longitude: undefined }),
      await sentForId({ beat: undefined }),
      await sentForId({ beat: `nowhere-${run}` }),
      await sentForId({ workshop: `retired-${run}` }),
    ];
    for (const id of unplaced) {
      await schedule(id, { status: 'confirmed', confirmed_at: inDays(7) });
      expect((await db.query('select 1 from public.meetings where meeting_id = $1', [meetingOf(id)])).rows).toEqual([]);
    }
  });

  it('keeps the language it was held in when retention removes the business’s contact language', async () => {
    const id = await sentForId();
    await schedule(id, { status: 'confirmed', confirmed_at: inDays(7) });
    await schedule(id, { status: 'completed' });
    await db.query(`update public.workshop_requests set contact_language = null, contact_email = null, contact_name = '(removed)', purged_at = now() where workshop_request_id = $1`, [id]);
    expect(await publicMeeting(id)).toMatchObject({ languages: ['es'] });
  });

  it('is written by the database alone: staff cannot write the meeting table themselves', async () => {
    const id = await sentForId();
    await schedule(id, { status: 'confirmed', confirmed_at: inDays(7) });
    const { error } = await coordinator.from('meetings').update({ title: 'Changed directly' }).eq('meeting_id', meetingOf(id));
    expect(error?.code).toBe('42501');
  });
});
