// What staff are told about publishing, and what they may ask for, signed in
// through supabase-js as the workspace is: publish_status() and publish_now()
// for every active staff role, refused to the public and to accounts without
// one; the build pipeline's functions refused to both. The requests are
// written through pg as the triggers and a build would write them. The stack
// is shared with every other test file, whose content changes queue requests
// too, so the fixture's finished requests are dated ahead of anything a build
// could finish meanwhile, and the status's counts are compared with at least.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PublishStatus } from '../../src/features/staff/publishing/publishing.ts';
import { signedInStaff } from '../support/staffClients.ts';

const { url, anonKey, serviceRoleKey, databaseUrl } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);

type Who = 'coordinator' | 'supervisor' | 'officer' | 'inactive' | 'nobody';
const staff: Record<Who, { role?: string; officer_slug?: string; district?: string; active?: boolean }> = {
  coordinator: { role: 'coordinator' },
  supervisor: { role: 'supervisor', district: `zzA-${run}` },
  officer: { role: 'officer', officer_slug: `officer-one-${run}` },
  inactive: { role: 'coordinator', active: false },
  nobody: {},
};
const clients = {} as Record<Who, SupabaseClient>;
const anon = createClient(url, anonKey, { auth: { persistSession: false } });
const service = createClient(url, serviceRoleKey, { auth: { persistSession: false } });
/** The requests this file wrote, removed at the end. */
const written: string[] = [];


/**
 * A request as the triggers and a build leave it, the times SQL expressions; one per call, as
 * one per transaction (a second in the same transaction takes the next transaction id).
 */
async function request(values: { started?: string; finished?: string; outcome?: string; problems?: string[] }, second = false) {
  const { rows } = await db.query<{ id: string; finished_at: Date | null }>(
    `insert into private.publish_requests (transaction_id, tables, requested_at, started_at, finished_at, outcome, problems)
     values (${second ? '(pg_current_xact_id()::text::bigint + 1)::text::xid8' : 'pg_current_xact_id()'}, '{beats}', coalesce(${values.started ?? 'null'}, now()),
             ${values.started ?? 'null'}, ${values.finished ?? 'null'}, $1, $2)
     returning publish_request_id as id, finished_at`,
    [values.outcome ?? null, values.problems ?? []],
  );
  written.push(rows[0]!.id);
  return rows[0]!;
}

beforeAll(async () => {
  await db.connect();
  Object.assign(clients, await signedInStaff(db, { url, anonKey }, staff, (who) => `publish-${who}-${run}@example.org`));
});
afterAll(async () => {
  await db.query(`delete from private.publish_requests where publish_request_id = any($1)`, [written]);
  await db.end();
});

