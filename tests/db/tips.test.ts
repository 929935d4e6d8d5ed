// Tips through the real local stack, as a resident's browser sends them:
// supabase-js with the anon key, through the gateway, PostgREST and Postgres.
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { submitTip } from '../../src/features/tips/submitTip.ts';
import { tipCategories, tipErrors, type Tip } from '../../src/features/tips/tip.schema.ts';
import { normaliseReceipt } from '../../src/lib/forms/receipt.ts';
import { lookUpTip } from '../../src/features/tips/tipStatus.ts';
import { callSubmission } from '../../src/lib/forms/submission.ts';
import { publicContentTables } from '../support/publicContent.ts';

const { url, anonKey, databaseUrl } = inject('stack');
const anon = createClient(url, anonKey, { auth: { persistSession: false } });
const db = new pg.Client({ connectionString: databaseUrl });
const receiptFormat = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const tip: Tip = { category: 'noise', description: 'Loud music from the corner lot every night after midnight.' };

beforeAll(async () => {
  await db.connect();
});
afterAll(() => db.end());

const storedTips = async () => Number((await db.query('select count(*) from public.tips')).rows[0].count);

describe('submit_tip', () => {
  it('stores a tip from an anonymous resident and returns a receipt code', async () => {
    const before = await storedTips();
    const outcome = await submitTip(anon, tip, crypto.randomUUID());
    expect(outcome.kind).toBe('stored');
    if (outcome.kind !== 'stored') return;
    expect(outcome.result.receipt).toMatch(receiptFormat);
    expect(await storedTips()).toBe(before + 1);
  });

  it('gives every tip a different receipt', async () => {
    const receipts = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const outcome = await submitTip(anon, tip, crypto.randomUUID());
      if (outcome.kind === 'stored') receipts.add(outcome.result.receipt);
    }
    expect(receipts.size).toBe(20);
  });

  it('stores the receipt only as a hash', async () => {
    const outcome = await submitTip(anon, tip, crypto.randomUUID());
    if (outcome.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(outcome)}`);
    const { rows } = await db.query('select to_jsonb(t)::text as row from public.tips t');
    const bare = outcome.result.receipt.replace(/-/g, '');
    for (const { row } of rows) {
      expect(row).not.toContain(outcome.result.receipt);
      expect(row).not.toContain(bare);
    }
    const hashed = await db.query(`select 1 from public.tips where receipt_hash = sha256(convert_to($1, 'UTF8'))`, [bare]);
    expect(hashed.rowCount).toBe(1);
  });

  it('returns the first receipt and stores nothing more when a submission is repeated', async () => {
    const key = crypto.randomUUID();
    const first = await submitTip(anon, tip, key);
    const before = await storedTips();
    const again = await Promise.all([submitTip(anon, tip, key), submitTip(anon, tip, key), submitTip(anon, tip, key)]);
    expect(again).toEqual([first, first, first]);
    expect(await storedTips()).toBe(before);
  });

  it('refuses a bad category or description, names the field, and stores nothing', async () => {
    const before = await storedTips();
    const badCategory = await submitTip(anon, { ...tip, category: 'burglary' as Tip['category'] }, crypto.randomUUID());
    expect(badCategory).toMatchObject({ kind: 'invalid', field: 'category' });
    const shortDescription = await submitTip(anon, { ...tip, description: 'too short' }, crypto.randomUUID());
    expect(shortDescription).toMatchObject({ kind: 'invalid', field: 'description' });
    expect(await storedTips()).toBe(before);
  });

  it('keeps where and when, and refuses a malformed beat or a time out of range, naming the field', async () => {
    const occurredAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const stored = await submitTip(anon, { ...tip, beat: '101', occurred_at: occurredAt }, crypto.randomUUID());
    if (stored.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(stored)}`);
    const { rows } = await db.query(
      `select beat, occurred_at, ongoing from public.tips where receipt_hash = sha256(convert_to($1, 'UTF8'))`,
      [stored.result.receipt.replace(/-/g, '')],
    );
    expect(rows).toEqual([{ beat: '101', occurred_at: new Date(occurredAt), ongoing: false }]);

    const key = () => crypto.randomUUID();
    expect(await submitTip(anon, { ...tip, beat: '101; drop table tips' }, key())).toMatchObject({ kind: 'invalid', field: 'beat' });
    expect(await submitTip(anon, { ...tip, occurred_at: new Date(Date.now() + 86_400_000).toISOString() }, key())).toMatchObject({ kind: 'invalid', field: 'occurred_at' });
    expect(await submitTip(anon, { ...tip, occurred_at: occurredAt, ongoing: true }, key())).toMatchObject({ kind: 'invalid', field: 'occurred_at' });
  });

  it('keeps the place, descriptions and contact details given, and nothing the resident left out', async () => {
    const full: Tip = {
      ...tip,
      beat: '101',
      place: '1200 W Birch St',
      latitude: 41.88,
      longitude: -87.63,
      person_description: 'Two people in dark hoodies.',
      vehicle_description: 'Grey hatchback, plate 7KD.',
      contact_name: 'Ana',
      contact_email: 'ana@example.org',
      contact_phone: '+1 (312) 555-0100',
      contact_language: 'es',
    };
    const stored = await submitTip(anon, full, crypto.randomUUID());
    const bare = await submitTip(anon, tip, crypto.randomUUID());
    if (stored.kind !== 'stored' || bare.kind !== 'stored') throw new Error('not stored');
    const row = async (receipt: string) =>
      (
        await db.query(
          `select place, latitude, longitude, person_description, vehicle_description, contact_name, contact_email, contact_phone, contact_language
             from public.tips where receipt_hash = sha256(convert_to($1, 'UTF8'))`,
          [receipt.replace(/-/g, '')],
        )
      ).rows[0];
    expect(await row(stored.result.receipt)).toEqual({
      place: '1200 W Birch St',
      latitude: 41.88,
      longitude: -87.63,
      person_description: 'Two people in dark hoodies.',
      vehicle_description: 'Grey hatchback, plate 7KD.',
      contact_name: 'Ana',
      contact_email: 'ana@example.org',
      contact_phone: '+1 (312) 555-0100',
      contact_language: 'es',
    });
    expect(Object.values(await row(bare.result.receipt)).every((value) => value === null)).toBe(true);
  });

  it('refuses each bad detail with its own field, and stores nothing', async () => {
    const before = await storedTips();
    const refused = async (args: Record<string, unknown>) => {
      const { error } = await anon.rpc('submit_tip', { category: tip.category, description: tip.description, idempotency_key: crypto.randomUUID(), ...args });
      return error?.code === '22023' ? error.details : `accepted or other: ${JSON.stringify(error)}`;
    };
    expect(await refused({ place: 'x'.repeat(201) })).toBe('place');
    expect(await refused({ latitude: 41.9 })).toBe('latitude');
    expect(await refused({ latitude: 91, longitude: 0 })).toBe('latitude');
    expect(await refused({ vehicle_description: 'v'.repeat(1001) })).toBe('vehicle_description');
    expect(await refused({ person_description: 'p'.repeat(1001) })).toBe('person_description');
    expect(await refused({ contact_name: 'n'.repeat(121) })).toBe('contact_name');
    expect(await refused({ contact_email: 'not an email' })).toBe('contact_email');
    expect(await refused({ contact_phone: '12345' })).toBe('contact_phone');
    expect(await refused({ contact_phone: "555-0100'; drop table tips; --" })).toBe('contact_phone');
    expect(await refused({ contact_language: 'Spanish' })).toBe('contact_language');
    expect(await storedTips()).toBe(before);
  });

  it('accepts and refuses exactly what the form accepts and refuses', async () => {
    const descriptions = [
      'a'.repeat(19),
      'a'.repeat(20),
      ` ${'a'.repeat(19)} `,
      `\n\t${'a'.repeat(20)}\n`,
      'a'.repeat(5000),
      'a'.repeat(5001),
      '🚗'.repeat(5000),
      '🚗'.repeat(5001),
      '¿Dónde está el coche abandonado? ñ',
      '',
    ];
    const inputs = [
      ...descriptions.map((description) => ({ category: 'other', description })),
      ...tipCategories.map((category) => ({ category, description: tip.description })),
      { category: '', description: tip.description },
      { category: 'Noise', description: tip.description },
    ];
    for (const input of inputs) {
      const formAccepts = Object.keys(tipErrors(input)).length === 0;
      const outcome = await callSubmission(anon, 'submit_tip', { ...input, idempotency_key: crypto.randomUUID() });
      expect({ input, accepted: outcome.kind === 'stored' }).toEqual({ input, accepted: formAccepts });
    }
  });
});

