// What each staff role reads and changes, signed in through supabase-js as
// staff would be: officers their beats, supervisors their district,
// coordinators everything; an account with no role, nothing. The fixture
// jurisdiction (beats zz1 and zz2 in district zzA, zz3 in zzB) is this test's own.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const { url, anonKey, databaseUrl } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);
const password = 'a long local test password';

type Who = 'officer1' | 'officer3' | 'supervisorA' | 'coordinator' | 'nobody';
const staff: Record<Who, { role?: string; officer_slug?: string; district?: string }> = {
  officer1: { role: 'officer', officer_slug: `officer-one-${run}` },
  officer3: { role: 'officer', officer_slug: `officer-three-${run}` },
  supervisorA: { role: 'supervisor', district: 'zzA' },
  coordinator: { role: 'coordinator' },
  nobody: {},
};
const clients = {} as Record<Who, SupabaseClient>;
/** Tip ids by beat ('none' for a tip with no beat). */
const tips: Record<string, string> = {};
const groups: Record<string, string> = {};
const requests: Record<string, string> = {};

async function insertTip(beat: string | null): Promise<string> {
  const { rows } = await db.query(
    `insert into public.tips (category, description, beat, receipt_hash, idempotency_hash, receipt_sealed)
     values ('noise', $1, $2, extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00') returning tip_id`,
    [`Staff access fixture ${run} in ${beat ?? 'no beat'}.`, beat],
  );
  return rows[0].tip_id;
}

beforeAll(async () => {
  await db.connect();
  await db.query(`insert into public.jurisdiction_beats (beat, district) values ('zz1', 'zzA'), ('zz2', 'zzA'), ('zz3', 'zzB') on conflict do nothing`);
  await db.query(`insert into public.officer_beats (officer_slug, beat) values ($1, 'zz1'), ($2, 'zz3')`, [staff.officer1.officer_slug, staff.officer3.officer_slug]);
  for (const [who, scope] of Object.entries(staff) as Array<[Who, (typeof staff)[Who]]>) {
    const email = `${who}-${run}@example.org`;
    const { rows } = await db.query(`insert into auth.users (email, encrypted_password) values ($1, extensions.crypt($2, extensions.gen_salt('bf', 4))) returning id`, [email, password]);
    if (scope.role) {
      await db.query(`insert into public.staff_members (user_id, role, officer_slug, district) values ($1, $2, $3, $4)`, [rows[0].id, scope.role, scope.officer_slug ?? null, scope.district ?? null]);
    }
    clients[who] = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    const { error } = await clients[who].auth.signInWithPassword({ email, password });
    if (error) throw error;
  }
  for (const beat of ['zz1', 'zz2', 'zz3']) {
    tips[beat] = await insertTip(beat);
    const group = await db.query(
      // As a resident's registration is stored: with a receipt, and pending.
      `insert into public.watch_groups (name, beat, area, meeting_preference, expected_members, receipt_hash, idempotency_hash, receipt_sealed)
       values ($1, $2, '{"type":"Polygon","coordinates":[]}', 'weekends', 12, extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00')
       returning watch_group_id`,
      [`Fixture Watch ${run} ${beat}`, beat],
    );
    groups[beat] = group.rows[0].watch_group_id;
    await db.query(`insert into public.watch_members (watch_group_id, role, name, email, phone) values ($1, 'captain', 'Cap Tain', $2, '312 555 0100')`, [groups[beat], `captain-${beat}-${run}@example.org`]);
    const request = await db.query(
      `insert into public.workshop_requests (workshop, business_name, address, beat, contact_name, contact_email, preferred_times, receipt_hash, idempotency_hash, receipt_sealed)
       values ('robbery-prevention', $1, '1 Main St', $2, 'Owner', 'owner@example.org', array[now() + interval '10 days', now() + interval '11 days'],
               extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00') returning workshop_request_id`,
      [`Fixture Shop ${run}`, beat],
    );
    requests[beat] = request.rows[0].workshop_request_id;
  }
  tips.none = await insertTip(null);
});
afterAll(() => db.end());

const visibleTips = async (who: Who) => {
  const { data, error } = await clients[who].from('tips').select('tip_id, beat').like('description', `Staff access fixture ${run}%`);
  if (error) throw error;
  return (data ?? []).map((row) => row.beat ?? 'none').sort();
};

