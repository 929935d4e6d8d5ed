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

-- The demo city's staff scope: each beat's district and the beats each officer
-- profile serves, which row-level security reads to scope staff. The same SQL
-- as `npx openbeat staff-scope` writes for a deployment, without its own
-- transaction (this file runs as one). Written by
-- `npx openbeat demo --seed-sql supabase/seed.sql`; edit the generator, not these lines.
-- demo jurisdiction scope: begin
-- 25 beats and their districts
with content (beat, district) as (values
  ('101', '1'),
  ('102', '1'),
  ('103', '1'),
  ('104', '1'),
  ('105', '1'),
  ('106', '1'),
  ('107', '1'),
  ('201', '2'),
  ('202', '2'),
  ('203', '2'),
  ('204', '2'),
  ('205', '2'),
  ('206', '2'),
  ('207', '2'),
  ('301', '3'),
  ('302', '3'),
  ('303', '3'),
  ('304', '3'),
  ('305', '3'),
  ('306', '3'),
  ('307', '3'),
  ('401', '4'),
  ('402', '4'),
  ('403', '4'),
  ('404', '4')
), gone as (
  delete from public.jurisdiction_beats as t where not exists (select from content as c where c.beat = t.beat)
)
insert into public.jurisdiction_beats as t (beat, district) select beat, district from content
on conflict (beat) do update set district = excluded.district
  where t.district is distinct from excluded.district;

-- 125 officer–beat pairs: the beats each officer profile serves (an officer who serves a district serves each of its beats)
with content (officer_slug, beat) as (values
  ('ahmed-alvarez', '105'),
  ('ahmed-kowalski', '106'),
  ('ahmed-patel', '204'),
  ('aisha-quinn', '107'),
  ('alejandra-ibarra', '306'),
  ('andre-haddad', '401'),
  ('andre-xu', '202'),
  ('andre-zielinski', '203'),
  ('anna-haddad', '303'),
  ('anna-le', '201'),
  ('anna-le', '202'),
  ('anna-le', '203'),
  ('anna-le', '204'),
  ('anna-le', '205'),
  ('anna-le', '206'),
  ('anna-le', '207'),
  ('brianna-le', '401'),
  ('brianna-le', '402'),
  ('brianna-le', '403'),
  ('brianna-le', '404'),
  ('brianna-zamora', '104'),
  ('carlos-green', '204'),
  ('daniel-ramirez', '307'),
  ('daniel-tran', '201'),
  ('daniel-tran', '202'),
  ('daniel-tran', '203'),
  ('daniel-tran', '204'),
  ('daniel-tran', '205'),
  ('daniel-tran', '206'),
  ('daniel-tran', '207'),
  ('darnell-patel', '306'),
  ('darnell-ramirez', '207'),
  ('deshawn-ellison', '402'),
  ('eduardo-green', '401'),
  ('eduardo-kowalski', '402'),
  ('esperanza-morales', '106'),
  ('esperanza-patel', '201'),
  ('esperanza-patel', '202'),
  ('esperanza-patel', '203'),
  ('esperanza-patel', '204'),
  ('esperanza-patel', '205'),
  ('esperanza-patel', '206'),
  ('esperanza-patel', '207'),
  ('esperanza-ramirez', '101'),
  ('fatima-baker', '301'),
  ('grace-delgado', '302'),
  ('grace-jones', '202'),
  ('grace-lopez', '106'),
  ('grace-morales', '401'),
  ('grace-morales', '402'),
  ('grace-morales', '403'),
  ('grace-morales', '404'),
  ('hannah-jackson', '401'),
  ('hassan-vasquez', '305'),
  ('ingrid-delgado', '305'),
  ('jamal-torres', '304'),
  ('jamal-zamora', '403'),
  ('james-alvarez', '302'),
  ('ji-woo-sullivan', '302'),
  ('joseph-kim', '104'),
  ('katarzyna-castillo', '301'),
  ('katarzyna-castillo', '302'),
  ('katarzyna-castillo', '303'),
  ('katarzyna-castillo', '304'),
  ('katarzyna-castillo', '305'),
  ('katarzyna-castillo', '306'),
  ('katarzyna-castillo', '307'),
  ('kevin-ibarra', '103'),
  ('lucia-walsh', '104'),
  ('luis-nowak', '206'),
  ('marcus-patel', '304'),
  ('maria-dabrowski', '107'),
  ('maria-jones', '101'),
  ('michael-delgado', '101'),
  ('michael-morales', '306'),
  ('michael-underwood', '305'),
  ('nguyen-evans', '102'),
  ('omar-chen', '207'),
  ('omar-mahmoud', '205'),
  ('omar-mahmoud-2', '206'),
  ('omar-underwood', '201'),
  ('rafael-ellison', '404'),
  ('renee-haddad', '301'),
  ('renee-jackson', '201'),
  ('renee-quinn', '301'),
  ('renee-quinn', '302'),
  ('renee-quinn', '303'),
  ('renee-quinn', '304'),
  ('renee-quinn', '305'),
  ('renee-quinn', '306'),
  ('renee-quinn', '307'),
  ('rosa-nowak', '101'),
  ('rosa-nowak', '102'),
  ('rosa-nowak', '103'),
  ('rosa-nowak', '104'),
  ('rosa-nowak', '105'),
  ('rosa-nowak', '106'),
  ('rosa-nowak', '107'),
  ('rosa-ortiz', '301'),
  ('rosa-ortiz', '302'),
  ('rosa-ortiz', '303'),
  ('rosa-ortiz', '304'),
  ('rosa-ortiz', '305'),
  ('rosa-ortiz', '306'),
  ('rosa-ortiz', '307'),
  ('rosa-walsh', '105'),
  ('samuel-jones', '203'),
  ('samuel-pham', '206'),
  ('sofia-murphy', '402'),
  ('teresa-underwood', '102'),
  ('terrence-alvarez', '107'),
  ('terrence-kim', '404'),
  ('tyrone-chen', '403'),
  ('tyrone-flores', '103'),
  ('tyrone-young', '101'),
  ('tyrone-young', '102'),
  ('tyrone-young', '103'),
  ('tyrone-young', '104'),
  ('tyrone-young', '105'),
  ('tyrone-young', '106'),
  ('tyrone-young', '107'),
  ('victor-ibarra', '307'),
  ('victor-nguyen', '205'),
  ('victor-patel', '207'),
  ('yesenia-nowak', '303')
), gone as (
  delete from public.officer_beats as t where not exists (select from content as c where c.officer_slug = t.officer_slug and c.beat = t.beat)
)
insert into public.officer_beats as t (officer_slug, beat) select officer_slug, beat from content
on conflict (officer_slug, beat) do nothing;
-- demo jurisdiction scope: end

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
