-- Publishing, seen and driven from outside the database. The publish queue
-- (20261122000900_publish_queue.sql) records every change to what the public
-- site shows in private.publish_requests, which nobody but the owner reads.
-- This migration gives the two sides that need it a narrow door each:
--
-- Staff, in the workspace, see whether their change is on the site yet and
-- may ask for a publish with no change (after fixing what made a build fail
-- outside the database, say):
--
--   publish_status() returns one JSON object:
--     last_published_at  timestamptz or null: when the last successful publish finished
--     last_finished_at   timestamptz or null: when the most recent finished publish finished
--     last_outcome       'published', 'failed' or null (nothing finished yet)
--     last_problems      text[]: that publish's problems, one line each (empty when published)
--     waiting            integer: changes not yet published (requests not finished,
--                        those being built included)
--     building           boolean: a build has taken in changes and not reported back yet
--     waiting_problems   text[]: why waiting changes have not gone out (a build hook
--                        that refused them); empty otherwise, and always empty locally
--   publish_now() queues a publish (a request naming the table 'manual') and
--   returns publish_status() as it stands after it.
-- Both are for any active staff account, whatever its role: knowing that the
-- site is behind, or why a build failed, is every editor's concern. Anyone
-- else is refused with SQLSTATE 42501.
--
-- A hosted deployment's build pipeline, holding the service-role key, takes
-- requests in and reports back, as the local publisher does with its own SQL:
--
--   claim_publish_requests(quiet_seconds) marks the waiting requests started
--   and returns {ids, tables, due_in}: the ids it took in, the tables they
--   changed, and, when it took none because the last change is more recent
--   than quiet_seconds (a burst of edits is one build), how many seconds
--   until it is due (null when nothing waits).
--   finish_publish_requests(ids, outcome, problems) records a build's outcome.
--   release_publish_requests(ids, problems) gives requests back untaken, with
--   the reason, when the build could not even be started (the static host's
--   build hook refused): the next call takes them in again.
--
-- Finished requests are kept publish_request_retention_days (30) and then
-- deleted by purge_publish_requests(), called like the other purges, from a
-- scheduled job with the service-role key: they are a status and a log, not
-- a history (content_history is that).

insert into private.settings (name, value) values ('publish_request_retention_days', '30');
comment on table private.settings is
  'Deployment settings the database itself needs: tip_retention_days (closed tips), request_retention_days (finished workshop requests, declined watch groups) and publish_request_retention_days (finished publish requests), in days.';

-- A build that took requests in and never reported back (a cancelled CI run,
-- a host that lost it) would otherwise keep them "building" for ever and
-- never published: after this long they count as waiting again, and the next
-- claim takes them in. A build of the demo city takes seconds, a CI run with
-- its install minutes.
create function private.publish_build_lapse() returns interval
language sql immutable
set search_path = ''
as $$
  select interval '1 hour'
$$;
revoke all on function private.publish_build_lapse() from public;

-- Security definer: staff may not read private.publish_requests, whose
-- problems can name draft entries of other scopes; the status gives them the
-- lines of the last build only, which is what the workspace shows everyone.
create function public.publish_status() returns jsonb
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  last_finished private.publish_requests;
  status jsonb;
begin
  if staff_access.role() is null then
    raise exception using errcode = '42501', message = 'only staff see what is being published';
  end if;

  select * into last_finished from private.publish_requests as r
   where r.finished_at is not null
   order by r.finished_at desc, r.publish_request_id desc limit 1;

  select jsonb_build_object(
           'last_published_at', (select max(r.finished_at) from private.publish_requests as r where r.outcome = 'published'),
           'last_finished_at', last_finished.finished_at,
           'last_outcome', last_finished.outcome,
           'last_problems', to_jsonb(coalesce(last_finished.problems, '{}')),
           'waiting', count(*),
           'building', coalesce(bool_or(r.started_at > now() - private.publish_build_lapse()), false),
           'waiting_problems', to_jsonb(coalesce(
             (select array_agg(distinct p order by p) from private.publish_requests as w, unnest(w.problems) as p
               where w.started_at is null and w.finished_at is null), '{}'))
         )
    into status
    from private.publish_requests as r
   where r.finished_at is null;
  return status;
end
$$;

comment on function public.publish_status() is
  'Whether the public site is up to date, for signed-in staff: {last_published_at, last_finished_at, last_outcome, last_problems, waiting, building, waiting_problems}.';

create function public.publish_now() returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  if staff_access.role() is null then
    raise exception using errcode = '42501', message = 'only staff publish the site';
  end if;
  perform private.request_publish('manual');
  return public.publish_status();
end
$$;

