// One load run, in its own process so the load generator never shares an event
// loop with the gateway it measures. Reads its job as JSON from argv, prints
// the figures as JSON on stdout.
//
// Each simulated client is a resident: one keep-alive connection, one request
// at a time, and, when `addresses` says so, an address of its own on loopback
// (127.0.x.y: Linux routes all of 127/8 to lo), so the gateway's per-address
// limits see them as the different people they are. autocannon cannot choose a
// source address, hence this small closed loop on Node's own http client.
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { percentiles, type Percentiles } from './stats.ts';

export interface LoadJob {
  url: string;
  path: string;
  headers: Record<string, string>;
  /** What each round carries: a new tip (a challenge, solved, then the tip with a fresh idempotency key) or a scratch row. */
  body: 'tip' | 'scratch';
  connections: number;
  seconds: number;
  /** 'own': each client from its own loopback address; 'shared': all from one. */
  addresses: 'own' | 'shared';
}

export interface LoadFigures {
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  ok: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  latencyMs: Percentiles;
}

const tipText = 'Loud music every night after midnight (bench)';
const timeoutMs = 10_000;

/** 127.0.1.1, 127.0.1.2, …: client n's own loopback address. */
const loopbackAddress = (client: number) => `127.0.${1 + Math.floor(client / 250)}.${1 + (client % 250)}`;

/** The number that answers an ALTCHA challenge, found as a browser finds it (but with Node's hash). */
function solve({ challenge, salt, maxnumber }: { challenge: string; salt: string; maxnumber: number }): number {
  for (let n = 0; n <= maxnumber; n++) if (createHash('sha256').update(salt + n).digest('hex') === challenge) return n;
  throw new Error('the challenge has no answer');
}

async function run(job: LoadJob): Promise<LoadFigures> {
  const target = new URL(job.url);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  const started = performance.now();
  const until = started + job.seconds * 1000;

  const client = async (index: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1, ...(job.addresses === 'own' ? { localAddress: loopbackAddress(index) } : {}) });
    const post = (path: string, payload: unknown) =>
      new Promise<{ status: number; body: string } | 'error' | 'timeout'>((resolve) => {
        const body = JSON.stringify(payload);
        const request = http.request(
          {
            host: target.hostname,
            port: target.port,
            path,
            method: 'POST',
            agent,
            timeout: timeoutMs,
            headers: { ...job.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
          },
        );
        request.on('timeout', () => (request.destroy(), resolve('timeout')));
        request.on('error', () => resolve('error'));
        request.end(body);
      });
    // A tip is what a resident's browser does: ask for a challenge, solve it, send the tip with the answer.
    const sendOne = async () => {
      if (job.body === 'scratch') return post(job.path, { body: tipText });
      const key = randomUUID();
      const challenge = await post('/rest/v1/rpc/submission_challenge', { action: 'submit_tip', idempotency_key: key });
      if (typeof challenge !== 'object' || challenge.status !== 200) return challenge;
      const issued = JSON.parse(challenge.body) as { challenge: string; salt: string; maxnumber: number; algorithm: string; signature: string };
      const proof = { algorithm: issued.algorithm, challenge: issued.challenge, salt: issued.salt, signature: issued.signature, number: solve(issued) };
      return post(job.path, { category: 'noise', description: tipText, idempotency_key: key, proof });
    };
    while (performance.now() < until) {
      const sent = performance.now();
      const outcome = await sendOne();
      if (outcome === 'error') errors++;
      else if (outcome === 'timeout') timeouts++;
      else {
        latencies.push(performance.now() - sent);
        statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      }
    }
    agent.destroy();
  };
  await Promise.all(Array.from({ length: job.connections }, (_, index) => client(index)));
  const seconds = (performance.now() - started) / 1000;
  return {
    connections: job.connections,
    seconds,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    ok: Object.entries(statuses).reduce((sum, [status, count]) => sum + (status.startsWith('2') ? count : 0), 0),
    statuses,
    errors,
    timeouts,
    latencyMs: percentiles(latencies),
  };
}

process.stdout.write(JSON.stringify(await run(JSON.parse(process.argv[2]!) as LoadJob)));
