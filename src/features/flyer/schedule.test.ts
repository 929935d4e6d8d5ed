import { describe, expect, it } from 'vitest';
import { en } from '../../lib/i18n/locales/en.ts';
import { es } from '../../lib/i18n/locales/es.ts';
import { scheduleSentence, type DescribedMeeting } from './schedule.ts';

const CHICAGO = 'America/Chicago';
const larch = { name: 'Larch Community Center', address: '220 E Dunlin St', location: [-88.257373, 41.099753] as const };

function meeting(start: string, durationMinutes: number, rrule?: string): DescribedMeeting {
  return { schedule: { start, durationMinutes, rrule }, venue: larch };
}

/** ICU puts thin and narrow no-break spaces in times and ranges, and their choice changes between versions. */
function say(subject: DescribedMeeting, locale: 'en' | 'es'): string | undefined {
  const words = (locale === 'en' ? en : es).flyer.schedule;
  return scheduleSentence(subject, { words, locale, timeZone: CHICAGO })?.replace(/[\u2009\u202f]/g, ' ');
}

describe('scheduleSentence', () => {
  it('says a monthly meeting on the 2nd Tuesday in words', () => {
    const beat101 = meeting('2026-01-13T18:00', 90, 'FREQ=MONTHLY;BYDAY=2TU');
    expect(say(beat101, 'en')).toBe('The 2nd Tuesday of every month, 6:00 – 7:30 PM, Larch Community Center, 220 E Dunlin St');
    expect(say(beat101, 'es')).toBe('El segundo martes de cada mes, 18:00–19:30, Larch Community Center, 220 E Dunlin St');
  });

  it('says the last weekday of the month', () => {
    const last = meeting('2026-01-29T19:00', 60, 'FREQ=MONTHLY;BYDAY=-1TH');
    expect(say(last, 'en')).toMatch(/^The last Thursday of every month, 7:00 – 8:00 PM, /);
    expect(say(last, 'es')).toMatch(/^El último jueves de cada mes, 19:00–20:00, /);
  });

  it('says every other month, naming the months', () => {
    const beat106 = meeting('2026-01-19T18:00', 60, 'FREQ=MONTHLY;INTERVAL=2;BYDAY=3MO');
    expect(say(beat106, 'en')).toBe(
      'The 3rd Monday of every other month (January, March, May, July, September, and November), 6:00 – 7:00 PM, Larch Community Center, 220 E Dunlin St',
    );
    expect(say(beat106, 'es')).toBe(
      'El tercer lunes, cada dos meses (enero, marzo, mayo, julio, septiembre y noviembre), 18:00–19:00, Larch Community Center, 220 E Dunlin St',
    );
  });

  it('lists the months in calendar order whichever month the meeting starts in', () => {
    const quarterly = meeting('2026-05-14T18:30', 120, 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TH');
    expect(say(quarterly, 'en')).toMatch(/^The 2nd Thursday, every 3 months \(February, May, August, and November\), 6:30 – 8:30 PM, /);
    expect(say(quarterly, 'es')).toMatch(/^El segundo jueves, cada 3 meses \(febrero, mayo, agosto y noviembre\), 18:30–20:30, /);
  });

  it('says a weekly meeting with an end as a date range, ending on its last meeting', () => {
    // UNTIL is 23:59:59 on 28 August in Chicago; the last Friday before it is the 28th.
    const basketball = meeting('2026-06-05T19:00', 120, 'FREQ=WEEKLY;BYDAY=FR;UNTIL=20260829T045959Z');
    expect(say(basketball, 'en')).toBe('Every Friday, June 5 – August 28, 2026, 7:00 – 9:00 PM, Larch Community Center, 220 E Dunlin St');
    expect(say(basketball, 'es')).toBe('Cada viernes, 5 de junio – 28 de agosto de 2026, 19:00–21:00, Larch Community Center, 220 E Dunlin St');
  });

  it('reads a COUNT as the date of the last meeting, and a weekly rule without BYDAY as the first meeting’s weekday', () => {
    const course = meeting('2026-04-07T18:30', 90, 'FREQ=WEEKLY;COUNT=3');
    expect(say(course, 'en')).toMatch(/^Every Tuesday, April 7 – 21, 2026, 6:30 – 8:00 PM, /);
    expect(say(course, 'es')).toMatch(/^Cada martes, 7–21 de abril de 2026, 18:30–20:00, /);
  });

  it('says every other week, and several weekdays', () => {
    const twice = meeting('2026-03-02T10:00', 60, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE,MO');
    expect(say(twice, 'en')).toMatch(/^Every other Monday and Wednesday, 10:00 – 11:00 AM, /);
    expect(say(twice, 'es')).toMatch(/^Cada dos semanas, el lunes y miércoles, 10:00–11:00, /);
  });

  it('says the date of a one-off meeting', () => {
    const breakfast = meeting('2026-12-09T08:00', 90);
    expect(say(breakfast, 'en')).toBe('Wednesday, December 9, 2026, 8:00 – 9:30 AM, Larch Community Center, 220 E Dunlin St');
    expect(say(breakfast, 'es')).toBe('Miércoles, 9 de diciembre de 2026, 8:00–9:30, Larch Community Center, 220 E Dunlin St');
  });

  it('has no sentence for rules that are not said in one breath, so the flyer lists dates instead', () => {
    for (const rrule of [
      'FREQ=MONTHLY;BYMONTHDAY=15',
      'FREQ=MONTHLY;BYDAY=1TU,3TU',
      'FREQ=MONTHLY;BYDAY=2TU;BYMONTH=3,6,9',
      'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU',
      'FREQ=DAILY',
      'FREQ=YEARLY;BYMONTH=6;BYDAY=1SA',
    ]) {
      expect(say(meeting('2026-01-13T18:00', 60, rrule), 'en'), rrule).toBeUndefined();
    }
  });
});
