-- Tips: what residents send, anonymously by default: a category, what
-- happened, where (a beat, an address, a point on the map) and when (a time,
-- or that it keeps happening), what vehicles and people involved looked like,
-- and a way to reach them if they want to be reached; all but the category
-- and the description optional. Residents never read this table: they submit
-- through submit_tip() and get a receipt code, and follow the tip with
-- tip_status(). The same rules are in src/features/tips/tip.schema.ts, and
-- tests/db/tipRules.test.ts proves the two agree. Staff's grants and policies
-- come with staff access; retention removes what a resident wrote.

create type public.tip_category as enum (
  'suspicious_activity', 'drug_activity', 'vandalism_graffiti', 'traffic_speeding', 'noise',
  'abandoned_vehicle', 'problem_property', 'quality_of_life', 'other'
);
comment on type public.tip_category is 'What a tip is about; src/features/tips/tip.schema.ts offers the same list.';

create type public.tip_status as enum ('received', 'under_review', 'referred', 'action_taken', 'closed');
comment on type public.tip_status is 'Where a tip stands, as the resident and staff see it.';

create table public.tips (
  tip_id uuid primary key default gen_random_uuid(),
  category text not null
    constraint tips_category_known check (private.is_one_of(category, 'public.tip_category')),
  description text not null
    constraint tips_description_length check (char_length(description) between 20 and 5000),
  -- a beat id of the content files, if the resident gave one
  beat text
    constraint tips_beat_format check (private.valid_content_id(beat, 40)),
  occurred_at timestamptz,
  ongoing boolean not null default false,
  place text
    constraint tips_place_length check (char_length(place) between 1 and 200),
  latitude double precision
    constraint tips_latitude_range check (latitude between -90 and 90),
  longitude double precision
    constraint tips_longitude_range check (longitude between -180 and 180),
  vehicle_description text
    constraint tips_vehicle_length check (char_length(vehicle_description) between 1 and 1000),
  person_description text
    constraint tips_person_length check (char_length(person_description) between 1 and 1000),
  contact_name text
    constraint tips_contact_name_length check (char_length(contact_name) between 1 and 120),
  contact_email text
    constraint tips_contact_email_valid check (private.valid_email(contact_email)),
  contact_phone text
    constraint tips_contact_phone_valid check (private.valid_phone(contact_phone)),
  contact_language text
    constraint tips_contact_language_valid check (private.valid_language(contact_language)),
  status text not null default 'received'
    constraint tips_status_known check (private.is_one_of(status, 'public.tip_status')),
  status_changed_at timestamptz not null default now(),
  public_reply text
    constraint tips_public_reply_length check (char_length(public_reply) between 1 and 5000),
  -- the officer profile (its slug) who follows the tip up
  assigned_to text
    constraint tips_assigned_to_slug check (private.valid_officer_slug(assigned_to)),
  -- for a repeat report, the tip it repeats
  duplicate_of uuid references public.tips (tip_id),
  -- sha-256 of the normalised receipt code; the code itself is never stored
  receipt_hash bytea not null unique,
  -- sha-256 of the client's idempotency key, so a retry finds its first submission
  idempotency_hash bytea not null unique,
  -- the receipt sealed with the idempotency key, so only that retry can read it again
  receipt_sealed bytea not null,
  created_at timestamptz not null default now(),
  purged_at timestamptz,
  constraint tips_when_one_or_other check (not (ongoing and occurred_at is not null)),
  constraint tips_point_whole check ((latitude is null) = (longitude is null)),
  constraint tips_not_own_duplicate check (duplicate_of <> tip_id)
);
-- the site's ceiling on new tips counts the last hour's (private.check_ceiling)
create index tips_created_at on public.tips (created_at);

comment on table public.tips is
  'Tips and concerns residents sent. No IP address or user agent is kept. Read only by staff (policies come with the staff workspace); residents use submit_tip() and tip_status().';
comment on column public.tips.contact_email is 'Only when the resident chose to be contacted; removed with the free text under the retention setting.';
comment on column public.tips.public_reply is 'What staff chose to tell the resident; shown to whoever holds the receipt code.';
comment on column public.tips.purged_at is 'When the free text was removed under the retention setting.';

alter table public.tips enable row level security;
-- Supabase grants the API roles everything on new tables; residents get nothing directly.
revoke all on table public.tips from anon, authenticated;

-- The date the resident sees as "last updated" moves with every change of status.
create trigger tips_stamp_status
  before update of status on public.tips
  for each row execute function private.stamp_status_change('status');

-- submit_tip: checks each field in the form's order, stores the tip, and
-- returns the receipt code once.
create function public.submit_tip(
  category text,
  description text,
  idempotency_key uuid,
  beat text default null,
  occurred_at timestamptz default null,
  ongoing boolean default false,
  place text default null,
  latitude double precision default null,
  longitude double precision default null,
  vehicle_description text default null,
  person_description text default null,
  contact_name text default null,
  contact_email text default null,
  contact_phone text default null,
  contact_language text default null,
  proof jsonb default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;

comment on function public.submit_tip(text, text, uuid, text, timestamptz, boolean, text, double precision, double precision, text, text, text, text, text, text, jsonb) is
  'Stores a tip and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';
revoke all on function public.submit_tip(text, text, uuid, text, timestamptz, boolean, text, double precision, double precision, text, text, text, text, text, text, jsonb) from public;
grant execute on function public.submit_tip(text, text, uuid, text, timestamptz, boolean, text, double precision, double precision, text, text, text, text, text, text, jsonb) to anon, authenticated;

-- Following a tip with its receipt code: the tip's status, its dates and the
-- public reply, if staff wrote one, and nothing else. A wrong code and an
-- unknown code get the same empty answer. Guessing codes is futile (80
-- random bits), and the edge limits how often one client asks. Volatile, so
-- that PostgREST takes it by POST only: a code never sits in a URL, or in a
-- log of URLs.
create function public.tip_status(receipt text)
returns table (status text, received_on date, updated_on date, public_reply text)
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  return query
    select t.status, (t.created_at at time zone 'UTC')::date, (t.status_changed_at at time zone 'UTC')::date, t.public_reply
      from public.tips as t
     where t.receipt_hash = private.receipt_hash(tip_status.receipt);
end
$$;

comment on function public.tip_status(text) is
  'The status, dates and public reply of the tip whose receipt code is given; no row for a wrong or unknown code.';
revoke all on function public.tip_status(text) from public;
grant execute on function public.tip_status(text) to anon, authenticated;
