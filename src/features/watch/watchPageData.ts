// At build time: what the watch page needs besides its words, made once per
// build however many languages the page is built in.
import { jurisdiction } from '../../lib/content/jurisdiction.ts';
import { addressIndex } from '../finder/addressFiles.ts';
import { approvedWatchGroups, type PublicWatchGroup } from '../../lib/content/watchGroups.ts';
import { streetsByBeat } from './beatStreets.ts';

export interface WatchPageData {
  beats: Array<{ id: string; name: string }>;
  districts: Awaited<ReturnType<typeof jurisdiction>>['districts'];
  /** Catalog positions of each beat's streets, for the registration form's street list. */
  beatStreets: Record<string, string>;
  groups: PublicWatchGroup[];
}

let making: Promise<WatchPageData> | undefined;

export function watchPageData(): Promise<WatchPageData> {
  making ??= make();
  return making;
}

async function make(): Promise<WatchPageData> {
  const { beats, districts } = await jurisdiction();
  return {
    beats: beats.map(({ id, name }) => ({ id, name })),
    districts,
    beatStreets: streetsByBeat(await addressIndex(), beats),
    groups: await approvedWatchGroups(),
  };
}
