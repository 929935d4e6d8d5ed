// Retention of what businesses and watch-group people give us, through the
// real local stack: requests and registrations arrive as browsers send them
// (supabase-js, anon key), staff decisions and the passing of time are played
// through pg, and the purge is called as a scheduled job would call it, with
// the service-role key. The retention period is the default, 365 days.
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { joinWatchGroup } from '../../src/features/watch/joinWatchGroup.ts';
import { registerWatchGroup } from '../../src/features/watch/registerWatchGroup.ts';
import type { WatchRegistration } from '../../src/features/watch/watch.schema.ts';
import { lookUpWatchGroup } from '../../src/features/watch/watchStatus.ts';
import { requestWorkshop } from '../../src/features/workshops/requestWorkshop.ts';
import type { WorkshopRequest } from '../../src/features/workshops/workshop.schema.ts';
import { lookUpWorkshopRequest } from '../../src/features/workshops/workshopStatus.ts';

const { url, anonKey, serviceRoleKey, databaseUrl } = inject('stack');
const anon = createClient(url, anonKey, { auth: { persistSession: false } });
const service = createClient(url, serviceRoleKey, { auth: { persistSession: false } });
const coordinator = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);
const removed = '(removed under the retention policy)';
const day = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString();
/** The day a receipt lookup shows for a stored instant. */
const utcDate = (instant: unknown) => (instant as Date).toISOString().slice(0, 10);
const byReceipt = `receipt_hash = sha256(convert_to(replace($1, '-', ''), 'UTF8'))`;

const request = (businessName: string): WorkshopRequest => ({
  workshop: 'robbery-prevention',
  business_name: `${businessName} ${run}`,
  address: '1200 W Birch St',
  beat: '101',
  latitude: 41.118,
  longitude: -88.262,
  contact_name: 'Ana Ruiz',
  contact_email: 'ana.retention@example.com',
  contact_phone: '555-0123',
  contact_language: 'es',
  attendees: 6,
  preferred_times: [inDays(7), inDays(14)],
  notes: 'Ask for Ana at the back door, mornings only.',
});

const area: WatchRegistration['area'] = {
  type: 'Polygon',
  coordinates: [
    [
      [-88.2651, 41.1052],
      [-88.2603, 41.105],
      [-88.2602, 41.1086],
      [-88.2651, 41.1052],
    ],
  ],
};

const registration = (name: string): WatchRegistration => ({
  name: `Retention ${run} ${name}`,
  area,
  beat: '107',
  captain_name: 'Cam Okafor',
  captain_email: `cam.${crypto.randomUUID().slice(0, 8)}@example.org`,
  captain_phone: '555-0100 42',
  meeting_preference: 'weekends',
  meeting_note: 'The library has a room on Saturdays.',
  expected_members: 8,
});

async function sentRequest(businessName: string): Promise<string> {
  const outcome = await requestWorkshop(anon, request(businessName), crypto.randomUUID());
  if (outcome.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(outcome)}`);
  return outcome.result.receipt;
}

/** A registered group, approved by staff so a resident can join it, with that one member. */
async function groupWithMember(name: string): Promise<string> {
  const outcome = await registerWatchGroup(anon, registration(name), crypto.randomUUID());
  if (outcome.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(outcome)}`);
  const receipt = outcome.result.receipt;
  const { rows } = await db.query(`update public.watch_groups set status = 'approved', approved_at = now() where ${byReceipt} returning watch_group_id`, [receipt]);
  const joined = await joinWatchGroup(
    anon,
    { watch_group_id: rows[0].watch_group_id, name: 'Bo Lin', email: `bo.${crypto.randomUUID().slice(0, 8)}@example.org`, block: '1200 block of Gannet Ln' },
    crypto.randomUUID(),
  );
  if (joined.kind !== 'stored') throw new Error(`not joined: ${JSON.stringify(joined)}`);
  return receipt;
}

/** Staff decided `days` ago: the stamp the decision set is moved back by hand. */
const decidedDaysAgo = (table: 'workshop_requests' | 'watch_groups', receipt: string, days: number) =>
  db.query(`update public.${table} set status_changed_at = now() - make_interval(days => $2) where ${byReceipt}`, [receipt, days]);

