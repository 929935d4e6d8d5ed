// `npm run db:schema`: writes supabase/schema.sql, the whole schema the
// migrations build, in one file a reader can take in at once. It migrates a
// throwaway database and reads the catalogs (there is no pg_dump here), in a
// fixed order, so the file changes only when the schema does; tests/db/schema.test.ts
// fails when the migrations and the file disagree.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { projectRoot } from './paths.ts';

export const schemaFile = path.join(projectRoot, 'supabase', 'schema.sql');

/** The schemas the migrations own; the platform's (auth, extensions, storage) are the bootstrap's. */
const ours = ['public', 'private', 'staff_access'];

const header = `-- The current schema, written by \`npm run db:schema\` from a database the
-- migrations built: read it, never edit it (tests/db/schema.test.ts checks it).
`;

export async function dumpSchema(db: pg.Client): Promise<string> {
  const sections: string[] = [header];
  const add = (title: string, lines: string[]) => {
    if (lines.length > 0) sections.push(`-- ${title}\n\n${lines.join('\n')}\n`);
  };
  const rows = async (sql: string) =>
    (await db.query<{ line: string }>(sql, sql.includes('$1') ? [ours] : [])).rows.map((row) => row.line);
  // Every name comes out schema-qualified, whatever the caller's search_path was;
  // text sorts as "C" (names already do), whatever the cluster's locale.
  await db.query(`set search_path = ''`);

  add(
    'schemas',
    await rows(`
      select format('create schema %I;', n.nspname)
             || coalesce(E'\\ncomment on schema ' || quote_ident(n.nspname) || ' is ' || quote_literal(obj_description(n.oid, 'pg_namespace')) || ';', '') as line
        from pg_namespace n where n.nspname = any($1) and n.nspname <> 'public' order by n.nspname`),
  );
  add(
    'extensions',
    await rows(`
      select format('create extension %I with schema %I;', e.extname, n.nspname) as line
        from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname <> 'plpgsql' order by e.extname`),
  );
  add(
    'types',
    await rows(`
      select case t.typtype
               when 'e' then format('create type %s as enum (%s);', t.oid::regtype,
                 (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid))
               else format('create domain %s as %s%s;', t.oid::regtype, format_type(t.typbasetype, t.typtypmod),
                 (select string_agg(' ' || pg_get_constraintdef(c.oid), '' order by c.conname) from pg_constraint c where c.contypid = t.oid))
             end
             || coalesce(E'\\ncomment on type ' || t.oid::regtype || ' is ' || quote_literal(obj_description(t.oid, 'pg_type')) || ';', '') as line
        from pg_type t join pg_namespace n on n.oid = t.typnamespace
       where n.nspname = any($1) and t.typtype in ('e', 'd') order by n.nspname, t.typname`),
  );
  add('tables', await tables(db));
  add(
    'indexes (other than those of constraints)',
    await rows(`
      select pg_get_indexdef(i.indexrelid) || ';' as line
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = any($1) and not exists (select from pg_constraint k where k.conindid = i.indexrelid)
       order by n.nspname, c.relname`),
  );
  add(
    'views',
    await rows(`
      select format(E'create view %s as\\n%s', c.oid::regclass, pg_get_viewdef(c.oid, true)) as line
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = any($1) and c.relkind in ('v', 'm') order by n.nspname, c.relname`),
  );
  add(
    'functions',
    await rows(`
      select rtrim(pg_get_functiondef(p.oid), E'\\n') || ';'
             || coalesce(E'\\ncomment on function ' || p.oid::regprocedure || ' is ' || quote_literal(obj_description(p.oid, 'pg_proc')) || ';', '')
             || E'\\n' as line
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = any($1) and p.prokind = 'f' order by n.nspname, p.proname, pg_get_function_identity_arguments(p.oid) collate "C"`),
  );
  add(
    'triggers',
    await rows(`
      select pg_get_triggerdef(t.oid, true) || ';' as line
        from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = any($1) and not t.tgisinternal order by n.nspname, c.relname, t.tgname`),
  );
  add(
    'row-level security policies',
    await rows(`
      select format('create policy %I on %I.%I as %s for %s to %s', p.policyname, p.schemaname, p.tablename, lower(p.permissive), lower(p.cmd),
                    array_to_string(p.roles, ', '))
             || coalesce(E'\\n  using (' || p.qual || ')', '') || coalesce(E'\\n  with check (' || p.with_check || ')', '') || ';' as line
        from pg_policies p where p.schemaname = any($1) or p.schemaname = 'storage' order by p.schemaname, p.tablename, p.policyname`),
  );
  // The platform's Storage tables are not ours, but the buckets the migrations add and the
  // policies above on storage.objects are.
  add(
    'storage buckets',
    await rows(`
      select format('insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values (%L, %L, %s, %s, %L);',
                    b.id, b.name, case when b.public then 'true' else 'false' end, coalesce(b.file_size_limit::text, 'null'), b.allowed_mime_types) as line
        from storage.buckets b order by b.id`),
  );
  add('privileges', await privileges(db));
  return sections.join('\n');
}

