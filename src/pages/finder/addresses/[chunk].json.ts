// One chunk of the address index: the blocks of a group of streets.
import type { APIRoute, GetStaticPaths } from 'astro';
import { addressIndex } from '../../../features/places/addressFiles.ts';

export const getStaticPaths = (async () =>
  [...(await addressIndex()).chunks].map(([chunk, data]) => ({ params: { chunk }, props: { data } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props.data);
