// Open data: every meeting occurrence in the next 90 days, cancelled and moved ones marked.
import type { APIRoute } from 'astro';
import { occurrencesBetween } from '../../features/meetings/schedule.ts';
import { jurisdiction } from '../../lib/content/jurisdiction.ts';

export const GET: APIRoute = async () => {
  const { site, meetings } = await jurisdiction();
  const from = new Date();
  const byId = new Map(meetings.map((meeting) => [meeting.id, meeting]));
  return Response.json(
    occurrencesBetween(meetings, site.timeZone, from, new Date(from.getTime() + 90 * 86_400_000)).map((occurrence) => {
      const meeting = byId.get(occurrence.meeting)!;
      return { ...occurrence, beats: meeting.beats, district: meeting.district ?? null, languages: meeting.languages, online: meeting.online ?? null };
    }),
  );
};
