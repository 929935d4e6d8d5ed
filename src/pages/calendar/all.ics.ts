// Every meeting of the jurisdiction as a subscribable calendar (see src/features/meetings/ics.ts).
import type { APIRoute } from 'astro';
import { calendarResponse, publishedAt } from '../../features/meetings/calendarFeeds.ts';
import { jurisdiction } from '../../lib/content/jurisdiction.ts';

export const GET: APIRoute = async ({ site }) => calendarResponse({ kind: 'all' }, await jurisdiction(), { origin: site, now: publishedAt });
