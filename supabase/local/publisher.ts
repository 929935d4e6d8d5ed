// The local publisher: the stack's stand-in for a static host, driven by the
// same Edge Function a hosted deployment runs (supabase/functions/publish).
// The database's triggers record every change to what the public site shows
// in private.publish_requests and notify the channel openbeat_publish (see the
// publish_queue migration). The publisher listens there on a connection of its
// own and calls the function, as pg_net does on a hosted project; the
// function waits for a quiet moment (a burst of changes is one build), takes
// the waiting requests in and calls the build hook: the publisher's own, on
// this machine only. It builds the site into a fresh folder with `astro
// build`, switches the gateway to it in one assignment, and reports the
// outcome into the requests it built (finish_publish_requests), as a hosted
// CI workflow does. A failed build leaves the last good site online. Never two
// builds at once: a hook called during a build is built by one more after it.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { runBinOutput } from './cli.ts';
import { serveFunction } from './edgeFunction.ts';
import { listenFor } from './notifications.ts';

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
  /** The stack's API (the gateway), which the publish function calls as a hosted one calls its project. */
  apiUrl: string;
  serviceRoleKey: string;
  /** Each build goes into a fresh folder under this one; the folders of an earlier start are removed. */
  sitesDir: string;
  /** The environment `astro build` runs with (the stack's URL as its data API). */
  env: NodeJS.ProcessEnv;
  /** Serves a built folder from the next request on (the gateway's setSite). */
  setSite(dir: string): void;
  /** How long after the last change the function asks for a build: a burst of changes is one build. */
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

export function startPublisher({ databaseUrl, apiUrl, serviceRoleKey, sitesDir, env, setSite, quietMs = 2_000, graceMs = 30_000, report }: PublisherOptions): Publisher {
  rmSync(sitesDir, { recursive: true, force: true });
  mkdirSync(sitesDir, { recursive: true });

  let stopped = false;
  let served: string | undefined;
  let count = 0;
  const retiring = new Map<string, NodeJS.Timeout>();
  const publishes: Publish[] = [];

  // The builds asked for, one at a time: those asked for during a build are built together after it.
  let building: Promise<void> = Promise.resolve();
  let next: Requests | undefined;
  const enqueue = (requests: Requests) => {
    if (next) {
      next.ids.push(...requests.ids);
      next.tables = [...new Set([...next.tables, ...requests.tables])].sort();
      return;
    }
    next = { ids: [...requests.ids], tables: [...requests.tables] };
    building = building.then(async () => {
      const taken = next!;
      next = undefined;
      if (!stopped) await build(taken);
    });
  };

  const build = async (requests: Requests): Promise<Publish> => {
    const started = performance.now();
    const dir = path.join(sitesDir, `site-${Date.now()}-${++count}`);
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

  // The build hook, reachable from this machine only, at an address nobody can guess.
  const hookPath = `/build/${randomBytes(16).toString('hex')}`;
  const hook = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== hookPath) return void response.writeHead(404).end();
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      try {
        const asked = JSON.parse(body) as { publish_request_ids?: unknown; tables?: unknown };
        enqueue({ ids: (asked.publish_request_ids as Array<string | number>).map(String), tables: asked.tables as string[] });
        response.writeHead(202).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });

  // The function, as `supabase functions serve` runs it, once the hook listens; called as pg_net calls it.
  const edgeFunction = listenOn(hook).then((hookUrl) =>
    serveFunction('publish', {
      SUPABASE_URL: apiUrl,
      SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
      BUILD_HOOK_URL: `${hookUrl}${hookPath}`,
      BUILD_HOOK_REPORTS: 'true',
      PUBLISH_QUIET_SECONDS: String(quietMs / 1000),
    }),
  );
  edgeFunction.catch((error: unknown) => {
    if (!stopped) report?.({ outcome: 'failed', seconds: 0, tables: [], problems: [`the publish function did not start: ${error instanceof Error ? error.message : String(error)}`] });
  });

  // One call at a time: notifications during a call make one more after it, which takes in what the first left.
  let calling = false;
  let callAgain = false;
  const callFunction = async () => {
    if (stopped) return;
    if (calling) return void (callAgain = true);
    calling = true;
    try {
      const { url } = await edgeFunction;
      const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${serviceRoleKey}` } });
      await response.body?.cancel();
    } catch {
      // Not served, or stopped: a request left waiting is called for at the next change or start.
    } finally {
      calling = false;
      if (callAgain) {
        callAgain = false;
        void callFunction();
      }
    }
  };

  // The first build of a start publishes what the database holds now, whatever waits or not.
  const first = claimUnfinished(databaseUrl)
    .catch(() => ({ ids: [], tables: [] }))
    .then((requests) => build(requests));
  building = first.then(() => undefined);
  // A notification sent while the listener was away is lost, but its request is not: any still waiting schedules a build.
  const listener = listenFor(databaseUrl, {
    channel: publishChannel,
    applicationName: listenerName,
    notified: () => void callFunction(),
    async reconnected(db) {
      const { rows } = await db.query('select exists (select from private.publish_requests where started_at is null) as waiting');
      if (rows[0]?.waiting) void callFunction();
    },
    stopped: () => stopped,
  });

  return {
    first,
    publishes,
    current: () => served,
    async stop() {
      stopped = true;
      await listener.stop();
      await edgeFunction.then((served) => served.stop()).catch(() => undefined);
      await new Promise((resolve) => hook.close(resolve));
      await building.catch(() => undefined);
      for (const [dir, timer] of retiring) {
        clearTimeout(timer);
        rmSync(dir, { recursive: true, force: true });
      }
      retiring.clear();
    },
  };
}

interface Requests {
  ids: string[];
  tables: string[];
}

function listenOn(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

/**
 * Takes in every request not yet published, for the first build of a start: those waiting,
 * and those a build stopped halfway took (one publisher a data folder: nothing else builds them).
 */
async function claimUnfinished(databaseUrl: string): Promise<Requests> {
  return withClient(databaseUrl, async (db) => {
    const { rows } = await db.query<{ publish_request_id: string; tables: string[] }>(
      'update private.publish_requests set started_at = now() where finished_at is null returning publish_request_id, tables',
    );
    return { ids: rows.map((row) => row.publish_request_id), tables: [...new Set(rows.flatMap((row) => row.tables))].sort() };
  });
}

/** As a hosted build reports back: the function the CI workflow calls. */
async function recordOutcome(databaseUrl: string, ids: string[], { outcome, problems }: Publish) {
  if (ids.length === 0) return;
  await withClient(databaseUrl, (db) => db.query('select public.finish_publish_requests($1::bigint[], $2, $3)', [ids, outcome, problems]));
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
