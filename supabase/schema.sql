-- The current schema, written by `npm run db:schema` from a database the
-- migrations built: read it, never edit it (tests/db/schema.test.ts checks it).

-- schemas

create schema private;
create schema staff_access;

-- extensions

create extension pgcrypto with schema extensions;

-- types

create type public.alert_delivery as enum ('each_publish', 'daily');
comment on type public.alert_delivery is 'When a subscriber hears of changes: one email after each publish that changed something of theirs, or one digest a day.';
create type public.alert_topic as enum ('meeting_changes', 'new_meetings', 'priorities', 'meeting_reports');
comment on type public.alert_topic is 'What a subscriber may be told of: meetings cancelled or moved, new meetings, priorities and their updates, meeting reports.';
create type public.content_kind as enum ('site', 'district', 'beat', 'officer', 'meeting', 'meeting_exception', 'meeting_report', 'priority', 'priority_update', 'workshop');
comment on type public.content_kind is 'What a content_history row is about: a row of one content table (a meeting''s exception and report belong to its meeting, a priority''s update to its priority).';
create type public.history_kind as enum ('tip', 'watch_group', 'workshop_request', 'suggestion', 'staff_member');
comment on type public.history_kind is 'What a staff_history row is about: an item residents sent, or a staff account.';
create type public.meeting_exception_status as enum ('cancelled', 'moved');
comment on type public.meeting_exception_status is 'What happens to one occurrence of a meeting; meetingExceptionStatuses in src/content.config.ts names the same.';
create type public.meeting_kind as enum ('beat_meeting', 'district_advisory_council', 'watch_training', 'youth', 'business');
comment on type public.meeting_kind is 'What a community meeting is for; meetingKinds in src/content.config.ts names the same.';
create type public.meeting_preference as enum ('weekday_evenings', 'weekends', 'online', 'no_preference');
comment on type public.meeting_preference is 'When a watch group prefers to meet; src/features/watch/watch.schema.ts offers the same list.';
create type public.notification_delivery as enum ('immediately', 'daily', 'none');
comment on type public.notification_delivery is 'When a staff member hears of a new item of a kind: one email each, one digest a day, or never.';
create type public.notification_kind as enum ('tip', 'watch_group', 'workshop_request', 'suggestion', 'reply');
comment on type public.notification_kind is 'The kinds of new item staff may be told about: one value, and one trigger calling private.notify_staff, for each.';
create type public.officer_role as enum ('community_policing_officer', 'beat_officer', 'sergeant', 'lieutenant', 'commander', 'coordinator', 'youth_officer', 'liaison_officer');
comment on type public.officer_role is 'What an officer does for residents; officerRoles in src/content.config.ts names the same.';
create type public.priority_outcome as enum ('resolved', 'improved', 'not_resolved');
comment on type public.priority_outcome is 'What came of a closed priority; priorityOutcomes in schemas.ts.';
create type public.priority_source as enum ('meeting', 'residents', 'analysis');
comment on type public.priority_source is 'Where a priority came from: a beat meeting, residents'' suggestions, or crime analysis; prioritySources in schemas.ts.';
create type public.sara_stage as enum ('scanning', 'analysis', 'response', 'assessment');
comment on type public.sara_stage is 'Where a priority is in the SARA problem-solving model; saraStages in src/lib/content/schemas.ts names the same.';
create type public.site_locale as enum ('en', 'es');
comment on type public.site_locale is 'The languages the portal has words for; siteLocales in src/content.config.ts names the same.';
create type public.staff_role as enum ('officer', 'supervisor', 'coordinator');
comment on type public.staff_role is 'What a staff account may see and do: its beats, its district, or everything and who is staff.';
create type public.suggestion_status as enum ('received', 'answered', 'adopted', 'closed');
comment on type public.suggestion_status is 'Where a resident''s priority suggestion stands, as the resident and staff see it.';
create type public.tip_category as enum ('suspicious_activity', 'drug_activity', 'vandalism_graffiti', 'traffic_speeding', 'noise', 'abandoned_vehicle', 'problem_property', 'quality_of_life', 'other');
comment on type public.tip_category is 'What a tip is about; src/features/tips/tip.schema.ts offers the same list.';
create type public.tip_status as enum ('received', 'under_review', 'referred', 'action_taken', 'closed');
comment on type public.tip_status is 'Where a tip stands, as the resident and staff see it.';
create type public.watch_group_status as enum ('pending', 'approved', 'changes_requested', 'declined', 'retired');
comment on type public.watch_group_status is 'Where a watch group''s registration stands; only approved groups are public.';
create type public.watch_member_role as enum ('captain', 'member');
comment on type public.watch_member_role is 'A watch group has one captain, who registered it, and the members who joined it.';
create type public.workshop_kind as enum ('workshop', 'survey');
comment on type public.workshop_kind is 'A talk for a business''s staff, or a security survey of its premises; workshopKinds in src/content.config.ts names the same.';
create type public.workshop_request_status as enum ('received', 'confirmed', 'declined', 'completed');
comment on type public.workshop_request_status is 'Where a workshop request stands, as the business and staff see it.';

-- tables

create table private.alert_digest_items (
  subscription_id uuid not null,
  items jsonb not null,
  added_at timestamp with time zone default now() not null,
  constraint alert_digest_items_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES private.alert_subscriptions(subscription_id) ON DELETE CASCADE
);
alter table private.alert_digest_items enable row level security;
comment on table private.alert_digest_items is 'What changed for a daily-digest subscriber since their last digest, one row a publish; deleted once in a digest or with the subscription.';

create table private.alert_keys (
  only_row boolean default true not null,
  signing_key text default encode(extensions.gen_random_bytes(32), 'hex'::text) not null,
  constraint alert_keys_one_row CHECK (only_row),
  constraint alert_keys_pkey PRIMARY KEY (only_row)
);
alter table private.alert_keys enable row level security;
comment on table private.alert_keys is 'The key that signs subscribers'' manage and unsubscribe tokens; replacing it voids every link already sent.';

create table private.alert_requests (
  idempotency_hash bytea not null,
  created_at timestamp with time zone default now() not null,
  constraint alert_requests_pkey PRIMARY KEY (idempotency_hash)
);
alter table private.alert_requests enable row level security;
comment on table private.alert_requests is 'The retry keys (hashed) of subscribe requests of the last day: retries answered once, the site''s ceiling counted. Nothing about who sent them.';

create table private.alert_subscriptions (
  subscription_id uuid default gen_random_uuid() not null,
  email text not null,
  language text not null,
  beat_id text,
  district_id text,
  topics text[] not null,
  delivery text not null,
  confirm_hash bytea not null,
  confirm_expires_at timestamp with time zone not null,
  confirmed_at timestamp with time zone,
  digest_through timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  constraint alert_subscriptions_beat_id_fkey FOREIGN KEY (beat_id) REFERENCES public.beats(beat_id) ON DELETE CASCADE,
  constraint alert_subscriptions_delivery_known CHECK (private.is_one_of(delivery, 'public.alert_delivery'::regtype)),
  constraint alert_subscriptions_district_id_fkey FOREIGN KEY (district_id) REFERENCES public.districts(district_id) ON DELETE CASCADE,
  constraint alert_subscriptions_email_valid CHECK (private.valid_email(email) AND email = lower(email)),
  constraint alert_subscriptions_language_known CHECK (private.is_one_of(language, 'public.site_locale'::regtype)),
  constraint alert_subscriptions_one_area CHECK (num_nonnulls(beat_id, district_id) = 1),
  constraint alert_subscriptions_pkey PRIMARY KEY (subscription_id),
  constraint alert_subscriptions_topics_known CHECK (cardinality(topics) >= 1 AND cardinality(topics) <= 4 AND private.all_one_of(topics, 'public.alert_topic'::regtype))
);
alter table private.alert_subscriptions enable row level security;
comment on table private.alert_subscriptions is 'Residents'' beat alert subscriptions: address, language, beat or district, topics, delivery, confirmation. Kept only to send alerts, never shown to staff; deleted on unsubscribe, and after alert_confirm_days when never confirmed.';

create table private.alerted_publish_requests (
  publish_request_id bigint not null,
  alerted_at timestamp with time zone default now() not null,
  constraint alerted_publish_requests_pkey PRIMARY KEY (publish_request_id),
  constraint alerted_publish_requests_publish_request_id_fkey FOREIGN KEY (publish_request_id) REFERENCES private.publish_requests(publish_request_id) ON DELETE CASCADE
);
alter table private.alerted_publish_requests enable row level security;
comment on table private.alerted_publish_requests is 'Publish requests whose changes alerts have covered: each change is alerted once, after the publish that put it on the site.';

create table private.mail_outbox (
  mail_id bigint generated always as identity not null,
  recipient text not null,
  language text not null,
  template text not null,
  params jsonb default '{}'::jsonb not null,
  unsubscribe_url text,
  status text default 'queued'::text not null,
  attempts integer default 0 not null,
  next_attempt_at timestamp with time zone default now() not null,
  lease uuid,
  leased_until timestamp with time zone,
  problem text,
  queued_at timestamp with time zone default now() not null,
  sent_at timestamp with time zone,
  constraint mail_outbox_language_known CHECK (private.is_one_of(language, 'public.site_locale'::regtype)),
  constraint mail_outbox_params_object CHECK (jsonb_typeof(params) = 'object'::text AND octet_length(params::text) <= 20000),
  constraint mail_outbox_pkey PRIMARY KEY (mail_id),
  constraint mail_outbox_recipient_valid CHECK (private.valid_email(recipient)),
  constraint mail_outbox_sent_when_sent CHECK ((status = 'sent'::text) = (sent_at IS NOT NULL)),
  constraint mail_outbox_status_known CHECK (status = ANY (ARRAY['queued'::text, 'sent'::text, 'failed'::text])),
  constraint mail_outbox_template_named CHECK (template ~ '^[a-z][a-z0-9_]{0,62}$'::text),
  constraint mail_outbox_unsubscribe_https CHECK (unsubscribe_url ~ '^https?://\S+$'::text)
);
alter table private.mail_outbox enable row level security;
comment on table private.mail_outbox is 'Email waiting to be sent, sent or given up: recipient, language, template and parameters (never a resident''s words or identity), the sender''s lease, attempts and backoff. Written in the same transaction as its cause; drained by the send-mail Edge Function.';

create table private.proof_of_work (
  only_row boolean default true not null,
  signing_key text default encode(extensions.gen_random_bytes(32), 'hex'::text) not null,
  max_number integer default 100000 not null,
  lifetime interval default '00:30:00'::interval not null,
  constraint proof_of_work_lifetime CHECK (lifetime >= '00:01:00'::interval AND lifetime <= '1 day'::interval),
  constraint proof_of_work_max_number CHECK (max_number >= 1 AND max_number <= 10000000),
  constraint proof_of_work_one_row CHECK (only_row),
  constraint proof_of_work_pkey PRIMARY KEY (only_row)
);
alter table private.proof_of_work enable row level security;
comment on table private.proof_of_work is 'The key that signs submission challenges, their difficulty (max_number) and how long one may be answered.';

create table private.publish_requests (
  publish_request_id bigint generated always as identity not null,
  transaction_id xid8 default pg_current_xact_id() not null,
  requested_at timestamp with time zone default now() not null,
  tables text[] not null,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  outcome text,
  problems text[] default '{}'::text[] not null,
  constraint publish_requests_finished_after_start CHECK (finished_at IS NULL OR started_at IS NOT NULL),
  constraint publish_requests_finished_with_outcome CHECK ((finished_at IS NULL) = (outcome IS NULL)),
  constraint publish_requests_outcome_known CHECK (outcome = ANY (ARRAY['published'::text, 'failed'::text])),
  constraint publish_requests_pkey PRIMARY KEY (publish_request_id),
  constraint publish_requests_transaction_id_key UNIQUE (transaction_id)
);
alter table private.publish_requests enable row level security;
comment on table private.publish_requests is 'A change to what the public site shows, waiting to be published or published: the tables one transaction changed, when the publish that took it in started and finished, and its outcome with the build''s problems, one line each.';
comment on column private.publish_requests.tables is 'The tables the transaction changed (watch_groups when a group was approved or stopped being approved).';
comment on column private.publish_requests.problems is 'Why the build refused, one line each, when the outcome is failed; the site stays as it was.';

create table private.settings (
  name text not null,
  value jsonb not null,
  constraint settings_pkey PRIMARY KEY (name)
);
alter table private.settings enable row level security;
comment on table private.settings is 'Deployment settings the database itself needs: tip_retention_days (closed tips), request_retention_days (finished workshop requests, declined watch groups) and publish_request_retention_days (finished publish requests), in days.';

create table private.staff_arrivals (
  arrival_id bigint generated always as identity not null,
  kind text not null,
  item_id uuid not null,
  beat text,
  arrived_at timestamp with time zone default now() not null,
  constraint staff_arrivals_pkey PRIMARY KEY (arrival_id)
);
alter table private.staff_arrivals enable row level security;
comment on table private.staff_arrivals is 'New items residents sent, by kind, beat and time only, for the staff''s daily digests; kept eight days.';

create table private.submission_ceilings (
  action text not null,
  most integer not null,
  per interval not null,
  constraint submission_ceilings_pkey PRIMARY KEY (action),
  constraint submission_ceilings_positive CHECK (most > 0),
  constraint submission_ceilings_window CHECK (per >= '00:01:00'::interval AND per <= '1 day'::interval)
);
alter table private.submission_ceilings enable row level security;
comment on table private.submission_ceilings is 'How many submissions of each kind the whole site takes per window, from everyone together; a deployment may tune these to its size.';

create table public.beats (
  beat_id text not null,
  name text not null,
  district_id text not null,
  boundary jsonb not null,
  neighbourhoods text[] default '{}'::text[] not null,
  published boolean default false not null,
  updated_at timestamp with time zone default now() not null,
  constraint beats_boundary_geojson CHECK (private.valid_area(boundary)),
  constraint beats_district_id_fkey FOREIGN KEY (district_id) REFERENCES public.districts(district_id),
  constraint beats_id_format CHECK (private.valid_content_id(beat_id, 40)),
  constraint beats_name_filled CHECK (char_length(name) >= 1),
  constraint beats_neighbourhoods_filled CHECK (private.all_filled(neighbourhoods)),
  constraint beats_pkey PRIMARY KEY (beat_id)
);
alter table public.beats enable row level security;
comment on table public.beats is 'Police beats (beats/<id>.json): name, district, boundary, the neighbourhoods residents know them by.';
comment on column public.beats.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.content_history (
  history_id bigint generated always as identity not null,
  kind text not null,
  item_id text not null,
  operation text not null,
  before jsonb,
  after jsonb,
  note text,
  undoes bigint,
  changed_by uuid,
  changed_by_email text,
  changed_at timestamp with time zone not null,
  transaction_id xid8 default pg_current_xact_id() not null,
  constraint content_history_kind_known CHECK (private.is_one_of(kind, 'public.content_kind'::regtype)),
  constraint content_history_note_length CHECK (char_length(note) >= 1 AND char_length(note) <= 5000),
  constraint content_history_operation_known CHECK (operation = ANY (ARRAY['insert'::text, 'update'::text, 'delete'::text])),
  constraint content_history_pkey PRIMARY KEY (history_id),
  constraint content_history_undoes_fkey FOREIGN KEY (undoes) REFERENCES public.content_history(history_id)
);
alter table public.content_history enable row level security;
comment on table public.content_history is 'Every change to the content tables, however made: appended by a trigger, never changed or deleted, and undone by undo_content_change.';

create table public.conversation_messages (
  message_id bigint generated always as identity not null,
  kind text not null,
  item_id uuid not null,
  from_staff boolean not null,
  body text not null,
  idempotency_hash bytea,
  read_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  constraint conversation_messages_answers_keyed CHECK ((idempotency_hash IS NULL) = from_staff),
  constraint conversation_messages_body_length CHECK (char_length(body) >= 1 AND char_length(body) <= 5000),
  constraint conversation_messages_idempotency_hash_key UNIQUE (idempotency_hash),
  constraint conversation_messages_kind_known CHECK (kind = ANY (ARRAY['tip'::text, 'watch_group'::text, 'workshop_request'::text])),
  constraint conversation_messages_pkey PRIMARY KEY (message_id),
  constraint conversation_messages_questions_read CHECK (NOT (from_staff AND read_at IS NOT NULL))
);
alter table public.conversation_messages enable row level security;
comment on table public.conversation_messages is 'Questions staff asked the resident behind an item (tip, watch group, workshop request) and the resident''s answers, given with the receipt code. No address, browser or name is kept. Staff read those of the items they see; residents use conversation() and reply_to_staff().';
comment on column public.conversation_messages.read_at is 'For an answer: when a staff member first opened its item after it arrived (the team''s read marker).';

create table public.districts (
  district_id text not null,
  name text not null,
  station_name text,
  station_address text,
  station_lon double precision,
  station_lat double precision,
  station_phone text,
  station_email text,
  station_hours text,
  boundary jsonb not null,
  published boolean default false not null,
  updated_at timestamp with time zone default now() not null,
  constraint districts_boundary_geojson CHECK (private.valid_area(boundary)),
  constraint districts_id_format CHECK (private.valid_content_id(district_id, 40)),
  constraint districts_name_filled CHECK (char_length(name) >= 1),
  constraint districts_pkey PRIMARY KEY (district_id),
  constraint districts_station_address_filled CHECK (char_length(station_address) >= 1),
  constraint districts_station_email_format CHECK (private.valid_email(station_email)),
  constraint districts_station_hours_filled CHECK (char_length(station_hours) >= 1),
  constraint districts_station_name_filled CHECK (char_length(station_name) >= 1),
  constraint districts_station_on_earth CHECK (private.valid_lon_lat(station_lon, station_lat)),
  constraint districts_station_phone_length CHECK (char_length(station_phone) >= 3),
  constraint districts_station_whole CHECK (ROW(station_name, station_address, station_lon, station_lat, station_phone, station_hours) IS NULL AND station_email IS NULL OR ROW(station_name, station_address, station_lon, station_lat, station_phone, station_hours) IS NOT NULL)
);
alter table public.districts enable row level security;
comment on table public.districts is 'Police districts (districts/<id>.json): name, station, boundary.';
comment on column public.districts.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.meeting_exceptions (
  meeting_id text not null,
  "position" smallint not null,
  occurrence_date text not null,
  status text not null,
  moved_to text,
  venue_name text,
  venue_address text,
  venue_lon double precision,
  venue_lat double precision,
  venue_accessibility text,
  note text,
  published boolean default false not null,
  updated_at timestamp with time zone default now() not null,
  constraint meeting_exceptions_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES public.meetings(meeting_id) ON DELETE CASCADE,
  constraint meeting_exceptions_moved_somewhen CHECK ((status = 'moved'::text) = (moved_to IS NOT NULL)),
  constraint meeting_exceptions_moved_to_format CHECK (private.valid_local_date_time(moved_to)),
  constraint meeting_exceptions_occurrence_date_format CHECK (private.valid_local_date(occurrence_date)),
  constraint meeting_exceptions_one_a_date UNIQUE (meeting_id, occurrence_date),
  constraint meeting_exceptions_pkey PRIMARY KEY (meeting_id, "position"),
  constraint meeting_exceptions_position_range CHECK ("position" >= 0),
  constraint meeting_exceptions_status_known CHECK (private.is_one_of(status, 'public.meeting_exception_status'::regtype)),
  constraint meeting_exceptions_venue_address_filled CHECK (char_length(venue_address) >= 1),
  constraint meeting_exceptions_venue_name_filled CHECK (char_length(venue_name) >= 1),
  constraint meeting_exceptions_venue_on_earth CHECK (private.valid_lon_lat(venue_lon, venue_lat)),
  constraint meeting_exceptions_venue_whole CHECK (ROW(venue_name, venue_address, venue_lon, venue_lat) IS NULL AND venue_accessibility IS NULL OR ROW(venue_name, venue_address, venue_lon, venue_lat) IS NOT NULL)
);
alter table public.meeting_exceptions enable row level security;
comment on table public.meeting_exceptions is 'One occurrence of a meeting cancelled or moved (the file''s "exceptions"), one row each, so each can be changed, recorded and undone on its own. Public when it and its meeting are published.';
comment on column public.meeting_exceptions.published is 'Whether the public site shows it (with its meeting); the others are drafts only staff read.';

