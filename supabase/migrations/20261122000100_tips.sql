-- Tips: what residents send, anonymously by default. This first version takes a
-- category and a description; the submissions work adds place, time and contact.
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
  status text not null default 'received'
    constraint tips_status_known check (status in ('received', 'under_review', 'referred', 'action_taken', 'closed')),
  -- sha-256 of the normalised receipt code; the code itself is never stored
  receipt_hash bytea not null unique,
  -- sha-256 of the client's idempotency key, so a retry finds its first submission
  idempotency_hash bytea not null unique,
  -- the receipt sealed with the idempotency key, so only that retry can read it again
  receipt_sealed bytea not null,
  created_at timestamptz not null default now()
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

-- submit_tip: validates, stores, and returns the receipt code once.
-- Each bad field raises 22023 with the field's name in `details`, so the form
-- can show the error next to it. The same rules live in tip.schema.ts.
create function public.submit_tip(category text, description text, idempotency_key uuid)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  clean_description text := regexp_replace(submit_tip.description, '^\s+|\s+$', '', 'g');
  key_hash bytea := sha256(convert_to(submit_tip.idempotency_key::text, 'UTF8'));
  receipt text;
begin
  if submit_tip.idempotency_key is null then
    raise exception using errcode = '22023', message = 'idempotency_key is required', detail = 'idempotency_key';
  end if;

  -- A retry of a submission that already landed gets its first receipt back.
  select extensions.pgp_sym_decrypt(t.receipt_sealed, submit_tip.idempotency_key::text)
    into receipt
    from public.tips as t
   where t.idempotency_hash = key_hash;
  if found then
    return jsonb_build_object('receipt', receipt);
  end if;

  if submit_tip.category is null or submit_tip.category not in (
    'suspicious_activity', 'drug_activity', 'vandalism_graffiti', 'traffic_speeding', 'noise',
    'abandoned_vehicle', 'problem_property', 'quality_of_life', 'other'
  ) then
    raise exception using errcode = '22023', message = 'choose one of the listed categories', detail = 'category';
  end if;
  if clean_description is null or char_length(clean_description) not between 20 and 5000 then
    raise exception using errcode = '22023', message = 'describe what happened in 20 to 5000 characters', detail = 'description';
  end if;

  receipt := private.new_receipt_code();
  insert into public.tips (category, description, receipt_hash, idempotency_hash, receipt_sealed)
  values (
    submit_tip.category,
    clean_description,
    sha256(convert_to(replace(receipt, '-', ''), 'UTF8')),
    key_hash,
    extensions.pgp_sym_encrypt(receipt, submit_tip.idempotency_key::text, 'cipher-algo=aes256, s2k-mode=1')
  )
  -- two retries racing each other: the loser stores nothing and returns the winner's receipt
  on conflict (idempotency_hash) do nothing;
  if not found then
    return public.submit_tip(submit_tip.category, submit_tip.description, submit_tip.idempotency_key);
  end if;
  return jsonb_build_object('receipt', receipt);
end
$$;

comment on function public.submit_tip(text, text, uuid) is
  'Stores a tip and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';
revoke all on function public.submit_tip(text, text, uuid) from public;
grant execute on function public.submit_tip(text, text, uuid) to anon, authenticated;
