// The report of one date of a meeting, written after it took place: how many
// came, the concerns raised (one a line), the priorities of its beats it set,
// reviewed or closed, and what happens next; with its history and undo.
// Checked with the report schema the build uses; a new one is created, an
// existing one sends only what changed.
import { useContext, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { format } from '../../../lib/i18n/format.ts';
import { meetingReportSchema } from '../../../lib/content/schemas.ts';
import ActionForm from '../workspace/ActionForm.tsx';
import type { StaffMember } from '../workspace/records.ts';
import type { Outcome } from '../workspace/staffData.ts';
import { useWorkspace } from '../workspace/words.ts';
import { Checkbox, TextField } from '../content/ContentFields.tsx';
import ContentPage, { JustSaved } from '../content/ContentPage.tsx';
import { changedColumns, fieldErrors, saveContent, type Published } from '../content/contentEdits.ts';
import { editsPlace } from '../content/contentLists.ts';
import { numberOf, optional } from '../content/drafts.ts';
import { meetingReportRow, type MeetingRow } from '../../../lib/content/rows.ts';
import { loadMeetingRecords, loadPriorities, type PriorityRecord, type ReportRecord } from './priorityData.ts';
import { meetingEntries, pastOccurrences, type PastOccurrence } from './priorityDesk.ts';

interface Props {
  meetingId: string;
  date: string;
  member: StaffMember;
  beats: readonly string[] | null;
}

interface Loaded {
  meeting: Published<MeetingRow>;
  /** The date as it took place; null when it is not one of the meeting's past dates of the last year. */
  occurrence: PastOccurrence | null;
  report: ReportRecord | null;
  /** The priorities of the meeting's beats or district. */
  priorities: PriorityRecord[];
}

const loader =
  (date: string, timeZone: string) =>
  async (client: SupabaseClient, meetingId: string): Promise<Outcome<Loaded | null>> => {
    const [records, priorities] = await Promise.all([loadMeetingRecords(client), loadPriorities(client)]);
    if (records.kind !== 'ok') return records;
    if (priorities.kind !== 'ok') return priorities;
    const meeting = records.value.meetings.find((row) => row.meeting_id === meetingId);
    if (!meeting) return { kind: 'ok', value: null };
    const occurrence = pastOccurrences(meetingEntries(records.value, (row) => row.meeting_id === meetingId), timeZone, new Date(), 53).find((past) => past.date === date) ?? null;
    const report = records.value.reports.find((row) => row.meeting_id === meetingId && row.occurrence_date === date) ?? null;
    const ofMeeting = (priority: PriorityRecord) =>
      priority.beats.some((beat) => meeting.beats.includes(beat)) || (priority.district_id !== null && priority.district_id === meeting.district_id);
    return { kind: 'ok', value: { meeting, occurrence, report, priorities: priorities.value.priorities.filter(ofMeeting) } };
  };

export default function ReportEditor({ meetingId, date, member, beats }: Props) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk.report;
  const [load] = useState(() => loader(date, ws.timeZone));
  return (
    <ContentPage
      id={meetingId}
      kinds={['meeting_report']}
      loadItem={load}
      mayEdit={(item) => editsPlace(member, beats, item.meeting)}
      historyOf={(change) => (change.after ?? change.before)?.occurrence_date === date}
      title={(item) => format(words.heading, { title: item?.meeting.title ?? meetingId, date: item?.occurrence ? ws.date(item.occurrence.start) : date })}
      detailsHeading={words.detailsHeading}
      details={(item, saved) => (item?.occurrence ? <ReportForm key={item.report?.updated_at ?? 'new'} item={item} date={date} onSaved={saved} /> : <p role="alert">{words.notPast}</p>)}
      labels={words.fields}
    />
  );
}

interface Draft {
  attendance: string;
  concerns: string;
  priorities_set: string[];
  priorities_reviewed: string[];
  priorities_closed: string[];
  next_steps: string;
  published: boolean;
}

const draftOf = (report: ReportRecord | null): Draft => ({
  attendance: report?.attendance.toString() ?? '',
  concerns: report?.concerns.join('\n') ?? '',
  priorities_set: report?.priorities_set ?? [],
  priorities_reviewed: report?.priorities_reviewed ?? [],
  priorities_closed: report?.priorities_closed ?? [],
  next_steps: report?.next_steps ?? '',
  published: report?.published ?? false,
});

