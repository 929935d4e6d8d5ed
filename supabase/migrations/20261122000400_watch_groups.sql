-- Neighbourhood watch groups. A resident registers a group through
-- register_watch_group() (pending until staff approve it) and gets a receipt
-- code to follow it with watch_group_status(); a resident joins an approved
-- group through join_watch_group(). watch_groups holds only what the public
-- may see of a group (its name, beat and area) and its review; who captains or
-- belongs to it is kept in watch_members, so that the public view of approved
-- groups (approved_watch_groups: name, beat, area) can never show a person.
-- The same rules are in src/features/watch/watch.schema.ts, and
-- tests/db/watchRules.test.ts proves the two agree. Staff's grants and
-- policies come with staff access.

create type public.watch_group_status as enum ('pending', 'approved', 'changes_requested', 'declined', 'retired');
comment on type public.watch_group_status is 'Where a watch group''s registration stands; only approved groups are public.';

create type public.meeting_preference as enum ('weekday_evenings', 'weekends', 'online', 'no_preference');
comment on type public.meeting_preference is 'When a watch group prefers to meet; src/features/watch/watch.schema.ts offers the same list.';

create type public.watch_member_role as enum ('captain', 'member');
comment on type public.watch_member_role is 'A watch group has one captain, who registered it, and the members who joined it.';

create table public.watch_groups (
  watch_group_id uuid primary key default gen_random_uuid(),
  name text not null
    constraint watch_groups_name_length check (char_length(name) between 3 and 120),
  -- a beat id from the jurisdiction's content files, which live outside the database
  beat text not null
    constraint watch_groups_beat_format check (private.valid_content_id(beat, 40)),
  -- a GeoJSON Polygon or MultiPolygon in WGS 84
  area jsonb not null
    constraint watch_groups_area_geojson check (area ->> 'type' in ('Polygon', 'MultiPolygon') and jsonb_typeof(area -> 'coordinates') = 'array'),
  -- What a registration says besides its name, beat and area. Groups that were
  -- not registered here (the demo seed, groups staff enter) have none of it, so
  -- these are nullable and watch_groups_registration_complete holds registrations to it.
  meeting_preference text
    constraint watch_groups_meeting_preference_known check (private.is_one_of(meeting_preference, 'public.meeting_preference')),
  meeting_note text
    constraint watch_groups_meeting_note_length check (char_length(meeting_note) between 1 and 500),
  expected_members integer
    constraint watch_groups_expected_members_range check (expected_members between 2 and 500),
  status text not null default 'pending'
    constraint watch_groups_status_known check (private.is_one_of(status, 'public.watch_group_status')),
  status_changed_at timestamptz not null default now(),
  approved_at timestamptz,
  public_note text
    constraint watch_groups_public_note_length check (char_length(public_note) between 1 and 2000),
  -- sha-256 of the normalised receipt code; the code itself is never stored
  receipt_hash bytea unique,
  -- sha-256 of the client's idempotency key, so a retry finds its first registration
  idempotency_hash bytea unique,
  -- the receipt sealed with the idempotency key, so only that retry can read it again
  receipt_sealed bytea,
  created_at timestamptz not null default now(),
  constraint watch_groups_approved_when check ((status = 'approved') = (approved_at is not null) or status = 'retired'),
  constraint watch_groups_registration_complete check (
    (receipt_hash is null and idempotency_hash is null and receipt_sealed is null)
    or (receipt_hash is not null and idempotency_hash is not null and receipt_sealed is not null
        and meeting_preference is not null and expected_members is not null)
  )
);
-- the site's ceiling on new registrations counts the last hour's (private.check_ceiling)
create index watch_groups_created_at on public.watch_groups (created_at);

comment on table public.watch_groups is
  'Neighbourhood watch groups: name, beat, area and review status only. Members and captains are never stored here. Staff read and approve them; the public sees approved groups through a view.';
comment on column public.watch_groups.public_note is 'What staff chose to tell the group''s captain; shown to whoever holds the receipt code.';
comment on column public.watch_groups.status_changed_at is 'When the status last changed: the "last updated" date a receipt lookup shows.';

alter table public.watch_groups enable row level security;
-- Supabase grants the API roles everything on new tables; nobody gets anything directly.
revoke all on table public.watch_groups from anon, authenticated;

