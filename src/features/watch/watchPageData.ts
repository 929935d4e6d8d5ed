// At build time: what the watch page needs besides its words, made once per
// build however many languages the page is built in; and the beat files its
// registration form fetches (watch/beats/<id>.json), which keep each beat's
// streets out of the page: a resident needs only their own beat's.
import { jurisdiction } from '../../lib/content/jurisdiction.ts';
import { addressIndex } from '../places/addressFiles.ts';
import { approvedWatchGroups, type PublicWatchGroup } from '../../lib/content/watchGroups.ts';
import { streetsByBeat, type BeatStreetsFile } from './beatStreets.ts';

export interface WatchPageData {
  beats: Array<{ id: string; name: string }>;
  districts: Awaited<ReturnType<typeof jurisdiction>>['districts'];
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
    groups: await approvedWatchGroups(),
  };
}

/** Each beat's street file, by beat id. */
export async function beatStreetFiles(): Promise<Map<string, BeatStreetsFile>> {
  return streetsByBeat(await addressIndex(), (await jurisdiction()).beats);
}
