-- The jurisdiction's content: its site settings, districts with their
-- stations, beats, officers, meetings with their exceptions and reports, the
-- beats' priorities with their updates, and the workshop catalogue. A row is one entry of a content folder (src/content/, the format
-- `openbeat import content` reads and `openbeat export` writes), a column one
-- field of its schema in src/content.config.ts, named by its path
-- (venue.location → venue_lon, venue_lat). The schemas' simple rules (lengths,
-- lists, ranges, formats) are checks here too; what needs more (time zones,
-- language tags, recurrence rules, the ids listed in arrays) is checked by the
-- validator the build runs, before anything is imported.
--
-- Residents read what is published (<table>_anon_read); signed-in staff read
-- drafts too (<table>_staff_read, in the staff_access migration). Nobody
-- writes through the API: an import writes as the database's owner, and the
-- staff workspace will write through its functions.
--
-- This migration comes right after the platform's, before everything staff:
-- the staff scope is made of these rows (staff_access.sees_beat reads beats
-- and officers), so they must exist first. The staff's policies here need
-- staff_access.role(), so they are defined with it.
--
-- Local wall-clock times and dates stay text as the files write them
-- (YYYY-MM-DDTHH:MM, in the meeting's zone): a timestamptz would pin them to
-- an instant, and a change of the zone's rules would move every meeting.
-- Guides stay MDX files in the repository, and the street network a file the
-- build reads.

create type public.site_locale as enum ('en', 'es');
comment on type public.site_locale is 'The languages the portal has words for; siteLocales in src/content.config.ts names the same.';

create type public.officer_role as enum (
  'community_policing_officer', 'beat_officer', 'sergeant', 'lieutenant', 'commander', 'coordinator', 'youth_officer', 'liaison_officer'
);
comment on type public.officer_role is 'What an officer does for residents; officerRoles in src/content.config.ts names the same.';

create type public.meeting_kind as enum ('beat_meeting', 'district_advisory_council', 'watch_training', 'youth', 'business');
comment on type public.meeting_kind is 'What a community meeting is for; meetingKinds in src/content.config.ts names the same.';

create type public.meeting_exception_status as enum ('cancelled', 'moved');
comment on type public.meeting_exception_status is 'What happens to one occurrence of a meeting; meetingExceptionStatuses in src/content.config.ts names the same.';

-- Problem solving in the open: a priority (priorities/<id>.json) is a problem
-- residents and officers chose to work on, where it came from, its stage in
-- the SARA model, its dated public updates, when it is next reviewed, and its
-- outcome once closed; a meeting's report (the meeting file's "reports") says
-- what came of one occurrence. Staff write both, and neither may carry a
-- resident's name or address.
create type public.sara_stage as enum ('scanning', 'analysis', 'response', 'assessment');
comment on type public.sara_stage is 'Where a priority is in the SARA problem-solving model; saraStages in src/lib/content/schemas.ts names the same.';

create type public.priority_source as enum ('meeting', 'residents', 'analysis');
comment on type public.priority_source is 'Where a priority came from: a beat meeting, residents'' suggestions, or crime analysis; prioritySources in schemas.ts.';

create type public.priority_outcome as enum ('resolved', 'improved', 'not_resolved');
comment on type public.priority_outcome is 'What came of a closed priority; priorityOutcomes in schemas.ts.';

create type public.workshop_kind as enum ('workshop', 'survey');
comment on type public.workshop_kind is 'A talk for a business''s staff, or a security survey of its premises; workshopKinds in src/content.config.ts names the same.';

-- The checks' shared rules. Null for null where a column may stay empty.
create function private.all_one_of(list_values text[], list regtype) returns boolean
language sql stable
set search_path = ''
as $$
  select not exists (select from unnest(list_values) as v where not coalesce(private.is_one_of(v, list), false))
$$;

create function private.all_filled(list_values text[]) returns boolean
language sql immutable
set search_path = ''
as $$
  select not exists (select from unnest(list_values) as v where coalesce(v, '') = '')
$$;

create function private.valid_content_ids(ids text[], max_length integer) returns boolean
language sql immutable
set search_path = ''
as $$
  select not exists (select from unnest(ids) as id where not coalesce(private.valid_content_id(id, max_length), false))
$$;

