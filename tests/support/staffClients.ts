// Staff accounts of a test's own, signed in through supabase-js as staff sign
// in: one account for each name, made as Supabase Auth makes one, given its
// role and scope in staff_members (none for an account without a role).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';

export interface StaffScope {
  role?: string;
  officer_slug?: string;
  district?: string;
  active?: boolean;
}

export const testPassword = 'a long local test password';

export async function signedInStaff<W extends string>(
  db: pg.Client,
  api: { url: string; anonKey: string },
  staff: Record<W, StaffScope>,
  emailOf: (who: W) => string,
): Promise<Record<W, SupabaseClient>> {
  const clients = {} as Record<W, SupabaseClient>;
  for (const [who, scope] of Object.entries(staff) as Array<[W, StaffScope]>) {
    const email = emailOf(who);
    const { rows } = await db.query(`insert into auth.users (email, encrypted_password) values ($1, extensions.crypt($2, extensions.gen_salt('bf', 4))) returning id`, [
      email,
      testPassword,
    ]);
    if (scope.role) {
      await db.query(`insert into public.staff_members (user_id, role, officer_slug, district, active) values ($1, $2, $3, $4, $5)`, [
        rows[0].id,
        scope.role,
        scope.officer_slug ?? null,
        scope.district ?? null,
        scope.active ?? true,
      ]);
    }
    clients[who] = createClient(api.url, api.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    const { error } = await clients[who].auth.signInWithPassword({ email, password: testPassword });
    if (error) throw error;
  }
  return clients;
}

/** An officer who serves beat 101, and one whose beats and district both lie elsewhere. */
export async function officersInAndOutOf101(db: pg.Client) {
  const { rows: serving } = await db.query<{ officer_id: string }>(`select officer_id from public.officers where '101' = any (beats) order by officer_id limit 1`);
  const { rows: elsewhere } = await db.query<{ officer_id: string }>(
    `select o.officer_id from public.officers as o
      where not ('101' = any (o.beats)) and cardinality(o.beats) > 0
        and o.district_id is distinct from (select b.district_id from public.beats as b where b.beat_id = '101')
      order by o.officer_id limit 1`,
  );
  return { serving: serving[0]!.officer_id, elsewhere: elsewhere[0]!.officer_id };
}
