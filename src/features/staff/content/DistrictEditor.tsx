// One district to edit: its name, its station (whole, or none: imported
// geography has none until the department adds it) and whether its page is
// shown; with its history and undo. Its boundary is shown, not edited: it
// comes from an import of boundaries.
import { useState } from 'react';
import { districtRow, type DistrictRow } from '../../../lib/content/rows.ts';
import { districtSchema } from '../../../lib/content/schemas.ts';
import { Details } from '../workspace/Details.tsx';
import { useWorkspace } from '../workspace/words.ts';
import { boundarySummary } from './areas.ts';
import { Checkbox, TextField } from './ContentFields.tsx';
import ContentForm from './ContentForm.tsx';
import ContentPage from './ContentPage.tsx';
import { loadDistrict, type Published } from './contentEdits.ts';
import { stationOf, type StationDraft } from './drafts.ts';

const schema = districtSchema.omit({ boundary: true });

type Words = ReturnType<typeof useWorkspace>['t']['content']['district'];

export default function DistrictEditor({ id }: { id: string }) {
  const ws = useWorkspace();
  const words = ws.t.content.district;
  return (
    <ContentPage
      id={id}
      kinds={['district']}
      loadItem={loadDistrict}
      title={(district) => district?.name ?? id}
      detailsHeading={words.heading}
      details={(district, reload) => district && <DistrictDetails key={district.updated_at} district={district} onSaved={reload} />}
      labels={districtLabels(words)}
    />
  );
}

const districtLabels = (words: Words): Record<keyof StationDraft | 'name', string> => ({
  name: words.name,
  station_name: words.stationName,
  station_address: words.stationAddress,
  station_lon: words.longitude,
  station_lat: words.latitude,
  station_phone: words.stationPhone,
  station_email: words.stationEmail,
  station_hours: words.stationHours,
});

const text = (value: string | number | null) => (value === null ? '' : String(value));

function DistrictDetails({ district, onSaved }: { district: Published<DistrictRow>; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.content.district;
  const labels = districtLabels(words);
  const [draft, setDraft] = useState({
    name: district.name,
    station_name: text(district.station_name),
    station_address: text(district.station_address),
    station_lon: text(district.station_lon),
    station_lat: text(district.station_lat),
    station_phone: text(district.station_phone),
    station_email: text(district.station_email),
    station_hours: text(district.station_hours),
    published: district.published,
  });
  const set = <K extends keyof typeof draft>(field: K, value: (typeof draft)[K]) => setDraft((previous) => ({ ...previous, [field]: value }));
  const prefix = 'district';
  const { name: _name, published: _published, ...station } = draft;

  const field = (name: keyof StationDraft, options: { hint?: string; type?: 'email' | 'tel'; inputMode?: 'decimal' } = {}) => (errors: Record<string, string>) => (
    <TextField key={name} prefix={prefix} name={name} label={labels[name]} {...options} value={draft[name]} error={errors[name]} onChange={(value) => set(name, value)} />
  );

  return (
    <ContentForm
      kind="district"
      current={district as unknown as Record<string, unknown>}
      parse={() => schema.safeParse({ name: draft.name.trim(), station: stationOf(station) })}
      row={(entry, id) => {
        const { boundary: _imported, ...row } = districtRow({ ...entry, id, boundary: district.boundary });
        return row;
      }}
      draft={draft}
      submitLabel={words.save}
      onSaved={onSaved}
    >
      {(errors) => (
        <>
          <Details details={[{ label: ws.t.content.boundaries.label, value: boundarySummary(district.boundary, ws.t.content.boundaries) }]} />
          <p className="text-slate-700">{words.importedNote}</p>
          <TextField prefix={prefix} name="name" label={words.name} value={draft.name} error={errors.name} onChange={(value) => set('name', value)} />
          <fieldset className="space-y-5">
            <legend className="text-lg font-bold">{words.station}</legend>
            <p className="text-slate-700">{words.stationHint}</p>
            {field('station_name')(errors)}
            {field('station_address')(errors)}
            <div className="grid gap-4 sm:grid-cols-2">
              {field('station_lon', { hint: ws.t.content.meeting.positionHint, inputMode: 'decimal' })(errors)}
              {field('station_lat', { hint: ws.t.content.meeting.positionHint, inputMode: 'decimal' })(errors)}
            </div>
            {field('station_phone', { type: 'tel' })(errors)}
            {field('station_email', { type: 'email' })(errors)}
            {field('station_hours')(errors)}
          </fieldset>
          <Checkbox prefix={prefix} name="published" label={ws.t.content.published} hint={ws.t.content.publishedHint} checked={draft.published} onChange={(value) => set('published', value)} />
        </>
      )}
    </ContentForm>
  );
}
