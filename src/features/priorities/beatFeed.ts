// A beat's Atom feed: an entry for each priority opened, updated and closed,
// for each report of its meetings, and for each of their dates cancelled or
// moved (the news beat alerts email, for those who would rather not give an
// address), so a feed reader hears of them without checking the beat's page. The entries are data (atom.ts writes them); what
// else the feed comes to carry is more entries from elsewhere.
import { Temporal } from 'temporal-polyfill';
import type { Beat, Meeting, Priority, Site } from '../../lib/content/validate.ts';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { localized } from '../../lib/i18n/routes.ts';
import { stableId, type AtomEntry, type AtomFeed } from './atom.ts';
import { dayLabel, priorityPath, reportPath, reportsOf, timeline } from './priorities.ts';

export const beatFeedPath = (beatId: string) => `/beats/${encodeURIComponent(beatId)}/updates.atom`;

interface BeatFeedInput {
  site: Site;
  beat: Beat;
  /** The beat's priorities (prioritiesOfBeat). */
  priorities: readonly Priority[];
  /** The beat's meetings (meetingFilter for the beat). */
  meetings: readonly Meeting[];
  locale: string;
  t: Messages['priorities'];
  /** The words for meetings' cancelled and moved dates. */
  meetingWords: Messages['alerts']['feed'];
  /** The site's configured address, if any: links are absolute with it, site-relative without. */
  origin: URL | undefined;
  /** The feed's date while it has no entry. */
  now: Date;
}

export function beatFeed({ site, beat, priorities, meetings, locale, t, meetingWords, origin, now }: BeatFeedInput): AtomFeed {
  const url = (path: string) => (origin ? new URL(localized(site.locales, locale, path), origin).href : localized(site.locales, locale, path));
  // An entry's date is the start of its local day: the content knows days, not times.
  const at = (date: string) => Temporal.PlainDate.from(date).toZonedDateTime(site.timeZone).toInstant().toString();
  // Ids name what happened, not the language it is told in: a reader following both feeds sees the same entries.
  const id = (key: string) => stableId(site.jurisdiction, key);

  const priorityEntries = priorities.flatMap((priority) => {
    const link = url(priorityPath(priority.id));
    const onDay = new Map<string, number>();
    return timeline(priority).map((event): AtomEntry => {
      const base = { updated: at(event.date), link };
      switch (event.kind) {
        case 'opened':
          return { ...base, id: id(`priority/${priority.id}/opened`), title: format(t.feed.opened, { title: priority.title }), content: priority.description };
        case 'update': {
          // Two updates on one day stay two entries.
          const nth = (onDay.get(event.date) ?? 0) + 1;
          onDay.set(event.date, nth);
          const title = event.movedTo ? format(t.feed.moved, { title: priority.title, stage: t.sara[event.movedTo] }) : format(t.feed.update, { title: priority.title });
          return { ...base, id: id(`priority/${priority.id}/update/${event.date}/${nth}`), title, content: event.text };
        }
        case 'closed':
          return {
            ...base,
            id: id(`priority/${priority.id}/closed`),
            title: format(t.feed.closed, { title: priority.title, outcome: t.outcomes[event.outcome.result] }),
            content: event.outcome.text,
          };
      }
    });
  });

  const reportEntries = reportsOf(meetings).map(({ meeting, report }): AtomEntry => ({
    id: id(`report/${meeting.id}/${report.date}`),
    title: format(t.feed.report, { meeting: meeting.title, date: dayLabel(report.date, locale) }),
    updated: at(report.date),
    link: url(reportPath(meeting.id, report.date)),
    content: [
      format(t.feed.attended, { count: report.attendance }),
      report.concerns.length > 0 ? format(t.feed.concerns, { concerns: report.concerns.join('; ') }) : '',
      report.nextSteps ? format(t.feed.nextSteps, { text: report.nextSteps }) : '',
    ]
      .filter(Boolean)
      .join(' '),
  }));

  // Told when the meeting last changed (its `updated`, which every cancellation and move sets), or
  // else on the day itself; a date moved again is a new entry, since it is new news.
  const exceptionEntries = meetings.flatMap((meeting) =>
    meeting.exceptions.map((exception): AtomEntry => {
      const when = exception.movedTo ? exception.movedTo.replace('T', ' ') : '';
      const title =
        exception.status === 'cancelled'
          ? format(meetingWords.cancelled, { meeting: meeting.title, date: dayLabel(exception.date, locale) })
          : format(meetingWords.moved, { meeting: meeting.title, date: dayLabel(exception.date, locale), when });
      return {
        id: id(`meeting/${meeting.id}/${exception.date}/${exception.status}${exception.movedTo ? `/${exception.movedTo}` : ''}`),
        title,
        updated: meeting.updated ? Temporal.PlainDateTime.from(meeting.updated).toZonedDateTime(site.timeZone).toInstant().toString() : at(exception.date),
        link: url(`/beats/${encodeURIComponent(beat.id)}`),
        content: exception.note ? `${title}. ${exception.note}` : title,
      };
    }),
  );

  return {
    id: id(`beat/${beat.id}/updates`),
    title: format(t.feed.title, { beat: beat.name, jurisdiction: site.jurisdiction }),
    language: locale,
    author: site.department,
    self: url(beatFeedPath(beat.id)),
    alternate: url(`/beats/${encodeURIComponent(beat.id)}`),
    updated: now.toISOString(),
    entries: [...priorityEntries, ...reportEntries, ...exceptionEntries],
  };
}
