-- Neighbourhood watch groups: what the public may see of a group (its name, its
-- beat and the area it watches) and whether staff approved it. Who the captain
-- and the members are is kept elsewhere, never in this table, so that showing
-- approved groups can never show a person. Registration (register_watch_group)
-- and the public view of approved groups come with the submissions work.

create table public.watch_groups (
  watch_group_id uuid primary key default gen_random_uuid(),
  name text not null
    constraint watch_groups_name_length check (char_length(name) between 3 and 120),
  -- a beat id from the jurisdiction's content files, which live outside the database
  beat text not null
    constraint watch_groups_beat_format check (beat ~ '^[A-Za-z0-9][A-Za-z0-9_-]*$'),
  -- a GeoJSON Polygon or MultiPolygon in WGS 84
  area jsonb not null
    constraint watch_groups_area_geojson check (area ->> 'type' in ('Polygon', 'MultiPolygon') and jsonb_typeof(area -> 'coordinates') = 'array'),
  status text not null default 'pending'
    constraint watch_groups_status_known check (status in ('pending', 'approved', 'declined', 'retired')),
  created_at timestamptz not null default now(),
  approved_at timestamptz,
  constraint watch_groups_approved_when check ((status = 'approved') = (approved_at is not null) or status = 'retired')
);

comment on table public.watch_groups is
  'Neighbourhood watch groups: name, beat, area and review status only. Members and captains are never stored here. Staff read and approve them; the public sees approved groups through a view.';

alter table public.watch_groups enable row level security;
-- Supabase grants the API roles everything on new tables; nobody gets anything directly yet.
revoke all on table public.watch_groups from anon, authenticated;
