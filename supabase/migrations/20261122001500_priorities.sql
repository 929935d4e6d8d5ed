-- Problem solving in the open: each beat's priorities, what was done about
-- them and what came of it, what each meeting decided, and what residents ask
-- for.
--
-- A priority (priorities/<id>.json) is a problem residents and officers chose
-- to work on: where it came from (a meeting, residents' suggestions, crime
-- analysis), its stage in the SARA model (scanning, analysis, response,
-- assessment), its dated public updates (priority_updates, one row each, as a
-- meeting's exceptions are), when it is next reviewed, and its outcome once
-- closed. A meeting's report (meeting_reports, in the meeting's file as
-- "reports") says how many came, the concerns raised, which priorities were
-- set, reviewed or closed, and what happens next. Both are content: the same
-- history, undo, scope, publishing and import/export as meetings, so this
-- migration adds them to the content functions of 20261122001000 (their
-- kinds, their tables, and who edits them).
--
-- What residents send: a suggestion of a problem for the next beat meeting
-- (suggest_priority, with a receipt, like a tip), and "this matters to me too"
-- on a published priority (support_priority): a bare count, nothing kept of
-- who. Neither is content; neither queues a publish, and the counts reach the
-- site at the next one.
--
-- Nothing here may carry a resident's name or address: priorities and
-- reports are written by staff, and the published pages hold nothing a
-- resident wrote unless staff chose to quote it.

create type public.sara_stage as enum ('scanning', 'analysis', 'response', 'assessment');
comment on type public.sara_stage is 'Where a priority is in the SARA problem-solving model; saraStages in src/lib/content/schemas.ts names the same.';

create type public.priority_source as enum ('meeting', 'residents', 'analysis');
comment on type public.priority_source is 'Where a priority came from: a beat meeting, residents'' suggestions, or crime analysis; prioritySources in schemas.ts.';

create type public.priority_outcome as enum ('resolved', 'improved', 'not_resolved');
comment on type public.priority_outcome is 'What came of a closed priority; priorityOutcomes in schemas.ts.';

alter type public.content_kind add value 'priority';
alter type public.content_kind add value 'priority_update';
alter type public.content_kind add value 'meeting_report';

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
  -- an open priority always says when it is next looked at; a closed one says how it ended, and why
  constraint priorities_reviewed_or_closed check (
    case when outcome is null then review_on is not null and closed_on is null and outcome_note is null
         else closed_on is not null and outcome_note is not null end
  ),
  constraint priorities_dates_in_order check (review_on >= opened_on collate "C" and closed_on >= opened_on collate "C")
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

create trigger priorities_stamp_updated before update on public.priorities for each row execute function private.stamp_updated_at();
create trigger priority_updates_stamp_updated before update on public.priority_updates for each row execute function private.stamp_updated_at();
create trigger meeting_reports_stamp_updated before update on public.meeting_reports for each row execute function private.stamp_updated_at();

create trigger priorities_record_changes after insert or update or delete on public.priorities
  for each row execute function private.record_content_change('priority', 'priority_id');
create trigger priority_updates_record_changes after insert or update or delete on public.priority_updates
  for each row execute function private.record_content_change('priority_update', 'priority_id', 'position', 'posted_on');
create trigger meeting_reports_record_changes after insert or update or delete on public.meeting_reports
  for each row execute function private.record_content_change('meeting_report', 'meeting_id', 'occurrence_date');

create trigger priorities_publish after insert or update or delete or truncate on public.priorities
  for each statement execute function private.content_changed();
create trigger priority_updates_publish after insert or update or delete or truncate on public.priority_updates
  for each statement execute function private.content_changed();
create trigger meeting_reports_publish after insert or update or delete or truncate on public.meeting_reports
  for each statement execute function private.content_changed();

alter table public.priorities enable row level security;
alter table public.priority_updates enable row level security;
alter table public.meeting_reports enable row level security;
revoke all on table public.priorities, public.priority_updates, public.meeting_reports from anon, authenticated;
grant select on table public.priorities, public.priority_updates, public.meeting_reports to anon, authenticated;

create policy priorities_anon_read on public.priorities for select to anon using (published);
create policy priority_updates_anon_read on public.priority_updates for select to anon
  using (published and exists (select from public.priorities as p where p.priority_id = priority_updates.priority_id and p.published));
create policy meeting_reports_anon_read on public.meeting_reports for select to anon
  using (published and exists (select from public.meetings as m where m.meeting_id = meeting_reports.meeting_id and m.published));
