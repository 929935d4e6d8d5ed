// One beat priority to edit: where it stands (overdue, closed with its
// outcome), how many residents said it matters to them, its public updates
// and the forms to post one, close it or reopen it; its details; and its
// history with undo. With no id, a new priority, made from a resident's
// suggestion when one is named: the suggestion is shown beside the form, for
// staff to write the public words themselves, and linked once it is saved.
import { useEffect, useState } from 'react';
import { Field, fieldClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import { priorityRows } from '../../../lib/content/rows.ts';
import { entryIdSchemas, prioritySchema, prioritySources } from '../../../lib/content/schemas.ts';
import type { StaffMember, SuggestionRecord } from '../workspace/records.ts';
import { answerSuggestion, loadItem } from '../workspace/staffData.ts';
import { useWorkspace } from '../workspace/words.ts';
import { BeatChoices, Checkbox, TextField } from '../content/ContentFields.tsx';
import ContentForm from '../content/ContentForm.tsx';
import ContentPage from '../content/ContentPage.tsx';
import { editsPlace } from '../content/contentLists.ts';
import { optional } from '../content/drafts.ts';
import { loadMeetingRecords, loadPriority, type PriorityWithUpdates } from './priorityData.ts';
import { meetingEntries, pastOccurrences, todayIn, type PastOccurrence } from './priorityDesk.ts';
import PriorityProgress from './PriorityProgress.tsx';

interface Props {
  id: string | null;
  /** For a new priority: the resident's suggestion it is made from. */
  suggestion: string | null;
  member: StaffMember;
  /** The beats the member may choose; null for every beat. */
  beats: readonly string[] | null;
}

/**
 * How linking the suggestion went as its priority was created: the form that
 * created it is gone by then, so it is said once on the priority's page.
 */
let suggestionLink: { priority: string; linked: boolean } | null = null;

export default function PriorityEditor({ id, suggestion, member, beats }: Props) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk;
  const [link] = useState(() => {
    const told = id !== null && suggestionLink?.priority === id ? suggestionLink : null;
    if (told) suggestionLink = null;
    return told;
  });
  return (
    <div className="space-y-6">
      {link && (
        <p role={link.linked ? 'status' : 'alert'} className={`font-semibold ${link.linked ? 'text-green-800' : 'text-alert-700'}`}>
          {link.linked ? words.linked : words.linkFailed}
        </p>
      )}
      {id === null && suggestion && <SuggestionBeside id={suggestion} />}
      <ContentPage
        id={id}
        kinds={['priority', 'priority_update']}
        loadItem={loadPriority}
        mayEdit={(item) => editsPlace(member, beats, item.priority)}
        notYours={words.notYours}
        title={(item) => item?.priority.title ?? words.newHeading}
        before={(item, reload) => <PriorityProgress item={item} onChanged={reload} />}
        detailsHeading={words.detailsHeading}
        details={(item, saved) => <PriorityDetails key={item?.priority.updated_at ?? 'new'} item={item} member={member} beats={beats} suggestion={suggestion} onSaved={saved} />}
        labels={words.fields}
      />
    </div>
  );
}

/** What the resident wrote, for the beat's staff only, beside the new priority's form: read, not copied. */
function SuggestionBeside({ id }: { id: string }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk;
  const [record, setRecord] = useState<SuggestionRecord | null | 'failed'>(null);
  useEffect(() => {
    let current = true;
    void loadItem(ws.client, 'suggestion', id).then((outcome) => current && setRecord(outcome.kind === 'ok' && outcome.value ? outcome.value : 'failed'));
    return () => {
      current = false;
    };
  }, [ws.client, id]);
  if (record === null) return <p role="status">{ws.t.content.loading}</p>;
  if (record === 'failed') return <p role="alert">{words.suggestionMissing}</p>;
  return (
    <aside aria-labelledby="priority-suggestion-heading" className="space-y-2 rounded-md border-2 border-amber-700 bg-amber-50 p-4">
      <h3 id="priority-suggestion-heading" className="text-lg font-bold">
        {words.suggestionWrote}
      </h3>
      <p className="text-sm text-slate-800">
        {format(ws.t.inbox.inBeat, { beat: record.beat })} · {format(ws.t.inbox.received, { date: ws.dateTime(record.created_at) })}
      </p>
      <blockquote className="border-l-4 border-slate-400 pl-3 break-words whitespace-pre-line" data-testid="suggestion-text">
        {record.problem}
      </blockquote>
      <p className="font-semibold">{words.suggestionNotCopied}</p>
    </aside>
  );
}