create function private.valid_local_date_time(local text) returns boolean
language sql immutable
set search_path = ''
as $$
  select local ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$'
$$;

create function private.valid_local_date(local text) returns boolean
language sql immutable
set search_path = ''
as $$
  select local ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
$$;

create function private.valid_lon_lat(lon double precision, lat double precision) returns boolean
language sql immutable
set search_path = ''
as $$
  select lon between -180 and 180 and lat between -90 and 90
$$;

create function private.valid_area(area jsonb) returns boolean
language sql immutable
set search_path = ''
as $$
  select area ->> 'type' in ('Polygon', 'MultiPolygon') and jsonb_typeof(area -> 'coordinates') = 'array'
$$;

create function private.stamp_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

revoke all on function private.all_one_of(text[], regtype), private.all_filled(text[]), private.valid_content_ids(text[], integer),
  private.valid_local_date_time(text), private.valid_local_date(text), private.valid_lon_lat(double precision, double precision),
  private.valid_area(jsonb), private.stamp_updated_at() from public;
-- Check constraints run as whoever writes the row, and the service role may (as it may on every table).
grant execute on function private.all_one_of(text[], regtype), private.all_filled(text[]), private.valid_content_ids(text[], integer),
  private.valid_local_date_time(text), private.valid_local_date(text), private.valid_lon_lat(double precision, double precision),
  private.valid_area(jsonb)
  to service_role;

create table public.site_settings (
  site_id text primary key default 'site'
    constraint site_settings_one_row check (site_id = 'site'),
  jurisdiction text not null
    constraint site_settings_jurisdiction_filled check (char_length(jurisdiction) >= 1),
  department text not null
    constraint site_settings_department_filled check (char_length(department) >= 1),
  -- an IANA zone, checked by the validator (Postgres's zone names are not the browser's)
  time_zone text not null
    constraint site_settings_time_zone_filled check (char_length(time_zone) >= 1),
  locales text[] not null default '{en}'
    constraint site_settings_locales_known check (cardinality(locales) >= 1 and private.all_one_of(locales, 'public.site_locale')),
  emergency_number text not null
    constraint site_settings_emergency_number_length check (char_length(emergency_number) >= 2),
  non_emergency_number text not null
    constraint site_settings_non_emergency_number_length check (char_length(non_emergency_number) >= 2),
  contact_email text
    constraint site_settings_contact_email_format check (private.valid_email(contact_email)),
  contact_phone text
    constraint site_settings_contact_phone_length check (char_length(contact_phone) >= 3),
  contact_office_hours text,
  contact_address text,
  map_center_lon double precision not null,
  map_center_lat double precision not null,
  map_south_west_lon double precision not null,
  map_south_west_lat double precision not null,
  map_north_east_lon double precision not null,
  map_north_east_lat double precision not null,
  sample_data boolean not null default false,
  published boolean not null default false,
  updated_at timestamptz not null default now(),
  constraint site_settings_map_on_earth check (
    private.valid_lon_lat(map_center_lon, map_center_lat)
    and private.valid_lon_lat(map_south_west_lon, map_south_west_lat)
    and private.valid_lon_lat(map_north_east_lon, map_north_east_lat)
  )
);
comment on table public.site_settings is
  'The jurisdiction (site.json): its name, department, time zone, languages, emergency numbers, contact, and where maps open. One row.';
