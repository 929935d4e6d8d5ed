// Neighbourhood watch through the real local stack, as a resident's browser
// sends it: supabase-js with the anon key, through the gateway, PostgREST and
// Postgres. pg is used only to look at what was stored, to play the staff who
// approve a group, and to tune the rate limits.
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { joinWatchGroup } from '../../src/features/watch/joinWatchGroup.ts';
import { registerWatchGroup } from '../../src/features/watch/registerWatchGroup.ts';
import type { WatchJoin, WatchRegistration } from '../../src/features/watch/watch.schema.ts';
import { lookUpWatchGroup } from '../../src/features/watch/watchStatus.ts';
import { callSubmission } from '../../src/lib/forms/submission.ts';

const { url, anonKey, databaseUrl } = inject('stack');
const anon = createClient(url, anonKey, { auth: { persistSession: false } });
const db = new pg.Client({ connectionString: databaseUrl });
const receiptFormat = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
// Every group these tests make has this in its name, so they can be removed afterwards.
const marker = `Watch test ${crypto.randomUUID().slice(0, 8)}`;

const area: WatchRegistration['area'] = {
  type: 'Polygon',
  coordinates: [
    [
      [-88.2651, 41.1052],
      [-88.2603, 41.105],
      [-88.2602, 41.1086],
      [-88.265, 41.1088],
      [-88.2651, 41.1052],
    ],
  ],
};

const registration = (name = `${marker} Gannet Lane`): WatchRegistration => ({
  name,
  area,
  beat: '107',
  captain_name: 'Ana Ruiz',
  captain_email: `ana.${crypto.randomUUID().slice(0, 8)}@example.org`,
  captain_phone: '555-0100 42',
  meeting_preference: 'weekday_evenings',
  meeting_note: 'The library on Gannet Lane has a room on Tuesdays.',
  expected_members: 14,
});

