// One beat to edit: its name, the neighbourhoods residents know it by, and
// whether its page is shown; with its history and undo. Its district and
// boundary are shown, not edited: they come from an import of boundaries, and
// a beat moved between districts would move the staff who see its tips.
import { useState } from 'react';
import { format } from '../../../lib/i18n/format.ts';
import { beatRow, type BeatRow } from '../../../lib/content/rows.ts';
import { beatSchema } from '../../../lib/content/schemas.ts';
import { Details } from '../workspace/Details.tsx';
import { useWorkspace } from '../workspace/words.ts';
import { Checkbox, TextField } from './ContentFields.tsx';
import ContentForm from './ContentForm.tsx';
import ContentPage from './ContentPage.tsx';
import { loadBeat, type Published } from './contentEdits.ts';
import { namesOf, namesText } from './drafts.ts';
import { boundarySummary } from './areas.ts';

const schema = beatSchema.omit({ boundary: true });

export default function BeatEditor({ id }: { id: string }) {
  const ws = useWorkspace();
  const words = ws.t.content.beat;
  return (
    <ContentPage
      id={id}
      kinds={['beat']}
      loadItem={loadBeat}
      title={(beat) => beat?.name ?? id}
      detailsHeading={words.heading}
      details={(beat, reload) => beat && <BeatDetails key={beat.updated_at} beat={beat} onSaved={reload} />}
      labels={{ name: words.name, neighbourhoods: words.neighbourhoods }}
    />
  );
}

function BeatDetails({ beat, onSaved }: { beat: Published<BeatRow>; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.content.beat;
  const [draft, setDraft] = useState({ name: beat.name, neighbourhoods: namesText(beat.neighbourhoods), published: beat.published });
  const set = <K extends keyof typeof draft>(field: K, value: (typeof draft)[K]) => setDraft((previous) => ({ ...previous, [field]: value }));
  const prefix = 'beat';

  return (
    <ContentForm
      kind="beat"
      current={beat as unknown as Record<string, unknown>}
      parse={() => schema.safeParse({ name: draft.name.trim(), district: beat.district_id, neighbourhoods: namesOf(draft.neighbourhoods) })}
      row={(entry, id) => {
        const { boundary: _imported, district_id: _district, ...row } = beatRow({ ...entry, id, boundary: beat.boundary });
        return row;
      }}
      draft={draft}
      submitLabel={words.save}
      onSaved={onSaved}
    >
      {(errors) => (
        <>
          <Details
            details={[
              { label: words.district, value: format(ws.t.content.districtOf, { district: beat.district_id }) },
              { label: ws.t.content.boundaries.label, value: boundarySummary(beat.boundary, ws.t.content.boundaries) },
            ]}
          />
          <p className="text-slate-700">{words.importedNote}</p>
          <TextField prefix={prefix} name="name" label={words.name} value={draft.name} error={errors.name} onChange={(value) => set('name', value)} />
          <TextField
            prefix={prefix}
            name="neighbourhoods"
            label={words.neighbourhoods}
            hint={words.neighbourhoodsHint}
            multiline
            value={draft.neighbourhoods}
            error={errors.neighbourhoods}
            onChange={(value) => set('neighbourhoods', value)}
          />
          <Checkbox prefix={prefix} name="published" label={ws.t.content.published} hint={ws.t.content.publishedHint} checked={draft.published} onChange={(value) => set('published', value)} />
        </>
      )}
    </ContentForm>
  );
}
