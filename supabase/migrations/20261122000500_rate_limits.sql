-- Rate limits for what anyone may call: submissions and receipt lookups, per
-- client and per window. A client is known only by a salted hash of its
-- address; the salt changes every day and old ones are dropped, and a count is
-- kept only while its window lasts. Nothing here is ever joined to a tip.

create table private.rate_limit_rules (
  action text primary key,
  max_hits integer not null constraint rate_limit_rules_positive check (max_hits > 0),
  per interval not null constraint rate_limit_rules_window check (per between interval '1 minute' and interval '1 day')
);
comment on table private.rate_limit_rules is 'How often one client may call each public function; a deployment may tune these.';

insert into private.rate_limit_rules (action, max_hits, per) values
  ('submit_tip', 10, interval '1 hour'),
  ('tip_status', 30, interval '15 minutes');

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

revoke all on function private.client_hash(), private.check_rate_limit(text) from public;

-- The public functions, now counted: submit_tip as before, plus its limit.
create or replace function public.submit_tip(category text, description text, idempotency_key uuid)
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
  -- Counted only for new tips: a retry of one that landed is never refused.
  perform private.check_rate_limit('submit_tip');

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


-- tip_status, now counted: guessing codes is limited (and futile: 80 random bits).
-- Volatile, since it writes the count; PostgREST calls it by POST.
create or replace function public.tip_status(receipt text)
returns table (status text, received_on date, updated_on date, public_reply text)
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  perform private.check_rate_limit('tip_status');
  return query
    select t.status, (t.created_at at time zone 'UTC')::date, (t.status_changed_at at time zone 'UTC')::date, t.public_reply
      from public.tips as t
     where t.receipt_hash = sha256(convert_to(private.normalised_receipt(tip_status.receipt), 'UTF8'));
end
$$;
