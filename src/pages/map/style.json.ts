// The self-hosted basemap style (src/features/finder/map/style.ts).
import type { APIRoute } from 'astro';
import { mapData } from '../../features/finder/map/data.ts';

export const GET: APIRoute = async () => Response.json((await mapData()).style);
