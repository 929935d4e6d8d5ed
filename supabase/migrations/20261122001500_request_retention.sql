-- Retention for what businesses and watch-group people give us, as tips
-- already have it: kept only as long as it is needed. purge_finished_requests()
-- removes the contact details and notes of workshop requests declined or
-- completed more than the retention period ago (workshop, business, address,
-- beat, dates and status stay, for the counts staff report and for the
-- business's receipt lookup), and deletes the captain and members of watch
-- groups declined more than the period ago (the group row stays, so its
-- receipt still answers). Approved groups keep their people: they are active.
-- Staff or a scheduled job call it with the service-role key; the public and
-- staff's own sign-in cannot.
--
-- The purge changes nothing staff or the business are shown as a decision:
-- it sets no status, confirmed time or reason, so workshop_requests_stamp_status
-- (before update of those columns) does not fire and status_changed_at keeps
-- the date of the decision, and private.record_changes (which records status,
-- confirmed_at and decline_reason) writes no history row. watch_members has no
-- trigger and no history. purged_at says when and why the details went.

-- How long the contact details of a finished workshop request and the people
-- of a declined watch group are kept after the decision, in days.
insert into private.settings (name, value) values ('request_retention_days', '365');
comment on table private.settings is
  'Deployment settings the database itself needs: tip_retention_days (closed tips) and request_retention_days (finished workshop requests, declined watch groups), in days.';

alter table public.workshop_requests add column purged_at timestamptz;
comment on column public.workshop_requests.purged_at is
  'When the contact details and notes were removed under request_retention_days; null while they are kept.';
-- Staff see why a request has no one to contact, as they do for tips.
grant select (purged_at) on public.workshop_requests to authenticated;

-- A purged request has no email and no phone; every other request still needs one.
alter table public.workshop_requests drop constraint workshop_requests_reachable;
alter table public.workshop_requests add constraint workshop_requests_reachable
  check (purged_at is not null or contact_email is not null or contact_phone is not null);

create function public.purge_finished_requests()
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  days integer := (select (s.value #>> '{}')::integer from private.settings as s where s.name = 'request_retention_days');
  requests integer;
  members integer;
begin
  -- Without a period nothing would ever be purged, silently: a scheduled job should fail instead.
  if days is null then
    raise exception using errcode = '22023', message = 'private.settings has no request_retention_days';
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

comment on function public.purge_finished_requests() is
  'Removes the contact details and notes of workshop requests declined or completed, and the captains and members of watch groups declined, longer ago than private.settings request_retention_days; returns {workshop_requests, watch_members} counts. For staff tools and scheduled jobs with the service-role key only.';
revoke all on function public.purge_finished_requests() from public, anon, authenticated;
grant execute on function public.purge_finished_requests() to service_role;
