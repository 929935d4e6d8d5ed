// The staff workspace's beats, officers and workshops (see src/features/staff/workspace/content.ts):
// fetched by the workspace once a staff member is signed in, never part of its page.
// An endpoint, not a page, so the sitemap does not list it.
import type { APIRoute } from 'astro';
import { staffContentFile } from '../../features/staff/workspace/staffProps.ts';

export const GET: APIRoute = async () => Response.json(await staffContentFile());
