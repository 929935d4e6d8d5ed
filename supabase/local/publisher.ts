// The local publisher: the stack's stand-in for a static host's build hook. The
// database's triggers record every change to what the public site shows in
// private.publish_requests and notify the channel openbeat_publish (see the
// publish_queue migration); the publisher listens there on a connection of its
// own, waits for a quiet moment (a burst of changes is one build), builds the
// site into a fresh folder with `astro build` as `npm start` always has, and
// switches the gateway to it in one assignment. A failed build leaves the last
// good site online, and its problems are written into the requests it took in.
// Never two builds at once: a change during a build is published by one more
// build after it.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { runBinOutput } from './cli.ts';

export const publishChannel = 'openbeat_publish';
/** The listening connection's application_name, as pg_stat_activity shows it. */
export const listenerName = 'openbeat publisher';

/** One build and what became of it. */
export interface Publish {
  outcome: 'published' | 'failed';
  seconds: number;
  /** The tables whose changes it took in (none for the first build of a start with nothing queued). */
  tables: string[];
  /** Why it failed, one line each (the build's own lines where it gave some). */
  problems: string[];
  /** The folder now served, when published. */
  dir?: string;
}

export interface PublisherOptions {
  databaseUrl: string;
  /** Each build goes into a fresh folder under this one; the folders of an earlier start are removed. */
  sitesDir: string;
  /** The environment `astro build` runs with (the stack's URL as its data API). */
  env: NodeJS.ProcessEnv;
  /** Serves a built folder from the next request on (the gateway's setSite). */
  setSite(dir: string): void;
  /** How long after the last notification the build starts: a burst of changes is one build. */
  quietMs?: number;
  /** How long a replaced folder stays, for requests that began in it, before it is removed. */
  graceMs?: number;
  /** Told of every publish, as it finishes (npm start prints a line). */
  report?(publish: Publish): void;
}

export interface Publisher {
  /** The first build, started at once: its outcome. */
  first: Promise<Publish>;
  /** Every publish so far, oldest first. */
  publishes: Publish[];
  /** The folder being served, once a build has succeeded. */
  current(): string | undefined;
  stop(): Promise<void>;
}

export function startPublisher({ databaseUrl, sitesDir, env, setSite, quietMs = 2_000, graceMs = 30_000, report }: PublisherOptions): Publisher {
  rmSync(sitesDir, { recursive: true, force: true });
  mkdirSync(sitesDir, { recursive: true });

  let stopped = false;
  let quiet: NodeJS.Timeout | undefined;
  let building: Promise<Publish | undefined> | undefined;
  let again = false;
  let served: string | undefined;
  let count = 0;
  const retiring = new Map<string, NodeJS.Timeout>();
  const publishes: Publish[] = [];

  const schedule = () => {
    if (stopped) return;
    clearTimeout(quiet);
    quiet = setTimeout(() => void run(), quietMs);
  };

  const run = (): Promise<Publish | undefined> | undefined => {
    if (stopped) return undefined;
    if (building) {
      again = true;
      return undefined;
    }
    const current = build().finally(() => {
      building = undefined;
      if (again) {
        again = false;
        schedule();
      }
    });
    building = current;
    return current;
  };

  const build = async (): Promise<Publish | undefined> => {
    const started = performance.now();
    const first = ++count === 1;
    const dir = path.join(sitesDir, `site-${Date.now()}-${count}`);
    const requests = await claimRequests(databaseUrl, first).catch(() => ({ ids: [], tables: [] }));
    // Told of changes an earlier build already took in: nothing to publish.
    if (!first && requests.ids.length === 0) return undefined;
    let publish: Publish;
    try {
      const { code, output } = await runBinOutput('astro', ['build', '--outDir', dir], env);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0 && existsSync(path.join(dir, 'index.html'))) {
        setSite(dir);
        if (served) retire(served);
        served = dir;
        publish = { outcome: 'published', seconds, tables: requests.tables, problems: [], dir };
      } else {
        rmSync(dir, { recursive: true, force: true });
        publish = { outcome: 'failed', seconds, tables: requests.tables, problems: buildProblems(output, code) };
      }
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      const seconds = (performance.now() - started) / 1000;
      publish = { outcome: 'failed', seconds, tables: requests.tables, problems: [error instanceof Error ? error.message : String(error)] };
    }
    await recordOutcome(databaseUrl, requests.ids, publish).catch(() => undefined);
    publishes.push(publish);
    if (!stopped) report?.(publish);
    return publish;
  };

  // A replaced folder stays a while: a page being sent from it finishes from it.
  const retire = (dir: string) => {
    retiring.set(
      dir,
      setTimeout(() => {
        retiring.delete(dir);
        rmSync(dir, { recursive: true, force: true });
      }, graceMs).unref(),
    );
  };

  const listener = listen(databaseUrl, schedule, () => stopped);
  const first = run()!.then((publish) => publish!);

  return {
    first,
    publishes,
    current: () => served,
    async stop() {
      stopped = true;
      clearTimeout(quiet);
      await listener.stop();
      await building?.catch(() => undefined);
      for (const [dir, timer] of retiring) {
        clearTimeout(timer);
        rmSync(dir, { recursive: true, force: true });
      }
      retiring.clear();
    },
  };
}

