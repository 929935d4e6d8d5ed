-- Rate limits and receipts: what every public submission and lookup shares.
--
-- Rate limits, per client and per window, for what anyone may call. A client
-- is known only by a salted hash of its address; the salt changes every day
-- and old ones are dropped, and a count is kept only while its window lasts.
-- Nothing here is ever joined to what a resident sent.
--
-- Receipts and retry keys, one definition for every kind of submission:
--   a receipt code is 80 random bits, kept only as the sha-256 of its
--   normalised form, so a lookup of whatever the resident typed finds it;
--   a retry (idempotency) key is kept as its sha-256;
--   the receipt is also sealed with the retry key, so that only a retry with
--   the same key can read it back.

create table private.rate_limit_rules (
  action text primary key,
  max_hits integer not null constraint rate_limit_rules_positive check (max_hits > 0),
  per interval not null constraint rate_limit_rules_window check (per between interval '1 minute' and interval '1 day')
);
comment on table private.rate_limit_rules is 'How often one client may call each public function; a deployment may tune these.';

insert into private.rate_limit_rules (action, max_hits, per) values
  ('submit_tip', 10, interval '1 hour'),
  ('tip_status', 30, interval '15 minutes'),
  ('register_watch_group', 5, interval '1 hour'),
  ('join_watch_group', 20, interval '1 hour'),
  ('watch_group_status', 30, interval '15 minutes'),
  ('request_workshop', 5, interval '1 hour'),
  ('workshop_status', 30, interval '15 minutes');

create table private.rate_limit_salts (
  day date primary key,
  salt bytea not null
);
comment on table private.rate_limit_salts is 'The salt of each day''s client hashes; dropped after two days, so yesterday''s hashes cannot be recomputed.';

create table private.rate_limit_hits (
  client_hash bytea not null,
  action text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (client_hash, action, window_start)
);
comment on table private.rate_limit_hits is 'Calls per client hash, action and window; rows older than a day are deleted.';

alter table private.rate_limit_rules enable row level security;
alter table private.rate_limit_salts enable row level security;
alter table private.rate_limit_hits enable row level security;
revoke all on private.rate_limit_rules, private.rate_limit_salts, private.rate_limit_hits from public;

-- The client as the gateway saw it: the first X-Forwarded-For address, which the
-- gateway (Supabase's, or the local one) sets itself rather than trusting the client.
create function private.client_hash() returns bytea
language plpgsql volatile
set search_path = ''
as $$
declare
  today date := (now() at time zone 'UTC')::date;
  todays_salt bytea;
  address text := split_part(coalesce(nullif(current_setting('request.headers', true), '')::json ->> 'x-forwarded-for', ''), ',', 1);
begin
  insert into private.rate_limit_salts (day, salt) values (today, extensions.gen_random_bytes(32)) on conflict (day) do nothing;
  select s.salt into todays_salt from private.rate_limit_salts as s where s.day = today;
  delete from private.rate_limit_salts where day < today - 1;
  return sha256(todays_salt || convert_to(btrim(address), 'UTF8'));
end
$$;

-- Counts a call; past the limit, answers HTTP 429 with Retry-After and a sentence that says when.
create function private.check_rate_limit(action text) returns void
language plpgsql volatile
set search_path = ''
as $$
#variable_conflict use_column
declare
  rule private.rate_limit_rules;
  this_window timestamptz;
  calls integer;
  retry_after integer;
begin
  select * into rule from private.rate_limit_rules as r where r.action = check_rate_limit.action;
  if not found then return; end if;
  this_window := date_bin(rule.per, now(), timestamptz '2000-01-01');
  insert into private.rate_limit_hits as h (client_hash, action, window_start, hits)
  values (private.client_hash(), check_rate_limit.action, this_window, 1)
  on conflict (client_hash, action, window_start) do update set hits = h.hits + 1
  returning h.hits into calls;
  -- Now and then, forget windows that are over.
  if random() < 0.02 then
    delete from private.rate_limit_hits as h where h.window_start < now() - interval '1 day';
  end if;
  if calls > rule.max_hits then
    retry_after := greatest(1, ceil(extract(epoch from (this_window + rule.per - now())))::integer);
    raise sqlstate 'PGRST' using
      message = json_build_object(
        'code', 'rate_limited',
        'message', format('Too many attempts: try again in %s minutes.', ceil(retry_after / 60.0)),
        'details', retry_after::text,
        'hint', null)::text,
      detail = json_build_object('status', 429, 'headers', json_build_object('Retry-After', retry_after::text))::text;
  end if;
end
$$;

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

-- Receipt codes as residents type them: any case, with or without dashes and
-- spaces, and the letters Crockford's base32 reads as digits (O as 0, I and L as 1).
-- The same rules are in src/lib/forms/receipt.ts.
create function private.normalised_receipt(code text) returns text
language sql immutable
set search_path = ''
as $$
  select translate(upper(regexp_replace(coalesce(code, ''), '[\s-]', '', 'g')), 'OIL', '011')
$$;

create function private.key_hash(key uuid) returns bytea
language sql immutable
set search_path = ''
as $$
  select sha256(convert_to(key::text, 'UTF8'))
$$;

create function private.receipt_hash(code text) returns bytea
language sql immutable
set search_path = ''
as $$
  select sha256(convert_to(private.normalised_receipt(code), 'UTF8'))
$$;

create function private.seal_receipt(receipt text, key uuid) returns bytea
language sql volatile
set search_path = ''
as $$
  select extensions.pgp_sym_encrypt(receipt, key::text, 'cipher-algo=aes256, s2k-mode=1')
$$;

create function private.open_receipt(sealed bytea, key uuid) returns text
language sql stable
set search_path = ''
as $$
  select extensions.pgp_sym_decrypt(sealed, key::text)
$$;

-- The receipt of the submission already stored with this retry key, if any:
-- `submissions` is a table with idempotency_hash and receipt_sealed columns.
create function private.first_receipt(submissions regclass, key uuid) returns text
language plpgsql stable
set search_path = ''
as $$
declare
  receipt text;
begin
  execute format('select private.open_receipt(s.receipt_sealed, $1) from %s as s where s.idempotency_hash = $2', submissions)
    into receipt
    using key, private.key_hash(key);
  return receipt;
end
$$;

-- How every submission function begins: a retry key is required; a retry of a
-- submission that already landed gets its first receipt back, and counts
-- against no limit; anything new is counted against the action's rate limit
-- (null is returned, and the function goes on to check and store it).
create function private.open_submission(action text, submissions regclass, key uuid) returns text
language plpgsql volatile
set search_path = ''
as $$
declare
  receipt text;
begin
  if key is null then
    perform private.refuse('idempotency_key', 'idempotency_key is required');
  end if;
  receipt := private.first_receipt(submissions, key);
  if receipt is null then
    perform private.check_rate_limit(action);
  end if;
  return receipt;
end
$$;

revoke all on function private.client_hash(), private.check_rate_limit(text), private.new_receipt_code(), private.normalised_receipt(text),
  private.key_hash(uuid), private.receipt_hash(text), private.seal_receipt(text, uuid), private.open_receipt(bytea, uuid),
  private.first_receipt(regclass, uuid), private.open_submission(text, regclass, uuid) from public;