describe('what anonymous residents cannot do', () => {
  it('cannot read, add, change or delete anything in any table, but read the published content', async () => {
    const { rows } = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    expect(rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['tips', 'watch_groups']));
    for (const { table_name: table } of rows) {
      // Filter on a column every row has, so each verb reaches the permission check.
      const { rows: columns } = await db.query<{ column_name: string }>(
        `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and is_identity = 'NO' order by ordinal_position desc limit 1`,
        [table],
      );
      const key = columns[0]!.column_name;
      const attempts = {
        // What the public site shows, published rows only (tests/db/content.test.ts).
        ...(!publicContentTables.includes(table) && { select: await anon.from(table).select('*') }),
        insert: await anon.from(table).insert({}),
        update: await anon.from(table).update({ [key]: null }).not(key, 'is', null),
        delete: await anon.from(table).delete().not(key, 'is', null),
      };
      for (const [verb, { error }] of Object.entries(attempts)) {
        expect({ table, verb, code: error?.code }).toEqual({ table, verb, code: '42501' });
      }
    }
  });

  it('cannot call the internal receipt generator', async () => {
    const { error } = await anon.rpc('new_receipt_code');
    expect(error).not.toBeNull();
    const { error: schemaError } = await anon.schema('private').rpc('new_receipt_code');
    expect(schemaError).not.toBeNull();
  });

  it('cannot reach the API without the project key', async () => {
    const response = await fetch(`${url}/rest/v1/rpc/submit_tip`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...tip, idempotency_key: crypto.randomUUID() }),
    });
    expect(response.status).toBe(401);
  });
});

