-- What staff do with what residents sent (tips, watch groups, workshop
-- requests, priority suggestions), and the record of it. Every change
-- staff make, and every note they write, is a row in staff_history (who, when,
-- which field, from, to, note), written by triggers so that no path around
-- the workspace escapes it, and refused any update or delete, whoever asks.
-- Staff change items only through the functions below, which run as their
-- owner and check the caller's scope themselves (officers their beats,
-- supervisors their district, coordinators everything: staff_access.sees_beat).
-- Staff hold no write grant on the tables, so no request reaches around them:
-- neither a direct PATCH nor a foreign key's answer about another beat's item. Coordinators also
-- manage who is staff: accounts are Supabase Auth's (invited from the
-- dashboard, or the seed locally); staff_members links them to a role, and
-- every change of role is in the history too.

create type public.history_kind as enum ('tip', 'watch_group', 'workshop_request', 'suggestion', 'staff_member');
comment on type public.history_kind is 'What a staff_history row is about: an item residents sent, or a staff account.';

create table public.staff_history (
  history_id bigint generated always as identity primary key,
  kind text not null
    constraint staff_history_kind_known check (private.is_one_of(kind, 'public.history_kind')),
  item_id uuid not null,
  -- the column that changed, or 'note' for an internal note
  field text not null,
  from_value text,
  to_value text,
  note text
    constraint staff_history_note_length check (char_length(note) between 1 and 5000),
  -- the staff member; null when the resident or the system made the change
  changed_by uuid,
  changed_by_email text,
  changed_at timestamptz not null
);
create index staff_history_item on public.staff_history (kind, item_id, changed_at);

comment on table public.staff_history is
  'Every change to tips, watch groups and workshop requests, and every internal note: appended by triggers and functions, never changed or deleted.';

alter table public.staff_history enable row level security;
revoke all on public.staff_history from anon, authenticated;
revoke all on sequence public.staff_history_history_id_seq from anon, authenticated;

create function private.history_is_append_only() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = '42501', message = 'the history cannot be changed or deleted';
end
$$;
create trigger staff_history_append_only
  before update or delete on public.staff_history
  for each row execute function private.history_is_append_only();
create trigger staff_history_never_emptied
  before truncate on public.staff_history
  for each statement execute function private.history_is_append_only();

-- Who made a change and when come from the database, never from the writer:
-- not even the service role can add a row backdated or in someone else's name.
create function private.stamp_history_author() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.changed_by := auth.uid();
  new.changed_by_email := nullif(auth.jwt() ->> 'email', '');
  new.changed_at := now();
  return new;
end
$$;
create trigger staff_history_stamped
  before insert on public.staff_history
  for each row execute function private.stamp_history_author();

-- Records the fields named in the trigger's arguments (after the kind and the
-- id column): on insert the first one's starting value and any other given,
-- on update each that changed. The note of the change (set by the staff functions for this
-- transaction) goes with the first field recorded.
create function private.record_changes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
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
$$;

create trigger tips_record_changes
  after insert or update on public.tips
  for each row execute function private.record_changes('tip', 'tip_id', 'status', 'public_reply', 'assigned_to', 'duplicate_of');
create trigger watch_groups_record_changes
  after insert or update on public.watch_groups
  for each row execute function private.record_changes('watch_group', 'watch_group_id', 'status', 'public_note');
create trigger workshop_requests_record_changes
  after insert or update on public.workshop_requests
  for each row execute function private.record_changes('workshop_request', 'workshop_request_id', 'status', 'confirmed_at', 'decline_reason');
create trigger priority_suggestions_record_changes
  after insert or update on public.priority_suggestions
  for each row execute function private.record_changes('suggestion', 'suggestion_id', 'status', 'public_reply', 'priority_id');
create trigger staff_members_record_changes
  after insert or update on public.staff_members
  for each row execute function private.record_changes('staff_member', 'user_id', 'role', 'officer_slug', 'district', 'active');

-- Trigger functions are run by their triggers, never called: nobody needs to execute them.
revoke all on function private.record_changes(), private.history_is_append_only(), private.stamp_history_author() from public;

