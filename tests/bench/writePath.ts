// Tips through the gateway under 10, 100 and 500 concurrent residents, each
// from an address of its own, and beside each the same load on a bare
// PostgREST insert into an unguarded scratch table, so what validation, the
// proof of work, the ceiling and idempotency cost is a ratio. A tip is what a
// browser does: a challenge asked for, solved, and the tip sent with its
// answer (two requests, timed together; the bench's stack makes challenges
// small, as the test stacks do, so that the figures are the server's and not
// the load generator's hashing). Then 100 clients from one address, as from a
// shared NAT: nothing in the database is per address any more, so this should
// cost nothing more. The scratch table exists only in the bench's own
// throwaway database.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { LoadFigures, LoadJob } from './load.ts';

export interface WritePathLevel {
  connections: number;
  /** 'own': each client from an address of its own, as residents are; 'shared': all from one. */
  addresses: LoadJob['addresses'];
  tips: LoadFigures & { stored: number; lost: number; duplicated: number };
  scratch: LoadFigures & { stored: number };
  /** Scratch inserts per second for each tip per second. */
  throughputRatio: number;
  /** Tip p99 latency over scratch p99 latency. */
  p99Ratio: number;
}

export async function measureWritePath(
  stack: { url: string; anonKey: string; databaseUrl: string },
  {
    levels = [
      { connections: 10, addresses: 'own' },
      { connections: 100, addresses: 'own' },
      { connections: 500, addresses: 'own' },
      { connections: 100, addresses: 'shared' },
    ] as Array<Pick<WritePathLevel, 'connections' | 'addresses'>>,
    seconds = 5,
    log = (_line: string) => {},
  } = {},
): Promise<WritePathLevel[]> {
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    await db.query(`
      create table public.bench_scratch (id bigint generated always as identity primary key, body text);
      grant insert on public.bench_scratch to anon;
      notify pgrst, 'reload schema';
    `);
    const headers = { apikey: stack.anonKey, prefer: 'return=minimal' };
    await untilPostgrestSees(`${stack.url}/rest/v1/bench_scratch`, headers);
    const count = async (table: string) => Number((await db.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
    const run = (job: Omit<LoadJob, 'url' | 'headers' | 'seconds'>) => runLoad({ ...job, url: stack.url, headers, seconds });

    const results: WritePathLevel[] = [];
    for (const { connections, addresses } of levels) {
      const from = addresses === 'own' ? 'residents' : 'clients from one address';
      const tipsBefore = await count('public.tips');
      const tips = await run({ path: '/rest/v1/rpc/submit_tip', body: 'tip', connections, addresses });
      const stored = (await count('public.tips')) - tipsBefore;
      const duplicated = Number(
        (await db.query<{ n: string }>('select count(*) - count(distinct idempotency_hash) as n from public.tips')).rows[0]!.n,
      );
      log(`  write path, ${connections} ${from}: ${Math.round(tips.perSecond)} tips/s`);

      const scratchBefore = await count('public.bench_scratch');
      const scratch = await run({ path: '/rest/v1/bench_scratch', body: 'scratch', connections, addresses });
      const scratchStored = (await count('public.bench_scratch')) - scratchBefore;
      log(`  write path, ${connections} ${from}: ${Math.round(scratch.perSecond)} scratch inserts/s`);

      results.push({
        connections,
        addresses,
        // Lost: answered with a receipt but not stored. Stored without an answer (a timeout) is not lost.
        tips: { ...tips, stored, lost: Math.max(0, tips.ok - stored), duplicated },
        scratch: { ...scratch, stored: scratchStored },
        throughputRatio: tips.perSecond > 0 ? scratch.perSecond / tips.perSecond : 0,
        p99Ratio: scratch.latencyMs.p99 > 0 ? tips.latencyMs.p99 / scratch.latencyMs.p99 : 0,
      });
    }
    return results;
  } finally {
    await db.end();
  }
}

/** PostgREST reloads its schema cache on the notification, a moment later. */
async function untilPostgrestSees(url: string, headers: Record<string, string>) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"body":"warm-up"}' });
    if (response.status === 201) return;
    if (Date.now() > deadline) throw new Error(`PostgREST does not take inserts into the scratch table: ${response.status} ${await response.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function runLoad(job: LoadJob): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./load.ts', import.meta.url)), JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let problems = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (problems += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0 && output) return resolve(JSON.parse(output) as LoadFigures);
      reject(new Error(`the load generator stopped (exit ${code}): ${problems.trim()}`));
    });
  });
}
