// Where a workshop request stands on the public calendar. The database keeps
// the meeting itself (supabase/migrations/20261122001200_workshop_meetings.sql):
// a confirmed or completed request the calendar can place is a published
// meeting, changed and published with the request. The workspace only says so,
// by the same rules, from the beats and the catalogue the site shows.
import type { StaffBeat, StaffWorkshop } from '../workspace/content.ts';
import type { WorkshopRequestRecord } from '../workspace/records.ts';

/** The meeting a request makes, named as private.workshop_meeting_id names it: the same for every time confirmed. */
export const workshopMeetingId = (workshopRequestId: string) => `workshop-${workshopRequestId}`;

export type WorkshopMeeting =
  | { kind: 'listed'; meetingId: string; beat: string; confirmedAt: string }
  | { kind: 'unlisted'; reason: 'not_confirmed' | 'no_place' | 'unknown_workshop' };

type Request = Pick<WorkshopRequestRecord, 'workshop_request_id' | 'workshop' | 'beat' | 'latitude' | 'longitude' | 'status' | 'confirmed_at'>;

/** Whether the calendar can place the request at all: the reasons it would have no meeting, whatever its status. */
export function placeOf(request: Omit<Request, 'status' | 'confirmed_at'>, beats: readonly StaffBeat[], workshops: readonly StaffWorkshop[]) {
  // A meeting of a beat the site does not show would stop the whole site from building.
  if (request.latitude === null || request.longitude === null || !beats.some((beat) => beat.id === request.beat)) return 'no_place' as const;
  if (!workshops.some((workshop) => workshop.id === request.workshop)) return 'unknown_workshop' as const;
  return null;
}

export function workshopMeeting(request: Request, beats: readonly StaffBeat[], workshops: readonly StaffWorkshop[]): WorkshopMeeting {
  const unplaced = placeOf(request, beats, workshops);
  if (unplaced) return { kind: 'unlisted', reason: unplaced };
  if ((request.status !== 'confirmed' && request.status !== 'completed') || !request.confirmed_at) return { kind: 'unlisted', reason: 'not_confirmed' };
  return { kind: 'listed', meetingId: workshopMeetingId(request.workshop_request_id), beat: request.beat!, confirmedAt: request.confirmed_at };
}
