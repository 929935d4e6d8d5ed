import { describe, expect, it } from 'vitest';
import { workshopMeeting } from './workshopMeeting.ts';

const beats = [{ id: '101', district: '1' }];
const workshops = [{ id: 'robbery-prevention', title: 'Robbery prevention for staff', durationMinutes: 90 }];
const request = {
  workshop_request_id: '1a2b3c4d-5e6f-4a0b-8c9d-0e1f2a3b4c5d',
  workshop: 'robbery-prevention',
  beat: '101',
  latitude: 41.118,
  longitude: -88.262,
  status: 'confirmed' as const,
  confirmed_at: '2026-12-03T00:30:00Z',
};

describe('a workshop request on the public calendar', () => {
  it('is listed once confirmed, and still once done, as the meeting named by the request', () => {
    const listed = { kind: 'listed', meetingId: 'workshop-1a2b3c4d-5e6f-4a0b-8c9d-0e1f2a3b4c5d', beat: '101', confirmedAt: '2026-12-03T00:30:00Z' };
    expect(workshopMeeting(request, beats, workshops)).toEqual(listed);
    expect(workshopMeeting({ ...request, status: 'completed' }, beats, workshops)).toEqual(listed);
  });

  it('is not listed before it is confirmed, or once declined', () => {
    for (const status of ['received', 'declined'] as const) {
      expect(workshopMeeting({ ...request, status, confirmed_at: null }, beats, workshops)).toEqual({ kind: 'unlisted', reason: 'not_confirmed' });
    }
  });

  it('says why a request the calendar cannot place is never listed: no point, no beat the site shows, or a workshop out of the catalogue', () => {
    expect(workshopMeeting({ ...request, latitude: null, longitude: null }, beats, workshops)).toEqual({ kind: 'unlisted', reason: 'no_place' });
    expect(workshopMeeting({ ...request, beat: null }, beats, workshops)).toEqual({ kind: 'unlisted', reason: 'no_place' });
    expect(workshopMeeting({ ...request, beat: '999' }, beats, workshops)).toEqual({ kind: 'unlisted', reason: 'no_place' });
    expect(workshopMeeting({ ...request, workshop: 'retired' }, beats, workshops)).toEqual({ kind: 'unlisted', reason: 'unknown_workshop' });
    expect(workshopMeeting({ ...request, status: 'received', confirmed_at: null, workshop: 'retired' }, beats, workshops)).toEqual({ kind: 'unlisted', reason: 'unknown_workshop' });
  });
});