/** The form's values: text as typed, lists as chosen, by their columns' names. */
interface Draft {
  priority_id: string;
  title: string;
  description: string;
  beats: string[];
  district_id: string;
  source: string;
  /** `${meeting}/${date}` of the occurrence that chose it. */
  source_date: string;
  opened_on: string;
  review_on: string;
  published: boolean;
}

function draftOf(item: PriorityWithUpdates | null, today: string, fromSuggestion: boolean, beats: readonly string[] | null): Draft {
  const row = item?.priority;
  return {
    priority_id: row?.priority_id ?? '',
    title: row?.title ?? '',
    description: row?.description ?? '',
    // A new one starts in the member's beat when they have just one.
    beats: row?.beats ?? (beats?.length === 1 ? [...beats] : []),
    district_id: row?.district_id ?? '',
    source: row?.source ?? (fromSuggestion ? 'residents' : 'meeting'),
    source_date: row?.source_meeting_id && row.source_date ? `${row.source_meeting_id}/${row.source_date}` : '',
    opened_on: row?.opened_on ?? today,
    review_on: row?.review_on ?? '',
    published: row?.published ?? false,
  };
}

/** Past dates a meeting could have chosen a priority on: the member's meetings', of the last six months. */
const sourceWeeks = 26;

interface DetailsProps {
  item: PriorityWithUpdates | null;
  member: StaffMember;
  beats: readonly string[] | null;
  suggestion: string | null;
  onSaved(): Promise<void>;
}

