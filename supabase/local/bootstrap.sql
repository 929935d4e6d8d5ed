-- Local bootstrap: what Supabase's platform provides and our migrations rely on,
-- set up the way Supabase sets up a project. Runs as `supabase_admin`, the
-- cluster's superuser, before the migrations, on the embedded stack only and
-- never on a hosted project (which has all of this already). The migrations then
-- run as `postgres`, which is not a superuser here either, so a migration that
-- needs more than Supabase gives `postgres` fails here first. Idempotent: runs at
-- every start.
--
-- Sources, read 2026-12 (facts, not code, are taken from them):
--   [init]   supabase/postgres migrations/db/init-scripts/00000000000000-initial-schema.sql
--   [authi]  supabase/postgres migrations/db/init-scripts/00000000000001-auth-schema.sql
--   [setup]  supabase/postgres migrations/db/migrate.sh
--   [demote] supabase/postgres migrations/db/migrations/10000000000000_demote-postgres.sql
--   [perms]  supabase/postgres migrations/db/migrations/20211115181400_update-auth-permissions.sql
--   [inherit] supabase/postgres migrations/db/migrations/20230529180330_alter_api_roles_for_inherit.sql
--   [preset] supabase/postgres migrations/db/migrations/20240606060239_grant_predefined_roles_to_postgres.sql
--   [lock]   supabase/postgres migrations/db/migrations/20250421084701_revoke_admin_roles_from_postgres.sql
--   [admin]  supabase/postgres migrations/db/migrations/20250605172253_grant_with_admin_to_postgres_16_and_above.sql
--   [gotrue] supabase/auth migrations/*.up.sql (auth.users and the auth functions), as of 2026-08

-- The roles. `anon`, `authenticated` and `service_role` are the API roles
-- PostgREST switches to from a request's JWT, logging in as `authenticator` [init];
-- they inherit since [inherit]. `supabase_auth_admin` owns what Supabase Auth
-- keeps [authi]; nothing logs in as it here. `postgres` is what a project's
-- owner, the dashboard and `supabase db push` use: not a superuser, with the
-- attributes [demote] leaves it.
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin inherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin inherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin inherit bypassrls;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'postgres') then
    create role postgres login nosuperuser createdb createrole replication bypassrls;
  end if;
end
$$;
grant anon, authenticated, service_role to authenticator;
-- On Postgres 16 and later `postgres` holds the API roles with admin option [admin];
-- it holds predefined roles [preset], and no longer `supabase_auth_admin` [lock].
grant anon, authenticated, service_role to postgres with admin option;
grant pg_read_all_data, pg_signal_backend to postgres;
-- the passwords of `postgres` and `authenticator` are set by the stack from the local secrets

-- `postgres` owns the database [setup]; since Postgres 15 the `public` schema
-- belongs to pg_database_owner, so `postgres` owns it through the database, as on Supabase.
alter database postgres owner to postgres;

-- Extensions live in their own schema; pgcrypto is enabled there by default [init].
create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
grant all on schema extensions to postgres;

-- What `postgres` creates in `public` is granted to the API roles by default [init]
-- (written there while `postgres` was still the superuser, so it applies to its objects),
-- so a migration that forgets to revoke is as open here as it would be there.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;

-- The auth schema belongs to `supabase_admin`, its tables and functions to
-- `supabase_auth_admin` [authi]. `postgres` may use it but not create in it [lock],
-- and may do anything with its tables' rows [demote] [perms].
create schema if not exists auth authorization supabase_admin;
grant all on schema auth to supabase_auth_admin;
grant usage on schema auth to postgres, anon, authenticated, service_role;

-- The accounts Supabase Auth keeps, with the columns and types its migrations
-- give them [gotrue]: 00_init_auth_schema, then 20210710035447_alter_users (phone,
-- confirmed_at renamed email_confirmed_at), 20210722035447_adds_confirmed_at,
-- 20210730183235_add_email_change_confirmed (email_change_token renamed
-- email_change_token_new), 20220114185340_add_banned_until,
-- 20220323170000_add_user_reauthentication, 20221215195500_modify_users_email_unique_index,
-- 20230116124310_alter_phone_type (phone becomes text), 20230116124412_add_deleted_at,
-- 20240214120130_add_is_anonymous_column, 20240612123726_enable_rls_update_grants.
-- Note `email varchar(255)`: a function that returns it as `text` must cast it.
-- Supabase Auth fills the id, aud, role, the metadata and the dates when it
-- creates an account; supabase/seed.sql and the tests insert accounts themselves,
-- so here those columns have defaults that do the same (defaults only: the types and nullability are Supabase's).
-- Passwords are bcrypt hashes (extensions.crypt with gen_salt('bf')), as Supabase
-- Auth stores them. The local gateway's Auth emulation reads this table.
create table if not exists auth.users (
  instance_id uuid,
  id uuid not null default gen_random_uuid() primary key,
  aud varchar(255) default 'authenticated',
  role varchar(255) default 'authenticated',
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz default now(),
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb default '{}',
  raw_user_meta_data jsonb default '{}',
  is_super_admin boolean,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0 check (email_change_confirm_status between 0 and 2),
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email) where (is_sso_user = false);
comment on table auth.users is 'Local stand-in for Supabase Auth''s accounts: same columns and types (supabase/local/bootstrap.sql).';
alter table auth.users owner to supabase_auth_admin;
alter table auth.users enable row level security;
grant all on auth.users to postgres;
grant select on auth.users to postgres with grant option;

-- auth.uid(), auth.role(), auth.email() and auth.jwt() with Supabase Auth's
-- signatures and behaviour [gotrue] (20220224000811_update_auth_functions,
-- 20220531120530_add_auth_jwt_function): each reads one claim from the claims
-- PostgREST puts in `request.jwt.claims` (or from the older one-setting-per-claim
-- form), and answers null when there are none. Executable by everyone, as any
-- function is unless revoked; `postgres` may do anything with them [perms].
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(nullif(current_setting('request.jwt.claim', true), ''), nullif(current_setting('request.jwt.claims', true), ''))::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''), nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(nullif(current_setting('request.jwt.claim.role', true), ''), nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(nullif(current_setting('request.jwt.claim.email', true), ''), nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')::text
$$;

alter function auth.jwt() owner to supabase_auth_admin;
alter function auth.uid() owner to supabase_auth_admin;
alter function auth.role() owner to supabase_auth_admin;
alter function auth.email() owner to supabase_auth_admin;
grant all on function auth.jwt(), auth.uid(), auth.role(), auth.email() to postgres;

-- Where applied migrations are recorded, in the table the Supabase CLI uses;
-- the CLI creates it as `postgres`, so `postgres` owns it.
create schema if not exists supabase_migrations authorization postgres;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);
alter table supabase_migrations.schema_migrations owner to postgres;

-- Supabase Storage's schema: what the Storage server keeps about buckets and
-- files, where its policies are written, following its set-up script [stori] and
-- its own migrations [storm] (supabase/storage migrations/tenant/*.sql: 0001
-- initialmigration, 0002 storage-schema, 0009 fix-search-function, 0013
-- add-version, 0015 add-bucket-limits, 0017/0019 owner_id, 0022 public buckets,
-- 0026 user_metadata), with their columns and types. The local gateway's Storage
-- emulation (supabase/local/storage.ts) writes these rows as the caller, so the
-- policies on storage.objects decide as they do there. Only what the emulation
-- reads is here: no search functions, multipart uploads or analytics tables.
--   [stori]  supabase/postgres migrations/db/init-scripts/00000000000002-storage-schema.sql
--   [storg]  supabase/postgres migrations/db/migrations/20250623125453_tmp_grant_storage_tables_to_postgres_with_grant_option.sql
do $$
begin
  if not exists (select from pg_roles where rolname = 'supabase_storage_admin') then
    create role supabase_storage_admin nologin noinherit createrole;
  end if;
end
$$;
create schema if not exists storage authorization supabase_admin;
grant all on schema storage to supabase_storage_admin with grant option;
grant usage on schema storage to postgres, anon, authenticated, service_role;

create table if not exists storage.buckets (
  id text not null primary key,
  name text not null,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text
);
create unique index if not exists bname on storage.buckets using btree (name);
comment on table storage.buckets is 'Local stand-in for Supabase Storage''s buckets: same columns and types (supabase/local/bootstrap.sql).';

create table if not exists storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  owner_id text,
  user_metadata jsonb
);
create unique index if not exists bucketid_objname on storage.objects using btree (bucket_id, name);
comment on table storage.objects is 'Local stand-in for Supabase Storage''s files: same columns and types (supabase/local/bootstrap.sql); the bytes are in the data folder''s storage/.';

-- Row-level security is on for both, as Storage's migrations leave it; the API
-- roles hold every grant and the policies decide [stori]. `postgres` holds them
-- with grant option [storg].
alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;
alter table storage.buckets owner to supabase_storage_admin;
alter table storage.objects owner to supabase_storage_admin;
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to postgres with grant option;

-- The helpers Supabase's documentation writes policies with: a name's folders,
-- its file name and its extension, answering as 0002 storage-schema's do.
create or replace function storage.foldername(name text) returns text[]
language sql immutable
as $$ select (string_to_array(name, '/'))[1:cardinality(string_to_array(name, '/')) - 1] $$;
create or replace function storage.filename(name text) returns text
language sql immutable
as $$ select (string_to_array(name, '/'))[cardinality(string_to_array(name, '/'))] $$;
create or replace function storage.extension(name text) returns text
language sql immutable
as $$ select reverse(split_part(reverse(storage.filename(name)), '.', 1)) $$;
alter function storage.foldername(text) owner to supabase_storage_admin;
alter function storage.filename(text) owner to supabase_storage_admin;
alter function storage.extension(text) owner to supabase_storage_admin;
grant execute on function storage.foldername(text), storage.filename(text), storage.extension(text) to postgres, anon, authenticated, service_role;

-- On Supabase `postgres` may create, change and drop policies on storage.objects
-- though it does not own the table: the supautils extension grants it that one
-- thing (its `policy_grants` setting). Postgres itself has no such grant, so here
-- `postgres` acts as the owner's role instead, which lets it do more (alter the
-- table, comment on a policy); tests/db/lints.test.ts keeps the migrations to
-- what Supabase allows there: creating and dropping policies, and rows.
grant supabase_storage_admin to postgres with inherit true, set false;
