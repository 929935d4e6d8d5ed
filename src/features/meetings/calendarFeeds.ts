// Which calendar feeds the site publishes, what each one holds, and the links pages offer
// to subscribe to them. The feeds themselves are written by ics.ts.
import type { Beat, District, Meeting, Site } from '../../lib/content/validate.ts';
import { CALENDAR_CONTENT_TYPE, calendar } from './ics.ts';

/** A feed: every meeting, one district's, or one beat's. */
export type CalendarScope = { kind: 'all' } | { kind: 'district'; id: string } | { kind: 'beat'; id: string };

/** The site's path of a feed, e.g. /calendar/beats/101.ics. */
export function calendarPath(scope: CalendarScope): string {
  if (scope.kind === 'all') return '/calendar/all.ics';
  return `/calendar/${scope.kind === 'beat' ? 'beats' : 'districts'}/${encodeURIComponent(scope.id)}.ics`;
}

/**
 * Links for a "Subscribe" button and a plain download. `webcal:` makes the device open its
 * calendar app and subscribe (the app fetches the same path over https); `https` is the
 * site-relative path, e.g. calendarLinks({ kind: 'beat', id: '101' }, Astro.url.origin) is
 * { https: '/calendar/beats/101.ics', webcal: 'webcal://<host>/calendar/beats/101.ics' }.
 */
export function calendarLinks(scope: CalendarScope, origin: string | URL): { https: string; webcal: string } {
  const path = calendarPath(scope);
  return { https: path, webcal: `webcal://${new URL(origin).host}${path}` };
}

export interface CalendarContent {
  site: Site;
  districts: readonly District[];
  beats: readonly Beat[];
  meetings: readonly Meeting[];
}

/**
 * What a feed holds and is called. A district's feed has its own meetings and its beats'; a
 * beat's has its own meetings and its district's advisory council.
 */
export function calendarContents(scope: CalendarScope, content: CalendarContent): { name: string; meetings: Meeting[] } {
  const { site, districts, beats, meetings } = content;
  const name = (what: string) => `${what} meetings · ${site.jurisdiction}`;
  if (scope.kind === 'all') return { name: name('Community'), meetings: [...meetings] };
  if (scope.kind === 'district') {
    const district = districts.find((d) => d.id === scope.id);
    if (!district) throw new Error(`No district ${scope.id} for a calendar feed`);
    const its = new Set(beats.filter((beat) => beat.district === district.id).map((beat) => beat.id));
    return {
      name: name(district.name),
      meetings: meetings.filter((m) => m.district === district.id || m.beats.some((beat) => its.has(beat))),
    };
  }
  const beat = beats.find((b) => b.id === scope.id);
  if (!beat) throw new Error(`No beat ${scope.id} for a calendar feed`);
  return {
    name: name(beat.name),
    meetings: meetings.filter((m) => m.beats.includes(beat.id) || (m.kind === 'district_advisory_council' && m.district === beat.district)),
  };
}

/** When this build writes its feeds: every feed of a build carries the same DTSTAMP. */
export const publishedAt = new Date();

/** The feed as an endpoint's response. `origin` is the site's configured one (Astro's `site`), if any. */
export function calendarResponse(scope: CalendarScope, content: CalendarContent, options: { origin?: URL | undefined; now: Date }): Response {
  const { name, meetings } = calendarContents(scope, content);
  const text = calendar({ name, meetings, site: content.site, origin: options.origin, now: options.now });
  return new Response(text, { headers: { 'Content-Type': CALENDAR_CONTENT_TYPE } });
}
