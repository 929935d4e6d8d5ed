// What each staff role reads and changes, signed in through supabase-js as
// staff would be: officers their beats, supervisors their district,
// coordinators everything; an account with no role, nothing. The fixture
// jurisdiction (beats zz1 and zz2 in district zzA, zz3 in zzB, and the officer
// profiles) is this test's own: draft rows in the content tables, where the
// scope is read from, with ids of this run beside the demo city the stack holds.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedInStaff } from '../support/staffClients.ts';

const { url, anonKey, databaseUrl } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);

// The fixture's beats and districts by the names the tests use; their ids are this run's.
const beat = { zz1: `zz1-${run}`, zz2: `zz2-${run}`, zz3: `zz3-${run}` };
const district = { zzA: `zzA-${run}`, zzB: `zzB-${run}` };
/** A fixture beat's name from its id; 'none' for no beat. */
const named = (id: string | null) => (id === null ? 'none' : id.replace(`-${run}`, ''));

type Who = 'officer1' | 'officer3' | 'officerA' | 'supervisorA' | 'coordinator' | 'nobody';
const staff: Record<Who, { role?: string; officer_slug?: string; district?: string }> = {
  officer1: { role: 'officer', officer_slug: `officer-one-${run}` },
  officer3: { role: 'officer', officer_slug: `officer-three-${run}` },
  // serves district zzA as a whole, as a sergeant's profile does
  officerA: { role: 'officer', officer_slug: `officer-district-a-${run}` },
  supervisorA: { role: 'supervisor', district: district.zzA },
  coordinator: { role: 'coordinator' },
  nobody: {},
};
const clients = {} as Record<Who, SupabaseClient>;
/** Tip ids by beat ('none' for a tip with no beat). */
const tips: Record<string, string> = {};
const groups: Record<string, string> = {};
const requests: Record<string, string> = {};

async function insertTip(name: keyof typeof beat | null): Promise<string> {
  const { rows } = await db.query(
    `insert into public.tips (category, description, beat, receipt_hash, idempotency_hash, receipt_sealed)
     values ('noise', $1, $2, extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00') returning tip_id`,
    [`Staff access fixture ${run} in ${name ?? 'no beat'}.`, name === null ? null : beat[name]],
  );
  return rows[0].tip_id;
}

beforeAll(async () => {
  await db.connect();
  // As the database's owner, as an import writes. Drafts: the scope follows the rows whatever the public sees.
  const area = { type: 'Polygon', coordinates: [[[-88, 41], [-87.9, 41], [-87.9, 41.1], [-88, 41]]] };
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
    `insert into public.officers (officer_id, name, rank, role, beats, district_id, languages)
     values ($1, 'Officer One', 'Officer', 'beat_officer', array[$4], null, '{en}'),
            ($2, 'Officer Three', 'Officer', 'beat_officer', array[$5], null, '{en}'),
            ($3, 'Sergeant A', 'Sergeant', 'sergeant', '{}', $6, '{en}')`,
    [staff.officer1.officer_slug, staff.officer3.officer_slug, staff.officerA.officer_slug, beat.zz1, beat.zz3, district.zzA],
  );
  Object.assign(clients, await signedInStaff(db, { url, anonKey }, staff, (who) => `${who}-${run}@example.org`));
  for (const name of ['zz1', 'zz2', 'zz3'] as const) {
    tips[name] = await insertTip(name);
    const group = await db.query(
      // As a resident's registration is stored: with a receipt, and pending.
      `insert into public.watch_groups (name, beat, area, meeting_preference, expected_members, receipt_hash, idempotency_hash, receipt_sealed)
       values ($1, $2, '{"type":"Polygon","coordinates":[]}', 'weekends', 12, extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00')
       returning watch_group_id`,
      [`Fixture Watch ${run} ${name}`, beat[name]],
    );
    groups[name] = group.rows[0].watch_group_id;
    await db.query(`insert into public.watch_members (watch_group_id, role, name, email, phone) values ($1, 'captain', 'Cap Tain', $2, '312 555 0100')`, [groups[name], `captain-${name}-${run}@example.org`]);
    const request = await db.query(
      `insert into public.workshop_requests (workshop, business_name, address, beat, contact_name, contact_email, preferred_times, receipt_hash, idempotency_hash, receipt_sealed)
       values ('robbery-prevention', $1, '1 Main St', $2, 'Owner', 'owner@example.org', array[now() + interval '10 days', now() + interval '11 days'],
               extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00') returning workshop_request_id`,
      [`Fixture Shop ${run}`, beat[name]],
    );
    requests[name] = request.rows[0].workshop_request_id;
  }
  tips.none = await insertTip(null);
});
// The content tables are every test file's: the fixture's rows go (its items stay, as other files' do).
afterAll(async () => {
  await db.query(`delete from public.officers where officer_id = any($1)`, [[staff.officer1.officer_slug, staff.officer3.officer_slug, staff.officerA.officer_slug]]);
  await db.query(`delete from public.beats where beat_id = any($1)`, [Object.values(beat)]);
  await db.query(`delete from public.districts where district_id = any($1)`, [Object.values(district)]);
  await db.end();
});