const requestRow = async (receipt: string) => (await db.query(`select * from public.workshop_requests where ${byReceipt}`, [receipt])).rows[0];
const groupRow = async (receipt: string) => (await db.query(`select * from public.watch_groups where ${byReceipt}`, [receipt])).rows[0];
const people = async (receipt: string) =>
  (await db.query(`select role, name, email from public.watch_members where watch_group_id = (select watch_group_id from public.watch_groups where ${byReceipt}) order by role`, [receipt]))
    .rows;
const history = async (ids: string[]) => (await db.query(`select count(*)::int as n from public.staff_history where item_id = any($1::uuid[])`, [ids])).rows[0].n;

const receipts = {} as Record<'oldDeclined' | 'oldCompleted' | 'recentDeclined' | 'oldOpen', string> &
  Record<'oldDeclinedGroup' | 'recentDeclinedGroup' | 'oldApprovedGroup', string>;
const before: Record<string, Record<string, unknown>> = {};
const peopleBefore: Record<string, unknown[]> = {};
let historyBefore = 0;
const itemIds = () => Object.values(before).map((row) => (row.workshop_request_id ?? row.watch_group_id) as string);

beforeAll(async () => {
  await db.connect();

  const email = `retention-coordinator-${run}@example.org`;
  const password = 'a long local test password';
  const { rows: account } = await db.query(
    `insert into auth.users (email, encrypted_password) values ($1, extensions.crypt($2, extensions.gen_salt('bf', 4))) returning id`,
    [email, password],
  );
  await db.query(`insert into public.staff_members (user_id, role) values ($1, 'coordinator')`, [account[0].id]);
  const { error } = await coordinator.auth.signInWithPassword({ email, password });
  if (error) throw error;

  // Workshop requests: two finished long ago, one declined inside the period, one never answered.
  receipts.oldDeclined = await sentRequest('Declined Long Ago');
  receipts.oldCompleted = await sentRequest('Completed Long Ago');
  receipts.recentDeclined = await sentRequest('Declined Recently');
  receipts.oldOpen = await sentRequest('Still Waiting');
  for (const receipt of [receipts.oldDeclined, receipts.recentDeclined]) {
    await db.query(`update public.workshop_requests set status = 'declined', decline_reason = 'No officer is free that month.' where ${byReceipt}`, [receipt]);
  }
  await db.query(`update public.workshop_requests set status = 'completed', confirmed_at = preferred_times[1] where ${byReceipt}`, [receipts.oldCompleted]);
  await decidedDaysAgo('workshop_requests', receipts.oldDeclined, 400);
  await decidedDaysAgo('workshop_requests', receipts.oldCompleted, 400);
  await decidedDaysAgo('workshop_requests', receipts.recentDeclined, 300);
  await decidedDaysAgo('workshop_requests', receipts.oldOpen, 400);

  // Watch groups: one declined long ago after it had members, one declined inside the period, one approved long ago.
  receipts.oldDeclinedGroup = await groupWithMember('Declined Long Ago');
  receipts.oldApprovedGroup = await groupWithMember('Approved Long Ago');
  const recent = await registerWatchGroup(anon, registration('Declined Recently'), crypto.randomUUID());
  if (recent.kind !== 'stored') throw new Error('not stored');
  receipts.recentDeclinedGroup = recent.result.receipt;
  for (const receipt of [receipts.oldDeclinedGroup, receipts.recentDeclinedGroup]) {
    await db.query(`update public.watch_groups set status = 'declined', approved_at = null, public_note = 'Another group already covers these streets.' where ${byReceipt}`, [receipt]);
  }
  await decidedDaysAgo('watch_groups', receipts.oldDeclinedGroup, 400);
  await decidedDaysAgo('watch_groups', receipts.recentDeclinedGroup, 300);
  await decidedDaysAgo('watch_groups', receipts.oldApprovedGroup, 400);

  for (const [which, receipt] of Object.entries(receipts)) {
    before[which] = which.endsWith('Group') ? await groupRow(receipt) : await requestRow(receipt);
    if (which.endsWith('Group')) peopleBefore[which] = await people(receipt);
  }
  historyBefore = await history(itemIds());
});
afterAll(() => db.end());

