-- Workshop and security-survey requests: a business asks for one of the
-- jurisdiction's workshops (content files, src/content/workshops/), says where,
-- who to contact and two or three times that suit it, and gets a receipt code.
-- The business never reads this table: it sends through request_workshop() and
-- follows its request through workshop_status(), which tells the holder of the
-- code the status, the dates, the confirmed time and a decline reason, and
-- nothing else. The same rules are in src/features/workshops/workshop.schema.ts,
-- and tests/db/workshopRules.test.ts proves the two agree. Staff's grants and
-- policies come with staff access; retention removes the contact details.

create type public.workshop_request_status as enum ('received', 'confirmed', 'declined', 'completed');
comment on type public.workshop_request_status is 'Where a workshop request stands, as the business and staff see it.';

-- Two preferred times that are the same instant are one choice, not two.
create function private.distinct_instants(instants timestamptz[]) returns boolean
language sql immutable
set search_path = ''
as $$
  select count(distinct instant) = count(*) and count(*) = count(instant)
    from unnest(instants) as instant
$$;

revoke all on function private.distinct_instants(timestamptz[]) from public;

create table public.workshop_requests (
  workshop_request_id uuid primary key default gen_random_uuid(),
  -- a workshop id of the content files, which live outside the database
  workshop text not null
    constraint workshop_requests_workshop_format check (private.valid_content_id(workshop, 80)),
  business_name text not null
    constraint workshop_requests_business_name_length check (char_length(business_name) between 1 and 200),
  address text not null
    constraint workshop_requests_address_length check (char_length(address) between 1 and 300),
  beat text
    constraint workshop_requests_beat_format check (private.valid_content_id(beat, 40)),
  latitude double precision
    constraint workshop_requests_latitude_range check (latitude between -90 and 90),
  longitude double precision
    constraint workshop_requests_longitude_range check (longitude between -180 and 180),
  contact_name text not null
    constraint workshop_requests_contact_name_length check (char_length(contact_name) between 1 and 120),
  contact_email text
    constraint workshop_requests_contact_email_valid check (private.valid_email(contact_email)),
  contact_phone text
    constraint workshop_requests_contact_phone_valid check (private.valid_phone(contact_phone)),
  contact_language text
    constraint workshop_requests_contact_language_valid check (private.valid_language(contact_language)),
  -- absent for a survey of premises, where it does not apply
  attendees integer
    constraint workshop_requests_attendees_range check (attendees between 1 and 1000),
  -- "in the future, within a year" holds when the request arrives; the times then age
  preferred_times timestamptz[] not null
    constraint workshop_requests_preferred_times_choices check (
      array_ndims(preferred_times) = 1 and cardinality(preferred_times) between 2 and 3 and private.distinct_instants(preferred_times)
    ),
  notes text
    constraint workshop_requests_notes_length check (char_length(notes) between 1 and 2000),
  status text not null default 'received'
    constraint workshop_requests_status_known check (private.is_one_of(status, 'public.workshop_request_status')),
  -- the slot staff confirmed; shown to whoever holds the receipt code
  confirmed_at timestamptz,
  -- why staff declined, in words meant for the business; shown to whoever holds the receipt code
  decline_reason text
    constraint workshop_requests_decline_reason_length check (char_length(decline_reason) between 1 and 2000),
  status_changed_at timestamptz not null default now(),
  -- sha-256 of the normalised receipt code; the code itself is never stored
  receipt_hash bytea not null unique,
  -- sha-256 of the client's idempotency key, so a retry finds its first request
  idempotency_hash bytea not null unique,
  -- the receipt sealed with the idempotency key, so only that retry can read it again
  receipt_sealed bytea not null,
  created_at timestamptz not null default now(),
  purged_at timestamptz,
  constraint workshop_requests_point_whole check ((latitude is null) = (longitude is null)),
  -- a purged request has no email and no phone; every other request needs one
  constraint workshop_requests_reachable check (purged_at is not null or contact_email is not null or contact_phone is not null),
  constraint workshop_requests_confirmed_when check (status <> 'confirmed' or confirmed_at is not null),
  constraint workshop_requests_declined_why check (status <> 'declined' or decline_reason is not null)
);
-- the site's ceiling on new requests counts the last hour's (private.check_ceiling)
create index workshop_requests_created_at on public.workshop_requests (created_at);

comment on table public.workshop_requests is
  'Businesses'' requests for a workshop or a security survey. No IP address or user agent is kept. Read only by staff (policies come with the staff workspace); businesses use request_workshop() and workshop_status().';
comment on column public.workshop_requests.workshop is 'The id of a workshop in the content files (src/content/workshops/<id>.json).';
comment on column public.workshop_requests.purged_at is
  'When the contact details and notes were removed under request_retention_days; null while they are kept.';

alter table public.workshop_requests enable row level security;
-- Supabase grants the API roles everything on new tables; businesses get nothing directly.
revoke all on table public.workshop_requests from anon, authenticated;

-- "Last updated" moves with anything the business is shown: the status, the confirmed time, the reason.
create trigger workshop_requests_stamp_status
  before update of status, confirmed_at, decline_reason on public.workshop_requests
  for each row execute function private.stamp_status_change('status', 'confirmed_at', 'decline_reason');

-- request_workshop: checks each field in the form's order, stores the request,
-- and returns the receipt code once.
create function public.request_workshop(
  workshop text,
  business_name text,
  address text,
  contact_name text,
  idempotency_key uuid,
  beat text default null,
  latitude double precision default null,
  longitude double precision default null,
  contact_email text default null,
  contact_phone text default null,
  contact_language text default null,
  attendees integer default null,
  preferred_times timestamptz[] default null,
  notes text default null,
  proof jsonb default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;

comment on function public.request_workshop(text, text, text, text, uuid, text, double precision, double precision, text, text, text, integer, timestamptz[], text, jsonb) is
  'Stores a request for a workshop or a security survey and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';
revoke all on function public.request_workshop(text, text, text, text, uuid, text, double precision, double precision, text, text, text, integer, timestamptz[], text, jsonb) from public;
grant execute on function public.request_workshop(text, text, text, text, uuid, text, double precision, double precision, text, text, text, integer, timestamptz[], text, jsonb) to anon, authenticated;

-- Following a request with its receipt code. The confirmed time is told only
-- while the request stands confirmed or done, the reason only while it stands
-- declined. Guessing is futile (80 random bits), as for tips; a wrong
-- and an unknown code get the same empty answer. Volatile, so that PostgREST
-- takes it by POST only.
create function public.workshop_status(receipt text)
returns table (workshop text, status text, requested_on date, updated_on date, confirmed_at timestamptz, decline_reason text)
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;

comment on function public.workshop_status(text) is
  'The workshop, status, dates, confirmed time and decline reason of the request whose receipt code is given; no row for a wrong or unknown code.';
revoke all on function public.workshop_status(text) from public;
grant execute on function public.workshop_status(text) to anon, authenticated;