const visibleTips = async (who: Who) => {
  const { data, error } = await clients[who].from('tips').select('tip_id, beat').like('description', `Staff access fixture ${run}%`);
  if (error) throw error;
  return (data ?? []).map((row) => named(row.beat)).sort();
};

describe('who sees which tips', () => {
  it('an officer sees the beats they serve, a supervisor their district, a coordinator all, an account without a role nothing', async () => {
    expect(await visibleTips('officer1')).toEqual(['zz1']);
    expect(await visibleTips('officer3')).toEqual(['zz3']);
    expect(await visibleTips('officerA')).toEqual(['zz1', 'zz2']);
    expect(await visibleTips('supervisorA')).toEqual(['zz1', 'zz2']);
    expect(await visibleTips('coordinator')).toEqual(['none', 'zz1', 'zz2', 'zz3']);
    expect(await visibleTips('nobody')).toEqual([]);
  });

  it('follows the content tables as they change, drafts included: a beat added to a profile, a beat moved to another district', async () => {
    // The fixture's rows are all drafts: the scope is about who may act, not what residents see.
    expect((await db.query(`select count(*)::int as n from public.beats where beat_id = any($1) and published`, [Object.values(beat)])).rows[0].n).toBe(0);
    await db.query(`update public.officers set beats = array[$2, $3] where officer_id = $1`, [staff.officer1.officer_slug, beat.zz1, beat.zz2]);
    await db.query(`update public.beats set district_id = $2 where beat_id = $1`, [beat.zz3, district.zzA]);
    try {
      expect(await visibleTips('officer1')).toEqual(['zz1', 'zz2']);
      expect(await visibleTips('officerA')).toEqual(['zz1', 'zz2', 'zz3']);
      expect(await visibleTips('supervisorA')).toEqual(['zz1', 'zz2', 'zz3']);
    } finally {
      await db.query(`update public.officers set beats = array[$2] where officer_id = $1`, [staff.officer1.officer_slug, beat.zz1]);
      await db.query(`update public.beats set district_id = $2 where beat_id = $1`, [beat.zz3, district.zzB]);
    }
    expect(await visibleTips('officer1')).toEqual(['zz1']);
    expect(await visibleTips('supervisorA')).toEqual(['zz1', 'zz2']);
  });

  it('never shows staff the receipt or retry-key hashes', async () => {
    const { error } = await clients.coordinator.from('tips').select('receipt_hash').limit(1);
    expect(error?.code).toBe('42501');
  });

  it('watch groups, their members and workshop requests follow the same scopes', async () => {
    const seen = async (who: Who) => {
      const g = await clients[who].from('watch_groups').select('beat').like('name', `Fixture Watch ${run}%`);
      const m = await clients[who].from('watch_members').select('email').like('email', `captain-%-${run}@example.org`);
      const w = await clients[who].from('workshop_requests').select('beat').like('business_name', `Fixture Shop ${run}`);
      return {
        groups: (g.data ?? []).map((row) => named(row.beat)).sort(),
        members: (m.data ?? []).map((row) => row.email.split('-')[1]).sort(),
        requests: (w.data ?? []).map((row) => named(row.beat)).sort(),
      };
    };
    expect(await seen('officer1')).toEqual({ groups: ['zz1'], members: ['zz1'], requests: ['zz1'] });
    expect(await seen('supervisorA')).toEqual({ groups: ['zz1', 'zz2'], members: ['zz1', 'zz2'], requests: ['zz1', 'zz2'] });
    expect(await seen('coordinator')).toEqual({ groups: ['zz1', 'zz2', 'zz3'], members: ['zz1', 'zz2', 'zz3'], requests: ['zz1', 'zz2', 'zz3'] });
    expect(await seen('nobody')).toEqual({ groups: [], members: [], requests: [] });
  });
});