async function register(value = registration()): Promise<string> {
  const outcome = await registerWatchGroup(anon, value, crypto.randomUUID());
  if (outcome.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(outcome)}`);
  return outcome.result.receipt;
}

const byReceipt = `receipt_hash = sha256(convert_to(replace($1, '-', ''), 'UTF8'))`;
// This file's own groups (named with its marker) and their people: other files share the database
// and add or purge groups and members of their own at the same time.
const stored = async () => {
  const { rows } = await db.query(
    `select (select count(*) from public.watch_groups where starts_with(name, $1))::int as groups,
            (select count(*) from public.watch_members as m join public.watch_groups as g using (watch_group_id) where starts_with(g.name, $1))::int as members`,
    [marker],
  );
  return rows[0] as { groups: number; members: number };
};

/** An approved group made here, as staff would approve one. */
async function approvedGroup(): Promise<string> {
  const { rows } = await db.query(
    `insert into public.watch_groups (name, beat, area, status, approved_at) values ($1, '205', $2, 'approved', now()) returning watch_group_id`,
    [`${marker} Osprey Court`, JSON.stringify(area)],
  );
  return rows[0].watch_group_id;
}

const joining = (watchGroupId: string, overrides: Partial<WatchJoin> = {}): WatchJoin => ({
  watch_group_id: watchGroupId,
  name: 'Bo Lin',
  email: `bo.${crypto.randomUUID().slice(0, 8)}@example.org`,
  block: '1200 block of Gannet Ln',
  ...overrides,
});

beforeAll(async () => {
  await db.connect();
});
afterAll(async () => {
  await db.query(`delete from public.watch_groups where name like $1`, [`${marker}%`]);
  await db.end();
});

describe('register_watch_group', () => {
  it('registers a group for review, with its captain apart from it, and returns a receipt code', async () => {
    const value = registration();
    const before = await stored();
    const receipt = await register(value);
    expect(receipt).toMatch(receiptFormat);
    expect(await stored()).toEqual({ groups: before.groups + 1, members: before.members + 1 });

    const { rows: groups } = await db.query(
      `select watch_group_id, name, beat, area, status, meeting_preference, meeting_note, expected_members, public_note from public.watch_groups where ${byReceipt}`,
      [receipt],
    );
    expect(groups).toEqual([
      {
        watch_group_id: expect.any(String),
        name: value.name,
        beat: '107',
        area,
        status: 'pending',
        meeting_preference: 'weekday_evenings',
        meeting_note: value.meeting_note,
        expected_members: 14,
        public_note: null,
      },
    ]);
    const { rows: members } = await db.query(`select role, name, email, phone, block from public.watch_members where watch_group_id = $1`, [groups[0].watch_group_id]);
    expect(members).toEqual([{ role: 'captain', name: 'Ana Ruiz', email: value.captain_email, phone: '555-0100 42', block: null }]);
  });

  it('stores the receipt only as a hash', async () => {
    const receipt = await register();
    const { rows } = await db.query(`select to_jsonb(g)::text as row from public.watch_groups g`);
    for (const { row } of rows) {
      expect(row).not.toContain(receipt);
      expect(row).not.toContain(receipt.replace(/-/g, ''));
    }
    expect((await db.query(`select 1 from public.watch_groups where ${byReceipt}`, [receipt])).rowCount).toBe(1);
  });

  it('keeps a new group off the public list until staff approve it, and then shows its name, beat and area only', async () => {
    const value = registration(`${marker} Pending Place`);
    const receipt = await register(value);
    const listed = async () => ((await anon.rpc('approved_watch_groups')).data as Array<Record<string, unknown>>).filter((group) => group.name === value.name);
    expect(await listed()).toEqual([]);

    await db.query(`update public.watch_groups set status = 'approved', approved_at = now() where ${byReceipt}`, [receipt]);
    const [group] = await listed();
    expect(Object.keys(group!).sort()).toEqual(['area', 'beat', 'name', 'watch_group_id']);
    expect(group).toMatchObject({ name: value.name, beat: '107', area });
  });

  it('keeps only what a watch area is, whatever else the object holds', async () => {
    const outcome = await callSubmission<{ receipt: string }>(anon, 'register_watch_group', {
      ...registration(),
      area: { ...area, properties: { owner: 'someone' }, bbox: [0, 0, 1, 1] },
      idempotency_key: crypto.randomUUID(),
    });
    if (outcome.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(outcome)}`);
    const { rows } = await db.query(`select area from public.watch_groups where ${byReceipt}`, [outcome.result.receipt]);
    expect(rows[0].area).toEqual(area);
  });

  it('refuses each invalid field with its own name, and stores nothing', async () => {
    const open = { type: 'Polygon', coordinates: [area.coordinates[0]!.slice(0, -1)] };
    const outOfRange = { type: 'Polygon', coordinates: [[[-188.2, 41.1], [-88.26, 41.105], [-88.26, 41.108], [-188.2, 41.1]]] };
    const corners = Array.from({ length: 500 }, (_, i) => [-88.26 + 0.002 * Math.cos(i / 80), 41.1 + 0.002 * Math.sin(i / 80)]);
    const tooDetailed = { type: 'Polygon', coordinates: [[...corners, corners[0]]] };
    const cases: Array<[field: string, value: unknown]> = [
      ['name', 'Ab'],
      ['name', 'x'.repeat(121)],
      ['area', null],
      ['area', { type: 'Point', coordinates: [-88.26, 41.1] }],
      ['area', open],
      ['area', outOfRange],
      ['area', tooDetailed],
      ['beat', ''],
      ['beat', '107; drop table watch_groups'],
      ['captain_name', '   '],
      ['captain_email', 'ana@example'],
      ['captain_phone', '12-34'],
      ['meeting_preference', 'mornings'],
      ['meeting_note', 'n'.repeat(501)],
      ['expected_members', 1],
      ['expected_members', 501],
    ];
    const before = await stored();
    for (const [field, value] of cases) {
      const { error } = await anon.rpc('register_watch_group', { ...registration(), [field]: value, idempotency_key: crypto.randomUUID() });
      expect({ field, value, code: error?.code, details: error?.details }).toEqual({ field, value, code: '22023', details: field });
    }
    expect(await stored()).toEqual(before);
  });

  it('returns the first receipt and stores nothing more when a registration is repeated', async () => {
    const key = crypto.randomUUID();
    const value = registration(`${marker} Repeated Row`);
    const first = await registerWatchGroup(anon, value, key);
    expect(first.kind).toBe('stored');
    const before = await stored();
    const again = await Promise.all([registerWatchGroup(anon, value, key), registerWatchGroup(anon, value, key), registerWatchGroup(anon, value, key)]);
    expect(again).toEqual([first, first, first]);
    expect(await stored()).toEqual(before);
    expect((await db.query(`select count(*)::int as n from public.watch_groups where name = $1`, [value.name])).rows[0].n).toBe(1);
  });
});

