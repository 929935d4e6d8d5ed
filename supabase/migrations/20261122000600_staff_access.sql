-- Who on staff may read and change what residents sent. Staff sign in with
-- Supabase Auth and reach the tables as `authenticated`; row-level security
-- scopes each of them by beat:
--   officer      the beats they serve (their officer profile's beats, by slug)
--   supervisor   every beat of their district
--   coordinator  everything, including items with no beat
-- A signed-in account without a staff role sees nothing. The scope is read
-- from the content tables themselves (public.beats: each beat's district;
-- public.officers: each profile's beats and district), which is why the
-- content migration comes before this one. Staff also read the content's
-- drafts, at the end of this file.

create type public.staff_role as enum ('officer', 'supervisor', 'coordinator');
comment on type public.staff_role is 'What a staff account may see and do: its beats, its district, or everything and who is staff.';

create table public.staff_members (
  user_id uuid primary key references auth.users (id) on delete cascade,
  role text not null
    constraint staff_members_role_known check (private.is_one_of(role, 'public.staff_role')),
  -- the officer profile (public.officers.officer_id) this account belongs to
  officer_slug text,
  -- the district a supervisor supervises
  district text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  constraint staff_members_officer_has_profile check (role <> 'officer' or officer_slug is not null),
  constraint staff_members_supervisor_has_district check (role <> 'supervisor' or district is not null)
);
comment on table public.staff_members is 'Staff accounts'' roles and scopes. Managed by coordinators (with the staff workspace) or the service role.';

alter table public.staff_members enable row level security;
revoke all on public.staff_members from anon, authenticated;

-- Policies call these as the signed-in user, so they live in a schema of
-- their own that `authenticated` may use, holding nothing else. They are
-- security definer so that they read staff_members and the content whole,
-- whatever the caller's own policies on those tables let it see.
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

-- Whether a staff account's scope holds a beat (for any account, so that a
-- trigger can ask it of each staff member): a supervisor's holds
-- every beat of their district, an officer's the beats their profile lists
-- and, when the profile names a district, every beat of it (an officer who
-- serves a district serves each of its beats). A beat the profile lists
-- counts even before a row of public.beats names it, as it did when the
-- scope was a copy written from the files.
--
-- Drafts count: the scope follows the rows whatever their published flag. It
-- says who may act on what residents sent, not what residents see, so a beat
-- or a profile not yet (or no longer) on the public site still gives its
-- staff their items; unpublishing a page must not leave a beat's tips unread.
create function private.staff_sees_beat(user_id uuid, beat text) returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce((
    select case s.role
             when 'coordinator' then true
             when 'supervisor' then exists (
               select from public.beats as b where b.beat_id = staff_sees_beat.beat and b.district_id = s.district)
             when 'officer' then exists (
               select from public.officers as o
                where o.officer_id = s.officer_slug
                  and (staff_sees_beat.beat = any (o.beats)
                       or exists (select from public.beats as b where b.beat_id = staff_sees_beat.beat and b.district_id = o.district_id)))
           end
      from public.staff_members as s
     where s.user_id = staff_sees_beat.user_id and s.active
  ), false)
$$;
revoke all on function private.staff_sees_beat(uuid, text) from public;

-- The rule above for the signed-in account: what RLS policies and the staff's functions ask.
create function staff_access.sees_beat(beat text) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select private.staff_sees_beat(auth.uid(), sees_beat.beat)
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

-- Residents' priority suggestions: by their beat, as tips; never the receipt's or retry key's hashes.
grant select (suggestion_id, beat, problem, status, status_changed_at, public_reply, priority_id, created_at, purged_at)
  on public.priority_suggestions to authenticated;
create policy priority_suggestions_staff_read on public.priority_suggestions for select to authenticated
  using (staff_access.sees_beat(beat));

-- Each staff member may read their own role, so the workspace knows what to offer.
grant select on public.staff_members to authenticated;
create policy staff_members_own on public.staff_members for select to authenticated using (user_id = auth.uid());

-- The content (20261122000150_content.sql): staff read drafts too, whatever
-- their scope, since the workspace edits them before they are published.
create policy site_settings_staff_read on public.site_settings for select to authenticated
  using (published or (select staff_access.role()) is not null);
create policy districts_staff_read on public.districts for select to authenticated
  using (published or (select staff_access.role()) is not null);
create policy beats_staff_read on public.beats for select to authenticated
  using (published or (select staff_access.role()) is not null);
create policy officers_staff_read on public.officers for select to authenticated
  using (published or (select staff_access.role()) is not null);
create policy meetings_staff_read on public.meetings for select to authenticated
  using (published or (select staff_access.role()) is not null);
create policy meeting_exceptions_staff_read on public.meeting_exceptions for select to authenticated
  using (
    (published and exists (select from public.meetings as m where m.meeting_id = meeting_exceptions.meeting_id and m.published))
    or (select staff_access.role()) is not null
  );
create policy workshops_staff_read on public.workshops for select to authenticated
  using (published or (select staff_access.role()) is not null);
create policy priorities_staff_read on public.priorities for select to authenticated
  using (published or (select staff_access.role()) is not null);
create policy priority_updates_staff_read on public.priority_updates for select to authenticated
  using (
    (published and exists (select from public.priorities as p where p.priority_id = priority_updates.priority_id and p.published))
    or (select staff_access.role()) is not null
  );
create policy meeting_reports_staff_read on public.meeting_reports for select to authenticated
  using (
    (published and exists (select from public.meetings as m where m.meeting_id = meeting_reports.meeting_id and m.published))
    or (select staff_access.role()) is not null
  );
-- Staff see how many residents back each priority, drafts' too.
create policy priority_support_staff_read on public.priority_support for select to authenticated
  using ((select staff_access.role()) is not null
         or exists (select from public.priorities as p where p.priority_id = priority_support.priority_id and p.published));
