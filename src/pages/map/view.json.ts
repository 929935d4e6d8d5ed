// Where the finder map opens, and each beat's box (src/features/finder/map/basemap.ts).
import type { APIRoute } from 'astro';
import { mapData } from '../../features/finder/map/data.ts';

export const GET: APIRoute = async () => Response.json((await mapData()).view);
