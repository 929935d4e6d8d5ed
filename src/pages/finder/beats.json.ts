// The finder's index of beats by bounding box: what a lookup downloads first.
import type { APIRoute } from 'astro';
import { beatSummaries } from '../../features/places/lookup.ts';
import { jurisdiction } from '../../lib/content/jurisdiction.ts';

export const GET: APIRoute = async () => Response.json(beatSummaries((await jurisdiction()).beats));
