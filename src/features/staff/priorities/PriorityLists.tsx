// The desk's lists of priorities and reports: the priorities of the member's
// scope (open ones first, overdue ones said so in words, then closed ones),
// the reports still owed for the meetings they run, and, on a meeting's page,
// its past dates with their reports.
import { useCallback, useEffect, useState } from 'react';
import { format } from '../../../lib/i18n/format.ts';
import type { StaffMember } from '../workspace/records.ts';
import { routeHash } from '../workspace/route.ts';
import type { Outcome } from '../workspace/staffData.ts';
import { useWorkspace } from '../workspace/words.ts';
import { Loading, type LoadState } from '../content/ContentFields.tsx';
import { editsPlace } from '../content/contentLists.ts';
import { loadMeetingRecords, loadPriorities, type PriorityRecord } from './priorityData.ts';
import { meetingEntries, pastOccurrences, priorityList, reportsDue, todayIn, type ListedPriority, type MeetingRecords, type PastOccurrence } from './priorityDesk.ts';

/** Loads once on opening, with a way to try again. */
function useLoaded<T>(load: () => Promise<Outcome<T>>): [LoadState<T>, () => void] {
  const [state, setState] = useState<LoadState<T>>({ phase: 'loading' });
  const run = useCallback(() => {
    setState({ phase: 'loading' });
    void load().then((outcome) => setState(outcome.kind === 'ok' ? { phase: 'loaded', value: outcome.value } : { phase: 'failed' }));
  }, [load]);
  useEffect(run, [run]);
  return [state, run];
}

export function PriorityListing({ member, beats }: { member: StaffMember; beats: readonly string[] | null }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk;
  const [now] = useState(() => new Date());
  const load = useCallback(() => loadPriorities(ws.client), [ws.client]);
  const [state, retry] = useLoaded(load);

  const line = ({ priority, standing, lastUpdate }: ListedPriority<PriorityRecord>) =>
    [
      words.standing[standing],
      format(words.stageOf, { stage: ws.labels.saraStages[priority.stage] }),
      lastUpdate ? format(words.lastUpdate, { date: ws.date(lastUpdate) }) : words.noUpdate,
      standing === 'closed' && priority.closed_on && priority.outcome
        ? format(words.closedOn, { date: ws.date(priority.closed_on), outcome: words.outcomes[priority.outcome] })
        : priority.review_on && format(words.reviewLine, { date: ws.date(priority.review_on) }),
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <section aria-labelledby="content-priorities" className="space-y-3">
      <h3 id="content-priorities" className="text-xl font-bold">
        {words.heading}
      </h3>
      <p>{words.intro}</p>
      <p>
        <a href={routeHash({ view: 'priority', id: null, suggestion: null })} className="text-brand-700 underline">
          {words.add}
        </a>
      </p>
      {state.phase !== 'loaded' ? (
        <Loading state={state} onRetry={retry} />
      ) : (
        <PriorityItems items={priorityList(state.value.priorities.filter((priority) => editsPlace(member, beats, priority)), state.value.updates, todayIn(ws.timeZone, now))} line={line} />
      )}
    </section>
  );
}

function PriorityItems({ items, line }: { items: Array<ListedPriority<PriorityRecord>>; line(item: ListedPriority<PriorityRecord>): string }) {
  const ws = useWorkspace();
  if (items.length === 0) return <p>{ws.t.priorityDesk.none}</p>;
  return (
    <ul className="divide-y divide-slate-200 border-y border-slate-200" data-testid="priority-list">
      {items.map((item) => (
        <li key={item.priority.priority_id} className={`space-y-1 py-2 ${item.standing === 'overdue' ? 'border-l-4 border-alert-700 pl-3' : ''}`}>
          <a href={routeHash({ view: 'priority', id: item.priority.priority_id, suggestion: null })} className="font-semibold text-brand-700 underline">
            {item.priority.title}
          </a>
          {!item.priority.published && <span className="ml-3 rounded bg-amber-100 px-2 text-sm">{ws.t.content.draft}</span>}
          <p className={item.standing === 'overdue' ? 'font-semibold text-alert-700' : 'text-slate-700'}>{line(item)}</p>
        </li>
      ))}
    </ul>
  );
}

export function ReportsDue({ member, beats }: { member: StaffMember; beats: readonly string[] | null }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk.due;
  const [now] = useState(() => new Date());
  const load = useCallback(() => loadMeetingRecords(ws.client), [ws.client]);
  const [state, retry] = useLoaded(load);
  return (
    <section aria-labelledby="content-reports-due" className="space-y-3">
      <h3 id="content-reports-due" className="text-xl font-bold">
        {words.heading}
      </h3>
      <p>{words.intro}</p>
      {state.phase !== 'loaded' ? (
        <Loading state={state} onRetry={retry} />
      ) : (
        <DueItems due={reportsDue(state.value, (meeting) => editsPlace(member, beats, meeting), ws.timeZone, now)} />
      )}
    </section>
  );
}

function DueItems({ due }: { due: PastOccurrence[] }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk.due;
  if (due.length === 0) return <p>{words.none}</p>;
  return (
    <ul className="divide-y divide-slate-200 border-y border-slate-200" data-testid="reports-due">
      {due.map((occurrence) => (
        <li key={`${occurrence.meeting}/${occurrence.date}`} className="flex flex-wrap items-baseline gap-x-3 py-2">
          <span>{format(words.entry, { title: occurrence.title, date: ws.date(occurrence.start) })}</span>
          <a href={routeHash({ view: 'report', meetingId: occurrence.meeting, date: occurrence.date })} className="text-brand-700 underline">
            {words.write}
            <span className="sr-only">: {format(words.entry, { title: occurrence.title, date: ws.date(occurrence.start) })}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** On a meeting's page: its dates of the last weeks that took place, each with its report or the link to write it. */
export function PastDates({ meetingId }: { meetingId: string }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk.past;
  const [now] = useState(() => new Date());
  const load = useCallback(() => loadMeetingRecords(ws.client), [ws.client]);
  const [state, retry] = useLoaded<MeetingRecords>(load);
  return (
    <section aria-labelledby="meeting-past-dates" className="space-y-3">
      <h3 id="meeting-past-dates" className="text-xl font-bold">
        {words.heading}
      </h3>
      {state.phase !== 'loaded' ? <Loading state={state} onRetry={retry} /> : <PastItems records={state.value} meetingId={meetingId} now={now} />}
    </section>
  );
}

function PastItems({ records, meetingId, now }: { records: MeetingRecords; meetingId: string; now: Date }) {
  const ws = useWorkspace();
  const words = ws.t.priorityDesk.past;
  const dates = pastOccurrences(meetingEntries(records, (meeting) => meeting.meeting_id === meetingId), ws.timeZone, now);
  if (dates.length === 0) return <p>{words.none}</p>;
  return (
    <ul className="space-y-2">
      {dates.map((occurrence) => {
        const report = records.reports.find((row) => row.meeting_id === meetingId && row.occurrence_date === occurrence.date);
        return (
          <li key={occurrence.date} className="flex flex-wrap items-baseline gap-x-3" data-testid="past-date">
            <time dateTime={occurrence.start}>{ws.dateTime(occurrence.start)}</time>
            <span>{report ? (report.published ? words.reported : words.draft) : words.missing}</span>
            <a href={routeHash({ view: 'report', meetingId, date: occurrence.date })} className="text-brand-700 underline">
              {report ? words.edit : words.write}
              <span className="sr-only"> ({ws.date(occurrence.start)})</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
