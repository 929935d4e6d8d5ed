-- Staff edit the jurisdiction's content in the workspace: coordinators all of
-- it; supervisors their district's beats, officers, meetings and priorities;
-- officers their own profile (not its rank, role, beats or whether it is
-- published) and their beats' meetings (with each meeting's cancelled and
-- moved occurrences and its reports) and priorities (with their updates). As with what residents send, staff hold no write grant on the
-- tables: they change content only through save_content, delete_content and
-- undo_content_change below, which run as their owner and check the caller's
-- scope (staff_access.edits) on the row as it is and as it would be, so
-- nobody moves a meeting out of someone else's beat or into it.
--
-- Every change to a content table, however it is made (these functions, an
-- import, the dashboard), is a row of content_history, written by a trigger:
-- who, when, the values it changed from and to, and the note given with it.
-- A change can be undone by writing back what it replaced, itself a change
-- recorded like any other, and only while what it wrote is still there: a
-- later change must be undone first, so nothing is silently lost.

create type public.content_kind as enum (
  'site', 'district', 'beat', 'officer', 'meeting', 'meeting_exception', 'meeting_report', 'priority', 'priority_update', 'workshop'
);
comment on type public.content_kind is 'What a content_history row is about: a row of one content table (a meeting''s exception and report belong to its meeting, a priority''s update to its priority).';

-- Each kind's table and the columns that name one row.
create function private.content_table(kind text, out tbl regclass, out key text[])
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
revoke all on function private.content_table(text) from public;

create table public.content_history (
  history_id bigint generated always as identity primary key,
  kind text not null
    constraint content_history_kind_known check (private.is_one_of(kind, 'public.content_kind')),
  -- the row's id; an exception's is its meeting's, so a meeting's history holds its occurrences' too
  item_id text not null,
  operation text not null
    constraint content_history_operation_known check (operation in ('insert', 'update', 'delete')),
  -- insert: null; update: the changed columns' earlier values (and the row's key); delete: the whole row
  before jsonb,
  -- insert: the whole row; update: the changed columns' new values (and the row's key); delete: null
  after jsonb,
  note text
    constraint content_history_note_length check (char_length(note) between 1 and 5000),
  -- the change this one undid
  undoes bigint references public.content_history (history_id),
  changed_by uuid,
  changed_by_email text,
  changed_at timestamptz not null,
  -- the transaction that made the change: its publish request (private.publish_requests) has the
  -- same, so beat alerts know which publish put it on the site
  transaction_id xid8 not null default pg_current_xact_id()
);
create index content_history_item on public.content_history (kind, item_id, changed_at);
create index content_history_transaction on public.content_history (transaction_id);
comment on table public.content_history is
  'Every change to the content tables, however made: appended by a trigger, never changed or deleted, and undone by undo_content_change.';

alter table public.content_history enable row level security;
revoke all on public.content_history from anon, authenticated;
revoke all on sequence public.content_history_history_id_seq from anon, authenticated;
create trigger content_history_append_only
  before update or delete on public.content_history
  for each row execute function private.history_is_append_only();
create trigger content_history_never_emptied
  before truncate on public.content_history
  for each statement execute function private.history_is_append_only();
create trigger content_history_stamped
  before insert on public.content_history
  for each row execute function private.stamp_history_author();

-- Content is public once published and every staff member reads its drafts,
-- so every staff member reads its history too.
grant select on public.content_history to authenticated;
create policy content_history_staff_read on public.content_history for select to authenticated
  using ((select staff_access.role()) is not null);

-- The trigger: tg_argv is the kind, then the columns recorded beside every
-- change (the row's key, and an exception's date, so a history line can say
-- which occurrence). updated_at and a meeting's updated_local are the
-- database's own stamps, never a change: an undo must not move them back.
create function private.record_content_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  kind text := tg_argv[0];
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - 'updated_at' - 'updated_local' end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - 'updated_at' - 'updated_local' end;
  named jsonb := '{}';
  before jsonb;
  after jsonb;
begin
  for i in 1 .. tg_nargs - 1 loop
    named := named || jsonb_build_object(tg_argv[i], coalesce(new_row, old_row) -> tg_argv[i]);
  end loop;
  if tg_op = 'UPDATE' then
    select coalesce(jsonb_object_agg(o.key, o.value), '{}'), coalesce(jsonb_object_agg(o.key, new_row -> o.key), '{}')
      into before, after
      from jsonb_each(old_row) as o
     where o.value is distinct from new_row -> o.key;
    if before = '{}' then
      return null;
    end if;
    before := named || before;
    after := named || after;
  else
    before := old_row;
    after := new_row;
  end if;
  insert into public.content_history (kind, item_id, operation, before, after, note, undoes)
  values (kind, named ->> tg_argv[1], lower(tg_op), before, after,
          nullif(current_setting('openbeat.change_note', true), ''),
          nullif(current_setting('openbeat.undoing', true), '')::bigint);
  return null;
