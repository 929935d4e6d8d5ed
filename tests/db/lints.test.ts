// Lints for this project's database, run against the migrated schema: the
// mistakes that would open residents' data to the public API, each a query
// that must find nothing. A new migration that forgets RLS, a search_path or a
// revoke fails here before it can reach a hosted project.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publicContentTables, publicCounts } from '../support/publicContent.ts';

const db = new pg.Client({ connectionString: inject('stack').databaseUrl });
beforeAll(() => db.connect());
afterAll(() => db.end());

// Schemas our migrations own; `public` is the one PostgREST exposes.
const ours = `('public', 'private', 'staff_access')`;
const names = async (sql: string) => (await db.query(sql)).rows.map((row) => Object.values(row).join(' '));

/** The functions residents' browsers call and the one the build reads the published content through, and nothing else the public may run. */
const residentFunctions = [
  'alert_subscription(text)',
  'approved_watch_groups()',
  'confirm_alerts(text)',
  'conversation(text)',
  'join_watch_group(uuid,text,text,text,uuid,jsonb)',
  'published_content()',
  'reply_to_staff(text,text,uuid,jsonb)',
  'register_watch_group(text,jsonb,text,text,text,text,text,integer,uuid,text,jsonb)',
  'request_workshop(text,text,text,text,uuid,text,double precision,double precision,text,text,text,integer,timestamp with time zone[],text,jsonb)',
  'submission_challenge(text,uuid)',
  'submit_tip(text,text,uuid,text,timestamp with time zone,boolean,text,double precision,double precision,text,text,text,text,text,text,jsonb)',
  'subscribe_to_alerts(text,text,text[],text,uuid,text,text,jsonb)',
  'suggest_priority(text,text,uuid,jsonb)',
  'suggestion_status(text)',
  'support_priority(text,uuid,jsonb)',
  'tip_status(text)',
  'unsubscribe_alerts(text)',
  'update_alerts(text,text[],text,text)',
  'watch_group_status(text)',
  'workshop_status(text)',
];