-- The internal note staff may give with a change: refused past 5000
-- characters, else kept for record_changes to write beside the change.
create function private.note_change(note text) returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  if char_length(btrim(note)) > 5000 then
    perform private.refuse('note', 'keep the note under 5000 characters');
  end if;
  perform set_config('openbeat.change_note', coalesce(btrim(note), ''), true);
end
$$;
revoke all on function private.note_change(text) from public;

-- Staff read the history of the items they can see; only coordinators read the history of roles.
grant select on public.staff_history to authenticated;
create policy staff_history_of_visible_items on public.staff_history for select to authenticated using (
  case kind
    when 'tip' then exists (select from public.tips as t where t.tip_id = staff_history.item_id)
    when 'watch_group' then exists (select from public.watch_groups as g where g.watch_group_id = staff_history.item_id)
    when 'workshop_request' then exists (select from public.workshop_requests as w where w.workshop_request_id = staff_history.item_id)
    when 'suggestion' then exists (select from public.priority_suggestions as s where s.suggestion_id = staff_history.item_id)
    when 'staff_member' then staff_access.role() = 'coordinator'
  end
);

-- Triage a tip: any argument left null stays as it is; an empty text clears it.
create function public.triage_tip(
  tip_id uuid,
  status text default null,
  public_reply text default null,
  assigned_to text default null,
  duplicate_of uuid default null,
  note text default null
)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;

-- Review a watch group's registration: approve it (it then appears on the
-- public map and beat pages), ask for changes, decline or retire it.
create function public.review_watch_group(
  watch_group_id uuid,
  status text default null,
  public_note text default null,
  note text default null
)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;

-- Answer a workshop request: confirm one time (any time, not only those
-- asked for), decline with a reason the business will read, or mark it done.
create function public.schedule_workshop(
  workshop_request_id uuid,
  status text default null,
  confirmed_at timestamptz default null,
  decline_reason text default null,
  note text default null
)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;

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
$$;

-- An internal note on an item, for staff only: part of its history.
create function public.add_staff_note(kind text, item_id uuid, note text)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;

-- Counts per beat, kind, category and status of what the caller can see,
-- received in [since, until): the weekly summary for beat meetings and the
-- scanning step of SARA. Runs as the caller, so RLS scopes it.
create function public.staff_summary(since timestamptz, until timestamptz)
returns table (beat text, kind text, category text, status text, items bigint)
language sql stable
security invoker
set search_path = ''
as $$
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
$$;

-- Only a coordinator manages staff; anyone else is refused as forbidden.
create function private.require_coordinator() returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if staff_access.role() is distinct from 'coordinator' then
    raise exception using errcode = '42501', message = 'only coordinators manage staff';
  end if;
end
$$;
revoke all on function private.require_coordinator() from public;

-- Every account, with its role if it has one. The email is cast: Supabase
-- Auth declares it varchar(255), and a function's result must match exactly.
create function public.staff_directory()
returns table (user_id uuid, email text, role text, officer_slug text, district text, active boolean)
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  perform private.require_coordinator();
  return query
    select u.id, u.email::text, s.role, s.officer_slug, s.district, coalesce(s.active, false)
      from auth.users as u left join public.staff_members as s on s.user_id = u.id
     order by s.role nulls last, u.email;
end
$$;

create function public.set_staff_role(
  email text,
  role text,
  officer_slug text default null,
  district text default null,
  active boolean default true
)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
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
$$;

-- Supabase grants anon every new function in public by default: these are staff's alone.
revoke all on function public.triage_tip(uuid, text, text, text, uuid, text), public.review_watch_group(uuid, text, text, text),
  public.schedule_workshop(uuid, text, timestamptz, text, text), public.answer_suggestion(uuid, text, text, text, text), public.add_staff_note(text, uuid, text),
  public.staff_summary(timestamptz, timestamptz), public.staff_directory(), public.set_staff_role(text, text, text, text, boolean)
  from public, anon;
grant execute on function public.triage_tip(uuid, text, text, text, uuid, text), public.review_watch_group(uuid, text, text, text),
  public.schedule_workshop(uuid, text, timestamptz, text, text), public.answer_suggestion(uuid, text, text, text, text), public.add_staff_note(text, uuid, text),
  public.staff_summary(timestamptz, timestamptz), public.staff_directory(), public.set_staff_role(text, text, text, text, boolean)
  to authenticated;
