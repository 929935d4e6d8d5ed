// One entry of the workshop catalogue (what businesses may request: a
// workshop for their staff, or a survey of their premises) to edit, or a new
// one; with its history and undo. Checked with the workshop schema the build
// uses, and only the columns that changed are sent.
import { useState } from 'react';
import { Field, fieldClass } from '../../../components/forms/FormParts.tsx';
import { workshopRow, type WorkshopRow } from '../../../lib/content/rows.ts';
import { entryIdSchemas, workshopKinds, workshopSchema } from '../../../lib/content/schemas.ts';
import { useWorkspace } from '../workspace/words.ts';
import { Checkbox, TextField } from './ContentFields.tsx';
import ContentForm from './ContentForm.tsx';
import ContentPage from './ContentPage.tsx';
import { loadWorkshop, type Published } from './contentEdits.ts';
import { numberOf } from './drafts.ts';

type Words = ReturnType<typeof useWorkspace>['t']['content']['workshop'];

export default function WorkshopEditor({ id }: { id: string | null }) {
  const ws = useWorkspace();
  const words = ws.t.content.workshop;
  return (
    <ContentPage
      id={id}
      kinds={['workshop']}
      loadItem={loadWorkshop}
      title={(workshop) => workshop?.title ?? words.newHeading}
      detailsHeading={words.heading}
      details={(workshop, reload) => <WorkshopDetails key={workshop?.updated_at ?? 'new'} workshop={workshop} onSaved={reload} />}
      labels={workshopLabels(words)}
    />
  );
}

const workshopLabels = (words: Words): Record<string, string> => ({
  title: words.title,
  kind: words.kind,
  description: words.description,
  duration_minutes: words.duration,
  minimum_attendees: words.minimumAttendees,
});

function WorkshopDetails({ workshop, onSaved }: { workshop: Published<WorkshopRow> | null; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.content.workshop;
  const [draft, setDraft] = useState({
    workshop_id: workshop?.workshop_id ?? '',
    title: workshop?.title ?? '',
    kind: workshop?.kind ?? 'workshop',
    description: workshop?.description ?? '',
    duration_minutes: workshop?.duration_minutes.toString() ?? '60',
    minimum_attendees: workshop?.minimum_attendees.toString() ?? '1',
    published: workshop?.published ?? false,
  });
  const set = <K extends keyof typeof draft>(field: K, value: (typeof draft)[K]) => setDraft((previous) => ({ ...previous, [field]: value }));
  const prefix = 'workshop';

  return (
    <ContentForm
      kind="workshop"
      current={workshop as unknown as Record<string, unknown> | null}
      newId={draft.workshop_id}
      idValid={(id) => entryIdSchemas.workshops.safeParse(id).success}
      parse={() =>
        workshopSchema.safeParse({
          title: draft.title.trim(),
          kind: draft.kind,
          description: draft.description.trim(),
          durationMinutes: numberOf(draft.duration_minutes),
          minimumAttendees: numberOf(draft.minimum_attendees),
        })
      }
      row={(entry, id) => workshopRow({ ...entry, id }) as unknown as Record<string, unknown>}
      draft={draft}
      submitLabel={words.save}
      onSaved={onSaved}
    >
      {(errors) => (
        <>
          {workshop === null && (
            <TextField prefix={prefix} name="workshop_id" label={words.id} hint={words.idHint} value={draft.workshop_id} error={errors.workshop_id} onChange={(value) => set('workshop_id', value)} />
          )}
          <TextField prefix={prefix} name="title" label={words.title} value={draft.title} error={errors.title} onChange={(value) => set('title', value)} />
          <Field id={`${prefix}-kind`} label={words.kind} error={errors.kind}>
            {(control) => (
              <select {...control} value={draft.kind} onChange={(event) => set('kind', event.target.value as WorkshopRow['kind'])} className={fieldClass}>
                {workshopKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {words.kinds[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField prefix={prefix} name="description" label={words.description} hint={words.descriptionHint} multiline value={draft.description} error={errors.description} onChange={(value) => set('description', value)} />
          <TextField prefix={prefix} name="duration_minutes" label={words.duration} inputMode="numeric" value={draft.duration_minutes} error={errors.duration_minutes} onChange={(value) => set('duration_minutes', value)} />
          <TextField
            prefix={prefix}
            name="minimum_attendees"
            label={words.minimumAttendees}
            hint={words.minimumAttendeesHint}
            inputMode="numeric"
            value={draft.minimum_attendees}
            error={errors.minimum_attendees}
            onChange={(value) => set('minimum_attendees', value)}
          />
          <Checkbox prefix={prefix} name="published" label={ws.t.content.published} hint={ws.t.content.publishedHint} checked={draft.published} onChange={(value) => set('published', value)} />
        </>
      )}
    </ContentForm>
  );
}
