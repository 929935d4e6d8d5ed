// A content entry and its database row, both ways. The row is what the tables
// of supabase/migrations/20261122000150_content.sql hold: a column a field,
// named by its path (venue.location → venue_lon, venue_lat), null for a field
// left out. The entry is what the schemas in src/content.config.ts read; one
// made from a row still goes through its schema before it is written
// (src/cli/content/files.ts), which puts its keys in order and fills defaults.
// Whether a row is published, and when it changed, are the database's own.
import type { Beat, District, Meeting, Officer, Priority, Site, Workshop } from './validate.ts';

type LonLat = [number, number];

export interface SiteRow {
  site_id: 'site';
  jurisdiction: string;
  department: string;
  time_zone: string;
  locales: string[];
  emergency_number: string;
  non_emergency_number: string;
  contact_email: string | null;
  contact_phone: string | null;
  contact_office_hours: string | null;
  contact_address: string | null;
  map_center_lon: number;
  map_center_lat: number;
  map_south_west_lon: number;
  map_south_west_lat: number;
  map_north_east_lon: number;
  map_north_east_lat: number;
  /** site.postal, column by column: all null when the site names no postal area. */
  postal_state: string | null;
  postal_cities: string[] | null;
  postal_zips: string[] | null;
  sample_data: boolean;
}

export interface DistrictRow {
  district_id: string;
  name: string;
  station_name: string | null;
  station_address: string | null;
  station_lon: number | null;
  station_lat: number | null;
  station_phone: string | null;
  station_email: string | null;
  station_hours: string | null;
  boundary: District['boundary'];
}

export interface BeatRow {
  beat_id: string;
  name: string;
  district_id: string;
  boundary: Beat['boundary'];
  neighbourhoods: string[];
}

export interface OfficerRow {
  officer_id: string;
  name: string;
  rank: string;
  role: Officer['role'];
  beats: string[];
  district_id: string | null;
  photo: string | null;
  photo_alt: string | null;
  languages: string[];
  contact_email: string | null;
  contact_phone: string | null;
  contact_office_hours: string | null;
  bio: string;
}

interface VenueColumns {
  venue_name: string | null;
  venue_address: string | null;
  venue_lon: number | null;
  venue_lat: number | null;
  venue_accessibility: string | null;
}

export interface MeetingRow extends VenueColumns {
  meeting_id: string;
  title: string;
  kind: Meeting['kind'];
  beats: string[];
  district_id: string | null;
  schedule_start: string;
  schedule_duration_minutes: number;
  schedule_rrule: string | null;
  schedule_time_zone: string | null;
  updated_local: string | null;
  languages: string[];
  online: string | null;
}

export interface MeetingExceptionRow extends VenueColumns {
  meeting_id: string;
  position: number;
  occurrence_date: string;
  status: Meeting['exceptions'][number]['status'];
  moved_to: string | null;
  note: string | null;
}

export interface MeetingReportRow {
  meeting_id: string;
  occurrence_date: string;
  attendance: number;
  concerns: string[];
  priorities_set: string[];
  priorities_reviewed: string[];
  priorities_closed: string[];
  next_steps: string | null;
}

export interface PriorityRow {
  priority_id: string;
  title: string;
  description: string;
  beats: string[];
  district_id: string | null;
  source: Priority['source'];
  source_meeting_id: string | null;
  source_date: string | null;
  stage: Priority['stage'];
  opened_on: string;
  review_on: string | null;
  outcome: NonNullable<Priority['outcome']>['result'] | null;
  outcome_note: string | null;
  closed_on: string | null;
  /** Counted by published_content(), not a column: absent from what an import writes. */
  supporters?: number;
}

export interface PriorityUpdateRow {
  priority_id: string;
  position: number;
  posted_on: string;
  stage: Priority['stage'];
  body: string;
}

export interface WorkshopRow {
  workshop_id: string;
  title: string;
  kind: Workshop['kind'];
  description: string;
  duration_minutes: number;
  minimum_attendees: number;
}

/** The fields that have a value: a null column is a field the file leaves out. */
function given<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as { [K in keyof T]?: Exclude<T[K], null> };
}

type Venue = Meeting['venue'];

function venueColumns(venue: Venue | undefined): VenueColumns {
  return {
    venue_name: venue?.name ?? null,
    venue_address: venue?.address ?? null,
    venue_lon: venue?.location[0] ?? null,
    venue_lat: venue?.location[1] ?? null,
    venue_accessibility: venue?.accessibility ?? null,
  };
}

