// One meeting to edit: its coming dates (cancel, move, restore), its past
// dates with their reports, its details
// (title, venue, schedule and repeat rule, languages, whether it is shown)
// and its history with undo; or, with no id, a new meeting or one-off event.
// The details are checked with the meeting schema the build uses, and only
// the columns that changed are sent.
import { useState } from 'react';
import { Field, fieldClass } from '../../../components/forms/FormParts.tsx';
import { meetingRows } from '../../../lib/content/rows.ts';
import { entryIdSchemas, meetingKinds, meetingSchema } from '../../../lib/content/schemas.ts';
import { useWorkspace } from '../workspace/words.ts';
import { BeatChoices, Checkbox, TextField } from './ContentFields.tsx';
import { listOf, numberOf, optional } from './drafts.ts';
import ContentPage from './ContentPage.tsx';
import { loadMeeting, type MeetingWithExceptions } from './contentEdits.ts';
import ContentForm from './ContentForm.tsx';
import Occurrences from './Occurrences.tsx';
import { PastDates } from '../priorities/PriorityLists.tsx';

interface Props {
  id: string | null;
  /** The beats the member may choose for a meeting; null for every beat. */
  beats: readonly string[] | null;
}

export default function MeetingEditor({ id, beats }: Props) {
  const ws = useWorkspace();
  const words = ws.t.content.meeting;
  return (
    <ContentPage
      id={id}
      kinds={['meeting', 'meeting_exception']}
      loadItem={loadMeeting}
      title={(meeting) => meeting?.meeting.title ?? words.newHeading}
      before={(meeting, reload) => (
        <>
          <Occurrences meeting={meeting} headingId="meeting-occurrences" onChanged={reload} />
          <PastDates meetingId={meeting.meeting.meeting_id} />
        </>
      )}
      detailsHeading={words.heading}
      details={(meeting, reload) => <MeetingDetails key={meeting?.meeting.updated_at ?? 'new'} meeting={meeting} beats={beats} onSaved={reload} />}
      labels={meetingLabels(words)}
    />
  );
}

type Words = ReturnType<typeof useWorkspace>['t']['content']['meeting'];

const meetingLabels = (words: Words): Record<string, string> => ({
  title: words.title,
  kind: words.kind,
  beats: words.beats,
  venue_name: words.venueName,
  venue_address: words.venueAddress,
  venue_accessibility: words.venueAccessibility,
  venue_lon: words.longitude,
  venue_lat: words.latitude,
  schedule_start: words.start,
  schedule_duration_minutes: words.duration,
  schedule_rrule: words.rrule,
  languages: words.languages,
  online: words.online,
});

/** The form's values: text as typed, lists as chosen. */
interface Draft {
  meeting_id: string;
  title: string;
  kind: string;
  beats: string[];
  venue_name: string;
  venue_address: string;
  venue_accessibility: string;
  venue_lon: string;
  venue_lat: string;
  schedule_start: string;
  schedule_duration_minutes: string;
  schedule_rrule: string;
  languages: string;
  online: string;
  published: boolean;
}

function draftOf(meeting: MeetingWithExceptions | null, defaultLanguage: string): Draft {
  const row = meeting?.meeting;
  return {
    meeting_id: row?.meeting_id ?? '',
    title: row?.title ?? '',
    kind: row?.kind ?? 'beat_meeting',
    beats: row?.beats ?? [],
    venue_name: row?.venue_name ?? '',
    venue_address: row?.venue_address ?? '',
    venue_accessibility: row?.venue_accessibility ?? '',
    venue_lon: row?.venue_lon?.toString() ?? '',
    venue_lat: row?.venue_lat?.toString() ?? '',
    schedule_start: row?.schedule_start ?? '',
    schedule_duration_minutes: row?.schedule_duration_minutes?.toString() ?? '60',
    schedule_rrule: row?.schedule_rrule ?? '',
    languages: (row?.languages ?? [defaultLanguage]).join(', '),
    online: row?.online ?? '',
    published: row?.published ?? false,
  };
}