async function tables(db: pg.Client): Promise<string[]> {
  const { rows } = await db.query<{ oid: number; name: string; rls: boolean; comment: string | null }>(
    `select c.oid, c.oid::regclass::text as name, c.relrowsecurity as rls, obj_description(c.oid, 'pg_class') as comment
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'p') order by n.nspname, c.relname`,
    [ours],
  );
  const out: string[] = [];
  for (const table of rows) {
    const columns = await db.query<{ line: string; comment: string | null; name: string }>(
      `select a.attname as name,
              format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod))
              || case a.attidentity when 'a' then ' generated always as identity' when 'd' then ' generated by default as identity' else '' end
              || case when a.attgenerated = 's' then format(' generated always as (%s) stored', pg_get_expr(d.adbin, d.adrelid)) else '' end
              || case when d.adbin is not null and a.attgenerated = '' then ' default ' || pg_get_expr(d.adbin, d.adrelid) else '' end
              || case when a.attnotnull then ' not null' else '' end as line,
              col_description(a.attrelid, a.attnum) as comment
         from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped order by a.attnum`,
      [table.oid],
    );
    // Not-null constraints are the columns' own (Postgres 18 also lists them as constraints).
    const constraints = await db.query<{ line: string }>(
      `select format('constraint %I %s', c.conname, pg_get_constraintdef(c.oid, true)) as line
         from pg_constraint c where c.conrelid = $1 and c.contype <> 'n' order by c.conname`,
      [table.oid],
    );
    const body = [...columns.rows.map((c) => c.line), ...constraints.rows.map((c) => c.line)].map((line) => `  ${line}`);
    out.push(`create table ${table.name} (\n${body.join(',\n')}\n);`);
    if (table.rls) out.push(`alter table ${table.name} enable row level security;`);
    if (table.comment !== null) out.push(`comment on table ${table.name} is ${literal(table.comment)};`);
    for (const column of columns.rows) {
      if (column.comment !== null) out.push(`comment on column ${table.name}.${column.name} is ${literal(column.comment)};`);
    }
    out.push('');
  }
  return out;
}

/**
 * Every privilege held on our objects, as the grants that give it: what the
 * migrations granted and revoked, and what Supabase's defaults gave, as they stand.
 * An object's owner holds everything and is left out.
 */
async function privileges(db: pg.Client): Promise<string[]> {
  const { rows } = await db.query<{ line: string }>(
    `with objects (kind, name, owner, acl, columns) as (
       select 'schema', quote_ident(n.nspname), n.nspowner, coalesce(n.nspacl, acldefault('n'::"char", n.nspowner)), null
         from pg_namespace n where n.nspname = any($1)
       union all
       select case c.relkind when 'S' then 'sequence' else 'table' end, c.oid::regclass::text, c.relowner,
              coalesce(c.relacl, acldefault((case c.relkind when 'S' then 's' else 'r' end)::"char", c.relowner)), null
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'S')
       union all
       select 'table', c.oid::regclass::text, c.relowner, a.attacl, quote_ident(a.attname)
         from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any($1) and a.attacl is not null
       union all
       select 'function', p.oid::regprocedure::text, p.proowner, coalesce(p.proacl, acldefault('f'::"char", p.proowner)), null
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = any($1)
       union all
       select 'type', t.oid::regtype::text, t.typowner, t.typacl, null
         from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = any($1) and t.typtype in ('e', 'd')
     ),
     held as (
       select o.kind, o.name, o.columns, lower(x.privilege_type) as privilege,
              case x.grantee when 0 then 'public' else quote_ident(r.rolname) end as grantee
         from objects o cross join lateral aclexplode(o.acl) as x
         left join pg_roles r on r.oid = x.grantee
        where x.grantee <> o.owner
     )
     -- A column's privileges read best as one grant per privilege naming the columns.
     select format('grant %s%s on %s %s to %s;', privileges, coalesce(' (' || columns || ')', ''), kind, name, grantee) as line
       from (select kind, name, grantee, string_agg(privilege, ', ' order by privilege collate "C") as privileges, null as columns
               from held where columns is null group by kind, name, grantee
             union all
             select kind, name, grantee, privilege, string_agg(columns, ', ' order by columns collate "C")
               from held where columns is not null group by kind, name, grantee, privilege) as grants
      order by kind collate "C", name collate "C", columns collate "C" nulls first, privileges collate "C", grantee collate "C"`,
    [ours],
  );
  return rows.map((row) => row.line);
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

async function main() {
  const { startStack } = await import('./stack.ts');
  const pgModule = (await import('pg')).default;
  const dir = mkdtempSync(path.join(tmpdir(), 'openbeat-schema-'));
  // Postgres runs as its own user when we are root, and must reach its folder inside.
  chmodSync(dir, 0o755);
  const stack = await startStack({ dir, port: 0 });
  const db = new pgModule.Client({ connectionString: stack.databaseUrl });
  try {
    await db.connect();
    writeFileSync(schemaFile, await dumpSchema(db));
    console.log(`Wrote ${path.relative(projectRoot, schemaFile)}.`);
  } finally {
    await db.end();
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { runCommand } = await import('./cli.ts');
  runCommand(main);
}
