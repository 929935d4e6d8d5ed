// Open data: the beats, as published on the portal.
import type { APIRoute } from 'astro';
import { jurisdiction } from '../../lib/content/jurisdiction.ts';

export const GET: APIRoute = async () => {
  const { beats } = await jurisdiction();
  return new Response(
    JSON.stringify({
      type: 'FeatureCollection',
      features: beats.map(({ id, name, district, neighbourhoods, boundary }) => ({ type: 'Feature', id, properties: { id, name, district, neighbourhoods }, geometry: boundary })),
    }),
    { headers: { 'content-type': 'application/geo+json' } },
  );
};
