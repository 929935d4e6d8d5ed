-- Platform helpers: what every domain's migration builds on. The `private`
-- schema, which the API never serves, and the shapes the other migrations
-- share: refusing bad input with its field, checking that a value is one of a
-- list or an id of the content files, how a resident may be reached (the same
-- rules as src/lib/forms/contact.schema.ts), and stamping the date a status
-- changed. Needs no superuser: pgcrypto is one of Supabase's default extensions.

create extension if not exists pgcrypto with schema extensions;

-- Helpers the API must not expose live outside `public`, the only schema PostgREST serves.
create schema if not exists private;
revoke all on schema private from public, anon, authenticated;

-- Bad input is refused as SQLSTATE 22023 with the argument's name in `details`,
-- so a form can show the reason beside its field.
create function private.refuse(field text, reason text) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = '22023', message = reason, detail = field;
end
$$;

-- Whether a value is a label of an enum. The lists (statuses, categories,
-- roles) are enums, the one place each is written; the columns keep plain
-- text, checked with this, so that clients and tools read and write strings.
-- Null for null, so that a check lets an optional column stay empty.
create function private.is_one_of(value text, list regtype) returns boolean
language sql stable strict
set search_path = ''
as $$
  select exists (select from pg_catalog.pg_enum as e where e.enumtypid = list and e.enumlabel = value)
$$;

-- Beats and workshops are content files, not rows: their ids are what the
-- content names them by. Officer profiles' slugs are lowercase.
create function private.valid_content_id(id text, max_length integer) returns boolean
language sql immutable
set search_path = ''
as $$
  select id ~ '^[A-Za-z0-9][A-Za-z0-9_-]*$' and char_length(id) <= max_length
$$;

create function private.valid_officer_slug(slug text) returns boolean
language sql immutable
set search_path = ''
as $$
  select slug ~ '^[a-z0-9][a-z0-9-]*$' and char_length(slug) <= 80
$$;

-- "No whitespace" means JavaScript's \s, spelled out: Postgres's \s leaves out
-- the Unicode spaces (no-break, em, ideographic…) that JavaScript's includes.
create function private.valid_email(email text) returns boolean
language sql immutable
set search_path = ''
as $$
  select char_length(email) <= 254
     and email ~ '^[^@]+@[^@]+\.[^@.]+$'
     and email !~ '[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]'
$$;

create function private.valid_phone(phone text) returns boolean
language sql immutable
set search_path = ''
as $$
  select char_length(phone) <= 30
     and phone ~ '^\+?[0-9][0-9 ().-]*$'
     and char_length(regexp_replace(phone, '[^0-9]', '', 'g')) between 7 and 15
$$;

create function private.valid_language(language text) returns boolean
language sql immutable
set search_path = ''
as $$
  select char_length(language) <= 35 and language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'
$$;

-- Text as the forms send it: no whitespace at either end (the forms trim it).
create function private.trimmed(value text) returns text
language sql immutable
set search_path = ''
as $$
  select nullif(regexp_replace(value, '^\s+|\s+$', '', 'g'), '')
$$;

-- The "last updated" date a receipt lookup shows: status_changed_at moves when
-- any column named in the trigger's arguments changes.
create function private.stamp_status_change() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  column_name text;
begin
  foreach column_name in array tg_argv loop
    if (to_jsonb(new) -> column_name) is distinct from (to_jsonb(old) -> column_name) then
      new.status_changed_at := now();
      exit;
    end if;
  end loop;
  return new;
end
$$;

revoke all on function private.refuse(text, text), private.is_one_of(text, regtype), private.valid_content_id(text, integer),
  private.valid_officer_slug(text), private.valid_email(text), private.valid_phone(text), private.valid_language(text),
  private.trimmed(text), private.stamp_status_change() from public;
