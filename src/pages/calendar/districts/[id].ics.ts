// A district's meetings and its beats' as a subscribable calendar (see src/features/meetings/ics.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarResponse, publishedAt } from '../../../features/meetings/calendarFeeds.ts';
import { jurisdiction } from '../../../lib/content/jurisdiction.ts';

export const getStaticPaths = (async () =>
  (await jurisdiction()).districts.map(({ id }) => ({ params: { id }, props: { scope: { kind: 'district', id } as const } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => calendarResponse(props.scope, await jurisdiction(), { origin: site, now: publishedAt });