function venueOf(row: VenueColumns): Venue | undefined {
  if (row.venue_name === null || row.venue_address === null || row.venue_lon === null || row.venue_lat === null) return undefined;
  return { name: row.venue_name, address: row.venue_address, location: [row.venue_lon, row.venue_lat], ...given({ accessibility: row.venue_accessibility }) };
}

export function siteRow(site: Site): SiteRow {
  const [[westLon, southLat], [eastLon, northLat]] = site.map.bounds;
  return {
    site_id: 'site',
    jurisdiction: site.jurisdiction,
    department: site.department,
    time_zone: site.timeZone,
    locales: site.locales,
    emergency_number: site.emergencyNumber,
    non_emergency_number: site.nonEmergencyNumber,
    contact_email: site.contact.email ?? null,
    contact_phone: site.contact.phone ?? null,
    contact_office_hours: site.contact.officeHours ?? null,
    contact_address: site.contact.address ?? null,
    map_center_lon: site.map.center[0],
    map_center_lat: site.map.center[1],
    map_south_west_lon: westLon,
    map_south_west_lat: southLat,
    map_north_east_lon: eastLon,
    map_north_east_lat: northLat,
    postal_state: site.postal?.state ?? null,
    postal_cities: site.postal?.cities ?? null,
    postal_zips: site.postal?.zips ?? null,
    sample_data: site.sampleData,
  };
}

export function siteEntry(row: SiteRow): Site {
  return {
    jurisdiction: row.jurisdiction,
    department: row.department,
    timeZone: row.time_zone,
    locales: row.locales as Site['locales'],
    emergencyNumber: row.emergency_number,
    nonEmergencyNumber: row.non_emergency_number,
    contact: given({ email: row.contact_email, phone: row.contact_phone, officeHours: row.contact_office_hours, address: row.contact_address }),
    map: {
      center: [row.map_center_lon, row.map_center_lat],
      bounds: [
        [row.map_south_west_lon, row.map_south_west_lat],
        [row.map_north_east_lon, row.map_north_east_lat],
      ],
    },
    ...(row.postal_cities !== null && { postal: { ...given({ state: row.postal_state }), cities: row.postal_cities, zips: row.postal_zips ?? [] } }),
    sampleData: row.sample_data,
  };
}

export function districtRow(district: District): DistrictRow {
  const { station } = district;
  return {
    district_id: district.id,
    name: district.name,
    station_name: station?.name ?? null,
    station_address: station?.address ?? null,
    station_lon: station?.location[0] ?? null,
    station_lat: station?.location[1] ?? null,
    station_phone: station?.phone ?? null,
    station_email: station?.email ?? null,
    station_hours: station?.hours ?? null,
    boundary: district.boundary,
  };
}

export function districtEntry(row: DistrictRow): District {
  const { station_name: name, station_address: address, station_lon: lon, station_lat: lat, station_phone: phone, station_hours: hours } = row;
  // The database holds a station whole or not at all (districts_station_whole).
  const station =
    name !== null && address !== null && lon !== null && lat !== null && phone !== null && hours !== null
      ? { name, address, location: [lon, lat] as LonLat, phone, ...given({ email: row.station_email }), hours }
      : undefined;
  return { id: row.district_id, name: row.name, ...(station && { station }), boundary: row.boundary };
}

export function beatRow(beat: Beat): BeatRow {
  return { beat_id: beat.id, name: beat.name, district_id: beat.district, boundary: beat.boundary, neighbourhoods: beat.neighbourhoods };
}

export function beatEntry(row: BeatRow): Beat {
  return { id: row.beat_id, name: row.name, district: row.district_id, boundary: row.boundary, neighbourhoods: row.neighbourhoods };
}

export function officerRow(officer: Officer): OfficerRow {
  return {
    officer_id: officer.id,
    name: officer.name,
    rank: officer.rank,
    role: officer.role,
    beats: officer.beats,
    district_id: officer.district ?? null,
    // outside Astro a photo is its file name (validate.ts reads it so)
    photo: typeof officer.photo === 'string' ? officer.photo : null,
    photo_alt: officer.photoAlt ?? null,
    languages: officer.languages,
    contact_email: officer.contact.email ?? null,
    contact_phone: officer.contact.phone ?? null,
    contact_office_hours: officer.contact.officeHours ?? null,
    bio: officer.bio,
  };
}

