// A meeting's schedule in words, for a printed flyer that stays on a notice board for
// months: "The 2nd Tuesday of every month, 6:00 – 7:30 PM, Larch Community Center, 220 E Dunlin St".
//
// Only rules that people say in one breath are put in words: a weekday of the month, every
// month or every few months, and weekdays every week or every other week, each with its
// date range when the rule ends. Any other rule gets no sentence and the flyer lists more
// dates instead: a list of dates is never wrong, a clumsy paraphrase of a rule can be.
//
// Times are wall-clock times in the meeting's zone (see recurrence.ts), so they are turned
// into Dates as if they were UTC and formatted in UTC: 18:00 stays 18:00 whatever the zone.
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { occurrences, type MeetingVenue, type ScheduledMeeting } from '../../lib/content/recurrence.ts';

export type ScheduleWords = Messages['flyer']['schedule'];

export interface DescribedMeeting extends ScheduledMeeting {
  venue: MeetingVenue;
}

export interface SentenceContext {
  words: ScheduleWords;
  locale: string;
  /** The site's zone, for a meeting without its own: where a rule's UNTIL is read. */
  timeZone: string;
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
// WKST changes nothing for the rules said in words; COUNT and UNTIL become a date range.
const SAYABLE_PARTS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST']);

/** When and where the meeting is held, as one sentence; undefined when its rule is not one said in words. */
export function scheduleSentence(meeting: DescribedMeeting, context: SentenceContext): string | undefined {
  const { schedule, venue } = meeting;
  const { words, locale } = context;
  const when = schedule.rrule === undefined ? dateFormat(locale, { dateStyle: 'full' }).format(wall(schedule.start)) : ruleText(meeting, context);
  if (when === undefined) return undefined;
  const start = wall(schedule.start);
  const end = new Date(start.getTime() + schedule.durationMinutes * 60_000);
  const time = dateFormat(locale, { hour: 'numeric', minute: '2-digit' }).formatRange(start, end);
  const sentence = format(words.sentence, { when, time, place: `${venue.name}, ${venue.address}` });
  return sentence.charAt(0).toLocaleUpperCase(locale) + sentence.slice(1);
}

function ruleText(meeting: DescribedMeeting, { words, locale, timeZone }: SentenceContext): string | undefined {
  const parts = new Map<string, string>();
  for (const part of (meeting.schedule.rrule ?? '').toUpperCase().split(';')) {
    const [name = '', value = ''] = part.split('=');
    parts.set(name, value);
  }
  if (![...parts.keys()].every((name) => SAYABLE_PARTS.has(name))) return undefined;
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const first = wall(meeting.schedule.start);
  const byDay = parts.get('BYDAY');
  const freq = parts.get('FREQ');
  const text =
    freq === 'MONTHLY' ? monthly(byDay, interval, first, words, locale) : freq === 'WEEKLY' ? weekly(byDay, interval, first, words, locale) : undefined;
  if (text === undefined || (!parts.has('COUNT') && !parts.has('UNTIL'))) return text;
  const [from, to] = firstAndLastDates(meeting, timeZone);
  return format(words.between, { schedule: text, dates: dateFormat(locale, { dateStyle: 'long' }).formatRange(from, to) });
}

/** "the 2nd Tuesday of every month", or of every few months, naming the months when they are the same every year. */
function monthly(byDay: string | undefined, interval: number, first: Date, words: ScheduleWords, locale: string): string | undefined {
  const [, position = '', day = ''] = /^(-1|[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay ?? '') ?? [];
  const nth = (words.nth as Record<string, string>)[position];
  if (nth === undefined) return undefined;
  const weekday = weekdayName(day, locale);
  if (interval === 1) return format(words.monthly, { nth, weekday });
  const text = format(interval === 2 ? words.everyOtherMonth : words.everyNMonths, { nth, weekday, n: interval });
  if (12 % interval !== 0) return text;
  const months = Array.from({ length: 12 / interval }, (_, k) => (first.getUTCMonth() + k * interval) % 12).sort((a, b) => a - b);
  const monthName = dateFormat(locale, { month: 'long' });
  return format(words.inMonths, { schedule: text, months: list(months.map((month) => monthName.format(Date.UTC(2026, month, 1))), locale) });
}

/** "every Tuesday", "every other Monday and Thursday". */
function weekly(byDay: string | undefined, interval: number, first: Date, words: ScheduleWords, locale: string): string | undefined {
  if (interval > 2) return undefined;
  // Without BYDAY a weekly rule repeats the first meeting's weekday.
  const days = byDay === undefined ? [DAYS[(first.getUTCDay() + 6) % 7] ?? ''] : byDay.split(',');
  if (!days.every((day) => DAYS.includes(day))) return undefined;
  const weekdays = list(days.sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b)).map((day) => weekdayName(day, locale)), locale);
  return format(interval === 1 ? words.weekly : words.everyOtherWeek, { weekdays });
}

/** The local dates of a rule's first and last meetings; only called for rules with COUNT or UNTIL. */
function firstAndLastDates(meeting: DescribedMeeting, timeZone: string): [Date, Date] {
  const { start } = meeting.schedule;
  // A hundred years on: a rule with an end has ended long before, and stops the expansion there.
  const horizon = `${Number(start.slice(0, 4)) + 100}${start.slice(4)}`;
  const all = occurrences(meeting, { timeZone, from: start, to: horizon });
  const date = (index: number) => wall(`${all.at(index)?.date ?? start.slice(0, 10)}T00:00`);
  return [date(0), date(-1)];
}

/** A local wall time, YYYY-MM-DDTHH:MM, as a Date to format in UTC. */
function wall(local: string): Date {
  return new Date(`${local}:00Z`);
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
}

function weekdayName(day: string, locale: string): string {
  // 5 January 2026 was a Monday.
  return dateFormat(locale, { weekday: 'long' }).format(Date.UTC(2026, 0, 5 + DAYS.indexOf(day)));
}

function list(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
