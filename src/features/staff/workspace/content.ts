// The jurisdiction's beats, officers and workshops as the staff workspace uses
// them: for the inbox's filters, assigning a tip, a member's scope and the staff
// accounts. They grow with the jurisdiction, so they are not in the page (which
// anyone may open, and which would then weigh hundreds of kilobytes for a large
// city) but in one static file (/staff/content.json, written at build time),
// fetched once a staff member is signed in. All of it is public content.
import { getJson, type FetchJson } from '../../../lib/getJson.ts';
import type { StaffMember } from './records.ts';

export const staffContentUrl = '/staff/content.json';

export interface StaffBeat {
  id: string;
  district: string;
}

export interface StaffWorkshop {
  id: string;
  title: string;
  durationMinutes: number;
}

/** An officer as the file lists them: the beats named in their profile, and their district if they serve all of it. */
export interface StaffOfficerEntry {
  slug: string;
  name: string;
  beats: string[];
  district?: string;
}

/** What /staff/content.json holds. */
export interface StaffContentFile {
  beats: StaffBeat[];
  officers: StaffOfficerEntry[];
  workshops: StaffWorkshop[];
}

export interface StaffOfficer {
  slug: string;
  name: string;
  /** Every beat the officer serves. */
  beats: string[];
}

/** What the workspace works with: each officer with every beat they serve, by name in the reader's language. */
export interface StaffContent {
  beats: StaffBeat[];
  officers: StaffOfficer[];
  workshops: StaffWorkshop[];
}

export const beatsOfDistrict = (beats: readonly StaffBeat[], district: string): string[] =>
  beats.filter((beat) => beat.district === district).map((beat) => beat.id);

/** The beats an officer serves: those their profile names and, for a district's officer, every beat of the district. */
export function officerBeats(officer: StaffOfficerEntry, beats: readonly StaffBeat[]): string[] {
  return [...new Set([...officer.beats, ...(officer.district ? beatsOfDistrict(beats, officer.district) : [])])];
}

export function staffContent(file: StaffContentFile, locale: string): StaffContent {
  const collator = new Intl.Collator(locale);
  return {
    beats: file.beats,
    officers: file.officers.map((officer) => ({ slug: officer.slug, name: officer.name, beats: officerBeats(officer, file.beats) })).sort((a, b) => collator.compare(a.name, b.name)),
    workshops: file.workshops,
  };
}

/** The beats a member may see, as the content describes their scope; null for all of them (and items with no beat). */
export function memberBeats(content: StaffContent, member: StaffMember): string[] | null {
  if (member.role === 'coordinator') return null;
  if (member.role === 'supervisor') return member.district ? beatsOfDistrict(content.beats, member.district) : [];
  return content.officers.find((officer) => officer.slug === member.officer_slug)?.beats ?? [];
}

/**
 * Fetches the file at most once per visit. A failure is not kept, so trying
 * again asks again; a file of another shape (an old page with a new site, say)
 * is a failure too, rather than a workspace that breaks later.
 */
export function staffContentLoader(fetchJson: FetchJson = getJson): () => Promise<StaffContentFile> {
  let loading: Promise<StaffContentFile> | undefined;
  return () => {
    if (!loading) {
      const request = fetchJson(staffContentUrl).then(checked);
      request.catch(() => {
        if (loading === request) loading = undefined;
      });
      loading = request;
    }
    return loading;
  };
}

function checked(value: unknown): StaffContentFile {
  const file = value as Partial<StaffContentFile> | null;
  if (!file || !Array.isArray(file.beats) || !Array.isArray(file.officers) || !Array.isArray(file.workshops)) throw new Error(`${staffContentUrl}: not the staff workspace's content`);
  return file as StaffContentFile;
}
