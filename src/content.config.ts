// Content collections: the jurisdiction's data, validated at build and by
// `openbeat validate`. Imports come from astro's plain entry points (not the
// astro:content virtual module) so that the CLI can load these same schemas.
// The content comes from the database when the build has a data API
// (publishedContent.ts), else from the content folder: src/content/, or the
// folder named by OPENBEAT_CONTENT. Guides are always files in the folder.
// The schemas themselves are in src/lib/content/schemas.ts.
import { defineCollection } from 'astro/content/config';
import { file, glob } from 'astro/loaders';
import { databaseLoader } from './lib/content/databaseLoader.ts';
import { contentDir } from './lib/content/folder.ts';
import { buildApi } from './lib/content/publishedContent.ts';
import { beatSchema, districtSchema, guideSchema, meetingSchema, officerSchema, prioritySchema, siteSchema, workshopSchema } from './lib/content/schemas.ts';

export * from './lib/content/schemas.ts';

const dir = contentDir();
const api = buildApi();
const json = (name: 'districts' | 'beats' | 'officers' | 'meetings' | 'priorities' | 'workshops') =>
  api ? databaseLoader(name, api) : glob({ pattern: '*.json', base: `${dir}/${name}` });

export const collections = {
  site: defineCollection({ loader: api ? databaseLoader('site', api) : file(`${dir}/site.json`), schema: siteSchema }),
  districts: defineCollection({ loader: json('districts'), schema: districtSchema }),
  beats: defineCollection({ loader: json('beats'), schema: beatSchema }),
  officers: defineCollection({ loader: json('officers'), schema: officerSchema }),
  meetings: defineCollection({ loader: json('meetings'), schema: meetingSchema }),
  guides: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: `${dir}/guides` }), schema: guideSchema }),
  priorities: defineCollection({ loader: json('priorities'), schema: prioritySchema }),
  workshops: defineCollection({ loader: json('workshops'), schema: workshopSchema }),
};
