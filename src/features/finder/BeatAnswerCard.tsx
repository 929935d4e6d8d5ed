// The finder's answer: the beat and district, the officers to contact, the
// next beat meeting, and what the beat is working on. Plain, linear and complete as text: the map is only an aid.
import { useEffect, useRef } from 'react';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import OfficerCard from './OfficerCard.tsx';
import type { BeatAnswer } from './answers.ts';
import type { UpcomingMeeting } from '../meetings/schedule.ts';
import { occurrenceCalendarUrl } from '../meetings/occurrenceFile.ts';

interface Props {
  answer: BeatAnswer;
  t: Messages['finder'];
  locale: string;
  timeZone: string;
  /** Where this language's pages are: '' or '/es'. */
  pagePrefix: string;
}

export default function BeatAnswerCard({ answer, t, locale, timeZone, pagePrefix }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [answer.id]);
  const now = Date.now();
  const next = answer.meetings.find((meeting) => Date.parse(meeting.end) > now && meeting.status !== 'cancelled' && meeting.kind === 'beat_meeting')
    ?? answer.meetings.find((meeting) => Date.parse(meeting.end) > now && meeting.status !== 'cancelled');
  const station = answer.district.station;

  return (
    <section aria-labelledby="finder-answer" className="space-y-6 rounded-lg border-2 border-brand-700 p-5">
      <div>
        <h2 id="finder-answer" ref={heading} tabIndex={-1} className="text-2xl font-bold">
          {format(t.beatHeading, { beat: answer.name, district: answer.district.name })}
        </h2>
        {answer.neighbourhoods.length > 0 && <p className="text-slate-700">{format(t.neighbourhoods, { names: answer.neighbourhoods.join(', ') })}</p>}
      </div>

      <div>
        <h3 className="text-xl font-semibold">{t.officersHeading}</h3>
        {answer.officers.length === 0 ? (
          <p>{t.noOfficers}</p>
        ) : (
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {answer.officers.map((officer) => (
              <OfficerCard key={officer.slug} officer={officer} t={t} locale={locale} href={`${pagePrefix}/officers/${officer.slug}`} />
            ))}
          </ul>
        )}
      </div>

      <div>
        <h3 className="text-xl font-semibold">{t.nextMeeting}</h3>
        {next ? <Meeting meeting={next} t={t} locale={locale} timeZone={timeZone} /> : <p>{t.noMeeting}</p>}
      </div>

      <div>
        <h3 className="text-xl font-semibold">{t.currentPriorities}</h3>
        {answer.priorities.length === 0 ? (
          <p>{t.noPriorities}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {answer.priorities.map((priority) => (
              <li key={priority.id}>
                <a href={`${pagePrefix}/priorities/${encodeURIComponent(priority.id)}`} className="text-brand-700 underline">
                  {priority.title}
                </a>{' '}
                <span className="text-slate-700">· {t.priorityStages[priority.stage]}</span>
              </li>
            ))}
          </ul>
        )}
      </div>

      {station && <p>{format(t.station, station)}</p>}
      <ul className="space-y-1">
        <li>
          <a href={`${pagePrefix}/beats/${answer.id}`} className="font-semibold text-brand-700 underline">
            {format(t.beatPage, { beat: answer.name })}
          </a>
        </li>
        <li>
          <a href={`${pagePrefix}/tip?beat=${encodeURIComponent(answer.id)}`} className="font-semibold text-brand-700 underline">
            {t.reportConcern}
          </a>
        </li>
        <li>
          <a href={`${pagePrefix}/alerts/?beat=${encodeURIComponent(answer.id)}`} className="text-brand-700 underline">
            {t.getAlerts}
          </a>
        </li>
      </ul>
    </section>
  );
}

function Meeting({ meeting, t, locale, timeZone }: { meeting: UpcomingMeeting; t: Messages['finder']; locale: string; timeZone: string }) {
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(meeting.start));
  const until = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(meeting.end));
  return (
    <div className="mt-2 space-y-1">
      <p className="font-semibold">{meeting.title}</p>
      <p>
        {meeting.status === 'moved' && <strong>{t.moved}: </strong>}
        <time dateTime={meeting.start}>{when}</time>–<time dateTime={meeting.end}>{until}</time>
      </p>
      <p>
        {meeting.venue.name}, {meeting.venue.address}
      </p>
      {meeting.venue.accessibility && <p className="text-sm text-slate-700">{meeting.venue.accessibility}</p>}
      {meeting.note && <p className="text-sm">{meeting.note}</p>}
      <p>
        <a href={occurrenceCalendarUrl(meeting)} download={`${meeting.meeting}.ics`} className="text-brand-700 underline">
          {t.addToCalendar}
        </a>
      </p>
    </div>
  );
}