export function officerEntry(row: OfficerRow): Officer {
  return {
    id: row.officer_id,
    name: row.name,
    rank: row.rank,
    role: row.role,
    beats: row.beats,
    ...given({ district: row.district_id, photo: row.photo, photoAlt: row.photo_alt }),
    languages: row.languages,
    contact: given({ email: row.contact_email, phone: row.contact_phone, officeHours: row.contact_office_hours }),
    bio: row.bio,
  };
}

/** A meeting's row, and one row for each of its exceptions, in the file's order. */
export function meetingRows(meeting: Meeting): { meeting: MeetingRow; exceptions: MeetingExceptionRow[]; reports: MeetingReportRow[] } {
  return {
    meeting: {
      meeting_id: meeting.id,
      title: meeting.title,
      kind: meeting.kind,
      beats: meeting.beats,
      district_id: meeting.district ?? null,
      ...venueColumns(meeting.venue),
      schedule_start: meeting.schedule.start,
      schedule_duration_minutes: meeting.schedule.durationMinutes,
      schedule_rrule: meeting.schedule.rrule ?? null,
      schedule_time_zone: meeting.schedule.timeZone ?? null,
      updated_local: meeting.updated ?? null,
      languages: meeting.languages,
      online: meeting.online ?? null,
    },
    exceptions: meeting.exceptions.map((exception, position) => ({
      meeting_id: meeting.id,
      position,
      occurrence_date: exception.date,
      status: exception.status,
      moved_to: exception.movedTo ?? null,
      ...venueColumns(exception.venue),
      note: exception.note ?? null,
    })),
    reports: meeting.reports.map((report) => meetingReportRow(meeting.id, report)),
  };
}

/** One report of a meeting as its row. */
export function meetingReportRow(meetingId: string, report: Meeting['reports'][number]): MeetingReportRow {
  return {
    meeting_id: meetingId,
    occurrence_date: report.date,
    attendance: report.attendance,
    concerns: report.concerns,
    priorities_set: report.priorities.set,
    priorities_reviewed: report.priorities.reviewed,
    priorities_closed: report.priorities.closed,
    next_steps: report.nextSteps ?? null,
  };
}

/** A meeting from its row, its exceptions' rows (in any order: position puts them in the file's) and its reports'. */
export function meetingEntry(row: MeetingRow, exceptions: readonly MeetingExceptionRow[], reports: readonly MeetingReportRow[] = []): Meeting {
  const venue = venueOf(row);
  if (!venue) throw new Error(`meeting ${row.meeting_id} has no venue`);
  return {
    id: row.meeting_id,
    title: row.title,
    kind: row.kind,
    beats: row.beats,
    ...given({ district: row.district_id }),
    venue,
    schedule: {
      start: row.schedule_start,
      durationMinutes: row.schedule_duration_minutes,
      ...given({ rrule: row.schedule_rrule, timeZone: row.schedule_time_zone }),
    },
    exceptions: [...exceptions]
      .sort((a, b) => a.position - b.position)
      .map((exception) => {
        const other = venueOf(exception);
        return {
          date: exception.occurrence_date,
          status: exception.status,
          ...given({ movedTo: exception.moved_to }),
          ...(other && { venue: other }),
          ...given({ note: exception.note }),
        };
      }),
    reports: [...reports]
      .sort((a, b) => a.occurrence_date.localeCompare(b.occurrence_date))
      .map((report) => ({
        date: report.occurrence_date,
        attendance: report.attendance,
        concerns: report.concerns,
        priorities: { set: report.priorities_set, reviewed: report.priorities_reviewed, closed: report.priorities_closed },
        ...given({ nextSteps: report.next_steps }),
      })),
    ...given({ updated: row.updated_local }),
    languages: row.languages,
    ...given({ online: row.online }),
  };
}

export function workshopRow(workshop: Workshop): WorkshopRow {
  return {
    workshop_id: workshop.id,
    title: workshop.title,
    kind: workshop.kind,
    description: workshop.description,
    duration_minutes: workshop.durationMinutes,
    minimum_attendees: workshop.minimumAttendees,
  };
}

export function workshopEntry(row: WorkshopRow): Workshop {
  return {
    id: row.workshop_id,
    title: row.title,
    kind: row.kind,
    description: row.description,
    durationMinutes: row.duration_minutes,
    minimumAttendees: row.minimum_attendees,
  };
}