describe('purge_finished_requests', () => {
  it('cannot be run by the public or by signed-in staff, and their attempts remove nothing', async () => {
    for (const client of [anon, coordinator]) {
      const { error } = await client.rpc('purge_finished_requests');
      expect(error?.code).toBe('42501');
    }
    expect(await requestRow(receipts.oldDeclined)).toEqual(before.oldDeclined);
    expect(await people(receipts.oldDeclinedGroup)).toEqual(peopleBefore.oldDeclinedGroup);
  });

  it('run with the service-role key, removes the contact details of requests finished longer ago than the period, and the people of groups declined as long ago', async () => {
    expect(peopleBefore.oldDeclinedGroup).toHaveLength(2);
    const { data, error } = await service.rpc('purge_finished_requests');
    expect(error).toBeNull();
    expect(data).toEqual({ workshop_requests: 2, watch_members: 2 });

    for (const which of ['oldDeclined', 'oldCompleted'] as const) {
      const row = await requestRow(receipts[which]);
      // Workshop, business, address, beat, times, status and its date stay: staff count them.
      expect(row).toEqual({
        ...before[which],
        contact_name: removed,
        contact_email: null,
        contact_phone: null,
        contact_language: null,
        notes: null,
        purged_at: expect.any(Date),
      });
      const stored = JSON.stringify(row);
      for (const given of ['Ana Ruiz', 'ana.retention@example.com', '555-0123', 'back door']) expect(stored).not.toContain(given);
    }
    expect(await people(receipts.oldDeclinedGroup)).toEqual([]);
    // The group itself stays, as staff decided it.
    expect(await groupRow(receipts.oldDeclinedGroup)).toEqual(before.oldDeclinedGroup);
  });

  it('leaves alone requests inside the period or never finished, and groups declined recently or approved', async () => {
    for (const which of ['recentDeclined', 'oldOpen'] as const) expect(await requestRow(receipts[which])).toEqual(before[which]);
    for (const which of ['recentDeclinedGroup', 'oldApprovedGroup'] as const) {
      expect(await groupRow(receipts[which])).toEqual(before[which]);
      expect(await people(receipts[which])).toEqual(peopleBefore[which]);
    }
    expect(peopleBefore.oldApprovedGroup).toEqual([
      { role: 'captain', name: 'Cam Okafor', email: expect.any(String) },
      { role: 'member', name: 'Bo Lin', email: expect.any(String) },
    ]);
  });

  it('writes nothing into the history: it is no decision of staff', async () => {
    expect(await history(itemIds())).toBe(historyBefore);
  });

  it('still answers the receipt of a purged request or group, with the same status, dates and reason', async () => {
    expect(await lookUpWorkshopRequest(anon, receipts.oldDeclined)).toEqual({
      kind: 'found',
      found: {
        workshop: 'robbery-prevention',
        status: 'declined',
        requestedOn: utcDate(before.oldDeclined!.created_at),
        updatedOn: utcDate(before.oldDeclined!.status_changed_at),
        confirmedAt: null,
        declineReason: 'No officer is free that month.',
      },
    });
    expect(await lookUpWorkshopRequest(anon, receipts.oldCompleted)).toMatchObject({ kind: 'found', found: { status: 'completed', confirmedAt: expect.any(String) } });
    expect(await lookUpWatchGroup(anon, receipts.oldDeclinedGroup)).toEqual({
      kind: 'found',
      found: {
        name: `Retention ${run} Declined Long Ago`,
        status: 'declined',
        registeredOn: utcDate(before.oldDeclinedGroup!.created_at),
        updatedOn: utcDate(before.oldDeclinedGroup!.status_changed_at),
        publicNote: 'Another group already covers these streets.',
      },
    });
  });

  it('purges nothing when run again', async () => {
    const { data, error } = await service.rpc('purge_finished_requests');
    expect(error).toBeNull();
    expect(data).toEqual({ workshop_requests: 0, watch_members: 0 });
  });
});
