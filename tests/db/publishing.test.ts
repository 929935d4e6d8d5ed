// A change saved in the database is on the public site with no file edited and
// no command run: the content tables' triggers queue a publish, and the stack's
// publisher builds and switches the site (supabase/local/publisher.ts). A stack
// of its own that publishes: these tests change the content the other files
// read, and wait for its builds. Waits are bounds on a hang, never timings.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../supabase/local/paths.ts';
import { listenerName } from '../../supabase/local/publisher.ts';
import { startTestStack, temporaryDataDir } from '../support/testStack.ts';

const demoFolder = path.join(projectRoot, 'src/content');
/** How long a publish may take on a busy two-core machine, at most. */
const publishBound = { timeout: 120_000, interval: 500 };

describe('the stack publishes every change to what the site shows', () => {
  const dataDir = temporaryDataDir();
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let db: pg.Client;
  let work: string;
  let beat: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'openbeat-publish-'));
    // The build reads guides and the street network from a folder: a copy of the demo's,
    // so that these builds keep an Astro cache of their own (see contentCacheDir).
    const folder = path.join(work, 'content');
    await cp(demoFolder, folder, { recursive: true });
    stack = await startTestStack(dataDir, undefined, { sitesDir: path.join(dataDir, 'sites'), env: { OPENBEAT_CONTENT: folder }, quietMs: 1_000 });
    db = new pg.Client({ connectionString: stack.info.databaseUrl });
    await db.connect();
    const first = await stack.stack.publisher!.first;
    expect(first.outcome, first.problems.join('\n')).toBe('published');
    beat = (await db.query<{ beat_id: string }>('select beat_id from public.beats where published order by beat_id limit 1')).rows[0]!.beat_id;
  }, 240_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const beatPage = async () => {
    const response = await fetch(`${stack.info.url}/beats/${beat}/`);
    return { status: response.status, body: await response.text() };
  };
  /** The publish requests, oldest first. */
  const requests = async () =>
    (
      await db.query<{ tables: string[]; started_at: Date | null; finished_at: Date | null; outcome: string | null; problems: string[] }>(
        'select tables, started_at, finished_at, outcome, problems from private.publish_requests order by publish_request_id',
      )
    ).rows;
  /** Until every request has its outcome (the publisher writes it after switching the site). */
  const allFinished = () =>
    vi.waitFor(async () => {
      expect((await requests()).filter((request) => request.finished_at === null)).toEqual([]);
    }, publishBound);

  it('records a request in the transaction that changes content, or a watch group’s approval, naming the tables', async () => {
    // Looked at inside the transaction and rolled back: nothing is published.
    await db.query('begin');
    try {
      const before = (await requests()).length;
      for (const table of ['site_settings', 'districts', 'beats', 'officers', 'meetings', 'meeting_exceptions', 'workshops']) {
        await db.query(`update public.${table} set published = published where false`);
      }
      const inserted = await db.query<{ watch_group_id: string }>(
        `insert into public.watch_groups (name, beat, area) values ('Pending group', $1, '{"type":"Polygon","coordinates":[]}') returning watch_group_id`,
        [beat],
      );
      const group = inserted.rows[0]!.watch_group_id;
      const after = await requests();
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)!.tables).toEqual(['beats', 'districts', 'meeting_exceptions', 'meetings', 'officers', 'site_settings', 'workshops']);
      await db.query(`update public.watch_groups set status = 'approved', approved_at = now() where watch_group_id = $1`, [group]);
      expect((await requests()).at(-1)!.tables).toContain('watch_groups');
    } finally {
      await db.query('rollback');
    }
    // A pending group's changes are not on the site: no request.
    const before = (await requests()).length;
    await db.query(`insert into public.watch_groups (name, beat, area) values ('Another pending group', $1, '{"type":"Polygon","coordinates":[]}')`, [beat]);
    expect(await requests()).toHaveLength(before);
  });

  it('shows a beat renamed with plain SQL on its page, with no command run, and answers every request whole while it switches', async () => {
    const answers: Array<{ status: number; whole: boolean }> = [];
    let published = false;
    // Residents keep reading the page while the new site is built and switched to.
    const reading = (async () => {
      while (!published) {
        const { status, body } = await beatPage();
        answers.push({ status, whole: body.trimEnd().endsWith('</html>') });
      }
    })();
    await db.query(`update public.beats set name = 'Renamed without a command' where beat_id = $1`, [beat]);
    try {
      await vi.waitFor(async () => expect((await beatPage()).body).toContain('Renamed without a command'), publishBound);
      // A few more reads from the new folder, once it is served.
      for (let i = 0; i < 5; i++) await beatPage().then(({ status, body }) => answers.push({ status, whole: body.trimEnd().endsWith('</html>') }));
    } finally {
      published = true;
      await reading;
    }
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.filter((answer) => answer.status !== 200 || !answer.whole)).toEqual([]);
    await allFinished();
    const last = (await requests()).at(-1)!;
    expect(last).toMatchObject({ tables: ['beats'], outcome: 'published', problems: [] });
  }, 180_000);

  it('publishes a burst of changes with one build', async () => {
    await allFinished();
    const publishesBefore = stack.stack.publisher!.publishes.length;
    const requestsBefore = (await requests()).length;
    // Five transactions, one after another, as a person saving five edits would.
    for (let i = 1; i <= 5; i++) {
      await db.query(`update public.beats set name = $2 where beat_id = $1`, [beat, `Burst edit ${i}`]);
    }
    await vi.waitFor(async () => expect((await beatPage()).body).toContain('Burst edit 5'), publishBound);
    await allFinished();
    const burst = (await requests()).slice(requestsBefore);
    expect(burst).toHaveLength(5);
    expect(new Set(burst.map((request) => request.started_at?.getTime())).size).toBe(1);
    expect(burst.every((request) => request.outcome === 'published')).toBe(true);
    expect(stack.stack.publisher!.publishes.length - publishesBefore).toBe(1);
  }, 180_000);

  it('listens again when its connection to Postgres is lost, and publishes the changes made meanwhile', async () => {
    await allFinished();
    const listening = async () =>
      (await db.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [listenerName])).rows.map((row) => row.pid);
    const before = await listening();
    expect(before).toHaveLength(1);
    await db.query('select pg_terminate_backend($1)', [before[0]]);
    // Made while the publisher may still be away: its notification can be lost, its request is not.
    await db.query(`update public.beats set name = 'Changed while away' where beat_id = $1`, [beat]);
    await vi.waitFor(async () => expect((await beatPage()).body).toContain('Changed while away'), publishBound);
    const after = await listening();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    await allFinished();
  }, 180_000);

  it('leaves the last good site online when a change breaks a reference, and records the problem', async () => {
    await allFinished();
    const { district_id: district } = (await db.query<{ district_id: string }>('select district_id from public.beats where beat_id = $1', [beat])).rows[0]!;
    await db.query('begin');
    await db.query(`insert into public.districts (district_id, name, boundary, published) select 'draft-district', 'A draft district', boundary, false from public.districts where district_id = $1`, [district]);
    await db.query(`update public.beats set district_id = 'draft-district', name = 'Broken reference' where beat_id = $1`, [beat]);
    await db.query('commit');
    await vi.waitFor(async () => expect((await requests()).at(-1)!.outcome).not.toBeNull(), publishBound);
    const failed = (await requests()).at(-1)!;
    expect(failed.outcome).toBe('failed');
    expect(failed.tables).toEqual(['beats', 'districts']);
    expect(failed.problems[0]).toBe(`beat ${beat}: district: no district "draft-district" is published`);
    const page = await beatPage();
    expect(page.status).toBe(200);
    expect(page.body).toContain('Changed while away');
    expect(page.body).not.toContain('Broken reference');
  }, 180_000);
});
