// The local seed's staff accounts and scope: a developer signs in as each role
// with the password `npm start` prints, and sees the demo city's beats as the
// content describes them (the scope reads the content tables, which a new
// local database gets from src/content).
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { staffSignIns } from '../../supabase/local/migrate.ts';
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

/** A tip in `beat`, as a resident's is stored; answers its id. */
const insertTip = async (description: string, beat: string): Promise<string> => {
  const { rows } = await db.query(
    `insert into public.tips (category, description, beat, receipt_hash, idempotency_hash, receipt_sealed)
     values ('noise', $1, $2, extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00') returning tip_id`,
    [description, beat],
  );
  return rows[0].tip_id;
};

const client = () => createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });

beforeAll(async () => {
  await db.connect();
  for (const who of Object.keys(accounts) as Who[]) {
    clients[who] = client();
    const { error } = await clients[who].auth.signInWithPassword({ email: accounts[who].email, password: staffPassword });
    if (error) throw new Error(`${accounts[who].email}: ${error.message}`);
  }
  for (const beat of ['101', '102', '201']) tips[beat] = await insertTip(`Staff seed fixture ${run} in ${beat}.`, beat);
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

describe('the seeded accounts’ scope', () => {
  // What the files say each account serves: a coordinator everything, a supervisor their
  // district's beats, an officer their profile's beats and every beat of its district.
  const expectedBeats = (who: Who) => {
    const { role, officer_slug, district } = accounts[who].row;
    if (role === 'coordinator') return beats.map((beat) => beat.id).sort();
    if (role === 'supervisor') return beats.filter((beat) => beat.district === district).map((beat) => beat.id).sort();
    const officer = officers.find((entry) => entry.id === officer_slug)!;
    const served = [...(officer.beats ?? []), ...beats.filter((beat) => officer.district !== undefined && beat.district === officer.district).map((beat) => beat.id)];
    return [...new Set(served)].sort();
  };

  it('is, beat by beat, what the content says each account serves', async () => {
    for (const beat of beats) await insertTip(`Staff seed scope ${run} in ${beat.id}.`, beat.id);
    for (const who of Object.keys(accounts) as Who[]) {
      const { data, error } = await clients[who].from('tips').select('beat').like('description', `Staff seed scope ${run}%`);
      expect(error, who).toBeNull();
      expect((data ?? []).map((row) => row.beat).sort(), who).toEqual(expectedBeats(who));
    }
  });

  it('is what `npm start` prints beside each officer’s address', async () => {
    const printed = await staffSignIns(databaseUrl, staffPassword);
    for (const who of ['officer101', 'officer201'] as const) {
      expect([...printed.find((account) => account.email === accounts[who].email)!.beats].sort(), who).toEqual(expectedBeats(who));
    }
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
