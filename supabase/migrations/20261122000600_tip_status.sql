-- Following a tip with its receipt code: tip_status() tells the holder of a
-- code the tip's status, its dates and the public reply, if staff wrote one,
-- and nothing else. A wrong code and an unknown code get the same empty answer.

alter table public.tips
  add column status_changed_at timestamptz not null default now(),
  add column public_reply text
    constraint tips_public_reply_length check (char_length(public_reply) between 1 and 5000);

comment on column public.tips.public_reply is 'What staff chose to tell the resident; shown to whoever holds the receipt code.';

-- Receipt codes as residents type them: any case, with or without dashes and
-- spaces, and the letters Crockford's base32 reads as digits (O as 0, I and L as 1).
-- The same rules are in src/features/tips/receipt.ts.
create function private.normalised_receipt(code text) returns text
language sql immutable
set search_path = ''
as $$
  select translate(upper(regexp_replace(coalesce(code, ''), '[\s-]', '', 'g')), 'OIL', '011')
$$;

revoke all on function private.normalised_receipt(text) from public;

-- Guessing codes is rate-limited (and futile: 80 random bits). Volatile, since
-- it writes the count; PostgREST calls it by POST.
create function public.tip_status(receipt text)
returns table (status text, received_on date, updated_on date, public_reply text)
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  perform private.check_rate_limit('tip_status');
  return query
    select t.status, (t.created_at at time zone 'UTC')::date, (t.status_changed_at at time zone 'UTC')::date, t.public_reply
      from public.tips as t
     where t.receipt_hash = sha256(convert_to(private.normalised_receipt(tip_status.receipt), 'UTF8'));
end
$$;

comment on function public.tip_status(text) is
  'The status, dates and public reply of the tip whose receipt code is given; no row for a wrong or unknown code.';
revoke all on function public.tip_status(text) from public;
grant execute on function public.tip_status(text) to anon, authenticated;
