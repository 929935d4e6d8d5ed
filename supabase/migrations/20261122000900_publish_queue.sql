-- The publish queue: any change to what the public site shows asks for the
-- site to be built and published again. The public site is static, built from
-- public.published_content() and the approved watch groups, so a change saved
-- in the database reaches residents only through a new build. However the
-- change is made (the staff workspace, the SQL editor, an import, a script),
-- these triggers see it, so nothing has to remember to ask.
--
-- Each transaction that changes a content table, or moves a watch group to or
-- from approved (approved groups are listed on their beat's page), leaves one
-- row in private.publish_requests naming the tables it changed, and notifies
-- the channel openbeat_publish when it commits. Locally the stack's publisher
-- (supabase/local/publisher.ts) listens there: it waits for a quiet moment
-- (a burst of changes is one build), builds, switches the site, and writes
-- the outcome back into the rows it published (started_at, finished_at,
-- outcome, problems). A hosted deployment's Edge Function reads the same rows
-- to call the static host's build hook.

create table private.publish_requests (
  publish_request_id bigint generated always as identity primary key,
  -- One row for each transaction, however many statements and tables it changed.
  transaction_id xid8 not null default pg_current_xact_id() unique,
  requested_at timestamptz not null default now(),
  tables text[] not null,
  started_at timestamptz,
  finished_at timestamptz,
  outcome text constraint publish_requests_outcome_known check (outcome in ('published', 'failed')),
  problems text[] not null default '{}',
  constraint publish_requests_finished_with_outcome check ((finished_at is null) = (outcome is null)),
  constraint publish_requests_finished_after_start check (finished_at is null or started_at is not null)
);
comment on table private.publish_requests is
  'A change to what the public site shows, waiting to be published or published: the tables one transaction changed, when the publish that took it in started and finished, and its outcome with the build''s problems, one line each.';
comment on column private.publish_requests.tables is 'The tables the transaction changed (watch_groups when a group was approved or stopped being approved).';
comment on column private.publish_requests.problems is 'Why the build refused, one line each, when the outcome is failed; the site stays as it was.';

-- Row-level security on and no policy, nothing granted: the public and signed-in
-- staff have no business reading what is being published or why a build failed
-- (the problems name draft entries). Only the database's owner (the triggers,
-- the publisher, a service's functions) reads and writes these rows.
alter table private.publish_requests enable row level security;
revoke all on private.publish_requests from public, anon, authenticated;

-- Records one request for this transaction (or adds the table to it) and
-- notifies the publisher, which hears it when the transaction commits (Postgres
-- delivers one notification of the same payload per transaction). Security
-- definer: the staff's functions change content and watch groups as their
-- caller, who may not write this table.
create function private.request_publish(changed text) returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into private.publish_requests (tables) values (array[changed])
  on conflict (transaction_id) do update
    set tables = (select array_agg(distinct t order by t) from unnest(private.publish_requests.tables || excluded.tables) as t);
  perform pg_notify('openbeat_publish', changed);
end
$$;
revoke all on function private.request_publish(text) from public, anon, authenticated;

-- Any statement on a content table may change the site: even one that changes
-- no row costs one build at most, and a trigger per statement is cheap for an
-- import that writes thousands of rows.
create function private.content_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.request_publish(tg_table_name);
  return null;
end
$$;
revoke all on function private.content_changed() from public, anon, authenticated;

create trigger site_settings_publish after insert or update or delete or truncate on public.site_settings for each statement execute function private.content_changed();
create trigger districts_publish after insert or update or delete or truncate on public.districts for each statement execute function private.content_changed();
create trigger beats_publish after insert or update or delete or truncate on public.beats for each statement execute function private.content_changed();
create trigger officers_publish after insert or update or delete or truncate on public.officers for each statement execute function private.content_changed();
create trigger meetings_publish after insert or update or delete or truncate on public.meetings for each statement execute function private.content_changed();
create trigger meeting_exceptions_publish after insert or update or delete or truncate on public.meeting_exceptions for each statement execute function private.content_changed();
create trigger workshops_publish after insert or update or delete or truncate on public.workshops for each statement execute function private.content_changed();
create trigger priorities_publish after insert or update or delete or truncate on public.priorities
  for each statement execute function private.content_changed();
create trigger priority_updates_publish after insert or update or delete or truncate on public.priority_updates
  for each statement execute function private.content_changed();
create trigger meeting_reports_publish after insert or update or delete or truncate on public.meeting_reports
  for each statement execute function private.content_changed();

-- Watch groups change all day (registrations, reviews, notes), and the site
-- shows only approved ones by name, beat and area: a publish is asked for
-- when a statement leaves an approved group changed, or moves one to or from
-- approved (the transition tables hold the rows before and after it).
create function private.watch_groups_changed() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  shown boolean;
begin
  -- Each branch names only the transition tables its event has.
  if tg_op = 'TRUNCATE' then
    shown := true;
  elsif tg_op = 'INSERT' then
    shown := exists (select from new_groups where status = 'approved');
  elsif tg_op = 'DELETE' then
    shown := exists (select from old_groups where status = 'approved');
  else
    shown := exists (
      select from new_groups as n full join old_groups as o using (watch_group_id)
       where (n.status = 'approved' or o.status = 'approved')
         and (n.status, n.name, n.beat, n.area) is distinct from (o.status, o.name, o.beat, o.area)
    );
  end if;
  if shown then
    perform private.request_publish('watch_groups');
  end if;
  return null;
end
$$;
revoke all on function private.watch_groups_changed() from public, anon, authenticated;

create trigger watch_groups_publish_insert after insert on public.watch_groups
  referencing new table as new_groups for each statement execute function private.watch_groups_changed();
create trigger watch_groups_publish_update after update on public.watch_groups
  referencing old table as old_groups new table as new_groups for each statement execute function private.watch_groups_changed();
create trigger watch_groups_publish_delete after delete on public.watch_groups
  referencing old table as old_groups for each statement execute function private.watch_groups_changed();
create trigger watch_groups_publish_truncate after truncate on public.watch_groups
  for each statement execute function private.watch_groups_changed();
