-- Email: an outbox, and staff notifications that go through it.
--
-- Mail is queued in private.mail_outbox in the same transaction as what
-- causes it, so a message exists exactly when its cause committed. It holds a
-- recipient, a language, a template's name and its parameters, never a
-- resident's words or identity: the send-mail Edge Function
-- (supabase/functions/send-mail) renders the template when it sends. The
-- function, holding the service-role key, drains the outbox:
--
--   claim_mail(batch_size, lease_seconds) takes up to batch_size messages due
--   now, with FOR UPDATE SKIP LOCKED (senders running at once take different
--   messages) and a lease: a sender that dies mid-batch leaves its claims to
--   expire, and the next claim takes them again. Each claim counts an attempt.
--   mark_mail_sent(mail_ids) records messages sent.
--   mark_mail_failed(mail_id, lease, problem, permanent) gives it back with
--   exponential backoff, or gives up after mail_max_attempts attempts, or at
--   once when it can never be sent.
--
-- Queuing notifies the channel openbeat_mail when the transaction commits:
-- locally the stack's mail runner listens there (supabase/local/mailRunner.ts),
-- as pg_net calls the function on a hosted project (README, "Email").
--
-- Staff notifications: each staff member chooses, for each kind of new item
-- in their scope, immediately, a daily digest, or none. An immediate
-- notification is queued by a trigger on the item's table, in the item's own
-- transaction; a digest by queue_staff_digests(), which a schedule calls hourly. A
-- notification says what kind of item arrived, in which beat, and links to
-- the workspace: never what the resident wrote nor who they are. A new kind
-- of item is one value of public.notification_kind and one trigger line at
-- the end of this file (as for tips):
--   create trigger <table>_notify_staff after insert on public.<table>
--     for each row when (new.status = '<its first status>')
--     execute function private.notify_staff('<kind>', '<id column>');

insert into private.settings (name, value) values
  ('mail_max_attempts', '8'),
  ('mail_retention_days', '7'),
  -- the hour of the day, in the jurisdiction's time zone, from which the day's digests go
  ('staff_digest_hour', '7');

-- ---------------------------------------------------------------- the outbox