-- The date the captain sees as "last updated" moves with every change of status.
create trigger watch_groups_stamp_status
  before update of status on public.watch_groups
  for each row execute function private.stamp_status_change('status');

create table public.watch_members (
  member_id uuid primary key default gen_random_uuid(),
  watch_group_id uuid not null references public.watch_groups (watch_group_id) on delete cascade,
  role text not null
    constraint watch_members_role_known check (private.is_one_of(role, 'public.watch_member_role')),
  name text not null
    constraint watch_members_name_length check (char_length(name) between 1 and 120),
  -- checked in full by the functions that add members (private.valid_email, valid_phone)
  email text not null
    constraint watch_members_email_length check (char_length(email) between 3 and 254),
  phone text
    constraint watch_members_phone_length check (char_length(phone) between 7 and 30),
  -- where a member lives, as they say it ("1200 block of Elm St"); a captain's area is the group's
  block text
    constraint watch_members_block_length check (char_length(block) between 3 and 120),
  created_at timestamptz not null default now(),
  -- sha-256 of a join's idempotency key; a captain arrives with the group's own key
  idempotency_hash bytea unique,
  constraint watch_members_captain_reachable check (role <> 'captain' or phone is not null),
  constraint watch_members_member_joined check (role <> 'member' or (block is not null and idempotency_hash is not null))
);
create index watch_members_created_at on public.watch_members (created_at);

-- One captain a group, and one membership per email address in a group.
create unique index watch_members_one_captain on public.watch_members (watch_group_id) where role = 'captain';
create unique index watch_members_one_membership on public.watch_members (watch_group_id, lower(email)) where role = 'member';

comment on table public.watch_members is
  'Who captains or belongs to each neighbourhood watch group, with how to reach them. Never public: read only by staff (policies come with the staff workspace); residents use register_watch_group() and join_watch_group().';

alter table public.watch_members enable row level security;
-- Supabase grants the API roles everything on new tables; residents get nothing directly.
revoke all on table public.watch_members from anon, authenticated;

-- The public face of watch groups: what the portal shows of an approved group
-- (its name, beat and area), for beat pages and the watch map. A security
-- definer function rather than a grant on the table, so the API roles still
-- cannot read watch_groups itself, and nothing else ever leaks.
create function public.approved_watch_groups()
returns table (watch_group_id uuid, name text, beat text, area jsonb)
language sql stable
security definer
set search_path = ''
as $$
  select g.watch_group_id, g.name, g.beat, g.area
    from public.watch_groups as g
   where g.status = 'approved'
   order by g.beat, g.name
$$;

comment on function public.approved_watch_groups() is
  'Approved neighbourhood watch groups: name, beat and area only. Pending, declined and retired groups are never returned.';
revoke all on function public.approved_watch_groups() from public;
grant execute on function public.approved_watch_groups() to anon, authenticated;

-- A watch area as the form sends it: a GeoJSON Polygon or MultiPolygon in WGS 84,
-- every ring closed and at least four positions long, every position a [lon, lat]
-- in range, and no more than 500 positions in all (a few streets' worth, drawn or
-- chosen; more would only be a burden on every page that draws it).
create function private.valid_watch_area(area jsonb) returns boolean
language plpgsql immutable
set search_path = ''
as $$
declare
  polygons jsonb;
  polygon jsonb;
  ring jsonb;
  corner jsonb;
  positions integer := 0;
begin
  if jsonb_typeof(area) is distinct from 'object' or jsonb_typeof(area -> 'coordinates') is distinct from 'array' then
    return false;
  end if;
  polygons := case area ->> 'type'
    when 'Polygon' then jsonb_build_array(area -> 'coordinates')
    when 'MultiPolygon' then area -> 'coordinates'
  end;
  if polygons is null or jsonb_array_length(polygons) = 0 then
    return false;
  end if;
  for polygon in select value from jsonb_array_elements(polygons) loop
    if jsonb_typeof(polygon) <> 'array' or jsonb_array_length(polygon) = 0 then
      return false;
    end if;
    for ring in select value from jsonb_array_elements(polygon) loop
      if jsonb_typeof(ring) <> 'array' or jsonb_array_length(ring) < 4 or ring -> 0 <> ring -> -1 then
        return false;
      end if;
      for corner in select value from jsonb_array_elements(ring) loop
        if jsonb_typeof(corner) <> 'array' or jsonb_array_length(corner) <> 2
           or jsonb_typeof(corner -> 0) <> 'number' or jsonb_typeof(corner -> 1) <> 'number'
           or (corner ->> 0)::numeric not between -180 and 180
           or (corner ->> 1)::numeric not between -90 and 90 then
          return false;
        end if;
        positions := positions + 1;
        if positions > 500 then
          return false;
        end if;
      end loop;
    end loop;
  end loop;
  return true;