end
$$;
revoke all on function private.record_content_change() from public;

create trigger site_settings_record_changes after insert or update or delete on public.site_settings
  for each row execute function private.record_content_change('site', 'site_id');
create trigger districts_record_changes after insert or update or delete on public.districts
  for each row execute function private.record_content_change('district', 'district_id');
create trigger beats_record_changes after insert or update or delete on public.beats
  for each row execute function private.record_content_change('beat', 'beat_id');
create trigger officers_record_changes after insert or update or delete on public.officers
  for each row execute function private.record_content_change('officer', 'officer_id');
create trigger meetings_record_changes after insert or update or delete on public.meetings
  for each row execute function private.record_content_change('meeting', 'meeting_id');
create trigger meeting_exceptions_record_changes after insert or update or delete on public.meeting_exceptions
  for each row execute function private.record_content_change('meeting_exception', 'meeting_id', 'position', 'occurrence_date');
create trigger workshops_record_changes after insert or update or delete on public.workshops
  for each row execute function private.record_content_change('workshop', 'workshop_id');
create trigger priorities_record_changes after insert or update or delete on public.priorities
  for each row execute function private.record_content_change('priority', 'priority_id');
create trigger priority_updates_record_changes after insert or update or delete on public.priority_updates
  for each row execute function private.record_content_change('priority_update', 'priority_id', 'position', 'posted_on');
create trigger meeting_reports_record_changes after insert or update or delete on public.meeting_reports
  for each row execute function private.record_content_change('meeting_report', 'meeting_id', 'occurrence_date');

-- Whether the signed-in account may edit a row of this kind as it is (or as
-- it would be after a change), given as the row's JSON: coordinators
-- everything; a supervisor the beats of their district, the officers who
-- serve it (its district, or beats all of which are in it) and the meetings
-- and priorities of its beats or of the district; an officer their own
-- profile and the meetings and priorities of any beat they serve. An
-- exception or a report goes with its meeting, an update with its priority.
create function staff_access.edits(kind text, item jsonb) returns boolean
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
revoke all on function staff_access.edits(text, jsonb) from public;
grant execute on function staff_access.edits(text, jsonb) to authenticated;

-- What an officer may not change in their own profile: who they are on the
-- site and where they serve are their supervisor's to say.
create function private.officer_keeps(old_row jsonb, new_row jsonb) returns boolean
language sql immutable
set search_path = ''
as $$
  select not exists (
    select from unnest(array['officer_id', 'name', 'rank', 'role', 'beats', 'district_id', 'published']) as c
     where old_row -> c is distinct from new_row -> c)
$$;
revoke all on function private.officer_keeps(jsonb, jsonb) from public;

-- A meeting's "updated" moves on at every change of its schedule or its
-- occurrences, and never back: calendar feeds number their versions by it.
-- In the meeting's own zone, as the files write it; a minute on from the last
-- when two changes fall in the same minute, so the second is a newer version.
create function private.touch_meeting(meeting_id text) returns void
language plpgsql
set search_path = ''
as $$
begin
  update public.meetings as m
     set updated_local = (
       select case when m.updated_local is null or local_now > m.updated_local collate "C" then local_now
                   else to_char(m.updated_local::timestamp + interval '1 minute', 'YYYY-MM-DD"T"HH24:MI') end
         from (select to_char(now() at time zone coalesce(m.schedule_time_zone, (select s.time_zone from public.site_settings as s), 'UTC'),
                              'YYYY-MM-DD"T"HH24:MI') as local_now) as t)
   where m.meeting_id = touch_meeting.meeting_id;
end
$$;
revoke all on function private.touch_meeting(text) from public;

-- Refuses a write the tables' own rules turned down, naming the column the
-- rule is about, as the forms name their fields (SQLSTATE 22023, the field in
-- the details). The workspace checks the same rules first with the content
-- schemas, so these are what reaches past them: a district that does not
-- exist, say.
create function private.refuse_violation(tbl regclass, rule text, column_name text, state text) returns void
language plpgsql
set search_path = ''
as $$
declare
  field text := nullif(column_name, '');
