// The local seed's staff accounts and scope: a developer signs in as each role
// with the password `npm start` prints, and sees the demo city's beats as the
// content describes them. Also what `openbeat staff-scope` writes, run
// against the real tables (in a transaction rolled back after each check).
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { staffScopeSql } from '../../src/cli/staffScope.ts';
import { localSecrets } from '../../supabase/local/secrets.ts';

const { url, anonKey, databaseUrl, staffPassword } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);

// The demo content, read as plain files so the expectations do not come from the code under test.
const contentDir = path.resolve('src/content');
const readDir = <T>(folder: string) =>
  readdirSync(path.join(contentDir, folder))
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ id: file.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(path.join(contentDir, folder, file), 'utf8')) as T) }));
const beats = readDir<{ district: string }>('beats');
const officers = readDir<{ role: string; beats?: string[]; district?: string }>('officers');
const profile = (match: (officer: (typeof officers)[number]) => boolean) => officers.find(match)!.id;

const accounts = {
  coordinator: {
    email: 'coordinator@staff.alderbrook.example',
    row: { role: 'coordinator', officer_slug: profile((o) => o.role === 'coordinator'), district: null },
  },
  supervisor: {
    email: 'supervisor.district1@staff.alderbrook.example',
    row: { role: 'supervisor', officer_slug: profile((o) => o.role === 'sergeant' && o.district === '1'), district: '1' },
  },
  officer101: {
    email: 'officer.beat101@staff.alderbrook.example',
    row: { role: 'officer', officer_slug: profile((o) => o.role === 'community_policing_officer' && o.beats?.includes('101') === true), district: null },
  },
  officer201: {
    email: 'officer.beat201@staff.alderbrook.example',
    row: { role: 'officer', officer_slug: profile((o) => o.role === 'community_policing_officer' && o.beats?.includes('201') === true), district: null },
  },
};
type Who = keyof typeof accounts;
const clients = {} as Record<Who, SupabaseClient>;
const tips: Record<string, string> = {};

const client = () => createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });

beforeAll(async () => {
  await db.connect();
  for (const who of Object.keys(accounts) as Who[]) {
    clients[who] = client();
    const { error } = await clients[who].auth.signInWithPassword({ email: accounts[who].email, password: staffPassword });
    if (error) throw new Error(`${accounts[who].email}: ${error.message}`);
  }
  for (const beat of ['101', '102', '201']) {
    const { rows } = await db.query(
      `insert into public.tips (category, description, beat, receipt_hash, idempotency_hash, receipt_sealed)
       values ('noise', $1, $2, extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00') returning tip_id`,
      [`Staff seed fixture ${run} in ${beat}.`, beat],
    );
    tips[beat] = rows[0].tip_id;
  }
});
afterAll(() => db.end());

describe('the seeded staff accounts', () => {
  it('each sign in with the local password and read their own role and scope', async () => {
    for (const who of Object.keys(accounts) as Who[]) {
      const { data, error } = await clients[who].from('staff_members').select('role, officer_slug, district');
      expect(error, who).toBeNull();
      expect(data, who).toEqual([accounts[who].row]);
    }
  });

  it('see the demo city’s tips by the content’s beats: officer their beat, supervisor district 1, coordinator all', async () => {
    const seen = async (who: Who) => {
      const { data, error } = await clients[who].from('tips').select('beat').like('description', `Staff seed fixture ${run}%`);
      if (error) throw error;
      return (data ?? []).map((row) => row.beat).sort();
    };
    expect(await seen('officer101')).toEqual(['101']);
    expect(await seen('officer201')).toEqual(['201']);
    expect(await seen('supervisor')).toEqual(['101', '102']);
    expect(await seen('coordinator')).toEqual(['101', '102', '201']);
  });

  it('refuse any other password, and keep only a bcrypt hash of theirs', async () => {
    const { error } = await client().auth.signInWithPassword({ email: accounts.officer101.email, password: `${staffPassword}x` });
    expect(error?.code).toBe('invalid_credentials');
    const { rows } = await db.query(`select encrypted_password from auth.users where email = $1`, [accounts.officer101.email]);
    expect(rows[0].encrypted_password).toMatch(/^\$2[aby]\$/);
    expect(rows[0].encrypted_password).not.toContain(staffPassword);
  });
});

