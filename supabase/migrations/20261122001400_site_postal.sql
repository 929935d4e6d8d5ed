-- Where the jurisdiction's postal addresses are (site.json's optional
-- "postal"): the state, the city names its addresses use besides its own
-- name, and its ZIP codes. The finder reads them to tell an address elsewhere
-- ("outside the area this portal covers") from one it cannot match, whether
-- the site is built from a folder or from the database. Null, all three, when
-- the site names none; when it names one, the lists are there (perhaps empty).
alter table public.site_settings
  add column postal_state text
    constraint site_settings_postal_state_format check (postal_state ~ '^[A-Za-z]{2}$'),
  add column postal_cities text[]
    constraint site_settings_postal_cities_filled check (private.all_filled(postal_cities)),
  add column postal_zips text[]
    constraint site_settings_postal_zips_format check (array_to_string(postal_zips, ',') ~ '^([0-9]{5}(,[0-9]{5})*)?$'),
  add constraint site_settings_postal_whole check (
    (postal_cities is null) = (postal_zips is null) and (postal_state is null or postal_cities is not null)
  );
comment on column public.site_settings.postal_state is 'USPS state code: an address typed with another state is outside the jurisdiction.';
comment on column public.site_settings.postal_cities is 'City names its addresses use besides the jurisdiction''s own: any other is outside. Null when the site names no postal area.';
comment on column public.site_settings.postal_zips is 'Its ZIP codes, when listed: any other is outside. Null when the site names no postal area.';
