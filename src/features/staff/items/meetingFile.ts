// A confirmed workshop as a one-off meeting of the public calendar: a content
// file (src/content/meetings/<id>.json, see meetingSchema) that staff drop
// into the content folder, published at the next build like every meeting.
import type { z } from 'astro/zod';
import type { meetingSchema } from '../../../content.config.ts';
import { slugify } from '../../../lib/slug.ts';
import type { WorkshopRequestRecord } from '../workspace/records.ts';
import { wallTime } from '../workspace/zonedTime.ts';

export type MeetingFile = z.input<typeof meetingSchema>;

export interface MeetingFileSource {
  request: Pick<WorkshopRequestRecord, 'business_name' | 'address' | 'beat' | 'latitude' | 'longitude' | 'contact_language' | 'confirmed_at' | 'status'>;
  /** The workshop in the content's catalogue; undefined if it has been removed since. */
  workshop: { title: string; durationMinutes: number } | undefined;
  /** The beat's district, so the meeting also appears in the district's calendar. */
  district: string | undefined;
  timeZone: string;
  /** The site's first language, for a request that named none. */
  defaultLanguage: string;
}

export type MeetingFileOutcome =
  | { kind: 'ready'; fileName: string; meeting: MeetingFile; text: string }
  | { kind: 'unavailable'; reason: 'not_confirmed' | 'no_place' | 'unknown_workshop' };

export function meetingFile({ request, workshop, district, timeZone, defaultLanguage }: MeetingFileSource): MeetingFileOutcome {
  if (request.status !== 'confirmed' || !request.confirmed_at) return { kind: 'unavailable', reason: 'not_confirmed' };
  // The calendar places every meeting on the map and in a beat's or district's feed.
  if (request.latitude === null || request.longitude === null || (!request.beat && !district)) return { kind: 'unavailable', reason: 'no_place' };
  if (!workshop) return { kind: 'unavailable', reason: 'unknown_workshop' };
  const start = wallTime(new Date(request.confirmed_at), timeZone);
  const meeting: MeetingFile = {
    title: workshop.title,
    kind: 'business',
    beats: request.beat ? [request.beat] : [],
    ...(district ? { district } : {}),
    venue: { name: request.business_name, address: request.address, location: [request.longitude, request.latitude] },
    schedule: { start, durationMinutes: workshop.durationMinutes },
    exceptions: [],
    languages: [request.contact_language ?? defaultLanguage],
  };
  const business = slugify(request.business_name).slice(0, 60).replace(/-+$/, '') || 'business';
  return { kind: 'ready', fileName: `workshop-${business}-${start.slice(0, 10)}.json`, meeting, text: `${JSON.stringify(meeting, null, 2)}\n` };
}
