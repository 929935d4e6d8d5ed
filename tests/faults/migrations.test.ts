// A data folder made before the migrations were regrouped (allowed until
// v1.0.0) must not run on its old schema: the stack stops and says what to do.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../supabase/local/migrate.ts';
import { freePort } from '../../supabase/local/ports.ts';
import { startPostgres, type RunningPostgres } from '../../supabase/local/postgres.ts';
import { localSecrets } from '../../supabase/local/secrets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'openbeat-migrations-'));
chmodSync(dir, 0o755);
mkdirSync(path.join(dir, 'logs'), { recursive: true });
const secrets = localSecrets(dir);
let postgres: RunningPostgres;
let databaseUrl: string;

beforeAll(async () => {
  const port = await freePort();
  postgres = await startPostgres(dir, port, secrets.dbPassword);
  databaseUrl = `postgres://postgres:${encodeURIComponent(secrets.dbPassword)}@127.0.0.1:${port}/postgres`;
}, 120_000);

afterAll(async () => {
  await postgres?.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('migrations on an existing data folder', () => {
  it('run again with nothing to do, and stop with "npm run reset" when an applied one has changed since', async () => {
    expect((await migrate(databaseUrl, secrets.dbPassword, secrets.staffPassword)).applied.length).toBeGreaterThan(0);
    expect((await migrate(databaseUrl, secrets.dbPassword, secrets.staffPassword)).applied).toEqual([]);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query(`update supabase_migrations.schema_migrations set statements = array['-- as it was before'] where version = (select min(version) from supabase_migrations.schema_migrations)`);
    } finally {
      await db.end();
    }
    await expect(migrate(databaseUrl, secrets.dbPassword, secrets.staffPassword)).rejects.toThrow(/^supabase\/migrations\/\S+\.sql has changed since this data folder applied it\. Run `npm run reset`/);
  });
});
