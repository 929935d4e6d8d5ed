// Which meetings a beat's flyer names, and their next dates. A flyer has room for two:
// the beat's own meetings first, then its district's advisory council, which every
// resident of the district may attend. Youth programmes, trainings and one-off events
// are left to the beat's page: they change too often for paper.
import { upcomingMeetings, type UpcomingMeeting } from '../meetings/schedule.ts';
import type { Beat, Meeting } from '../../lib/content/validate.ts';
import type { MeetingVenue } from '../../lib/content/recurrence.ts';
import { scheduleSentence, type ScheduleWords } from './schedule.ts';

export interface FlyerMeeting {
  id: string;
  title: string;
  venue: MeetingVenue;
  /** When and where in words; undefined when the rule is not one said in words (see schedule.ts). */
  sentence: string | undefined;
  /** The next 3 dates after a sentence, 4 without one to stand for it. */
  dates: UpcomingMeeting[];
}

export interface FlyerMeetingOptions {
  words: ScheduleWords;
  locale: string;
  timeZone: string;
  /** The build's "now". */
  from: Date;
}

const MOST = 2;

export function flyerMeetings(beat: Beat, meetings: readonly Meeting[], { words, locale, timeZone, from }: FlyerMeetingOptions): FlyerMeeting[] {
  const own = meetings.filter((meeting) => meeting.beats.includes(beat.id));
  const council = meetings.filter(
    (meeting) => meeting.kind === 'district_advisory_council' && meeting.beats.length === 0 && meeting.district === beat.district,
  );
  return [...own, ...council]
    .map((meeting) => {
      const sentence = scheduleSentence(meeting, { words, locale, timeZone });
      // 400 days: four dates of a meeting held every three months.
      const dates = upcomingMeetings([meeting], { timeZone, from, days: 400, limit: sentence === undefined ? 4 : 3 });
      return { id: meeting.id, title: meeting.title, venue: meeting.venue, sentence, dates };
    })
    .filter((meeting) => meeting.dates.length > 0)
    .slice(0, MOST);
}