create table public.meeting_reports (
  meeting_id text not null,
  occurrence_date text not null,
  attendance integer not null,
  concerns text[] default '{}'::text[] not null,
  priorities_set text[] default '{}'::text[] not null,
  priorities_reviewed text[] default '{}'::text[] not null,
  priorities_closed text[] default '{}'::text[] not null,
  next_steps text,
  published boolean default false not null,
  updated_at timestamp with time zone default now() not null,
  constraint meeting_reports_attendance_range CHECK (attendance >= 0 AND attendance <= 100000),
  constraint meeting_reports_concerns_filled CHECK (private.all_filled(concerns) AND cardinality(concerns) <= 50),
  constraint meeting_reports_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES public.meetings(meeting_id) ON DELETE CASCADE,
  constraint meeting_reports_next_steps_length CHECK (char_length(next_steps) >= 1 AND char_length(next_steps) <= 2000),
  constraint meeting_reports_occurrence_date_format CHECK (private.valid_local_date(occurrence_date)),
  constraint meeting_reports_pkey PRIMARY KEY (meeting_id, occurrence_date),
  constraint meeting_reports_priorities_closed_format CHECK (private.valid_content_ids(priorities_closed, 80)),
  constraint meeting_reports_priorities_reviewed_format CHECK (private.valid_content_ids(priorities_reviewed, 80)),
  constraint meeting_reports_priorities_set_format CHECK (private.valid_content_ids(priorities_set, 80))
);
alter table public.meeting_reports enable row level security;
comment on table public.meeting_reports is 'What came of one meeting occurrence (the meeting file''s "reports"): attendance, concerns raised, priorities set, reviewed or closed, next steps.';
comment on column public.meeting_reports.published is 'Whether the public site shows it (with its meeting); the others are drafts only staff read.';

create table public.meetings (
  meeting_id text not null,
  title text not null,
  kind text not null,
  beats text[] default '{}'::text[] not null,
  district_id text,
  venue_name text not null,
  venue_address text not null,
  venue_lon double precision not null,
  venue_lat double precision not null,
  venue_accessibility text,
  schedule_start text not null,
  schedule_duration_minutes integer not null,
  schedule_rrule text,
  schedule_time_zone text,
  updated_local text,
  languages text[] default '{en}'::text[] not null,
  online text,
  published boolean default false not null,
  updated_at timestamp with time zone default now() not null,
  constraint meetings_beats_format CHECK (private.valid_content_ids(beats, 40)),
  constraint meetings_belong_somewhere CHECK (cardinality(beats) > 0 OR district_id IS NOT NULL),
  constraint meetings_district_id_fkey FOREIGN KEY (district_id) REFERENCES public.districts(district_id),
  constraint meetings_id_format CHECK (private.valid_content_id(meeting_id, 80)),
  constraint meetings_kind_known CHECK (private.is_one_of(kind, 'public.meeting_kind'::regtype)),
  constraint meetings_languages_filled CHECK (cardinality(languages) >= 1 AND private.all_filled(languages)),
  constraint meetings_online_filled CHECK (char_length(online) >= 1),
  constraint meetings_pkey PRIMARY KEY (meeting_id),
  constraint meetings_schedule_duration_range CHECK (schedule_duration_minutes >= 5 AND schedule_duration_minutes <= 1440),
  constraint meetings_schedule_rrule_format CHECK (starts_with(schedule_rrule, 'FREQ='::text)),
  constraint meetings_schedule_start_format CHECK (private.valid_local_date_time(schedule_start)),
  constraint meetings_schedule_time_zone_filled CHECK (char_length(schedule_time_zone) >= 1),
  constraint meetings_title_filled CHECK (char_length(title) >= 1),
  constraint meetings_updated_local_format CHECK (private.valid_local_date_time(updated_local) AND updated_local >= ('2000-01-01'::text COLLATE "C")),
  constraint meetings_venue_address_filled CHECK (char_length(venue_address) >= 1),
  constraint meetings_venue_name_filled CHECK (char_length(venue_name) >= 1),
  constraint meetings_venue_on_earth CHECK (private.valid_lon_lat(venue_lon, venue_lat))
);
alter table public.meetings enable row level security;
comment on table public.meetings is 'Community meetings (meetings/<id>.json): title, kind, beats or district, venue, schedule (first local start, duration, RRULE, zone), languages, online link. Cancelled and moved occurrences are in meeting_exceptions.';
comment on column public.meetings.updated_local is 'When the schedule or its exceptions last changed, local time (the file''s "updated"): calendar feeds number versions by it, so it never moves back.';
comment on column public.meetings.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.officers (
  officer_id text not null,
  name text not null,
  rank text not null,
  role text not null,
  beats text[] default '{}'::text[] not null,
  district_id text,
  photo text,
  photo_alt text,
  languages text[] not null,
  contact_email text,
  contact_phone text,
  contact_office_hours text,
  bio text default ''::text not null,
  published boolean default false not null,
  updated_at timestamp with time zone default now() not null,
  constraint officers_beats_format CHECK (private.valid_content_ids(beats, 40)),
  constraint officers_contact_email_format CHECK (private.valid_email(contact_email)),
  constraint officers_contact_phone_length CHECK (char_length(contact_phone) >= 3),
  constraint officers_district_id_fkey FOREIGN KEY (district_id) REFERENCES public.districts(district_id),
  constraint officers_id_format CHECK (private.valid_officer_slug(officer_id)),
  constraint officers_languages_filled CHECK (cardinality(languages) >= 1 AND private.all_filled(languages)),
  constraint officers_name_filled CHECK (char_length(name) >= 1),
  constraint officers_pkey PRIMARY KEY (officer_id),
  constraint officers_rank_filled CHECK (char_length(rank) >= 1),
  constraint officers_role_known CHECK (private.is_one_of(role, 'public.officer_role'::regtype)),
  constraint officers_serve_somewhere CHECK (cardinality(beats) > 0 OR district_id IS NOT NULL OR role = 'coordinator'::text)
);
alter table public.officers enable row level security;
comment on table public.officers is 'Officer profiles (officers/<slug>.json): name, rank, role, the beats or district served, languages, contact, bio.';
comment on column public.officers.photo is 'The portrait: the name of its file in the Storage bucket officer-photos (<officer_id>/<version>.webp); in the content folder, its file name beside the officer''s file.';
comment on column public.officers.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.priorities (
  priority_id text not null,
  title text not null,
  description text not null,
  beats text[] default '{}'::text[] not null,
  district_id text,
  source text not null,
  source_meeting_id text,
  source_date text,
  stage text default 'scanning'::text not null,
  opened_on text not null,
  review_on text,
  outcome text,
  outcome_note text,
  closed_on text,
  published boolean default false not null,
  updated_at timestamp with time zone default now() not null,
  constraint priorities_beats_format CHECK (private.valid_content_ids(beats, 40)),
  constraint priorities_belong_somewhere CHECK (cardinality(beats) > 0 OR district_id IS NOT NULL),
  constraint priorities_closed_after_opening CHECK (closed_on >= (opened_on COLLATE "C") OR NOT private.valid_local_date(opened_on)),
  constraint priorities_closed_not_reviewed CHECK (review_on IS NULL OR outcome IS NULL),
  constraint priorities_closed_on_format CHECK (private.valid_local_date(closed_on)),
  constraint priorities_closed_whole CHECK ((outcome IS NULL) = (closed_on IS NULL) AND (outcome IS NULL) = (outcome_note IS NULL)),
  constraint priorities_description_length CHECK (char_length(description) >= 1 AND char_length(description) <= 2000),
  constraint priorities_district_id_fkey FOREIGN KEY (district_id) REFERENCES public.districts(district_id),
  constraint priorities_id_format CHECK (private.valid_content_id(priority_id, 80)),
  constraint priorities_meeting_source CHECK (source_meeting_id IS NULL AND source_date IS NULL OR source = 'meeting'::text AND source_meeting_id IS NOT NULL AND source_date IS NOT NULL),
  constraint priorities_open_reviewed CHECK (review_on IS NOT NULL OR outcome IS NOT NULL),
  constraint priorities_opened_on_format CHECK (private.valid_local_date(opened_on)),
  constraint priorities_outcome_known CHECK (private.is_one_of(outcome, 'public.priority_outcome'::regtype)),
  constraint priorities_outcome_note_length CHECK (char_length(outcome_note) >= 1 AND char_length(outcome_note) <= 2000),
  constraint priorities_pkey PRIMARY KEY (priority_id),
  constraint priorities_review_after_opening CHECK (review_on >= (opened_on COLLATE "C") OR NOT private.valid_local_date(opened_on)),
  constraint priorities_review_on_format CHECK (private.valid_local_date(review_on)),
  constraint priorities_source_date_format CHECK (private.valid_local_date(source_date)),
  constraint priorities_source_known CHECK (private.is_one_of(source, 'public.priority_source'::regtype)),
  constraint priorities_source_meeting_format CHECK (private.valid_content_id(source_meeting_id, 80)),
  constraint priorities_stage_known CHECK (private.is_one_of(stage, 'public.sara_stage'::regtype)),
  constraint priorities_title_length CHECK (char_length(title) >= 1 AND char_length(title) <= 120)
);
alter table public.priorities enable row level security;
comment on table public.priorities is 'Beat priorities (priorities/<id>.json): a problem chosen with residents, its SARA stage, next review, and outcome once closed. Dated updates are in priority_updates.';
comment on column public.priorities.published is 'Whether the public site shows it; the others are drafts only staff read.';

create table public.priority_suggestions (
  suggestion_id uuid default gen_random_uuid() not null,
  beat text not null,
  problem text not null,
  status text default 'received'::text not null,
  status_changed_at timestamp with time zone default now() not null,
  public_reply text,
  priority_id text,
  receipt_hash bytea not null,
  idempotency_hash bytea not null,
  receipt_sealed bytea not null,
  created_at timestamp with time zone default now() not null,
  purged_at timestamp with time zone,
  constraint priority_suggestions_adopted_linked CHECK (priority_id IS NULL OR status = 'adopted'::text),
  constraint priority_suggestions_beat_format CHECK (private.valid_content_id(beat, 40)),
  constraint priority_suggestions_idempotency_hash_key UNIQUE (idempotency_hash),
  constraint priority_suggestions_pkey PRIMARY KEY (suggestion_id),
  constraint priority_suggestions_priority_id_fkey FOREIGN KEY (priority_id) REFERENCES public.priorities(priority_id) ON DELETE SET NULL,
  constraint priority_suggestions_problem_length CHECK (char_length(problem) >= 20 AND char_length(problem) <= 2000),
  constraint priority_suggestions_public_reply_length CHECK (char_length(public_reply) >= 1 AND char_length(public_reply) <= 5000),
  constraint priority_suggestions_receipt_hash_key UNIQUE (receipt_hash),
  constraint priority_suggestions_status_known CHECK (private.is_one_of(status, 'public.suggestion_status'::regtype))
);
alter table public.priority_suggestions enable row level security;
comment on table public.priority_suggestions is 'Problems residents suggested for their beat''s priorities. No IP address or user agent is kept. Read only by the beat''s staff; residents use suggest_priority() and suggestion_status().';

create table public.priority_support (
  support_id bigint generated always as identity not null,
  priority_id text not null,
  idempotency_hash bytea not null,
  created_at timestamp with time zone default now() not null,
  constraint priority_support_idempotency_hash_key UNIQUE (idempotency_hash),
  constraint priority_support_pkey PRIMARY KEY (support_id),
  constraint priority_support_priority_id_fkey FOREIGN KEY (priority_id) REFERENCES public.priorities(priority_id) ON DELETE CASCADE
);
alter table public.priority_support enable row level security;
comment on table public.priority_support is 'Residents'' "this matters to me too" on published priorities: a row a click, with no trace of who clicked. Counted into the site at each publish.';

create table public.priority_updates (
  priority_id text not null,
  "position" smallint not null,
  posted_on text not null,
  stage text not null,
  body text not null,
  published boolean default false not null,
  updated_at timestamp with time zone default now() not null,
  constraint priority_updates_body_length CHECK (char_length(body) >= 1 AND char_length(body) <= 2000),
  constraint priority_updates_pkey PRIMARY KEY (priority_id, "position"),
  constraint priority_updates_position_range CHECK ("position" >= 0),
  constraint priority_updates_posted_on_format CHECK (private.valid_local_date(posted_on)),
  constraint priority_updates_priority_id_fkey FOREIGN KEY (priority_id) REFERENCES public.priorities(priority_id) ON DELETE CASCADE,
  constraint priority_updates_stage_known CHECK (private.is_one_of(stage, 'public.sara_stage'::regtype))
);
alter table public.priority_updates enable row level security;
comment on table public.priority_updates is 'A priority''s dated public updates (the file''s "updates"): what was done, what changed. Public when it and its priority are published.';
comment on column public.priority_updates.published is 'Whether the public site shows it (with its priority); the others are drafts only staff read.';

create table public.site_settings (
  site_id text default 'site'::text not null,
  jurisdiction text not null,
  department text not null,
  time_zone text not null,
  locales text[] default '{en}'::text[] not null,
  emergency_number text not null,
  non_emergency_number text not null,
  contact_email text,
  contact_phone text,
  contact_office_hours text,
  contact_address text,
  map_center_lon double precision not null,
  map_center_lat double precision not null,
  map_south_west_lon double precision not null,
  map_south_west_lat double precision not null,
  map_north_east_lon double precision not null,
  map_north_east_lat double precision not null,
  sample_data boolean default false not null,
  published boolean default false not null,
  updated_at timestamp with time zone default now() not null,
  postal_state text,
  postal_cities text[],
  postal_zips text[],
  constraint site_settings_contact_email_format CHECK (private.valid_email(contact_email)),
  constraint site_settings_contact_phone_length CHECK (char_length(contact_phone) >= 3),
  constraint site_settings_department_filled CHECK (char_length(department) >= 1),
  constraint site_settings_emergency_number_length CHECK (char_length(emergency_number) >= 2),
  constraint site_settings_jurisdiction_filled CHECK (char_length(jurisdiction) >= 1),
  constraint site_settings_locales_known CHECK (cardinality(locales) >= 1 AND private.all_one_of(locales, 'public.site_locale'::regtype)),
  constraint site_settings_map_on_earth CHECK (private.valid_lon_lat(map_center_lon, map_center_lat) AND private.valid_lon_lat(map_south_west_lon, map_south_west_lat) AND private.valid_lon_lat(map_north_east_lon, map_north_east_lat)),
  constraint site_settings_non_emergency_number_length CHECK (char_length(non_emergency_number) >= 2),
  constraint site_settings_one_row CHECK (site_id = 'site'::text),
  constraint site_settings_pkey PRIMARY KEY (site_id),
  constraint site_settings_postal_cities_filled CHECK (private.all_filled(postal_cities)),
  constraint site_settings_postal_state_format CHECK (postal_state ~ '^[A-Za-z]{2}$'::text),
  constraint site_settings_postal_whole CHECK ((postal_cities IS NULL) = (postal_zips IS NULL) AND (postal_state IS NULL OR postal_cities IS NOT NULL)),
  constraint site_settings_postal_zips_format CHECK (array_to_string(postal_zips, ','::text) ~ '^([0-9]{5}(,[0-9]{5})*)?$'::text),
  constraint site_settings_time_zone_filled CHECK (char_length(time_zone) >= 1)
);
alter table public.site_settings enable row level security;
comment on table public.site_settings is 'The jurisdiction (site.json): its name, department, time zone, languages, emergency numbers, contact, and where maps open. One row.';
comment on column public.site_settings.published is 'Whether the public site shows it; the others are drafts only staff read.';
comment on column public.site_settings.postal_state is 'USPS state code: an address typed with another state is outside the jurisdiction.';
comment on column public.site_settings.postal_cities is 'City names its addresses use besides the jurisdiction''s own: any other is outside. Null when the site names no postal area.';
comment on column public.site_settings.postal_zips is 'Its ZIP codes, when listed: any other is outside. Null when the site names no postal area.';

create table public.staff_history (
  history_id bigint generated always as identity not null,
  kind text not null,
  item_id uuid not null,
  field text not null,
  from_value text,
  to_value text,
  note text,
  changed_by uuid,
  changed_by_email text,
  changed_at timestamp with time zone not null,
  constraint staff_history_kind_known CHECK (private.is_one_of(kind, 'public.history_kind'::regtype)),
  constraint staff_history_note_length CHECK (char_length(note) >= 1 AND char_length(note) <= 5000),
  constraint staff_history_pkey PRIMARY KEY (history_id)
);
alter table public.staff_history enable row level security;
comment on table public.staff_history is 'Every change to tips, watch groups and workshop requests, and every internal note: appended by triggers and functions, never changed or deleted.';

create table public.staff_members (
  user_id uuid not null,
  role text not null,
  officer_slug text,
  district text,
  active boolean default true not null,
  created_at timestamp with time zone default now() not null,
  constraint staff_members_officer_has_profile CHECK (role <> 'officer'::text OR officer_slug IS NOT NULL),
  constraint staff_members_pkey PRIMARY KEY (user_id),
  constraint staff_members_role_known CHECK (private.is_one_of(role, 'public.staff_role'::regtype)),
  constraint staff_members_supervisor_has_district CHECK (role <> 'supervisor'::text OR district IS NOT NULL),
  constraint staff_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE
);
alter table public.staff_members enable row level security;
comment on table public.staff_members is 'Staff accounts'' roles and scopes. Managed by coordinators (with the staff workspace) or the service role.';

create table public.staff_notification_settings (
  user_id uuid not null,
  language text default 'en'::text not null,
  deliveries jsonb default '{}'::jsonb not null,
  digest_through timestamp with time zone,
  updated_at timestamp with time zone default now() not null,
  constraint staff_notification_settings_deliveries_valid CHECK (private.valid_deliveries(deliveries)),
  constraint staff_notification_settings_language_known CHECK (private.is_one_of(language, 'public.site_locale'::regtype)),
  constraint staff_notification_settings_pkey PRIMARY KEY (user_id),
  constraint staff_notification_settings_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.staff_members(user_id) ON DELETE CASCADE
);
alter table public.staff_notification_settings enable row level security;
comment on table public.staff_notification_settings is 'Each staff member''s choice of email for new items in their scope: per kind, immediately, daily digest or none (daily when not chosen), and the language. Read by its owner; written through save_staff_notifications().';

create table public.tips (
  tip_id uuid default gen_random_uuid() not null,
  category text not null,
  description text not null,
  beat text,
  occurred_at timestamp with time zone,
  ongoing boolean default false not null,
  place text,
  latitude double precision,
  longitude double precision,
  vehicle_description text,
  person_description text,
  contact_name text,
  contact_email text,
  contact_phone text,
  contact_language text,
  status text default 'received'::text not null,
  status_changed_at timestamp with time zone default now() not null,
  public_reply text,
  assigned_to text,
  duplicate_of uuid,
  receipt_hash bytea not null,
  idempotency_hash bytea not null,
  receipt_sealed bytea not null,
  created_at timestamp with time zone default now() not null,
  purged_at timestamp with time zone,
  constraint tips_assigned_to_slug CHECK (private.valid_officer_slug(assigned_to)),
  constraint tips_beat_format CHECK (private.valid_content_id(beat, 40)),
  constraint tips_category_known CHECK (private.is_one_of(category, 'public.tip_category'::regtype)),
  constraint tips_contact_email_valid CHECK (private.valid_email(contact_email)),
  constraint tips_contact_language_valid CHECK (private.valid_language(contact_language)),
  constraint tips_contact_name_length CHECK (char_length(contact_name) >= 1 AND char_length(contact_name) <= 120),
  constraint tips_contact_phone_valid CHECK (private.valid_phone(contact_phone)),
  constraint tips_description_length CHECK (char_length(description) >= 20 AND char_length(description) <= 5000),
  constraint tips_duplicate_of_fkey FOREIGN KEY (duplicate_of) REFERENCES public.tips(tip_id),
  constraint tips_idempotency_hash_key UNIQUE (idempotency_hash),
  constraint tips_latitude_range CHECK (latitude >= '-90'::integer::double precision AND latitude <= 90::double precision),
  constraint tips_longitude_range CHECK (longitude >= '-180'::integer::double precision AND longitude <= 180::double precision),
  constraint tips_not_own_duplicate CHECK (duplicate_of <> tip_id),
  constraint tips_person_length CHECK (char_length(person_description) >= 1 AND char_length(person_description) <= 1000),
  constraint tips_pkey PRIMARY KEY (tip_id),
  constraint tips_place_length CHECK (char_length(place) >= 1 AND char_length(place) <= 200),
  constraint tips_point_whole CHECK ((latitude IS NULL) = (longitude IS NULL)),
  constraint tips_public_reply_length CHECK (char_length(public_reply) >= 1 AND char_length(public_reply) <= 5000),
  constraint tips_receipt_hash_key UNIQUE (receipt_hash),
  constraint tips_status_known CHECK (private.is_one_of(status, 'public.tip_status'::regtype)),
  constraint tips_vehicle_length CHECK (char_length(vehicle_description) >= 1 AND char_length(vehicle_description) <= 1000),
  constraint tips_when_one_or_other CHECK (NOT (ongoing AND occurred_at IS NOT NULL))
);
alter table public.tips enable row level security;
comment on table public.tips is 'Tips and concerns residents sent. No IP address or user agent is kept. Read only by staff (policies come with the staff workspace); residents use submit_tip() and tip_status().';
comment on column public.tips.contact_email is 'Only when the resident chose to be contacted; removed with the free text under the retention setting.';
comment on column public.tips.public_reply is 'What staff chose to tell the resident; shown to whoever holds the receipt code.';
comment on column public.tips.purged_at is 'When the free text was removed under the retention setting.';