end
$$;

revoke all on function private.valid_watch_area(jsonb) from public;

-- register_watch_group: checks each field in the order of the form's fields,
-- stores the group (pending) and its captain, and returns the receipt code once.
create function public.register_watch_group(
  name text,
  area jsonb,
  beat text,
  captain_name text,
  captain_email text,
  captain_phone text,
  meeting_preference text,
  expected_members integer,
  idempotency_key uuid,
  meeting_note text default null,
  proof jsonb default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  clean_name text := private.trimmed(register_watch_group.name);
  clean_captain_name text := private.trimmed(register_watch_group.captain_name);
  clean_email text := private.trimmed(register_watch_group.captain_email);
  clean_phone text := private.trimmed(register_watch_group.captain_phone);
  clean_note text := private.trimmed(register_watch_group.meeting_note);
  receipt text := private.open_submission('public.watch_groups', register_watch_group.idempotency_key);
  new_group uuid;
begin
  if receipt is not null then
    return jsonb_build_object('receipt', receipt);
  end if;

  if clean_name is null or char_length(clean_name) not between 3 and 120 then
    perform private.refuse('name', 'give the group a name of 3 to 120 characters');
  end if;
  if not coalesce(private.valid_watch_area(register_watch_group.area), false) then
    perform private.refuse('area', 'choose the streets the group covers, or draw its area with at most 500 corners');
  end if;
  -- The form derives a real beat; here, the form of an id.
  if not coalesce(private.valid_content_id(register_watch_group.beat, 40), false) then
    perform private.refuse('beat', 'the area must lie in one of the beats');
  end if;
  if clean_captain_name is null or char_length(clean_captain_name) > 120 then
    perform private.refuse('captain_name', 'give the captain''s name, up to 120 characters');
  end if;
  if not coalesce(private.valid_email(clean_email), false) then
    perform private.refuse('captain_email', 'give the captain''s email address, like name@example.org');
  end if;
  if not coalesce(private.valid_phone(clean_phone), false) then
    perform private.refuse('captain_phone', 'give the captain''s phone number, 7 to 15 digits');
  end if;
  if not coalesce(private.is_one_of(register_watch_group.meeting_preference, 'public.meeting_preference'), false) then
    perform private.refuse('meeting_preference', 'choose when the group prefers to meet');
  end if;
  if char_length(clean_note) > 500 then
    perform private.refuse('meeting_note', 'keep the note about meetings under 500 characters');
  end if;
  if register_watch_group.expected_members is null or register_watch_group.expected_members not between 2 and 500 then
    perform private.refuse('expected_members', 'give the number of members you expect, from 2 to 500');
  end if;

  perform private.admit_submission('register_watch_group', 'public.watch_groups', register_watch_group.idempotency_key, register_watch_group.proof);
  receipt := private.new_receipt_code();
  insert into public.watch_groups (
    name, beat, area, meeting_preference, meeting_note, expected_members, receipt_hash, idempotency_hash, receipt_sealed
  )
  values (
    clean_name,
    register_watch_group.beat,
    -- Only what a watch area is: nothing else a caller put in the object is kept or ever published.
    jsonb_build_object('type', register_watch_group.area -> 'type', 'coordinates', register_watch_group.area -> 'coordinates'),
    register_watch_group.meeting_preference,
    clean_note,
    register_watch_group.expected_members,
    private.receipt_hash(receipt),
    private.key_hash(register_watch_group.idempotency_key),
    private.seal_receipt(receipt, register_watch_group.idempotency_key)
  )
  -- two retries racing each other: the loser stores nothing and returns the winner's receipt
  on conflict (idempotency_hash) do nothing
  returning watch_group_id into new_group;
  if new_group is null then
    return jsonb_build_object('receipt', private.first_receipt('public.watch_groups', register_watch_group.idempotency_key));
  end if;

  insert into public.watch_members (watch_group_id, role, name, email, phone)
  values (new_group, 'captain', clean_captain_name, clean_email, clean_phone);
  return jsonb_build_object('receipt', receipt);
end
$$;

comment on function public.register_watch_group(text, jsonb, text, text, text, text, text, integer, uuid, text, jsonb) is
  'Registers a neighbourhood watch group for review and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';
revoke all on function public.register_watch_group(text, jsonb, text, text, text, text, text, integer, uuid, text, jsonb) from public;
grant execute on function public.register_watch_group(text, jsonb, text, text, text, text, text, integer, uuid, text, jsonb) to anon, authenticated;

-- join_watch_group: a resident joins an approved group. Joining twice, with the
-- same key or the same email address, keeps one membership and answers the same,
-- so the answer never tells anyone who else has joined. A join has no receipt:
-- its retry finds the membership the key made.
create function public.join_watch_group(
  watch_group_id uuid,
  name text,
  email text,
  block text,
  idempotency_key uuid,
  proof jsonb default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  clean_name text := private.trimmed(join_watch_group.name);
  clean_email text := private.trimmed(join_watch_group.email);
  clean_block text := private.trimmed(join_watch_group.block);
  key_hash bytea := private.key_hash(join_watch_group.idempotency_key);
begin
  if join_watch_group.idempotency_key is null then
    perform private.refuse('idempotency_key', 'idempotency_key is required');
  end if;
  if exists (select from public.watch_members as m where m.idempotency_hash = key_hash) then
    return jsonb_build_object('joined', true);
  end if;

  -- Only approved groups take members; a pending or unknown one looks the same from here.
  if not exists (
    select from public.watch_groups as g where g.watch_group_id = join_watch_group.watch_group_id and g.status = 'approved'
  ) then
    perform private.refuse('watch_group_id', 'choose one of the listed groups');
  end if;
  if clean_name is null or char_length(clean_name) > 120 then
    perform private.refuse('name', 'give your name, up to 120 characters');
  end if;
  if not coalesce(private.valid_email(clean_email), false) then
    perform private.refuse('email', 'give your email address, like name@example.org');
  end if;
  if clean_block is null or char_length(clean_block) not between 3 and 120 then
    perform private.refuse('block', 'say which block you live on, in 3 to 120 characters');
  end if;
  perform private.admit_submission('join_watch_group', 'public.watch_members', join_watch_group.idempotency_key, join_watch_group.proof);

  insert into public.watch_members (watch_group_id, role, name, email, block, idempotency_hash)
  values (join_watch_group.watch_group_id, 'member', clean_name, clean_email, clean_block, key_hash)
  -- the same key racing itself, or an address already in the group: one membership either way
  on conflict do nothing;
  return jsonb_build_object('joined', true);
end
$$;

comment on function public.join_watch_group(uuid, text, text, text, uuid, jsonb) is
  'Adds a member to an approved neighbourhood watch group and returns {joined: true}; a repeated key or email address stores nothing more.';
revoke all on function public.join_watch_group(uuid, text, text, text, uuid, jsonb) from public;
grant execute on function public.join_watch_group(uuid, text, text, text, uuid, jsonb) to anon, authenticated;

-- Following a registration with its receipt code: the group's name, its status,
-- two dates and staff's public note, and nothing else (no member, no captain,
-- no area). A wrong code and an unknown code get the same empty answer; guessing
-- is futile, as for tips. Volatile, so that PostgREST takes it by POST only.
create function public.watch_group_status(receipt text)
returns table (name text, status text, registered_on date, updated_on date, public_note text)
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  return query
    select g.name, g.status, (g.created_at at time zone 'UTC')::date, (g.status_changed_at at time zone 'UTC')::date, g.public_note
      from public.watch_groups as g
     where g.receipt_hash = private.receipt_hash(watch_group_status.receipt);
end
$$;

comment on function public.watch_group_status(text) is
  'The name, status, dates and public note of the watch group whose receipt code is given; no row for a wrong or unknown code.';
revoke all on function public.watch_group_status(text) from public;
grant execute on function public.watch_group_status(text) to anon, authenticated;
