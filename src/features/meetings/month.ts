// The month view of the calendar: which months the site offers, and each as a
// grid of weeks (Sunday first) whose days hold their meetings by local date.
import type { Meeting } from '../../lib/content/validate.ts';
import { byDay, occurrencesBetween, type UpcomingMeeting } from './schedule.ts';

/** A day of the month and its meetings; undefined cells pad the first and last weeks. */
export interface MonthDay {
  day: number;
  /** YYYY-MM-DD */
  date: string;
  meetings: UpcomingMeeting[];
}

export type MonthWeek = Array<MonthDay | undefined>;

/** The month holding `now` in the zone and the `count - 1` after it, as YYYY-MM. */
export function calendarMonths(now: Date, timeZone: string, count = 4): string[] {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, offset) => new Date(Date.UTC(year, month - 1 + offset, 1)).toISOString().slice(0, 7));
}

/** The weeks of a month (YYYY-MM), each day with the meetings that fall on it in the zone. */
export function monthGrid(key: string, meetings: readonly Meeting[], timeZone: string): MonthWeek[] {
  const [year, month] = key.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1, 1));
  // A day either side holds the month in any zone; occurrences are then placed by their local day.
  const list = occurrencesBetween(meetings, timeZone, new Date(first.getTime() - 86_400_000), new Date(Date.UTC(year, month, 1) + 86_400_000));
  const days = new Map(byDay(list, timeZone));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: Array<MonthDay | undefined> = Array.from({ length: first.getUTCDay() }, () => undefined);
  for (let day = 1; day <= daysInMonth; day++) {
    const date = `${key}-${String(day).padStart(2, '0')}`;
    cells.push({ day, date, meetings: days.get(date) ?? [] });
  }
  while (cells.length % 7) cells.push(undefined);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