create table public.watch_groups (
  watch_group_id uuid default gen_random_uuid() not null,
  name text not null,
  beat text not null,
  area jsonb not null,
  meeting_preference text,
  meeting_note text,
  expected_members integer,
  status text default 'pending'::text not null,
  status_changed_at timestamp with time zone default now() not null,
  approved_at timestamp with time zone,
  public_note text,
  receipt_hash bytea,
  idempotency_hash bytea,
  receipt_sealed bytea,
  created_at timestamp with time zone default now() not null,
  constraint watch_groups_approved_when CHECK ((status = 'approved'::text) = (approved_at IS NOT NULL) OR status = 'retired'::text),
  constraint watch_groups_area_geojson CHECK (((area ->> 'type'::text) = ANY (ARRAY['Polygon'::text, 'MultiPolygon'::text])) AND jsonb_typeof(area -> 'coordinates'::text) = 'array'::text),
  constraint watch_groups_beat_format CHECK (private.valid_content_id(beat, 40)),
  constraint watch_groups_expected_members_range CHECK (expected_members >= 2 AND expected_members <= 500),
  constraint watch_groups_idempotency_hash_key UNIQUE (idempotency_hash),
  constraint watch_groups_meeting_note_length CHECK (char_length(meeting_note) >= 1 AND char_length(meeting_note) <= 500),
  constraint watch_groups_meeting_preference_known CHECK (private.is_one_of(meeting_preference, 'public.meeting_preference'::regtype)),
  constraint watch_groups_name_length CHECK (char_length(name) >= 3 AND char_length(name) <= 120),
  constraint watch_groups_pkey PRIMARY KEY (watch_group_id),
  constraint watch_groups_public_note_length CHECK (char_length(public_note) >= 1 AND char_length(public_note) <= 2000),
  constraint watch_groups_receipt_hash_key UNIQUE (receipt_hash),
  constraint watch_groups_registration_complete CHECK (receipt_hash IS NULL AND idempotency_hash IS NULL AND receipt_sealed IS NULL OR receipt_hash IS NOT NULL AND idempotency_hash IS NOT NULL AND receipt_sealed IS NOT NULL AND meeting_preference IS NOT NULL AND expected_members IS NOT NULL),
  constraint watch_groups_status_known CHECK (private.is_one_of(status, 'public.watch_group_status'::regtype))
);
alter table public.watch_groups enable row level security;
comment on table public.watch_groups is 'Neighbourhood watch groups: name, beat, area and review status only. Members and captains are never stored here. Staff read and approve them; the public sees approved groups through a view.';
comment on column public.watch_groups.status_changed_at is 'When the status last changed: the "last updated" date a receipt lookup shows.';
comment on column public.watch_groups.public_note is 'What staff chose to tell the group''s captain; shown to whoever holds the receipt code.';

create table public.watch_members (
  member_id uuid default gen_random_uuid() not null,
  watch_group_id uuid not null,
  role text not null,
  name text not null,
  email text not null,
  phone text,
  block text,
  created_at timestamp with time zone default now() not null,
  idempotency_hash bytea,
  constraint watch_members_block_length CHECK (char_length(block) >= 3 AND char_length(block) <= 120),
  constraint watch_members_captain_reachable CHECK (role <> 'captain'::text OR phone IS NOT NULL),
  constraint watch_members_email_length CHECK (char_length(email) >= 3 AND char_length(email) <= 254),
  constraint watch_members_idempotency_hash_key UNIQUE (idempotency_hash),
  constraint watch_members_member_joined CHECK (role <> 'member'::text OR block IS NOT NULL AND idempotency_hash IS NOT NULL),
  constraint watch_members_name_length CHECK (char_length(name) >= 1 AND char_length(name) <= 120),
  constraint watch_members_phone_length CHECK (char_length(phone) >= 7 AND char_length(phone) <= 30),
  constraint watch_members_pkey PRIMARY KEY (member_id),
  constraint watch_members_role_known CHECK (private.is_one_of(role, 'public.watch_member_role'::regtype)),
  constraint watch_members_watch_group_id_fkey FOREIGN KEY (watch_group_id) REFERENCES public.watch_groups(watch_group_id) ON DELETE CASCADE
);
alter table public.watch_members enable row level security;
comment on table public.watch_members is 'Who captains or belongs to each neighbourhood watch group, with how to reach them. Never public: read only by staff (policies come with the staff workspace); residents use register_watch_group() and join_watch_group().';

create table public.workshop_requests (
  workshop_request_id uuid default gen_random_uuid() not null,
  workshop text not null,
  business_name text not null,
  address text not null,
  beat text,
  latitude double precision,
  longitude double precision,
  contact_name text not null,
  contact_email text,
  contact_phone text,
  contact_language text,
  attendees integer,
  preferred_times timestamp with time zone[] not null,
  notes text,
  status text default 'received'::text not null,
  confirmed_at timestamp with time zone,
  decline_reason text,
  status_changed_at timestamp with time zone default now() not null,
  receipt_hash bytea not null,
  idempotency_hash bytea not null,
  receipt_sealed bytea not null,
  created_at timestamp with time zone default now() not null,
  purged_at timestamp with time zone,
  constraint workshop_requests_address_length CHECK (char_length(address) >= 1 AND char_length(address) <= 300),
  constraint workshop_requests_attendees_range CHECK (attendees >= 1 AND attendees <= 1000),
  constraint workshop_requests_beat_format CHECK (private.valid_content_id(beat, 40)),
  constraint workshop_requests_business_name_length CHECK (char_length(business_name) >= 1 AND char_length(business_name) <= 200),
  constraint workshop_requests_confirmed_when CHECK (status <> 'confirmed'::text OR confirmed_at IS NOT NULL),
  constraint workshop_requests_contact_email_valid CHECK (private.valid_email(contact_email)),
  constraint workshop_requests_contact_language_valid CHECK (private.valid_language(contact_language)),
  constraint workshop_requests_contact_name_length CHECK (char_length(contact_name) >= 1 AND char_length(contact_name) <= 120),
  constraint workshop_requests_contact_phone_valid CHECK (private.valid_phone(contact_phone)),
  constraint workshop_requests_decline_reason_length CHECK (char_length(decline_reason) >= 1 AND char_length(decline_reason) <= 2000),
  constraint workshop_requests_declined_why CHECK (status <> 'declined'::text OR decline_reason IS NOT NULL),
  constraint workshop_requests_idempotency_hash_key UNIQUE (idempotency_hash),
  constraint workshop_requests_latitude_range CHECK (latitude >= '-90'::integer::double precision AND latitude <= 90::double precision),
  constraint workshop_requests_longitude_range CHECK (longitude >= '-180'::integer::double precision AND longitude <= 180::double precision),
  constraint workshop_requests_notes_length CHECK (char_length(notes) >= 1 AND char_length(notes) <= 2000),
  constraint workshop_requests_pkey PRIMARY KEY (workshop_request_id),
  constraint workshop_requests_point_whole CHECK ((latitude IS NULL) = (longitude IS NULL)),
  constraint workshop_requests_preferred_times_choices CHECK (array_ndims(preferred_times) = 1 AND cardinality(preferred_times) >= 2 AND cardinality(preferred_times) <= 3 AND private.distinct_instants(preferred_times)),
  constraint workshop_requests_reachable CHECK (purged_at IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL),
  constraint workshop_requests_receipt_hash_key UNIQUE (receipt_hash),
  constraint workshop_requests_status_known CHECK (private.is_one_of(status, 'public.workshop_request_status'::regtype)),
  constraint workshop_requests_workshop_format CHECK (private.valid_content_id(workshop, 80))
);
alter table public.workshop_requests enable row level security;
comment on table public.workshop_requests is 'Businesses'' requests for a workshop or a security survey. No IP address or user agent is kept. Read only by staff (policies come with the staff workspace); businesses use request_workshop() and workshop_status().';
comment on column public.workshop_requests.workshop is 'The id of a workshop in the content files (src/content/workshops/<id>.json).';
comment on column public.workshop_requests.purged_at is 'When the contact details and notes were removed under request_retention_days; null while they are kept.';

create table public.workshops (
  workshop_id text not null,
  title text not null,
  kind text not null,
  description text not null,
  duration_minutes integer not null,
  minimum_attendees integer not null,
  published boolean default false not null,
  updated_at timestamp with time zone default now() not null,
  constraint workshops_description_filled CHECK (char_length(description) >= 1),
  constraint workshops_duration_range CHECK (duration_minutes >= 15),
  constraint workshops_id_format CHECK (private.valid_content_id(workshop_id, 80)),
  constraint workshops_kind_known CHECK (private.is_one_of(kind, 'public.workshop_kind'::regtype)),
  constraint workshops_minimum_attendees_range CHECK (minimum_attendees >= 1),
  constraint workshops_pkey PRIMARY KEY (workshop_id),
  constraint workshops_title_filled CHECK (char_length(title) >= 1)
);
alter table public.workshops enable row level security;
comment on table public.workshops is 'The catalogue of safety workshops and premises surveys businesses may request (workshops/<id>.json).';
comment on column public.workshops.published is 'Whether the public site shows it; the others are drafts only staff read.';


-- indexes (other than those of constraints)

CREATE INDEX alert_digest_items_subscription ON private.alert_digest_items USING btree (subscription_id);
CREATE INDEX alert_requests_created_at ON private.alert_requests USING btree (created_at);
CREATE INDEX alert_subscriptions_beat ON private.alert_subscriptions USING btree (beat_id) WHERE (confirmed_at IS NOT NULL);
CREATE UNIQUE INDEX alert_subscriptions_confirm_hash ON private.alert_subscriptions USING btree (confirm_hash);
CREATE INDEX alert_subscriptions_district ON private.alert_subscriptions USING btree (district_id) WHERE (confirmed_at IS NOT NULL);
CREATE UNIQUE INDEX alert_subscriptions_one_per_area ON private.alert_subscriptions USING btree (email, COALESCE(beat_id, ''::text), COALESCE(district_id, ''::text));
CREATE INDEX alert_subscriptions_unconfirmed ON private.alert_subscriptions USING btree (created_at) WHERE (confirmed_at IS NULL);
CREATE INDEX mail_outbox_due ON private.mail_outbox USING btree (next_attempt_at, mail_id) WHERE (status = 'queued'::text);
CREATE INDEX mail_outbox_finished ON private.mail_outbox USING btree (queued_at) WHERE (status <> 'queued'::text);
CREATE INDEX staff_arrivals_arrived ON private.staff_arrivals USING btree (arrived_at);
CREATE INDEX beats_district_id ON public.beats USING btree (district_id);
CREATE INDEX content_history_item ON public.content_history USING btree (kind, item_id, changed_at);
CREATE INDEX content_history_transaction ON public.content_history USING btree (transaction_id);
CREATE INDEX conversation_messages_answers ON public.conversation_messages USING btree (created_at) WHERE (NOT from_staff);
CREATE INDEX conversation_messages_item ON public.conversation_messages USING btree (kind, item_id, message_id);
CREATE INDEX conversation_messages_unread ON public.conversation_messages USING btree (kind, item_id) WHERE ((NOT from_staff) AND (read_at IS NULL));
CREATE INDEX meetings_district_id ON public.meetings USING btree (district_id);
CREATE INDEX officers_district_id ON public.officers USING btree (district_id);
CREATE INDEX priorities_district_id ON public.priorities USING btree (district_id);
CREATE INDEX priority_suggestions_created_at ON public.priority_suggestions USING btree (created_at);
CREATE INDEX priority_support_created_at ON public.priority_support USING btree (created_at);
CREATE INDEX priority_support_priority ON public.priority_support USING btree (priority_id);
CREATE INDEX staff_history_item ON public.staff_history USING btree (kind, item_id, changed_at);
CREATE INDEX tips_created_at ON public.tips USING btree (created_at);
CREATE INDEX watch_groups_created_at ON public.watch_groups USING btree (created_at);
CREATE INDEX watch_members_created_at ON public.watch_members USING btree (created_at);
CREATE UNIQUE INDEX watch_members_one_captain ON public.watch_members USING btree (watch_group_id) WHERE (role = 'captain'::text);
CREATE UNIQUE INDEX watch_members_one_membership ON public.watch_members USING btree (watch_group_id, lower(email)) WHERE (role = 'member'::text);
CREATE INDEX workshop_requests_created_at ON public.workshop_requests USING btree (created_at);

-- views

create view private.resident_answers as
 SELECT created_at
   FROM public.conversation_messages m
  WHERE NOT from_staff;

-- functions

CREATE OR REPLACE FUNCTION private.admit_submission(action text, submissions regclass, key uuid, proof jsonb)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  perform private.check_proof(action, key, proof);
  perform private.check_ceiling(action, submissions);
end
$function$;

CREATE OR REPLACE FUNCTION private.alert_area_link(language text, beat_id text, district_id text)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select private.alert_language_prefix(language)
         || case when beat_id is not null then '/beats/' || beat_id || '/' else '/districts/' || district_id || '/' end
$function$;

CREATE OR REPLACE FUNCTION private.alert_area_name(beat_id text, district_id text)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select coalesce((select b.name from public.beats as b where b.beat_id = alert_area_name.beat_id),
                  (select d.name from public.districts as d where d.district_id = alert_area_name.district_id))
$function$;

CREATE OR REPLACE FUNCTION private.alert_choices(topics text[], delivery text)
 RETURNS text[]
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION private.alert_items(request_ids bigint[])
 RETURNS TABLE(topic text, item jsonb, beats text[])
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION private.alert_language_prefix(language text)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select case when language = coalesce((select s.locales[1] from public.site_settings as s limit 1), 'en') then '' else '/' || language end
$function$;

CREATE OR REPLACE FUNCTION private.alert_manage_token(subscription_id uuid)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select encode(uuid_send(subscription_id), 'hex')
         || encode(extensions.hmac(subscription_id::text, (select k.signing_key from private.alert_keys as k), 'sha256'), 'hex')
$function$;

CREATE OR REPLACE FUNCTION private.alert_params(subscription private.alert_subscriptions)
 RETURNS jsonb
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select jsonb_build_object(
    'area', case when subscription.beat_id is not null then 'beat' else 'district' end,
    'area_id', coalesce(subscription.beat_id, subscription.district_id),
    'area_name', private.alert_area_name(subscription.beat_id, subscription.district_id),
    'link', private.alert_area_link(subscription.language, subscription.beat_id, subscription.district_id),
    'prefix', private.alert_language_prefix(subscription.language),
    'token', private.alert_manage_token(subscription.subscription_id))
$function$;

CREATE OR REPLACE FUNCTION private.alert_subscription_json(subscription private.alert_subscriptions)
 RETURNS jsonb
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select jsonb_build_object(
    'beat', subscription.beat_id, 'district', subscription.district_id,
    'area_name', private.alert_area_name(subscription.beat_id, subscription.district_id),
    'topics', to_jsonb(subscription.topics), 'delivery', subscription.delivery, 'language', subscription.language,
    'token', private.alert_manage_token(subscription.subscription_id))
$function$;

CREATE OR REPLACE FUNCTION private.alert_subscription_of(token text)
 RETURNS uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION private.alert_token_refused()
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  perform private.refuse('token', 'this link is not valid any more: the subscription may have ended');
end
$function$;

CREATE OR REPLACE FUNCTION private.all_filled(list_values text[])
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select not exists (select from unnest(list_values) as v where coalesce(v, '') = '')
$function$;

CREATE OR REPLACE FUNCTION private.all_one_of(list_values text[], list regtype)
 RETURNS boolean
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select not exists (select from unnest(list_values) as v where not coalesce(private.is_one_of(v, list), false))
$function$;

CREATE OR REPLACE FUNCTION private.check_ceiling(action text, submissions regclass)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  ceiling private.submission_ceilings;
  oldest_counted timestamptz;
  retry_after integer;
begin
  select * into ceiling from private.submission_ceilings as c where c.action = check_ceiling.action;
  if not found then return; end if;
  execute format('select s.created_at from %s as s where s.created_at > $1 order by s.created_at desc offset $2 limit 1', submissions)
    into oldest_counted
    using now() - ceiling.per, ceiling.most - 1;
  if oldest_counted is not null then
    retry_after := greatest(1, ceil(extract(epoch from (oldest_counted + ceiling.per - now())))::integer);
    raise sqlstate 'PGRST' using
      message = json_build_object(
        'code', 'rate_limited',
        'message', format('Too many submissions right now: try again in %s minutes.', ceil(retry_after / 60.0)),
        'details', retry_after::text,
        'hint', null)::text,
      detail = json_build_object('status', 429, 'headers', json_build_object('Retry-After', retry_after::text))::text;
  end if;
end
$function$;

CREATE OR REPLACE FUNCTION private.check_proof(action text, key uuid, proof jsonb)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  salt text := proof ->> 'salt';
  challenge text := proof ->> 'challenge';
  number text := proof ->> 'number';
  claims text[] := regexp_match(salt, '^[0-9a-f]{24}\?action=([a-z_]+)&expires=([0-9]{1,12})&key=([0-9a-f]{64})&$');
  signing_key text := (select p.signing_key from private.proof_of_work as p);
begin
  if claims is null or number !~ '^[0-9]{1,10}$' or proof ->> 'algorithm' is distinct from 'SHA-256'
     or claims[1] <> check_proof.action
     or claims[3] <> encode(private.key_hash(check_proof.key), 'hex')
     or claims[2]::bigint < extract(epoch from now())
     or encode(sha256(convert_to(salt || number, 'UTF8')), 'hex') <> challenge
     or encode(extensions.hmac(challenge, signing_key, 'sha256'), 'hex') is distinct from proof ->> 'signature' then
    perform private.refuse('proof', 'solve a new challenge for this submission: this proof is missing, expired or wrong');
  end if;
end
$function$;

CREATE OR REPLACE FUNCTION private.compose_alerts()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION private.content_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.request_publish(tg_table_name);
  return null;
end
$function$;

CREATE OR REPLACE FUNCTION private.content_table(kind text, OUT tbl regclass, OUT key text[])
 RETURNS record
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select t.tbl, t.key from (values
    ('site', 'public.site_settings'::regclass, '{site_id}'::text[]),
    ('district', 'public.districts'::regclass, '{district_id}'),
    ('beat', 'public.beats'::regclass, '{beat_id}'),
    ('officer', 'public.officers'::regclass, '{officer_id}'),
    ('meeting', 'public.meetings'::regclass, '{meeting_id}'),
    ('meeting_exception', 'public.meeting_exceptions'::regclass, '{meeting_id,position}'),
    ('meeting_report', 'public.meeting_reports'::regclass, '{meeting_id,occurrence_date}'),
    ('priority', 'public.priorities'::regclass, '{priority_id}'),
    ('priority_update', 'public.priority_updates'::regclass, '{priority_id,position}'),
    ('workshop', 'public.workshops'::regclass, '{workshop_id}')
  ) as t (kind, tbl, key)
  where t.kind = content_table.kind
$function$;

CREATE OR REPLACE FUNCTION private.conversation_item(kind text, item_id uuid, OUT known boolean, OUT beat text, OUT purged boolean)
 RETURNS record
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if conversation_item.kind = 'tip' then
    select true, t.beat, t.purged_at is not null into known, beat, purged from public.tips as t where t.tip_id = conversation_item.item_id;
  elsif conversation_item.kind = 'watch_group' then
    select true, g.beat, false into known, beat, purged from public.watch_groups as g where g.watch_group_id = conversation_item.item_id;
  elsif conversation_item.kind = 'workshop_request' then
    select true, w.beat, w.purged_at is not null into known, beat, purged
      from public.workshop_requests as w where w.workshop_request_id = conversation_item.item_id;
  end if;
  known := coalesce(known, false);
end
$function$;

CREATE OR REPLACE FUNCTION private.delivery_of(settings public.staff_notification_settings, kind text)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select coalesce(settings.deliveries ->> kind, 'daily')
$function$;

CREATE OR REPLACE FUNCTION private.distinct_instants(instants timestamp with time zone[])
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select count(distinct instant) = count(*) and count(*) = count(instant)
    from unnest(instants) as instant
$function$;

CREATE OR REPLACE FUNCTION private.first_receipt(submissions regclass, key uuid)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  receipt text;
begin
  execute format('select private.open_receipt(s.receipt_sealed, $1) from %s as s where s.idempotency_hash = $2', submissions)
    into receipt
    using key, private.key_hash(key);
  return receipt;
end
$function$;

CREATE OR REPLACE FUNCTION private.forget_conversation()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  delete from public.conversation_messages as m
   where m.kind = tg_argv[0] and m.item_id = (to_jsonb(new) ->> tg_argv[1])::uuid;
  return null;
end
$function$;

CREATE OR REPLACE FUNCTION private.forget_declined_group_conversation()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  delete from public.conversation_messages as m
   using public.watch_groups as g
   where m.kind = 'watch_group' and m.item_id = old.watch_group_id
     and g.watch_group_id = old.watch_group_id and g.status = 'declined';
  return null;
end
$function$;

CREATE OR REPLACE FUNCTION private.history_is_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  raise exception using errcode = '42501', message = 'the history cannot be changed or deleted';
end
$function$;

CREATE OR REPLACE FUNCTION private.is_one_of(value text, list regtype)
 RETURNS boolean
 LANGUAGE sql
 STABLE STRICT
 SET search_path TO ''
AS $function$
  select exists (select from pg_catalog.pg_enum as e where e.enumtypid = list and e.enumlabel = value)
