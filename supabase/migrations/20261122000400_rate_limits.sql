-- Rate limits for what anyone may call: submissions and receipt lookups, per
-- client and per window. A client is known only by a salted hash of its
-- address; the salt changes every day and old ones are dropped, and a count is
-- kept only while its window lasts. Nothing here is ever joined to a tip.
-- submit_tip() and tip_status() call check_rate_limit().

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