function PriorityDetails({ item, member, beats, suggestion, onSaved }: DetailsProps) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk;
  const [now] = useState(() => new Date());
  const [draft, setDraft] = useState(() => draftOf(item, todayIn(ws.timeZone, now), suggestion !== null, beats));
  const [dates, setDates] = useState<PastOccurrence[]>([]);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [field]: value }));
  const prefix = 'priority';
  const row = item?.priority ?? null;
  const closed = row?.outcome != null;
  // Officers' priorities are their beats'; a supervisor may give one to their district, a coordinator to any.
  const districts = member.role === 'coordinator' ? [...new Set(ws.beats.map((beat) => beat.district))] : member.role === 'supervisor' && member.district ? [member.district] : [];

  useEffect(() => {
    let current = true;
    void loadMeetingRecords(ws.client).then((outcome) => {
      if (!current || outcome.kind !== 'ok') return;
      const meetings = meetingEntries(outcome.value, (meeting) => editsPlace(member, beats, meeting));
      setDates(pastOccurrences(meetings, ws.timeZone, now, sourceWeeks));
    });
    return () => {
      current = false;
    };
  }, [ws.client, ws.timeZone, member, beats, now]);

  const [sourceMeeting, sourceDate] = draft.source_date.split('/');
  const parsed = () =>
    prioritySchema.safeParse({
      title: draft.title.trim(),
      description: draft.description.trim(),
      beats: draft.beats,
      district: optional(draft.district_id),
      source: draft.source,
      ...(draft.source === 'meeting' && sourceMeeting && sourceDate && { sourceMeeting: { meeting: sourceMeeting, date: sourceDate } }),
      stage: row?.stage ?? 'scanning',
      opened: draft.opened_on,
      // A closed one has no next review: its outcome, changed with its own form, stands instead.
      reviewBy: closed ? undefined : optional(draft.review_on),
      ...(row && closed && { outcome: { result: row.outcome, text: row.outcome_note, closed: row.closed_on } }),
    });

  return (
    <ContentForm
      kind="priority"
      current={row as unknown as Record<string, unknown> | null}
      newId={draft.priority_id}
      idValid={(id) => entryIdSchemas.priorities.safeParse(id).success}
      parse={parsed}
      row={(entry, id) => {
        const { supporters: _counted, ...columns } = priorityRows({ ...entry, id }).priority;
        return columns;
      }}
      draft={draft}
      submitLabel={words.save}
      onSaved={onSaved}
      onCreated={
        suggestion
          ? async (id) => {
              // The priority is saved; the link is a second call, and its outcome is said on the priority's page.
              const linked = await answerSuggestion(ws.client, suggestion, { priority_id: id });
              suggestionLink = { priority: id, linked: linked.kind === 'ok' };
              location.hash = `priority/${id}`;
            }
          : undefined
      }
    >
      {(errors) => (
        <>
          <p className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 font-semibold">{words.privacy}</p>
          {row === null && <TextField prefix={prefix} name="priority_id" label={words.id} hint={words.idHint} value={draft.priority_id} error={errors.priority_id} onChange={(value) => set('priority_id', value)} />}
          <TextField prefix={prefix} name="title" label={words.title} hint={words.titleHint} maxLength={120} value={draft.title} error={errors.title} onChange={(value) => set('title', value)} />
          <TextField prefix={prefix} name="description" label={words.description} hint={words.descriptionHint} multiline maxLength={2000} value={draft.description} error={errors.description} onChange={(value) => set('description', value)} />
          <BeatChoices prefix={prefix} legend={words.beats} hint={words.beatsHint} choices={beats ?? ws.beats.map((beat) => beat.id)} chosen={draft.beats} error={errors.beats} onChange={(value) => set('beats', value)} />
          {(districts.length > 0 || draft.district_id) && (
            <Field id={`${prefix}-district_id`} label={words.district} error={errors.district_id}>
              {(control) => (
                <select {...control} value={draft.district_id} onChange={(event) => set('district_id', event.target.value)} className={fieldClass}>
                  <option value="">{words.noDistrict}</option>
                  {[...new Set([...districts, ...(draft.district_id ? [draft.district_id] : [])])].map((district) => (
                    <option key={district} value={district}>
                      {format(words.districtOption, { district })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field id={`${prefix}-source`} label={words.source} error={errors.source}>
            {(control) => (
              <select {...control} value={draft.source} onChange={(event) => set('source', event.target.value)} className={fieldClass}>
                {prioritySources.map((source) => (
                  <option key={source} value={source}>
                    {words.sources[source]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft.source === 'meeting' && (
            <Field id={`${prefix}-source_date`} label={words.sourceMeeting} hint={words.sourceMeetingHint} error={errors.source_date}>
              {(control) => (
                <select {...control} value={draft.source_date} onChange={(event) => set('source_date', event.target.value)} className={fieldClass}>
                  <option value="">{words.chooseMeeting}</option>
                  {draft.source_date && !dates.some((date) => `${date.meeting}/${date.date}` === draft.source_date) && <option value={draft.source_date}>{draft.source_date}</option>}
                  {dates.map((date) => (
                    <option key={`${date.meeting}/${date.date}`} value={`${date.meeting}/${date.date}`}>
                      {format(words.meetingDate, { title: date.title, date: ws.date(date.start) })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField prefix={prefix} name="opened_on" label={words.opened} type="date" value={draft.opened_on} error={errors.opened_on} onChange={(value) => set('opened_on', value)} />
            {!closed && <TextField prefix={prefix} name="review_on" label={words.reviewOn} hint={words.reviewOnHint} type="date" value={draft.review_on} error={errors.review_on} onChange={(value) => set('review_on', value)} />}
          </div>
          <Checkbox prefix={prefix} name="published" label={ws.t.content.published} hint={ws.t.content.publishedHint} checked={draft.published} onChange={(value) => set('published', value)} />
        </>
      )}
    </ContentForm>
  );
}
