// Open data: every published priority as a feature over the beats or the district it covers.
import type { APIRoute } from 'astro';
import { priorityGeometry, priorityRecord } from '../../features/priorities/openData.ts';
import { jurisdiction } from '../../lib/content/jurisdiction.ts';

export const GET: APIRoute = async ({ site }) => {
  const { beats, districts, priorities } = await jurisdiction();
  return new Response(
    JSON.stringify({
      type: 'FeatureCollection',
      features: priorities.map((priority) => {
        // The map's properties are the record without its long texts: those are in priorities.json.
        const { description: _description, updates: _updates, ...properties } = priorityRecord(priority, site);
        return { type: 'Feature', id: priority.id, properties, geometry: priorityGeometry(priority, beats, districts) };
      }),
    }),
    { headers: { 'content-type': 'application/geo+json' } },
  );
};