/** A priority's row, and one row for each of its updates, in the file's order. */
export function priorityRows(priority: Priority): { priority: PriorityRow; updates: PriorityUpdateRow[] } {
  return {
    priority: {
      priority_id: priority.id,
      title: priority.title,
      description: priority.description,
      beats: priority.beats,
      district_id: priority.district ?? null,
      source: priority.source,
      source_meeting_id: priority.sourceMeeting?.meeting ?? null,
      source_date: priority.sourceMeeting?.date ?? null,
      stage: priority.stage,
      opened_on: priority.opened,
      review_on: priority.reviewBy ?? null,
      outcome: priority.outcome?.result ?? null,
      outcome_note: priority.outcome?.text ?? null,
      closed_on: priority.outcome?.closed ?? null,
    },
    updates: priority.updates.map((update, position) => ({
      priority_id: priority.id,
      position,
      posted_on: update.date,
      stage: update.stage,
      body: update.text,
    })),
  };
}

/** A priority from its row and its updates' rows (in any order: position puts them in the file's). */
export function priorityEntry(row: PriorityRow, updates: readonly PriorityUpdateRow[]): Priority {
  const { outcome, outcome_note: text, closed_on: closed } = row;
  return {
    id: row.priority_id,
    title: row.title,
    description: row.description,
    beats: row.beats,
    ...given({ district: row.district_id }),
    source: row.source,
    ...(row.source_meeting_id !== null && row.source_date !== null && { sourceMeeting: { meeting: row.source_meeting_id, date: row.source_date } }),
    stage: row.stage,
    opened: row.opened_on,
    ...given({ reviewBy: row.review_on }),
    updates: [...updates]
      .sort((a, b) => a.position - b.position)
      .map((update) => ({ date: update.posted_on, stage: update.stage, text: update.body })),
    ...(outcome !== null && text !== null && closed !== null && { outcome: { result: outcome, text, closed } }),
    ...(row.supporters !== undefined && { supporters: row.supporters }),
  };
}

/** Every content table's rows, as public.published_content() answers them. */
export interface ContentRows {
  site: SiteRow | null;
  districts: DistrictRow[];
  beats: BeatRow[];
  officers: OfficerRow[];
  meetings: MeetingRow[];
  meeting_exceptions: MeetingExceptionRow[];
  meeting_reports: MeetingReportRow[];
  priorities: PriorityRow[];
  priority_updates: PriorityUpdateRow[];
  workshops: WorkshopRow[];
}

/** The entries of a jurisdiction, as a content folder holds them. */
export interface ContentOfEntries {
  site?: Site;
  districts: District[];
  beats: Beat[];
  officers: Officer[];
  meetings: Meeting[];
  priorities: Priority[];
  workshops: Workshop[];
}

/** A jurisdiction's entries as the tables' rows. */
export function contentRows(content: ContentOfEntries): ContentRows {
  const meetings = content.meetings.map(meetingRows);
  const priorities = content.priorities.map(priorityRows);
  return {
    site: content.site ? siteRow(content.site) : null,
    districts: content.districts.map(districtRow),
    beats: content.beats.map(beatRow),
    officers: content.officers.map(officerRow),
    meetings: meetings.map((meeting) => meeting.meeting),
    meeting_exceptions: meetings.flatMap((meeting) => meeting.exceptions),
    meeting_reports: meetings.flatMap((meeting) => meeting.reports),
    priorities: priorities.map((priority) => priority.priority),
    priority_updates: priorities.flatMap((priority) => priority.updates),
    workshops: content.workshops.map(workshopRow),
  };
}

/** The tables' rows as entries, each meeting with its exceptions. */
export function contentEntries(rows: ContentRows): ContentOfEntries {
  const exceptionsOf = Map.groupBy(rows.meeting_exceptions, (exception) => exception.meeting_id);
  const reportsOf = Map.groupBy(rows.meeting_reports, (report) => report.meeting_id);
  const updatesOf = Map.groupBy(rows.priority_updates, (update) => update.priority_id);
  return {
    ...(rows.site && { site: siteEntry(rows.site) }),
    districts: rows.districts.map(districtEntry),
    beats: rows.beats.map(beatEntry),
    officers: rows.officers.map(officerEntry),
    meetings: rows.meetings.map((meeting) => meetingEntry(meeting, exceptionsOf.get(meeting.meeting_id) ?? [], reportsOf.get(meeting.meeting_id) ?? [])),
    priorities: rows.priorities.map((priority) => priorityEntry(priority, updatesOf.get(priority.priority_id) ?? [])),
    workshops: rows.workshops.map(workshopEntry),
  };
}
