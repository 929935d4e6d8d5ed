// Brings the local database up to date: the platform bootstrap (as the
// superuser), then, as `postgres`, which is what `supabase db push` uses on a
// hosted project, every migration not yet applied (in file-name order, each in
// its own transaction, recorded as the Supabase CLI records them), the seed, and
// the local password for the seeded staff accounts.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from './paths.ts';
import { StackError } from './ports.ts';
import { superuser } from './postgres.ts';

const migrationsDir = path.join(projectRoot, 'supabase', 'migrations');
const bootstrapFile = path.join(projectRoot, 'supabase', 'local', 'bootstrap.sql');
const seedFile = path.join(projectRoot, 'supabase', 'seed.sql');

export interface MigrationResult {
  applied: string[];
}

export interface StaffSignIn {
  email: string;
  role: string;
  /** The beats an officer serves (their profile's beats and those of its district, as staff_access.sees_beat reads them); empty for other roles. */
  beats: string[];
  district: string | null;
}

/** `databaseUrl` signs in as `postgres`; the superuser has the same password (one local secret for the cluster's own roles). */
export async function migrate(databaseUrl: string, authenticatorPassword: string, staffPassword: string): Promise<MigrationResult> {
  await bootstrap(databaseUrl, authenticatorPassword);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const done = new Map(
      (await client.query<{ version: string; statements: string[] | null }>('select version, statements from supabase_migrations.schema_migrations')).rows.map(
        (row) => [row.version, row.statements?.join('') ?? ''],
      ),
    );
    const applied: string[] = [];
    for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort()) {
      const match = /^(\d+)_(.+)\.sql$/.exec(file);
      if (!match) throw new StackError(`supabase/migrations/${file}: name it <timestamp>_<name>.sql`);
      const [, version = '', name = ''] = match;
      if (done.has(version)) {
        // Until v1.0.0 migrations may be regrouped (DESIGN.md): a data folder made before that needs a fresh start.
        if (done.get(version) !== readFileSync(path.join(migrationsDir, file), 'utf8')) {
          throw new StackError(`supabase/migrations/${file} has changed since this data folder applied it. Run \`npm run reset\` to recreate the local database (this deletes local data).`);
        }
        continue;
      }
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
    await giveStaffPassword(client, staffPassword);
    return { applied };
  } finally {
    await client.end();
  }
}

async function bootstrap(databaseUrl: string, authenticatorPassword: string) {
  const url = new URL(databaseUrl);
  const postgresPassword = decodeURIComponent(url.password);
  url.username = superuser;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await run(admin, bootstrapFile);
    await admin.query(`alter role postgres with password ${admin.escapeLiteral(postgresPassword)}`);
    await admin.query(`alter role authenticator with password ${admin.escapeLiteral(authenticatorPassword)}`);
  } finally {
    await admin.end();
  }
}

/**
 * The seed leaves staff accounts without a password, since the repository is
 * public; here the ones still without one get this data folder's own, hashed
 * as Supabase Auth hashes passwords.
 */
async function giveStaffPassword(client: pg.Client, password: string) {
  await client.query(
    `update auth.users as u set encrypted_password = extensions.crypt($1, extensions.gen_salt('bf')), updated_at = now()
      where u.encrypted_password is null and exists (select from public.staff_members as s where s.user_id = u.id)`,
    [password],
  );
}

/**
 * Every active staff account that signs in with the local staff password, to
 * print, with the beats an officer's scope holds. Asked once the content is
 * in: the scope is read from the content tables, which a new database gets
 * only after the seed.
 */
export async function staffSignIns(databaseUrl: string, password: string): Promise<StaffSignIn[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<StaffSignIn>(
      `select u.email, s.role, s.district,
              array(select b.beat_id from public.beats as b join public.officers as o on o.officer_id = s.officer_slug
                     where s.role = 'officer' and (b.beat_id = any (o.beats) or b.district_id = o.district_id)
                     order by b.beat_id) as beats
         from public.staff_members as s
         join auth.users as u on u.id = s.user_id
        -- only bcrypt hashes can be compared; anything else is not this password anyway
        where s.active and u.encrypted_password like '$2_$%' and u.encrypted_password = extensions.crypt($1, u.encrypted_password)
        order by array_position(array['coordinator', 'supervisor', 'officer'], s.role), u.email`,
      [password],
    );
    return rows;
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
