-- The residents' voice in their beat's priorities (the priorities themselves
-- are content, in the content migration): a suggestion of a problem for the
-- next beat meeting, sent like a tip (anonymous, a receipt code, proof of work
-- and the site's ceiling), and "this matters to me too" on a published
-- priority, a bare count with nothing kept of who. Neither queues a publish:
-- the counts reach the site at the next one. Staff read and answer
-- suggestions in the workspace (staff_access and staff_workspace migrations).

-- A resident's suggestion of a problem for their beat's next meeting. As with
-- tips: no address, no browser, a receipt code kept as its hash. Staff of the
-- beat answer it (a public reply the resident reads with the code) or turn it
-- into a priority, linked here and never the other way: the public priority
-- says it came from residents, and nothing of what they wrote.
create type public.suggestion_status as enum ('received', 'answered', 'adopted', 'closed');
comment on type public.suggestion_status is 'Where a resident''s priority suggestion stands, as the resident and staff see it.';

create table public.priority_suggestions (
  suggestion_id uuid primary key default gen_random_uuid(),
  beat text not null
    constraint priority_suggestions_beat_format check (private.valid_content_id(beat, 40)),
  problem text not null
    constraint priority_suggestions_problem_length check (char_length(problem) between 20 and 2000),
  status text not null default 'received'
    constraint priority_suggestions_status_known check (private.is_one_of(status, 'public.suggestion_status')),
  status_changed_at timestamptz not null default now(),
  public_reply text
    constraint priority_suggestions_public_reply_length check (char_length(public_reply) between 1 and 5000),
  -- the priority it became
  priority_id text references public.priorities (priority_id) on delete set null,
  receipt_hash bytea not null unique,
  idempotency_hash bytea not null unique,
  receipt_sealed bytea not null,
  created_at timestamptz not null default now(),
  -- when the resident's words and the reply went under the retention setting (purge_finished_suggestions)
  purged_at timestamptz,
  -- One way only: the priority's deletion unlinks it (on delete set null) and
  -- the resident's "adopted" stands; answer_suggestion asks a priority of a new adoption.
  constraint priority_suggestions_adopted_linked check (priority_id is null or status = 'adopted')
);
create index priority_suggestions_created_at on public.priority_suggestions (created_at);
comment on table public.priority_suggestions is
  'Problems residents suggested for their beat''s priorities. No IP address or user agent is kept. Read only by the beat''s staff; residents use suggest_priority() and suggestion_status().';

alter table public.priority_suggestions enable row level security;
revoke all on table public.priority_suggestions from anon, authenticated;
create trigger priority_suggestions_stamp_status
  before update of status on public.priority_suggestions
  for each row execute function private.stamp_status_change('status');

insert into private.submission_ceilings (action, most, per) values
  ('suggest_priority', 120, interval '1 hour'),
  ('support_priority', 3000, interval '1 hour');

-- suggest_priority: a beat and the problem, checked, stored, and a receipt
-- returned once; a retry with the same key gets the same receipt.
create function public.suggest_priority(beat text, problem text, idempotency_key uuid, proof jsonb default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;
comment on function public.suggest_priority(text, text, uuid, jsonb) is
  'Stores a resident''s suggestion for their beat''s priorities and returns {receipt}. Repeating an idempotency key returns the first receipt and stores nothing.';

-- Following a suggestion with its receipt code: status, dates, the public
-- reply, and the priority it became once that is published. Nothing else; a
-- wrong code gets no row. Volatile, so PostgREST takes it by POST only.
create function public.suggestion_status(receipt text)
returns table (status text, received_on date, updated_on date, public_reply text, priority_id text)
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  return query
    select s.status, (s.created_at at time zone 'UTC')::date, (s.status_changed_at at time zone 'UTC')::date, s.public_reply,
           (select p.priority_id from public.priorities as p where p.priority_id = s.priority_id and p.published)
      from public.priority_suggestions as s
     where s.receipt_hash = private.receipt_hash(suggestion_status.receipt);
end
$$;
comment on function public.suggestion_status(text) is
  'The status, dates, public reply and published priority of the suggestion whose receipt code is given; no row for a wrong or unknown code.';

-- "This matters to me too" on a published, open priority. The proof of work
-- and the edge's limit stand where an account would; a retry of the same
-- click (same key) counts once. Answers the count so far.
create function public.support_priority(priority_id text, idempotency_key uuid, proof jsonb default null)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;
comment on function public.support_priority(text, uuid, jsonb) is
  'Counts one "this matters to me too" for a published, open priority and returns {supporters}. Repeating an idempotency key counts nothing.';

revoke all on function public.suggest_priority(text, text, uuid, jsonb), public.suggestion_status(text),
  public.support_priority(text, uuid, jsonb) from public, anon;
grant execute on function public.suggest_priority(text, text, uuid, jsonb), public.suggestion_status(text),
  public.support_priority(text, uuid, jsonb) to anon, authenticated;