function MeetingDetails({ meeting, beats, onSaved }: { meeting: MeetingWithExceptions | null; beats: readonly string[] | null; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.content.meeting;
  const [draft, setDraft] = useState(() => draftOf(meeting, ws.defaultLanguage));
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [field]: value }));
  const prefix = 'meeting';
  const creating = meeting === null;

  /** The meeting as the schema reads it, from the form and what the form does not show (its district, zone and dates changed). */
  const parsed = () =>
    meetingSchema.safeParse({
      title: draft.title.trim(),
      kind: draft.kind,
      beats: draft.beats,
      ...(meeting?.meeting.district_id && { district: meeting.meeting.district_id }),
      venue: { name: draft.venue_name.trim(), address: draft.venue_address.trim(), location: [numberOf(draft.venue_lon), numberOf(draft.venue_lat)], accessibility: optional(draft.venue_accessibility) },
      schedule: {
        start: draft.schedule_start,
        durationMinutes: numberOf(draft.schedule_duration_minutes),
        rrule: optional(draft.schedule_rrule),
        timeZone: meeting?.meeting.schedule_time_zone ?? undefined,
      },
      languages: listOf(draft.languages),
      online: optional(draft.online),
    });

  return (
    <ContentForm
      kind="meeting"
      current={meeting ? (meeting.meeting as unknown as Record<string, unknown>) : null}
      newId={draft.meeting_id}
      idValid={(id) => entryIdSchemas.meetings.safeParse(id).success}
      parse={parsed}
      row={(entry, id) => {
        const { updated_local: _stamped, ...row } = meetingRows({ ...entry, id }).meeting;
        return row;
      }}
      draft={draft}
      submitLabel={words.save}
      onSaved={onSaved}
    >
      {(errors) => (
        <>
          {creating && <TextField prefix={prefix} name="meeting_id" label={words.id} hint={words.idHint} value={draft.meeting_id} error={errors.meeting_id} onChange={(value) => set('meeting_id', value)} />}
          <TextField prefix={prefix} name="title" label={words.title} value={draft.title} error={errors.title} onChange={(value) => set('title', value)} />
          <Field id={`${prefix}-kind`} label={words.kind} error={errors.kind}>
            {(control) => (
              <select {...control} value={draft.kind} onChange={(event) => set('kind', event.target.value)} className={fieldClass}>
                {meetingKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {words.kinds[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <BeatChoices prefix={prefix} legend={words.beats} hint={words.beatsHint} choices={beats ?? ws.beats.map((beat) => beat.id)} chosen={draft.beats} error={errors.beats} onChange={(value) => set('beats', value)} />
          <TextField prefix={prefix} name="venue_name" label={words.venueName} value={draft.venue_name} error={errors.venue_name} onChange={(value) => set('venue_name', value)} />
          <TextField prefix={prefix} name="venue_address" label={words.venueAddress} value={draft.venue_address} error={errors.venue_address} onChange={(value) => set('venue_address', value)} />
          <TextField
            prefix={prefix}
            name="venue_accessibility"
            label={words.venueAccessibility}
            hint={words.venueAccessibilityHint}
            value={draft.venue_accessibility}
            error={errors.venue_accessibility}
            onChange={(value) => set('venue_accessibility', value)}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField prefix={prefix} name="venue_lon" label={words.longitude} hint={words.positionHint} inputMode="decimal" value={draft.venue_lon} error={errors.venue_lon} onChange={(value) => set('venue_lon', value)} />
            <TextField prefix={prefix} name="venue_lat" label={words.latitude} hint={words.positionHint} inputMode="decimal" value={draft.venue_lat} error={errors.venue_lat} onChange={(value) => set('venue_lat', value)} />
          </div>
          <TextField prefix={prefix} name="schedule_start" label={words.start} type="datetime-local" value={draft.schedule_start} error={errors.schedule_start} onChange={(value) => set('schedule_start', value)} />
          <TextField
            prefix={prefix}
            name="schedule_duration_minutes"
            label={words.duration}
            inputMode="numeric"
            value={draft.schedule_duration_minutes}
            error={errors.schedule_duration_minutes}
            onChange={(value) => set('schedule_duration_minutes', value)}
          />
          <TextField prefix={prefix} name="schedule_rrule" label={words.rrule} hint={words.rruleHint} value={draft.schedule_rrule} error={errors.schedule_rrule} onChange={(value) => set('schedule_rrule', value)} />
          <TextField prefix={prefix} name="languages" label={words.languages} hint={words.languagesHint} value={draft.languages} error={errors.languages} onChange={(value) => set('languages', value)} />
          <TextField prefix={prefix} name="online" label={words.online} type="url" value={draft.online} error={errors.online} onChange={(value) => set('online', value)} />
          <Checkbox prefix={prefix} name="published" label={ws.t.content.published} hint={ws.t.content.publishedHint} checked={draft.published} onChange={(value) => set('published', value)} />
        </>
      )}
    </ContentForm>
  );
}
