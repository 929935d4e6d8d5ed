// What the finder shows for a beat, prepared at build time as small static
// JSON files: an index of beats by bounding box (finder/beats.json), and one
// file per beat with its boundary and the whole answer (finder/beats/<id>.json),
// its current priorities one line each.
// A lookup downloads the index and the one or two beats whose box holds the
// point: never the whole map, and never anything about the resident.
import type { MultiPolygon, Polygon } from 'geojson';
import { upcomingMeetings, type UpcomingMeeting } from '../meetings/schedule.ts';
import { currentAndRecentlyClosed, localDate, prioritiesOfBeat, type SaraStage } from '../priorities/priorities.ts';
import type { Beat, District, Meeting, Officer, Priority } from '../../lib/content/validate.ts';

export interface OfficerCard {
  slug: string;
  name: string;
  rank: string;
  role: string;
  languages: string[];
  contact: { email?: string | undefined; phone?: string | undefined; officeHours?: string | undefined };
  photo?: string | undefined;
  photoAlt?: string | undefined;
}

export interface BeatAnswer {
  id: string;
  name: string;
  neighbourhoods: string[];
  district: { id: string; name: string; station?: { name: string; address: string; phone: string; hours: string } | undefined };
  officers: OfficerCard[];
  /** Occurrences from the build on, soonest first; the browser skips those already past. */
  meetings: UpcomingMeeting[];
  /** What the beat is working on: a title and a stage each, to keep the answer small; the page has the rest. */
  priorities: Array<{ id: string; title: string; stage: SaraStage }>;
  boundary: Polygon | MultiPolygon;
}

// Officers who serve a beat first (community policing officers before patrol),
// then the district's, so the card leads with the person to contact.
const roleOrder = ['community_policing_officer', 'beat_officer', 'sergeant', 'youth_officer', 'liaison_officer', 'lieutenant', 'commander', 'coordinator'];

interface AnswerInput {
  districts: readonly District[];
  officers: readonly (Officer & { photoUrl?: string })[];
  meetings: readonly Meeting[];
  priorities: readonly Priority[];
  timeZone: string;
  /** The build's "now": meetings are listed from here for `days`. */
  from: Date;
  days?: number;
}

export function beatAnswer(beat: Beat, { districts, officers, meetings, priorities, timeZone, from, days = 120 }: AnswerInput): BeatAnswer {
  const district = districts.find((d) => d.id === beat.district);
  const serving = officers
    .filter((officer) => officer.beats.includes(beat.id) || (officer.district === beat.district && officer.beats.length === 0))
    .sort((a, b) => Number(b.beats.includes(beat.id)) - Number(a.beats.includes(beat.id)) || roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.name.localeCompare(b.name));
  const upcoming = upcomingMeetings(
    meetings.filter((meeting) => meeting.beats.includes(beat.id) || (meeting.beats.length === 0 && meeting.district === beat.district)),
    { timeZone, from, days },
  );

  return {
    id: beat.id,
    name: beat.name,
    neighbourhoods: beat.neighbourhoods,
    district: {
      id: beat.district,
      name: district?.name ?? beat.district,
      station: district?.station && {
        name: district.station.name,
        address: district.station.address,
        phone: district.station.phone,
        hours: district.station.hours,
      },
    },
    officers: serving.map(officerCard),
    meetings: upcoming,
    priorities: currentAndRecentlyClosed(prioritiesOfBeat(priorities, beat), localDate(from, timeZone)).current.map(({ id, title, stage }) => ({ id, title, stage })),
    boundary: beat.boundary,
  };
}

/** What a page or the finder shows of an officer. */
export function officerCard(officer: Officer & { photoUrl?: string }): OfficerCard {
  return {
    slug: officer.id,
    name: officer.name,
    rank: officer.rank,
    role: officer.role,
    languages: officer.languages,
    contact: officer.contact,
    photo: officer.photoUrl,
    photoAlt: officer.photoAlt,
  };
}