describe('publish_status and publish_now', () => {
  it('refuse the public, a signed-in account without a staff role and one whose role was taken away, and queue nothing for them', async () => {
    const manual = async () => (await db.query(`select count(*)::int as n from private.publish_requests where tables = '{manual}'`)).rows[0].n;
    const before = await manual();
    for (const client of [anon, clients.nobody, clients.inactive]) {
      for (const fn of ['publish_status', 'publish_now']) {
        const { data, error } = await client.rpc(fn);
        expect(error?.code, fn).toBe('42501');
        expect(data).toBeNull();
      }
    }
    expect(await manual()).toBe(before);
  });

  it('tell every staff role when the site was last published, what the last publish said, and that a build is running', async () => {
    // A day ahead, so that no build finishing meanwhile on the shared stack is more recent.
    const published = (await request({ started: `now() + interval '1 day' - interval '2 hours'`, finished: `now() + interval '1 day' - interval '1 hour'`, outcome: 'published' })).finished_at!;
    await request({ started: `now() + interval '1 day' - interval '1 minute'`, finished: `now() + interval '1 day'`, outcome: 'failed', problems: [`beat zz1-${run} is in district zzA-${run}, which is not published`] });
    await request({ started: 'now()' });

    for (const who of ['coordinator', 'supervisor', 'officer'] as const) {
      const { data, error } = await clients[who].rpc('publish_status');
      expect(error, who).toBeNull();
      const status = data as PublishStatus;
      expect(Object.keys(status).sort()).toEqual(['building', 'last_finished_at', 'last_outcome', 'last_problems', 'last_published_at', 'waiting', 'waiting_problems']);
      expect(new Date(status.last_published_at!).getTime()).toBe(published.getTime());
      expect(new Date(status.last_finished_at!).getTime()).toBeGreaterThan(published.getTime());
      expect(status.last_outcome).toBe('failed');
      expect(status.last_problems).toEqual([`beat zz1-${run} is in district zzA-${run}, which is not published`]);
      expect(status.building).toBe(true);
      expect(status.waiting).toBeGreaterThanOrEqual(1);
    }
  });

  it('publish_now queues a publish with no change, for any staff role, and answers with the status counting it', async () => {
    for (const who of ['coordinator', 'officer'] as const) {
      const since = (await db.query(`select coalesce(max(publish_request_id), 0) as id from private.publish_requests`)).rows[0].id;
      const { data, error } = await clients[who].rpc('publish_now');
      expect(error, who).toBeNull();
      expect((data as PublishStatus).waiting).toBeGreaterThanOrEqual(1);
      const { rows } = await db.query(`select publish_request_id as id, tables from private.publish_requests where publish_request_id > $1 and tables = '{manual}'`, [since]);
      expect(rows).toHaveLength(1);
      written.push(rows[0].id);
    }
  });

  it('say why waiting changes have not gone out when a build hook refused them, and count a build that never reported back for an hour as not running', async () => {
    // Rolled back, with the table locked against other files' writes meanwhile: every request
    // waiting is set aside, and the status sees just these two.
    const me = (await db.query(`select id from auth.users where email = $1`, [`publish-supervisor-${run}@example.org`])).rows[0].id;
    await db.query('begin');
    try {
      await db.query('lock table private.publish_requests in share row exclusive mode');
      await db.query(`update private.publish_requests set finished_at = now(), outcome = 'published', started_at = coalesce(started_at, now()) where finished_at is null`);
      await request({ problems: ['the build hook answered 503 Service Unavailable'] });
      await request({ started: `now() - interval '2 hours'` }, true);
      await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: me, role: 'authenticated' })]);
      await db.query('set local role authenticated');
      const status: PublishStatus = (await db.query(`select public.publish_status() as status`)).rows[0].status;
      expect(status).toMatchObject({ waiting: 2, building: false, waiting_problems: ['the build hook answered 503 Service Unavailable'] });
    } finally {
      await db.query('rollback');
      written.splice(-2);
    }
  });
});

describe('the build pipeline’s functions', () => {
  it('refuse the public and signed-in staff, coordinators included', async () => {
    const calls: Array<[string, Record<string, unknown>]> = [
      ['claim_publish_requests', {}],
      ['finish_publish_requests', { ids: [], outcome: 'published', problems: [] }],
      ['release_publish_requests', { ids: [], problems: [] }],
      ['purge_publish_requests', {}],
    ];
    for (const client of [anon, clients.coordinator]) {
      for (const [fn, args] of calls) expect((await client.rpc(fn, args)).error?.code, fn).toBe('42501');
    }
  });

  it('purge_publish_requests, run with the service-role key, deletes the requests finished more than 30 days ago and keeps the rest', async () => {
    const { id: old } = await request({ started: `now() - interval '31 days'`, finished: `now() - interval '31 days'`, outcome: 'published' });
    const { id: recent } = await request({ started: `now() - interval '29 days'`, finished: `now() - interval '29 days'`, outcome: 'failed', problems: ['a problem'] });
    const { data, error } = await service.rpc('purge_publish_requests');
    expect(error).toBeNull();
    expect(data).toBeGreaterThanOrEqual(1);
    const { rows } = await db.query(`select publish_request_id as id from private.publish_requests where publish_request_id = any($1)`, [[old, recent]]);
    expect(rows.map((row) => row.id)).toEqual([recent]);
  });
});
