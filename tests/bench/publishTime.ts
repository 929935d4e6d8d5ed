// Save → live: how long a one-meeting change takes to reach residents under
// `npm start`, on a stack of its own that publishes (supabase/local/publisher.ts,
// driving the publish Edge Function): from the commit of the change to the
// first moment its beat's page is served with it, and the build inside that.
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startTestStack, temporaryDataDir } from '../support/testStack.ts';
import type { BenchCity } from './cities.ts';

export interface PublishFigures {
  city: string;
  /** The first build of the stack's start, of the whole city. */
  firstBuildSeconds: number;
  /** From the change's commit to its beat's page serving it. */
  saveToLiveSeconds: number;
  /** The build that published it, within that time. */
  buildSeconds: number;
}

const patienceMs = 5 * 60_000;

export async function measurePublish(city: BenchCity): Promise<PublishFigures> {
  const dir = temporaryDataDir();
  const { stack, info, stop } = await startTestStack(dir, undefined, { sitesDir: path.join(dir, 'sites'), env: { OPENBEAT_CONTENT: city.content } }, city.content);
  const db = new pg.Client({ connectionString: info.databaseUrl });
  try {
    const first = await stack.publisher!.first;
    if (first.outcome !== 'published') throw new Error(`the first publish of ${city.name} failed: ${first.problems[0] ?? ''}`);
    await db.connect();
    const { rows } = await db.query<{ meeting_id: string; beat: string }>(
      'select meeting_id, beats[1] as beat from public.meetings where published and cardinality(beats) > 0 order by meeting_id limit 1',
    );
    const meeting = rows[0];
    if (!meeting) throw new Error(`${city.name} has no meeting of a beat to change`);
    const marker = `moved to the library ${Date.now()}`;
    const published = stack.publisher!.publishes.length;
    await db.query(`update public.meetings set title = title || ' (' || $2 || ')' where meeting_id = $1`, [meeting.meeting_id, marker]);
    const saved = performance.now();
    for (;;) {
      const page = await fetch(`${info.url}/beats/${meeting.beat}/`).then((response) => response.text());
      if (page.includes(marker)) break;
      if (performance.now() - saved > patienceMs) throw new Error(`the change was not live after ${patienceMs / 60_000} minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const saveToLiveSeconds = (performance.now() - saved) / 1000;
    // The site switches before the publisher has recorded the build (it reports the outcome first,
    // and a big city's alerts are composed in that report): wait for the record, bounded.
    const recorded = () => stack.publisher!.publishes.slice(published).find((publish) => publish.outcome === 'published');
    while (!recorded() && performance.now() - saved < patienceMs) await new Promise((resolve) => setTimeout(resolve, 100));
    return { city: city.name, firstBuildSeconds: first.seconds, saveToLiveSeconds, buildSeconds: recorded()?.seconds ?? Number.NaN };
  } finally {
    await db.end().catch(() => undefined);
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
