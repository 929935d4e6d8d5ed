// The local seed gives the demo city approved watch groups, in the database
// where watch groups live, with nothing in them that names a person.
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const { databaseUrl, url, anonKey } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const anon = createClient(url, anonKey, { auth: { persistSession: false } });
beforeAll(() => db.connect());
afterAll(() => db.end());

describe('the seeded watch groups', () => {
  it('are approved groups of the demo city, each with a beat and an area', async () => {
    // Seeded groups are the ones no resident registered: they have no receipt.
    const { rows } = await db.query(`select name, beat, area ->> 'type' as type, status from public.watch_groups where receipt_hash is null order by name`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatchObject({ beat: expect.stringMatching(/^\d+$/), type: 'Polygon', status: 'approved' });
  });

  it('hold a group’s own details, and no column for any person’s: captains and members are kept apart', async () => {
    const { rows } = await db.query(`select column_name from information_schema.columns where table_name = 'watch_groups' order by column_name collate "C"`);
    expect(rows.map((row) => row.column_name)).toEqual([
      'approved_at',
      'area',
      'beat',
      'created_at',
      'expected_members',
      'idempotency_hash',
      'meeting_note',
      'meeting_preference',
      'name',
      'public_note',
      'receipt_hash',
      'receipt_sealed',
      'status',
      'status_changed_at',
      'watch_group_id',
    ]);
  });
});

describe('approved_watch_groups', () => {
  it('shows anyone the approved groups’ name, beat and area, and nothing of pending ones', async () => {
    const pending = await db.query(
      `insert into public.watch_groups (name, beat, area) values ('Not Yet Approved Watch', '101', '{"type":"Polygon","coordinates":[]}') returning watch_group_id`,
    );
    try {
      const { data, error } = await anon.rpc('approved_watch_groups');
      expect(error).toBeNull();
      const groups = data as Array<Record<string, unknown>>;
      expect(groups.length).toBeGreaterThanOrEqual(3);
      for (const group of groups) expect(Object.keys(group).sort()).toEqual(['area', 'beat', 'name', 'watch_group_id']);
      expect(groups.map((group) => group.name)).not.toContain('Not Yet Approved Watch');
    } finally {
      await db.query('delete from public.watch_groups where watch_group_id = $1', [pending.rows[0].watch_group_id]);
    }
  });
});