describe('what staff may change', () => {
  it('an officer triages a tip in their beat, and the history records who did what, with the note', async () => {
    const { error } = await clients.officer1.rpc('triage_tip', {
      tip_id: tips.zz1,
      status: 'under_review',
      public_reply: 'An officer is looking into it.',
      note: 'Called the property manager.',
    });
    expect(error).toBeNull();
    const { data: history } = await clients.officer1
      .from('staff_history')
      .select('field, from_value, to_value, note, changed_by_email')
      .eq('item_id', tips.zz1!)
      .order('history_id');
    expect(history).toEqual([
      { field: 'status', from_value: null, to_value: 'received', note: null, changed_by_email: null },
      { field: 'status', from_value: 'received', to_value: 'under_review', note: 'Called the property manager.', changed_by_email: `officer1-${run}@example.org` },
      { field: 'public_reply', from_value: null, to_value: 'An officer is looking into it.', note: null, changed_by_email: `officer1-${run}@example.org` },
    ]);
    // Another officer's scope does not reach this tip's history either.
    expect((await clients.officer3.from('staff_history').select('history_id').eq('item_id', tips.zz1!)).data).toEqual([]);
  });

  it('an officer cannot change a tip outside their beats, nor what the resident wrote', async () => {
    const outside = await clients.officer1.from('tips').update({ status: 'closed' }).eq('tip_id', tips.zz3!).select('tip_id');
    expect(outside.error?.code).toBe('42501');
    const throughTriage = await clients.officer1.rpc('triage_tip', { tip_id: tips.zz3, status: 'closed' });
    expect(throughTriage.error).toMatchObject({ code: '22023', details: 'tip_id' });
    expect((await db.query('select status from public.tips where tip_id = $1', [tips.zz3])).rows[0].status).toBe('received');

    const rewrite = await clients.officer1.from('tips').update({ description: 'Something else entirely, rewritten.' }).eq('tip_id', tips.zz1!);
    expect(rewrite.error?.code).toBe('42501');
  });

  it('no one changes a tip but through triage: a direct write is refused, and tells nothing of other beats’ tips', async () => {
    const ownTip = tips.zz3!;
    const historyOf = async (id: string) => (await db.query('select count(*)::int as n from public.staff_history where item_id = $1', [id])).rows[0].n;
    const before = await historyOf(ownTip);
    // An officer of zz3 points their own tip at one in zz1, and at an id that exists nowhere: the same refusal.
    const foreign = await clients.officer3.from('tips').update({ duplicate_of: tips.zz1 }).eq('tip_id', ownTip);
    const made_up = await clients.officer3.from('tips').update({ duplicate_of: crypto.randomUUID() }).eq('tip_id', ownTip);
    expect(foreign.error?.code).toBe('42501');
    expect(made_up.error).toEqual(foreign.error);
    for (const field of [{ status: 'closed' }, { public_reply: 'Direct.' }, { assigned_to: staff.officer3.officer_slug }]) {
      expect((await clients.officer3.from('tips').update(field).eq('tip_id', ownTip)).error?.code).toBe('42501');
    }
    expect((await db.query('select status, duplicate_of, public_reply from public.tips where tip_id = $1', [ownTip])).rows[0]).toEqual({ status: 'received', duplicate_of: null, public_reply: null });
    expect(await historyOf(ownTip)).toBe(before);
    // The other items and their functions alike.
    expect((await clients.officer3.from('watch_groups').update({ status: 'approved' }).eq('watch_group_id', groups.zz3!)).error?.code).toBe('42501');
    expect((await clients.officer3.from('workshop_requests').update({ status: 'declined' }).eq('workshop_request_id', requests.zz3!)).error?.code).toBe('42501');
  });

  it('takes a history row’s time and author from the database, even from the service role', async () => {
    const { serviceRoleKey } = inject('stack');
    const service = createClient(url, serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } });
    const { data: officer } = await clients.officer1.auth.getUser();
    const backdated = await service
      .from('staff_history')
      .insert({ kind: 'tip', item_id: tips.zz2, field: 'note', note: `Forged ${run}`, changed_by: officer.user!.id, changed_by_email: officer.user!.email, changed_at: '2020-01-01T00:00:00Z' });
    expect(backdated.error).toBeNull();
    const { rows } = await db.query('select changed_by, changed_by_email, changed_at > now() - interval \'1 minute\' as now from public.staff_history where note = $1', [`Forged ${run}`]);
    expect(rows).toEqual([{ changed_by: null, changed_by_email: null, now: true }]);
  });

  it('nobody deletes a tip or rewrites its history, whatever their role', async () => {
    const deleted = await clients.coordinator.from('tips').delete().eq('tip_id', tips.zz2!);
    expect(deleted.error?.code).toBe('42501');
    const history = await clients.coordinator.from('staff_history').update({ to_value: 'closed' }).eq('item_id', tips.zz1!);
    expect(history.error?.code).toBe('42501');
    const erased = await clients.coordinator.from('staff_history').delete().eq('item_id', tips.zz1!);
    expect(erased.error?.code).toBe('42501');
    const forged = await clients.coordinator.from('staff_history').insert({ kind: 'tip', item_id: tips.zz1, field: 'status', to_value: 'closed' });
    expect(forged.error?.code).toBe('42501');
  });

  it('staff cannot grant themselves a role or a wider scope', async () => {
    const { data: me } = await clients.officer1.from('staff_members').select('role, officer_slug');
    expect(me).toEqual([{ role: 'officer', officer_slug: staff.officer1.officer_slug }]);
    const promoted = await clients.officer1.from('staff_members').update({ role: 'coordinator' }).eq('role', 'officer');
    expect(promoted.error?.code).toBe('42501');
    // The scope is the content's: an officer can no more add a beat to their profile than to anyone's.
    const widened = await clients.officer1.from('officers').update({ beats: [beat.zz1, beat.zz3] }).eq('officer_id', staff.officer1.officer_slug!);
    expect(widened.error?.code).toBe('42501');
    const moved = await clients.supervisorA.from('beats').update({ district_id: district.zzA }).eq('beat_id', beat.zz3);
    expect(moved.error?.code).toBe('42501');
    const joined = await clients.nobody.from('staff_members').insert({ user_id: crypto.randomUUID(), role: 'coordinator' });
    expect(joined.error?.code).toBe('42501');
  });
});