$function$;

CREATE OR REPLACE FUNCTION private.item_of_receipt(receipt text)
 RETURNS TABLE(kind text, item_id uuid)
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select 'tip', t.tip_id from public.tips as t where t.receipt_hash = private.receipt_hash(receipt)
  union all
  select 'watch_group', g.watch_group_id from public.watch_groups as g where g.receipt_hash = private.receipt_hash(receipt)
  union all
  select 'workshop_request', w.workshop_request_id from public.workshop_requests as w where w.receipt_hash = private.receipt_hash(receipt)
  limit 1
$function$;

CREATE OR REPLACE FUNCTION private.keep_workshop_meeting(request public.workshop_requests, present boolean)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  id text := private.workshop_meeting_id(request.workshop_request_id);
  site public.site_settings;
  workshop public.workshops;
  beat public.beats;
  current public.meetings;
  wanted public.meetings;
  -- The internal note given with the request's change is about the business
  -- and is read by the staff of its beat; the content history is read by all
  -- staff. The meeting's change goes in without it.
  request_note text := current_setting('openbeat.change_note', true);
begin
  select * into site from public.site_settings;
  if present and request.status in ('confirmed', 'completed') and request.confirmed_at is not null
     and request.latitude is not null and request.longitude is not null then
    select * into beat from public.beats as b where b.beat_id = request.beat and b.published;
    select * into workshop from public.workshops as w where w.workshop_id = request.workshop and w.published;
    wanted.schedule_start := private.site_wall_time(request.confirmed_at);
  end if;

  select * into current from public.meetings as m where m.meeting_id = id for update;

  -- Nowhere to place it (or an instant beyond the years a local time can write): no meeting.
  if beat.beat_id is null or workshop.workshop_id is null or not coalesce(private.valid_local_date_time(wanted.schedule_start), false) then
    if current.meeting_id is not null then
      perform set_config('openbeat.change_note', '', true);
      delete from public.meetings as m where m.meeting_id = id;
      perform set_config('openbeat.change_note', coalesce(request_note, ''), true);
    end if;
    return;
  end if;

  wanted.meeting_id := id;
  wanted.title := workshop.title;
  wanted.kind := 'business';
  wanted.beats := array[beat.beat_id];
  wanted.district_id := beat.district_id;
  wanted.venue_name := request.business_name;
  wanted.venue_address := request.address;
  wanted.venue_lon := request.longitude;
  wanted.venue_lat := request.latitude;
  -- The catalogue has no upper bound on a workshop's length; a meeting lasts a day at most.
  wanted.schedule_duration_minutes := least(workshop.duration_minutes, 1440);
  -- Retention removes the contact language of a finished request: its meeting keeps the one it was held in.
  wanted.languages := case
    when request.contact_language is not null then array[request.contact_language]
    else coalesce(current.languages, array[coalesce(site.locales[1], 'en')])
  end;
  wanted.published := true;

  if current.meeting_id is not null
     and (current.title, current.kind, current.beats, current.district_id, current.venue_name, current.venue_address,
          current.venue_lon, current.venue_lat, current.schedule_start, current.schedule_duration_minutes,
          current.schedule_rrule, current.schedule_time_zone, current.languages, current.published)
         is not distinct from
         (wanted.title, wanted.kind, wanted.beats, wanted.district_id, wanted.venue_name, wanted.venue_address,
          wanted.venue_lon, wanted.venue_lat, wanted.schedule_start, wanted.schedule_duration_minutes,
          null::text, null::text, wanted.languages, wanted.published) then
    return;
  end if;

  perform set_config('openbeat.change_note', '', true);
  if current.meeting_id is null then
    insert into public.meetings (meeting_id, title, kind, beats, district_id, venue_name, venue_address, venue_lon, venue_lat,
                                 schedule_start, schedule_duration_minutes, languages, published)
    values (wanted.meeting_id, wanted.title, wanted.kind, wanted.beats, wanted.district_id, wanted.venue_name, wanted.venue_address,
            wanted.venue_lon, wanted.venue_lat, wanted.schedule_start, wanted.schedule_duration_minutes, wanted.languages, wanted.published);
  else
    update public.meetings as m
       set title = wanted.title, kind = wanted.kind, beats = wanted.beats, district_id = wanted.district_id,
           venue_name = wanted.venue_name, venue_address = wanted.venue_address, venue_lon = wanted.venue_lon, venue_lat = wanted.venue_lat,
           schedule_start = wanted.schedule_start, schedule_duration_minutes = wanted.schedule_duration_minutes,
           schedule_rrule = null, schedule_time_zone = null, languages = wanted.languages, published = wanted.published
     where m.meeting_id = id;
  end if;
  -- Calendar feeds number a meeting's versions by its "updated": a new time or place is a new version.
  if current.meeting_id is null
     or (current.venue_name, current.venue_address, current.venue_lon, current.venue_lat, current.schedule_start,
         current.schedule_duration_minutes, current.schedule_rrule, current.schedule_time_zone)
        is distinct from
        (wanted.venue_name, wanted.venue_address, wanted.venue_lon, wanted.venue_lat, wanted.schedule_start,
         wanted.schedule_duration_minutes, null::text, null::text) then
    perform private.touch_meeting(id);
  end if;
  perform set_config('openbeat.change_note', coalesce(request_note, ''), true);
end
$function$;

CREATE OR REPLACE FUNCTION private.key_hash(key uuid)
 RETURNS bytea
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select sha256(convert_to(key::text, 'UTF8'))
$function$;

CREATE OR REPLACE FUNCTION private.new_receipt_code()
 RETURNS text
 LANGUAGE sql
 SET search_path TO ''
AS $function$
  select string_agg(
           substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (get_byte(bytes, i) & 31) + 1, 1)
             || case when i in (3, 7, 11) then '-' else '' end,
           '' order by i)
  from (select extensions.gen_random_bytes(16) as bytes) as random, generate_series(0, 15) as i
$function$;
comment on function private.new_receipt_code() is 'A fresh receipt code: 80 random bits as XXXX-XXXX-XXXX-XXXX.';

