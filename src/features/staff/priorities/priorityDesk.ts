// What the workspace works out about beat priorities and meeting reports,
// apart from any screen: which priorities are current, overdue or closed and
// in what order staff read them; what "post an update" saves, and in which
// order, when it also moves the SARA stage; and which past meetings still owe
// residents a report.
import { meetingEntry, type MeetingExceptionRow, type MeetingReportRow, type MeetingRow, type PriorityRow, type PriorityUpdateRow } from '../../../lib/content/rows.ts';
import type { Meeting } from '../../../lib/content/validate.ts';
import type { Published } from '../content/contentEdits.ts';
import { localDate, occurrencesBetween } from '../../meetings/schedule.ts';

/** An open priority whose review date has passed is overdue: it waits for staff, and says so. */
export type Standing = 'current' | 'overdue' | 'closed';

/** The local date (YYYY-MM-DD) it is now in the jurisdiction: priorities' dates are local dates. */
export const todayIn = (timeZone: string, now: Date) => localDate(now.toISOString(), timeZone);

export function standing(priority: Pick<PriorityRow, 'outcome' | 'review_on'>, today: string): Standing {
  if (priority.outcome !== null) return 'closed';
  return priority.review_on !== null && priority.review_on < today ? 'overdue' : 'current';
}

export interface ListedPriority<P extends PriorityRow = PriorityRow> {
  priority: P;
  standing: Standing;
  /** The date of its newest update; null before the first. */
  lastUpdate: string | null;
}

/**
 * The priorities as the desk lists them: open ones first, the one to review
 * soonest (so the overdue) at the top; then closed ones, the latest closed
 * first.
 */
export function priorityList<P extends PriorityRow>(priorities: readonly P[], updates: ReadonlyArray<Pick<PriorityUpdateRow, 'priority_id' | 'posted_on'>>, today: string): Array<ListedPriority<P>> {
  const newest = new Map<string, string>();
  for (const update of updates) {
    const seen = newest.get(update.priority_id);
    if (seen === undefined || update.posted_on > seen) newest.set(update.priority_id, update.posted_on);
  }
  const listed = priorities.map((priority) => ({ priority, standing: standing(priority, today), lastUpdate: newest.get(priority.priority_id) ?? null }));
  const open = listed
    .filter((item) => item.standing !== 'closed')
    .sort((a, b) => (a.priority.review_on ?? '').localeCompare(b.priority.review_on ?? '') || a.priority.title.localeCompare(b.priority.title));
  const closed = listed
    .filter((item) => item.standing === 'closed')
    .sort((a, b) => (b.priority.closed_on ?? '').localeCompare(a.priority.closed_on ?? '') || a.priority.title.localeCompare(b.priority.title));
  return [...open, ...closed];
}

/** The position a new update takes: after the last one, as the file orders them. */
export const nextPosition = (updates: ReadonlyArray<Pick<PriorityUpdateRow, 'position'>>) => updates.reduce((next, update) => Math.max(next, update.position + 1), 0);

export interface UpdateDraft {
  posted_on: string;
  stage: PriorityRow['stage'];
  body: string;
}

/** One save_content call of a plan: what it writes, and whether it creates the row. */
export type SaveStep =
  | { kind: 'priority'; item: Pick<PriorityRow, 'priority_id' | 'stage'>; create: false }
  | { kind: 'priority_update'; item: PriorityUpdateRow & { published: boolean }; create: true };

/**
 * What posting an update saves. Moving the stage is a change of the priority
 * itself, saved first, so that the update never names a stage the priority is
 * not in; then the update, written in the new stage, at the next position.
 * Two calls, not one transaction: each one's outcome is told on its own.
 */
export function updatePlan(priority: Pick<PriorityRow, 'priority_id' | 'stage'> & { published: boolean }, updates: ReadonlyArray<Pick<PriorityUpdateRow, 'position'>>, draft: UpdateDraft): SaveStep[] {
  const update: SaveStep = {
    kind: 'priority_update',
    item: { priority_id: priority.priority_id, position: nextPosition(updates), posted_on: draft.posted_on, stage: draft.stage, body: draft.body.trim(), published: priority.published },
    create: true,
  };
  if (draft.stage === priority.stage) return [update];
  return [{ kind: 'priority', item: { priority_id: priority.priority_id, stage: draft.stage }, create: false }, update];
}

/** The columns closing a priority writes: its outcome, why and when, and no next review (an open one always has one). */
export function closing(priorityId: string, outcome: { result: NonNullable<PriorityRow['outcome']>; text: string; closed: string }): Partial<PriorityRow> {
  return { priority_id: priorityId, outcome: outcome.result, outcome_note: outcome.text.trim(), closed_on: outcome.closed, review_on: null };
}

/** The columns reopening one writes: no outcome any more, and the next review date it needs again (null while not given: the schema asks for it). */
export function reopening(priorityId: string, reviewOn: string | null) {
  return { priority_id: priorityId, outcome: null, outcome_note: null, closed_on: null, review_on: reviewOn };
}

/** How far back a past meeting still asks for its report. */
export const reportWeeks = 8;

export interface MeetingRecords {
  meetings: Array<Published<MeetingRow>>;
  exceptions: MeetingExceptionRow[];
  reports: Array<Published<MeetingReportRow>>;
}

/** Each meeting as the schedule reads it; one whose row cannot make an entry (no venue) has no dates to report on. */
export function meetingEntries(records: MeetingRecords, include: (meeting: Published<MeetingRow>) => boolean): Meeting[] {
  const exceptionsOf = Map.groupBy(records.exceptions, (exception) => exception.meeting_id);
  return records.meetings.filter(include).flatMap((row) => {
    try {
      return [meetingEntry(row, exceptionsOf.get(row.meeting_id) ?? [])];
    } catch {
      return [];
    }
  });
}

export interface PastOccurrence {
  meeting: string;
  title: string;
  /** The local date it took place on: what its report is filed under. */
  date: string;
  start: string;
}

/** A meeting's dates that took place (not cancelled) from `weeks` ago until now, latest first. */
export function pastOccurrences(meetings: readonly Meeting[], timeZone: string, now: Date, weeks = reportWeeks): PastOccurrence[] {
  const from = new Date(now.getTime() - weeks * 7 * 86_400_000);
  return meetings
    .flatMap((meeting) => {
      try {
        return occurrencesBetween([meeting], timeZone, from, now);
      } catch {
        // A schedule that cannot be read has no dates to report on; its editor says what is wrong with it.
        return [];
      }
    })
    .filter((occurrence) => occurrence.status !== 'cancelled')
    .map((occurrence) => ({ meeting: occurrence.meeting, title: occurrence.title, date: localDate(occurrence.start, timeZone), start: occurrence.start }))
    .sort((a, b) => b.start.localeCompare(a.start) || a.meeting.localeCompare(b.meeting));
}

/**
 * The reports still owed: the published meetings' dates of the last weeks
 * that have no published report. A draft report does not settle it; residents
 * do not read it yet.
 */
export function reportsDue(records: MeetingRecords, mayEdit: (meeting: Published<MeetingRow>) => boolean, timeZone: string, now: Date): PastOccurrence[] {
  const published = new Set(records.reports.filter((report) => report.published).map((report) => `${report.meeting_id}/${report.occurrence_date}`));
  const meetings = meetingEntries(records, (meeting) => meeting.published && mayEdit(meeting));
  return pastOccurrences(meetings, timeZone, now).filter((occurrence) => !published.has(`${occurrence.meeting}/${occurrence.date}`));
}