describe('the workspace’s actions', () => {
  it('approving a watch group puts it on the public map; asking for changes tells the captain why', async () => {
    const publicNames = async () => ((await createClient(url, anonKey).rpc('approved_watch_groups')).data as Array<{ name: string }>).map((g) => g.name);
    expect(await publicNames()).not.toContain(`Fixture Watch ${run} zz1`);
    expect((await clients.officer1.rpc('review_watch_group', { watch_group_id: groups.zz1, status: 'approved', note: 'Met the captain.' })).error).toBeNull();
    expect(await publicNames()).toContain(`Fixture Watch ${run} zz1`);

    const refused = await clients.officer1.rpc('review_watch_group', { watch_group_id: groups.zz3, status: 'approved' });
    expect(refused.error).toMatchObject({ code: '22023', details: 'watch_group_id' });
    expect(await publicNames()).not.toContain(`Fixture Watch ${run} zz3`);

    expect((await clients.supervisorA.rpc('review_watch_group', { watch_group_id: groups.zz2, status: 'changes_requested', public_note: 'Please leave out the park.' })).error).toBeNull();
    const { rows } = await db.query('select status, public_note, approved_at from public.watch_groups where watch_group_id = $1', [groups.zz2]);
    expect(rows[0]).toEqual({ status: 'changes_requested', public_note: 'Please leave out the park.', approved_at: null });
  });

  it('a workshop is confirmed only with a time, declined only with a reason', async () => {
    const confirm = (args: Record<string, unknown>) => clients.coordinator.rpc('schedule_workshop', { workshop_request_id: requests.zz3, ...args });
    expect((await confirm({ status: 'confirmed' })).error).toMatchObject({ code: '22023', details: 'confirmed_at' });
    const at = new Date(Date.now() + 12 * 86_400_000).toISOString();
    expect((await confirm({ status: 'confirmed', confirmed_at: at })).error).toBeNull();
    expect((await confirm({ status: 'declined' })).error).toMatchObject({ code: '22023', details: 'decline_reason' });
    expect((await confirm({ status: 'declined', decline_reason: 'No officer is free that week.' })).error).toBeNull();
    const { rows } = await db.query('select status, confirmed_at, decline_reason from public.workshop_requests where workshop_request_id = $1', [requests.zz3]);
    // A declined request keeps no confirmed time for the business to read.
    expect(rows[0]).toEqual({ status: 'declined', confirmed_at: null, decline_reason: 'No officer is free that week.' });
    expect((await clients.officer1.rpc('schedule_workshop', { workshop_request_id: requests.zz3, status: 'completed' })).error).toMatchObject({ details: 'workshop_request_id' });
  });

  it('marks a repeat report as a duplicate, which closes it, and refuses a tip as its own duplicate', async () => {
    const repeat = await insertTip('zz2');
    expect((await clients.supervisorA.rpc('triage_tip', { tip_id: repeat, duplicate_of: tips.zz2 })).error).toBeNull();
    const { rows } = await db.query('select status, duplicate_of from public.tips where tip_id = $1', [repeat]);
    expect(rows[0]).toEqual({ status: 'closed', duplicate_of: tips.zz2 });
    expect((await clients.supervisorA.rpc('triage_tip', { tip_id: tips.zz2, duplicate_of: tips.zz2 })).error).toMatchObject({ details: 'duplicate_of' });
    // A tip the supervisor cannot see is no better a target.
    expect((await clients.supervisorA.rpc('triage_tip', { tip_id: tips.zz2, duplicate_of: tips.zz3 })).error).toMatchObject({ details: 'duplicate_of' });
    expect((await clients.supervisorA.rpc('triage_tip', { tip_id: tips.zz2, assigned_to: 'Not A Slug!' })).error).toMatchObject({ details: 'assigned_to' });
  });

  it('keeps internal notes in the history, only on items the writer can see', async () => {
    expect((await clients.officer3.rpc('add_staff_note', { kind: 'tip', item_id: tips.zz3, note: 'Neighbour says it is every Friday.' })).error).toBeNull();
    expect((await clients.officer3.rpc('add_staff_note', { kind: 'tip', item_id: tips.zz1, note: 'Peeking.' })).error).toMatchObject({ details: 'item_id' });
    expect((await clients.nobody.rpc('add_staff_note', { kind: 'tip', item_id: tips.zz3, note: 'Hello.' })).error).toMatchObject({ details: 'item_id' });
    expect((await clients.officer3.rpc('add_staff_note', { kind: 'tip', item_id: tips.zz3, note: '   ' })).error).toMatchObject({ details: 'note' });
    const { data } = await clients.coordinator.from('staff_history').select('field, note, changed_by_email').eq('item_id', tips.zz3!).eq('field', 'note');
    expect(data).toEqual([{ field: 'note', note: 'Neighbour says it is every Friday.', changed_by_email: `officer3-${run}@example.org` }]);
  });

  it('summarises the week per beat, within each role’s scope', async () => {
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const until = new Date(Date.now() + 60_000).toISOString();
    const summary = async (who: Who) => {
      const { data, error } = await clients[who].rpc('staff_summary', { since, until });
      if (error) throw error;
      return (data as Array<{ beat: string | null; kind: string; items: number }>).filter((row) => row.beat?.endsWith(`-${run}`));
    };
    const beatsIn = (rows: Array<{ beat: string | null }>) => [...new Set(rows.map((row) => named(row.beat)))].sort();
    expect(beatsIn(await summary('officer1'))).toEqual(['zz1']);
    expect(beatsIn(await summary('supervisorA'))).toEqual(['zz1', 'zz2']);
    expect(beatsIn(await summary('coordinator'))).toEqual(['zz1', 'zz2', 'zz3']);
    expect(await summary('nobody')).toEqual([]);
    const zz1 = (await summary('officer1')).filter((row) => row.kind === 'tip');
    expect(zz1.reduce((sum, row) => sum + Number(row.items), 0)).toBe(1);
  });
});