type PriorityField = 'priorities_set' | 'priorities_reviewed' | 'priorities_closed';

function ReportForm({ item, date, onSaved }: { item: Loaded; date: string; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk.report;
  const justSaved = useContext(JustSaved);
  const [draft, setDraft] = useState(() => draftOf(item.report));
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [field]: value }));
  const prefix = 'report';

  const parsed = () =>
    meetingReportSchema.safeParse({
      date,
      attendance: numberOf(draft.attendance),
      // One a line: a concern may hold a comma.
      concerns: draft.concerns.split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
      priorities: { set: draft.priorities_set, reviewed: draft.priorities_reviewed, closed: draft.priorities_closed },
      nextSteps: optional(draft.next_steps),
    });

  function check(): Record<string, string> {
    const result = parsed();
    return result.success ? {} : fieldErrors(result.error.issues, 'meeting_report', ws.t.content.fieldErrors);
  }

  function act() {
    const result = parsed();
    if (!result.success) return undefined;
    const next = { ...meetingReportRow(item.meeting.meeting_id, result.data), published: draft.published };
    if (!item.report) return saveContent(ws.client, 'meeting_report', next, { create: true });
    const change = changedColumns(item.report as unknown as Record<string, unknown>, next, ['meeting_id', 'occurrence_date']);
    return change ? saveContent(ws.client, 'meeting_report', change) : undefined;
  }

  const choices = (field: PriorityField, legend: string, error: string | undefined) => (
    <PriorityChoices prefix={prefix} field={field} legend={legend} priorities={item.priorities} chosen={draft[field]} error={error} onChange={(value) => set(field, value)} />
  );

  return (
    <ActionForm id={prefix} fields={Object.keys(draft)} check={check} act={act} onSaved={onSaved} submitLabel={words.save} messages={{ saved: ws.t.content.saved }} justSaved={justSaved}>
      {(errors) => (
        <>
          <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 font-semibold">{words.privacy}</p>
          <TextField prefix={prefix} name="attendance" label={words.attendance} inputMode="numeric" value={draft.attendance} error={errors.attendance} onChange={(value) => set('attendance', value)} />
          <TextField prefix={prefix} name="concerns" label={words.concerns} hint={words.concernsHint} multiline value={draft.concerns} error={errors.concerns} onChange={(value) => set('concerns', value)} />
          {item.priorities.length === 0 ? (
            <p>{words.noPriorities}</p>
          ) : (
            <>
              <p className="text-slate-700">{words.prioritiesHint}</p>
              {choices('priorities_set', words.set, errors.priorities_set)}
              {choices('priorities_reviewed', words.reviewed, errors.priorities_reviewed)}
              {choices('priorities_closed', words.closed, errors.priorities_closed)}
            </>
          )}
          <TextField prefix={prefix} name="next_steps" label={words.nextSteps} hint={words.nextStepsHint} multiline maxLength={2000} value={draft.next_steps} error={errors.next_steps} onChange={(value) => set('next_steps', value)} />
          <Checkbox prefix={prefix} name="published" label={ws.t.content.published} hint={ws.t.content.publishedHint} checked={draft.published} onChange={(value) => set('published', value)} />
        </>
      )}
    </ActionForm>
  );
}

interface ChoicesProps {
  prefix: string;
  field: PriorityField;
  legend: string;
  priorities: readonly PriorityRecord[];
  chosen: readonly string[];
  error: string | undefined;
  onChange(ids: string[]): void;
}

/** The beat's priorities to tick, by title; one chosen before and no longer of the beat stays, by its id. */
function PriorityChoices({ prefix, field, legend, priorities, chosen, error, onChange }: ChoicesProps) {
  const id = `${prefix}-${field}`;
  const titles = new Map(priorities.map((priority) => [priority.priority_id, priority.title]));
  const all = [...new Set([...priorities.map((priority) => priority.priority_id), ...chosen])];
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined} className="space-y-1">
      <legend className="font-semibold">{legend}</legend>
      {error && (
        <p id={`${id}-error`} className="font-semibold text-alert-700">
          {error}
        </p>
      )}
      {all.map((priority) => (
        <label key={priority} className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            checked={chosen.includes(priority)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, priority] : chosen.filter((other) => other !== priority))}
            className="h-5 w-5 shrink-0"
          />
          {titles.get(priority) ?? priority}
        </label>
      ))}
    </fieldset>
  );
}
