// What our functions read from Supabase Auth's tables has the types it has on a
// hosted project. The local auth schema is a stand-in (supabase/local/bootstrap.sql):
// if it drifted from Supabase's, a function could pass here and fail there, as
// staff_directory() did when auth.users.email was `text` here and `varchar(255)`
// there. So the columns our functions mention are pinned to Supabase's types, and
// every function that returns rows from auth.* is called as each role that may
// call it, so that Postgres itself checks what it returns against what it declares.
// And the migrations run here as they do on Supabase: as a `postgres` that is no superuser.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const db = new pg.Client({ connectionString: inject('stack').databaseUrl });
beforeAll(() => db.connect());
afterAll(() => db.end());

/**
 * Supabase Auth's types for the auth.users columns (supabase/auth migrations:
 * 00_init_auth_schema.up.sql, 20210710035447_alter_users, 20230116124310_alter_phone_type,
 * 20221215195500_modify_users_email_unique_index, 20240214120130_add_is_anonymous_column).
 * A function that reads another column: add it here with its type from those migrations.
 */
const supabaseAuthTypes: Record<string, string> = {
  'users.id': 'uuid',
  'users.aud': 'character varying(255)',
  'users.role': 'character varying(255)',
  'users.email': 'character varying(255)',
  'users.encrypted_password': 'character varying(255)',
  'users.phone': 'text',
  'users.email_confirmed_at': 'timestamp with time zone',
  'users.last_sign_in_at': 'timestamp with time zone',
  'users.created_at': 'timestamp with time zone',
  'users.updated_at': 'timestamp with time zone',
  'users.deleted_at': 'timestamp with time zone',
  'users.raw_app_meta_data': 'jsonb',
  'users.raw_user_meta_data': 'jsonb',
  'users.is_sso_user': 'boolean',
  'users.is_anonymous': 'boolean',
};

// Functions of the project's own schemas (not Supabase's, not an extension's) whose body names an auth table.
const readersOfAuth = `
  select p.oid, p.oid::regprocedure::text as function, p.prosrc, p.proretset, p.pronargs - p.pronargdefaults as required_args
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname not in ('pg_catalog', 'information_schema', 'auth', 'extensions', 'supabase_migrations')
     and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
     and exists (select from pg_class c where c.relnamespace = 'auth'::regnamespace and c.relkind in ('r', 'v', 'p')
                  and p.prosrc ~* ('\\mauth\\.' || c.relname || '\\M'))`;

describe('what our functions read from Supabase Auth', () => {
  it('every auth column a function names has the type Supabase Auth gives it', async () => {
    const { rows } = await db.query<{ function: string; column: string; type: string }>(`
      with readers as (${readersOfAuth})
      select r.function, c.relname || '.' || a.attname as column, format_type(a.atttypid, a.atttypmod) as type
        from readers r
        join pg_class c on c.relnamespace = 'auth'::regnamespace and r.prosrc ~* ('\\mauth\\.' || c.relname || '\\M')
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       where r.prosrc ~* ('\\m' || a.attname || '\\M')
       order by 1, 2`);
    expect(rows.map((row) => row.function)).toContain('staff_directory()');
    const differing = rows
      .filter((row) => supabaseAuthTypes[row.column] !== row.type)
      .map((row) => `${row.function} reads auth.${row.column}: ${row.type} here, ${supabaseAuthTypes[row.column] ?? 'not pinned'} on Supabase`);
    expect(differing).toEqual([]);
  });

  it('every function that returns rows from auth.* returns what it declares, to each role that may call it', async () => {
    const { rows: functions } = await db.query<{ oid: number; function: string; required_args: number }>(
      `select oid, function, required_args from (${readersOfAuth}) as r where proretset order by function`,
    );
    expect(functions.map((f) => f.function)).toContain('staff_directory()');
    // Each function is called without arguments, so it must need none (or the test must learn its arguments).
    expect(functions.filter((f) => f.required_args > 0).map((f) => f.function)).toEqual([]);

    const failures: string[] = [];
    for (const { oid, function: name } of functions) {
      const { rows: callers } = await db.query<{ role: string }>(
        `select role from unnest(array['anon', 'authenticated', 'service_role']) as role where has_function_privilege(role, $1::oid, 'execute')`,
        [oid],
      );
      for (const { role } of callers) {
        // As a coordinator, who may see most, in a transaction rolled back: nothing stays behind.
        await db.query('begin');
        try {
          const account = await db.query(`insert into auth.users (email) values ($1) returning id`, [`parity-${crypto.randomUUID()}@example.org`]);
          await db.query(`insert into public.staff_members (user_id, role) values ($1, 'coordinator')`, [account.rows[0].id]);
          await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: account.rows[0].id, role })]);
          await db.query(`set local role ${role}`);
          await db.query(`select * from ${name.replace(/\(.*\)$/, '')}()`);
        } catch (error) {
          failures.push(`${name} as ${role}: ${(error as Error).message}`);
        } finally {
          await db.query('rollback');
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the roles the migrations run as', () => {
  it('are Supabase’s: postgres is no superuser, owns the database and everything the migrations made (the platform’s auth, extensions and storage are not theirs)', async () => {
    const { rows } = await db.query(
      `select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolcanlogin,
              (select pg_get_userbyid(datdba) from pg_database where datname = current_database()) as database_owner
         from pg_roles where rolname = 'postgres'`,
    );
    expect(rows).toEqual([{ rolsuper: false, rolcreaterole: true, rolcreatedb: true, rolbypassrls: true, rolcanlogin: true, database_owner: 'postgres' }]);
    const { rows: notOurs } = await db.query(
      `select c.oid::regclass::text as relation, pg_get_userbyid(c.relowner) as owner
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'auth', 'extensions', 'storage') and c.relkind in ('r', 'p', 'v', 'm', 'S')
          and c.relowner <> 'postgres'::regrole`,
    );
    expect(notOurs).toEqual([]);
  });
});
