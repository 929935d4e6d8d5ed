-- Who on staff may read and change what residents sent. Staff sign in with
-- Supabase Auth and reach the tables as `authenticated`; row-level security
-- scopes each of them by beat:
--   officer      the beats they serve (their officer profile's beats, by slug)
--   supervisor   every beat of their district
--   coordinator  everything, including items with no beat
-- A signed-in account without a staff role sees nothing. Beats and officers
-- are content files, so the beat → district and officer → beats facts the
-- policies need are kept here as a copy of them, written from the content
-- (`openbeat staff-scope`, and the seed locally).

create type public.staff_role as enum ('officer', 'supervisor', 'coordinator');
comment on type public.staff_role is 'What a staff account may see and do: its beats, its district, or everything and who is staff.';

create table public.jurisdiction_beats (
  beat text primary key,
  district text not null
);
comment on table public.jurisdiction_beats is 'Each beat''s district, as in the content files; what a supervisor''s scope is made of.';

create table public.officer_beats (
  officer_slug text not null,
  beat text not null,
  primary key (officer_slug, beat)
);
comment on table public.officer_beats is 'The beats each officer profile serves, as in the content files; what an officer''s scope is made of.';

create table public.staff_members (
  user_id uuid primary key references auth.users (id) on delete cascade,
  role text not null
    constraint staff_members_role_known check (private.is_one_of(role, 'public.staff_role')),
  -- the officer profile (src/content/officers/<slug>.json) this account belongs to
  officer_slug text,
  -- the district a supervisor supervises
  district text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  constraint staff_members_officer_has_profile check (role <> 'officer' or officer_slug is not null),
  constraint staff_members_supervisor_has_district check (role <> 'supervisor' or district is not null)
);
comment on table public.staff_members is 'Staff accounts'' roles and scopes. Managed by coordinators (with the staff workspace) or the service role.';

alter table public.jurisdiction_beats enable row level security;
alter table public.officer_beats enable row level security;
alter table public.staff_members enable row level security;
revoke all on public.jurisdiction_beats, public.officer_beats, public.staff_members from anon, authenticated;

-- Policies call these as the signed-in user, so they live in a schema of
-- their own that `authenticated` may use, holding nothing else. They are
-- security definer to read the scope tables, which nobody reads directly.
create schema staff_access;
revoke all on schema staff_access from public;
grant usage on schema staff_access to authenticated;

create function staff_access.role() returns text
language sql stable
security definer
set search_path = ''
as $$
  select s.role from public.staff_members as s where s.user_id = auth.uid() and s.active
$$;

create function staff_access.sees_beat(beat text) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((
    select case s.role
             when 'coordinator' then true
             when 'supervisor' then exists (
               select from public.jurisdiction_beats as b where b.beat = sees_beat.beat and b.district = s.district)
             when 'officer' then exists (
               select from public.officer_beats as o where o.officer_slug = s.officer_slug and o.beat = sees_beat.beat)
           end
      from public.staff_members as s
     where s.user_id = auth.uid() and s.active
  ), false)
$$;

revoke all on function staff_access.role(), staff_access.sees_beat(text) from public;
grant execute on function staff_access.role(), staff_access.sees_beat(text) to authenticated;

-- Check constraints run as whoever writes the row: the service role managing
-- staff accounts needs the checks' functions. All of them are pure functions
-- of their arguments. Staff write only through their functions, which run as
-- their owner: they need nothing in `private`.
grant execute on function private.is_one_of(text, regtype), private.valid_content_id(text, integer), private.valid_officer_slug(text),
  private.valid_email(text), private.valid_phone(text), private.valid_language(text), private.distinct_instants(timestamptz[])
  to service_role;

-- Tips: staff read everything a resident gave except the receipt's and the
-- retry key's hashes. Staff hold no write grant on any item: they change one
-- only through their functions (staff workspace), which check the scope.
grant select (tip_id, category, description, beat, occurred_at, ongoing, place, latitude, longitude, vehicle_description, person_description,
              contact_name, contact_email, contact_phone, contact_language, status, status_changed_at, public_reply, assigned_to, duplicate_of,
              created_at, purged_at)
  on public.tips to authenticated;
create policy tips_staff_read on public.tips for select to authenticated using (staff_access.sees_beat(beat));

-- Watch groups and their members: a group's beat decides who sees both.
grant select (watch_group_id, name, beat, area, meeting_preference, meeting_note, expected_members, status, status_changed_at, approved_at,
              public_note, created_at)
  on public.watch_groups to authenticated;
create policy watch_groups_staff_read on public.watch_groups for select to authenticated using (staff_access.sees_beat(beat));

grant select (member_id, watch_group_id, role, name, email, phone, block, created_at) on public.watch_members to authenticated;
create policy watch_members_staff_read on public.watch_members for select to authenticated
  using (exists (select from public.watch_groups as g where g.watch_group_id = watch_members.watch_group_id));

-- Workshop requests: by the beat of the business's address. Staff see why a
-- request has no one to contact (purged_at), as they do for tips.
grant select (workshop_request_id, workshop, business_name, address, beat, latitude, longitude, contact_name, contact_email, contact_phone, contact_language,
              attendees, preferred_times, notes, status, confirmed_at, decline_reason, status_changed_at, created_at, purged_at)
  on public.workshop_requests to authenticated;
create policy workshop_requests_staff_read on public.workshop_requests for select to authenticated using (staff_access.sees_beat(beat));

-- Each staff member may read their own role, so the workspace knows what to offer.
grant select on public.staff_members to authenticated;
create policy staff_members_own on public.staff_members for select to authenticated using (user_id = auth.uid());
