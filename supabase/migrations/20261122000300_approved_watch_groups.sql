-- The public face of neighbourhood watch groups: what the portal shows of an
-- approved group (its name, beat and area), for beat pages and the watch map.
-- A security-definer function rather than a grant on the table, so the API
-- roles still cannot read watch_groups itself, and nothing else ever leaks.

create function public.approved_watch_groups()
returns table (watch_group_id uuid, name text, beat text, area jsonb)
language sql stable
security definer
set search_path = ''
as $$
  select g.watch_group_id, g.name, g.beat, g.area
    from public.watch_groups as g
   where g.status = 'approved'
   order by g.beat, g.name
$$;

comment on function public.approved_watch_groups() is
  'Approved neighbourhood watch groups: name, beat and area only. Pending, declined and retired groups are never returned.';
revoke all on function public.approved_watch_groups() from public;
grant execute on function public.approved_watch_groups() to anon, authenticated;
