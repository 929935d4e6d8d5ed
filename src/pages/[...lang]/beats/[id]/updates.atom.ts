// A beat's Atom feed, in each language: its priorities' news and its meetings' reports (see beatFeed.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedAt } from '../../../../features/meetings/calendarFeeds.ts';
import { meetingFilter } from '../../../../features/meetings/schedule.ts';
import { ATOM_CONTENT_TYPE, atomFeed } from '../../../../features/priorities/atom.ts';
import { beatFeed } from '../../../../features/priorities/beatFeed.ts';
import { prioritiesOfBeat } from '../../../../features/priorities/priorities.ts';
import { jurisdiction } from '../../../../lib/content/jurisdiction.ts';
import { messages } from '../../../../lib/i18n/index.ts';
import { localePaths } from '../../../../lib/i18n/pages.ts';

export const getStaticPaths = (async () => {
  const { beats } = await jurisdiction();
  return (await localePaths()).flatMap(({ params, props }) => beats.map((beat) => ({ params: { ...params, id: beat.id }, props: { ...props, beat } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { locale, beat } = props;
  const content = await jurisdiction();
  const feed = beatFeed({
    site: content.site,
    beat,
    priorities: prioritiesOfBeat(content.priorities, beat),
    meetings: content.meetings.filter(meetingFilter({ beat: beat.id }, content.beats)),
    locale,
    t: messages(locale).priorities,
    meetingWords: messages(locale).alerts.feed,
    origin: site,
    now: publishedAt,
  });
  return new Response(atomFeed(feed), { headers: { 'Content-Type': ATOM_CONTENT_TYPE } });
};
