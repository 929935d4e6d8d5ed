-- Abuse limits and receipts: what every public submission shares.
--
-- The database knows nothing of who sends a submission: no address, no hash
-- of one, no browser. A flood is held back without it, in two ways:
--   a proof of work: before storing, each submission must carry the answer to
--   a challenge the browser solves (about a second of a phone's time; a bot
--   pays it for every submission). Challenges are ALTCHA's (v1) format, so any
--   ALTCHA solver answers them; they are signed, so only this database makes
--   them, bound to one action and one retry key, so each answers for one
--   submission, and they expire. Making one writes nothing.
--   a ceiling per kind of submission for the whole site, counted from the
--   submissions themselves: a circuit breaker against a flood from many
--   places at once, which writes nothing either.
-- Per-address limits live at the edge, where the address is, and only in its
-- memory (supabase/local/gateway.ts locally).
--
-- Receipts and retry keys, one definition for every kind of submission:
--   a receipt code is 80 random bits, kept only as the sha-256 of its
--   normalised form, so a lookup of whatever the resident typed finds it;
--   a retry (idempotency) key is kept as its sha-256;
--   the receipt is also sealed with the retry key, so that only a retry with
--   the same key can read it back.

create table private.submission_ceilings (
  action text primary key,
  most integer not null constraint submission_ceilings_positive check (most > 0),
  per interval not null constraint submission_ceilings_window check (per between interval '1 minute' and interval '1 day')
);
comment on table private.submission_ceilings is
  'How many submissions of each kind the whole site takes per window, from everyone together; a deployment may tune these to its size.';

insert into private.submission_ceilings (action, most, per) values
  ('submit_tip', 300, interval '1 hour'),
  ('register_watch_group', 60, interval '1 hour'),
  ('join_watch_group', 300, interval '1 hour'),
  ('request_workshop', 60, interval '1 hour');

-- One row: the key that signs challenges, and how hard they are.
create table private.proof_of_work (
  only_row boolean primary key default true constraint proof_of_work_one_row check (only_row),
  signing_key text not null default encode(extensions.gen_random_bytes(32), 'hex'),
  -- the answer is a random number up to this: a browser tries half as many hashes on average
  max_number integer not null default 100000 constraint proof_of_work_max_number check (max_number between 1 and 10000000),
  lifetime interval not null default interval '30 minutes' constraint proof_of_work_lifetime check (lifetime between interval '1 minute' and interval '1 day')
);
comment on table private.proof_of_work is
  'The key that signs submission challenges, their difficulty (max_number) and how long one may be answered.';
insert into private.proof_of_work default values;

alter table private.submission_ceilings enable row level security;
alter table private.proof_of_work enable row level security;
revoke all on private.submission_ceilings, private.proof_of_work from public;

-- A challenge for one submission: the action and the retry key it will carry
-- are in its salt, with when it expires. Volatile, so that PostgREST takes it by POST only.
create function public.submission_challenge(action text, idempotency_key uuid) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;
comment on function public.submission_challenge(text, uuid) is
  'A proof-of-work challenge (ALTCHA v1: algorithm, challenge, maxnumber, salt, signature) for one submission of this action with this retry key.';
revoke all on function public.submission_challenge(text, uuid) from public;
grant execute on function public.submission_challenge(text, uuid) to anon, authenticated;

-- Refuses a submission whose proof is missing, forged, expired, or made for
-- another action or retry key.
create function private.check_proof(action text, key uuid, proof jsonb) returns void
language plpgsql stable
set search_path = ''
as $$
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
$$;

-- Past the site's ceiling for an action, answers HTTP 429 with Retry-After and
-- a sentence that says when: once the oldest submission that counts is older than the window.
create function private.check_ceiling(action text, submissions regclass) returns void
language plpgsql stable
set search_path = ''
as $$
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
$$;

-- A receipt is 16 characters of Crockford base32 (80 random bits), grouped by
-- four: easy to read aloud and type, with no I, L, O or U to mistake.
create function private.new_receipt_code() returns text
language sql volatile
set search_path = ''
as $$
  select string_agg(
           substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (get_byte(bytes, i) & 31) + 1, 1)
             || case when i in (3, 7, 11) then '-' else '' end,
           '' order by i)
  from (select extensions.gen_random_bytes(16) as bytes) as random, generate_series(0, 15) as i
$$;
comment on function private.new_receipt_code() is 'A fresh receipt code: 80 random bits as XXXX-XXXX-XXXX-XXXX.';

-- Receipt codes as residents type them: any case, with or without dashes and
-- spaces, and the letters Crockford's base32 reads as digits (O as 0, I and L as 1).
-- The same rules are in src/lib/forms/receipt.ts.
create function private.normalised_receipt(code text) returns text
language sql immutable
set search_path = ''
as $$
  select translate(upper(regexp_replace(coalesce(code, ''), '[\s-]', '', 'g')), 'OIL', '011')
$$;

create function private.key_hash(key uuid) returns bytea
language sql immutable
set search_path = ''
as $$
  select sha256(convert_to(key::text, 'UTF8'))
$$;

create function private.receipt_hash(code text) returns bytea
language sql immutable
set search_path = ''
as $$
  select sha256(convert_to(private.normalised_receipt(code), 'UTF8'))
$$;

create function private.seal_receipt(receipt text, key uuid) returns bytea
language sql volatile
set search_path = ''
as $$
  select extensions.pgp_sym_encrypt(receipt, key::text, 'cipher-algo=aes256, s2k-mode=1')
$$;

create function private.open_receipt(sealed bytea, key uuid) returns text
language sql stable
set search_path = ''
as $$
  select extensions.pgp_sym_decrypt(sealed, key::text)
$$;

-- The receipt of the submission already stored with this retry key, if any:
-- `submissions` is a table with idempotency_hash and receipt_sealed columns.
create function private.first_receipt(submissions regclass, key uuid) returns text
language plpgsql stable
set search_path = ''
as $$
declare
  receipt text;
begin
  execute format('select private.open_receipt(s.receipt_sealed, $1) from %s as s where s.idempotency_hash = $2', submissions)
    into receipt
    using key, private.key_hash(key);
  return receipt;
end
$$;

-- How every submission function begins: a retry key is required, and a retry
-- of a submission that already landed gets its first receipt back, whatever
-- its proof (null is returned, and the function goes on to check the fields).
create function private.open_submission(submissions regclass, key uuid) returns text
language plpgsql stable
set search_path = ''
as $$
begin
  if key is null then
    perform private.refuse('idempotency_key', 'idempotency_key is required');
  end if;
  return private.first_receipt(submissions, key);
end
$$;

-- What every new submission passes once its fields are right, before it is
-- stored: its proof of work, then the site's ceiling for its kind.
create function private.admit_submission(action text, submissions regclass, key uuid, proof jsonb) returns void
language plpgsql stable
set search_path = ''
as $$
begin
  perform private.check_proof(action, key, proof);
  perform private.check_ceiling(action, submissions);
end
$$;

revoke all on function private.check_proof(text, uuid, jsonb), private.check_ceiling(text, regclass), private.new_receipt_code(), private.normalised_receipt(text),
  private.key_hash(uuid), private.receipt_hash(text), private.seal_receipt(text, uuid), private.open_receipt(bytea, uuid),
  private.first_receipt(regclass, uuid), private.open_submission(regclass, uuid),
  private.admit_submission(text, regclass, uuid, jsonb) from public;
