// The priorities as open data: one record each, in the JSON and the GeoJSON
// files, and the area each covers as a geometry.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Beat, District, Priority } from '../../lib/content/validate.ts';
import { lastUpdate, priorityPath } from './priorities.ts';

export interface PriorityRecord {
  id: string;
  title: string;
  description: string;
  stage: Priority['stage'];
  source: Priority['source'];
  beats: string[];
  district: string | null;
  opened: string;
  reviewBy: string | null;
  lastUpdate: string;
  outcome: Priority['outcome'] | null;
  updates: Priority['updates'];
  /** Counted at the publish that built the site; null where nobody counts (a folder's build). */
  supporters: number | null;
  url: string;
}

/** `origin` is the site's configured address, if any; without it the url is site-relative. */
export function priorityRecord(priority: Priority, origin: URL | undefined): PriorityRecord {
  const path = priorityPath(priority.id);
  return {
    id: priority.id,
    title: priority.title,
    description: priority.description,
    stage: priority.stage,
    source: priority.source,
    beats: priority.beats,
    district: priority.district ?? null,
    opened: priority.opened,
    reviewBy: priority.reviewBy ?? null,
    lastUpdate: lastUpdate(priority),
    outcome: priority.outcome ?? null,
    updates: priority.updates,
    supporters: priority.supporters ?? null,
    url: origin ? new URL(path, origin).href : path,
  };
}

/** The area a priority covers: its district's boundary when it has one, else its beats' together. */
export function priorityGeometry(priority: Priority, beats: readonly Beat[], districts: readonly District[]): Polygon | MultiPolygon {
  const district = priority.district === undefined ? undefined : districts.find((d) => d.id === priority.district);
  if (district) return district.boundary;
  const boundaries = priority.beats.map((id) => beats.find((beat) => beat.id === id)!.boundary);
  if (boundaries.length === 1) return boundaries[0]!;
  return { type: 'MultiPolygon', coordinates: boundaries.flatMap((boundary) => (boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates)) };
}