create table private.mail_outbox (
  mail_id bigint generated always as identity primary key,
  recipient text not null
    constraint mail_outbox_recipient_valid check (private.valid_email(recipient)),
  -- the portal's languages only: the templates have words for those
  language text not null
    constraint mail_outbox_language_known check (private.is_one_of(language, 'public.site_locale')),
  -- one of the send-mail function's templates (templates.ts)
  template text not null
    constraint mail_outbox_template_named check (template ~ '^[a-z][a-z0-9_]{0,62}$'),
  params jsonb not null default '{}'
    constraint mail_outbox_params_object check (jsonb_typeof(params) = 'object' and octet_length(params::text) <= 20000),
  -- RFC 8058 one-click unsubscribe, for alerts; null for staff mail
  unsubscribe_url text
    constraint mail_outbox_unsubscribe_https check (unsubscribe_url ~ '^https?://\S+$'),
  status text not null default 'queued'
    constraint mail_outbox_status_known check (status in ('queued', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- the sender holding the message, and until when
  lease uuid,
  leased_until timestamptz,
  problem text,
  queued_at timestamptz not null default now(),
  sent_at timestamptz,
  constraint mail_outbox_sent_when_sent check ((status = 'sent') = (sent_at is not null))
);
create index mail_outbox_due on private.mail_outbox (next_attempt_at, mail_id) where status = 'queued';
create index mail_outbox_finished on private.mail_outbox (queued_at) where status <> 'queued';
comment on table private.mail_outbox is
  'Email waiting to be sent, sent or given up: recipient, language, template and parameters (never a resident''s words or identity), the sender''s lease, attempts and backoff. Written in the same transaction as its cause; drained by the send-mail Edge Function.';

-- Nobody but the database's owner (the functions below) reads or writes it:
-- not the public, not staff. The service role reaches it through the functions.
alter table private.mail_outbox enable row level security;
revoke all on private.mail_outbox from public, anon, authenticated, service_role;

-- Queues one message and tells the sender when the transaction commits.
-- Other features (alerts, replies) queue their mail with it.
create function private.queue_mail(recipient text, language text, template text, params jsonb default '{}', unsubscribe_url text default null)
returns bigint
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  queued bigint;
begin
  insert into private.mail_outbox (recipient, language, template, params, unsubscribe_url)
  values (queue_mail.recipient, queue_mail.language, queue_mail.template, coalesce(queue_mail.params, '{}'), queue_mail.unsubscribe_url)
  returning mail_id into queued;
  perform pg_notify('openbeat_mail', '');
  return queued;
end
$$;
revoke all on function private.queue_mail(text, text, text, jsonb, text) from public;

create function public.claim_mail(batch_size integer default 50, lease_seconds integer default 120)
returns table (mail_id bigint, lease uuid, recipient text, language text, template text, params jsonb, unsubscribe_url text, attempts integer)
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  taken uuid := gen_random_uuid();
  most integer := (select (s.value #>> '{}')::integer from private.settings as s where s.name = 'mail_max_attempts');
begin
  if batch_size is null or batch_size not between 1 and 1000 then
    perform private.refuse('batch_size', 'claim between 1 and 1000 messages');
  end if;
  if lease_seconds is null or lease_seconds not between 5 and 3600 then
    perform private.refuse('lease_seconds', 'lease for between 5 and 3600 seconds');
  end if;
  -- A claim that lapsed on its last attempt (the sender died each time) is given up.
  update private.mail_outbox as m
     set status = 'failed', lease = null, leased_until = null, problem = 'the sender stopped before sending it, on every attempt'
   where m.status = 'queued' and m.leased_until < now() and m.attempts >= most;
  -- Sent and given-up messages are a log, kept a few days, not an archive of addresses.
  delete from private.mail_outbox as m
   where m.status <> 'queued' and m.queued_at < now() - make_interval(days => private.retention_days('mail_retention_days'));

  return query
    with due as (
      select m.mail_id from private.mail_outbox as m
       where m.status = 'queued' and m.next_attempt_at <= now() and (m.leased_until is null or m.leased_until < now())
       order by m.next_attempt_at, m.mail_id
       limit batch_size
       for update skip locked
    )
    update private.mail_outbox as m
       set lease = taken, leased_until = now() + make_interval(secs => lease_seconds), attempts = m.attempts + 1
      from due
     where m.mail_id = due.mail_id
    returning m.mail_id, m.lease, m.recipient, m.language, m.template, m.params, m.unsubscribe_url, m.attempts;
end
$$;
comment on function public.claim_mail(integer, integer) is
  'Takes up to batch_size messages due now for lease_seconds (FOR UPDATE SKIP LOCKED): the send-mail function''s, with the service-role key only.';

-- Sent is sent, whoever holds the lease now: a message that went out is
-- never marked for another try. Several at once: the sender marks what the
-- server accepted every few milliseconds, not one call a message.
create function public.mark_mail_sent(mail_ids bigint[]) returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  marked integer;
begin
  if cardinality(mail_ids) > 1000 then
    perform private.refuse('mail_ids', 'mark at most 1000 messages at once');
  end if;
  update private.mail_outbox as m
     set status = 'sent', sent_at = now(), lease = null, leased_until = null, problem = null
   where m.mail_id = any (mark_mail_sent.mail_ids) and m.status <> 'sent';
  get diagnostics marked = row_count;
  return marked;
end
$$;
comment on function public.mark_mail_sent(bigint[]) is 'Records messages sent: how many were not already. For the send-mail function, with the service-role key only.';

-- Only the sender that holds the message may give it back: one whose lease
-- lapsed, and whose message another sender took, has no say in it any more.
create function public.mark_mail_failed(mail_id bigint, lease uuid, problem text, permanent boolean default false) returns text
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  most integer := (select (s.value #>> '{}')::integer from private.settings as s where s.name = 'mail_max_attempts');
  outcome text;
begin
  update private.mail_outbox as m
     set status = case when m.attempts >= most or coalesce(mark_mail_failed.permanent, false) then 'failed' else 'queued' end,
         -- 30 s, 1 min, 2 min, ... at most an hour between attempts
         next_attempt_at = now() + least(interval '1 hour', interval '30 seconds' * power(2, greatest(m.attempts - 1, 0))),
         lease = null, leased_until = null,
         problem = left(coalesce(mark_mail_failed.problem, 'no reason given'), 1000)
   where m.mail_id = mark_mail_failed.mail_id and m.status = 'queued' and m.lease = mark_mail_failed.lease
  returning m.status into outcome;
  return outcome;
end
$$;
comment on function public.mark_mail_failed(bigint, uuid, text, boolean) is
  'Gives a claimed message back for a later attempt (exponential backoff), or gives it up after mail_max_attempts or when permanent (it can never be sent: no such template, a refused address): its new status. For the send-mail function only.';

revoke all on function public.claim_mail(integer, integer), public.mark_mail_sent(bigint[]), public.mark_mail_failed(bigint, uuid, text, boolean)
  from public, anon, authenticated;
grant execute on function public.claim_mail(integer, integer), public.mark_mail_sent(bigint[]), public.mark_mail_failed(bigint, uuid, text, boolean)
  to service_role;

-- ------------------------------------------------------ staff notifications

create type public.notification_kind as enum ('tip', 'watch_group', 'workshop_request', 'suggestion', 'reply');
comment on type public.notification_kind is 'The kinds of new item staff may be told about: one value, and one trigger calling private.notify_staff, for each.';

create type public.notification_delivery as enum ('immediately', 'daily', 'none');
comment on type public.notification_delivery is 'When a staff member hears of a new item of a kind: one email each, one digest a day, or never.';

-- A kind→delivery object with known kinds and deliveries only.
create function private.valid_deliveries(deliveries jsonb) returns boolean
language sql immutable
set search_path = ''
as $$
  select jsonb_typeof(deliveries) = 'object'
     and not exists (
       select from jsonb_each(deliveries) as d
        where not coalesce(private.is_one_of(d.key, 'public.notification_kind'), false)
           or jsonb_typeof(d.value) <> 'string'
           or not coalesce(private.is_one_of(d.value #>> '{}', 'public.notification_delivery'), false))
$$;
revoke all on function private.valid_deliveries(jsonb) from public;

create table public.staff_notification_settings (
  user_id uuid primary key references public.staff_members (user_id) on delete cascade,
  -- the language their notifications are written in
  language text not null default 'en'
    constraint staff_notification_settings_language_known check (private.is_one_of(language, 'public.site_locale')),
  -- kind → delivery; a kind not named is told in the daily digest
  deliveries jsonb not null default '{}'
    constraint staff_notification_settings_deliveries_valid check (private.valid_deliveries(deliveries)),
  -- the end of the period the last digest covered
  digest_through timestamptz,
  updated_at timestamptz not null default now()
);
comment on table public.staff_notification_settings is
  'Each staff member''s choice of email for new items in their scope: per kind, immediately, daily digest or none (daily when not chosen), and the language. Read by its owner; written through save_staff_notifications().';

alter table public.staff_notification_settings enable row level security;
revoke all on public.staff_notification_settings from anon, authenticated;
grant select on public.staff_notification_settings to authenticated;
create policy staff_notification_settings_authenticated_select on public.staff_notification_settings
  for select to authenticated using (user_id = (select auth.uid()));

-- The delivery a staff member chose for a kind, the digest when they chose none.
create function private.delivery_of(settings public.staff_notification_settings, kind text) returns text
language sql stable
set search_path = ''
as $$
  select coalesce(settings.deliveries ->> kind, 'daily')
$$;
revoke all on function private.delivery_of(public.staff_notification_settings, text) from public;

-- The caller's choices, every kind named (the workspace's settings form).
create function public.staff_notifications() returns jsonb
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  mine public.staff_notification_settings;
begin
  if staff_access.role() is null then
    raise exception using errcode = '42501', message = 'only staff receive notifications';
  end if;
  select * into mine from public.staff_notification_settings as n where n.user_id = auth.uid();
  return jsonb_build_object(
    'language', coalesce(mine.language, 'en'),
    'deliveries', (select jsonb_object_agg(k.kind, coalesce(mine.deliveries ->> k.kind, 'daily'))
                     from unnest(enum_range(null::public.notification_kind)::text[]) as k (kind)));
end
$$;

-- Saves the caller's choices: the kinds given change, the others stay.
create function public.save_staff_notifications(deliveries jsonb, language text) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  if staff_access.role() is null then
    raise exception using errcode = '42501', message = 'only staff receive notifications';
  end if;
  if save_staff_notifications.deliveries is null or not private.valid_deliveries(save_staff_notifications.deliveries) then
    perform private.refuse('deliveries', 'choose immediately, daily or none for each kind of item');
  end if;
  if not coalesce(private.is_one_of(save_staff_notifications.language, 'public.site_locale'), false) then
    perform private.refuse('language', 'choose one of the site''s languages');
  end if;
  insert into public.staff_notification_settings as n (user_id, language, deliveries)
  values (auth.uid(), save_staff_notifications.language, save_staff_notifications.deliveries)
  on conflict (user_id) do update
    set language = excluded.language, deliveries = n.deliveries || excluded.deliveries, updated_at = now();
  return public.staff_notifications();
end
$$;

revoke all on function public.staff_notifications(), public.save_staff_notifications(jsonb, text) from public, anon;
grant execute on function public.staff_notifications(), public.save_staff_notifications(jsonb, text) to authenticated;

-- New items, for the digest: the kind, the beat and when, nothing of the
-- resident's. Kept a little longer than a digest covers.
create table private.staff_arrivals (
  arrival_id bigint generated always as identity primary key,
  kind text not null,
  item_id uuid not null,
  beat text,
  arrived_at timestamptz not null default now()
);
create index staff_arrivals_arrived on private.staff_arrivals (arrived_at);
comment on table private.staff_arrivals is
  'New items residents sent, by kind, beat and time only, for the staff''s daily digests; kept eight days.';
alter table private.staff_arrivals enable row level security;
revoke all on private.staff_arrivals from public, anon, authenticated, service_role;

-- The workspace's address of an item (src/features/staff/workspace/route.ts).
create function private.workspace_link(kind text, item_id uuid) returns text
language sql immutable
set search_path = ''
as $$
  select '/staff#' || replace(kind, '_', '-') || '/' || item_id::text
$$;
revoke all on function private.workspace_link(text, uuid) from public;

-- After a new item: recorded for the digests, and one email to each active
-- staff member whose scope holds its beat and who chose "immediately" for its
-- kind. Security definer: residents' functions insert as their caller.
create function private.notify_staff() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  item_kind text := tg_argv[0];
  item jsonb := to_jsonb(new);
  new_item_id uuid := (item ->> tg_argv[1])::uuid;
  item_beat text := item ->> 'beat';
begin
  insert into private.staff_arrivals (kind, item_id, beat) values (item_kind, new_item_id, item_beat);
  insert into private.mail_outbox (recipient, language, template, params)
  select u.email, coalesce(n.language, 'en'), 'staff_new_item',
         jsonb_build_object('kind', item_kind, 'beat', item_beat, 'link', private.workspace_link(item_kind, new_item_id))
    from public.staff_members as s
    join auth.users as u on u.id = s.user_id
    left join public.staff_notification_settings as n on n.user_id = s.user_id
   where s.active and private.valid_email(u.email)
     and private.delivery_of(n, item_kind) = 'immediately'
     and private.staff_sees_beat(s.user_id, item_beat);
  if found then
    perform pg_notify('openbeat_mail', '');
  end if;
  return null;
end
$$;
revoke all on function private.notify_staff() from public;

-- One digest for each staff member due one, of the new items of the kinds
-- they chose "daily" for, in their scope, since their last: counted by kind
-- and beat. The day's digests are due from staff_digest_hour in the
-- jurisdiction's time zone; a schedule calls this every hour, and each member
-- gets one a day, at the same hour every day, whenever the calls come. Nothing
-- is sent for a day without any. Returns how many were queued.
create function public.queue_staff_digests() returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  queued integer := 0;
  member record;
  counts jsonb;
  since timestamptz;
  zone text := coalesce((select z.name from public.site_settings as s join pg_catalog.pg_timezone_names as z on z.name = s.time_zone limit 1), 'UTC');
  due_at timestamptz;
begin
  -- Two calls at once (a schedule and a hand): the second waits, then finds the digests sent.
  perform pg_advisory_xact_lock(hashtext('openbeat staff digests'));
  -- The latest time a day's digests fell due: today's hour, or yesterday's before it.
  due_at := (date_trunc('day', now() at time zone zone) + make_interval(hours => (select (s.value #>> '{}')::integer from private.settings as s where s.name = 'staff_digest_hour'))) at time zone zone;
  if due_at > now() then
    due_at := due_at - interval '1 day';
  end if;
  delete from private.staff_arrivals as a where a.arrived_at < now() - interval '8 days';
  for member in
    select s.user_id, u.email, coalesce(n.language, 'en') as language, n.digest_through, n
      from public.staff_members as s
      join auth.users as u on u.id = s.user_id
      left join public.staff_notification_settings as n on n.user_id = s.user_id
     where s.active and private.valid_email(u.email)
       and (n.digest_through is null or n.digest_through < due_at)
  loop
    since := coalesce(member.digest_through, now() - interval '1 day');
    select jsonb_agg(jsonb_build_object('kind', c.kind, 'beat', c.beat, 'count', c.count) order by c.kind, c.beat nulls first)
      into counts
      from (select a.kind, a.beat, count(*) as count
              from private.staff_arrivals as a
             where a.arrived_at > since and a.arrived_at <= now()
               and private.delivery_of(member.n, a.kind) = 'daily'
               and private.staff_sees_beat(member.user_id, a.beat)
             group by a.kind, a.beat) as c;
    if counts is not null then
      perform private.queue_mail(member.email, member.language, 'staff_digest',
        jsonb_build_object('since', since, 'until', now(), 'counts', counts, 'link', '/staff'));
      queued := queued + 1;
    end if;
    insert into public.staff_notification_settings as n (user_id, digest_through) values (member.user_id, now())
    on conflict (user_id) do update set digest_through = excluded.digest_through;
  end loop;
  return queued;
end
$$;
comment on function public.queue_staff_digests() is
  'Queues each staff member''s daily digest when one is due (one a day, from staff_digest_hour in the jurisdiction''s time zone): how many it queued. Called hourly by a schedule, with the service-role key only.';
revoke all on function public.queue_staff_digests() from public, anon, authenticated;
grant execute on function public.queue_staff_digests() to service_role;

-- Only items that arrive waiting for staff, as residents' functions write them: a group
-- loaded already approved (the demo seed, records brought over from an old system) is not news.
create trigger tips_notify_staff after insert on public.tips
  for each row when (new.status = 'received') execute function private.notify_staff('tip', 'tip_id');
create trigger watch_groups_notify_staff after insert on public.watch_groups
  for each row when (new.status = 'pending') execute function private.notify_staff('watch_group', 'watch_group_id');
create trigger workshop_requests_notify_staff after insert on public.workshop_requests
  for each row when (new.status = 'received') execute function private.notify_staff('workshop_request', 'workshop_request_id');
create trigger priority_suggestions_notify_staff after insert on public.priority_suggestions
  for each row when (new.status = 'received') execute function private.notify_staff('suggestion', 'suggestion_id');