describe('join_watch_group', () => {
  it('adds a member to an approved group, and confirms', async () => {
    const group = await approvedGroup();
    const join = joining(group, { block: '  1200 block of Gannet Ln ' });
    expect(await joinWatchGroup(anon, join, crypto.randomUUID())).toEqual({ kind: 'stored', result: { joined: true } });
    const { rows } = await db.query(`select role, name, email, phone, block from public.watch_members where watch_group_id = $1`, [group]);
    expect(rows).toEqual([{ role: 'member', name: 'Bo Lin', email: join.email, phone: null, block: '1200 block of Gannet Ln' }]);
  });

  it('keeps one membership for a repeated request, and for the same address joining again', async () => {
    const group = await approvedGroup();
    const join = joining(group);
    const key = crypto.randomUUID();
    const answers = await Promise.all([joinWatchGroup(anon, join, key), joinWatchGroup(anon, join, key), joinWatchGroup(anon, join, key)]);
    for (const answer of answers) expect(answer).toEqual({ kind: 'stored', result: { joined: true } });
    expect(await joinWatchGroup(anon, { ...join, email: join.email.toUpperCase(), name: 'Bo' }, crypto.randomUUID())).toEqual({ kind: 'stored', result: { joined: true } });
    const { rows } = await db.query(`select name from public.watch_members where watch_group_id = $1`, [group]);
    expect(rows).toEqual([{ name: 'Bo Lin' }]);
  });

  it('refuses a group that is pending or unknown, on the group field, and stores nothing', async () => {
    const receipt = await register();
    const { rows } = await db.query(`select watch_group_id from public.watch_groups where ${byReceipt}`, [receipt]);
    const before = await stored();
    for (const group of [rows[0].watch_group_id, crypto.randomUUID()]) {
      expect(await joinWatchGroup(anon, joining(group), crypto.randomUUID())).toMatchObject({ kind: 'invalid', field: 'watch_group_id' });
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses each invalid field with its own name, and stores nothing', async () => {
    const group = await approvedGroup();
    const before = await stored();
    const cases: Array<[field: keyof WatchJoin, value: string]> = [
      ['name', ' '],
      ['name', 'n'.repeat(121)],
      ['email', 'bo at example.org'],
      ['block', 'Al'],
      ['block', 'b'.repeat(121)],
    ];
    for (const [field, value] of cases) {
      const outcome = await joinWatchGroup(anon, joining(group, { [field]: value }), crypto.randomUUID());
      expect({ field, outcome }).toMatchObject({ field, outcome: { kind: 'invalid', field } });
    }
    expect(await stored()).toEqual(before);
  });
});

describe('watch_group_status', () => {
  it('tells the holder of a receipt code the group’s name, status, dates and public note, and nothing else', async () => {
    const value = registration(`${marker} Heron Row`);
    const receipt = await register(value);
    expect(await lookUpWatchGroup(anon, receipt.toLowerCase().replace(/-/g, ' '))).toEqual({
      kind: 'found',
      found: { name: value.name, status: 'pending', registeredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), updatedOn: expect.any(String), publicNote: null },
    });

    await db.query(`update public.watch_groups set status = 'changes_requested', public_note = 'Please leave out Heron Park: it is in beat 106.' where ${byReceipt}`, [receipt]);
    const { data } = await anon.rpc('watch_group_status', { receipt });
    expect(Object.keys((data as object[])[0]!).sort()).toEqual(['name', 'public_note', 'registered_on', 'status', 'updated_on']);
    expect(JSON.stringify(data)).not.toContain(value.captain_email);
    expect(await lookUpWatchGroup(anon, receipt)).toMatchObject({
      kind: 'found',
      found: { status: 'changes_requested', publicNote: 'Please leave out Heron Park: it is in beat 106.' },
    });
  });

  it('answers a wrong code exactly as an unknown one', async () => {
    const receipt = await register();
    const last = receipt.slice(-1);
    const wrong = receipt.slice(0, -1) + (last === '2' ? '3' : '2');
    const wrongAnswer = await anon.rpc('watch_group_status', { receipt: wrong });
    const unknownAnswer = await anon.rpc('watch_group_status', { receipt: '0000-0000-0000-0000' });
    expect(wrongAnswer.data).toEqual([]);
    expect(unknownAnswer.data).toEqual([]);
    expect(wrongAnswer.status).toBe(unknownAnswer.status);
    expect(await lookUpWatchGroup(anon, wrong)).toEqual({ kind: 'not_found' });
  });
});

describe('what the public never sees of a group', () => {
  it('approved_watch_groups returns no captain’s or member’s details', async () => {
    const value = registration(`${marker} Kestrel Close`);
    const receipt = await register(value);
    await db.query(`update public.watch_groups set status = 'approved', approved_at = now() where ${byReceipt}`, [receipt]);
    const { rows } = await db.query(`select watch_group_id from public.watch_groups where ${byReceipt}`, [receipt]);
    const member = joining(rows[0].watch_group_id);
    expect((await joinWatchGroup(anon, member, crypto.randomUUID())).kind).toBe('stored');

    const { data, error } = await anon.rpc('approved_watch_groups');
    expect(error).toBeNull();
    const published = JSON.stringify(data);
    expect(published).toContain(value.name);
    for (const detail of [value.captain_name, value.captain_email, value.captain_phone, member.email, member.block, 'weekday_evenings', value.meeting_note!]) {
      expect(published).not.toContain(detail);
    }
  });

  it('cannot read or change members, nor call the area check directly', async () => {
    expect((await anon.from('watch_members').select('*')).error?.code).toBe('42501');
    expect((await anon.rpc('valid_watch_area', { area })).error).not.toBeNull();
    expect((await anon.schema('private').rpc('valid_watch_area', { area })).error).not.toBeNull();
  });
});
