-- Retention: what a resident wrote in a tip is kept only as long as it is
-- needed. purge_closed_tips() removes the free text of tips closed more than
-- the retention period ago (status, dates and category stay, for the counts
-- staff report). Staff or a scheduled job call it with the service-role key;
-- the public cannot. The period is a setting a deployment may change.

create table private.settings (
  name text primary key,
  value jsonb not null
);
comment on table private.settings is 'Deployment settings the database itself needs, such as tip_retention_days.';
alter table private.settings enable row level security;
revoke all on private.settings from public;

insert into private.settings (name, value) values ('tip_retention_days', '365');

alter table public.tips add column purged_at timestamptz;
comment on column public.tips.purged_at is 'When the free text was removed under the retention setting.';

create function public.purge_closed_tips()
returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  days integer := (select (s.value #>> '{}')::integer from private.settings as s where s.name = 'tip_retention_days');
  purged integer;
begin
  update public.tips as t
     set description = '(removed under the retention policy)',
         public_reply = null,
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
revoke all on function public.purge_closed_tips() from public, anon, authenticated;
grant execute on function public.purge_closed_tips() to service_role;
