// One beat's streets, for the watch registration form's street list: the
// catalog positions of finder/addresses, whose chunks hold the blocks. The
// beat's boundary is the finder's file's (finder/beats/<id>.json).
import type { APIRoute, GetStaticPaths } from 'astro';
import { beatStreetFiles } from '../../../features/watch/watchPageData.ts';

export const getStaticPaths = (async () => [...(await beatStreetFiles())].map(([id, file]) => ({ params: { id }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props.file);
