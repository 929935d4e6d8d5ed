// What residents see of a beat's priorities and its meetings' reports, worked
// out at build time: which priorities are current and which recently closed,
// which are overdue for review, their timelines, and which reports a page
// lists. Dates are the content's local dates (YYYY-MM-DD), compared as text;
// "today" is the build's local date in the site's time zone, so a page says
// what was true when it was published.
import { Temporal } from 'temporal-polyfill';
import type { Beat, District, Meeting, Priority } from '../../lib/content/validate.ts';
import type { saraStages } from '../../lib/content/schemas.ts';

export type SaraStage = (typeof saraStages)[number];
export type MeetingReport = Meeting['reports'][number];

/** A closed priority stays on its beat's page this long after it closed, with its outcome. */
export const recentlyClosedDays = 365;

/** The local date of an instant in the site's time zone: what "today" is for a build. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function isOpen(priority: Priority): boolean {
  return priority.outcome === undefined;
}

/** The date of a priority's latest news: its last update, its closing, or else its opening. */
export function lastUpdate(priority: Priority): string {
  return [priority.opened, ...priority.updates.map((update) => update.date), priority.outcome?.closed ?? ''].reduce((a, b) => (b > a ? b : a));
}

/** Open, and its review date has passed: the page says so rather than look current. */
export function isOverdue(priority: Priority, today: string): boolean {
  return isOpen(priority) && priority.reviewBy !== undefined && priority.reviewBy < today;
}

/** A beat's priorities: its own, and those of its whole district. */
export function prioritiesOfBeat(priorities: readonly Priority[], beat: Beat): Priority[] {
  return priorities.filter((priority) => priority.beats.includes(beat.id) || (priority.beats.length === 0 && priority.district === beat.district));
}

/** A district's priorities: its own and its beats'. */
export function prioritiesOfDistrict(priorities: readonly Priority[], district: District, beats: readonly Beat[]): Priority[] {
  const its = new Set(beats.filter((beat) => beat.district === district.id).map((beat) => beat.id));
  return priorities.filter((priority) => priority.district === district.id || priority.beats.some((beat) => its.has(beat)));
}

export interface PriorityLists {
  /** Open ones, latest news first. */
  current: Priority[];
  /** Closed within recentlyClosedDays, latest closed first. */
  recentlyClosed: Priority[];
}

export function currentAndRecentlyClosed(priorities: readonly Priority[], today: string): PriorityLists {
  const since = Temporal.PlainDate.from(today).subtract({ days: recentlyClosedDays }).toString();
  const byNews = (a: Priority, b: Priority) => lastUpdate(b).localeCompare(lastUpdate(a)) || a.title.localeCompare(b.title);
  return {
    current: priorities.filter(isOpen).sort(byNews),
    recentlyClosed: priorities.filter((priority) => priority.outcome !== undefined && priority.outcome.closed >= since).sort(byNews),
  };
}

/** How long ago a date was, in the largest whole unit that fits, for Intl.RelativeTimeFormat. */
export function timeSince(date: string, today: string): { value: number; unit: 'day' | 'week' | 'month' | 'year' } {
  const span = Temporal.PlainDate.from(date).until(Temporal.PlainDate.from(today), { largestUnit: 'years' });
  if (span.years > 0) return { value: span.years, unit: 'year' };
  if (span.months > 0) return { value: span.months, unit: 'month' };
  if (span.days >= 7) return { value: Math.floor(span.days / 7), unit: 'week' };
  return { value: span.days, unit: 'day' };
}

export type TimelineEvent =
  | { kind: 'opened'; date: string }
  /** `movedTo` when the update is the first in a new stage. */
  | { kind: 'update'; date: string; stage: SaraStage; text: string; movedTo?: SaraStage }
  | { kind: 'closed'; date: string; outcome: NonNullable<Priority['outcome']> };

/** The priority's story, oldest first. SARA begins with scanning, so that is where an opened priority stands. */
export function timeline(priority: Priority): TimelineEvent[] {
  let stage: SaraStage = 'scanning';
  const updates = priority.updates.map((update): TimelineEvent => {
    const moved = update.stage !== stage;
    stage = update.stage;
    return { kind: 'update', date: update.date, stage: update.stage, text: update.text, ...(moved && { movedTo: update.stage }) };
  });
  return [{ kind: 'opened', date: priority.opened }, ...updates, ...(priority.outcome ? [{ kind: 'closed' as const, date: priority.outcome.closed, outcome: priority.outcome }] : [])];
}

export interface ReportOf {
  meeting: Meeting;
  report: MeetingReport;
}

/** The meetings' reports, latest first. */
export function reportsOf(meetings: readonly Meeting[]): ReportOf[] {
  return meetings
    .flatMap((meeting) => meeting.reports.map((report) => ({ meeting, report })))
    .sort((a, b) => b.report.date.localeCompare(a.report.date) || a.meeting.title.localeCompare(b.meeting.title));
}

export function findReport(meetings: readonly Meeting[], meetingId: string, date: string): ReportOf | undefined {
  const meeting = meetings.find((m) => m.id === meetingId);
  const report = meeting?.reports.find((r) => r.date === date);
  return meeting && report && { meeting, report };
}

/** The reports of meetings that set, reviewed or closed a priority, latest first. */
export function reportsMentioning(meetings: readonly Meeting[], priorityId: string): ReportOf[] {
  return reportsOf(meetings).filter(({ report }) => Object.values(report.priorities).some((ids) => ids.includes(priorityId)));
}

export const priorityPath = (id: string) => `/priorities/${encodeURIComponent(id)}`;
export const reportPath = (meetingId: string, date: string) => `/meetings/reports/${encodeURIComponent(meetingId)}/${date}`;

/** A content date as a reader says it: "8 September 2026", "8 de septiembre de 2026". */
export function dayLabel(date: string, locale: string): string {
  // Noon UTC is the same calendar day everywhere the formatter might place it.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
