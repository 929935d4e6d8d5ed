// Open data: officers and their public contact details (what their pages show).
import type { APIRoute } from 'astro';
import { officerCard } from '../../features/finder/answers.ts';
import { jurisdiction } from '../../lib/content/jurisdiction.ts';

export const GET: APIRoute = async () => {
  const { officers } = await jurisdiction();
  return Response.json(officers.map((officer) => ({ ...officerCard(officer), beats: officer.beats, district: officer.district ?? null, bio: officer.bio })));
};