begin
  if field is null then
    select a.attname into field
      from pg_catalog.pg_constraint as c
      join pg_catalog.pg_attribute as a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     where c.conrelid = tbl and c.conname = rule;
  end if;
  perform private.refuse(coalesce(field, 'item'), case state
    when '23503' then 'choose one that exists'
    when '23502' then 'fill this in'
    when '23505' then 'one like this exists already'
    else 'check this: ' || coalesce(rule, 'it is not valid')
  end);
end
$$;
revoke all on function private.refuse_violation(regclass, text, text, text) from public;

-- Writes one row of a kind: `item` (its columns by name, as the workspace and
-- src/lib/content/rows.ts write them) over the row it names, or a new one
-- when `creating`; null `item` deletes the row `key` names. The caller's scope
-- must hold the row as it was and as it will be. Returns the row as written.
create function private.write_content(kind text, key jsonb, item jsonb, creating boolean) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  target record := private.content_table(kind);
  role text := staff_access.role();
  where_key text;
  old_row jsonb;
  new_row jsonb;
  columns text;
  unknown text;
  written jsonb;
  state text;
  rule text;
  field text;
begin
  if target.tbl is null then
    perform private.refuse('kind', 'choose a kind of content');
  end if;
  if role is null then
    raise exception using errcode = '42501', message = 'only staff edit content';
  end if;
  -- A new exception takes the next place in its meeting's list, and one for a
  -- date the meeting already has replaces it.
  if kind = 'meeting_exception' and key ->> 'position' is null then
    select jsonb_build_object('meeting_id', e.meeting_id, 'position', e.position) into key
      from public.meeting_exceptions as e
     where e.meeting_id = key ->> 'meeting_id' and e.occurrence_date = coalesce(item ->> 'occurrence_date', key ->> 'occurrence_date');
    if key ->> 'position' is null and item is null then
      perform private.refuse('occurrence_date', 'this occurrence has no change to remove');
    elsif key ->> 'position' is null then
      key := jsonb_build_object('meeting_id', coalesce(item, key) ->> 'meeting_id', 'position',
        (select coalesce(max(e.position) + 1, 0) from public.meeting_exceptions as e where e.meeting_id = coalesce(item, key) ->> 'meeting_id'));
      creating := true;
    else
      creating := false;
    end if;
  end if;
  for i in 1 .. cardinality(target.key) loop
    if key ->> target.key[i] is null then
      perform private.refuse(target.key[i], 'say which one');
    end if;
  end loop;
  select string_agg(format('x.%I = ($1 ->> %L)::%s', k, k, format_type(a.atttypid, a.atttypmod)), ' and ')
    into where_key
    from unnest(target.key) as k
    join pg_catalog.pg_attribute as a on a.attrelid = target.tbl and a.attname = k;
  execute format('select to_jsonb(x) - ''updated_at'' from %s as x where %s for update', target.tbl, where_key) into old_row using key;

  if creating and old_row is not null then
    perform private.refuse(target.key[1], 'this id is taken: choose another');
  end if;
  if not creating and old_row is null then
    perform private.refuse(target.key[1], 'no such item: it may have been deleted');
  end if;
  if old_row is not null and not staff_access.edits(kind, old_row) then
    raise exception using errcode = '42501', message = 'this is not yours to change';
  end if;

  if item is null then
    -- Officers cancel and restore occurrences; taking a page off the site is a supervisor's.
    if role = 'officer' and kind <> 'meeting_exception' then
      raise exception using errcode = '42501', message = 'ask your supervisor to delete this';
    end if;
    execute format('delete from %s as x where %s', target.tbl, where_key) using key;
  else
    select string_agg(k, ', ') into unknown
      from jsonb_object_keys(item) as k
     where k in ('updated_at', 'updated_local') or not exists (
       select from pg_catalog.pg_attribute as a where a.attrelid = target.tbl and a.attname = k and a.attnum > 0 and not a.attisdropped);
    if unknown is not null then
      perform private.refuse(split_part(unknown, ', ', 1), 'not a field of this kind of content');
    end if;
    new_row := coalesce(old_row, '{}') || item || key;
    if not staff_access.edits(kind, new_row) then
      raise exception using errcode = '42501', message = 'this would be outside what you may change';
    end if;
    if role = 'officer' and kind = 'officer' and (old_row is null or not private.officer_keeps(old_row, new_row)) then
      raise exception using errcode = '42501', message = 'ask your supervisor to change your name, rank, role, beats or whether your page is published';
    end if;
    select string_agg(format('%I', k), ', ') into columns from jsonb_object_keys(item || key) as k;
    begin
      if old_row is null then
        execute format('insert into %1$s as x (%2$s) select %2$s from jsonb_populate_record(null::%1$s, $1)', target.tbl, columns)
          using item || key;
      else
        execute format('update %1$s as x set (%2$s) = (select %2$s from jsonb_populate_record(null::%1$s, $1)) where %3$s', target.tbl, columns, where_key)
          using item || key;
      end if;
    exception when integrity_constraint_violation or data_exception then
      get stacked diagnostics state = returned_sqlstate, rule = constraint_name, field = column_name;
      perform private.refuse_violation(target.tbl, rule, field, state);
    end;
  end if;

  if kind in ('meeting', 'meeting_exception') and (item is null or kind = 'meeting_exception' or item ?| array['schedule_start', 'schedule_duration_minutes', 'schedule_rrule', 'schedule_time_zone', 'venue_name', 'venue_address', 'venue_lon', 'venue_lat']) then
    perform private.touch_meeting(coalesce(new_row, old_row) ->> 'meeting_id');
  end if;
  execute format('select to_jsonb(x) from %s as x where %s', target.tbl, where_key) into written using key;
  return written;
