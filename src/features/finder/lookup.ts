// The finder's lookups in the browser: which beat holds a point, and what the
// portal says about it, fetched as small static files and kept for the visit.
// The point itself never leaves the device: only the beat files are requested.
import { createBeatIndex } from '../../lib/geo/beatIndex.ts';
import { getJson, type FetchJson } from '../../lib/getJson.ts';
import type { BeatAnswer, BeatSummary } from './answers.ts';

export interface FinderData {
  /** The beat holding a point (boundaries resolve as in src/lib/geo), or undefined outside the jurisdiction. */
  beatAt(lon: number, lat: number): Promise<BeatAnswer | undefined>;
  /** A beat by id, or undefined when there is no such beat. */
  beat(id: string): Promise<BeatAnswer | undefined>;
}

export function finderData(base: string, fetchJson: FetchJson = getJson): FinderData {
  let summaries: Promise<BeatSummary[]> | undefined;
  const beats = new Map<string, Promise<BeatAnswer>>();
  const load = (id: string) => {
    let answer = beats.get(id);
    if (!answer) {
      answer = fetchJson(`${base}/beats/${encodeURIComponent(id)}.json`) as Promise<BeatAnswer>;
      // A failed download may succeed on the next try: do not keep the failure.
      answer.catch(() => beats.delete(id));
      beats.set(id, answer);
    }
    return answer;
  };
  const index = () => {
    summaries ??= fetchJson(`${base}/beats.json`) as Promise<BeatSummary[]>;
    summaries.catch(() => (summaries = undefined));
    return summaries;
  };

  return {
    async beatAt(lon, lat) {
      const around = (await index()).filter(({ bbox: [west, south, east, north] }) => lon >= west && lon <= east && lat >= south && lat <= north);
      const answers = await Promise.all(around.map(({ id }) => load(id)));
      const found = createBeatIndex(answers.map((answer) => ({ ...answer, district: answer.district.id }))).locate(lon, lat);
      return found && answers.find((answer) => answer.id === found.id);
    },
    async beat(id) {
      if (!(await index()).some((summary) => summary.id === id)) return undefined;
      return load(id);
    },
  };
}