describe('the seeded jurisdiction scope', () => {
  it('has every demo beat with its district', async () => {
    const { rows } = await db.query<{ beat: string; district: string }>(
      'select beat, district from public.jurisdiction_beats where beat = any($1) order by beat',
      [beats.map((beat) => beat.id)],
    );
    expect(rows).toEqual(beats.map(({ id, district }) => ({ beat: id, district })).sort((a, b) => a.beat.localeCompare(b.beat)));
  });

  it('gives each officer profile its beats, and a district officer every beat of the district', async () => {
    const { rows } = await db.query<{ officer_slug: string; beat: string }>(
      'select officer_slug, beat from public.officer_beats where officer_slug = any($1)',
      [officers.map((officer) => officer.id)],
    );
    const actual = new Set(rows.map((row) => `${row.officer_slug} ${row.beat}`));
    const expected = new Set(
      officers.flatMap((officer) => [
        ...(officer.beats ?? []),
        ...beats.filter((beat) => officer.district !== undefined && beat.district === officer.district).map((beat) => beat.id),
      ].map((beat) => `${officer.id} ${beat}`)),
    );
    expect(actual).toEqual(expected);
  });
});

describe('openbeat staff-scope’s SQL', () => {
  const source = {
    beats: [
      { id: `${run}-1`, district: `${run}-A` },
      { id: `${run}-2`, district: `${run}-A` },
      { id: `${run}-3`, district: `${run}-B` },
    ],
    officers: [
      { id: `${run}-officer`, beats: [`${run}-1`] },
      { id: `${run}-sergeant`, beats: [], district: `${run}-A` },
    ],
  };
  const tables = async () => ({
    beats: (await db.query('select beat, district from public.jurisdiction_beats order by beat')).rows,
    officerBeats: (await db.query('select officer_slug, beat from public.officer_beats order by officer_slug, beat')).rows,
  });
  const wanted = {
    beats: [
      { beat: `${run}-1`, district: `${run}-A` },
      { beat: `${run}-2`, district: `${run}-A` },
      { beat: `${run}-3`, district: `${run}-B` },
    ],
    officerBeats: [
      { officer_slug: `${run}-officer`, beat: `${run}-1` },
      { officer_slug: `${run}-sergeant`, beat: `${run}-1` },
      { officer_slug: `${run}-sergeant`, beat: `${run}-2` },
    ],
  };

  // Rolled back, so the seeded scope the other tests rely on is never changed for them.
  const inTransaction = async (check: () => Promise<void>) => {
    await db.query('begin');
    try {
      await check();
    } finally {
      await db.query('rollback');
    }
  };

  it('makes both tables match the content exactly: stale rows go, a moved beat is corrected', async () => {
    await inTransaction(async () => {
      await db.query(`insert into public.jurisdiction_beats (beat, district) values ($1, 'elsewhere'), ($2, 'gone')`, [`${run}-1`, `${run}-old`]);
      await db.query(`insert into public.officer_beats (officer_slug, beat) values ($1, $2), ($3, $4)`, [`${run}-officer`, `${run}-3`, `${run}-retired`, `${run}-1`]);
      await db.query(staffScopeSql(source, { transaction: false }));
      expect(await tables()).toEqual(wanted);
    });
  });

  it('changes nothing when run a second time', async () => {
    await inTransaction(async () => {
      const sql = staffScopeSql(source, { transaction: false });
      await db.query(sql);
      // A row updated or deleted and inserted again lands in a new place, even within this transaction.
      const rowVersions = async () => [
        ...(await db.query('select ctid::text, beat from public.jurisdiction_beats order by beat')).rows,
        ...(await db.query('select ctid::text, officer_slug, beat from public.officer_beats order by officer_slug, beat')).rows,
      ];
      const before = await rowVersions();
      await db.query(sql);
      expect(await rowVersions()).toEqual(before);
      expect(await tables()).toEqual(wanted);
    });
  });
});

describe('the local staff password', () => {
  it('is added to an older data folder’s secrets, keeping its keys, and then stays the same', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openbeat-secrets-'));
    const file = path.join(dir, 'secrets.json');
    writeFileSync(file, JSON.stringify({ jwtSecret: 'the-old-jwt-secret', dbPassword: 'the-old-db-password' }), { mode: 0o600 });
    const secrets = localSecrets(dir);
    expect(secrets).toMatchObject({ jwtSecret: 'the-old-jwt-secret', dbPassword: 'the-old-db-password' });
    expect(secrets.staffPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(secrets);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(localSecrets(dir).staffPassword).toBe(secrets.staffPassword);
  });

  it('differs from one data folder to the next', () => {
    const fresh = () => localSecrets(mkdtempSync(path.join(tmpdir(), 'openbeat-secrets-'))).staffPassword;
    expect(fresh()).not.toBe(fresh());
  });
});
