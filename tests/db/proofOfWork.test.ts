// What holds a flood back now that the database knows nothing of senders: every
// submission carries a solved challenge made for it alone, and the site takes
// only so many of each kind an hour. Through the gateway as a browser sends
// them, and in SQL for what a caller could forge.
import { createClient } from '@supabase/supabase-js';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callSubmission } from '../../src/lib/forms/submission.ts';
import { solve, type Challenge, type Proof } from '../../src/lib/forms/proofOfWork.ts';
import { proofFor } from '../support/proofs.ts';
import { square, tipFields, watchRegistrationFields, workshopRequestFields } from '../support/submissions.ts';

const { url, anonKey, databaseUrl } = inject('stack');
const anon = createClient(url, anonKey, { auth: { persistSession: false } });
const db = new pg.Client({ connectionString: databaseUrl });
const marker = `Proof test ${crypto.randomUUID().slice(0, 8)}`;

let approvedGroup: string;
beforeAll(async () => {
  await db.connect();
  const { rows } = await db.query(
    `insert into public.watch_groups (name, beat, area, status, approved_at) values ($1, '205', $2, 'approved', now()) returning watch_group_id`,
    [`${marker} Heron Way`, JSON.stringify(square)],
  );
  approvedGroup = rows[0].watch_group_id;
});
afterAll(() => db.end());

/** Each kind of submission, with fields it takes, and how to count what was stored of this file's. */
const kinds = [
  {
    fn: 'submit_tip',
    fields: () => tipFields(marker),
    stored: `select count(*)::int as n from public.tips where starts_with(description, $1)`,
  },
  {
    fn: 'register_watch_group',
    fields: () => watchRegistrationFields(marker),
    stored: `select count(*)::int as n from public.watch_groups where starts_with(name, $1)`,
  },
  {
    fn: 'join_watch_group',
    fields: () => ({ watch_group_id: approvedGroup, name: marker, email: `bo.${crypto.randomUUID().slice(0, 8)}@example.org`, block: '1200 block of Gannet Ln' }),
    stored: `select count(*)::int as n from public.watch_members where name = $1`,
  },
  {
    fn: 'request_workshop',
    fields: () => workshopRequestFields(marker),
    stored: `select count(*)::int as n from public.workshop_requests where starts_with(business_name, $1)`,
  },
];
const tips = kinds[0]!;
const stored = async (kind = tips) => (await db.query<{ n: number }>(kind.stored, [marker])).rows[0]!.n;

const send = (fn: string, args: Record<string, unknown>) => anon.rpc(fn, args);
const signingKey = async () => (await db.query<{ key: string }>('select signing_key as key from private.proof_of_work')).rows[0]!.key;
const keyHash = async (key: string) => (await db.query<{ h: string }>(`select encode(sha256(convert_to($1, 'UTF8')), 'hex') as h`, [key])).rows[0]!.h;