describe('who sees which tips', () => {
  it('an officer sees the beats they serve, a supervisor their district, a coordinator all, an account without a role nothing', async () => {
    expect(await visibleTips('officer1')).toEqual(['zz1']);
    expect(await visibleTips('officer3')).toEqual(['zz3']);
    expect(await visibleTips('supervisorA')).toEqual(['zz1', 'zz2']);
    expect(await visibleTips('coordinator')).toEqual(['none', 'zz1', 'zz2', 'zz3']);
    expect(await visibleTips('nobody')).toEqual([]);
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
        groups: (g.data ?? []).map((row) => row.beat).sort(),
        members: (m.data ?? []).map((row) => row.email.split('-')[1]).sort(),
        requests: (w.data ?? []).map((row) => row.beat).sort(),
      };
    };
    expect(await seen('officer1')).toEqual({ groups: ['zz1'], members: ['zz1'], requests: ['zz1'] });
    expect(await seen('supervisorA')).toEqual({ groups: ['zz1', 'zz2'], members: ['zz1', 'zz2'], requests: ['zz1', 'zz2'] });
    expect(await seen('coordinator')).toEqual({ groups: ['zz1', 'zz2', 'zz3'], members: ['zz1', 'zz2', 'zz3'], requests: ['zz1', 'zz2', 'zz3'] });
    expect(await seen('nobody')).toEqual({ groups: [], members: [], requests: [] });
  });
});

describe('what staff may change', () => {
  it('an officer triages a tip in their beat, and the history records who did it', async () => {
    const { data, error } = await clients.officer1
      .from('tips')
      .update({ status: 'under_review', public_reply: 'An officer is looking into it.' })
      .eq('tip_id', tips.zz1!)
      .select('status');
    expect(error).toBeNull();
    expect(data).toEqual([{ status: 'under_review' }]);
    const { rows } = await db.query(
      `select c.from_status, c.to_status, u.email from public.tip_status_changes c join auth.users u on u.id = c.changed_by where c.tip_id = $1`,
      [tips.zz1],
    );
    expect(rows).toEqual([{ from_status: 'received', to_status: 'under_review', email: `officer1-${run}@example.org` }]);
  });

  it('an officer cannot change a tip outside their beats, nor what the resident wrote', async () => {
    const outside = await clients.officer1.from('tips').update({ status: 'closed' }).eq('tip_id', tips.zz3!).select('tip_id');
    expect(outside.data).toEqual([]);
    expect((await db.query('select status from public.tips where tip_id = $1', [tips.zz3])).rows[0].status).toBe('received');

    const rewrite = await clients.officer1.from('tips').update({ description: 'Something else entirely, rewritten.' }).eq('tip_id', tips.zz1!);
    expect(rewrite.error?.code).toBe('42501');
  });

  it('nobody deletes a tip or rewrites its history, whatever their role', async () => {
    const deleted = await clients.coordinator.from('tips').delete().eq('tip_id', tips.zz2!);
    expect(deleted.error?.code).toBe('42501');
    const history = await clients.coordinator.from('tip_status_changes').update({ to_status: 'closed' }).eq('tip_id', tips.zz1!);
    expect(history.error?.code).toBe('42501');
    const erased = await clients.coordinator.from('tip_status_changes').delete().eq('tip_id', tips.zz1!);
    expect(erased.error?.code).toBe('42501');
  });

  it('staff cannot grant themselves a role or a wider scope', async () => {
    const { data: me } = await clients.officer1.from('staff_members').select('role, officer_slug');
    expect(me).toEqual([{ role: 'officer', officer_slug: staff.officer1.officer_slug }]);
    const promoted = await clients.officer1.from('staff_members').update({ role: 'coordinator' }).eq('role', 'officer');
    expect(promoted.error?.code).toBe('42501');
    const widened = await clients.officer1.from('officer_beats').insert({ officer_slug: staff.officer1.officer_slug, beat: 'zz3' });
    expect(widened.error?.code).toBe('42501');
    const joined = await clients.nobody.from('staff_members').insert({ user_id: crypto.randomUUID(), role: 'coordinator' });
    expect(joined.error?.code).toBe('42501');
  });
});