comment on column public.site_settings.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.districts (
  district_id text primary key
    constraint districts_id_format check (private.valid_content_id(district_id, 40)),
  name text not null
    constraint districts_name_filled check (char_length(name) >= 1),
  station_name text
    constraint districts_station_name_filled check (char_length(station_name) >= 1),
  station_address text
    constraint districts_station_address_filled check (char_length(station_address) >= 1),
  station_lon double precision,
  station_lat double precision,
  station_phone text
    constraint districts_station_phone_length check (char_length(station_phone) >= 3),
  station_email text
    constraint districts_station_email_format check (private.valid_email(station_email)),
  station_hours text
    constraint districts_station_hours_filled check (char_length(station_hours) >= 1),
  -- a GeoJSON Polygon or MultiPolygon in WGS 84, as the file has it
  boundary jsonb not null
    constraint districts_boundary_geojson check (private.valid_area(boundary)),
  published boolean not null default false,
  updated_at timestamptz not null default now(),
  -- imported geography has no station until the department adds one, and then a whole one
  constraint districts_station_whole check (
    ((station_name, station_address, station_lon, station_lat, station_phone, station_hours) is null and station_email is null)
    or (station_name, station_address, station_lon, station_lat, station_phone, station_hours) is not null
  ),
  constraint districts_station_on_earth check (private.valid_lon_lat(station_lon, station_lat))
);
comment on table public.districts is 'Police districts (districts/<id>.json): name, station, boundary.';
comment on column public.districts.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.beats (
  beat_id text primary key
    constraint beats_id_format check (private.valid_content_id(beat_id, 40)),
  name text not null
    constraint beats_name_filled check (char_length(name) >= 1),
  district_id text not null references public.districts (district_id),
  boundary jsonb not null
    constraint beats_boundary_geojson check (private.valid_area(boundary)),
  neighbourhoods text[] not null default '{}'
    constraint beats_neighbourhoods_filled check (private.all_filled(neighbourhoods)),
  published boolean not null default false,
  updated_at timestamptz not null default now()
);
create index beats_district_id on public.beats (district_id);
comment on table public.beats is 'Police beats (beats/<id>.json): name, district, boundary, the neighbourhoods residents know them by.';
comment on column public.beats.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.officers (
  -- the slug: /officers/<slug>, and what a staff account names its profile by
  officer_id text primary key
    constraint officers_id_format check (private.valid_officer_slug(officer_id)),
  name text not null
    constraint officers_name_filled check (char_length(name) >= 1),
  rank text not null
    constraint officers_rank_filled check (char_length(rank) >= 1),
  role text not null
    constraint officers_role_known check (private.is_one_of(role, 'public.officer_role')),
  -- in the order the officer's page lists them; each a beat, as the validator checks
  beats text[] not null default '{}'
    constraint officers_beats_format check (private.valid_content_ids(beats, 40)),
  -- for officers who serve a whole district rather than beats
  district_id text references public.districts (district_id),
  photo text,
  photo_alt text,
  languages text[] not null
    constraint officers_languages_filled check (cardinality(languages) >= 1 and private.all_filled(languages)),
  contact_email text
    constraint officers_contact_email_format check (private.valid_email(contact_email)),
  contact_phone text
    constraint officers_contact_phone_length check (char_length(contact_phone) >= 3),
  contact_office_hours text,
  bio text not null default '',
  published boolean not null default false,
  updated_at timestamptz not null default now(),
  -- coordinators serve the whole jurisdiction; everyone else beats or a district
  constraint officers_serve_somewhere check (cardinality(beats) > 0 or district_id is not null or role = 'coordinator')
);
create index officers_district_id on public.officers (district_id);
comment on table public.officers is 'Officer profiles (officers/<slug>.json): name, rank, role, the beats or district served, languages, contact, bio.';
comment on column public.officers.photo is 'The portrait''s file name beside the officer''s file; where photos are kept is yet to come.';
comment on column public.officers.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.meetings (
  meeting_id text primary key
    constraint meetings_id_format check (private.valid_content_id(meeting_id, 80)),
  title text not null
    constraint meetings_title_filled check (char_length(title) >= 1),
  kind text not null
    constraint meetings_kind_known check (private.is_one_of(kind, 'public.meeting_kind')),
  beats text[] not null default '{}'
    constraint meetings_beats_format check (private.valid_content_ids(beats, 40)),
  district_id text references public.districts (district_id),
  venue_name text not null
    constraint meetings_venue_name_filled check (char_length(venue_name) >= 1),
  venue_address text not null
    constraint meetings_venue_address_filled check (char_length(venue_address) >= 1),
  venue_lon double precision not null,
  venue_lat double precision not null,
  venue_accessibility text,
  -- the first occurrence (RFC 5545 DTSTART), local time in the meeting's zone
  schedule_start text not null
    constraint meetings_schedule_start_format check (private.valid_local_date_time(schedule_start)),
  schedule_duration_minutes integer not null
    constraint meetings_schedule_duration_range check (schedule_duration_minutes between 5 and 1440),
  -- absent for a one-off meeting; the validator checks the rule itself
  schedule_rrule text
    constraint meetings_schedule_rrule_format check (starts_with(schedule_rrule, 'FREQ=')),
  -- absent for the site's zone
  schedule_time_zone text
    constraint meetings_schedule_time_zone_filled check (char_length(schedule_time_zone) >= 1),
  updated_local text
    constraint meetings_updated_local_format check (private.valid_local_date_time(updated_local) and updated_local >= '2000-01-01' collate "C"),
  languages text[] not null default '{en}'
    constraint meetings_languages_filled check (cardinality(languages) >= 1 and private.all_filled(languages)),
  online text
    constraint meetings_online_filled check (char_length(online) >= 1),
  published boolean not null default false,
  updated_at timestamptz not null default now(),
  constraint meetings_venue_on_earth check (private.valid_lon_lat(venue_lon, venue_lat)),
  constraint meetings_belong_somewhere check (cardinality(beats) > 0 or district_id is not null)
);
create index meetings_district_id on public.meetings (district_id);
comment on table public.meetings is
  'Community meetings (meetings/<id>.json): title, kind, beats or district, venue, schedule (first local start, duration, RRULE, zone), languages, online link. Cancelled and moved occurrences are in meeting_exceptions.';
