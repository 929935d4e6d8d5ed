// One load run, in its own process so the load generator never shares an event
// loop with the gateway it measures. Reads its job as JSON from argv, prints
// the figures as JSON on stdout.
//
// Each simulated client is a resident: one keep-alive connection, one request
// at a time, and, when `addresses` says so, an address of its own on loopback
// (127.0.x.y: Linux routes all of 127/8 to lo), so the gateway and the rate
// limit see them as the different people they are. autocannon cannot choose a
// source address, hence this small closed loop on Node's own http client.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { percentiles, type Percentiles } from './stats.ts';

export interface LoadJob {
  url: string;
  path: string;
  headers: Record<string, string>;
  /** What each request carries: a new tip (fresh idempotency key) or a scratch row. */
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

const bodies = {
  tip: () => JSON.stringify({ category: 'noise', description: 'Loud music every night after midnight (bench)', idempotency_key: randomUUID() }),
  scratch: () => JSON.stringify({ body: 'Loud music every night after midnight (bench)' }),
};

const timeoutMs = 10_000;

/** 127.0.1.1, 127.0.1.2, …: client n's own loopback address. */
const loopbackAddress = (client: number) => `127.0.${1 + Math.floor(client / 250)}.${1 + (client % 250)}`;

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
    while (performance.now() < until) {
      const body = bodies[job.body]();
      const sent = performance.now();
      const status = await new Promise<number | 'error' | 'timeout'>((resolve) => {
        const request = http.request(
          {
            host: target.hostname,
            port: target.port,
            path: job.path,
            method: 'POST',
            agent,
            timeout: timeoutMs,
            headers: { ...job.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        request.on('timeout', () => (request.destroy(), resolve('timeout')));
        request.on('error', () => resolve('error'));
        request.end(body);
      });
      if (status === 'error') errors++;
      else if (status === 'timeout') timeouts++;
      else {
        latencies.push(performance.now() - sent);
        statuses[status] = (statuses[status] ?? 0) + 1;
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