end
$$;
revoke all on function private.write_content(text, jsonb, jsonb, boolean) from public;

-- Saves one row of content: only the columns given change (so two people
-- changing different fields of a meeting do not undo each other), and a
-- `note` (why, for the history) may go with it. `create` asks for a new row
-- and is refused if the id is taken, so a new officer never overwrites one.
-- A meeting's exception is named by its meeting and date.
create function public.save_content(kind text, item jsonb, note text default null, "create" boolean default false)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  target record := private.content_table(kind);
begin
  if target.tbl is null then
    perform private.refuse('kind', 'choose a kind of content');
  end if;
  if jsonb_typeof(item) is distinct from 'object' then
    perform private.refuse('item', 'give the fields to save');
  end if;
  perform private.note_change(save_content.note);
  return private.write_content(kind, (select coalesce(jsonb_object_agg(k, item -> k), '{}') from unnest(target.key) as k where item ? k)
    || case when kind = 'meeting_exception' then jsonb_build_object('occurrence_date', item -> 'occurrence_date') else '{}' end,
    item, save_content."create");
end
$$;

-- Deletes one row of content (for an exception: the occurrence goes back to
-- its meeting's schedule). Officers may only restore occurrences.
create function public.delete_content(kind text, key jsonb, note text default null)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  perform private.note_change(delete_content.note);
  perform private.write_content(kind, key, null, false);
end
$$;

-- Undoes one change: writes back what it replaced, with the same scope as any
-- edit. Refused when the row has changed since in what this change wrote (undo
-- the later change first), so an undo never throws away someone's later work.
create function public.undo_content_change(history_id bigint, note text default null)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  change public.content_history;
  target record;
  key jsonb;
  current jsonb;
begin
  select * into change from public.content_history as h where h.history_id = undo_content_change.history_id;
  if not found or staff_access.role() is null then
    perform private.refuse('history_id', 'no such change');
  end if;
  target := private.content_table(change.kind);
  select jsonb_object_agg(k, coalesce(change.after, change.before) -> k) into key from unnest(target.key) as k;
  execute format('select to_jsonb(x) - ''updated_at'' from %s as x where %s', target.tbl,
    (select string_agg(format('x.%I::text = $1 ->> %L', k, k), ' and ') from unnest(target.key) as k))
    into current using key;
  if (change.operation = 'delete' and current is not null)
     or (change.operation <> 'delete' and (current is null or exists (
           select from jsonb_each(change.after) as a where a.value is distinct from current -> a.key))) then
    perform private.refuse('history_id', 'this has changed since: undo the later change first');
  end if;
  perform private.note_change(coalesce(undo_content_change.note, 'undo'));
  perform set_config('openbeat.undoing', change.history_id::text, true);
  perform private.write_content(change.kind, key,
    case change.operation when 'insert' then null else change.before end,
    change.operation = 'delete');
  perform set_config('openbeat.undoing', '', true);
end
$$;

-- Supabase grants anon every new function in public by default: these are staff's alone.
revoke all on function public.save_content(text, jsonb, text, boolean), public.delete_content(text, jsonb, text),
  public.undo_content_change(bigint, text) from public, anon;
grant execute on function public.save_content(text, jsonb, text, boolean), public.delete_content(text, jsonb, text),
  public.undo_content_change(bigint, text) to authenticated;