/**
 * LISTENs on the channel on a connection of its own, and connects again (every second until
 * Postgres answers) when the connection is lost, as when Postgres restarts. A notification sent
 * while it was away is lost, but its request is not: after reconnecting, any request still
 * waiting schedules a build.
 */
function listen(databaseUrl: string, notified: () => void, stopped: () => boolean) {
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (reconnecting: boolean) => {
    if (stopped()) return;
    const next = new pg.Client({ connectionString: databaseUrl, application_name: listenerName });
    const lost = () => {
      if (client !== next || stopped()) return;
      client = undefined;
      next.end().catch(() => undefined);
      retry = setTimeout(() => void connect(true), 1_000);
    };
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', (message) => {
      if (message.channel === publishChannel) notified();
    });
    client = next;
    try {
      await next.connect();
      await next.query(`listen ${publishChannel}`);
      if (reconnecting) {
        const { rows } = await next.query('select exists (select from private.publish_requests where started_at is null) as waiting');
        if (rows[0]?.waiting) notified();
      }
    } catch {
      lost();
    }
  };
  void connect(false);
  return {
    async stop() {
      clearTimeout(retry);
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}

/**
 * Marks the requests waiting as taken in by this build: changes committed from now on wait for
 * the next. The first build of a start also takes in those a build stopped halfway took (one
 * publisher a data folder: nothing else is building them).
 */
async function claimRequests(databaseUrl: string, first: boolean): Promise<{ ids: string[]; tables: string[] }> {
  return withClient(databaseUrl, async (db) => {
    const { rows } = await db.query<{ publish_request_id: string; tables: string[] }>(
      `update private.publish_requests set started_at = now() where ${first ? 'finished_at' : 'started_at'} is null returning publish_request_id, tables`,
    );
    return { ids: rows.map((row) => row.publish_request_id), tables: [...new Set(rows.flatMap((row) => row.tables))].sort() };
  });
}

async function recordOutcome(databaseUrl: string, ids: string[], { outcome, problems }: Publish) {
  if (ids.length === 0) return;
  await withClient(databaseUrl, (db) =>
    db.query('update private.publish_requests set finished_at = now(), outcome = $2, problems = $3 where publish_request_id = any($1::bigint[])', [ids, outcome, problems]),
  );
}

async function withClient<T>(databaseUrl: string, use: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return await use(db);
  } finally {
    await db.end();
  }
}

/**
 * A failed build's problems, one line each: the lines Astro logged as errors (the content
 * checks log one per problem, then a count), without colours, times and labels; else the last
 * thing it said.
 */
export function buildProblems(output: string, code: number | null): string[] {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter(Boolean);
  const errors = lines.filter((line) => line.includes('[ERROR]')).map((line) => line.replace(/^.*?\[ERROR\]\s*(\[[^\]]*\]\s*)?/, ''));
  if (errors.length > 0) return errors.slice(0, 100);
  return [lines.at(-1) ?? `astro build failed (exit ${code}) and said nothing`];
}

/** The line `npm start` prints for a publish. */
export function describePublish({ outcome, seconds, tables, problems }: Publish): string {
  if (outcome === 'failed') return `Publish failed, the site stays as it was: ${problems[0] ?? 'no reason given'}`;
  return `Published in ${seconds.toFixed(1)} s${tables.length > 0 ? `: ${tables.join(', ')}` : ''}`;
}