describe('managing staff', () => {
  it('only a coordinator lists accounts and gives roles, and every change of role is on record', async () => {
    expect((await clients.officer1.rpc('staff_directory')).error?.code).toBe('42501');
    expect((await clients.supervisorA.rpc('set_staff_role', { email: `nobody-${run}@example.org`, role: 'coordinator' })).error?.code).toBe('42501');

    const { data } = await clients.coordinator.rpc('staff_directory');
    const nobody = (data as Array<{ email: string; role: string | null }>).find((row) => row.email === `nobody-${run}@example.org`);
    expect(nobody).toMatchObject({ role: null, active: false });

    expect((await clients.coordinator.rpc('set_staff_role', { email: `NOBODY-${run}@example.org`, role: 'supervisor', district: district.zzB })).error).toBeNull();
    expect(await visibleTips('nobody')).toEqual(['zz3']);
    expect((await clients.coordinator.rpc('set_staff_role', { email: `nobody-${run}@example.org`, role: 'supervisor', district: district.zzB, active: false })).error).toBeNull();
    expect(await visibleTips('nobody')).toEqual([]);

    const { data: history } = await clients.coordinator.from('staff_history').select('field, from_value, to_value, changed_by_email').eq('kind', 'staff_member').in('field', ['role', 'active']).order('history_id');
    const mine = (history ?? []).filter((row) => row.changed_by_email === `coordinator-${run}@example.org`);
    expect(mine).toEqual([
      { field: 'role', from_value: null, to_value: 'supervisor', changed_by_email: `coordinator-${run}@example.org` },
      { field: 'active', from_value: null, to_value: 'true', changed_by_email: `coordinator-${run}@example.org` },
      { field: 'active', from_value: 'true', to_value: 'false', changed_by_email: `coordinator-${run}@example.org` },
    ]);
    expect((await clients.officer1.from('staff_history').select('history_id').eq('kind', 'staff_member')).data).toEqual([]);
  });

  it('refuses a role without its scope, an unknown role or account', async () => {
    const set = (args: Record<string, unknown>) => clients.coordinator.rpc('set_staff_role', args);
    expect((await set({ email: `nobody-${run}@example.org`, role: 'officer' })).error).toMatchObject({ details: 'officer_slug' });
    expect((await set({ email: `nobody-${run}@example.org`, role: 'supervisor' })).error).toMatchObject({ details: 'district' });
    expect((await set({ email: `nobody-${run}@example.org`, role: 'chief' })).error).toMatchObject({ details: 'role' });
    expect((await set({ email: `ghost-${run}@example.org`, role: 'coordinator' })).error).toMatchObject({ details: 'email' });
  });

  it('never lets the last coordinator step down', async () => {
    const me = (await db.query(`select id from auth.users where email = $1`, [`coordinator-${run}@example.org`])).rows[0].id;
    // In a transaction that is rolled back: every other coordinator set aside, then this one acts.
    await db.query('begin');
    try {
      await db.query(`update public.staff_members set active = false where role = 'coordinator' and user_id <> $1`, [me]);
      await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: me, role: 'authenticated' })]);
      await db.query('set local role authenticated');
      await expect(db.query(`select public.set_staff_role($1, 'officer', 'someone')`, [`coordinator-${run}@example.org`])).rejects.toThrow('only coordinator');
    } finally {
      await db.query('rollback');
    }
  });
});
