// The jurisdiction's content as pages and endpoints use it at build time: the
// collections, already validated by their schemas, in the shapes that
// validate.ts names, loaded once per build.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getCollection } from 'astro:content';
import { streetNetworkSchema } from '../../content.config.ts';
import type { StreetNetwork } from '../geo/streets.ts';
import { siteSettings } from '../site.ts';
import { contentDir } from './folder.ts';
import type { Beat, District, Meeting, Officer, Priority, Site } from './validate.ts';

export interface Jurisdiction {
  site: Site;
  districts: District[];
  beats: Beat[];
  officers: Array<Officer & { photoUrl?: string }>;
  meetings: Meeting[];
  /** Beat and district priorities, open and closed; their supporters counted at the publish that built the site (none in a folder's build). */
  priorities: Priority[];
  /** Empty when the jurisdiction has no street network yet: the finder then works by location and map. */
  streets: StreetNetwork;
}

let loading: Promise<Jurisdiction> | undefined;

export function jurisdiction(): Promise<Jurisdiction> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Jurisdiction> {
  const entries = async <T>(name: 'districts' | 'beats' | 'meetings' | 'priorities') =>
    (await getCollection(name)).map((entry) => ({ ...(entry.data as object), id: entry.id }) as T);
  const officers = (await getCollection('officers')).map(({ id, data }) => ({
    ...data,
    id,
    // Astro processed the photo; the finder's JSON needs its URL.
    photo: undefined,
    photoUrl: (data.photo as { src: string } | undefined)?.src,
  }));
  return {
    site: await siteSettings(),
    districts: await entries<District>('districts'),
    beats: await entries<Beat>('beats'),
    officers,
    meetings: await entries<Meeting>('meetings'),
    priorities: await entries<Priority>('priorities'),
    streets: readStreets(),
  };
}

// Not a collection (only the finder reads it); the build already validated it.
function readStreets(): StreetNetwork {
  const file = path.join(contentDir(), 'streets.geojson');
  if (!existsSync(file)) return { type: 'FeatureCollection', features: [] };
  return streetNetworkSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) as StreetNetwork;
}
