// Open data: the districts and their stations.
import type { APIRoute } from 'astro';
import { jurisdiction } from '../../lib/content/jurisdiction.ts';

export const GET: APIRoute = async () => {
  const { districts } = await jurisdiction();
  return new Response(
    JSON.stringify({
      type: 'FeatureCollection',
      features: districts.map(({ id, name, station, boundary }) => ({ type: 'Feature', id, properties: { id, name, station: station ?? null }, geometry: boundary })),
    }),
    { headers: { 'content-type': 'application/geo+json' } },
  );
};
