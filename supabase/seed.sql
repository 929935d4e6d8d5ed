-- Local seed, applied after the migrations at every start of the embedded stack
-- (so it must stay idempotent). Never run against a hosted project.

-- The demo city's approved neighbourhood watch groups. Written by
-- `npx openbeat demo --seed-sql supabase/seed.sql`; edit the generator, not these lines.
-- demo watch groups: begin
insert into public.watch_groups (watch_group_id, name, beat, area, status, approved_at) values
  ('a1bd77ef-dffd-4965-800b-ed54f3ed5a40', 'Gannet Neighbours', '107', '{"type":"Polygon","coordinates":[[[-88.265096,41.105165],[-88.262711,41.105075],[-88.260326,41.104993],[-88.260292,41.106802],[-88.260224,41.108612],[-88.262608,41.108694],[-88.264993,41.108784],[-88.265061,41.106975],[-88.265096,41.105165]]]}', 'approved', '2026-01-15T18:00:00Z'),
  ('3634a99f-2b11-4dcd-8887-ebbeb2aba4f1', 'Pelican Watch', '206', '{"type":"Polygon","coordinates":[[[-88.256547,41.132062],[-88.254162,41.132005],[-88.251777,41.131963],[-88.251841,41.133773],[-88.251935,41.135582],[-88.25432,41.135624],[-88.256705,41.135681],[-88.256611,41.133871],[-88.256547,41.132062]]]}', 'approved', '2026-01-15T18:00:00Z'),
  ('5755c43a-421a-4563-800e-aa96ed362eeb', 'Osprey Neighbours', '205', '{"type":"Polygon","coordinates":[[[-88.239828,41.128397],[-88.237444,41.128457],[-88.235059,41.128531],[-88.235054,41.13034],[-88.235084,41.132149],[-88.237469,41.132076],[-88.239853,41.132016],[-88.239823,41.130207],[-88.239828,41.128397]]]}', 'approved', '2026-01-15T18:00:00Z'),
  ('256979ca-6711-419c-86fb-d2f1853972da', 'Oriole Neighbours', '303', '{"type":"Polygon","coordinates":[[[-88.273256,41.127263],[-88.270871,41.127169],[-88.268486,41.127072],[-88.268446,41.128881],[-88.268441,41.13069],[-88.270826,41.130788],[-88.273211,41.130881],[-88.273216,41.129072],[-88.273256,41.127263]]]}', 'approved', '2026-01-15T18:00:00Z')
on conflict (watch_group_id) do nothing;
-- demo watch groups: end

-- Staff accounts for trying the workspace locally, one per role and an officer
-- of another district, on a reserved domain. No password here: the local stack
-- sets one from .openbeat/secrets.json, and `npm start` prints it with these
-- addresses. Written by `npx openbeat demo --seed-sql supabase/seed.sql`; edit
-- the generator, not these lines.
-- demo staff accounts: begin
insert into auth.users (id, email, encrypted_password) values
  ('5eed57af-0000-4000-8000-000000000001', 'coordinator@staff.alderbrook.example', null),
  ('5eed57af-0000-4000-8000-000000000002', 'supervisor.district1@staff.alderbrook.example', null),
  ('5eed57af-0000-4000-8000-000000000003', 'officer.beat101@staff.alderbrook.example', null),
  ('5eed57af-0000-4000-8000-000000000004', 'officer.beat201@staff.alderbrook.example', null)
on conflict do nothing;
insert into public.staff_members (user_id, role, officer_slug, district)
select u.id, s.role, s.officer_slug, s.district
  from (values
    ('5eed57af-0000-4000-8000-000000000001', 'coordinator', 'rafael-mahmoud', null),
    ('5eed57af-0000-4000-8000-000000000002', 'supervisor', 'rosa-nowak', '1'),
    ('5eed57af-0000-4000-8000-000000000003', 'officer', 'michael-delgado', null),
    ('5eed57af-0000-4000-8000-000000000004', 'officer', 'omar-underwood', null)
  ) as s (user_id, role, officer_slug, district)
  join auth.users as u on u.id = s.user_id::uuid
on conflict (user_id) do nothing;
-- demo staff accounts: end
