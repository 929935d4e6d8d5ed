// The street catalog: what the address box suggests from as the resident types.
import type { APIRoute } from 'astro';
import { addressIndex } from '../../../features/places/addressFiles.ts';

export const GET: APIRoute = async () => Response.json((await addressIndex()).catalog);
