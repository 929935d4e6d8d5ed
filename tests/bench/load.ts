// One load run, in its own process so the load generator never shares an event
// loop with the gateway it measures. Reads its job as JSON from argv, prints
// the figures as JSON on stdout.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { percentiles, type Percentiles } from './stats.ts';

export interface LoadJob {
  url: string;
  path: string;
  headers: Record<string, string>;
  /** What each request carries: a new tip (fresh idempotency key) or a scratch row. */
  body: 'tip' | 'scratch';
  connections: number;
  seconds: number;
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

const job = JSON.parse(process.argv[2]!) as LoadJob;
const latencies: number[] = [];
const instance = autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.seconds,
  timeout: 10,
  requests: [
    {
      method: 'POST',
      path: job.path,
      headers: { 'content-type': 'application/json', ...job.headers },
      setupRequest: (request) => ({ ...request, body: bodies[job.body]() }),
    },
  ],
});
instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
instance.on('done', (result) => {
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]));
  const figures: LoadFigures = {
    connections: job.connections,
    seconds: result.duration,
    requests: latencies.length,
    perSecond: latencies.length / result.duration,
    ok: result['2xx'],
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: percentiles(latencies),
  };
  process.stdout.write(JSON.stringify(figures));
});
