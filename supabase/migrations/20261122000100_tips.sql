-- Tips: what residents send, anonymously by default: a category, what happened,
-- and where (a beat) and when (a time, or that it keeps happening), if known.
-- Residents never read this table: they submit through submit_tip() and get a
-- receipt code, which is stored only as a hash.

create extension if not exists pgcrypto with schema extensions;

-- Helpers the API must not expose live outside `public`, the only schema PostgREST serves.
create schema if not exists private;
revoke all on schema private from public, anon, authenticated;

create table public.tips (
  tip_id uuid primary key default gen_random_uuid(),
  category text not null
    constraint tips_category_known check (category in (
      'suspicious_activity', 'drug_activity', 'vandalism_graffiti', 'traffic_speeding', 'noise',
      'abandoned_vehicle', 'problem_property', 'quality_of_life', 'other'
    )),
  description text not null
    constraint tips_description_length check (char_length(description) between 20 and 5000),
  -- a beat id of the content files, if the resident gave one
  beat text
    constraint tips_beat_format check (beat ~ '^[A-Za-z0-9][A-Za-z0-9_-]*$' and char_length(beat) <= 40),
  occurred_at timestamptz,
  ongoing boolean not null default false,
  status text not null default 'received'
    constraint tips_status_known check (status in ('received', 'under_review', 'referred', 'action_taken', 'closed')),
  -- sha-256 of the normalised receipt code; the code itself is never stored
  receipt_hash bytea not null unique,
  -- sha-256 of the client's idempotency key, so a retry finds its first submission
  idempotency_hash bytea not null unique,
  -- the receipt sealed with the idempotency key, so only that retry can read it again
  receipt_sealed bytea not null,
  created_at timestamptz not null default now(),
  constraint tips_when_one_or_other check (not (ongoing and occurred_at is not null))
);

comment on table public.tips is
  'Tips and concerns residents sent. No IP address or user agent is kept. Read only by staff (policies come with the staff workspace); residents use submit_tip() and tip_status().';

alter table public.tips enable row level security;
-- Supabase grants the API roles everything on new tables; residents get nothing directly.
revoke all on table public.tips from anon, authenticated;

-- A receipt is 16 characters of Crockford base32 (80 random bits), grouped by
-- four: easy to read aloud and type, with no I, L, O or U to mistake.
create function private.new_receipt_code() returns text
language sql volatile
set search_path = ''
as $$
  select string_agg(
           substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (get_byte(bytes, i) & 31) + 1, 1)
             || case when i in (3, 7, 11) then '-' else '' end,
           '' order by i)
  from (select extensions.gen_random_bytes(16) as bytes) as random, generate_series(0, 15) as i
$$;

comment on function private.new_receipt_code() is 'A fresh receipt code: 80 random bits as XXXX-XXXX-XXXX-XXXX.';
revoke all on function private.new_receipt_code() from public;
