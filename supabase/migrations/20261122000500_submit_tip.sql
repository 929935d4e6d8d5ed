-- submit_tip: validates, stores, and returns the receipt code once.
-- Each bad field raises 22023 with the field's name in `details`, so the form
-- can show the error next to it; the same rules live in tip.schema.ts. A
-- repeated idempotency key returns the first receipt and counts against no limit.

create function public.submit_tip(
  category text,
  description text,
  idempotency_key uuid,
  beat text default null,
  occurred_at timestamptz default null,
  ongoing boolean default false
)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  clean_description text := regexp_replace(submit_tip.description, '^\s+|\s+$', '', 'g');
  key_hash bytea := sha256(convert_to(submit_tip.idempotency_key::text, 'UTF8'));
  receipt text;
begin
  if submit_tip.idempotency_key is null then
    raise exception using errcode = '22023', message = 'idempotency_key is required', detail = 'idempotency_key';
  end if;

  -- A retry of a submission that already landed gets its first receipt back.
  select extensions.pgp_sym_decrypt(t.receipt_sealed, submit_tip.idempotency_key::text)
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
  if submit_tip.occurred_at is not null and (submit_tip.occurred_at > now() + interval '1 hour' or submit_tip.occurred_at < now() - interval '1 year') then
    raise exception using errcode = '22023', message = 'give a time in the past year, not in the future', detail = 'occurred_at';
  end if;
  if submit_tip.occurred_at is not null and coalesce(submit_tip.ongoing, false) then
    raise exception using errcode = '22023', message = 'give a time, or say it keeps happening, not both', detail = 'occurred_at';
  end if;

  receipt := private.new_receipt_code();
  insert into public.tips (category, description, beat, occurred_at, ongoing, receipt_hash, idempotency_hash, receipt_sealed)
  values (
    submit_tip.category,
    clean_description,
    submit_tip.beat,
    submit_tip.occurred_at,
    coalesce(submit_tip.ongoing, false),
    sha256(convert_to(replace(receipt, '-', ''), 'UTF8')),
    key_hash,
    extensions.pgp_sym_encrypt(receipt, submit_tip.idempotency_key::text, 'cipher-algo=aes256, s2k-mode=1')
  )
  -- two retries racing each other: the loser stores nothing and returns the winner's receipt
  on conflict (idempotency_hash) do nothing;
  if not found then
    return public.submit_tip(submit_tip.category, submit_tip.description, submit_tip.idempotency_key, submit_tip.beat, submit_tip.occurred_at, submit_tip.ongoing);
  end if;
  return jsonb_build_object('receipt', receipt);
end
$$;

comment on function public.submit_tip(text, text, uuid, text, timestamptz, boolean) is
  'Stores a tip and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';
revoke all on function public.submit_tip(text, text, uuid, text, timestamptz, boolean) from public;
grant execute on function public.submit_tip(text, text, uuid, text, timestamptz, boolean) to anon, authenticated;
