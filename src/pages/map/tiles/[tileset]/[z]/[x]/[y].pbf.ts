// The finder map's vector tiles, one static file each: the beat and district
// boundaries, and the self-hosted basemap's streets, which are not written
// when the deployment brings its own basemap (PUBLIC_MAP_STYLE_URL).
import type { APIRoute, GetStaticPaths } from 'astro';
import { mapData } from '../../../../../../features/places/map/data.ts';
import { externalStyleUrl, tilesets } from '../../../../../../features/places/map/style.ts';
import { cutTiles, type Tile } from '../../../../../../features/places/map/tiles.ts';

export const getStaticPaths = (async () => {
  const { areas, streets } = await mapData();
  const sets = [
    { tileset: 'areas', tiles: cutTiles(areas, tilesets.areas) },
    { tileset: 'streets', tiles: streets && !externalStyleUrl ? cutTiles(streets, tilesets.streets) : [] },
  ];
  return sets.flatMap(({ tileset, tiles }) =>
    tiles.map(({ z, x, y, data }) => ({ params: { tileset, z: String(z), x: String(x), y: String(y) }, props: { data } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ data: Tile['data'] }> = ({ props }) =>
  new Response(props.data, { headers: { 'Content-Type': 'application/x-protobuf' } });
