-- Officers' photos in Supabase Storage (issue 14). Staff upload a portrait in
-- the workspace, cropped and resized in the browser, to the public bucket
-- `officer-photos`, as `<officer_id>/<version>.<ext>`; then they save the
-- object's name as the officer's `photo` (with its `photo_alt`) through
-- save_content, as any other change of the profile, which queues a publish.
-- A new upload is a new name, so a changed photo is a changed row, published
-- and recorded in the content history like any edit; the editor removes the
-- one it replaced. The build downloads each published officer's photo from
-- the bucket's public address and serves it from the site itself.
--
-- Who may write a file there is who may edit the officer's profile
-- (staff_access.edits): coordinators, the supervisor of the officer's district,
-- and the officer themself. Everyone may read the bucket, as the public site
-- shows the photos anyway. Supabase creates the `storage` schema, and on the
-- local stack supabase/local/bootstrap.sql does: this migration only adds a
-- bucket and policies, which is what `postgres` may do there.

-- 2 MB is far more than a 400×400 WebP needs; the types are what a browser
-- sends for a photo and what the build's image pipeline reads.
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('officer-photos', 'officer-photos', true, 2097152, array['image/jpeg', 'image/png', 'image/webp'])
on conflict (id) do nothing;

-- Whether the signed-in account may write this name in `officer-photos`: a
-- name of the form <officer_id>/<version>.<ext>, of an officer whose profile
-- they may edit.
create function staff_access.edits_officer_photo(name text) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((
    select staff_access.edits('officer', to_jsonb(o))
      from public.officers as o
     where edits_officer_photo.name ~ '^[a-z0-9][a-z0-9-]*/[A-Za-z0-9_-]{1,64}\.(webp|jpg|jpeg|png)$'
       and o.officer_id = split_part(edits_officer_photo.name, '/', 1)
  ), false)
$$;
revoke all on function staff_access.edits_officer_photo(text) from public;
grant execute on function staff_access.edits_officer_photo(text) to authenticated;

create policy objects_officer_photos_anon_read on storage.objects
  for select to anon
  using (bucket_id = 'officer-photos');
create policy objects_officer_photos_authenticated_read on storage.objects
  for select to authenticated
  using (bucket_id = 'officer-photos');
create policy objects_officer_photos_authenticated_insert on storage.objects
  for insert to authenticated
  with check (bucket_id = 'officer-photos' and staff_access.edits_officer_photo(name));
create policy objects_officer_photos_authenticated_update on storage.objects
  for update to authenticated
  using (bucket_id = 'officer-photos' and staff_access.edits_officer_photo(name))
  with check (bucket_id = 'officer-photos' and staff_access.edits_officer_photo(name));
create policy objects_officer_photos_authenticated_delete on storage.objects
  for delete to authenticated
  using (bucket_id = 'officer-photos' and staff_access.edits_officer_photo(name));

comment on column public.officers.photo is
  'The portrait: the name of its file in the Storage bucket officer-photos (<officer_id>/<version>.webp); in the content folder, its file name beside the officer''s file.';
