-- Beat alerts: residents hear by email what changed in their beat (or
-- district) when it is published, without checking back.
--
-- A subscription is an address, a language, a beat or a district, the topics
-- wanted (alert_topic) and the delivery (each publish, or a daily digest). It
-- lives in private.alert_subscriptions, which nobody but the database's owner
-- reads: not the public, not staff (they get counts per beat from
-- alert_subscriber_counts(), never an address). The address is kept only to
-- send alerts and is deleted with the subscription.
--
--   subscribe_to_alerts(...) (anon; a proof of work, the site's ceiling and
--   the edge's limit, like every submission) is double opt-in: it queues a
--   confirmation email holding a random token, kept only as its sha-256 and
--   valid alert_confirm_days. It answers the same whether or not the address
--   is subscribed already: a confirmed address is sent "you are already
--   subscribed" with its manage link instead, so the answer tells nobody who
--   subscribes to what.
--   confirm_alerts(token) confirms; a subscription never confirmed is deleted
--   after alert_confirm_days by purge_alert_subscriptions(), which a schedule
--   calls hourly (the local stack's mail runner; pg_cron on a hosted project).
--   Every message to a subscriber carries its manage token: the subscription's
--   id and an HMAC of it under a key only the database holds, so that a
--   million alerts are composed without storing a token each, and deleting the
--   subscription revokes it. alert_subscription(token), update_alerts(token,
--   ...) and unsubscribe_alerts(token) (which deletes the row) take it; the
--   alerts Edge Function answers the RFC 8058 one-click POST with it.
--
-- Alerts are composed from what a publish changed. A content change is a row
-- of content_history, and its transaction left one publish request with the
-- same transaction id (the publish queue's triggers). When a publish finishes
-- 'published', every finished request not yet alerted (failed builds' too:
-- this build published their changes) is the window: marked alerted in
-- private.alerted_publish_requests, and its transactions' history rows are
-- the changes. A change made while a build runs left a request that build did
-- not take in, so it falls in the next window: nothing is alerted twice or
-- lost. Each changed item is described as it now stands (published only),
-- placed in its beats (a district-wide item in each beat of its district),
-- and each confirmed subscriber gets at most one message per publish listing
-- the items of their topics, in one insert ... select into the outbox; a
-- daily subscriber's items wait in private.alert_digest_items for
-- queue_alert_digests().

insert into private.settings (name, value) values
  ('alert_confirm_days', '3'),
  -- the hour of the day, in the jurisdiction's time zone, from which the day's alert digests go
  ('alert_digest_hour', '7');

insert into private.submission_ceilings (action, most, per) values ('subscribe_to_alerts', 300, interval '1 hour');

create type public.alert_topic as enum ('meeting_changes', 'new_meetings', 'priorities', 'meeting_reports');
comment on type public.alert_topic is 'What a subscriber may be told of: meetings cancelled or moved, new meetings, priorities and their updates, meeting reports.';

create type public.alert_delivery as enum ('each_publish', 'daily');
comment on type public.alert_delivery is 'When a subscriber hears of changes: one email after each publish that changed something of theirs, or one digest a day.';

-- ------------------------------------------------------------ subscriptions

create table private.alert_subscriptions (
  subscription_id uuid primary key default gen_random_uuid(),
  -- lowercased: one subscription per address and area, however it is typed
  email text not null
    constraint alert_subscriptions_email_valid check (private.valid_email(email) and email = lower(email)),
  language text not null
    constraint alert_subscriptions_language_known check (private.is_one_of(language, 'public.site_locale')),
  beat_id text references public.beats (beat_id) on delete cascade,
  district_id text references public.districts (district_id) on delete cascade,
  topics text[] not null
    constraint alert_subscriptions_topics_known check (cardinality(topics) between 1 and 4 and private.all_one_of(topics, 'public.alert_topic')),
  delivery text not null
    constraint alert_subscriptions_delivery_known check (private.is_one_of(delivery, 'public.alert_delivery')),
  -- the sha-256 of the emailed confirmation token, and until when it confirms
  confirm_hash bytea not null,
  confirm_expires_at timestamptz not null,
  confirmed_at timestamptz,
  -- the end of the period the last digest covered
  digest_through timestamptz,
  created_at timestamptz not null default now(),
  constraint alert_subscriptions_one_area check (num_nonnulls(beat_id, district_id) = 1)
);
create unique index alert_subscriptions_one_per_area on private.alert_subscriptions (email, coalesce(beat_id, ''), coalesce(district_id, ''));
create unique index alert_subscriptions_confirm_hash on private.alert_subscriptions (confirm_hash);
create index alert_subscriptions_beat on private.alert_subscriptions (beat_id) where confirmed_at is not null;
create index alert_subscriptions_district on private.alert_subscriptions (district_id) where confirmed_at is not null;
create index alert_subscriptions_unconfirmed on private.alert_subscriptions (created_at) where confirmed_at is null;
comment on table private.alert_subscriptions is
  'Residents'' beat alert subscriptions: address, language, beat or district, topics, delivery, confirmation. Kept only to send alerts, never shown to staff; deleted on unsubscribe, and after alert_confirm_days when never confirmed.';

alter table private.alert_subscriptions enable row level security;
revoke all on private.alert_subscriptions from public, anon, authenticated, service_role;

-- One row per subscribe request, by the hash of its retry key: a retry is
-- answered without a second email, and the site's ceiling counts them. Holds
-- nothing of the sender; kept a day.
create table private.alert_requests (
  idempotency_hash bytea primary key,
  created_at timestamptz not null default now()
);
create index alert_requests_created_at on private.alert_requests (created_at);
comment on table private.alert_requests is
  'The retry keys (hashed) of subscribe requests of the last day: retries answered once, the site''s ceiling counted. Nothing about who sent them.';
alter table private.alert_requests enable row level security;
revoke all on private.alert_requests from public, anon, authenticated, service_role;

-- The key that signs manage tokens.
create table private.alert_keys (
  only_row boolean primary key default true constraint alert_keys_one_row check (only_row),
  signing_key text not null default encode(extensions.gen_random_bytes(32), 'hex')
);
comment on table private.alert_keys is 'The key that signs subscribers'' manage and unsubscribe tokens; replacing it voids every link already sent.';
insert into private.alert_keys default values;
alter table private.alert_keys enable row level security;
revoke all on private.alert_keys from public, anon, authenticated, service_role;

-- A subscriber's manage token: the subscription id and its HMAC, 96 hex digits.
create function private.alert_manage_token(subscription_id uuid) returns text
language sql stable
security definer
set search_path = ''
as $$
  select encode(uuid_send(subscription_id), 'hex')
         || encode(extensions.hmac(subscription_id::text, (select k.signing_key from private.alert_keys as k), 'sha256'), 'hex')
$$;
revoke all on function private.alert_manage_token(uuid) from public;

-- The subscription a manage token names, or null for anything else.
create function private.alert_subscription_of(token text) returns uuid
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  named uuid;
begin
  if token is null or token !~ '^[0-9a-f]{96}$' then
    return null;
  end if;
  named := encode(decode(left(token, 32), 'hex'), 'hex')::uuid;
  if private.alert_manage_token(named) <> token then
    return null;
  end if;
  return named;
end
$$;
revoke all on function private.alert_subscription_of(text) from public;

-- A refused manage token, as every token function refuses it: 400, field token.
create function private.alert_token_refused() returns void
language plpgsql
set search_path = ''
as $$
begin
  perform private.refuse('token', 'this link is not valid any more: the subscription may have ended');
end
$$;
revoke all on function private.alert_token_refused() from public;

-- Where a language's pages are: the site's first language at the root, the
-- others under /<tag> (src/lib/i18n/routes.ts).
create function private.alert_language_prefix(language text) returns text
language sql stable
security definer
set search_path = ''
as $$
  select case when language = coalesce((select s.locales[1] from public.site_settings as s limit 1), 'en') then '' else '/' || language end
$$;
revoke all on function private.alert_language_prefix(text) from public;

-- The public site's page for a beat or a district, in a language.
create function private.alert_area_link(language text, beat_id text, district_id text) returns text
language sql stable
security definer
set search_path = ''
as $$
  select private.alert_language_prefix(language)
         || case when beat_id is not null then '/beats/' || beat_id || '/' else '/districts/' || district_id || '/' end
$$;
revoke all on function private.alert_area_link(text, text, text) from public;

-- What a message names the area by: "Beat 101 (Downtown)" is for the template; this is the name.
create function private.alert_area_name(beat_id text, district_id text) returns text
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((select b.name from public.beats as b where b.beat_id = alert_area_name.beat_id),
                  (select d.name from public.districts as d where d.district_id = alert_area_name.district_id))
$$;
revoke all on function private.alert_area_name(text, text) from public;

-- The parameters every subscriber message shares.
create function private.alert_params(subscription private.alert_subscriptions) returns jsonb
language sql stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'area', case when subscription.beat_id is not null then 'beat' else 'district' end,
    'area_id', coalesce(subscription.beat_id, subscription.district_id),
    'area_name', private.alert_area_name(subscription.beat_id, subscription.district_id),
    'link', private.alert_area_link(subscription.language, subscription.beat_id, subscription.district_id),
    'prefix', private.alert_language_prefix(subscription.language),
    'token', private.alert_manage_token(subscription.subscription_id))
$$;
revoke all on function private.alert_params(private.alert_subscriptions) from public;

-- The topics and delivery a subscriber chose, checked (each refused by its
-- field's name): the topics sorted, once each.
create function private.alert_choices(topics text[], delivery text) returns text[]
language plpgsql stable
set search_path = ''
as $$
declare
  clean_topics text[];
begin
  select array_agg(distinct t order by t) into clean_topics from unnest(alert_choices.topics) as t;
  if clean_topics is null or array_position(clean_topics, null) is not null
     or cardinality(clean_topics) > 4 or not private.all_one_of(clean_topics, 'public.alert_topic') then
    perform private.refuse('topics', 'choose at least one topic');
  end if;
  if not coalesce(private.is_one_of(alert_choices.delivery, 'public.alert_delivery'), false) then
    perform private.refuse('delivery', 'choose an email after each update or a daily digest');
  end if;
  return clean_topics;
end
$$;
revoke all on function private.alert_choices(text[], text) from public;

-- subscribe_to_alerts: checked, the proof and ceiling passed, then a
-- confirmation (new or unconfirmed address) or an already-subscribed email
-- (confirmed address) is queued; the answer is the same either way.
create function public.subscribe_to_alerts(
  email text, language text, topics text[], delivery text, idempotency_key uuid,
  beat text default null, district text default null, proof jsonb default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
-- the arguments are named as the API names them, like the table's columns: a bare name is the column
#variable_conflict use_column
declare
  answer constant jsonb := jsonb_build_object('status', 'check_your_email');
  address text := lower(private.trimmed(subscribe_to_alerts.email));
  clean_topics text[];
  token text;
  existing private.alert_subscriptions;
begin
  if subscribe_to_alerts.idempotency_key is null then
    perform private.refuse('idempotency_key', 'idempotency_key is required');
  end if;
  if exists (select from private.alert_requests as r where r.idempotency_hash = private.key_hash(subscribe_to_alerts.idempotency_key)) then
    return answer;
  end if;
  if address is null or not private.valid_email(address) then
    perform private.refuse('email', 'enter an email address like name@example.org');
  end if;
  if not coalesce(private.is_one_of(subscribe_to_alerts.language, 'public.site_locale'), false) then
    perform private.refuse('language', 'choose one of the site''s languages');
  end if;
  if num_nonnulls(subscribe_to_alerts.beat, subscribe_to_alerts.district) <> 1 then
    perform private.refuse('area', 'choose a beat or a district');
  end if;
  if subscribe_to_alerts.beat is not null
     and not exists (select from public.beats as b where b.beat_id = subscribe_to_alerts.beat and b.published) then
    perform private.refuse('beat', 'choose a beat from the list');
  end if;
  if subscribe_to_alerts.district is not null
     and not exists (select from public.districts as d where d.district_id = subscribe_to_alerts.district and d.published) then
    perform private.refuse('district', 'choose a district from the list');
  end if;
  clean_topics := private.alert_choices(subscribe_to_alerts.topics, subscribe_to_alerts.delivery);
  perform private.admit_submission('subscribe_to_alerts', 'private.alert_requests', subscribe_to_alerts.idempotency_key, subscribe_to_alerts.proof);
  insert into private.alert_requests (idempotency_hash) values (private.key_hash(subscribe_to_alerts.idempotency_key))
  on conflict do nothing;
  if not found then
    return answer;
  end if;

  select * into existing from private.alert_subscriptions as s
   where s.email = address
     and coalesce(s.beat_id, '') = coalesce(subscribe_to_alerts.beat, '')
     and coalesce(s.district_id, '') = coalesce(subscribe_to_alerts.district, '')
   for update;
  if existing.confirmed_at is not null then
    -- Nothing changes without the subscriber's own link: they are told where it is.
    perform private.queue_mail(address, existing.language, 'alert_already_subscribed', private.alert_params(existing));
    return answer;
  end if;

  token := encode(extensions.gen_random_bytes(32), 'hex');
  insert into private.alert_subscriptions as s (email, language, beat_id, district_id, topics, delivery, confirm_hash, confirm_expires_at)
  values (address, subscribe_to_alerts.language, subscribe_to_alerts.beat, subscribe_to_alerts.district, clean_topics,
          subscribe_to_alerts.delivery, sha256(convert_to(token, 'UTF8')),
          now() + make_interval(days => private.retention_days('alert_confirm_days')))
  on conflict (email, coalesce(beat_id, ''), coalesce(district_id, '')) do update
    set language = excluded.language, topics = excluded.topics, delivery = excluded.delivery,
        confirm_hash = excluded.confirm_hash, confirm_expires_at = excluded.confirm_expires_at
  returning * into existing;
  perform private.queue_mail(address, existing.language, 'alert_confirm',
    private.alert_params(existing) || jsonb_build_object('confirm_token', token, 'topics', to_jsonb(clean_topics), 'delivery', existing.delivery));
  return answer;
end
$$;
comment on function public.subscribe_to_alerts(text, text, text[], text, uuid, text, text, jsonb) is
  'Asks for beat (or district) alerts: queues a confirmation email, or an "already subscribed" one for a confirmed address; answers {status: check_your_email} either way. Proof of work and the site''s ceiling as for every submission.';

-- What a subscriber's page shows: the area, topics, delivery and language.
create function private.alert_subscription_json(subscription private.alert_subscriptions) returns jsonb
language sql stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'beat', subscription.beat_id, 'district', subscription.district_id,
    'area_name', private.alert_area_name(subscription.beat_id, subscription.district_id),
    'topics', to_jsonb(subscription.topics), 'delivery', subscription.delivery, 'language', subscription.language,
    'token', private.alert_manage_token(subscription.subscription_id))
$$;
revoke all on function private.alert_subscription_json(private.alert_subscriptions) from public;

-- Confirms the subscription the emailed token belongs to, once or again
-- (a second click says the same), until the token expires.
create function public.confirm_alerts(token text) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  confirmed private.alert_subscriptions;
begin
  if confirm_alerts.token is null or confirm_alerts.token !~ '^[0-9a-f]{64}$' then
    perform private.refuse('token', 'this confirmation link is not valid: subscribe again');
  end if;
  update private.alert_subscriptions as s
     set confirmed_at = coalesce(s.confirmed_at, now()), digest_through = coalesce(s.digest_through, now())
   where s.confirm_hash = sha256(convert_to(confirm_alerts.token, 'UTF8')) and s.confirm_expires_at > now()
  returning * into confirmed;
  if not found then
    perform private.refuse('token', 'this confirmation link has expired or is not valid: subscribe again');
  end if;
  return private.alert_subscription_json(confirmed);
end
$$;
comment on function public.confirm_alerts(text) is 'Confirms the subscription whose emailed confirmation token is given; returns it (area, topics, delivery, language, manage token). 400 for an expired or unknown token.';

create function public.alert_subscription(token text) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  found_row private.alert_subscriptions;
begin
  select * into found_row from private.alert_subscriptions as s
   where s.subscription_id = private.alert_subscription_of(alert_subscription.token) and s.confirmed_at is not null;
  if not found then
    perform private.alert_token_refused();
  end if;
  return private.alert_subscription_json(found_row);
end
$$;
comment on function public.alert_subscription(text) is 'The subscription a manage token names: area, topics, delivery, language. 400 for a token of no subscription.';

create function public.update_alerts(token text, topics text[], delivery text, language text) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  clean_topics text[];
  changed private.alert_subscriptions;
begin
  if private.alert_subscription_of(update_alerts.token) is null then
    perform private.alert_token_refused();
  end if;
  clean_topics := private.alert_choices(update_alerts.topics, update_alerts.delivery);
  if not coalesce(private.is_one_of(update_alerts.language, 'public.site_locale'), false) then
    perform private.refuse('language', 'choose one of the site''s languages');
  end if;
  update private.alert_subscriptions as s
     set topics = clean_topics, delivery = update_alerts.delivery, language = update_alerts.language
   where s.subscription_id = private.alert_subscription_of(update_alerts.token) and s.confirmed_at is not null
  returning * into changed;
  if not found then
    perform private.alert_token_refused();
  end if;
  return private.alert_subscription_json(changed);
end
$$;
comment on function public.update_alerts(text, text[], text, text) is 'Changes the topics, delivery and language of the subscription a manage token names; returns it.';

-- Deletes the subscription (and the digest waiting for it). A token whose
-- subscription is gone already gets the same answer: a second click, or a
-- mail provider's retry of the one-click POST, is not an error.
create function public.unsubscribe_alerts(token text) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  if unsubscribe_alerts.token is null or unsubscribe_alerts.token !~ '^[0-9a-f]{96}$' then
    perform private.alert_token_refused();
  end if;
  delete from private.alert_subscriptions as s where s.subscription_id = private.alert_subscription_of(unsubscribe_alerts.token);
  return jsonb_build_object('unsubscribed', true);
end
$$;
comment on function public.unsubscribe_alerts(text) is 'Deletes the subscription a manage token names, address and all; {unsubscribed: true}, also when it was gone already.';

revoke all on function public.subscribe_to_alerts(text, text, text[], text, uuid, text, text, jsonb), public.confirm_alerts(text),
  public.alert_subscription(text), public.update_alerts(text, text[], text, text), public.unsubscribe_alerts(text) from public, anon;
grant execute on function public.subscribe_to_alerts(text, text, text[], text, uuid, text, text, jsonb), public.confirm_alerts(text),
  public.alert_subscription(text), public.update_alerts(text, text[], text, text), public.unsubscribe_alerts(text) to anon, authenticated;

-- Never confirmed after alert_confirm_days: deleted, address and all; and the
-- retry keys older than a day. Hourly, from a schedule. How many subscriptions went.
create function public.purge_alert_subscriptions() returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  days integer := private.retention_days('alert_confirm_days');
  purged integer;
begin
  if days is null then
    perform private.refuse('alert_confirm_days', 'private.settings has no alert_confirm_days');
  end if;
  delete from private.alert_subscriptions as s
   where s.confirmed_at is null and s.created_at < now() - make_interval(days => days);
  get diagnostics purged = row_count;
  delete from private.alert_requests as r where r.created_at < now() - interval '1 day';
  return purged;
end
$$;
comment on function public.purge_alert_subscriptions() is
  'Deletes subscriptions never confirmed within alert_confirm_days, and day-old retry keys; returns how many subscriptions. Hourly, with the service-role key only.';

-- Staff see how many confirmed subscribers each beat's alerts reach (its
-- own and its district's), never who.
create function public.alert_subscriber_counts() returns table (beat_id text, subscribers integer)
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if staff_access.role() is null then
    raise exception using errcode = '42501', message = 'only staff see subscriber counts';
  end if;
  return query
    select b.beat_id, count(s.subscription_id)::integer
      from public.beats as b
      left join private.alert_subscriptions as s
        on s.confirmed_at is not null and (s.beat_id = b.beat_id or s.district_id = b.district_id)
     group by b.beat_id
     order by b.beat_id;
end
$$;
comment on function public.alert_subscriber_counts() is 'For signed-in staff: how many confirmed alert subscribers each beat''s alerts reach (the beat''s and its district''s). Never an address.';
revoke all on function public.alert_subscriber_counts() from public, anon;
grant execute on function public.alert_subscriber_counts() to authenticated;

-- ------------------------------------------------------------ composing

-- The publish requests whose changes have been alerted (or were published
-- before alerts existed): what remains finished and unlisted is the next window.
create table private.alerted_publish_requests (
  publish_request_id bigint primary key references private.publish_requests (publish_request_id) on delete cascade,
  alerted_at timestamptz not null default now()
);
comment on table private.alerted_publish_requests is 'Publish requests whose changes alerts have covered: each change is alerted once, after the publish that put it on the site.';
alter table private.alerted_publish_requests enable row level security;
revoke all on private.alerted_publish_requests from public, anon, authenticated, service_role;
insert into private.alerted_publish_requests (publish_request_id)
select r.publish_request_id from private.publish_requests as r where r.finished_at is not null;

-- A daily subscriber's items, waiting for their digest.
create table private.alert_digest_items (
  subscription_id uuid not null references private.alert_subscriptions (subscription_id) on delete cascade,
  items jsonb not null,
  added_at timestamptz not null default now()
);
create index alert_digest_items_subscription on private.alert_digest_items (subscription_id);
comment on table private.alert_digest_items is 'What changed for a daily-digest subscriber since their last digest, one row a publish; deleted once in a digest or with the subscription.';
alter table private.alert_digest_items enable row level security;
revoke all on private.alert_digest_items from public, anon, authenticated, service_role;

-- The alert items the given publish requests' changes make, each as it now
-- stands on the site (published only), with the beats it concerns:
-- (topic, item, beats). An item is one per thing, however often it changed.
create function private.alert_items(request_ids bigint[])
returns table (topic text, item jsonb, beats text[])
language sql stable
security definer
set search_path = ''
as $$
  with changes as (
    select h.* from public.content_history as h
     where h.transaction_id in (select r.transaction_id from private.publish_requests as r where r.publish_request_id = any (request_ids))
       and h.kind in ('meeting', 'meeting_exception', 'meeting_report', 'priority', 'priority_update')
       and h.operation <> 'delete'
  ),
  items as (
    -- a date cancelled or moved
    select distinct on (m.meeting_id, e.occurrence_date) 'meeting_changes' as topic,
           jsonb_build_object('kind', 'meeting_' || e.status, 'title', m.title, 'date', e.occurrence_date,
                              'moved_to', e.moved_to, 'note', e.note) as item,
           m.beats, m.district_id, e.occurrence_date as sort_key
      from changes as h
      join public.meeting_exceptions as e on e.meeting_id = h.item_id and e.occurrence_date = coalesce(h.after ->> 'occurrence_date', h.before ->> 'occurrence_date')
      join public.meetings as m on m.meeting_id = e.meeting_id
     where h.kind = 'meeting_exception' and e.published and m.published and e.status in ('cancelled', 'moved')
    union all
    -- a meeting new on the site
    select distinct on (m.meeting_id) 'new_meetings', jsonb_build_object('kind', 'meeting_new', 'title', m.title, 'date', m.schedule_start, 'venue', m.venue_name),
           m.beats, m.district_id, m.schedule_start
      from changes as h join public.meetings as m on m.meeting_id = h.item_id
     where h.kind = 'meeting' and m.published and (h.operation = 'insert' or h.after -> 'published' = 'true')
    union all
    select distinct on (r.meeting_id, r.occurrence_date) 'meeting_reports', jsonb_build_object('kind', 'meeting_report', 'title', m.title, 'date', r.occurrence_date),
           m.beats, m.district_id, r.occurrence_date
      from changes as h
      join public.meeting_reports as r on r.meeting_id = h.item_id and r.occurrence_date = coalesce(h.after ->> 'occurrence_date', h.before ->> 'occurrence_date')
      join public.meetings as m on m.meeting_id = r.meeting_id
     where h.kind = 'meeting_report' and r.published and m.published and (h.operation = 'insert' or h.after -> 'published' = 'true')
    union all
    -- a priority new on the site, or one whose stage or outcome moved
    select distinct on (p.priority_id) 'priorities', jsonb_build_object('kind', 'priority', 'title', p.title, 'stage', p.stage, 'outcome', p.outcome),
           p.beats, p.district_id, p.opened_on
      from changes as h join public.priorities as p on p.priority_id = h.item_id
     where h.kind = 'priority' and p.published
       and (h.operation = 'insert' or h.after ? 'published' or h.after ? 'stage' or h.after ? 'outcome')
    union all
    select distinct on (u.priority_id, u.position) 'priorities', jsonb_build_object('kind', 'priority_update', 'title', p.title, 'date', u.posted_on, 'stage', u.stage),
           p.beats, p.district_id, u.posted_on
      from changes as h
      join public.priority_updates as u on u.priority_id = h.item_id and u.position = coalesce(h.after ->> 'position', h.before ->> 'position')::smallint
      join public.priorities as p on p.priority_id = u.priority_id
     where h.kind = 'priority_update' and u.published and p.published and (h.operation = 'insert' or h.after -> 'published' = 'true')
  )
  select i.topic, i.item || jsonb_build_object('sort', i.sort_key),
         -- a district-wide item concerns every beat of its district
         array(select distinct b.beat_id from public.beats as b
                where b.published and (b.beat_id = any (i.beats) or b.district_id = i.district_id) order by 1)
    from items as i
$$;
revoke all on function private.alert_items(bigint[]) from public;

-- After a publish: the window's items to each confirmed subscriber whose area
-- and topics they touch, one message each, or into their digest. Set-based:
-- one statement queues every message.
create function private.compose_alerts() returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  window_ids bigint[];
  queued integer;
begin
  -- Two publishes finishing at once: one window each, never the same request twice.
  perform pg_advisory_xact_lock(hashtext('openbeat alerts'));
  with taken as (
    insert into private.alerted_publish_requests (publish_request_id)
    select r.publish_request_id from private.publish_requests as r
     where r.finished_at is not null
       and not exists (select from private.alerted_publish_requests as a where a.publish_request_id = r.publish_request_id)
    on conflict do nothing
    returning publish_request_id
  )
  select array_agg(t.publish_request_id) into window_ids from taken as t;
  -- Nobody to tell (a new site's first publish, with its whole import in the window): nothing to compose.
  if window_ids is null or not exists (select from private.alert_subscriptions as s where s.confirmed_at is not null) then
    return 0;
  end if;

  with window_items as materialized (
    select row_number() over (order by i.topic, i.item ->> 'sort', i.item ->> 'title') as item_no, i.*
      from private.alert_items(window_ids) as i
  ),
  item_areas as (
    select w.item_no, b.beat_id, b.district_id
      from window_items as w cross join unnest(w.beats) as u (beat_id) join public.beats as b on b.beat_id = u.beat_id
  ),
  -- a beat's subscribers and its district's, each by its own index
  pairs as (
    select s.subscription_id, a.item_no from item_areas as a join private.alert_subscriptions as s on s.beat_id = a.beat_id where s.confirmed_at is not null
    union
    select s.subscription_id, a.item_no from item_areas as a join private.alert_subscriptions as s on s.district_id = a.district_id where s.confirmed_at is not null
  ),
  matches as (
    select s.subscription_id, jsonb_agg(w.item || jsonb_build_object('topic', w.topic) order by w.item_no) as items
      from pairs as p
      join window_items as w using (item_no)
      join private.alert_subscriptions as s on s.subscription_id = p.subscription_id
     where w.topic = any (s.topics)
     group by s.subscription_id
  ),
  digested as (
    insert into private.alert_digest_items (subscription_id, items)
    select m.subscription_id, m.items
      from matches as m join private.alert_subscriptions as s using (subscription_id)
     where s.delivery = 'daily'
  )
  insert into private.mail_outbox (recipient, language, template, params)
  select s.email, s.language, 'alert', private.alert_params(s) || jsonb_build_object('items', m.items)
    from matches as m join private.alert_subscriptions as s using (subscription_id)
   where s.delivery = 'each_publish';
  get diagnostics queued = row_count;

  if queued > 0 then
    perform pg_notify('openbeat_mail', '');
  end if;
  return queued;
end
$$;
revoke all on function private.compose_alerts() from public;

-- When a statement finishes publish requests as published, whoever runs it
-- (the local publisher, the publish function, a CI workflow): the alerts go
-- in its transaction, so they exist exactly when the outcome is recorded.
create function private.publish_finished() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select from finished_rows as f join earlier_rows as e using (publish_request_id)
              where f.outcome = 'published' and e.finished_at is null) then
    perform private.compose_alerts();
  end if;
  return null;
end
$$;
revoke all on function private.publish_finished() from public;
create trigger publish_requests_alert after update on private.publish_requests
  referencing old table as earlier_rows new table as finished_rows
  for each statement execute function private.publish_finished();

-- One digest for each daily subscriber due one, of everything waiting for
-- them: due from alert_digest_hour in the jurisdiction's time zone, one a day
-- at most, nothing on a day without any. Hourly, from a schedule. How many it queued.
create function public.queue_alert_digests() returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  zone text := coalesce((select z.name from public.site_settings as s join pg_catalog.pg_timezone_names as z on z.name = s.time_zone limit 1), 'UTC');
  due_at timestamptz;
  queued integer;
begin
  perform pg_advisory_xact_lock(hashtext('openbeat alert digests'));
  due_at := (date_trunc('day', now() at time zone zone) + make_interval(hours => (select (s.value #>> '{}')::integer from private.settings as s where s.name = 'alert_digest_hour'))) at time zone zone;
  if due_at > now() then
    due_at := due_at - interval '1 day';
  end if;
  with due as (
    update private.alert_subscriptions as s set digest_through = now()
     where s.confirmed_at is not null and s.delivery = 'daily' and (s.digest_through is null or s.digest_through < due_at)
       and exists (select from private.alert_digest_items as d where d.subscription_id = s.subscription_id)
    returning s.subscription_id
  ),
  sent as (
    delete from private.alert_digest_items as d using due where d.subscription_id = due.subscription_id
    returning d.subscription_id, d.items, d.added_at
  ),
  gathered as (
    select x.subscription_id, jsonb_agg(i.value order by x.added_at, i.ordinality) as items
      from sent as x cross join lateral jsonb_array_elements(x.items) with ordinality as i
     group by x.subscription_id
  )
  insert into private.mail_outbox (recipient, language, template, params)
  select s.email, s.language, 'alert_digest', private.alert_params(s) || jsonb_build_object('items', g.items)
    from gathered as g join private.alert_subscriptions as s using (subscription_id);
  get diagnostics queued = row_count;
  if queued > 0 then
    perform pg_notify('openbeat_mail', '');
  end if;
  return queued;
end
$$;
comment on function public.queue_alert_digests() is
  'Queues each daily alert subscriber''s digest when due (one a day, from alert_digest_hour in the jurisdiction''s time zone): how many. Hourly, with the service-role key only.';

revoke all on function public.purge_alert_subscriptions(), public.queue_alert_digests() from public, anon, authenticated;
grant execute on function public.purge_alert_subscriptions(), public.queue_alert_digests() to service_role;
