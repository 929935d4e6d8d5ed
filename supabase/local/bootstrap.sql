-- Local bootstrap: what Supabase's platform provides and our migrations rely on.
-- Runs before the migrations on the embedded stack only, never on a hosted
-- Supabase project (which has all of this already). Idempotent: runs at every start.

-- The API roles. PostgREST logs in as `authenticator` and switches to the role
-- named in the request's JWT (`anon` when there is none).
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
end
$$;
grant anon, authenticated, service_role to authenticator;
-- the authenticator's password is set by the stack from the local secrets

-- Extensions live in their own schema on Supabase; pgcrypto is enabled there by default.
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;

-- Supabase grants the API roles everything on new objects in `public` by default,
-- so a migration that forgets to revoke is as open here as it would be there.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;

-- auth.uid(), auth.role() and auth.jwt() read the claims PostgREST puts in
-- `request.jwt.claims`, as Supabase's own definitions do.
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select nullif(auth.jwt() ->> 'sub', '')::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select nullif(auth.jwt() ->> 'role', '')
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;

-- Where applied migrations are recorded, in the table the Supabase CLI uses.
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);

-- The accounts Supabase Auth keeps, reduced to the columns this project uses,
-- with Supabase's names, so supabase/seed.sql can add staff accounts the same
-- way on both. Passwords are bcrypt hashes (extensions.crypt with gen_salt('bf')),
-- as Supabase Auth stores them. The local gateway's Auth emulation reads this
-- table; the API roles never can.
create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  email text unique,
  encrypted_password text,
  email_confirmed_at timestamptz default now(),
  raw_app_meta_data jsonb not null default '{}',
  raw_user_meta_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
revoke all on auth.users from anon, authenticated;
