-- Coordinators manage who is staff: they see every account and give each a
-- role and scope, or take it away. Accounts themselves are Supabase Auth's
-- (invited from the dashboard, or the seed locally); this only links them to
-- a role. Every change of role is in the history, like every other change.

alter table public.staff_history drop constraint staff_history_kind_known;
alter table public.staff_history add constraint staff_history_kind_known
  check (kind in ('tip', 'watch_group', 'workshop_request', 'staff_member'));

create trigger staff_members_record_changes
  after insert or update on public.staff_members
  for each row execute function private.record_changes('staff_member', 'user_id', 'role', 'officer_slug', 'district', 'active');

-- Only coordinators read the history of roles.
drop policy staff_history_of_visible_items on public.staff_history;
create policy staff_history_of_visible_items on public.staff_history for select to authenticated using (
  case kind
    when 'tip' then exists (select from public.tips as t where t.tip_id = staff_history.item_id)
    when 'watch_group' then exists (select from public.watch_groups as g where g.watch_group_id = staff_history.item_id)
    when 'workshop_request' then exists (select from public.workshop_requests as w where w.workshop_request_id = staff_history.item_id)
    when 'staff_member' then staff_access.role() = 'coordinator'
  end
);

create function public.staff_directory()
returns table (user_id uuid, email text, role text, officer_slug text, district text, active boolean)
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if staff_access.role() is distinct from 'coordinator' then
    raise exception using errcode = '42501', message = 'only coordinators manage staff';
  end if;
  return query
    select u.id, u.email::text, s.role, s.officer_slug, s.district, coalesce(s.active, false)
      from auth.users as u left join public.staff_members as s on s.user_id = u.id
     order by s.role nulls last, u.email;
end
$$;

create function public.set_staff_role(
  email text,
  role text,
  officer_slug text default null,
  district text default null,
  active boolean default true
)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  account uuid;
begin
  if staff_access.role() is distinct from 'coordinator' then
    raise exception using errcode = '42501', message = 'only coordinators manage staff';
  end if;
  select u.id into account from auth.users as u where lower(u.email) = lower(btrim(set_staff_role.email));
  if not found then
    perform staff_access.refuse('email', 'no account has this email: invite the person first');
  end if;
  if set_staff_role.role not in ('officer', 'supervisor', 'coordinator') then
    perform staff_access.refuse('role', 'choose officer, supervisor or coordinator');
  end if;
  if set_staff_role.role = 'officer' and coalesce(set_staff_role.officer_slug, '') !~ '^[a-z0-9][a-z0-9-]*$' then
    perform staff_access.refuse('officer_slug', 'choose the officer profile this account belongs to');
  end if;
  if set_staff_role.role = 'supervisor' and nullif(btrim(set_staff_role.district), '') is null then
    perform staff_access.refuse('district', 'choose the district this supervisor supervises');
  end if;
  -- A jurisdiction must never lose its last coordinator: nobody could manage staff again.
  if account = auth.uid() and (set_staff_role.role <> 'coordinator' or not set_staff_role.active)
     and not exists (select from public.staff_members as s where s.role = 'coordinator' and s.active and s.user_id <> account) then
    perform staff_access.refuse('role', 'you are the only coordinator: make someone else coordinator first');
  end if;

  insert into public.staff_members as s (user_id, role, officer_slug, district, active)
  values (account, set_staff_role.role, nullif(set_staff_role.officer_slug, ''), nullif(btrim(set_staff_role.district), ''), set_staff_role.active)
  on conflict (user_id) do update
    set role = excluded.role, officer_slug = excluded.officer_slug, district = excluded.district, active = excluded.active;
end
$$;

revoke all on function public.staff_directory(), public.set_staff_role(text, text, text, text, boolean) from public, anon;
grant execute on function public.staff_directory(), public.set_staff_role(text, text, text, text, boolean) to authenticated;
