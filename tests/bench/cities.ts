// The jurisdictions the bench builds: the demo city as it ships, one the size of
// Chicago (~280 beats, ~1,000 officers, ~300 recurring meetings) and ten times
// that, all from the demo generator (`openbeat demo --scale N`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { demoCity } from '../../src/cli/demo/city.ts';
import { writeDemoCity } from '../../src/cli/demo/write.ts';
import { projectRoot } from '../../supabase/local/paths.ts';

export interface BenchCity {
  key: 'demo' | 'chicago' | 'chicago10x';
  name: string;
  /** The content folder the build reads. */
  content: string;
  counts: { districts: number; beats: number; officers: number; meetings: number; recurringMeetings: number; streetSegments: number };
}

/** `openbeat demo --scale 12`: 296 beats, 872 officers, 348 recurring meetings, the closest scale to Chicago's. */
export const chicagoScale = 12;
const seed = 2026;

export function demoContent(): BenchCity {
  const content = path.join(projectRoot, 'src/content');
  return { key: 'demo', name: 'demo city (Alderbrook)', content, counts: counted(content) };
}

/** Writes the Chicago-sized city and the ten-town one into `work`. */
export async function writeLargeCities(work: string): Promise<BenchCity[]> {
  const cities: BenchCity[] = [];
  for (const { scale, ...city } of [
    { key: 'chicago', name: `Chicago-sized (demo --scale ${chicagoScale})`, content: path.join(work, 'content-chicago'), scale: chicagoScale },
    { key: 'chicago10x', name: `10x Chicago-sized (demo --scale ${chicagoScale * 10})`, content: path.join(work, 'content-chicago10x'), scale: chicagoScale * 10 },
  ]) {
    await writeDemoCity(city.content, demoCity({ scale, seed }));
    cities.push({ ...city, counts: counted(city.content) } as BenchCity);
  }
  return cities;
}

/** What a content folder holds, read from its files as the build reads them. */
function counted(content: string): BenchCity['counts'] {
  const entries = (collection: string) => readdirSync(path.join(content, collection)).filter((file) => file.endsWith('.json'));
  const meetings = entries('meetings').map(
    (file) => JSON.parse(readFileSync(path.join(content, 'meetings', file), 'utf8')) as { schedule: { rrule?: string } },
  );
  const streets = JSON.parse(readFileSync(path.join(content, 'streets.geojson'), 'utf8')) as { features: unknown[] };
  return {
    districts: entries('districts').length,
    beats: entries('beats').length,
    officers: entries('officers').length,
    meetings: meetings.length,
    recurringMeetings: meetings.filter((meeting) => meeting.schedule.rrule).length,
    streetSegments: streets.features.length,
  };
}
