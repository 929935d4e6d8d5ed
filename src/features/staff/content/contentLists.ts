// What the content desk lists for a member, as staff_access.edits decides
// what they may change: everyone their meetings and officers (an officer,
// their own profile); a supervisor also their district's beats; a
// coordinator also every beat, the districts, the workshop catalogue and the
// site settings. A big city's beats (some three hundred) are found with a
// filter and read grouped by district.
import type { StaffMember, StaffRole } from '../workspace/records.ts';
import type { EditedKind, ListedBeat, ListedDistrict } from './contentEdits.ts';

const kindsOf: Record<StaffRole, readonly EditedKind[]> = {
  officer: ['meeting', 'priority', 'officer'],
  supervisor: ['meeting', 'priority', 'officer', 'beat'],
  coordinator: ['meeting', 'priority', 'officer', 'beat', 'district', 'workshop', 'site'],
};

/** The kinds of content a role edits, in the order the desk lists them. */
export const editedKinds = (role: StaffRole): readonly EditedKind[] => kindsOf[role];

/**
 * Whether a member may edit a meeting or a priority, as staff_access.edits
 * decides from where it belongs: one of its beats is among the member's
 * (`beats` null for every beat), or, for a supervisor, its district is theirs.
 */
export const editsPlace = (member: StaffMember, beats: readonly string[] | null, row: { beats: readonly string[]; district_id: string | null }) =>
  beats === null || row.beats.some((beat) => beats.includes(beat)) || (member.role === 'supervisor' && row.district_id === member.district);

export interface BeatGroup {
  district: string;
  /** The district's name, when it has a row. */
  name: string | undefined;
  beats: ListedBeat[];
}

/** Lowercase, without accents: "Peña" is found by "pena". */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * The beats whose number, name or neighbourhoods hold the query (all of them
 * for an empty one), grouped by district; districts and beats in number order
 * (2 before 10), and a district with no beat left out.
 */
export function beatGroups(beats: readonly ListedBeat[], districts: readonly ListedDistrict[], query: string, locale = 'en'): BeatGroup[] {
  const wanted = folded(query.trim());
  const collator = new Intl.Collator(locale, { numeric: true });
  const names = new Map(districts.map((district) => [district.district_id, district.name]));
  const found = beats.filter((beat) => wanted === '' || [beat.beat_id, beat.name, ...beat.neighbourhoods].some((text) => folded(text).includes(wanted)));
  return [...Map.groupBy(found, (beat) => beat.district_id)]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([district, inDistrict]) => ({ district, name: names.get(district), beats: inDistrict.sort((a, b) => collator.compare(a.beat_id, b.beat_id)) }));
}