comment on function public.publish_now() is
  'Queues a publish with no change (tables {manual}), for signed-in staff; returns publish_status() after it.';

create function public.claim_publish_requests(quiet_seconds numeric default 0) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  lapse interval := private.publish_build_lapse();
  latest timestamptz;
  claimed jsonb;
begin
  select max(r.requested_at) into latest from private.publish_requests as r
   where r.finished_at is null and (r.started_at is null or r.started_at <= now() - lapse);
  if latest is null then
    return jsonb_build_object('ids', '[]'::jsonb, 'tables', '[]'::jsonb, 'due_in', null);
  end if;
  if latest > now() - make_interval(secs => coalesce(quiet_seconds, 0)) then
    return jsonb_build_object('ids', '[]'::jsonb, 'tables', '[]'::jsonb,
      'due_in', round(extract(epoch from latest + make_interval(secs => quiet_seconds) - now()), 3));
  end if;

  -- Two callers at once: the second waits for the first's row locks and then
  -- finds the rows started (read committed re-checks the condition), so each
  -- request is taken in by one build only.
  with taken as (
    update private.publish_requests as r set started_at = now(), problems = '{}'
     where r.finished_at is null and (r.started_at is null or r.started_at <= now() - lapse)
    returning r.publish_request_id, r.tables
  )
  select jsonb_build_object(
           'ids', coalesce((select jsonb_agg(t.publish_request_id order by t.publish_request_id) from taken as t), '[]'::jsonb),
           'tables', coalesce((select jsonb_agg(distinct x order by x) from taken as t, unnest(t.tables) as x), '[]'::jsonb),
           'due_in', null)
    into claimed;
  return claimed;
end
$$;

comment on function public.claim_publish_requests(numeric) is
  'Takes in the waiting publish requests once quiet_seconds have passed since the last: {ids, tables, due_in}. For a hosted build pipeline with the service-role key only.';

create function public.finish_publish_requests(ids bigint[], outcome text, problems text[] default '{}') returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  finished integer;
begin
  if outcome is null or outcome not in ('published', 'failed') then
    perform private.refuse('outcome', 'say published or failed');
  end if;
  update private.publish_requests as r
     set started_at = coalesce(r.started_at, now()),
         finished_at = now(),
         outcome = finish_publish_requests.outcome,
         problems = coalesce(finish_publish_requests.problems, '{}')
   where r.publish_request_id = any (finish_publish_requests.ids) and r.finished_at is null;
  get diagnostics finished = row_count;
  return finished;
end
$$;

comment on function public.finish_publish_requests(bigint[], text, text[]) is
  'Records the outcome (published or failed) and problems of the build that took these requests in; returns how many it finished. For a hosted build pipeline with the service-role key only.';

create function public.release_publish_requests(ids bigint[], problems text[]) returns integer
language sql volatile
security definer
set search_path = ''
as $$
  with released as (
    update private.publish_requests as r
       set started_at = null,
           problems = coalesce(release_publish_requests.problems, '{}')
     where r.publish_request_id = any (release_publish_requests.ids) and r.finished_at is null
    returning 1
  )
  select count(*)::integer from released
$$;

comment on function public.release_publish_requests(bigint[], text[]) is
  'Gives back requests whose build could not be started, with why: the next claim takes them in again. For a hosted build pipeline with the service-role key only.';

create function public.purge_publish_requests() returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  days integer := private.retention_days('publish_request_retention_days');
  purged integer;
begin
  -- Without a period nothing would ever be purged, silently: a scheduled job should fail instead.
  if days is null then
    perform private.refuse('publish_request_retention_days', 'private.settings has no publish_request_retention_days');
  end if;
  delete from private.publish_requests as r
   where r.finished_at < now() - make_interval(days => days);
  get diagnostics purged = row_count;
  return purged;
end
$$;

comment on function public.purge_publish_requests() is
  'Deletes publish requests finished longer ago than private.settings publish_request_retention_days; returns how many. For scheduled jobs with the service-role key only.';

-- Supabase grants anon every new function in public by default: the status
-- and the button are staff's, the rest the build pipeline's.
revoke all on function public.publish_status(), public.publish_now() from public, anon;
grant execute on function public.publish_status(), public.publish_now() to authenticated;
revoke all on function public.claim_publish_requests(numeric), public.finish_publish_requests(bigint[], text, text[]),
  public.release_publish_requests(bigint[], text[]), public.purge_publish_requests()
  from public, anon, authenticated;
grant execute on function public.claim_publish_requests(numeric), public.finish_publish_requests(bigint[], text, text[]),
  public.release_publish_requests(bigint[], text[]), public.purge_publish_requests()
  to service_role;
