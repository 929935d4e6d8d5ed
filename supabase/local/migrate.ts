// Brings the local database up to date: the platform bootstrap, then every
// migration not yet applied (in file-name order, each in its own transaction,
// recorded as the Supabase CLI records them), then the seed.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from './paths.ts';
import { StackError } from './ports.ts';

const migrationsDir = path.join(projectRoot, 'supabase', 'migrations');
const bootstrapFile = path.join(projectRoot, 'supabase', 'local', 'bootstrap.sql');
const seedFile = path.join(projectRoot, 'supabase', 'seed.sql');

export interface MigrationResult {
  applied: string[];
}

export async function migrate(databaseUrl: string, authenticatorPassword: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await run(client, bootstrapFile);
    await client.query(`alter role authenticator with login password ${client.escapeLiteral(authenticatorPassword)}`);

    const done = new Set(
      (await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map(
        (row) => row.version,
      ),
    );
    const applied: string[] = [];
    for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) {
      const match = /^(\d+)_(.+)\.sql$/.exec(file);
      if (!match) throw new StackError(`supabase/migrations/${file}: name it <timestamp>_<name>.sql`);
      const [, version = '', name = ''] = match;
      if (done.has(version)) continue;
      await client.query('begin');
      try {
        const sql = await run(client, path.join(migrationsDir, file));
        await client.query(
          'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
          [version, name, [sql]],
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
      applied.push(file);
    }
    if (existsSync(seedFile)) await run(client, seedFile);
    return { applied };
  } finally {
    await client.end();
  }
}

async function run(client: pg.Client, file: string): Promise<string> {
  const sql = readFileSync(file, 'utf8');
  try {
    await client.query(sql);
  } catch (error) {
    const { message, position } = error as pg.DatabaseError;
    const line = position ? sql.slice(0, Number(position)).split('\n').length : undefined;
    throw new StackError(`${path.relative(projectRoot, file)}${line ? `:${line}` : ''}: ${message}`);
  }
  return sql;
}