create policy priorities_staff_read on public.priorities for select to authenticated
  using (published or (select staff_access.role()) is not null);
create policy priority_updates_staff_read on public.priority_updates for select to authenticated
  using (
    (published and exists (select from public.priorities as p where p.priority_id = priority_updates.priority_id and p.published))
    or (select staff_access.role()) is not null
  );
create policy meeting_reports_staff_read on public.meeting_reports for select to authenticated
  using (
    (published and exists (select from public.meetings as m where m.meeting_id = meeting_reports.meeting_id and m.published))
    or (select staff_access.role()) is not null
  );

-- "This matters to me too": one row a click, holding the priority and the
-- retry key's hash (so a resent click counts once) and nothing else about
-- whoever clicked. The count is public: the priority's page shows it.
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
create policy priority_support_staff_read on public.priority_support for select to authenticated
  using ((select staff_access.role()) is not null
         or exists (select from public.priorities as p where p.priority_id = priority_support.priority_id and p.published));

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
  constraint priority_suggestions_adopted_linked check ((status = 'adopted') = (priority_id is not null))
);
create index priority_suggestions_created_at on public.priority_suggestions (created_at);
comment on table public.priority_suggestions is
  'Problems residents suggested for their beat''s priorities. No IP address or user agent is kept. Read only by the beat''s staff; residents use suggest_priority() and suggestion_status().';

alter table public.priority_suggestions enable row level security;
revoke all on table public.priority_suggestions from anon, authenticated;
grant select (suggestion_id, beat, problem, status, status_changed_at, public_reply, priority_id, created_at)
  on public.priority_suggestions to authenticated;
create policy priority_suggestions_staff_read on public.priority_suggestions for select to authenticated
  using (staff_access.sees_beat(beat));

create trigger priority_suggestions_stamp_status
  before update of status on public.priority_suggestions
  for each row execute function private.stamp_status_change('status');

alter type public.history_kind add value 'suggestion';
create trigger priority_suggestions_record_changes
  after insert or update on public.priority_suggestions
  for each row execute function private.record_changes('suggestion', 'suggestion_id', 'status', 'public_reply', 'priority_id');

drop policy staff_history_of_visible_items on public.staff_history;
create policy staff_history_of_visible_items on public.staff_history for select to authenticated using (
  case kind
    when 'tip' then exists (select from public.tips as t where t.tip_id = staff_history.item_id)
    when 'watch_group' then exists (select from public.watch_groups as g where g.watch_group_id = staff_history.item_id)
    when 'workshop_request' then exists (select from public.workshop_requests as w where w.workshop_request_id = staff_history.item_id)
    when 'suggestion' then exists (select from public.priority_suggestions as s where s.suggestion_id = staff_history.item_id)
    when 'staff_member' then staff_access.role() = 'coordinator'
  end
);

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

-- Staff answer a suggestion: a status, a public reply, or the priority it
-- became (which makes it "adopted"). Null leaves a field as it is; an empty
-- reply clears it. The beat's staff only.
create function public.answer_suggestion(
  suggestion_id uuid,
  status text default null,
  public_reply text default null,
  priority_id text default null,
  note text default null
)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;
comment on function public.answer_suggestion(uuid, text, text, text, text) is
  'Staff of the suggestion''s beat set its status, its public reply, or the priority it became.';

revoke all on function public.suggest_priority(text, text, uuid, jsonb), public.suggestion_status(text),
  public.support_priority(text, uuid, jsonb), public.answer_suggestion(uuid, text, text, text, text) from public, anon;
grant execute on function public.suggest_priority(text, text, uuid, jsonb), public.suggestion_status(text),
  public.support_priority(text, uuid, jsonb) to anon, authenticated;
grant execute on function public.answer_suggestion(uuid, text, text, text, text) to authenticated;

-- The content functions of 20261122001000_content_editing.sql learn the new
-- kinds: their tables and keys, and who edits them.
create or replace function private.content_table(kind text, out tbl regclass, out key text[])
language sql immutable
set search_path = ''
as $$
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
$$;

-- As before, and: a priority is edited by whoever edits a meeting of the same
-- beats or district (its beats' officers, their supervisor, coordinators); an
-- update goes with its priority, a report with its meeting.
create or replace function staff_access.edits(kind text, item jsonb) returns boolean
language plpgsql stable
security definer
set search_path = ''
as $$
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
$$;

-- As before, with priorities (each with its count of residents who said it
-- matters to them), their updates, and meetings' reports.
create or replace function public.published_content() returns jsonb
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
