// The site settings to edit: whom the portal is for and who runs it, the
// numbers every form gives instead of an emergency line, how to reach the
// department, and where its postal addresses are (state, cities, ZIP codes: the
// finder says an address with another one is outside the area); with their
// history and undo. The time zone, the languages and the map's area are shown,
// not edited: changing them changes every meeting's times, the pages built and
// the area the finder accepts, so they are the deployment's (site.json,
// openbeat import).
import { useState } from 'react';
import { siteRow, siteEntry, type SiteRow } from '../../../lib/content/rows.ts';
import { siteSchema } from '../../../lib/content/schemas.ts';
import { Details } from '../workspace/Details.tsx';
import { useWorkspace } from '../workspace/words.ts';
import { Checkbox, TextField } from './ContentFields.tsx';
import ContentForm from './ContentForm.tsx';
import ContentPage from './ContentPage.tsx';
import { loadSite, type Published } from './contentEdits.ts';
import { optional } from './drafts.ts';

type Words = ReturnType<typeof useWorkspace>['t']['content']['site'];

/** The columns this form edits; the others are written back as they are. */
const edited = ['jurisdiction', 'department', 'emergency_number', 'non_emergency_number', 'contact_email', 'contact_phone', 'contact_office_hours', 'contact_address'] as const;
type Edited = (typeof edited)[number];
/** site.postal, as the form shows it: the state, a city a line, ZIP codes apart by commas or spaces. */
const postalColumns = ['postal_state', 'postal_cities', 'postal_zips'] as const;
type PostalColumn = (typeof postalColumns)[number];

export default function SiteEditor() {
  const ws = useWorkspace();
  const words = ws.t.content.site;
  return (
    <ContentPage
      id="site"
      kinds={['site']}
      loadItem={loadSite}
      title={() => words.heading}
      detailsHeading={words.details}
      details={(site, reload) => site && <SiteDetails key={site.updated_at} site={site} onSaved={reload} />}
      labels={siteLabels(words)}
    />
  );
}

const siteLabels = (words: Words): Record<Edited | PostalColumn, string> => ({
  jurisdiction: words.jurisdiction,
  department: words.department,
  emergency_number: words.emergencyNumber,
  non_emergency_number: words.nonEmergencyNumber,
  contact_email: words.contactEmail,
  contact_phone: words.contactPhone,
  contact_office_hours: words.contactOfficeHours,
  contact_address: words.contactAddress,
  postal_state: words.postalState,
  postal_cities: words.postalCities,
  postal_zips: words.postalZips,
});

const list = (text: string, apart: RegExp) => text.split(apart).map((part) => part.trim()).filter(Boolean);

/** No postal area at all when every field is empty, as a site.json without "postal". */
function postalEntry(draft: Record<PostalColumn, string>) {
  const state = draft.postal_state.trim();
  const cities = list(draft.postal_cities, /\n/);
  const zips = list(draft.postal_zips, /[\s,;]+/);
  if (!state && cities.length === 0 && zips.length === 0) return undefined;
  return { ...(state ? { state: state.toUpperCase() } : {}), cities, zips };
}

const lonLat = (lon: number, lat: number) => `${lon}, ${lat}`;

function SiteDetails({ site, onSaved }: { site: Published<SiteRow>; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.content.site;
  const labels = siteLabels(words);
  const [draft, setDraft] = useState({
    ...Object.fromEntries(edited.map((column) => [column, site[column] ?? ''])),
    postal_state: site.postal_state ?? '',
    postal_cities: (site.postal_cities ?? []).join('\n'),
    postal_zips: (site.postal_zips ?? []).join(', '),
    published: site.published,
  } as Record<Edited | PostalColumn, string> & { published: boolean });
  const set = <K extends keyof typeof draft>(field: K, value: (typeof draft)[K]) => setDraft((previous) => ({ ...previous, [field]: value }));
  const prefix = 'site';

  const field = (name: Edited | PostalColumn, options: { hint?: string; type?: 'email' | 'tel'; multiline?: boolean } = {}) => (errors: Record<string, string>) => (
    <TextField prefix={prefix} name={name} label={labels[name]} {...options} value={draft[name]} error={errors[name]} onChange={(value) => set(name, value)} />
  );

  return (
    <ContentForm
      kind="site"
      current={site as unknown as Record<string, unknown>}
      // What the form does not show comes from the settings as they are, so the schema checks the whole.
      parse={() =>
        siteSchema.safeParse({
          ...siteEntry(site),
          jurisdiction: draft.jurisdiction.trim(),
          department: draft.department.trim(),
          emergencyNumber: draft.emergency_number.trim(),
          nonEmergencyNumber: draft.non_emergency_number.trim(),
          contact: {
            email: optional(draft.contact_email),
            phone: optional(draft.contact_phone),
            officeHours: optional(draft.contact_office_hours),
            address: optional(draft.contact_address),
          },
          postal: postalEntry(draft),
        })
      }
      row={(entry) => {
        const row = siteRow(entry);
        return Object.fromEntries(['site_id', ...edited, ...postalColumns].map((column) => [column, row[column as keyof SiteRow]]));
      }}
      draft={draft}
      submitLabel={words.save}
      onSaved={onSaved}
    >
      {(errors) => (
        <>
          <Details
            details={[
              { label: words.timeZone, value: site.time_zone },
              { label: words.locales, value: site.locales.map((locale) => ws.language(locale)).join(', ') },
              { label: words.mapCenter, value: lonLat(site.map_center_lon, site.map_center_lat) },
              { label: words.mapSouthWest, value: lonLat(site.map_south_west_lon, site.map_south_west_lat) },
              { label: words.mapNorthEast, value: lonLat(site.map_north_east_lon, site.map_north_east_lat) },
            ]}
          />
          <p className="text-slate-700">{words.fixedNote}</p>
          {field('jurisdiction', { hint: words.jurisdictionHint })(errors)}
          {field('department')(errors)}
          {field('emergency_number', { hint: words.emergencyNumberHint, type: 'tel' })(errors)}
          {field('non_emergency_number', { type: 'tel' })(errors)}
          <fieldset className="space-y-5">
            <legend className="text-lg font-bold">{words.contact}</legend>
            <p className="text-slate-700">{words.contactHint}</p>
            {field('contact_email', { type: 'email' })(errors)}
            {field('contact_phone', { type: 'tel' })(errors)}
            {field('contact_office_hours')(errors)}
            {field('contact_address', { multiline: true })(errors)}
          </fieldset>
          <fieldset className="space-y-5">
            <legend className="text-lg font-bold">{words.postal}</legend>
            <p className="text-slate-700">{words.postalHint}</p>
            {field('postal_state', { hint: words.postalStateHint })(errors)}
            {field('postal_cities', { hint: words.postalCitiesHint, multiline: true })(errors)}
            {field('postal_zips', { hint: words.postalZipsHint })(errors)}
          </fieldset>
          <Checkbox prefix={prefix} name="published" label={ws.t.content.published} hint={ws.t.content.publishedHint} checked={draft.published} onChange={(value) => set('published', value)} />
        </>
      )}
    </ContentForm>
  );
}
