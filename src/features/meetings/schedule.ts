// The meetings pages' view of the calendar: occurrences from the build on,
// filtered by district, kind or language, and grouped by local day.
import type { Beat, Meeting } from '../../lib/content/validate.ts';
import { occurrences, type MeetingVenue } from '../../lib/content/recurrence.ts';

export interface UpcomingMeeting {
  meeting: string;
  title: string;
  kind: string;
  start: string;
  end: string;
  status: 'scheduled' | 'cancelled' | 'moved';
  venue: MeetingVenue;
  note?: string | undefined;
}

/** The meetings' occurrences from `from` for `days`, soonest first, at most `limit`. */
export function upcomingMeetings(
  meetings: readonly Meeting[],
  { timeZone, from, days = 120, limit = 8 }: { timeZone: string; from: Date; days?: number; limit?: number },
): UpcomingMeeting[] {
  const to = new Date(from.getTime() + days * 86_400_000);
  return meetings
    .flatMap((meeting) =>
      occurrences(meeting, { timeZone, from, to }).map((occurrence) => ({
        meeting: meeting.id,
        title: meeting.title,
        kind: meeting.kind,
        start: occurrence.start,
        end: occurrence.end,
        status: occurrence.status,
        venue: occurrence.venue ?? meeting.venue,
        note: occurrence.note,
      })),
    )
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .slice(0, limit);
}

export type MeetingFilter = { district: string } | { beat: string } | { kind: string } | { language: string } | undefined;

/**
 * The test a meeting passes to be on a filter's page. The beats are looked up once, here, not
 * once per meeting: a city's every beat and district page filters every meeting.
 */
export function meetingFilter(filter: MeetingFilter, beats: readonly Beat[]): (meeting: Meeting) => boolean {
  if (!filter) return () => true;
  if ('kind' in filter) return (meeting) => meeting.kind === filter.kind;
  if ('language' in filter) return (meeting) => meeting.languages.includes(filter.language);
  // A beat's meetings, and its district's meetings for everyone (the advisory council).
  if ('beat' in filter) {
    const district = beats.find((beat) => beat.id === filter.beat)?.district;
    return (meeting) => meeting.beats.includes(filter.beat) || (meeting.beats.length === 0 && meeting.district === district);
  }
  const inDistrict = new Set(beats.filter((beat) => beat.district === filter.district).map((beat) => beat.id));
  return (meeting) => meeting.district === filter.district || meeting.beats.some((beat) => inDistrict.has(beat));
}

export function occurrencesBetween(meetings: readonly Meeting[], timeZone: string, from: Date, to: Date): UpcomingMeeting[] {
  const days = Math.ceil((to.getTime() - from.getTime()) / 86_400_000);
  return upcomingMeetings(meetings, { timeZone, from, days, limit: Number.MAX_SAFE_INTEGER }).filter((o) => Date.parse(o.start) < to.getTime());
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function byDay(occurrences: readonly UpcomingMeeting[], timeZone: string): Array<[string, UpcomingMeeting[]]> {
  const days = new Map<string, UpcomingMeeting[]>();
  for (const occurrence of occurrences) {
    const day = localDate(occurrence.start, timeZone);
    days.set(day, [...(days.get(day) ?? []), occurrence]);
  }
  return [...days];
}
