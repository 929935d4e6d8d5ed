// The outbox as its callers meet it: the public and signed-in staff can
// neither read it nor drive it (claim, mark), through the API or in SQL as
// their roles; the service role drives it only through its functions, which
// refuse nonsense with a 4xx and change nothing; a claim leases what it takes.
import { createClient } from '@supabase/supabase-js';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mailTo } from '../support/mail.ts';
import { signedInStaff } from '../support/staffClients.ts';

const { url, anonKey, serviceRoleKey, databaseUrl, mailFolder } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);
let staffToken: string;

beforeAll(async () => {
  await db.connect();
  const { coordinator } = await signedInStaff(db, { url, anonKey }, { coordinator: { role: 'coordinator' } }, (who) => `${who}-${run}@staff.example.org`);
  staffToken = (await coordinator.auth.getSession()).data.session!.access_token;
});
afterAll(() => db.end());

/** A message of this file's own, queued as a feature queues one, but not yet due: the stack's own sender leaves it be. */
async function queueLater(n = 1): Promise<string[]> {
  // One transaction: the sender hears of the messages only once they are already put off.
  await db.query('begin');
  try {
    const { rows } = await db.query<{ id: string }>(
      `select private.queue_mail(format('outbox-%s-%s@example.org', $1::text, i), 'en', 'staff_new_item',
                                 jsonb_build_object('kind', 'tip', 'beat', '101', 'link', '/staff#tip/' || gen_random_uuid()))::text as id
         from generate_series(1, $2) as i`,
      [run, n],
    );
    await db.query(`update private.mail_outbox set next_attempt_at = now() + interval '1 hour' where mail_id = any ($1::bigint[])`, [rows.map((row) => row.id)]);
    await db.query('commit');
    return rows.map((row) => row.id);
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

const rpc = (fn: string, token: string, body: unknown) =>
  fetch(`${url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: { apikey: anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the mail outbox', () => {
  it('shows the public and signed-in staff nothing, through the API or in SQL as their roles', async () => {
    await queueLater();
    for (const token of [anonKey, staffToken]) {
      for (const profile of ['public', 'private']) {
        const response = await fetch(`${url}/rest/v1/mail_outbox?select=*`, { headers: { apikey: anonKey, authorization: `Bearer ${token}`, 'accept-profile': profile } });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(await response.text()).not.toContain('@example.org');
      }
    }
    for (const role of ['anon', 'authenticated']) {
      await db.query('begin');
      try {
        await db.query(`set local role ${role}`);
        await expect(db.query('select * from private.mail_outbox')).rejects.toThrow(/permission denied/);
      } finally {
        await db.query('rollback');
      }
    }
  });

  it('lets neither the public nor staff claim or mark messages', async () => {
    const [id] = await queueLater();
    for (const token of [anonKey, staffToken]) {
      for (const [fn, body] of [
        ['claim_mail', { batch_size: 10 }],
        ['mark_mail_sent', { mail_ids: [Number(id)] }],
        ['mark_mail_failed', { mail_id: Number(id), lease: crypto.randomUUID(), problem: 'x' }],
        ['queue_staff_digests', {}],
      ] as const) {
        const response = await rpc(fn, token, body);
        expect({ fn, status: response.status }).toEqual({ fn, status: expect.toSatisfy((s: number) => s === 401 || s === 403) });
      }
    }
    const { rows } = await db.query(`select status, attempts from private.mail_outbox where mail_id = $1`, [id]);
    expect(rows).toEqual([{ status: 'queued', attempts: 0 }]);
  });

  it('gives a message back with backoff, and gives it up after the last attempt', async () => {
    const [id] = await queueLater();
    // Its seventh attempt failed; claimed as a sender claims it (a lease, one attempt more), by SQL and while
    // it is not yet due, so that the stack's own sender, which takes only what is due, leaves it to this test.
    await db.query(`update private.mail_outbox set attempts = 7 where mail_id = $1`, [id]);
    const service = createClient(url, serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } });
    const { rows: [lease] } = await db.query<{ lease: string }>(
      `update private.mail_outbox set lease = gen_random_uuid(), leased_until = now() + interval '1 minute', attempts = attempts + 1 where mail_id = $1 returning lease::text`,
      [id],
    );
    // Another sender's lease has no say in it.
    expect((await service.rpc('mark_mail_failed', { mail_id: Number(id), lease: crypto.randomUUID(), problem: 'refused' })).data).toBeNull();
    expect((await service.rpc('mark_mail_failed', { mail_id: Number(id), lease: lease!.lease, problem: '550 mailbox unavailable' })).data).toBe('failed');
    const { rows } = await db.query(`select status, attempts, problem from private.mail_outbox where mail_id = $1`, [id]);
    expect(rows).toEqual([{ status: 'failed', attempts: 8, problem: '550 mailbox unavailable' }]);
  });

  it('backs off further after each failed attempt', async () => {
    const [id] = await queueLater();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const { rows: [held] } = await db.query<{ lease: string }>(
        `update private.mail_outbox set lease = gen_random_uuid(), leased_until = now() + interval '1 minute', attempts = attempts + 1 where mail_id = $1 returning lease::text`,
        [id],
      );
      await db.query(`select public.mark_mail_failed($1, $2, 'timeout')`, [id, held!.lease]);
      const { rows } = await db.query<{ seconds: number }>(`select extract(epoch from next_attempt_at - now())::float as seconds from private.mail_outbox where mail_id = $1`, [id]);
      waits.push(Math.round(rows[0]!.seconds / 30));
    }
    expect(waits).toEqual([1, 2, 4]);
  });

  it('refuses nonsense from the service role with a 4xx and a message, and claims nothing', async () => {
    const [id] = await queueLater();
    const cases = [
      ...fc.sample(fc.oneof(fc.constantFrom<unknown>(0, -1, 1001, 1e12, 'ten', null, [], {}, 1.5, '1; drop table private.mail_outbox')), { numRuns: 30, seed: 16 }).map((size) => ['claim_mail', { batch_size: size }] as const),
      ...[0, 4, 3601, 'x', -5].map((seconds) => ['claim_mail', { batch_size: 1, lease_seconds: seconds }] as const),
      ['mark_mail_sent', { mail_ids: 'x' }] as const,
      ['mark_mail_sent', { mail_ids: Array.from({ length: 1001 }, (_, i) => i) }] as const,
      ['mark_mail_failed', { mail_id: Number(id), lease: 'not-a-uuid', problem: 'x' }] as const,
      ['mark_mail_failed', { mail_id: Number(id) }] as const,
    ];
    for (const [fn, body] of cases) {
      const response = await rpc(fn, serviceRoleKey, body);
      const answer = (await response.json().catch(() => ({}))) as { message?: string };
      expect({ fn, body, status: response.status >= 400 && response.status < 500, message: Boolean(answer.message) }).toEqual({ fn, body, status: true, message: true });
    }
    const { rows } = await db.query(`select status, attempts, lease from private.mail_outbox where mail_id = $1`, [id]);
    expect(rows).toEqual([{ status: 'queued', attempts: 0, lease: null }]);
  });

  it('sends a message with an unsubscribe address with one-click unsubscribe headers (RFC 8058), and one without with none', async () => {
    const [withLink, without] = [`unsubscribe-${run}@example.org`, `staff-${run}@example.org`];
    const unsubscribe = `${url}/alerts/unsubscribe?token=${run}`;
    await db.query(
      `select private.queue_mail($1, 'en', 'staff_new_item', jsonb_build_object('kind', 'tip', 'beat', '101', 'link', '/staff'), $2),
              private.queue_mail($3, 'en', 'staff_new_item', jsonb_build_object('kind', 'tip', 'beat', '101', 'link', '/staff'))`,
      [withLink, unsubscribe, without],
    );
    await expect.poll(async () => (await mailTo(mailFolder, without)).length + (await mailTo(mailFolder, withLink)).length, { timeout: 30_000 }).toBe(2);
    const [one] = await mailTo(mailFolder, withLink);
    expect(one!.headers.get('list-unsubscribe')).toBe(`<${unsubscribe}>`);
    expect(one!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const [other] = await mailTo(mailFolder, without);
    expect(other!.headers.has('list-unsubscribe')).toBe(false);
    expect(other!.headers.has('list-unsubscribe-post')).toBe(false);
  });
});
