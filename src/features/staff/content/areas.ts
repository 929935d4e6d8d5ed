// An imported boundary, described rather than drawn: the workspace does not
// load a map to show what staff cannot change here (see BeatEditor).
import { format } from '../../../lib/i18n/format.ts';
import type { BeatRow } from '../../../lib/content/rows.ts';

type Area = BeatRow['boundary'];

/** How many separate areas a boundary has, and how many corners their outlines (a ring's closing position is its first again). */
export function areaSize(area: Area): { parts: number; corners: number } {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return { parts: polygons.length, corners: polygons.reduce((sum, rings) => sum + Math.max(0, (rings[0]?.length ?? 0) - 1), 0) };
}

/** "An area of 42 corners", or "3 separate areas, 120 corners in all". */
export function boundarySummary(area: Area, words: { one: string; parts: string }): string {
  const { parts, corners } = areaSize(area);
  return format(parts === 1 ? words.one : words.parts, { parts, corners });
}
