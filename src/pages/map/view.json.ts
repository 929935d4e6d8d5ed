// Where the finder map opens, and each beat's box (src/features/places/map/basemap.ts).
import type { APIRoute } from 'astro';
import { mapData } from '../../features/places/map/data.ts';

export const GET: APIRoute = async () => Response.json((await mapData()).view);
