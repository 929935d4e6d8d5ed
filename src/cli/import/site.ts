// A content folder does not build without site.json, and a department's first
// import is usually into an empty folder. The starter file passes the schema so
// the site builds at once, with placeholders that are obviously placeholders
// and numbers the report asks the department to check.
import path from 'node:path';
import { bbox } from '@turf/bbox';
import type { Feature } from 'geojson';
import { siteSchema } from '../../content.config.ts';
import { exists } from './content.ts';
import type { Area } from './geojson.ts';
import { jsonText } from './write.ts';

export interface StarterSite {
  text: string;
  /** What the department must edit or check, one line each. */
  todo: string[];
}

/** undefined when OUT already has a site.json, which is never overwritten. */
export async function starterSite(out: string, areas: Area[]): Promise<StarterSite | undefined> {
  if (await exists(path.join(out, 'site.json'))) return undefined;
  const features: Feature[] = areas.map((geometry) => ({ type: 'Feature', properties: {}, geometry }));
  const [west, south, east, north] = bbox({ type: 'FeatureCollection', features });
  const site = {
    jurisdiction: 'Jurisdiction name (edit site.json)',
    department: 'Police department name (edit site.json)',
    timeZone: 'UTC',
    locales: ['en'],
    emergencyNumber: '911',
    nonEmergencyNumber: '311',
    map: {
      center: [(west + east) / 2, (south + north) / 2],
      bounds: [
        [west, south],
        [east, north],
      ],
    },
    sampleData: false,
  };
  siteSchema.parse(site);
  return {
    text: jsonText([{ id: 'site', ...site }]),
    todo: [
      'site.json: created; edit "jurisdiction" and "department", which are placeholders',
      'site.json: "timeZone" is UTC; set the jurisdiction\'s IANA zone (e.g. America/Chicago), since meetings are shown and recur in it',
      'site.json: check "emergencyNumber" (911) and "nonEmergencyNumber" (311), which every form shows residents',
      'site.json: "map" was set to the bounding box of the imported areas',
    ],
  };
}