comment on column public.meetings.updated_local is
  'When the schedule or its exceptions last changed, local time (the file''s "updated"): calendar feeds number versions by it, so it never moves back.';
comment on column public.meetings.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.meeting_exceptions (
  meeting_id text not null references public.meetings (meeting_id) on delete cascade,
  -- the order of the file's exceptions, from 0
  position smallint not null
    constraint meeting_exceptions_position_range check (position >= 0),
  -- the local date of the occurrence that changes
  occurrence_date text not null
    constraint meeting_exceptions_occurrence_date_format check (private.valid_local_date(occurrence_date)),
  status text not null
    constraint meeting_exceptions_status_known check (private.is_one_of(status, 'public.meeting_exception_status')),
  moved_to text
    constraint meeting_exceptions_moved_to_format check (private.valid_local_date_time(moved_to)),
  -- a moved occurrence's other venue; otherwise the meeting's own
  venue_name text
    constraint meeting_exceptions_venue_name_filled check (char_length(venue_name) >= 1),
  venue_address text
    constraint meeting_exceptions_venue_address_filled check (char_length(venue_address) >= 1),
  venue_lon double precision,
  venue_lat double precision,
  venue_accessibility text,
  note text,
  published boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (meeting_id, position),
  constraint meeting_exceptions_one_a_date unique (meeting_id, occurrence_date),
  constraint meeting_exceptions_moved_somewhen check ((status = 'moved') = (moved_to is not null)),
  constraint meeting_exceptions_venue_whole check (
    ((venue_name, venue_address, venue_lon, venue_lat) is null and venue_accessibility is null)
    or (venue_name, venue_address, venue_lon, venue_lat) is not null
  ),
  constraint meeting_exceptions_venue_on_earth check (private.valid_lon_lat(venue_lon, venue_lat))
);
comment on table public.meeting_exceptions is
  'One occurrence of a meeting cancelled or moved (the file''s "exceptions"), one row each, so each can be changed, recorded and undone on its own. Public when it and its meeting are published.';
comment on column public.meeting_exceptions.published is 'Whether the public site shows it (with its meeting); the others are drafts only staff read.';