describe('submission_challenge', () => {
  it('makes a challenge in ALTCHA’s format that ALTCHA’s own code solves and verifies', async () => {
    const { data, error } = await anon.rpc('submission_challenge', { action: 'submit_tip', idempotency_key: crypto.randomUUID() });
    expect(error).toBeNull();
    const challenge = data as Challenge;
    expect(challenge).toMatchObject({ algorithm: 'SHA-256', maxnumber: expect.any(Number), challenge: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const proof = await solve(challenge);
    expect(await verifySolution(proof as never, await signingKey())).toBe(true);
  });

  it('refuses an unknown action or a missing retry key, naming it', async () => {
    expect((await anon.rpc('submission_challenge', { action: 'purge_closed_tips', idempotency_key: crypto.randomUUID() })).error).toMatchObject({ details: 'action' });
    expect((await anon.rpc('submission_challenge', { action: 'submit_tip', idempotency_key: null })).error).toMatchObject({ details: 'idempotency_key' });
  });

  it('writes nothing, so nothing about whoever asked can be kept (no transaction id is even taken)', async () => {
    await db.query('begin');
    try {
      await db.query(`select public.submission_challenge('submit_tip', gen_random_uuid())`);
      await db.query(`select * from public.tip_status(receipt => '0000-0000-0000-0000')`);
      expect((await db.query('select txid_current_if_assigned() as xid')).rows[0].xid).toBeNull();
    } finally {
      await db.query('rollback');
    }
  });
});

describe('every submission', () => {
  it.each(kinds)('$fn is refused without a solved challenge, and stored with one', async (kind) => {
    const before = await stored(kind);
    const { error } = await send(kind.fn, { ...kind.fields(), idempotency_key: crypto.randomUUID() });
    expect(error).toMatchObject({ code: '22023', details: 'proof' });
    expect(await stored(kind)).toBe(before);

    const outcome = await callSubmission(anon, kind.fn, { ...kind.fields(), idempotency_key: crypto.randomUUID() });
    expect(outcome.kind).toBe('stored');
    expect(await stored(kind)).toBe(before + 1);
  });

  it('checks the fields first, so a resident hears what to correct before any work is asked of the browser', async () => {
    const { error } = await send('submit_tip', { category: 'noise', description: 'too short', idempotency_key: crypto.randomUUID() });
    expect(error).toMatchObject({ code: '22023', details: 'description' });
  });
});

describe('a proof', () => {
  const refused = async (key: string, proof: unknown) => {
    const before = await stored();
    const { error } = await send('submit_tip', { ...tips.fields(), idempotency_key: key, proof });
    expect(await stored()).toBe(before);
    return error;
  };

  it('is refused when forged: a wrong number, a signature not the database’s, or a challenge made up', async () => {
    const key = crypto.randomUUID();
    const proof = await proofFor(db, 'submit_tip', key);
    expect(await refused(key, { ...proof, number: proof.number + 1 })).toMatchObject({ details: 'proof' });
    expect(await refused(key, { ...proof, signature: '0'.repeat(64) })).toMatchObject({ details: 'proof' });
    const madeUp = await createChallenge({ hmacKey: 'not the key', maxnumber: 10, salt: proof.salt });
    expect(await refused(key, await solve(madeUp))).toMatchObject({ details: 'proof' });
    expect(await refused(key, 'not a proof')).toMatchObject({ details: 'proof' });
  });

  it('answers only for the action and the retry key it was made for', async () => {
    const key = crypto.randomUUID();
    expect(await refused(crypto.randomUUID(), await proofFor(db, 'submit_tip', key))).toMatchObject({ details: 'proof' });
    expect(await refused(key, await proofFor(db, 'request_workshop', key))).toMatchObject({ details: 'proof' });
  });

  it('is refused once expired, even signed by the database and solved', async () => {
    const key = crypto.randomUUID();
    const past = Math.floor(Date.now() / 1000) - 60;
    const salt = `${'ab'.repeat(12)}?action=submit_tip&expires=${past}&key=${await keyHash(key)}&`;
    const expired = await solve(await createChallenge({ hmacKey: await signingKey(), maxnumber: 10, salt }));
    expect(await refused(key, expired)).toMatchObject({ details: 'proof' });
    // The same, unexpired, is taken: it was the date that was refused.
    const fresh = await solve(await createChallenge({ hmacKey: await signingKey(), maxnumber: 10, salt: salt.replace(String(past), String(past + 3600)) }));
    expect((await send('submit_tip', { ...tips.fields(), idempotency_key: key, proof: fresh })).error).toBeNull();
  });

  it('stores one submission only: sent again it gets the first receipt, and nothing more is stored', async () => {
    const key = crypto.randomUUID();
    const proof: Proof = await proofFor(db, 'submit_tip', key);
    const first = await send('submit_tip', { ...tips.fields(), idempotency_key: key, proof });
    expect(first.error).toBeNull();
    const before = await stored();
    const again = await send('submit_tip', { ...tips.fields(), idempotency_key: key, proof });
    expect(again.data).toEqual(first.data);
    // A retry whose answer was lost needs no proof at all: it is never refused.
    expect((await send('submit_tip', { ...tips.fields(), idempotency_key: key })).data).toEqual(first.data);
    expect(await stored()).toBe(before);
  });
});

describe('the site’s ceiling', () => {
  // Lowered inside a transaction that is rolled back: other files share this database.
  it('refuses submissions of a kind past its hourly ceiling, says when to try again, and still answers retries', async () => {
    // One snapshot throughout, so that tips other files send meanwhile do not count here.
    await db.query('begin isolation level repeatable read');
    try {
      const key = crypto.randomUUID();
      const submit = async (idempotencyKey: string) => {
        const proof = await proofFor(db, 'submit_tip', idempotencyKey);
        await db.query('savepoint attempt');
        try {
          const { rows } = await db.query(`select public.submit_tip(category => 'noise', description => $1, idempotency_key => $2, proof => $3) as answer`, [
            `${marker}: loud music every night after midnight.`,
            idempotencyKey,
            JSON.stringify(proof),
          ]);
          return rows[0].answer as { receipt: string };
        } catch (error) {
          await db.query('rollback to savepoint attempt');
          return error as { code: string; message: string; detail: string };
        }
      };
      await db.query(`update private.submission_ceilings set most = 1 + (select count(*) from public.tips where created_at > now() - interval '1 hour') where action = 'submit_tip'`);
      const first = await submit(key);
      expect(first).toMatchObject({ receipt: expect.any(String) });

      const refusal = (await submit(crypto.randomUUID())) as { code: string; message: string; detail: string };
      expect(refusal.code).toBe('PGRST');
      const body = JSON.parse(refusal.message);
      expect(body).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/try again in \d+ minutes/) });
      expect(Number(body.details)).toBeGreaterThan(0);
      expect(Number(body.details)).toBeLessThanOrEqual(3600);
      expect(JSON.parse(refusal.detail)).toEqual({ status: 429, headers: { 'Retry-After': body.details } });

      expect(await submit(key)).toEqual(first);
    } finally {
      await db.query('rollback');
    }
  });
});
