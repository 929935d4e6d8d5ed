// Approved neighbourhood watch groups live in the database, not in content
// files. The build reads them through the public API (approved_watch_groups:
// id, name, beat and area only), so beat pages, the watch map and the join
// form show them as of the last build.
// Without an API to ask (a plain `npm run build` with no stack running) or if
// it cannot be reached, pages list no groups and the build says so.
import type { MultiPolygon, Polygon } from 'geojson';

export interface PublicWatchGroup {
  /** What a resident joining the group sends. */
  id: string;
  name: string;
  beat: string;
  area: Polygon | MultiPolygon;
}

let loading: Promise<PublicWatchGroup[]> | undefined;

export function approvedWatchGroups(): Promise<PublicWatchGroup[]> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PublicWatchGroup[]> {
  // A hosted project's URL, or the local stack that `npm start` runs while it builds.
  const base = import.meta.env.PUBLIC_SUPABASE_URL || process.env.OPENBEAT_BUILD_API;
  const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY;
  if (!base) {
    console.warn('[openbeat] no data API during the build: beat pages list no watch groups (npm start builds with the local stack running)');
    return [];
  }
  try {
    const response = await fetch(`${base}/rest/v1/rpc/approved_watch_groups`, {
      method: 'POST',
      headers: { apikey: key, authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: '{}',
    });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    const rows = (await response.json()) as Array<Omit<PublicWatchGroup, 'id'> & { watch_group_id: string }>;
    return rows.map(({ watch_group_id: id, name, beat, area }) => ({ id, name, beat, area }));
  } catch (error) {
    console.warn(`[openbeat] watch groups could not be read from ${base} (${(error as Error).message}): beat pages list none`);
    return [];
  }
}