CREATE OR REPLACE FUNCTION private.normalised_receipt(code text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select translate(upper(regexp_replace(coalesce(code, ''), '[\s-]', '', 'g')), 'OIL', '011')
$function$;

CREATE OR REPLACE FUNCTION private.note_change(note text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if char_length(btrim(note)) > 5000 then
    perform private.refuse('note', 'keep the note under 5000 characters');
  end if;
  perform set_config('openbeat.change_note', coalesce(btrim(note), ''), true);
end
$function$;

CREATE OR REPLACE FUNCTION private.notify_staff()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION private.notify_staff_of_answer()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  item_beat text := (private.conversation_item(new.kind, new.item_id)).beat;
begin
  insert into private.staff_arrivals (kind, item_id, beat) values ('reply', new.item_id, item_beat);
  insert into private.mail_outbox (recipient, language, template, params)
  select u.email, coalesce(n.language, 'en'), 'staff_new_item',
         jsonb_build_object('kind', 'reply', 'beat', item_beat, 'link', private.workspace_link(new.kind, new.item_id))
    from public.staff_members as s
    join auth.users as u on u.id = s.user_id
    left join public.staff_notification_settings as n on n.user_id = s.user_id
   where s.active and private.valid_email(u.email)
     and private.delivery_of(n, 'reply') = 'immediately'
     and private.staff_sees_beat(s.user_id, item_beat);
  if found then
    perform pg_notify('openbeat_mail', '');
  end if;
  return null;
end
$function$;

CREATE OR REPLACE FUNCTION private.officer_keeps(old_row jsonb, new_row jsonb)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select not exists (
    select from unnest(array['officer_id', 'name', 'rank', 'role', 'beats', 'district_id', 'published']) as c
     where old_row -> c is distinct from new_row -> c)
$function$;

CREATE OR REPLACE FUNCTION private.open_receipt(sealed bytea, key uuid)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select extensions.pgp_sym_decrypt(sealed, key::text)
$function$;

CREATE OR REPLACE FUNCTION private.open_submission(submissions regclass, key uuid)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if key is null then
    perform private.refuse('idempotency_key', 'idempotency_key is required');
  end if;
  return private.first_receipt(submissions, key);
end
$function$;

CREATE OR REPLACE FUNCTION private.publish_build_lapse()
 RETURNS interval
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select interval '1 hour'
$function$;

CREATE OR REPLACE FUNCTION private.publish_finished()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if exists (select from finished_rows as f join earlier_rows as e using (publish_request_id)
              where f.outcome = 'published' and e.finished_at is null) then
    perform private.compose_alerts();
  end if;
  return null;
end
$function$;

CREATE OR REPLACE FUNCTION private.queue_mail(recipient text, language text, template text, params jsonb DEFAULT '{}'::jsonb, unsubscribe_url text DEFAULT NULL::text)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  queued bigint;
begin
  insert into private.mail_outbox (recipient, language, template, params, unsubscribe_url)
  values (queue_mail.recipient, queue_mail.language, queue_mail.template, coalesce(queue_mail.params, '{}'), queue_mail.unsubscribe_url)
  returning mail_id into queued;
  perform pg_notify('openbeat_mail', '');
  return queued;
end
$function$;

CREATE OR REPLACE FUNCTION private.receipt_hash(code text)
 RETURNS bytea
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select sha256(convert_to(private.normalised_receipt(code), 'UTF8'))
$function$;

CREATE OR REPLACE FUNCTION private.record_changes()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  kind text := tg_argv[0];
  id_column text := tg_argv[1];
  before jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) else '{}'::jsonb end;
  after jsonb := to_jsonb(new);
  note text := nullif(current_setting('openbeat.change_note', true), '');
  field text;
begin
  for i in 2 .. tg_nargs - 1 loop
    field := tg_argv[i];
    if (tg_op = 'INSERT' and (i = 2 or jsonb_typeof(after -> field) <> 'null'))
       or (tg_op = 'UPDATE' and (before -> field) is distinct from (after -> field)) then
      insert into public.staff_history (kind, item_id, field, from_value, to_value, note)
      values (kind, (after ->> id_column)::uuid, field, before ->> field, after ->> field, note);
      note := null;
    end if;
  end loop;
  perform set_config('openbeat.change_note', '', true);
  return null;
end
$function$;

CREATE OR REPLACE FUNCTION private.record_content_change()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  kind text := tg_argv[0];
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - 'updated_at' - 'updated_local' end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - 'updated_at' - 'updated_local' end;
  named jsonb := '{}';
  before jsonb;
  after jsonb;
begin
  for i in 1 .. tg_nargs - 1 loop
    named := named || jsonb_build_object(tg_argv[i], coalesce(new_row, old_row) -> tg_argv[i]);
  end loop;
  if tg_op = 'UPDATE' then
    select coalesce(jsonb_object_agg(o.key, o.value), '{}'), coalesce(jsonb_object_agg(o.key, new_row -> o.key), '{}')
      into before, after
      from jsonb_each(old_row) as o
     where o.value is distinct from new_row -> o.key;
    if before = '{}' then
      return null;
    end if;
    before := named || before;
    after := named || after;
  else
    before := old_row;
    after := new_row;
  end if;
  insert into public.content_history (kind, item_id, operation, before, after, note, undoes)
  values (kind, named ->> tg_argv[1], lower(tg_op), before, after,
          nullif(current_setting('openbeat.change_note', true), ''),
          nullif(current_setting('openbeat.undoing', true), '')::bigint);
  return null;
end
$function$;

CREATE OR REPLACE FUNCTION private.refuse(field text, reason text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  raise exception using errcode = '22023', message = reason, detail = field;
end
$function$;

CREATE OR REPLACE FUNCTION private.refuse_violation(tbl regclass, rule text, column_name text, state text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  field text := nullif(column_name, '');
begin
  if field is null then
    select a.attname into field
      from pg_catalog.pg_constraint as c
      join pg_catalog.pg_attribute as a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     where c.conrelid = tbl and c.conname = rule;
  end if;
  perform private.refuse(coalesce(field, 'item'), case state
    when '23503' then 'choose one that exists'
    when '23502' then 'fill this in'
    when '23505' then 'one like this exists already'
    else 'check this: ' || coalesce(rule, 'it is not valid')
  end);
end
$function$;

CREATE OR REPLACE FUNCTION private.request_publish(changed text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  insert into private.publish_requests (tables) values (array[changed])
  on conflict (transaction_id) do update
    set tables = (select array_agg(distinct t order by t) from unnest(private.publish_requests.tables || excluded.tables) as t);
  perform pg_notify('openbeat_publish', changed);
end
$function$;

CREATE OR REPLACE FUNCTION private.require_coordinator()
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if staff_access.role() is distinct from 'coordinator' then
    raise exception using errcode = '42501', message = 'only coordinators manage staff';
  end if;
end
$function$;

CREATE OR REPLACE FUNCTION private.retention_days(setting text)
 RETURNS integer
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select (s.value #>> '{}')::integer from private.settings as s where s.name = setting
$function$;

CREATE OR REPLACE FUNCTION private.seal_receipt(receipt text, key uuid)
 RETURNS bytea
 LANGUAGE sql
 SET search_path TO ''
AS $function$
  select extensions.pgp_sym_encrypt(receipt, key::text, 'cipher-algo=aes256, s2k-mode=1')
$function$;

CREATE OR REPLACE FUNCTION private.site_wall_time(instant timestamp with time zone)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select to_char(instant at time zone coalesce((select s.time_zone from public.site_settings as s), 'UTC'), 'YYYY-MM-DD"T"HH24:MI')
$function$;

CREATE OR REPLACE FUNCTION private.staff_sees_beat(user_id uuid, beat text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION private.stamp_history_author()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.changed_by := auth.uid();
  new.changed_by_email := nullif(auth.jwt() ->> 'email', '');
  new.changed_at := now();
  return new;
end
$function$;

CREATE OR REPLACE FUNCTION private.stamp_status_change()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  column_name text;
begin
  foreach column_name in array tg_argv loop
    if (to_jsonb(new) -> column_name) is distinct from (to_jsonb(old) -> column_name) then
      new.status_changed_at := now();
      exit;
    end if;
  end loop;
  return new;
end
$function$;

CREATE OR REPLACE FUNCTION private.stamp_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.updated_at := now();
  return new;
end
$function$;

CREATE OR REPLACE FUNCTION private.status_page(kind text, language text)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select case when language = any (coalesce(s.locales[2:], '{}')) then '/' || language else '' end
      || case kind when 'tip' then '/tip/status' when 'watch_group' then '/watch/status' else '/workshops/status' end
    from (select (select l.locales from public.site_settings as l limit 1) as locales) as s
$function$;

CREATE OR REPLACE FUNCTION private.touch_meeting(meeting_id text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  update public.meetings as m
     set updated_local = (
       select case when m.updated_local is null or local_now > m.updated_local collate "C" then local_now
                   else to_char(m.updated_local::timestamp + interval '1 minute', 'YYYY-MM-DD"T"HH24:MI') end
         from (select to_char(now() at time zone coalesce(m.schedule_time_zone, (select s.time_zone from public.site_settings as s), 'UTC'),
                              'YYYY-MM-DD"T"HH24:MI') as local_now) as t)
   where m.meeting_id = touch_meeting.meeting_id;
end
$function$;

CREATE OR REPLACE FUNCTION private.trimmed(value text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select nullif(regexp_replace(value, '^\s+|\s+$', '', 'g'), '')
$function$;

CREATE OR REPLACE FUNCTION private.trimmed_answer(value text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select nullif(regexp_replace(value, '^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$', '', 'g'), '')
$function$;

CREATE OR REPLACE FUNCTION private.valid_area(area jsonb)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select area ->> 'type' in ('Polygon', 'MultiPolygon') and jsonb_typeof(area -> 'coordinates') = 'array'
$function$;

CREATE OR REPLACE FUNCTION private.valid_content_id(id text, max_length integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select id ~ '^[A-Za-z0-9][A-Za-z0-9_-]*$' and char_length(id) <= max_length
$function$;

CREATE OR REPLACE FUNCTION private.valid_content_ids(ids text[], max_length integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select not exists (select from unnest(ids) as id where not coalesce(private.valid_content_id(id, max_length), false))
$function$;

CREATE OR REPLACE FUNCTION private.valid_deliveries(deliveries jsonb)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select jsonb_typeof(deliveries) = 'object'
     and not exists (
       select from jsonb_each(deliveries) as d
        where not coalesce(private.is_one_of(d.key, 'public.notification_kind'), false)
           or jsonb_typeof(d.value) <> 'string'
           or not coalesce(private.is_one_of(d.value #>> '{}', 'public.notification_delivery'), false))
$function$;

CREATE OR REPLACE FUNCTION private.valid_email(email text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select char_length(email) <= 254
     and email ~ '^[^@]+@[^@]+\.[^@.]+$'
     and email !~ '[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]'
$function$;

CREATE OR REPLACE FUNCTION private.valid_language(language text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select char_length(language) <= 35 and language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'
$function$;

CREATE OR REPLACE FUNCTION private.valid_local_date(local text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select local ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
$function$;

CREATE OR REPLACE FUNCTION private.valid_local_date_time(local text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select local ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$'
$function$;

CREATE OR REPLACE FUNCTION private.valid_lon_lat(lon double precision, lat double precision)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select lon between -180 and 180 and lat between -90 and 90
$function$;

CREATE OR REPLACE FUNCTION private.valid_officer_slug(slug text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select slug ~ '^[a-z0-9][a-z0-9-]*$' and char_length(slug) <= 80
$function$;

CREATE OR REPLACE FUNCTION private.valid_phone(phone text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select char_length(phone) <= 30
     and phone ~ '^\+?[0-9][0-9 ().-]*$'
     and char_length(regexp_replace(phone, '[^0-9]', '', 'g')) between 7 and 15
$function$;

CREATE OR REPLACE FUNCTION private.valid_watch_area(area jsonb)
 RETURNS boolean
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION private.watch_groups_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  shown boolean;
begin
  -- Each branch names only the transition tables its event has.
  if tg_op = 'TRUNCATE' then
    shown := true;
  elsif tg_op = 'INSERT' then
    shown := exists (select from new_groups where status = 'approved');
  elsif tg_op = 'DELETE' then
    shown := exists (select from old_groups where status = 'approved');
  else
    shown := exists (
      select from new_groups as n full join old_groups as o using (watch_group_id)
       where (n.status = 'approved' or o.status = 'approved')
         and (n.status, n.name, n.beat, n.area) is distinct from (o.status, o.name, o.beat, o.area)
    );
  end if;
  if shown then
    perform private.request_publish('watch_groups');
  end if;
  return null;
end
$function$;

CREATE OR REPLACE FUNCTION private.workshop_meeting_id(workshop_request_id uuid)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select 'workshop-' || workshop_request_id::text
$function$;

CREATE OR REPLACE FUNCTION private.workshop_request_scheduled()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'DELETE' then
    perform private.keep_workshop_meeting(old, false);
  else
    perform private.keep_workshop_meeting(new, true);
  end if;
  return null;
end
$function$;

CREATE OR REPLACE FUNCTION private.workspace_link(kind text, item_id uuid)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select '/staff#' || replace(kind, '_', '-') || '/' || item_id::text
$function$;

CREATE OR REPLACE FUNCTION private.write_content(kind text, key jsonb, item jsonb, creating boolean)
 RETURNS jsonb
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  target record := private.content_table(kind);
  role text := staff_access.role();
  where_key text;
  old_row jsonb;
  new_row jsonb;
  columns text;
  unknown text;
  written jsonb;
  state text;
  rule text;
  field text;
begin
  if target.tbl is null then
    perform private.refuse('kind', 'choose a kind of content');
  end if;
  if role is null then
    raise exception using errcode = '42501', message = 'only staff edit content';
  end if;
  -- A new exception takes the next place in its meeting's list, and one for a
  -- date the meeting already has replaces it.
  if kind = 'meeting_exception' and key ->> 'position' is null then
    select jsonb_build_object('meeting_id', e.meeting_id, 'position', e.position) into key
      from public.meeting_exceptions as e
     where e.meeting_id = key ->> 'meeting_id' and e.occurrence_date = coalesce(item ->> 'occurrence_date', key ->> 'occurrence_date');
    if key ->> 'position' is null and item is null then
      perform private.refuse('occurrence_date', 'this occurrence has no change to remove');
    elsif key ->> 'position' is null then
      key := jsonb_build_object('meeting_id', coalesce(item, key) ->> 'meeting_id', 'position',
        (select coalesce(max(e.position) + 1, 0) from public.meeting_exceptions as e where e.meeting_id = coalesce(item, key) ->> 'meeting_id'));
      creating := true;
    else
      creating := false;
    end if;
  end if;
  for i in 1 .. cardinality(target.key) loop
    if key ->> target.key[i] is null then
      perform private.refuse(target.key[i], 'say which one');
    end if;
  end loop;
  select string_agg(format('x.%I = ($1 ->> %L)::%s', k, k, format_type(a.atttypid, a.atttypmod)), ' and ')
    into where_key
    from unnest(target.key) as k
    join pg_catalog.pg_attribute as a on a.attrelid = target.tbl and a.attname = k;
  execute format('select to_jsonb(x) - ''updated_at'' from %s as x where %s for update', target.tbl, where_key) into old_row using key;

  if creating and old_row is not null then
    perform private.refuse(target.key[1], 'this id is taken: choose another');
  end if;
  if not creating and old_row is null then
    perform private.refuse(target.key[1], 'no such item: it may have been deleted');
  end if;
  if old_row is not null and not staff_access.edits(kind, old_row) then
    raise exception using errcode = '42501', message = 'this is not yours to change';
  end if;

  if item is null then
    -- Officers cancel and restore occurrences; taking a page off the site is a supervisor's.
    if role = 'officer' and kind <> 'meeting_exception' then
      raise exception using errcode = '42501', message = 'ask your supervisor to delete this';
    end if;
    execute format('delete from %s as x where %s', target.tbl, where_key) using key;
  else
    select string_agg(k, ', ') into unknown
      from jsonb_object_keys(item) as k
     where k in ('updated_at', 'updated_local') or not exists (
       select from pg_catalog.pg_attribute as a where a.attrelid = target.tbl and a.attname = k and a.attnum > 0 and not a.attisdropped);
    if unknown is not null then
      perform private.refuse(split_part(unknown, ', ', 1), 'not a field of this kind of content');
    end if;
    new_row := coalesce(old_row, '{}') || item || key;
    if not staff_access.edits(kind, new_row) then
      raise exception using errcode = '42501', message = 'this would be outside what you may change';
    end if;
    if role = 'officer' and kind = 'officer' and (old_row is null or not private.officer_keeps(old_row, new_row)) then
      raise exception using errcode = '42501', message = 'ask your supervisor to change your name, rank, role, beats or whether your page is published';
    end if;
    select string_agg(format('%I', k), ', ') into columns from jsonb_object_keys(item || key) as k;
    begin
      if old_row is null then
        execute format('insert into %1$s as x (%2$s) select %2$s from jsonb_populate_record(null::%1$s, $1)', target.tbl, columns)
          using item || key;
      else
        execute format('update %1$s as x set (%2$s) = (select %2$s from jsonb_populate_record(null::%1$s, $1)) where %3$s', target.tbl, columns, where_key)
          using item || key;
      end if;
    exception when integrity_constraint_violation or data_exception then
      get stacked diagnostics state = returned_sqlstate, rule = constraint_name, field = column_name;
      perform private.refuse_violation(target.tbl, rule, field, state);
    end;
  end if;

  if kind in ('meeting', 'meeting_exception') and (item is null or kind = 'meeting_exception' or item ?| array['schedule_start', 'schedule_duration_minutes', 'schedule_rrule', 'schedule_time_zone', 'venue_name', 'venue_address', 'venue_lon', 'venue_lat']) then
    perform private.touch_meeting(coalesce(new_row, old_row) ->> 'meeting_id');
  end if;
  execute format('select to_jsonb(x) from %s as x where %s', target.tbl, where_key) into written using key;
  return written;
end
$function$;

CREATE OR REPLACE FUNCTION public.add_staff_note(kind text, item_id uuid, note text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  beat text;
begin
  if add_staff_note.kind = 'tip' then
    select t.beat into beat from public.tips as t where t.tip_id = add_staff_note.item_id;
  elsif add_staff_note.kind = 'watch_group' then
    select g.beat into beat from public.watch_groups as g where g.watch_group_id = add_staff_note.item_id;
  elsif add_staff_note.kind = 'workshop_request' then
    select w.beat into beat from public.workshop_requests as w where w.workshop_request_id = add_staff_note.item_id;
  elsif add_staff_note.kind = 'suggestion' then
    select s.beat into beat from public.priority_suggestions as s where s.suggestion_id = add_staff_note.item_id;
  else
    perform private.refuse('kind', 'choose a tip, a watch group, a workshop request or a suggestion');
  end if;
  -- The caller's own scope decides, as if they had read the item themselves.
  if not found or not staff_access.sees_beat(beat) then
    perform private.refuse('item_id', 'no such item in your beats');
  end if;
  if nullif(btrim(add_staff_note.note), '') is null or char_length(btrim(add_staff_note.note)) > 5000 then
    perform private.refuse('note', 'write a note of 1 to 5000 characters');
  end if;
  insert into public.staff_history (kind, item_id, field, note)
  values (add_staff_note.kind, add_staff_note.item_id, 'note', btrim(add_staff_note.note));
end
$function$;

CREATE OR REPLACE FUNCTION public.alert_subscriber_counts()
 RETURNS TABLE(beat_id text, subscribers integer)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.alert_subscriber_counts() is 'For signed-in staff: how many confirmed alert subscribers each beat''s alerts reach (the beat''s and its district''s). Never an address.';

CREATE OR REPLACE FUNCTION public.alert_subscription(token text)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.alert_subscription(text) is 'The subscription a manage token names: area, topics, delivery, language. 400 for a token of no subscription.';

CREATE OR REPLACE FUNCTION public.answer_suggestion(suggestion_id uuid, status text DEFAULT NULL::text, public_reply text DEFAULT NULL::text, priority_id text DEFAULT NULL::text, note text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not private.is_one_of(answer_suggestion.status, 'public.suggestion_status') then
    perform private.refuse('status', 'choose one of the listed statuses');
  end if;
  if char_length(btrim(answer_suggestion.public_reply)) > 5000 then
    perform private.refuse('public_reply', 'keep the reply under 5000 characters');
  end if;
  if answer_suggestion.priority_id is not null
     and not exists (select from public.priorities as p where p.priority_id = answer_suggestion.priority_id) then
    perform private.refuse('priority_id', 'choose a priority that exists');
  end if;
  if answer_suggestion.status <> 'adopted' and answer_suggestion.priority_id is not null then
    perform private.refuse('status', 'a suggestion that became a priority is adopted');
  end if;
  if answer_suggestion.status = 'adopted' and answer_suggestion.priority_id is null
     and not exists (select from public.priority_suggestions as s where s.suggestion_id = answer_suggestion.suggestion_id and s.priority_id is not null) then
    perform private.refuse('priority_id', 'choose the priority it became');
  end if;
  perform private.note_change(answer_suggestion.note);
  update public.priority_suggestions as s
     set priority_id = case when answer_suggestion.status is not null and answer_suggestion.status <> 'adopted' then null
                            else coalesce(answer_suggestion.priority_id, s.priority_id) end,
         status = case when answer_suggestion.priority_id is not null then 'adopted' else coalesce(answer_suggestion.status, s.status) end,
         public_reply = case when answer_suggestion.public_reply is null then s.public_reply else nullif(btrim(answer_suggestion.public_reply), '') end
   where s.suggestion_id = answer_suggestion.suggestion_id and staff_access.sees_beat(s.beat);
  if not found then
    perform private.refuse('suggestion_id', 'no such suggestion in your beats');
  end if;
end
$function$;

CREATE OR REPLACE FUNCTION public.approved_watch_groups()
 RETURNS TABLE(watch_group_id uuid, name text, beat text, area jsonb)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select g.watch_group_id, g.name, g.beat, g.area
    from public.watch_groups as g
   where g.status = 'approved'
   order by g.beat, g.name
$function$;
comment on function public.approved_watch_groups() is 'Approved neighbourhood watch groups: name, beat and area only. Pending, declined and retired groups are never returned.';

CREATE OR REPLACE FUNCTION public.ask_resident(kind text, item_id uuid, body text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  item record;
  question text := private.trimmed(ask_resident.body);
  tipster record;
begin
  if ask_resident.kind is null or ask_resident.kind not in ('tip', 'watch_group', 'workshop_request') then
    perform private.refuse('kind', 'choose a tip, a watch group or a workshop request');
  end if;
  item := private.conversation_item(ask_resident.kind, ask_resident.item_id);
  -- The caller's own scope decides, as if they had read the item themselves.
  if not item.known or not coalesce(staff_access.sees_beat(item.beat), false) then
    perform private.refuse('item_id', 'no such item in your beats');
  end if;
  if question is null or char_length(question) > 5000 then
    perform private.refuse('body', 'write a question of 1 to 5000 characters');
  end if;
  if item.purged then
    perform private.refuse('item_id', 'what the resident gave was removed under the retention policy: there is nobody to ask');
  end if;
  insert into public.conversation_messages (kind, item_id, from_staff, body)
  values (ask_resident.kind, ask_resident.item_id, true, question);
  insert into public.staff_history (kind, item_id, field, note)
  values (ask_resident.kind, ask_resident.item_id, 'question', question);
  -- Only a tipster who chose to be contacted by email, and only that a message waits.
  if ask_resident.kind = 'tip' then
    select t.contact_email, case when t.contact_language = 'es' then 'es' else 'en' end as language into tipster
      from public.tips as t where t.tip_id = ask_resident.item_id and t.purged_at is null;
    if tipster.contact_email is not null then
      perform private.queue_mail(tipster.contact_email, tipster.language, 'resident_new_message',
        jsonb_build_object('kind', 'tip', 'link', private.status_page('tip', tipster.language)));
    end if;
  end if;
end
$function$;
comment on function public.ask_resident(text,uuid,text) is 'Staff of the item''s beat ask its resident a question, read with the receipt code; kept in the item''s history. A tipster who gave an email address is told a message waits, without its text.';

CREATE OR REPLACE FUNCTION public.claim_mail(batch_size integer DEFAULT 50, lease_seconds integer DEFAULT 120)
 RETURNS TABLE(mail_id bigint, lease uuid, recipient text, language text, template text, params jsonb, unsubscribe_url text, attempts integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.claim_mail(integer,integer) is 'Takes up to batch_size messages due now for lease_seconds (FOR UPDATE SKIP LOCKED): the send-mail function''s, with the service-role key only.';

CREATE OR REPLACE FUNCTION public.claim_publish_requests(quiet_seconds numeric DEFAULT 0)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  lapse interval := private.publish_build_lapse();
  latest timestamptz;
  claimed jsonb;
begin
  select max(r.requested_at) into latest from private.publish_requests as r
   where r.finished_at is null and (r.started_at is null or r.started_at <= now() - lapse);
  if latest is null then
    return jsonb_build_object('ids', '[]'::jsonb, 'tables', '[]'::jsonb, 'due_in', null);
  end if;
  if latest > now() - make_interval(secs => coalesce(quiet_seconds, 0)) then
    return jsonb_build_object('ids', '[]'::jsonb, 'tables', '[]'::jsonb,
      'due_in', round(extract(epoch from latest + make_interval(secs => quiet_seconds) - now()), 3));
  end if;

  -- Two callers at once: the second waits for the first's row locks and then
  -- finds the rows started (read committed re-checks the condition), so each
  -- request is taken in by one build only.
  with taken as (
    update private.publish_requests as r set started_at = now(), problems = '{}'
     where r.finished_at is null and (r.started_at is null or r.started_at <= now() - lapse)
    returning r.publish_request_id, r.tables
  )
  select jsonb_build_object(
           'ids', coalesce((select jsonb_agg(t.publish_request_id order by t.publish_request_id) from taken as t), '[]'::jsonb),
           'tables', coalesce((select jsonb_agg(distinct x order by x) from taken as t, unnest(t.tables) as x), '[]'::jsonb),
           'due_in', null)
    into claimed;
  return claimed;
end
$function$;
comment on function public.claim_publish_requests(numeric) is 'Takes in the waiting publish requests once quiet_seconds have passed since the last: {ids, tables, due_in}. For a hosted build pipeline with the service-role key only.';

CREATE OR REPLACE FUNCTION public.confirm_alerts(token text)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.confirm_alerts(text) is 'Confirms the subscription whose emailed confirmation token is given; returns it (area, topics, delivery, language, manage token). 400 for an expired or unknown token.';

CREATE OR REPLACE FUNCTION public.conversation(receipt text)
 RETURNS TABLE(author text, written_at timestamp with time zone, body text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select case when m.from_staff then 'staff' else 'resident' end, date_trunc('minute', m.created_at), m.body
      from private.item_of_receipt(conversation.receipt) as i
      join public.conversation_messages as m on m.kind = i.kind and m.item_id = i.item_id
     order by m.message_id;
end
$function$;
comment on function public.conversation(text) is 'The questions and answers about the item whose receipt code is given: author (staff or resident), the minute, the text. No row for a wrong or unknown code.';

CREATE OR REPLACE FUNCTION public.delete_content(kind text, key jsonb, note text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.note_change(delete_content.note);
  perform private.write_content(kind, key, null, false);
end
$function$;

CREATE OR REPLACE FUNCTION public.finish_publish_requests(ids bigint[], outcome text, problems text[] DEFAULT '{}'::text[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  finished integer;
begin
  if outcome is null or outcome not in ('published', 'failed') then
    perform private.refuse('outcome', 'say published or failed');
  end if;
  update private.publish_requests as r
     set started_at = coalesce(r.started_at, now()),
         finished_at = now(),
         outcome = finish_publish_requests.outcome,
         problems = coalesce(finish_publish_requests.problems, '{}')
   where r.publish_request_id = any (finish_publish_requests.ids) and r.finished_at is null;
  get diagnostics finished = row_count;
  return finished;
end
$function$;
comment on function public.finish_publish_requests(bigint[],text,text[]) is 'Records the outcome (published or failed) and problems of the build that took these requests in; returns how many it finished. For a hosted build pipeline with the service-role key only.';

CREATE OR REPLACE FUNCTION public.join_watch_group(watch_group_id uuid, name text, email text, block text, idempotency_key uuid, proof jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.join_watch_group(uuid,text,text,text,uuid,jsonb) is 'Adds a member to an approved neighbourhood watch group and returns {joined: true}; a repeated key or email address stores nothing more.';

CREATE OR REPLACE FUNCTION public.mark_conversation_read(kind text, item_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  item record := private.conversation_item(mark_conversation_read.kind, mark_conversation_read.item_id);
  marked integer;
begin
  if not item.known or not coalesce(staff_access.sees_beat(item.beat), false) then
    perform private.refuse('item_id', 'no such item in your beats');
  end if;
  update public.conversation_messages as m
     set read_at = now()
   where m.kind = mark_conversation_read.kind and m.item_id = mark_conversation_read.item_id and not m.from_staff and m.read_at is null;
  get diagnostics marked = row_count;
  return marked;
end
$function$;
comment on function public.mark_conversation_read(text,uuid) is 'Staff opened the item: its residents'' answers are read, for the whole team. How many were not yet.';

CREATE OR REPLACE FUNCTION public.mark_mail_failed(mail_id bigint, lease uuid, problem text, permanent boolean DEFAULT false)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.mark_mail_failed(bigint,uuid,text,boolean) is 'Gives a claimed message back for a later attempt (exponential backoff), or gives it up after mail_max_attempts or when permanent (it can never be sent: no such template, a refused address): its new status. For the send-mail function only.';

CREATE OR REPLACE FUNCTION public.mark_mail_sent(mail_ids bigint[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.mark_mail_sent(bigint[]) is 'Records messages sent: how many were not already. For the send-mail function, with the service-role key only.';

CREATE OR REPLACE FUNCTION public.publish_now()
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if staff_access.role() is null then
    raise exception using errcode = '42501', message = 'only staff publish the site';
  end if;
  perform private.request_publish('manual');
  return public.publish_status();
end
$function$;
comment on function public.publish_now() is 'Queues a publish with no change (tables {manual}), for signed-in staff; returns publish_status() after it.';

CREATE OR REPLACE FUNCTION public.publish_status()
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  last_finished private.publish_requests;
  status jsonb;
begin
  if staff_access.role() is null then
    raise exception using errcode = '42501', message = 'only staff see what is being published';
  end if;

  select * into last_finished from private.publish_requests as r
   where r.finished_at is not null
   order by r.finished_at desc, r.publish_request_id desc limit 1;

  select jsonb_build_object(
           'last_published_at', (select max(r.finished_at) from private.publish_requests as r where r.outcome = 'published'),
           'last_finished_at', last_finished.finished_at,
           'last_outcome', last_finished.outcome,
           'last_problems', to_jsonb(coalesce(last_finished.problems, '{}')),
           'waiting', count(*),
           'building', coalesce(bool_or(r.started_at > now() - private.publish_build_lapse()), false),
           'waiting_problems', to_jsonb(coalesce(
             (select array_agg(distinct p order by p) from private.publish_requests as w, unnest(w.problems) as p
               where w.started_at is null and w.finished_at is null), '{}'))
         )
    into status
    from private.publish_requests as r
   where r.finished_at is null;
  return status;
end
$function$;
comment on function public.publish_status() is 'Whether the public site is up to date, for signed-in staff: {last_published_at, last_finished_at, last_outcome, last_problems, waiting, building, waiting_problems}.';

CREATE OR REPLACE FUNCTION public.published_content()
 RETURNS jsonb
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.published_content() is 'Everything the public site shows, in one snapshot: what the build reads (src/lib/content/publishedContent.ts).';

CREATE OR REPLACE FUNCTION public.purge_alert_subscriptions()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.purge_alert_subscriptions() is 'Deletes subscriptions never confirmed within alert_confirm_days, and day-old retry keys; returns how many subscriptions. Hourly, with the service-role key only.';

CREATE OR REPLACE FUNCTION public.purge_closed_tips()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.purge_closed_tips() is 'Removes the free text of tips closed longer ago than private.settings tip_retention_days; returns how many. For staff and scheduled jobs only.';

CREATE OR REPLACE FUNCTION public.purge_finished_requests()
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.purge_finished_requests() is 'Removes the contact details and notes of workshop requests declined or completed, and the captains and members of watch groups declined, longer ago than private.settings request_retention_days; returns {workshop_requests, watch_members} counts. For staff tools and scheduled jobs with the service-role key only.';

CREATE OR REPLACE FUNCTION public.purge_finished_suggestions()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.purge_finished_suggestions() is 'Removes the text and reply of priority suggestions answered, adopted or closed longer ago than private.settings tip_retention_days; returns how many. For staff tools and scheduled jobs with the service-role key only.';

CREATE OR REPLACE FUNCTION public.purge_publish_requests()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  days integer := private.retention_days('publish_request_retention_days');
  purged integer;
begin
  -- Without a period nothing would ever be purged, silently: a scheduled job should fail instead.
  if days is null then
    perform private.refuse('publish_request_retention_days', 'private.settings has no publish_request_retention_days');
  end if;
  delete from private.publish_requests as r
   where r.finished_at < now() - make_interval(days => days);
  get diagnostics purged = row_count;
  return purged;
end
$function$;
comment on function public.purge_publish_requests() is 'Deletes publish requests finished longer ago than private.settings publish_request_retention_days; returns how many. For scheduled jobs with the service-role key only.';

CREATE OR REPLACE FUNCTION public.queue_alert_digests()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.queue_alert_digests() is 'Queues each daily alert subscriber''s digest when due (one a day, from alert_digest_hour in the jurisdiction''s time zone): how many. Hourly, with the service-role key only.';

CREATE OR REPLACE FUNCTION public.queue_staff_digests()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.queue_staff_digests() is 'Queues each staff member''s daily digest when one is due (one a day, from staff_digest_hour in the jurisdiction''s time zone): how many it queued. Called hourly by a schedule, with the service-role key only.';

CREATE OR REPLACE FUNCTION public.register_watch_group(name text, area jsonb, beat text, captain_name text, captain_email text, captain_phone text, meeting_preference text, expected_members integer, idempotency_key uuid, meeting_note text DEFAULT NULL::text, proof jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.register_watch_group(text,jsonb,text,text,text,text,text,integer,uuid,text,jsonb) is 'Registers a neighbourhood watch group for review and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';

CREATE OR REPLACE FUNCTION public.release_publish_requests(ids bigint[], problems text[])
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  with released as (
    update private.publish_requests as r
       set started_at = null,
           problems = coalesce(release_publish_requests.problems, '{}')
     where r.publish_request_id = any (release_publish_requests.ids) and r.finished_at is null
    returning 1
  )
  select count(*)::integer from released
$function$;
comment on function public.release_publish_requests(bigint[],text[]) is 'Gives back requests whose build could not be started, with why: the next claim takes them in again. For a hosted build pipeline with the service-role key only.';

CREATE OR REPLACE FUNCTION public.reply_to_staff(receipt text, body text, idempotency_key uuid, proof jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  answer text := private.trimmed_answer(reply_to_staff.body);
  item record;
begin
  if reply_to_staff.idempotency_key is null then
    perform private.refuse('idempotency_key', 'idempotency_key is required');
  end if;
  if exists (select from public.conversation_messages as m where m.idempotency_hash = private.key_hash(reply_to_staff.idempotency_key)) then
    return jsonb_build_object('stored', true);
  end if;
  select i.kind, i.item_id into item from private.item_of_receipt(reply_to_staff.receipt) as i;
  if not found then
    perform private.refuse('receipt', 'no tip, registration or request has this receipt code');
  end if;
  if answer is null or char_length(answer) > 5000 then
    perform private.refuse('body', 'write your answer in 1 to 5000 characters');
  end if;
  -- One answer a question: two answers racing for the same question take turns.
  perform pg_advisory_xact_lock(hashtext('openbeat conversation ' || item.item_id::text));
  if not coalesce((select m.from_staff from public.conversation_messages as m
                    where m.kind = item.kind and m.item_id = item.item_id
                    order by m.message_id desc limit 1), false) then
    perform private.refuse('question', 'there is no question waiting for your answer');
  end if;
  perform private.admit_submission('reply_to_staff', 'private.resident_answers', reply_to_staff.idempotency_key, reply_to_staff.proof);
  insert into public.conversation_messages (kind, item_id, from_staff, body, idempotency_hash)
  values (item.kind, item.item_id, false, answer, private.key_hash(reply_to_staff.idempotency_key))
  on conflict (idempotency_hash) do nothing;
  if found then
    -- That the resident answered, not what: the history is kept past the retention purge.
    insert into public.staff_history (kind, item_id, field) values (item.kind, item.item_id, 'answer');
  end if;
  return jsonb_build_object('stored', true);
end
$function$;
comment on function public.reply_to_staff(text,text,uuid,jsonb) is 'The resident''s answer to the question waiting on the item whose receipt code is given: {stored}. Refused when no question waits. Repeating an idempotency key stores nothing more.';

CREATE OR REPLACE FUNCTION public.request_workshop(workshop text, business_name text, address text, contact_name text, idempotency_key uuid, beat text DEFAULT NULL::text, latitude double precision DEFAULT NULL::double precision, longitude double precision DEFAULT NULL::double precision, contact_email text DEFAULT NULL::text, contact_phone text DEFAULT NULL::text, contact_language text DEFAULT NULL::text, attendees integer DEFAULT NULL::integer, preferred_times timestamp with time zone[] DEFAULT NULL::timestamp with time zone[], notes text DEFAULT NULL::text, proof jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  clean_business_name text := private.trimmed(request_workshop.business_name);
  clean_address text := private.trimmed(request_workshop.address);
  clean_contact_name text := private.trimmed(request_workshop.contact_name);
  -- blank is the same as not given, for what may be left out
  clean_email text := private.trimmed(request_workshop.contact_email);
  clean_phone text := private.trimmed(request_workshop.contact_phone);
  clean_notes text := private.trimmed(request_workshop.notes);
  receipt text := private.open_submission('public.workshop_requests', request_workshop.idempotency_key);
begin
  if receipt is not null then
    return jsonb_build_object('receipt', receipt);
  end if;

  -- The form offers only real workshops; here, the form of an id.
  if not coalesce(private.valid_content_id(request_workshop.workshop, 80), false) then
    perform private.refuse('workshop', 'choose one of the listed workshops');
  end if;
  if clean_business_name is null or char_length(clean_business_name) > 200 then
    perform private.refuse('business_name', 'give the business''s name in 1 to 200 characters');
  end if;
  if clean_address is null or char_length(clean_address) > 300 then
    perform private.refuse('address', 'give the business''s address in 1 to 300 characters');
  end if;
  if not private.valid_content_id(request_workshop.beat, 40) then
    perform private.refuse('beat', 'a beat is an id from the list, or none');
  end if;
  if request_workshop.latitude not between -90 and 90
     or (request_workshop.latitude is null and request_workshop.longitude is not null) then
    perform private.refuse('latitude', 'give a latitude between -90 and 90 with the longitude, or neither');
  end if;
  if request_workshop.longitude not between -180 and 180
     or (request_workshop.longitude is null and request_workshop.latitude is not null) then
    perform private.refuse('longitude', 'give a longitude between -180 and 180 with the latitude, or neither');
  end if;
  if clean_contact_name is null or char_length(clean_contact_name) > 120 then
    perform private.refuse('contact_name', 'give the name of the person to contact in 1 to 120 characters');
  end if;
  if not private.valid_email(clean_email) then
    perform private.refuse('contact_email', 'give an email address such as name@example.com');
  end if;
  if not private.valid_phone(clean_phone) then
    perform private.refuse('contact_phone', 'give a phone number of 7 to 15 digits');
  end if;
  if clean_email is null and clean_phone is null then
    perform private.refuse('contact_email', 'give an email address or a phone number, or both');
  end if;
  if not private.valid_language(request_workshop.contact_language) then
    perform private.refuse('contact_language', 'give a language tag such as en or es');
  end if;
  if request_workshop.attendees not between 1 and 1000 then
    perform private.refuse('attendees', 'give a number of attendees from 1 to 1000');
  end if;
  if request_workshop.preferred_times is null
     or array_ndims(request_workshop.preferred_times) is distinct from 1
     or cardinality(request_workshop.preferred_times) not between 2 and 3 then
    perform private.refuse('preferred_times', 'give two or three preferred dates and times');
  end if;
  -- The year is 365 days, as the form counts it, so both agree across a leap day.
  if exists (
    select 1 from unnest(request_workshop.preferred_times) as preferred
     where preferred is null or preferred <= now() or preferred > now() + interval '365 days'
  ) then
    perform private.refuse('preferred_times', 'give dates and times in the coming year');
  end if;
  if not private.distinct_instants(request_workshop.preferred_times) then
    perform private.refuse('preferred_times', 'give different dates and times');
  end if;
  if char_length(clean_notes) > 2000 then
    perform private.refuse('notes', 'keep the notes under 2000 characters');
  end if;

  perform private.admit_submission('request_workshop', 'public.workshop_requests', request_workshop.idempotency_key, request_workshop.proof);
  receipt := private.new_receipt_code();
  insert into public.workshop_requests (
    workshop, business_name, address, beat, latitude, longitude,
    contact_name, contact_email, contact_phone, contact_language,
    attendees, preferred_times, notes,
    receipt_hash, idempotency_hash, receipt_sealed
  )
  values (
    request_workshop.workshop,
    clean_business_name,
    clean_address,
    request_workshop.beat,
    request_workshop.latitude,
    request_workshop.longitude,
    clean_contact_name,
    clean_email,
    clean_phone,
    request_workshop.contact_language,
    request_workshop.attendees,
    request_workshop.preferred_times,
    clean_notes,
    private.receipt_hash(receipt),
    private.key_hash(request_workshop.idempotency_key),
    private.seal_receipt(receipt, request_workshop.idempotency_key)
  )
  -- two retries racing each other: the loser stores nothing and returns the winner's receipt
  on conflict (idempotency_hash) do nothing;
  if not found then
    receipt := private.first_receipt('public.workshop_requests', request_workshop.idempotency_key);
  end if;
  return jsonb_build_object('receipt', receipt);
end
$function$;
comment on function public.request_workshop(text,text,text,text,uuid,text,double precision,double precision,text,text,text,integer,timestamp with time zone[],text,jsonb) is 'Stores a request for a workshop or a security survey and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';

CREATE OR REPLACE FUNCTION public.review_watch_group(watch_group_id uuid, status text DEFAULT NULL::text, public_note text DEFAULT NULL::text, note text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not private.is_one_of(review_watch_group.status, 'public.watch_group_status') then
    perform private.refuse('status', 'choose one of the listed decisions');
  end if;
  if char_length(btrim(review_watch_group.public_note)) > 2000 then
    perform private.refuse('public_note', 'keep the note to the captain under 2000 characters');
  end if;
  perform private.note_change(review_watch_group.note);
  update public.watch_groups as g
     set status = coalesce(review_watch_group.status, g.status),
         approved_at = case
           when coalesce(review_watch_group.status, g.status) = 'approved' then coalesce(g.approved_at, now())
           when coalesce(review_watch_group.status, g.status) = 'retired' then g.approved_at
         end,
         public_note = case when review_watch_group.public_note is null then g.public_note else nullif(btrim(review_watch_group.public_note), '') end
   where g.watch_group_id = review_watch_group.watch_group_id and staff_access.sees_beat(g.beat);
  if not found then
    perform private.refuse('watch_group_id', 'no such group in your beats');
  end if;
end
$function$;

CREATE OR REPLACE FUNCTION public.save_content(kind text, item jsonb, note text DEFAULT NULL::text, "create" boolean DEFAULT false)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  target record := private.content_table(kind);
begin
  if target.tbl is null then
    perform private.refuse('kind', 'choose a kind of content');
  end if;
  if jsonb_typeof(item) is distinct from 'object' then
    perform private.refuse('item', 'give the fields to save');
  end if;
  perform private.note_change(save_content.note);
  return private.write_content(kind, (select coalesce(jsonb_object_agg(k, item -> k), '{}') from unnest(target.key) as k where item ? k)
    || case when kind = 'meeting_exception' then jsonb_build_object('occurrence_date', item -> 'occurrence_date') else '{}' end,
    item, save_content."create");
end
$function$;

CREATE OR REPLACE FUNCTION public.save_staff_notifications(deliveries jsonb, language text)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION public.schedule_workshop(workshop_request_id uuid, status text DEFAULT NULL::text, confirmed_at timestamp with time zone DEFAULT NULL::timestamp with time zone, decline_reason text DEFAULT NULL::text, note text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  current record;
  next_status text;
begin
  select w.status, w.confirmed_at, w.decline_reason into current
    from public.workshop_requests as w
   where w.workshop_request_id = schedule_workshop.workshop_request_id and staff_access.sees_beat(w.beat);
  if not found then
    perform private.refuse('workshop_request_id', 'no such request in your beats');
  end if;
  next_status := coalesce(schedule_workshop.status, current.status);
  if not private.is_one_of(next_status, 'public.workshop_request_status') then
    perform private.refuse('status', 'choose one of the listed decisions');
  end if;
  if next_status = 'confirmed' and coalesce(schedule_workshop.confirmed_at, current.confirmed_at) is null then
    perform private.refuse('confirmed_at', 'give the date and time you confirm');
  end if;
  if next_status = 'declined' and nullif(btrim(coalesce(schedule_workshop.decline_reason, current.decline_reason)), '') is null then
    perform private.refuse('decline_reason', 'say why, in words for the business');
  end if;
  if char_length(btrim(schedule_workshop.decline_reason)) > 2000 then
    perform private.refuse('decline_reason', 'keep the reason under 2000 characters');
  end if;
  perform private.note_change(schedule_workshop.note);
  update public.workshop_requests as w
     set status = next_status,
         confirmed_at = case when next_status in ('confirmed', 'completed') then coalesce(schedule_workshop.confirmed_at, w.confirmed_at) end,
         decline_reason = case when next_status = 'declined' then nullif(btrim(coalesce(schedule_workshop.decline_reason, w.decline_reason)), '') end
   where w.workshop_request_id = schedule_workshop.workshop_request_id;
end
$function$;

CREATE OR REPLACE FUNCTION public.set_staff_role(email text, role text, officer_slug text DEFAULT NULL::text, district text DEFAULT NULL::text, active boolean DEFAULT true)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  account uuid;
begin
  perform private.require_coordinator();
  select u.id into account from auth.users as u where lower(u.email) = lower(btrim(set_staff_role.email));
  if not found then
    perform private.refuse('email', 'no account has this email: invite the person first');
  end if;
  if not private.is_one_of(set_staff_role.role, 'public.staff_role') then
    perform private.refuse('role', 'choose officer, supervisor or coordinator');
  end if;
  if set_staff_role.role = 'officer' and not coalesce(private.valid_officer_slug(set_staff_role.officer_slug), false) then
    perform private.refuse('officer_slug', 'choose the officer profile this account belongs to');
  end if;
  if set_staff_role.role = 'supervisor' and nullif(btrim(set_staff_role.district), '') is null then
    perform private.refuse('district', 'choose the district this supervisor supervises');
  end if;
  -- A jurisdiction must never lose its last coordinator: nobody could manage staff again.
  if account = auth.uid() and (set_staff_role.role <> 'coordinator' or not set_staff_role.active)
     and not exists (select from public.staff_members as s where s.role = 'coordinator' and s.active and s.user_id <> account) then
    perform private.refuse('role', 'you are the only coordinator: make someone else coordinator first');
  end if;

  insert into public.staff_members as s (user_id, role, officer_slug, district, active)
  values (account, set_staff_role.role, nullif(set_staff_role.officer_slug, ''), nullif(btrim(set_staff_role.district), ''), set_staff_role.active)
  on conflict (user_id) do update
    set role = excluded.role, officer_slug = excluded.officer_slug, district = excluded.district, active = excluded.active;
end
$function$;

CREATE OR REPLACE FUNCTION public.staff_directory()
 RETURNS TABLE(user_id uuid, email text, role text, officer_slug text, district text, active boolean)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.require_coordinator();
  return query
    select u.id, u.email::text, s.role, s.officer_slug, s.district, coalesce(s.active, false)
      from auth.users as u left join public.staff_members as s on s.user_id = u.id
     order by s.role nulls last, u.email;
end
$function$;

CREATE OR REPLACE FUNCTION public.staff_notifications()
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION public.staff_summary(since timestamp with time zone, until timestamp with time zone)
 RETURNS TABLE(beat text, kind text, category text, status text, items bigint)
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select t.beat, 'tip', t.category, t.status, count(*) from public.tips as t
   where t.created_at >= since and t.created_at < until group by 1, 2, 3, 4
  union all
  select g.beat, 'watch_group', null, g.status, count(*) from public.watch_groups as g
   where g.created_at >= since and g.created_at < until group by 1, 2, 3, 4
  union all
  select w.beat, 'workshop_request', w.workshop, w.status, count(*) from public.workshop_requests as w
   where w.created_at >= since and w.created_at < until group by 1, 2, 3, 4
  union all
  select s.beat, 'suggestion', null, s.status, count(*) from public.priority_suggestions as s
   where s.created_at >= since and s.created_at < until group by 1, 2, 3, 4
  order by 1 nulls first, 2, 3, 4
$function$;

CREATE OR REPLACE FUNCTION public.submission_challenge(action text, idempotency_key uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  settings private.proof_of_work;
  salt text;
  secret_number bigint;
  challenge text;
begin
  if not exists (select from private.submission_ceilings as c where c.action = submission_challenge.action) then
    perform private.refuse('action', 'choose one of the submission functions');
  end if;
  if submission_challenge.idempotency_key is null then
    perform private.refuse('idempotency_key', 'idempotency_key is required');
  end if;
  select * into settings from private.proof_of_work;
  salt := format('%s?action=%s&expires=%s&key=%s&',
    encode(extensions.gen_random_bytes(12), 'hex'),
    submission_challenge.action,
    floor(extract(epoch from now() + settings.lifetime))::bigint,
    encode(private.key_hash(submission_challenge.idempotency_key), 'hex'));
  secret_number := ('x' || encode(extensions.gen_random_bytes(4), 'hex'))::bit(32)::bigint % (settings.max_number + 1);
  challenge := encode(sha256(convert_to(salt || secret_number, 'UTF8')), 'hex');
  return jsonb_build_object(
    'algorithm', 'SHA-256',
    'challenge', challenge,
    'maxnumber', settings.max_number,
    'salt', salt,
    'signature', encode(extensions.hmac(challenge, settings.signing_key, 'sha256'), 'hex'));
end
$function$;
comment on function public.submission_challenge(text,uuid) is 'A proof-of-work challenge (ALTCHA v1: algorithm, challenge, maxnumber, salt, signature) for one submission of this action with this retry key.';

CREATE OR REPLACE FUNCTION public.submit_tip(category text, description text, idempotency_key uuid, beat text DEFAULT NULL::text, occurred_at timestamp with time zone DEFAULT NULL::timestamp with time zone, ongoing boolean DEFAULT false, place text DEFAULT NULL::text, latitude double precision DEFAULT NULL::double precision, longitude double precision DEFAULT NULL::double precision, vehicle_description text DEFAULT NULL::text, person_description text DEFAULT NULL::text, contact_name text DEFAULT NULL::text, contact_email text DEFAULT NULL::text, contact_phone text DEFAULT NULL::text, contact_language text DEFAULT NULL::text, proof jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  clean_description text := private.trimmed(submit_tip.description);
  clean_place text := private.trimmed(submit_tip.place);
  clean_vehicle text := private.trimmed(submit_tip.vehicle_description);
  clean_person text := private.trimmed(submit_tip.person_description);
  clean_name text := private.trimmed(submit_tip.contact_name);
  clean_email text := private.trimmed(submit_tip.contact_email);
  clean_phone text := private.trimmed(submit_tip.contact_phone);
  receipt text := private.open_submission('public.tips', submit_tip.idempotency_key);
begin
  if receipt is not null then
    return jsonb_build_object('receipt', receipt);
  end if;

  if not coalesce(private.is_one_of(submit_tip.category, 'public.tip_category'), false) then
    perform private.refuse('category', 'choose one of the listed categories');
  end if;
  if clean_description is null or char_length(clean_description) not between 20 and 5000 then
    perform private.refuse('description', 'describe what happened in 20 to 5000 characters');
  end if;
  -- The form offers only real beats; here, the form of an id.
  if not private.valid_content_id(submit_tip.beat, 40) then
    perform private.refuse('beat', 'choose a beat from the list, or none');
  end if;
  if char_length(clean_place) > 200 then
    perform private.refuse('place', 'give an address of at most 200 characters');
  end if;
  if (submit_tip.latitude is null) <> (submit_tip.longitude is null)
     or submit_tip.latitude not between -90 and 90 or submit_tip.longitude not between -180 and 180 then
    perform private.refuse('latitude', 'give a point as a latitude and a longitude');
  end if;
  if submit_tip.occurred_at > now() + interval '1 hour' or submit_tip.occurred_at < now() - interval '1 year' then
    perform private.refuse('occurred_at', 'give a time in the past year, not in the future');
  end if;
  if submit_tip.occurred_at is not null and coalesce(submit_tip.ongoing, false) then
    perform private.refuse('occurred_at', 'give a time, or say it keeps happening, not both');
  end if;
  if char_length(clean_vehicle) > 1000 then
    perform private.refuse('vehicle_description', 'describe vehicles in at most 1000 characters');
  end if;
  if char_length(clean_person) > 1000 then
    perform private.refuse('person_description', 'describe people in at most 1000 characters');
  end if;
  if char_length(clean_name) > 120 then
    perform private.refuse('contact_name', 'give a name of at most 120 characters');
  end if;
  if not private.valid_email(clean_email) then
    perform private.refuse('contact_email', 'give an email address like name@example.org');
  end if;
  if not private.valid_phone(clean_phone) then
    perform private.refuse('contact_phone', 'give a phone number of 7 to 15 digits');
  end if;
  if not private.valid_language(submit_tip.contact_language) then
    perform private.refuse('contact_language', 'choose a language from the list');
  end if;

  perform private.admit_submission('submit_tip', 'public.tips', submit_tip.idempotency_key, submit_tip.proof);
  receipt := private.new_receipt_code();
  insert into public.tips (
    category, description, beat, occurred_at, ongoing, place, latitude, longitude,
    vehicle_description, person_description, contact_name, contact_email, contact_phone, contact_language,
    receipt_hash, idempotency_hash, receipt_sealed
  )
  values (
    submit_tip.category,
    clean_description,
    submit_tip.beat,
    submit_tip.occurred_at,
    coalesce(submit_tip.ongoing, false),
    clean_place,
    submit_tip.latitude,
    submit_tip.longitude,
    clean_vehicle,
    clean_person,
    clean_name,
    clean_email,
    clean_phone,
    submit_tip.contact_language,
    private.receipt_hash(receipt),
    private.key_hash(submit_tip.idempotency_key),
    private.seal_receipt(receipt, submit_tip.idempotency_key)
  )
  -- two retries racing each other: the loser stores nothing and returns the winner's receipt
  on conflict (idempotency_hash) do nothing;
  if not found then
    receipt := private.first_receipt('public.tips', submit_tip.idempotency_key);
  end if;
  return jsonb_build_object('receipt', receipt);
end
$function$;
comment on function public.submit_tip(text,text,uuid,text,timestamp with time zone,boolean,text,double precision,double precision,text,text,text,text,text,text,jsonb) is 'Stores a tip and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';

CREATE OR REPLACE FUNCTION public.subscribe_to_alerts(email text, language text, topics text[], delivery text, idempotency_key uuid, beat text DEFAULT NULL::text, district text DEFAULT NULL::text, proof jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.subscribe_to_alerts(text,text,text[],text,uuid,text,text,jsonb) is 'Asks for beat (or district) alerts: queues a confirmation email, or an "already subscribed" one for a confirmed address; answers {status: check_your_email} either way. Proof of work and the site''s ceiling as for every submission.';

CREATE OR REPLACE FUNCTION public.suggest_priority(beat text, problem text, idempotency_key uuid, proof jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  clean_problem text := private.trimmed(suggest_priority.problem);
  receipt text := private.open_submission('public.priority_suggestions', suggest_priority.idempotency_key);
begin
  if receipt is not null then
    return jsonb_build_object('receipt', receipt);
  end if;
  if not exists (select from public.beats as b where b.beat_id = suggest_priority.beat and b.published) then
    perform private.refuse('beat', 'choose your beat from the list');
  end if;
  if clean_problem is null or char_length(clean_problem) not between 20 and 2000 then
    perform private.refuse('problem', 'describe the problem in 20 to 2000 characters');
  end if;
  perform private.admit_submission('suggest_priority', 'public.priority_suggestions', suggest_priority.idempotency_key, suggest_priority.proof);
  receipt := private.new_receipt_code();
  insert into public.priority_suggestions (beat, problem, receipt_hash, idempotency_hash, receipt_sealed)
  values (suggest_priority.beat, clean_problem, private.receipt_hash(receipt),
          private.key_hash(suggest_priority.idempotency_key), private.seal_receipt(receipt, suggest_priority.idempotency_key))
  on conflict (idempotency_hash) do nothing;
  if not found then
    receipt := private.first_receipt('public.priority_suggestions', suggest_priority.idempotency_key);
  end if;
  return jsonb_build_object('receipt', receipt);
end
$function$;
comment on function public.suggest_priority(text,text,uuid,jsonb) is 'Stores a resident''s suggestion for their beat''s priorities and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';

CREATE OR REPLACE FUNCTION public.suggestion_status(receipt text)
 RETURNS TABLE(status text, received_on date, updated_on date, public_reply text, priority_id text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select s.status, (s.created_at at time zone 'UTC')::date, (s.status_changed_at at time zone 'UTC')::date, s.public_reply,
           (select p.priority_id from public.priorities as p where p.priority_id = s.priority_id and p.published)
      from public.priority_suggestions as s
     where s.receipt_hash = private.receipt_hash(suggestion_status.receipt);
end
$function$;
comment on function public.suggestion_status(text) is 'The status, dates, public reply and published priority of the suggestion whose receipt code is given; no row for a wrong or unknown code.';

CREATE OR REPLACE FUNCTION public.support_priority(priority_id text, idempotency_key uuid, proof jsonb DEFAULT NULL::jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if support_priority.idempotency_key is null then
    perform private.refuse('idempotency_key', 'idempotency_key is required');
  end if;
  if not exists (select from public.priority_support as s where s.idempotency_hash = private.key_hash(support_priority.idempotency_key)) then
    if not exists (select from public.priorities as p where p.priority_id = support_priority.priority_id and p.published and p.outcome is null) then
      perform private.refuse('priority_id', 'choose a current priority');
    end if;
    perform private.admit_submission('support_priority', 'public.priority_support', support_priority.idempotency_key, support_priority.proof);
    insert into public.priority_support (priority_id, idempotency_hash)
    values (support_priority.priority_id, private.key_hash(support_priority.idempotency_key))
    on conflict (idempotency_hash) do nothing;
  end if;
  return jsonb_build_object('supporters',
    (select count(*) from public.priority_support as s where s.priority_id = support_priority.priority_id));
end
$function$;
comment on function public.support_priority(text,uuid,jsonb) is 'Counts one "this matters to me too" for a published, open priority and returns {supporters}. Repeating an idempotency key counts nothing.';

CREATE OR REPLACE FUNCTION public.tip_status(receipt text)
 RETURNS TABLE(status text, received_on date, updated_on date, public_reply text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select t.status, (t.created_at at time zone 'UTC')::date, (t.status_changed_at at time zone 'UTC')::date, t.public_reply
      from public.tips as t
     where t.receipt_hash = private.receipt_hash(tip_status.receipt);
end
$function$;
comment on function public.tip_status(text) is 'The status, dates and public reply of the tip whose receipt code is given; no row for a wrong or unknown code.';

CREATE OR REPLACE FUNCTION public.triage_tip(tip_id uuid, status text DEFAULT NULL::text, public_reply text DEFAULT NULL::text, assigned_to text DEFAULT NULL::text, duplicate_of uuid DEFAULT NULL::uuid, note text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not private.is_one_of(triage_tip.status, 'public.tip_status') then
    perform private.refuse('status', 'choose one of the listed statuses');
  end if;
  if char_length(btrim(triage_tip.public_reply)) > 5000 then
    perform private.refuse('public_reply', 'keep the reply under 5000 characters');
  end if;
  if not private.valid_officer_slug(nullif(triage_tip.assigned_to, '')) then
    perform private.refuse('assigned_to', 'choose an officer from the list');
  end if;
  if triage_tip.duplicate_of = triage_tip.tip_id
     or (triage_tip.duplicate_of is not null
         and not exists (select from public.tips as d where d.tip_id = triage_tip.duplicate_of and staff_access.sees_beat(d.beat))) then
    perform private.refuse('duplicate_of', 'choose another tip you can see');
  end if;
  perform private.note_change(triage_tip.note);
  update public.tips as t
     set status = case when triage_tip.duplicate_of is not null then 'closed' else coalesce(triage_tip.status, t.status) end,
         public_reply = case when triage_tip.public_reply is null then t.public_reply else nullif(btrim(triage_tip.public_reply), '') end,
         assigned_to = case when triage_tip.assigned_to is null then t.assigned_to else nullif(triage_tip.assigned_to, '') end,
         duplicate_of = coalesce(triage_tip.duplicate_of, t.duplicate_of)
   where t.tip_id = triage_tip.tip_id and staff_access.sees_beat(t.beat);
  if not found then
    perform private.refuse('tip_id', 'no such tip in your beats');
  end if;
end
$function$;

CREATE OR REPLACE FUNCTION public.undo_content_change(history_id bigint, note text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  change public.content_history;
  target record;
  key jsonb;
  current jsonb;
begin
  select * into change from public.content_history as h where h.history_id = undo_content_change.history_id;
  if not found or staff_access.role() is null then
    perform private.refuse('history_id', 'no such change');
  end if;
  target := private.content_table(change.kind);
  select jsonb_object_agg(k, coalesce(change.after, change.before) -> k) into key from unnest(target.key) as k;
  execute format('select to_jsonb(x) - ''updated_at'' from %s as x where %s', target.tbl,
    (select string_agg(format('x.%I::text = $1 ->> %L', k, k), ' and ') from unnest(target.key) as k))
    into current using key;
  if (change.operation = 'delete' and current is not null)
     or (change.operation <> 'delete' and (current is null or exists (
           select from jsonb_each(change.after) as a where a.value is distinct from current -> a.key))) then
    perform private.refuse('history_id', 'this has changed since: undo the later change first');
  end if;
  perform private.note_change(coalesce(undo_content_change.note, 'undo'));
  perform set_config('openbeat.undoing', change.history_id::text, true);
  perform private.write_content(change.kind, key,
    case change.operation when 'insert' then null else change.before end,
    change.operation = 'delete');
  perform set_config('openbeat.undoing', '', true);
end
$function$;

CREATE OR REPLACE FUNCTION public.unsubscribe_alerts(token text)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if unsubscribe_alerts.token is null or unsubscribe_alerts.token !~ '^[0-9a-f]{96}$' then
    perform private.alert_token_refused();
  end if;
  delete from private.alert_subscriptions as s where s.subscription_id = private.alert_subscription_of(unsubscribe_alerts.token);
  return jsonb_build_object('unsubscribed', true);
end
$function$;
comment on function public.unsubscribe_alerts(text) is 'Deletes the subscription a manage token names, address and all; {unsubscribed: true}, also when it was gone already.';

CREATE OR REPLACE FUNCTION public.update_alerts(token text, topics text[], delivery text, language text)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
comment on function public.update_alerts(text,text[],text,text) is 'Changes the topics, delivery and language of the subscription a manage token names; returns it.';

CREATE OR REPLACE FUNCTION public.watch_group_status(receipt text)
 RETURNS TABLE(name text, status text, registered_on date, updated_on date, public_note text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select g.name, g.status, (g.created_at at time zone 'UTC')::date, (g.status_changed_at at time zone 'UTC')::date, g.public_note
      from public.watch_groups as g
     where g.receipt_hash = private.receipt_hash(watch_group_status.receipt);
end
$function$;
comment on function public.watch_group_status(text) is 'The name, status, dates and public note of the watch group whose receipt code is given; no row for a wrong or unknown code.';

CREATE OR REPLACE FUNCTION public.workshop_status(receipt text)
 RETURNS TABLE(workshop text, status text, requested_on date, updated_on date, confirmed_at timestamp with time zone, decline_reason text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select w.workshop,
           w.status,
           (w.created_at at time zone 'UTC')::date,
           (w.status_changed_at at time zone 'UTC')::date,
           case when w.status in ('confirmed', 'completed') then w.confirmed_at end,
           case when w.status = 'declined' then w.decline_reason end
      from public.workshop_requests as w
     where w.receipt_hash = private.receipt_hash(workshop_status.receipt);
end
$function$;
comment on function public.workshop_status(text) is 'The workshop, status, dates, confirmed time and decline reason of the request whose receipt code is given; no row for a wrong or unknown code.';

CREATE OR REPLACE FUNCTION staff_access.edits(kind text, item jsonb)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  member public.staff_members;
  parent jsonb;
begin
  select * into member from public.staff_members as s where s.user_id = auth.uid() and s.active;
  if not found then
    return false;
  end if;
  if member.role = 'coordinator' then
    return true;
  end if;
  if edits.kind in ('meeting_exception', 'meeting_report') then
    select to_jsonb(m) into parent from public.meetings as m where m.meeting_id = item ->> 'meeting_id';
    return parent is not null and staff_access.edits('meeting', parent);
  end if;
  if edits.kind = 'priority_update' then
    select to_jsonb(p) into parent from public.priorities as p where p.priority_id = item ->> 'priority_id';
    return parent is not null and staff_access.edits('priority', parent);
  end if;
  return coalesce(case edits.kind
    when 'beat' then member.role = 'supervisor' and item ->> 'district_id' = member.district
    when 'officer' then case member.role
      when 'supervisor' then item ->> 'district_id' = member.district
        or (jsonb_array_length(item -> 'beats') > 0 and not exists (
              select from jsonb_array_elements_text(item -> 'beats') as b (beat_id)
               where not exists (select from public.beats as x where x.beat_id = b.beat_id and x.district_id = member.district)))
      when 'officer' then item ->> 'officer_id' = member.officer_slug
      else false
    end
    when 'meeting' then (member.role = 'supervisor' and item ->> 'district_id' = member.district)
      or exists (select from jsonb_array_elements_text(item -> 'beats') as b (beat_id) where staff_access.sees_beat(b.beat_id))
    when 'priority' then (member.role = 'supervisor' and item ->> 'district_id' = member.district)
      or exists (select from jsonb_array_elements_text(item -> 'beats') as b (beat_id) where staff_access.sees_beat(b.beat_id))
  end, false);
end
$function$;

CREATE OR REPLACE FUNCTION staff_access.edits_officer_photo(name text)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select coalesce((
    select staff_access.edits('officer', to_jsonb(o))
      from public.officers as o
     where edits_officer_photo.name ~ '^[a-z0-9][a-z0-9-]*/[A-Za-z0-9_-]{1,64}\.(webp|jpg|jpeg|png)$'
       and o.officer_id = split_part(edits_officer_photo.name, '/', 1)
  ), false)
$function$;

CREATE OR REPLACE FUNCTION staff_access.role()
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select s.role from public.staff_members as s where s.user_id = auth.uid() and s.active
$function$;

CREATE OR REPLACE FUNCTION staff_access.sees_beat(beat text)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select private.staff_sees_beat(auth.uid(), sees_beat.beat)
$function$;


-- triggers

CREATE TRIGGER publish_requests_alert AFTER UPDATE ON private.publish_requests REFERENCING OLD TABLE AS earlier_rows NEW TABLE AS finished_rows FOR EACH STATEMENT EXECUTE FUNCTION private.publish_finished();
CREATE TRIGGER beats_publish AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.beats FOR EACH STATEMENT EXECUTE FUNCTION private.content_changed();
CREATE TRIGGER beats_record_changes AFTER INSERT OR DELETE OR UPDATE ON public.beats FOR EACH ROW EXECUTE FUNCTION private.record_content_change('beat', 'beat_id');
CREATE TRIGGER beats_stamp_updated BEFORE UPDATE ON public.beats FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_at();
CREATE TRIGGER content_history_append_only BEFORE DELETE OR UPDATE ON public.content_history FOR EACH ROW EXECUTE FUNCTION private.history_is_append_only();
CREATE TRIGGER content_history_never_emptied BEFORE TRUNCATE ON public.content_history FOR EACH STATEMENT EXECUTE FUNCTION private.history_is_append_only();
CREATE TRIGGER content_history_stamped BEFORE INSERT ON public.content_history FOR EACH ROW EXECUTE FUNCTION private.stamp_history_author();
CREATE TRIGGER conversation_messages_notify_staff AFTER INSERT ON public.conversation_messages FOR EACH ROW WHEN (NOT new.from_staff) EXECUTE FUNCTION private.notify_staff_of_answer();
CREATE TRIGGER districts_publish AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.districts FOR EACH STATEMENT EXECUTE FUNCTION private.content_changed();
CREATE TRIGGER districts_record_changes AFTER INSERT OR DELETE OR UPDATE ON public.districts FOR EACH ROW EXECUTE FUNCTION private.record_content_change('district', 'district_id');
CREATE TRIGGER districts_stamp_updated BEFORE UPDATE ON public.districts FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_at();
CREATE TRIGGER meeting_exceptions_publish AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.meeting_exceptions FOR EACH STATEMENT EXECUTE FUNCTION private.content_changed();
CREATE TRIGGER meeting_exceptions_record_changes AFTER INSERT OR DELETE OR UPDATE ON public.meeting_exceptions FOR EACH ROW EXECUTE FUNCTION private.record_content_change('meeting_exception', 'meeting_id', 'position', 'occurrence_date');
CREATE TRIGGER meeting_exceptions_stamp_updated BEFORE UPDATE ON public.meeting_exceptions FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_at();
CREATE TRIGGER meeting_reports_publish AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.meeting_reports FOR EACH STATEMENT EXECUTE FUNCTION private.content_changed();
CREATE TRIGGER meeting_reports_record_changes AFTER INSERT OR DELETE OR UPDATE ON public.meeting_reports FOR EACH ROW EXECUTE FUNCTION private.record_content_change('meeting_report', 'meeting_id', 'occurrence_date');
CREATE TRIGGER meeting_reports_stamp_updated BEFORE UPDATE ON public.meeting_reports FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_at();
CREATE TRIGGER meetings_publish AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.meetings FOR EACH STATEMENT EXECUTE FUNCTION private.content_changed();
CREATE TRIGGER meetings_record_changes AFTER INSERT OR DELETE OR UPDATE ON public.meetings FOR EACH ROW EXECUTE FUNCTION private.record_content_change('meeting', 'meeting_id');
CREATE TRIGGER meetings_stamp_updated BEFORE UPDATE ON public.meetings FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_at();
CREATE TRIGGER officers_publish AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.officers FOR EACH STATEMENT EXECUTE FUNCTION private.content_changed();
CREATE TRIGGER officers_record_changes AFTER INSERT OR DELETE OR UPDATE ON public.officers FOR EACH ROW EXECUTE FUNCTION private.record_content_change('officer', 'officer_id');
CREATE TRIGGER officers_stamp_updated BEFORE UPDATE ON public.officers FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_at();
CREATE TRIGGER priorities_publish AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.priorities FOR EACH STATEMENT EXECUTE FUNCTION private.content_changed();
CREATE TRIGGER priorities_record_changes AFTER INSERT OR DELETE OR UPDATE ON public.priorities FOR EACH ROW EXECUTE FUNCTION private.record_content_change('priority', 'priority_id');
CREATE TRIGGER priorities_stamp_updated BEFORE UPDATE ON public.priorities FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_at();
CREATE TRIGGER priority_suggestions_notify_staff AFTER INSERT ON public.priority_suggestions FOR EACH ROW WHEN (new.status = 'received'::text) EXECUTE FUNCTION private.notify_staff('suggestion', 'suggestion_id');
CREATE TRIGGER priority_suggestions_record_changes AFTER INSERT OR UPDATE ON public.priority_suggestions FOR EACH ROW EXECUTE FUNCTION private.record_changes('suggestion', 'suggestion_id', 'status', 'public_reply', 'priority_id');
CREATE TRIGGER priority_suggestions_stamp_status BEFORE UPDATE OF status ON public.priority_suggestions FOR EACH ROW EXECUTE FUNCTION private.stamp_status_change('status');
CREATE TRIGGER priority_updates_publish AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.priority_updates FOR EACH STATEMENT EXECUTE FUNCTION private.content_changed();
CREATE TRIGGER priority_updates_record_changes AFTER INSERT OR DELETE OR UPDATE ON public.priority_updates FOR EACH ROW EXECUTE FUNCTION private.record_content_change('priority_update', 'priority_id', 'position', 'posted_on');
CREATE TRIGGER priority_updates_stamp_updated BEFORE UPDATE ON public.priority_updates FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_at();
CREATE TRIGGER site_settings_publish AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.site_settings FOR EACH STATEMENT EXECUTE FUNCTION private.content_changed();
CREATE TRIGGER site_settings_record_changes AFTER INSERT OR DELETE OR UPDATE ON public.site_settings FOR EACH ROW EXECUTE FUNCTION private.record_content_change('site', 'site_id');
CREATE TRIGGER site_settings_stamp_updated BEFORE UPDATE ON public.site_settings FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_at();
CREATE TRIGGER staff_history_append_only BEFORE DELETE OR UPDATE ON public.staff_history FOR EACH ROW EXECUTE FUNCTION private.history_is_append_only();
CREATE TRIGGER staff_history_never_emptied BEFORE TRUNCATE ON public.staff_history FOR EACH STATEMENT EXECUTE FUNCTION private.history_is_append_only();
CREATE TRIGGER staff_history_stamped BEFORE INSERT ON public.staff_history FOR EACH ROW EXECUTE FUNCTION private.stamp_history_author();
CREATE TRIGGER staff_members_record_changes AFTER INSERT OR UPDATE ON public.staff_members FOR EACH ROW EXECUTE FUNCTION private.record_changes('staff_member', 'user_id', 'role', 'officer_slug', 'district', 'active');
CREATE TRIGGER tips_forget_conversation AFTER UPDATE OF purged_at ON public.tips FOR EACH ROW WHEN (old.purged_at IS NULL AND new.purged_at IS NOT NULL) EXECUTE FUNCTION private.forget_conversation('tip', 'tip_id');
CREATE TRIGGER tips_notify_staff AFTER INSERT ON public.tips FOR EACH ROW WHEN (new.status = 'received'::text) EXECUTE FUNCTION private.notify_staff('tip', 'tip_id');
CREATE TRIGGER tips_record_changes AFTER INSERT OR UPDATE ON public.tips FOR EACH ROW EXECUTE FUNCTION private.record_changes('tip', 'tip_id', 'status', 'public_reply', 'assigned_to', 'duplicate_of');
CREATE TRIGGER tips_stamp_status BEFORE UPDATE OF status ON public.tips FOR EACH ROW EXECUTE FUNCTION private.stamp_status_change('status');
CREATE TRIGGER watch_groups_notify_staff AFTER INSERT ON public.watch_groups FOR EACH ROW WHEN (new.status = 'pending'::text) EXECUTE FUNCTION private.notify_staff('watch_group', 'watch_group_id');
CREATE TRIGGER watch_groups_publish_delete AFTER DELETE ON public.watch_groups REFERENCING OLD TABLE AS old_groups FOR EACH STATEMENT EXECUTE FUNCTION private.watch_groups_changed();
CREATE TRIGGER watch_groups_publish_insert AFTER INSERT ON public.watch_groups REFERENCING NEW TABLE AS new_groups FOR EACH STATEMENT EXECUTE FUNCTION private.watch_groups_changed();
CREATE TRIGGER watch_groups_publish_truncate AFTER TRUNCATE ON public.watch_groups FOR EACH STATEMENT EXECUTE FUNCTION private.watch_groups_changed();
CREATE TRIGGER watch_groups_publish_update AFTER UPDATE ON public.watch_groups REFERENCING OLD TABLE AS old_groups NEW TABLE AS new_groups FOR EACH STATEMENT EXECUTE FUNCTION private.watch_groups_changed();
CREATE TRIGGER watch_groups_record_changes AFTER INSERT OR UPDATE ON public.watch_groups FOR EACH ROW EXECUTE FUNCTION private.record_changes('watch_group', 'watch_group_id', 'status', 'public_note');
CREATE TRIGGER watch_groups_stamp_status BEFORE UPDATE OF status ON public.watch_groups FOR EACH ROW EXECUTE FUNCTION private.stamp_status_change('status');
CREATE TRIGGER watch_members_forget_conversation AFTER DELETE ON public.watch_members FOR EACH ROW EXECUTE FUNCTION private.forget_declined_group_conversation();
CREATE TRIGGER workshop_requests_forget_conversation AFTER UPDATE OF purged_at ON public.workshop_requests FOR EACH ROW WHEN (old.purged_at IS NULL AND new.purged_at IS NOT NULL) EXECUTE FUNCTION private.forget_conversation('workshop_request', 'workshop_request_id');
CREATE TRIGGER workshop_requests_keep_meeting AFTER INSERT OR DELETE OR UPDATE OF status, confirmed_at, workshop, business_name, address, beat, latitude, longitude, contact_language ON public.workshop_requests FOR EACH ROW EXECUTE FUNCTION private.workshop_request_scheduled();
CREATE TRIGGER workshop_requests_notify_staff AFTER INSERT ON public.workshop_requests FOR EACH ROW WHEN (new.status = 'received'::text) EXECUTE FUNCTION private.notify_staff('workshop_request', 'workshop_request_id');
CREATE TRIGGER workshop_requests_record_changes AFTER INSERT OR UPDATE ON public.workshop_requests FOR EACH ROW EXECUTE FUNCTION private.record_changes('workshop_request', 'workshop_request_id', 'status', 'confirmed_at', 'decline_reason');
CREATE TRIGGER workshop_requests_stamp_status BEFORE UPDATE OF status, confirmed_at, decline_reason ON public.workshop_requests FOR EACH ROW EXECUTE FUNCTION private.stamp_status_change('status', 'confirmed_at', 'decline_reason');
CREATE TRIGGER workshops_publish AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.workshops FOR EACH STATEMENT EXECUTE FUNCTION private.content_changed();
CREATE TRIGGER workshops_record_changes AFTER INSERT OR DELETE OR UPDATE ON public.workshops FOR EACH ROW EXECUTE FUNCTION private.record_content_change('workshop', 'workshop_id');
CREATE TRIGGER workshops_stamp_updated BEFORE UPDATE ON public.workshops FOR EACH ROW EXECUTE FUNCTION private.stamp_updated_at();

-- row-level security policies

create policy beats_anon_read on public.beats as permissive for select to anon
  using (published);
create policy beats_staff_read on public.beats as permissive for select to authenticated
  using ((published OR (( SELECT staff_access.role() AS role) IS NOT NULL)));
create policy content_history_staff_read on public.content_history as permissive for select to authenticated
  using ((( SELECT staff_access.role() AS role) IS NOT NULL));
create policy conversation_messages_authenticated_select on public.conversation_messages as permissive for select to authenticated
  using (
CASE kind
    WHEN 'tip'::text THEN (EXISTS ( SELECT
       FROM public.tips t
      WHERE (t.tip_id = conversation_messages.item_id)))
    WHEN 'watch_group'::text THEN (EXISTS ( SELECT
       FROM public.watch_groups g
      WHERE (g.watch_group_id = conversation_messages.item_id)))
    WHEN 'workshop_request'::text THEN (EXISTS ( SELECT
       FROM public.workshop_requests w
      WHERE (w.workshop_request_id = conversation_messages.item_id)))
    ELSE NULL::boolean
END);
create policy districts_anon_read on public.districts as permissive for select to anon
  using (published);
create policy districts_staff_read on public.districts as permissive for select to authenticated
  using ((published OR (( SELECT staff_access.role() AS role) IS NOT NULL)));
create policy meeting_exceptions_anon_read on public.meeting_exceptions as permissive for select to anon
  using ((published AND (EXISTS ( SELECT
   FROM public.meetings m
  WHERE ((m.meeting_id = meeting_exceptions.meeting_id) AND m.published)))));
create policy meeting_exceptions_staff_read on public.meeting_exceptions as permissive for select to authenticated
  using (((published AND (EXISTS ( SELECT
   FROM public.meetings m
  WHERE ((m.meeting_id = meeting_exceptions.meeting_id) AND m.published)))) OR (( SELECT staff_access.role() AS role) IS NOT NULL)));
create policy meeting_reports_anon_read on public.meeting_reports as permissive for select to anon
  using ((published AND (EXISTS ( SELECT
   FROM public.meetings m
  WHERE ((m.meeting_id = meeting_reports.meeting_id) AND m.published)))));
create policy meeting_reports_staff_read on public.meeting_reports as permissive for select to authenticated
  using (((published AND (EXISTS ( SELECT
   FROM public.meetings m
  WHERE ((m.meeting_id = meeting_reports.meeting_id) AND m.published)))) OR (( SELECT staff_access.role() AS role) IS NOT NULL)));
create policy meetings_anon_read on public.meetings as permissive for select to anon
  using (published);
create policy meetings_staff_read on public.meetings as permissive for select to authenticated
  using ((published OR (( SELECT staff_access.role() AS role) IS NOT NULL)));
create policy officers_anon_read on public.officers as permissive for select to anon
  using (published);
create policy officers_staff_read on public.officers as permissive for select to authenticated
  using ((published OR (( SELECT staff_access.role() AS role) IS NOT NULL)));
create policy priorities_anon_read on public.priorities as permissive for select to anon
  using (published);
create policy priorities_staff_read on public.priorities as permissive for select to authenticated
  using ((published OR (( SELECT staff_access.role() AS role) IS NOT NULL)));
create policy priority_suggestions_staff_read on public.priority_suggestions as permissive for select to authenticated
  using (staff_access.sees_beat(beat));
create policy priority_support_anon_read on public.priority_support as permissive for select to anon
  using ((EXISTS ( SELECT
   FROM public.priorities p
  WHERE ((p.priority_id = priority_support.priority_id) AND p.published))));
create policy priority_support_staff_read on public.priority_support as permissive for select to authenticated
  using (((( SELECT staff_access.role() AS role) IS NOT NULL) OR (EXISTS ( SELECT
   FROM public.priorities p
  WHERE ((p.priority_id = priority_support.priority_id) AND p.published)))));
create policy priority_updates_anon_read on public.priority_updates as permissive for select to anon
  using ((published AND (EXISTS ( SELECT
   FROM public.priorities p
  WHERE ((p.priority_id = priority_updates.priority_id) AND p.published)))));
create policy priority_updates_staff_read on public.priority_updates as permissive for select to authenticated
  using (((published AND (EXISTS ( SELECT
   FROM public.priorities p
  WHERE ((p.priority_id = priority_updates.priority_id) AND p.published)))) OR (( SELECT staff_access.role() AS role) IS NOT NULL)));
create policy site_settings_anon_read on public.site_settings as permissive for select to anon
  using (published);
create policy site_settings_staff_read on public.site_settings as permissive for select to authenticated
  using ((published OR (( SELECT staff_access.role() AS role) IS NOT NULL)));
create policy staff_history_of_visible_items on public.staff_history as permissive for select to authenticated
  using (
CASE kind
    WHEN 'tip'::text THEN (EXISTS ( SELECT
       FROM public.tips t
      WHERE (t.tip_id = staff_history.item_id)))
    WHEN 'watch_group'::text THEN (EXISTS ( SELECT
       FROM public.watch_groups g
      WHERE (g.watch_group_id = staff_history.item_id)))
    WHEN 'workshop_request'::text THEN (EXISTS ( SELECT
       FROM public.workshop_requests w
      WHERE (w.workshop_request_id = staff_history.item_id)))
    WHEN 'suggestion'::text THEN (EXISTS ( SELECT
       FROM public.priority_suggestions s
      WHERE (s.suggestion_id = staff_history.item_id)))
    WHEN 'staff_member'::text THEN (staff_access.role() = 'coordinator'::text)
    ELSE NULL::boolean
END);
create policy staff_members_own on public.staff_members as permissive for select to authenticated
  using ((user_id = auth.uid()));
create policy staff_notification_settings_authenticated_select on public.staff_notification_settings as permissive for select to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));
create policy tips_staff_read on public.tips as permissive for select to authenticated
  using (staff_access.sees_beat(beat));
create policy watch_groups_staff_read on public.watch_groups as permissive for select to authenticated
  using (staff_access.sees_beat(beat));
create policy watch_members_staff_read on public.watch_members as permissive for select to authenticated
  using ((EXISTS ( SELECT
   FROM public.watch_groups g
  WHERE (g.watch_group_id = watch_members.watch_group_id))));
create policy workshop_requests_staff_read on public.workshop_requests as permissive for select to authenticated
  using (staff_access.sees_beat(beat));
create policy workshops_anon_read on public.workshops as permissive for select to anon
  using (published);
create policy workshops_staff_read on public.workshops as permissive for select to authenticated
  using ((published OR (( SELECT staff_access.role() AS role) IS NOT NULL)));
create policy objects_officer_photos_anon_read on storage.objects as permissive for select to anon
  using ((bucket_id = 'officer-photos'::text));
create policy objects_officer_photos_authenticated_delete on storage.objects as permissive for delete to authenticated
  using (((bucket_id = 'officer-photos'::text) AND staff_access.edits_officer_photo(name)));
create policy objects_officer_photos_authenticated_insert on storage.objects as permissive for insert to authenticated
  with check (((bucket_id = 'officer-photos'::text) AND staff_access.edits_officer_photo(name)));
create policy objects_officer_photos_authenticated_read on storage.objects as permissive for select to authenticated
  using ((bucket_id = 'officer-photos'::text));
create policy objects_officer_photos_authenticated_update on storage.objects as permissive for update to authenticated
  using (((bucket_id = 'officer-photos'::text) AND staff_access.edits_officer_photo(name)))
  with check (((bucket_id = 'officer-photos'::text) AND staff_access.edits_officer_photo(name)));

-- storage buckets

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values ('officer-photos', 'officer-photos', true, 2097152, '{image/jpeg,image/png,image/webp}');

-- privileges

grant execute on function private.all_filled(text[]) to service_role;
grant execute on function private.all_one_of(text[],regtype) to service_role;
grant execute on function private.distinct_instants(timestamp with time zone[]) to service_role;
grant execute on function private.is_one_of(text,regtype) to service_role;
grant execute on function private.valid_area(jsonb) to service_role;
grant execute on function private.valid_content_id(text,integer) to service_role;
grant execute on function private.valid_content_ids(text[],integer) to service_role;
grant execute on function private.valid_email(text) to service_role;
grant execute on function private.valid_language(text) to service_role;
grant execute on function private.valid_local_date(text) to service_role;
grant execute on function private.valid_local_date_time(text) to service_role;
grant execute on function private.valid_lon_lat(double precision,double precision) to service_role;
grant execute on function private.valid_officer_slug(text) to service_role;
grant execute on function private.valid_phone(text) to service_role;
grant execute on function public.add_staff_note(text,uuid,text) to authenticated;
grant execute on function public.add_staff_note(text,uuid,text) to service_role;
grant execute on function public.alert_subscriber_counts() to authenticated;
grant execute on function public.alert_subscriber_counts() to service_role;
grant execute on function public.alert_subscription(text) to anon;
grant execute on function public.alert_subscription(text) to authenticated;
grant execute on function public.alert_subscription(text) to service_role;
grant execute on function public.answer_suggestion(uuid,text,text,text,text) to authenticated;
grant execute on function public.answer_suggestion(uuid,text,text,text,text) to service_role;
grant execute on function public.approved_watch_groups() to anon;
grant execute on function public.approved_watch_groups() to authenticated;
grant execute on function public.approved_watch_groups() to service_role;
grant execute on function public.ask_resident(text,uuid,text) to authenticated;
grant execute on function public.ask_resident(text,uuid,text) to service_role;
grant execute on function public.claim_mail(integer,integer) to service_role;
grant execute on function public.claim_publish_requests(numeric) to service_role;
grant execute on function public.confirm_alerts(text) to anon;
grant execute on function public.confirm_alerts(text) to authenticated;
grant execute on function public.confirm_alerts(text) to service_role;
grant execute on function public.conversation(text) to anon;
grant execute on function public.conversation(text) to authenticated;
grant execute on function public.conversation(text) to service_role;
grant execute on function public.delete_content(text,jsonb,text) to authenticated;
grant execute on function public.delete_content(text,jsonb,text) to service_role;
grant execute on function public.finish_publish_requests(bigint[],text,text[]) to service_role;
grant execute on function public.join_watch_group(uuid,text,text,text,uuid,jsonb) to anon;
grant execute on function public.join_watch_group(uuid,text,text,text,uuid,jsonb) to authenticated;
grant execute on function public.join_watch_group(uuid,text,text,text,uuid,jsonb) to service_role;
grant execute on function public.mark_conversation_read(text,uuid) to authenticated;
grant execute on function public.mark_conversation_read(text,uuid) to service_role;
grant execute on function public.mark_mail_failed(bigint,uuid,text,boolean) to service_role;
grant execute on function public.mark_mail_sent(bigint[]) to service_role;
grant execute on function public.publish_now() to authenticated;
grant execute on function public.publish_now() to service_role;
grant execute on function public.publish_status() to authenticated;
grant execute on function public.publish_status() to service_role;
grant execute on function public.published_content() to anon;
grant execute on function public.published_content() to authenticated;
grant execute on function public.published_content() to service_role;
grant execute on function public.purge_alert_subscriptions() to service_role;
grant execute on function public.purge_closed_tips() to service_role;
grant execute on function public.purge_finished_requests() to service_role;
grant execute on function public.purge_finished_suggestions() to service_role;
grant execute on function public.purge_publish_requests() to service_role;
grant execute on function public.queue_alert_digests() to service_role;
grant execute on function public.queue_staff_digests() to service_role;
grant execute on function public.register_watch_group(text,jsonb,text,text,text,text,text,integer,uuid,text,jsonb) to anon;
grant execute on function public.register_watch_group(text,jsonb,text,text,text,text,text,integer,uuid,text,jsonb) to authenticated;
grant execute on function public.register_watch_group(text,jsonb,text,text,text,text,text,integer,uuid,text,jsonb) to service_role;
grant execute on function public.release_publish_requests(bigint[],text[]) to service_role;
grant execute on function public.reply_to_staff(text,text,uuid,jsonb) to anon;
grant execute on function public.reply_to_staff(text,text,uuid,jsonb) to authenticated;
grant execute on function public.reply_to_staff(text,text,uuid,jsonb) to service_role;
grant execute on function public.request_workshop(text,text,text,text,uuid,text,double precision,double precision,text,text,text,integer,timestamp with time zone[],text,jsonb) to anon;
grant execute on function public.request_workshop(text,text,text,text,uuid,text,double precision,double precision,text,text,text,integer,timestamp with time zone[],text,jsonb) to authenticated;
grant execute on function public.request_workshop(text,text,text,text,uuid,text,double precision,double precision,text,text,text,integer,timestamp with time zone[],text,jsonb) to service_role;
grant execute on function public.review_watch_group(uuid,text,text,text) to authenticated;
grant execute on function public.review_watch_group(uuid,text,text,text) to service_role;
grant execute on function public.save_content(text,jsonb,text,boolean) to authenticated;
grant execute on function public.save_content(text,jsonb,text,boolean) to service_role;
grant execute on function public.save_staff_notifications(jsonb,text) to authenticated;
grant execute on function public.save_staff_notifications(jsonb,text) to service_role;
grant execute on function public.schedule_workshop(uuid,text,timestamp with time zone,text,text) to authenticated;
grant execute on function public.schedule_workshop(uuid,text,timestamp with time zone,text,text) to service_role;
grant execute on function public.set_staff_role(text,text,text,text,boolean) to authenticated;
grant execute on function public.set_staff_role(text,text,text,text,boolean) to service_role;
grant execute on function public.staff_directory() to authenticated;
grant execute on function public.staff_directory() to service_role;
grant execute on function public.staff_notifications() to authenticated;
grant execute on function public.staff_notifications() to service_role;
grant execute on function public.staff_summary(timestamp with time zone,timestamp with time zone) to authenticated;
grant execute on function public.staff_summary(timestamp with time zone,timestamp with time zone) to service_role;
grant execute on function public.submission_challenge(text,uuid) to anon;
grant execute on function public.submission_challenge(text,uuid) to authenticated;
grant execute on function public.submission_challenge(text,uuid) to service_role;
grant execute on function public.submit_tip(text,text,uuid,text,timestamp with time zone,boolean,text,double precision,double precision,text,text,text,text,text,text,jsonb) to anon;
grant execute on function public.submit_tip(text,text,uuid,text,timestamp with time zone,boolean,text,double precision,double precision,text,text,text,text,text,text,jsonb) to authenticated;
grant execute on function public.submit_tip(text,text,uuid,text,timestamp with time zone,boolean,text,double precision,double precision,text,text,text,text,text,text,jsonb) to service_role;
grant execute on function public.subscribe_to_alerts(text,text,text[],text,uuid,text,text,jsonb) to anon;
grant execute on function public.subscribe_to_alerts(text,text,text[],text,uuid,text,text,jsonb) to authenticated;
grant execute on function public.subscribe_to_alerts(text,text,text[],text,uuid,text,text,jsonb) to service_role;
grant execute on function public.suggest_priority(text,text,uuid,jsonb) to anon;
grant execute on function public.suggest_priority(text,text,uuid,jsonb) to authenticated;
grant execute on function public.suggest_priority(text,text,uuid,jsonb) to service_role;
grant execute on function public.suggestion_status(text) to anon;
grant execute on function public.suggestion_status(text) to authenticated;
grant execute on function public.suggestion_status(text) to service_role;
grant execute on function public.support_priority(text,uuid,jsonb) to anon;
grant execute on function public.support_priority(text,uuid,jsonb) to authenticated;
grant execute on function public.support_priority(text,uuid,jsonb) to service_role;
grant execute on function public.tip_status(text) to anon;
grant execute on function public.tip_status(text) to authenticated;
grant execute on function public.tip_status(text) to service_role;
grant execute on function public.triage_tip(uuid,text,text,text,uuid,text) to authenticated;
grant execute on function public.triage_tip(uuid,text,text,text,uuid,text) to service_role;
grant execute on function public.undo_content_change(bigint,text) to authenticated;
grant execute on function public.undo_content_change(bigint,text) to service_role;
grant execute on function public.unsubscribe_alerts(text) to anon;
grant execute on function public.unsubscribe_alerts(text) to authenticated;
grant execute on function public.unsubscribe_alerts(text) to service_role;
grant execute on function public.update_alerts(text,text[],text,text) to anon;
grant execute on function public.update_alerts(text,text[],text,text) to authenticated;
grant execute on function public.update_alerts(text,text[],text,text) to service_role;
grant execute on function public.watch_group_status(text) to anon;
grant execute on function public.watch_group_status(text) to authenticated;
grant execute on function public.watch_group_status(text) to service_role;
grant execute on function public.workshop_status(text) to anon;
grant execute on function public.workshop_status(text) to authenticated;
grant execute on function public.workshop_status(text) to service_role;
grant execute on function staff_access.edits(text,jsonb) to authenticated;
grant execute on function staff_access.edits_officer_photo(text) to authenticated;
grant execute on function staff_access.role() to authenticated;
grant execute on function staff_access.sees_beat(text) to authenticated;
grant usage on schema public to anon;
grant usage on schema public to authenticated;
grant usage on schema public to public;
grant usage on schema public to service_role;
grant usage on schema staff_access to authenticated;
grant select, update, usage on sequence public.content_history_history_id_seq to service_role;
grant select, update, usage on sequence public.conversation_messages_message_id_seq to service_role;
grant select, update, usage on sequence public.priority_support_support_id_seq to service_role;
grant select, update, usage on sequence public.staff_history_history_id_seq to service_role;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.beats to service_role;
grant select on table public.beats to anon;
grant select on table public.beats to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.content_history to service_role;
grant select on table public.content_history to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.conversation_messages to service_role;
grant select (body, created_at, from_staff, item_id, kind, message_id, read_at) on table public.conversation_messages to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.districts to service_role;
grant select on table public.districts to anon;
grant select on table public.districts to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.meeting_exceptions to service_role;
grant select on table public.meeting_exceptions to anon;
grant select on table public.meeting_exceptions to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.meeting_reports to service_role;
grant select on table public.meeting_reports to anon;
grant select on table public.meeting_reports to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.meetings to service_role;
grant select on table public.meetings to anon;
grant select on table public.meetings to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.officers to service_role;
grant select on table public.officers to anon;
grant select on table public.officers to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.priorities to service_role;
grant select on table public.priorities to anon;
grant select on table public.priorities to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.priority_suggestions to service_role;
grant select (beat, created_at, priority_id, problem, public_reply, purged_at, status, status_changed_at, suggestion_id) on table public.priority_suggestions to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.priority_support to service_role;
grant select (priority_id) on table public.priority_support to anon;
grant select (priority_id) on table public.priority_support to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.priority_updates to service_role;
grant select on table public.priority_updates to anon;
grant select on table public.priority_updates to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.site_settings to service_role;
grant select on table public.site_settings to anon;
grant select on table public.site_settings to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.staff_history to service_role;
grant select on table public.staff_history to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.staff_members to service_role;
grant select on table public.staff_members to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.staff_notification_settings to service_role;
grant select on table public.staff_notification_settings to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.tips to service_role;
grant select (assigned_to, beat, category, contact_email, contact_language, contact_name, contact_phone, created_at, description, duplicate_of, latitude, longitude, occurred_at, ongoing, person_description, place, public_reply, purged_at, status, status_changed_at, tip_id, vehicle_description) on table public.tips to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.watch_groups to service_role;
grant select (approved_at, area, beat, created_at, expected_members, meeting_note, meeting_preference, name, public_note, status, status_changed_at, watch_group_id) on table public.watch_groups to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.watch_members to service_role;
grant select (block, created_at, email, member_id, name, phone, role, watch_group_id) on table public.watch_members to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.workshop_requests to service_role;
grant select (address, attendees, beat, business_name, confirmed_at, contact_email, contact_language, contact_name, contact_phone, created_at, decline_reason, latitude, longitude, notes, preferred_times, purged_at, status, status_changed_at, workshop, workshop_request_id) on table public.workshop_requests to authenticated;
grant delete, insert, maintain, references, select, trigger, truncate, update on table public.workshops to service_role;
grant select on table public.workshops to anon;
grant select on table public.workshops to authenticated;
