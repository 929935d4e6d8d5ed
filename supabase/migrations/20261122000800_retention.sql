-- Retention: what residents and businesses give us is kept only as long as it
-- is needed. Staff or a scheduled job call these with the service-role key;
-- the public and staff's own sign-in cannot. The periods are settings a
-- deployment may change.
--
-- purge_closed_tips() removes everything a resident wrote or gave in a tip
-- closed more than tip_retention_days ago (status, dates and category stay,
-- for the counts staff report).
--
-- purge_finished_suggestions() removes what a resident wrote in a priority
-- suggestion, and the reply, once it was answered, adopted or closed more than
-- tip_retention_days ago (beat, dates, status and the priority it became stay:
-- the priority itself is public and never held the resident's words).
--
-- purge_finished_requests() removes the contact details and notes of
-- workshop requests declined or completed more than request_retention_days
-- ago (workshop, business, address, beat, dates and status stay, for the
-- counts staff report and for the business's receipt lookup), and deletes the
-- captain and members of watch groups declined more than the period ago (the
-- group row stays, so its receipt still answers). Approved groups keep their
-- people: they are active.
--
-- A purge changes nothing staff or the business are shown as a decision: it
-- sets no status, confirmed time or reason, so the stamp_status triggers
-- (before update of those columns) do not fire and status_changed_at keeps
-- the date of the decision, and private.record_changes writes no history row
-- (a tip's public reply, which it records, is the one exception). watch_members
-- has no trigger and no history. purged_at says when and why the details went.

create table private.settings (
  name text primary key,
  value jsonb not null
);
comment on table private.settings is
  'Deployment settings the database itself needs: tip_retention_days (closed tips) and request_retention_days (finished workshop requests, declined watch groups), in days.';
alter table private.settings enable row level security;
revoke all on private.settings from public;

insert into private.settings (name, value) values
  ('tip_retention_days', '365'),
  ('request_retention_days', '365');

create function private.retention_days(setting text) returns integer
language sql stable
set search_path = ''
as $$
  select (s.value #>> '{}')::integer from private.settings as s where s.name = setting
$$;
revoke all on function private.retention_days(text) from public;

create function public.purge_closed_tips()
returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  days integer := private.retention_days('tip_retention_days');
  purged integer;
begin
  update public.tips as t
     set description = '(removed under the retention policy)',
         public_reply = null,
         place = null,
         latitude = null,
         longitude = null,
         vehicle_description = null,
         person_description = null,
         contact_name = null,
         contact_email = null,
         contact_phone = null,
         contact_language = null,
         purged_at = now()
   where t.status = 'closed'
     and t.purged_at is null
     and t.status_changed_at < now() - make_interval(days => days);
  get diagnostics purged = row_count;
  return purged;
end
$$;

comment on function public.purge_closed_tips() is
  'Removes the free text of tips closed longer ago than private.settings tip_retention_days; returns how many. For staff and scheduled jobs only.';

create function public.purge_finished_requests()
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  days integer := private.retention_days('request_retention_days');
  requests integer;
  members integer;
begin
  -- Without a period nothing would ever be purged, silently: a scheduled job should fail instead.
  if days is null then
    perform private.refuse('request_retention_days', 'private.settings has no request_retention_days');
  end if;

  update public.workshop_requests as w
     set contact_name = '(removed under the retention policy)',
         contact_email = null,
         contact_phone = null,
         contact_language = null,
         notes = null,
         purged_at = now()
   where w.status in ('declined', 'completed')
     and w.purged_at is null
     and w.status_changed_at < now() - make_interval(days => days);
  get diagnostics requests = row_count;

  delete from public.watch_members as m
   using public.watch_groups as g
   where g.watch_group_id = m.watch_group_id
     and g.status = 'declined'
     and g.status_changed_at < now() - make_interval(days => days);
  get diagnostics members = row_count;

  return jsonb_build_object('workshop_requests', requests, 'watch_members', members);
end
$$;

create function public.purge_finished_suggestions()
returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  days integer := private.retention_days('tip_retention_days');
  purged integer;
begin
  update public.priority_suggestions as s
     set problem = '(removed under the retention policy)',
         public_reply = null,
         purged_at = now()
   where s.status <> 'received'
     and s.purged_at is null
     and s.status_changed_at < now() - make_interval(days => days);
  get diagnostics purged = row_count;
  return purged;
end
$$;

comment on function public.purge_finished_suggestions() is
  'Removes the text and reply of priority suggestions answered, adopted or closed longer ago than private.settings tip_retention_days; returns how many. For staff tools and scheduled jobs with the service-role key only.';

comment on function public.purge_finished_requests() is
  'Removes the contact details and notes of workshop requests declined or completed, and the captains and members of watch groups declined, longer ago than private.settings request_retention_days; returns {workshop_requests, watch_members} counts. For staff tools and scheduled jobs with the service-role key only.';

revoke all on function public.purge_closed_tips(), public.purge_finished_suggestions(), public.purge_finished_requests() from public, anon, authenticated;
grant execute on function public.purge_closed_tips(), public.purge_finished_suggestions(), public.purge_finished_requests() to service_role;
