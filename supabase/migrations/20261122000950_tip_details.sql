-- What else a resident may tell us in a tip, all optional: the place (an
-- address and/or a point picked on the map, besides the beat), what vehicles
-- and people involved looked like in behaviour, clothing and vehicles, and a
-- way to reach them if they want to be reached. Contact details are stored
-- only when given; retention removes all of this with the free text.

alter table public.tips
  add column place text
    constraint tips_place_length check (char_length(place) between 1 and 200),
  add column latitude double precision
    constraint tips_latitude_range check (latitude between -90 and 90),
  add column longitude double precision
    constraint tips_longitude_range check (longitude between -180 and 180),
  add column vehicle_description text
    constraint tips_vehicle_length check (char_length(vehicle_description) between 1 and 1000),
  add column person_description text
    constraint tips_person_length check (char_length(person_description) between 1 and 1000),
  add column contact_name text
    constraint tips_contact_name_length check (char_length(contact_name) between 1 and 120),
  add column contact_email text
    constraint tips_contact_email_valid check (private.valid_email(contact_email)),
  add column contact_phone text
    constraint tips_contact_phone_valid check (private.valid_phone(contact_phone)),
  add column contact_language text
    constraint tips_contact_language_valid check (private.valid_language(contact_language)),
  add constraint tips_point_whole check ((latitude is null) = (longitude is null));

comment on column public.tips.contact_email is 'Only when the resident chose to be contacted; removed with the free text under the retention setting.';

-- The arguments grow, so the old signature goes: PostgREST picks a function by its argument names.
drop function public.submit_tip(text, text, uuid, text, timestamptz, boolean);

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
  contact_language text default null
)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  clean_description text := regexp_replace(submit_tip.description, '^\s+|\s+$', '', 'g');
  clean_place text := private.trimmed(submit_tip.place);
  clean_vehicle text := private.trimmed(submit_tip.vehicle_description);
  clean_person text := private.trimmed(submit_tip.person_description);
  clean_name text := private.trimmed(submit_tip.contact_name);
  clean_email text := private.trimmed(submit_tip.contact_email);
  clean_phone text := private.trimmed(submit_tip.contact_phone);
  key_hash bytea := private.key_hash(submit_tip.idempotency_key);
  receipt text;
begin
  if submit_tip.idempotency_key is null then
    raise exception using errcode = '22023', message = 'idempotency_key is required', detail = 'idempotency_key';
  end if;

  -- A retry of a submission that already landed gets its first receipt back.
  select private.open_receipt(t.receipt_sealed, submit_tip.idempotency_key)
    into receipt
    from public.tips as t
   where t.idempotency_hash = key_hash;
  if found then
    return jsonb_build_object('receipt', receipt);
  end if;
  -- Counted only for new tips: a retry of one that landed is never refused.
  perform private.check_rate_limit('submit_tip');

  if submit_tip.category is null or submit_tip.category not in (
    'suspicious_activity', 'drug_activity', 'vandalism_graffiti', 'traffic_speeding', 'noise',
    'abandoned_vehicle', 'problem_property', 'quality_of_life', 'other'
  ) then
    raise exception using errcode = '22023', message = 'choose one of the listed categories', detail = 'category';
  end if;
  if clean_description is null or char_length(clean_description) not between 20 and 5000 then
    raise exception using errcode = '22023', message = 'describe what happened in 20 to 5000 characters', detail = 'description';
  end if;
  -- Beats are content files, not rows: the form offers only real ones; here, the form of an id.
  if submit_tip.beat is not null and (submit_tip.beat !~ '^[A-Za-z0-9][A-Za-z0-9_-]*$' or char_length(submit_tip.beat) > 40) then
    raise exception using errcode = '22023', message = 'choose a beat from the list, or none', detail = 'beat';
  end if;
  if char_length(clean_place) > 200 then
    raise exception using errcode = '22023', message = 'give an address of at most 200 characters', detail = 'place';
  end if;
  if (submit_tip.latitude is null) <> (submit_tip.longitude is null)
     or submit_tip.latitude not between -90 and 90 or submit_tip.longitude not between -180 and 180 then
    raise exception using errcode = '22023', message = 'give a point as a latitude and a longitude', detail = 'latitude';
  end if;
  if submit_tip.occurred_at is not null and (submit_tip.occurred_at > now() + interval '1 hour' or submit_tip.occurred_at < now() - interval '1 year') then
    raise exception using errcode = '22023', message = 'give a time in the past year, not in the future', detail = 'occurred_at';
  end if;
  if submit_tip.occurred_at is not null and coalesce(submit_tip.ongoing, false) then
    raise exception using errcode = '22023', message = 'give a time, or say it keeps happening, not both', detail = 'occurred_at';
  end if;
  if char_length(clean_vehicle) > 1000 then
    raise exception using errcode = '22023', message = 'describe vehicles in at most 1000 characters', detail = 'vehicle_description';
  end if;
  if char_length(clean_person) > 1000 then
    raise exception using errcode = '22023', message = 'describe people in at most 1000 characters', detail = 'person_description';
  end if;
  if char_length(clean_name) > 120 then
    raise exception using errcode = '22023', message = 'give a name of at most 120 characters', detail = 'contact_name';
  end if;
  if clean_email is not null and not private.valid_email(clean_email) then
    raise exception using errcode = '22023', message = 'give an email address like name@example.org', detail = 'contact_email';
  end if;
  if clean_phone is not null and not private.valid_phone(clean_phone) then
    raise exception using errcode = '22023', message = 'give a phone number of 7 to 15 digits', detail = 'contact_phone';
  end if;
  if submit_tip.contact_language is not null and not private.valid_language(submit_tip.contact_language) then
    raise exception using errcode = '22023', message = 'choose a language from the list', detail = 'contact_language';
  end if;

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
    key_hash,
    private.seal_receipt(receipt, submit_tip.idempotency_key)
  )
  -- two retries racing each other: the loser stores nothing and returns the winner's receipt
  on conflict (idempotency_hash) do nothing;
  if not found then
    select private.open_receipt(t.receipt_sealed, submit_tip.idempotency_key)
      into receipt
      from public.tips as t
     where t.idempotency_hash = key_hash;
  end if;
  return jsonb_build_object('receipt', receipt);
end
$$;

comment on function public.submit_tip(text, text, uuid, text, timestamptz, boolean, text, double precision, double precision, text, text, text, text, text, text) is
  'Stores a tip and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';
revoke all on function public.submit_tip(text, text, uuid, text, timestamptz, boolean, text, double precision, double precision, text, text, text, text, text, text) from public;
grant execute on function public.submit_tip(text, text, uuid, text, timestamptz, boolean, text, double precision, double precision, text, text, text, text, text, text) to anon, authenticated;

-- Retention removes everything a resident wrote or gave, not only the description.
create or replace function public.purge_closed_tips()
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
$$;
