// Which beat holds a point, in the browser, from the finder's static files: an
// index of beats by bounding box (finder/beats.json) and one file per beat
// (finder/beats/<id>.json, the finder's answer), fetched as needed and kept for
// the visit. The point itself never leaves the device: only beat files are requested.
import type { MultiPolygon, Polygon } from 'geojson';
import { bbox } from '@turf/bbox';
import { createBeatIndex } from '../../lib/geo/beatIndex.ts';
import { getJson, type FetchJson } from '../../lib/getJson.ts';

export interface BeatSummary {
  id: string;
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
}

/** What every beat file holds, whatever else the finder's answer adds. */
export interface LocatedBeat {
  id: string;
  name: string;
  district: { id: string };
  boundary: Polygon | MultiPolygon;
}

/** The index the build writes for the lookup. */
export function beatSummaries(beats: readonly Pick<LocatedBeat, 'id' | 'boundary'>[]): BeatSummary[] {
  return beats.map((beat) => ({ id: beat.id, bbox: bbox(beat.boundary) as BeatSummary['bbox'] }));
}

export interface FinderData<B extends LocatedBeat> {
  /** The beat holding a point (boundaries resolve as in src/lib/geo), or undefined outside the jurisdiction. */
  beatAt(lon: number, lat: number): Promise<B | undefined>;
  /** A beat by id, or undefined when there is no such beat. */
  beat(id: string): Promise<B | undefined>;
}

export function finderData<B extends LocatedBeat = LocatedBeat>(base: string, fetchJson: FetchJson = getJson): FinderData<B> {
  let summaries: Promise<BeatSummary[]> | undefined;
  const beats = new Map<string, Promise<B>>();
  const load = (id: string) => {
    let answer = beats.get(id);
    if (!answer) {
      answer = fetchJson(`${base}/beats/${encodeURIComponent(id)}.json`) as Promise<B>;
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