describe('database lints', () => {
  it('every table has row-level security on', async () => {
    expect(
      await names(`select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname in ${ours} and c.relkind in ('r', 'p') and not c.relrowsecurity`),
    ).toEqual([]);
  });

  it('every security definer function fixes its search_path', async () => {
    expect(
      await names(`select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    where n.nspname in ${ours} and p.prosecdef
                      and not exists (select from unnest(coalesce(p.proconfig, '{}')) as setting where setting like 'search_path=%')`),
    ).toEqual([]);
  });

  it('no policy lets the public in, but to read published content: none is simply true, and only the content’s read policies apply to anon', async () => {
    expect(
      await names(`select schemaname || '.' || tablename || ' ' || policyname from pg_policies
                    where schemaname in ${ours} and (btrim(coalesce(qual, '')) = 'true' or btrim(coalesce(with_check, '')) = 'true')`),
    ).toEqual([]);
    const { rows } = await db.query<{ policy: string; qual: string }>(
      `select schemaname || '.' || tablename || ' ' || policyname || ' ' || cmd || ' ' || array_to_string(roles, ',') as policy, qual from pg_policies
        where schemaname in ${ours} and roles && array['anon', 'public']::name[] order by tablename, policyname`,
    );
    expect(rows.map((row) => row.policy)).toEqual(
      [...publicContentTables, publicCounts.table].sort().map((table) => `public.${table} ${table}_anon_read SELECT anon`),
    );
    // Published, and whatever else a table adds (an exception's meeting must be published too); a count, of what is published.
    for (const { policy, qual } of rows) {
      expect(qual, policy).toMatch(policy.includes(publicCounts.table) ? /^\(EXISTS .* p\.published\)\)\)$/s : /^(published|\(published AND .*\))$/s);
    }
  });

  it('no exposed view or materialized view reads tables with its owner’s rights', async () => {
    expect(
      await names(`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and (c.relkind = 'm'
                       or (c.relkind = 'v' and not coalesce(c.reloptions @> array['security_invoker=true'], false)))`),
    ).toEqual([]);
  });

  it('anon holds no privilege on any table, column or sequence but SELECT on the content, nor on the private schemas', async () => {
    const content = `table_schema = 'public' and table_name in (${publicContentTables.map((table) => `'${table}'`).join(', ')}) and privilege_type = 'SELECT'`;
    expect(
      await names(`select table_schema || '.' || table_name || ' ' || privilege_type from information_schema.role_table_grants
                    where grantee = 'anon' and table_schema in ${ours} order by 1`),
    ).toEqual(publicContentTables.map((table) => `public.${table} SELECT`));
    expect(await names(`select table_name || '.' || column_name || ' ' || privilege_type from information_schema.column_privileges where grantee = 'anon' and table_schema in ${ours} and not (${content})`)).toEqual(
      publicCounts.columns.map((column) => `${publicCounts.table}.${column} SELECT`),
    );
    expect(await names(`select object_schema || '.' || object_name from information_schema.role_usage_grants where grantee = 'anon' and object_type = 'SEQUENCE' and object_schema in ${ours}`)).toEqual([]);
    expect(await names(`select n from unnest(array['private', 'staff_access']) as n where has_schema_privilege('anon', n, 'usage')`)).toEqual([]);
  });

  it('anon may run exactly the functions residents’ pages call', async () => {
    const runnable = await names(`select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                                   where n.nspname in ${ours} and has_function_privilege('anon', p.oid, 'execute') order by 1`);
    expect(runnable.map((fn) => fn.replace(/^public\./, '')).sort()).toEqual([...residentFunctions].sort());
  });

  it('signed-in staff may run nothing in private: their functions run as their owner', async () => {
    expect(await names(`select n from unnest(array['private']) as n where has_schema_privilege('authenticated', n, 'usage')`)).toEqual([]);
    const runnable = await names(`select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                                   where n.nspname = 'private' and has_function_privilege('authenticated', p.oid, 'execute') order by 1`);
    expect(runnable).toEqual([]);
  });

  it('signed-in staff can never write a table directly: changes go through their functions, which the history records', async () => {
    expect(
      await names(`select table_schema || '.' || table_name || ' ' || privilege_type from information_schema.role_table_grants
                    where grantee = 'authenticated' and table_schema in ${ours} and privilege_type in ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')`),
    ).toEqual([]);
    expect(
      await names(`select table_name || '.' || column_name || ' ' || privilege_type from information_schema.column_privileges
                    where grantee = 'authenticated' and table_schema in ${ours} and privilege_type in ('INSERT', 'UPDATE', 'REFERENCES')`),
    ).toEqual([]);
  });
});

// The storage schema is Supabase's: on a hosted project `postgres` may only create and drop policies
// on its tables (supautils' policy_grants) and write rows (buckets), never alter them. Locally it
// holds the tables' owner role (supabase/local/bootstrap.sql), so this is checked here instead.
describe('migrations and Supabase Storage', () => {
  it('touch the storage schema only as a hosted project lets them: buckets as rows, policies on storage.objects, nothing altered', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = 'supabase/migrations';
    const offending = readdirSync(dir)
      .filter((file) => file.endsWith('.sql'))
      .flatMap((file) =>
        readFileSync(`${dir}/${file}`, 'utf8')
          .replace(/--.*$/gm, '')
          .split(';')
          .map((statement) => statement.replace(/\s+/g, ' ').trim())
          .filter((statement) => /\bstorage\./i.test(statement))
          .filter((statement) => !/^(create|drop) policy \w+ on storage\.objects\b/i.test(statement) && !/^insert into storage\.buckets\b/i.test(statement))
          .map((statement) => `${file}: ${statement.slice(0, 80)}`),
      );
    expect(offending).toEqual([]);
  });

  it('the public may read storage.objects only in the public buckets the migrations add', async () => {
    expect(
      await names(`select policyname from pg_policies where schemaname = 'storage' and roles && array['anon', 'public']::name[] order by 1`),
    ).toEqual(['objects_officer_photos_anon_read']);
    expect(await names(`select id from storage.buckets where public order by 1`)).toEqual(['officer-photos']);
  });
});
