// The local seed gives the demo city approved watch groups, in the database
// where watch groups live, with nothing in them that names a person.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const db = new pg.Client({ connectionString: inject('stack').databaseUrl });
beforeAll(() => db.connect());
afterAll(() => db.end());

describe('the seeded watch groups', () => {
  it('are approved groups of the demo city, each with a beat and an area', async () => {
    const { rows } = await db.query(`select name, beat, area ->> 'type' as type, status from public.watch_groups order by name`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatchObject({ beat: expect.stringMatching(/^\d+$/), type: 'Polygon', status: 'approved' });
  });

  it('hold a name, a beat and an area, and no column for anyone’s details', async () => {
    const { rows } = await db.query(`select column_name from information_schema.columns where table_name = 'watch_groups' order by ordinal_position`);
    expect(rows.map((row) => row.column_name)).toEqual(['watch_group_id', 'name', 'beat', 'area', 'status', 'created_at', 'approved_at']);
  });
});
