// Open data: every published priority, open and closed, with its updates and outcome.
import type { APIRoute } from 'astro';
import { priorityRecord } from '../../features/priorities/openData.ts';
import { jurisdiction } from '../../lib/content/jurisdiction.ts';

export const GET: APIRoute = async ({ site }) => Response.json((await jurisdiction()).priorities.map((priority) => priorityRecord(priority, site)));
