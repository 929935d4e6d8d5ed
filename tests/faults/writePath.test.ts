// The write path survives its own services failing. A few hundred tips are
// sent by clients that retry as the tip form does (same key until a receipt
// comes back); meanwhile PostgREST is killed and restarted, then Postgres.
// Afterwards every tip is stored exactly once, every receipt a client was
// shown is the stored one, and nothing is half-written.
import { mkdtempSync, chmodSync, rmSync, mkdirSync } from 'node:fs';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthEmulator } from '../../supabase/local/authEmulator.ts';
import { createGateway } from '../../supabase/local/gateway.ts';
import { migrate } from '../../supabase/local/migrate.ts';
import { freePort } from '../../supabase/local/ports.ts';
import { startPostgres, type RunningPostgres } from '../../supabase/local/postgres.ts';
import { startPostgrest, type RunningPostgrest } from '../../supabase/local/postgrest.ts';
import { apiKeys, localSecrets } from '../../supabase/local/secrets.ts';
import { submitTip } from '../../src/features/tips/submitTip.ts';
import { looseEdgeLimits, loosenAbuseLimits } from '../support/testStack.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'openbeat-faults-'));
chmodSync(dir, 0o755);
mkdirSync(path.join(dir, 'logs'), { recursive: true });
const secrets = localSecrets(dir);
let postgres: RunningPostgres;
let postgrest: RunningPostgrest;
let gateway: http.Server;
let closeAuth: () => Promise<void>;
let databasePort: number;
let postgrestPort: number;
let adminPort: number;
let url: string;
let anonKey: string;
const databaseUrl = () => `postgres://postgres:${encodeURIComponent(secrets.dbPassword)}@127.0.0.1:${databasePort}/postgres`;
const startApi = () =>
  startPostgrest({
    dir,
    databaseUrl: `postgres://authenticator:${encodeURIComponent(secrets.dbPassword)}@127.0.0.1:${databasePort}/postgres`,
    jwtSecret: secrets.jwtSecret,
    port: postgrestPort,
    adminPort,
  });

beforeAll(async () => {
  databasePort = await freePort();
  postgrestPort = await freePort();
  adminPort = await freePort();
  postgres = await startPostgres(dir, databasePort, secrets.dbPassword);
  await migrate(databaseUrl(), secrets.dbPassword, secrets.staffPassword);
  await loosenAbuseLimits(databaseUrl());
  postgrest = await startApi();
  const keys = await apiKeys(secrets);
  anonKey = keys.anonKey;
  const auth = createAuthEmulator({ databaseUrl: databaseUrl(), jwtSecret: secrets.jwtSecret });
  closeAuth = auth.close;
  gateway = createGateway({ postgrestPort, keys, auth, edgeLimits: looseEdgeLimits }).server;
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(gateway.address() as { port: number }).port}`;
}, 120_000);

afterAll(async () => {
  gateway?.closeAllConnections();
  await new Promise((resolve) => gateway?.close(resolve));
  await closeAuth?.().catch(() => undefined);
  await postgrest?.stop().catch(() => undefined);
  await postgres?.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the write path under faults', () => {
  it('stores every tip exactly once while PostgREST and then Postgres go down and come back', async () => {
    const client = createClient(url, anonKey, { auth: { persistSession: false } });
    const run = crypto.randomUUID().slice(0, 8);
    const total = 240;
    const sent = Array.from({ length: total }, (_, i) => ({ key: crypto.randomUUID(), description: `Fault run ${run}, tip number ${i}, on Elm St.` }));
    const receipts = new Map<string, string>();
    const outages = { unreachable: 0 };

    // As the form does: the same key until a receipt comes back; anything else is a bug here.
    async function deliver({ key, description }: (typeof sent)[number]) {
      for (let attempt = 0; attempt < 600; attempt++) {
        const outcome = await submitTip(client, { category: 'noise', description }, key);
        if (outcome.kind === 'stored') return receipts.set(key, outcome.result.receipt);
        if (outcome.kind !== 'unreachable') throw new Error(`refused: ${JSON.stringify(outcome)}`);
        outages.unreachable++;
        await sleep(100);
      }
      throw new Error(`never stored: ${key}`);
    }
    const queue = [...sent];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await deliver(next);
        await sleep(40);
      }
    };

    const faults = (async () => {
      await sleep(300);
      await postgrest.stop();
      await sleep(1_000);
      postgrest = await startApi();
      await sleep(500);
      await postgres.stop();
      await sleep(1_500);
      postgres = await startPostgres(dir, databasePort, secrets.dbPassword);
      return queue.length;
    })();
    await Promise.all([...Array.from({ length: 8 }, worker), faults]);
    // Both faults hit while tips were still being sent.
    expect(await faults).toBeGreaterThan(0);
    expect(outages.unreachable).toBeGreaterThan(0);

    const db = new pg.Client({ connectionString: databaseUrl() });
    await db.connect();
    try {
      const { rows } = await db.query(
        `select t.description, t.receipt_hash = sha256(convert_to(replace($2::jsonb ->> t.description, '-', ''), 'UTF8')) as receipt_matches,
                (select count(*) from public.staff_history h where h.kind = 'tip' and h.item_id = t.tip_id and h.from_value is null)::int as received_entries
           from public.tips t where t.description like $1`,
        [`Fault run ${run},%`, JSON.stringify(Object.fromEntries(sent.map(({ key, description }) => [description, receipts.get(key)])))],
      );
      expect(rows.length).toBe(total);
      expect(new Set(rows.map((row) => row.description)).size).toBe(total);
      expect(rows.filter((row) => !row.receipt_matches)).toEqual([]);
      // The tip and its first history entry are written in one transaction, or not at all.
      expect(rows.filter((row) => row.received_entries !== 1)).toEqual([]);
    } finally {
      await db.end();
    }
  }, 120_000);
});
