// The publish Edge Function (supabase/functions/publish), run with the `deno`
// from node_modules as Supabase runs it, against the shared test stack and a
// local HTTP server standing in for the static host: a build hook, and
// GitHub's repository_dispatch. Requests are queued through pg as the content
// triggers queue them. Other test files' content changes queue requests on
// the same stack meanwhile, and the function takes those in too: the
// assertions follow this file's own requests.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../supabase/local/paths.ts';
import { deno, serveFunction, type ServedFunction } from '../../supabase/local/edgeFunction.ts';

const { url, anonKey, serviceRoleKey, databaseUrl } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const service = createClient(url, serviceRoleKey, { auth: { persistSession: false } });

/** What the stand-in host was sent, and the status it answers with next. */
const host = { calls: [] as Array<{ path: string; authorization?: string; body: Record<string, unknown> }>, status: 204 };
let server: Server;
let buildHook: ServedFunction;
let github: ServedFunction;

const githubToken = 'ghp_local_test_token';

beforeAll(async () => {
  await db.connect();
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      host.calls.push({ path: request.url ?? '', authorization: request.headers.authorization, body: body ? JSON.parse(body) : {} });
      response.writeHead(host.status, host.status >= 400 ? { 'content-type': 'text/plain' } : {}).end(host.status >= 400 ? 'unavailable' : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hostUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A second of quiet: ten times the pause between the saves of the burst below, short for a test.
  const secrets = { SUPABASE_URL: url, SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey, PUBLISH_QUIET_SECONDS: '1' };
  [buildHook, github] = await Promise.all([
    serveFunction('publish', { ...secrets, BUILD_HOOK_URL: `${hostUrl}/build_hooks/openbeat` }),
    serveFunction('publish', { ...secrets, GITHUB_TOKEN: githubToken, GITHUB_REPOSITORY: 'city/openbeat', GITHUB_API_URL: hostUrl }),
  ]);
});
afterAll(async () => {
  await Promise.all([buildHook?.stop(), github?.stop()]);
  server?.close();
  await db.end();
});

/** Queues a publish as a content change does, one transaction each: the request's id. */
async function queue(table = 'beats'): Promise<string> {
  await db.query('begin');
  try {
    await db.query('select private.request_publish($1)', [table]);
    return (await db.query<{ id: string }>('select publish_request_id::text as id from private.publish_requests where transaction_id = pg_current_xact_id()')).rows[0]!.id;
  } finally {
    await db.query('commit');
  }
}
const rows = async (ids: string[]) =>
  (
    await db.query<{ id: string; started: boolean; outcome: string | null; problems: string[] }>(
      `select publish_request_id::text as id, started_at is not null as started, outcome, problems from private.publish_requests where publish_request_id = any($1) order by 1`,
      [ids],
    )
  ).rows;
const call = async (fn: ServedFunction, key = serviceRoleKey) => {
  const response = await fetch(fn.url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{}' });
  return { status: response.status, body: (await response.json()) as { action?: string; ids?: number[]; problem?: string; error?: string } };
};
/** The calls to the host that named any of these requests. */
const callsNaming = (ids: string[]) =>
  host.calls.filter((c) => {
    const named = ((c.body.client_payload as Record<string, unknown> | undefined) ?? c.body).publish_request_ids as number[] | undefined;
    return named?.some((id) => ids.includes(String(id)));
  });

describe('the publish function', () => {
  it('type-checks as Deno runs it', async () => {
    await expect(promisify(execFile)(deno, ['check', '--quiet', 'supabase/functions/publish/index.ts'], { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' } })).resolves.toBeDefined();
  });

  it('refuses a caller without the service-role key, such as the public anon key, and takes nothing in', async () => {
    const id = await queue();
    const { status } = await call(buildHook, anonKey);
    expect(status).toBe(401);
    expect(await rows([id])).toEqual([{ id, started: false, outcome: null, problems: [] }]);
    expect(callsNaming([id])).toEqual([]);
  });

  it('calls the build hook once for a burst of changes, each of which called it, once they stop, and records them as published once the host has taken the build', async () => {
    // As an editor saves five times in a row, and pg_net calls the function after each save.
    const ids: string[] = [];
    const calls: Array<ReturnType<typeof call>> = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await queue(i % 2 ? 'meetings' : 'beats'));
      calls.push(call(buildHook));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const building = answers.filter((a) => a.body.action === 'build requested');
    expect(building.length).toBeGreaterThanOrEqual(1);
    const hooks = callsNaming(ids);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.path).toBe('/build_hooks/openbeat');
    expect((hooks[0]!.body.publish_request_ids as number[]).map(String)).toEqual(expect.arrayContaining(ids));
    expect(hooks[0]!.body.tables).toEqual(expect.arrayContaining(['beats', 'meetings']));
    expect(await rows(ids)).toEqual(ids.map((id) => ({ id, started: true, outcome: 'published', problems: [] })));
  });

  it('gives the requests back with the hook’s answer when the host refuses, and publishes them at the next call', async () => {
    const id = await queue();
    host.status = 503;
    try {
      const refused = await call(buildHook);
      expect(refused.status).toBe(502);
      expect(refused.body.problem).toBe('the build hook answered 503 Service Unavailable');
      expect(await rows([id])).toEqual([{ id, started: false, outcome: null, problems: ['the build hook answered 503 Service Unavailable'] }]);
    } finally {
      host.status = 204;
    }
    const again = await call(buildHook);
    expect(again.status).toBe(200);
    expect(again.body.ids?.map(String)).toContain(id);
    expect(await rows([id])).toEqual([{ id, started: true, outcome: 'published', problems: [] }]);
    expect(callsNaming([id])).toHaveLength(2);
  });

  it('asks GitHub for a repository_dispatch naming the requests, which stay started until the workflow reports its outcome', async () => {
    const ids = [await queue('officers'), await queue('districts')];
    const { status, body } = await call(github);
    expect(status).toBe(200);
    expect(body.action).toBe('build requested');
    const [dispatch] = callsNaming(ids);
    expect(dispatch).toMatchObject({ path: '/repos/city/openbeat/dispatches', authorization: `Bearer ${githubToken}`, body: { event_type: 'openbeat-publish' } });
    expect(await rows(ids)).toEqual(ids.map((id) => ({ id, started: true, outcome: null, problems: [] })));

    // What the workflow's last step sends.
    const { data, error } = await service.rpc('finish_publish_requests', { ids: ids.map(Number), outcome: 'failed', problems: ['npm run build: beat 9 is in an unpublished district'] });
    expect(error).toBeNull();
    expect(data).toBe(2);
    expect(await rows(ids)).toEqual(ids.map((id) => ({ id, started: true, outcome: 'failed', problems: ['npm run build: beat 9 is in an unpublished district'] })));
    expect((await service.rpc('finish_publish_requests', { ids: ids.map(Number), outcome: 'maybe' })).error).toMatchObject({ code: '22023', details: 'outcome' });
  });
});

describe('claim_publish_requests', () => {
  it('takes nothing in while the last change is more recent than the quiet period, and says when it will be due', async () => {
    const id = await queue();
    const { data, error } = await service.rpc('claim_publish_requests', { quiet_seconds: 60 });
    expect(error).toBeNull();
    expect(data.ids).toEqual([]);
    expect(data.due_in).toBeGreaterThan(50);
    expect(data.due_in).toBeLessThanOrEqual(60);
    expect(await rows([id])).toEqual([{ id, started: false, outcome: null, problems: [] }]);
  });

  it('takes in again the requests of a build that never reported back for an hour', async () => {
    const id = await queue();
    await db.query(`update private.publish_requests set started_at = now() - interval '61 minutes', requested_at = now() - interval '61 minutes' where publish_request_id = $1`, [id]);
    const { data, error } = await service.rpc('claim_publish_requests');
    expect(error).toBeNull();
    expect(data.ids.map(String)).toContain(id);
    await service.rpc('finish_publish_requests', { ids: data.ids, outcome: 'published' });
  });
});