create table public.priorities (
  priority_id text primary key
    constraint priorities_id_format check (private.valid_content_id(priority_id, 80)),
  title text not null
    constraint priorities_title_length check (char_length(title) between 1 and 120),
  description text not null
    constraint priorities_description_length check (char_length(description) between 1 and 2000),
  beats text[] not null default '{}'
    constraint priorities_beats_format check (private.valid_content_ids(beats, 40)),
  district_id text references public.districts (district_id),
  source text not null
    constraint priorities_source_known check (private.is_one_of(source, 'public.priority_source')),
  -- the meeting and the local date of the occurrence that chose it, when one did
  source_meeting_id text
    constraint priorities_source_meeting_format check (private.valid_content_id(source_meeting_id, 80)),
  source_date text
    constraint priorities_source_date_format check (private.valid_local_date(source_date)),
  stage text not null default 'scanning'
    constraint priorities_stage_known check (private.is_one_of(stage, 'public.sara_stage')),
  -- local dates, as the files write them
  opened_on text not null
    constraint priorities_opened_on_format check (private.valid_local_date(opened_on)),
  review_on text
    constraint priorities_review_on_format check (private.valid_local_date(review_on)),
  outcome text
    constraint priorities_outcome_known check (private.is_one_of(outcome, 'public.priority_outcome')),
  outcome_note text
    constraint priorities_outcome_note_length check (char_length(outcome_note) between 1 and 2000),
  closed_on text
    constraint priorities_closed_on_format check (private.valid_local_date(closed_on)),
  published boolean not null default false,
  updated_at timestamptz not null default now(),
  constraint priorities_belong_somewhere check (cardinality(beats) > 0 or district_id is not null),
  constraint priorities_meeting_source check (
    (source_meeting_id is null and source_date is null)
    or (source = 'meeting' and source_meeting_id is not null and source_date is not null)
  ),
  -- an open priority always says when it is next looked at; a closed one how it ended, and why, and
  -- no next review. One rule a constraint, each naming first the column a refusal is about (the
  -- workspace shows it beside that field: refuse_violation names a constraint's first column).
  constraint priorities_open_reviewed check (review_on is not null or outcome is not null),
  constraint priorities_closed_not_reviewed check (review_on is null or outcome is null),
  constraint priorities_closed_whole check ((outcome is null) = (closed_on is null) and (outcome is null) = (outcome_note is null)),
  -- only once the opening is a date: a malformed one is refused by its own format check, naming it
  constraint priorities_review_after_opening check (review_on >= opened_on collate "C" or not private.valid_local_date(opened_on)),
  constraint priorities_closed_after_opening check (closed_on >= opened_on collate "C" or not private.valid_local_date(opened_on))
);
create index priorities_district_id on public.priorities (district_id);
comment on table public.priorities is
  'Beat priorities (priorities/<id>.json): a problem chosen with residents, its SARA stage, next review, and outcome once closed. Dated updates are in priority_updates.';
comment on column public.priorities.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.priority_updates (
  priority_id text not null references public.priorities (priority_id) on delete cascade,
  -- the order of the file's updates, from 0
  position smallint not null
    constraint priority_updates_position_range check (position >= 0),
  posted_on text not null
    constraint priority_updates_posted_on_format check (private.valid_local_date(posted_on)),
  -- the stage the priority was in when this was written: the timeline shows where it moved
  stage text not null
    constraint priority_updates_stage_known check (private.is_one_of(stage, 'public.sara_stage')),
  body text not null
    constraint priority_updates_body_length check (char_length(body) between 1 and 2000),
  published boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (priority_id, position)
);
comment on table public.priority_updates is
  'A priority''s dated public updates (the file''s "updates"): what was done, what changed. Public when it and its priority are published.';
comment on column public.priority_updates.published is 'Whether the public site shows it (with its priority); the others are drafts only staff read.';

create table public.meeting_reports (
  meeting_id text not null references public.meetings (meeting_id) on delete cascade,
  -- the local date of the occurrence reported on
  occurrence_date text not null
    constraint meeting_reports_occurrence_date_format check (private.valid_local_date(occurrence_date)),
  attendance integer not null
    constraint meeting_reports_attendance_range check (attendance between 0 and 100000),
  concerns text[] not null default '{}'
    constraint meeting_reports_concerns_filled check (private.all_filled(concerns) and cardinality(concerns) <= 50),
  -- priorities by id, checked against the published ones by the validator
  priorities_set text[] not null default '{}'
    constraint meeting_reports_priorities_set_format check (private.valid_content_ids(priorities_set, 80)),
  priorities_reviewed text[] not null default '{}'
    constraint meeting_reports_priorities_reviewed_format check (private.valid_content_ids(priorities_reviewed, 80)),
  priorities_closed text[] not null default '{}'
    constraint meeting_reports_priorities_closed_format check (private.valid_content_ids(priorities_closed, 80)),
  next_steps text
    constraint meeting_reports_next_steps_length check (char_length(next_steps) between 1 and 2000),
  published boolean not null default false,
  updated_at timestamptz not null default now(),
  primary key (meeting_id, occurrence_date)
);
comment on table public.meeting_reports is
  'What came of one meeting occurrence (the meeting file''s "reports"): attendance, concerns raised, priorities set, reviewed or closed, next steps.';
comment on column public.meeting_reports.published is 'Whether the public site shows it (with its meeting); the others are drafts only staff read.';

create table public.workshops (
  workshop_id text primary key
    constraint workshops_id_format check (private.valid_content_id(workshop_id, 80)),
  title text not null
    constraint workshops_title_filled check (char_length(title) >= 1),
  kind text not null
    constraint workshops_kind_known check (private.is_one_of(kind, 'public.workshop_kind')),
  description text not null
    constraint workshops_description_filled check (char_length(description) >= 1),
  duration_minutes integer not null
    constraint workshops_duration_range check (duration_minutes >= 15),
  minimum_attendees integer not null
    constraint workshops_minimum_attendees_range check (minimum_attendees >= 1),
  published boolean not null default false,
  updated_at timestamptz not null default now()
);
comment on table public.workshops is 'The catalogue of safety workshops and premises surveys businesses may request (workshops/<id>.json).';
comment on column public.workshops.published is 'Whether the public site shows it; the others are drafts only staff read.';

create trigger site_settings_stamp_updated before update on public.site_settings for each row execute function private.stamp_updated_at();
create trigger districts_stamp_updated before update on public.districts for each row execute function private.stamp_updated_at();
create trigger beats_stamp_updated before update on public.beats for each row execute function private.stamp_updated_at();
create trigger officers_stamp_updated before update on public.officers for each row execute function private.stamp_updated_at();
create trigger meetings_stamp_updated before update on public.meetings for each row execute function private.stamp_updated_at();
create trigger meeting_exceptions_stamp_updated before update on public.meeting_exceptions for each row execute function private.stamp_updated_at();
create trigger priorities_stamp_updated before update on public.priorities for each row execute function private.stamp_updated_at();
create trigger priority_updates_stamp_updated before update on public.priority_updates for each row execute function private.stamp_updated_at();
create trigger meeting_reports_stamp_updated before update on public.meeting_reports for each row execute function private.stamp_updated_at();
create trigger workshops_stamp_updated before update on public.workshops for each row execute function private.stamp_updated_at();

-- Reading: the public site is built from what is published, and residents'
-- browsers may read the same; staff see drafts too (their policies are in the
-- staff_access migration). Supabase grants the API roles everything on new
-- tables: they keep SELECT only.
alter table public.site_settings enable row level security;
alter table public.districts enable row level security;
alter table public.beats enable row level security;
alter table public.officers enable row level security;
alter table public.meetings enable row level security;
alter table public.meeting_exceptions enable row level security;
alter table public.workshops enable row level security;
alter table public.priorities enable row level security;
alter table public.priority_updates enable row level security;
alter table public.meeting_reports enable row level security;

revoke all on table public.site_settings, public.districts, public.beats, public.officers, public.meetings, public.meeting_exceptions, public.workshops,
  public.priorities, public.priority_updates, public.meeting_reports
  from anon, authenticated;
grant select on table public.site_settings, public.districts, public.beats, public.officers, public.meetings, public.meeting_exceptions, public.workshops,
  public.priorities, public.priority_updates, public.meeting_reports
  to anon, authenticated;

create policy site_settings_anon_read on public.site_settings for select to anon using (published);
create policy districts_anon_read on public.districts for select to anon using (published);
create policy beats_anon_read on public.beats for select to anon using (published);
create policy officers_anon_read on public.officers for select to anon using (published);
create policy meetings_anon_read on public.meetings for select to anon using (published);
-- A draft meeting's cancellations and venues are as private as the meeting.
create policy meeting_exceptions_anon_read on public.meeting_exceptions for select to anon
  using (published and exists (select from public.meetings as m where m.meeting_id = meeting_exceptions.meeting_id and m.published));
create policy workshops_anon_read on public.workshops for select to anon using (published);
create policy priorities_anon_read on public.priorities for select to anon using (published);
create policy priority_updates_anon_read on public.priority_updates for select to anon
  using (published and exists (select from public.priorities as p where p.priority_id = priority_updates.priority_id and p.published));
create policy meeting_reports_anon_read on public.meeting_reports for select to anon
  using (published and exists (select from public.meetings as m where m.meeting_id = meeting_reports.meeting_id and m.published));
-- "This matters to me too": one row a click, holding the priority and the
-- retry key's hash (so a resent click counts once) and nothing else about
-- whoever clicked. The count is public: the priority's page shows it.
-- Residents add to it through support_priority (priority_suggestions migration).
create table public.priority_support (
  support_id bigint generated always as identity primary key,
  priority_id text not null references public.priorities (priority_id) on delete cascade,
  idempotency_hash bytea not null unique,
  created_at timestamptz not null default now()
);
create index priority_support_priority on public.priority_support (priority_id);
create index priority_support_created_at on public.priority_support (created_at);
comment on table public.priority_support is
  'Residents'' "this matters to me too" on published priorities: a row a click, with no trace of who clicked. Counted into the site at each publish.';
alter table public.priority_support enable row level security;
revoke all on table public.priority_support from anon, authenticated;
revoke all on sequence public.priority_support_support_id_seq from anon, authenticated;
-- Counting is all anyone does with it; the published_content() snapshot counts as its caller.
grant select (priority_id) on public.priority_support to anon, authenticated;
create policy priority_support_anon_read on public.priority_support for select to anon
  using (exists (select from public.priorities as p where p.priority_id = priority_support.priority_id and p.published));

-- What the build publishes, in one call: every published row of every content
-- table as one JSON document, with each priority's count of residents who said
-- it matters to them (each row under its column names, as
-- src/lib/content/rows.ts reads them). One statement sees one snapshot, where a
-- request a table would see as many: a save made while a site is being built
-- is in that build whole or not at all, never a beat whose new district the
-- same build could not see. Security invoker, so the caller's own policies
-- apply as well; the filters repeat them so that staff, who read drafts,
-- still get only what the public site shows.
create function public.published_content() returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'site', (select to_jsonb(s) - 'published' - 'updated_at' from public.site_settings as s where s.published),
    'districts', coalesce((select jsonb_agg(to_jsonb(d) - 'published' - 'updated_at' order by d.district_id) from public.districts as d where d.published), '[]'),
    'beats', coalesce((select jsonb_agg(to_jsonb(b) - 'published' - 'updated_at' order by b.beat_id) from public.beats as b where b.published), '[]'),
    'officers', coalesce((select jsonb_agg(to_jsonb(o) - 'published' - 'updated_at' order by o.officer_id) from public.officers as o where o.published), '[]'),
    'meetings', coalesce((select jsonb_agg(to_jsonb(m) - 'published' - 'updated_at' order by m.meeting_id) from public.meetings as m where m.published), '[]'),
    'meeting_exceptions', coalesce((
      select jsonb_agg(to_jsonb(e) - 'published' - 'updated_at' order by e.meeting_id, e.position)
        from public.meeting_exceptions as e
       where e.published and exists (select from public.meetings as m where m.meeting_id = e.meeting_id and m.published)
    ), '[]'),
    'meeting_reports', coalesce((
      select jsonb_agg(to_jsonb(r) - 'published' - 'updated_at' order by r.meeting_id, r.occurrence_date)
        from public.meeting_reports as r
       where r.published and exists (select from public.meetings as m where m.meeting_id = r.meeting_id and m.published)
    ), '[]'),
    'priorities', coalesce((
      select jsonb_agg(to_jsonb(p) - 'published' - 'updated_at'
                       || jsonb_build_object('supporters', (select count(*) from public.priority_support as s where s.priority_id = p.priority_id))
                       order by p.priority_id)
        from public.priorities as p where p.published
    ), '[]'),
    'priority_updates', coalesce((
      select jsonb_agg(to_jsonb(u) - 'published' - 'updated_at' order by u.priority_id, u.position)
        from public.priority_updates as u
       where u.published and exists (select from public.priorities as p where p.priority_id = u.priority_id and p.published)
    ), '[]'),
    'workshops', coalesce((select jsonb_agg(to_jsonb(w) - 'published' - 'updated_at' order by w.workshop_id) from public.workshops as w where w.published), '[]')
  )
$$;
comment on function public.published_content() is 'Everything the public site shows, in one snapshot: what the build reads (src/lib/content/publishedContent.ts).';
revoke all on function public.published_content() from public;
grant execute on function public.published_content() to anon, authenticated;
