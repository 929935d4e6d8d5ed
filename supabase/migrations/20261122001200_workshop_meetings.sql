-- A confirmed workshop on the public calendar (issue 14). When staff confirm a
-- business's workshop request (schedule_workshop), the workshop is a one-off
-- meeting of the public calendar: the catalogue workshop's title, kind
-- 'business', the request's beat and that beat's district, the business's
-- name, address and point as the venue, the confirmed time as the local start
-- in the site's zone, the workshop's duration, in the language the business
-- asked in. Staff used to download it as a file and drop it into the content
-- folder; now the database keeps the row in step with the request, as it
-- keeps approved watch groups on the site, and the meeting is published by the
-- same pipeline as any change (meetings_publish queues a build, and
-- meetings_record_changes writes it into the content history in the name of
-- the staff member who confirmed).
--
-- One meeting per request, named workshop-<the request id's first 8 hex
-- digits>: a time confirmed again moves the same meeting (and its "updated",
-- so calendar subscribers get the new time), and a request declined or put
-- back to received takes it off the calendar. A completed request keeps its
-- meeting, as the calendar keeps every past meeting. A request the calendar
-- cannot place has none: no point on the map, no beat the site shows (a
-- published meeting of an unknown or draft beat would fail the whole build),
-- or a workshop no longer in the published catalogue.
--
-- The trigger writes only the columns it owns: what staff add to the meeting
-- in the workspace (accessibility, an online link, a cancelled date) stays
-- when the time moves. It writes nothing when nothing it owns would change,
-- since any statement on meetings, even one that changes no row, costs a
-- build.

-- The meeting of a workshop request, by the request's whole id (so no two
-- requests share one), so a time confirmed again finds the meeting it made.
create function private.workshop_meeting_id(workshop_request_id uuid) returns text
language sql immutable
set search_path = ''
as $$
  select 'workshop-' || workshop_request_id::text
$$;

-- An instant as the wall clock of the site's zone shows it, as meeting rows
-- write local times (YYYY-MM-DDTHH:MM): what a resident's calendar shows.
create function private.site_wall_time(instant timestamptz) returns text
language sql stable
set search_path = ''
as $$
  select to_char(instant at time zone coalesce((select s.time_zone from public.site_settings as s), 'UTC'), 'YYYY-MM-DD"T"HH24:MI')
$$;

-- Makes the request's meeting what the request says (`present` false: the
-- request is gone). Runs as its caller, the trigger function below, which
-- runs as the owner: staff hold no write grant on meetings.
create function private.keep_workshop_meeting(request public.workshop_requests, present boolean) returns void
language plpgsql
set search_path = ''
as $$
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
$$;

-- Security definer: a request changes through schedule_workshop (as its
-- owner already), through retention, or through the owner's own SQL; whoever
-- it is, the meeting follows, and staff hold no write grant on meetings.
create function private.workshop_request_scheduled() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform private.keep_workshop_meeting(old, false);
  else
    perform private.keep_workshop_meeting(new, true);
  end if;
  return null;
end
$$;

revoke all on function private.workshop_meeting_id(uuid), private.site_wall_time(timestamptz),
  private.keep_workshop_meeting(public.workshop_requests, boolean), private.workshop_request_scheduled()
  from public, anon, authenticated;

-- Every column the meeting is made of; the catalogue and the beats are read
-- when the request changes (a renamed workshop shows at its next change).
create trigger workshop_requests_keep_meeting
  after insert or delete or update of status, confirmed_at, workshop, business_name, address, beat, latitude, longitude, contact_language
  on public.workshop_requests
  for each row execute function private.workshop_request_scheduled();

-- Workshops confirmed for a time still to come before this migration are put
-- on the calendar too, unless staff already put them there as a file (a
-- business meeting at the same venue and local time). Past ones are left:
-- nobody will go to them.
select private.keep_workshop_meeting(w, true)
  from public.workshop_requests as w
 where w.status = 'confirmed' and w.confirmed_at > now()
   and not exists (
     select from public.meetings as m
      where m.kind = 'business' and m.venue_name = w.business_name and m.schedule_start = private.site_wall_time(w.confirmed_at));