describe('tip_status', () => {
  it('tells the holder of a receipt code the status, dates and public reply, and nothing else', async () => {
    const outcome = await submitTip(anon, tip, crypto.randomUUID());
    if (outcome.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(outcome)}`);
    const found = await lookUpTip(anon, outcome.result.receipt.toLowerCase().replace(/-/g, ' '));
    expect(found).toMatchObject({ kind: 'found', found: { status: 'received', publicReply: null } });

    const bare = outcome.result.receipt.replace(/-/g, '');
    await db.query(`update public.tips set status = 'closed', public_reply = 'Thank you: the lot is now lit.' where receipt_hash = sha256(convert_to($1, 'UTF8'))`, [bare]);
    const { data } = await anon.rpc('tip_status', { receipt: outcome.result.receipt });
    expect(Object.keys((data as object[])[0]!).sort()).toEqual(['public_reply', 'received_on', 'status', 'updated_on']);
    expect(await lookUpTip(anon, outcome.result.receipt)).toMatchObject({ kind: 'found', found: { status: 'closed', publicReply: 'Thank you: the lot is now lit.' } });
  });

  it('answers a wrong code exactly as an unknown one', async () => {
    const outcome = await submitTip(anon, tip, crypto.randomUUID());
    if (outcome.kind !== 'stored') throw new Error('not stored');
    const last = outcome.result.receipt.slice(-1);
    const wrong = outcome.result.receipt.slice(0, -1) + (last === '2' ? '3' : '2');
    const wrongAnswer = await anon.rpc('tip_status', { receipt: wrong });
    const unknownAnswer = await anon.rpc('tip_status', { receipt: '0000-0000-0000-0000' });
    expect(wrongAnswer.data).toEqual([]);
    expect(unknownAnswer.data).toEqual([]);
    expect(wrongAnswer.status).toBe(unknownAnswer.status);
  });

  it('reads codes the way the page does: case, dashes, and O, I, L for 0, 1, 1', async () => {
    const { rows } = await db.query(`select private.normalised_receipt($1) as code`, [' abcd-efgh-jkmn-pqoL ']);
    expect(rows[0].code).toBe(normaliseReceipt(' abcd-efgh-jkmn-pqoL '));
  });
});

describe('purge_closed_tips', () => {
  it('removes what residents wrote and gave in tips closed longer than the retention period, and only for the service role', async () => {
    const outcome = await submitTip(
      anon,
      { ...tip, place: '1200 W Birch St', latitude: 41.88, longitude: -87.63, person_description: 'A tall person in a yellow coat.', vehicle_description: 'A red van.', contact_name: 'Ana', contact_email: 'ana@example.org', contact_phone: '312 555 0100' },
      crypto.randomUUID(),
    );
    if (outcome.kind !== 'stored') throw new Error('not stored');
    const bare = outcome.result.receipt.replace(/-/g, '');
    await db.query(`update public.tips set status = 'closed', public_reply = 'Done.' where receipt_hash = sha256(convert_to($1, 'UTF8'))`, [bare]);
    // Closed long ago: the status was stamped when it changed, so the stamp is moved back by hand.
    await db.query(`update public.tips set status_changed_at = now() - interval '400 days' where receipt_hash = sha256(convert_to($1, 'UTF8'))`, [bare]);

    expect((await anon.rpc('purge_closed_tips')).error).not.toBeNull();
    const service = createClient(url, inject('stack').serviceRoleKey, { auth: { persistSession: false } });
    const { data, error } = await service.rpc('purge_closed_tips');
    expect(error).toBeNull();
    expect(data).toBeGreaterThanOrEqual(1);

    const { rows } = await db.query(
      `select description, public_reply, status, purged_at, place, latitude, person_description, vehicle_description, contact_name, contact_email, contact_phone
         from public.tips where receipt_hash = sha256(convert_to($1, 'UTF8'))`,
      [bare],
    );
    expect(rows[0]).toMatchObject({
      description: '(removed under the retention policy)',
      public_reply: null,
      status: 'closed',
      place: null,
      latitude: null,
      person_description: null,
      vehicle_description: null,
      contact_name: null,
      contact_email: null,
      contact_phone: null,
    });
    expect(rows[0].purged_at).not.toBeNull();
  });
});

describe('the history of a tip', () => {
  it('records every change of status in order, and refuses to be rewritten, even by the database owner', async () => {
    const outcome = await submitTip(anon, tip, crypto.randomUUID());
    if (outcome.kind !== 'stored') throw new Error('not stored');
    const bare = outcome.result.receipt.replace(/-/g, '');
    const where = `receipt_hash = sha256(convert_to($1, 'UTF8'))`;
    await db.query(`update public.tips set status = 'under_review' where ${where}`, [bare]);
    await db.query(`update public.tips set status = 'closed' where ${where}`, [bare]);
    const { rows } = await db.query(
      `select field, from_value, to_value from public.staff_history
        where kind = 'tip' and item_id = (select tip_id from public.tips where ${where}) order by history_id`,
      [bare],
    );
    expect(rows).toEqual([
      { field: 'status', from_value: null, to_value: 'received' },
      { field: 'status', from_value: 'received', to_value: 'under_review' },
      { field: 'status', from_value: 'under_review', to_value: 'closed' },
    ]);
    await expect(db.query(`delete from public.staff_history`)).rejects.toThrow('cannot be changed');
    await expect(db.query(`update public.staff_history set to_value = 'received'`)).rejects.toThrow('cannot be changed');
    await expect(db.query(`truncate public.staff_history`)).rejects.toThrow('cannot be changed');
    expect((await anon.from('staff_history').select('history_id')).error?.code).toBe('42501');
  });
});
