// The self-hosted basemap style (src/features/places/map/style.ts).
import type { APIRoute } from 'astro';
import { mapData } from '../../features/places/map/data.ts';

export const GET: APIRoute = async () => Response.json((await mapData()).style);
