// The local gateway as any client meets it: what it refuses before PostgREST
// sees a byte, and what it never passes on for PostgREST and its logs to keep.
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { describe, expect, inject, it, vi } from 'vitest';
import { classifyApiError } from '../../src/lib/api/errors.ts';
import type { AuthEmulator } from '../../supabase/local/authEmulator.ts';
import { clientNetwork, edgeLimiter, type EdgeLimits } from '../../supabase/local/edgeLimits.ts';
import { createGateway, maxBodyBytes } from '../../supabase/local/gateway.ts';

const { url, anonKey, dataDir } = inject('stack');
const logs = path.join(dataDir, 'logs');
const tipUrl = new URL('/rest/v1/rpc/submit_tip', url);

/** Posts to submit_tip, writing `chunks` one by one, and resolves with the answer's status as soon as it comes. */
function post(headers: Record<string, string>, chunks: Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(tipUrl, { method: 'POST', headers: { apikey: anonKey, 'content-type': 'application/json', ...headers } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    // The gateway may close the connection while the client still writes: the answer is what counts.
    request.on('error', (error) => (request.writableEnded ? undefined : reject(error)));
    void (async () => {
      for (const chunk of chunks) {
        if (request.destroyed) return;
        if (!request.write(chunk)) await new Promise((resume) => request.once('drain', resume));
      }
      request.end();
    })();
  });
}

describe('the gateway', () => {
  it('refuses a body over the limit with 413 when its length is announced, before reading it', async () => {
    // Announces far more than it sends: an answer can only come from the header.
    expect(await post({ 'content-length': String(100 * 1024 * 1024) }, [Buffer.from('{"description": "')])).toBe(413);
  });

  it('refuses a streamed body with 413 once it passes the limit, and lets the client finish sending and read the answer', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const chunks = [Buffer.from('{"description": "'), ...Array.from({ length: Math.ceil((maxBodyBytes * 12) / chunk.length) }, () => chunk)];
    // No length announced: the gateway learns the size only as the bytes come. A connection cut
    // while the client still writes would show it a network error instead of the answer.
    const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      let sent = false;
      let answered: { status: number; connection: string | undefined; body: string } | undefined;
      const done = () => sent && answered && resolve(answered);
      const request = http.request(tipUrl, { method: 'POST', headers: { apikey: anonKey, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (text: string) => (body += text));
        response.on('end', () => {
          answered = { status: response.statusCode ?? 0, connection: response.headers.connection, body };
          done();
        });
      });
      request.on('error', reject);
      request.on('finish', () => {
        sent = true;
        done();
      });
      void (async () => {
        for (const piece of chunks) if (!request.write(piece)) await new Promise((resume) => request.once('drain', resume));
        request.end();
      })();
    });
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({ message: `The request is larger than ${maxBodyBytes / 1024} KB.` });
  });

  it('still takes a body under the limit', async () => {
    const status = await post({}, [Buffer.from(JSON.stringify({ category: 'noise', description: 'x'.repeat(maxBodyBytes / 2), idempotency_key: crypto.randomUUID() }))]);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).not.toBe(413);
  });

  it('passes on no browser or page details: a refused submission leaves neither in the logs, which only their owner may read', async () => {
    const marker = `marker-${crypto.randomUUID()}`;
    const response = await fetch(tipUrl, {
      method: 'POST',
      headers: { apikey: anonKey, 'content-type': 'application/json', 'user-agent': `Browser/${marker}`, referer: `https://example.org/${marker}` },
      body: JSON.stringify({ category: 'not-a-category', description: 'Refused on purpose.', idempotency_key: crypto.randomUUID() }),
    });
    expect(response.status).toBe(400);
    for (const file of ['postgrest.log', 'postgres.log']) {
      expect(readFileSync(path.join(logs, file), 'utf8')).not.toContain(marker);
      expect(statSync(path.join(logs, file)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(logs).mode & 0o777).toBe(0o700);
  });
});

const tight: EdgeLimits = {
  submissions: { calls: 3, seconds: 60 * 60 },
  support: { calls: 3, seconds: 60 * 60 },
  challenges: { calls: 3, seconds: 60 * 60 },
  receiptLookups: { calls: 3, seconds: 15 * 60 },
};

/**
 * A gateway of its own, with tight limits, in front of a stand-in for PostgREST that answers
 * every call with 200 and records what reached it: the shared stack's gateway is left alone.
 */
async function gatewayOfItsOwn(options: { edgeLimits?: EdgeLimits; clientAddressHeader?: string } = {}) {
  const reached: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders }> = [];
  /** Requests whose sender gave up before their end. */
  const cut = { count: 0 };
  const postgrest = http.createServer((req, res) => {
    req.on('close', () => (req.complete ? undefined : (cut.count += 1)));
    req.resume();
    req.on('end', () => {
      reached.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const listen = async (server: http.Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };
  const keys = { anonKey: 'anon key of this gateway', serviceRoleKey: 'service key of this gateway' };
  const auth: AuthEmulator = { handle: (_req, res) => void res.writeHead(404).end(), close: async () => undefined };
  const gateway = createGateway({ postgrestPort: await listen(postgrest), keys, auth, edgeLimits: tight, ...options }).server;
  const origin = `http://127.0.0.1:${await listen(gateway)}`;
  return {
    origin,
    anonKey: keys.anonKey,
    reached,
    cut,
    /** Calls a function as the forms do, with these request headers; resolves with the status. */
    async call(name: string, headers: Record<string, string> = {}) {
      const response = await fetch(`${origin}/rest/v1/rpc/${name}`, {
        method: 'POST',
        headers: { apikey: keys.anonKey, 'content-type': 'application/json', ...headers },
        body: '{}',
      });
      await response.arrayBuffer();
      return response.status;
    },
    async stop() {
      for (const server of [gateway, postgrest]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}

const times = (n: number) => Array.from({ length: n }, (_, i) => i);
const randomIPv4 = () => `198.51.100.${Math.floor(Math.random() * 254) + 1}`;
/** Every header a client might hope to be counted by, with values it makes up for each call. */
const forgedAddresses = () => {
  const address = randomIPv4();
  return {
    'x-forwarded-for': `${address}, ${randomIPv4()}`,
    'x-real-ip': randomIPv4(),
    forwarded: `for=${randomIPv4()};proto=https`,
    'cf-connecting-ip': randomIPv4(),
    'true-client-ip': randomIPv4(),
  };
};

describe('the gateway’s 413 for a streamed body', () => {
  it('stops the call it was forwarding, also for a client that asked to be told to go on (Expect: 100-continue)', async () => {
    const gateway = await gatewayOfItsOwn();
    try {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const stream = (headers: Record<string, string>) =>
        new Promise<number>((resolve, reject) => {
          const request = http.request(`${gateway.origin}/rest/v1/rpc/submit_tip`, {
            method: 'POST',
            headers: { apikey: gateway.anonKey, 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...headers },
          });
          request.on('response', (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          });
          request.on('error', reject);
          const send = async () => {
            for (const _ of times((maxBodyBytes * 3) / chunk.length)) if (!request.write(chunk)) await new Promise((resume) => request.once('drain', resume));
            request.end();
          };
          if (headers.expect) request.once('continue', () => void send());
          else void send();
        });
      expect(await stream({})).toBe(413);
      expect(await stream({ expect: '100-continue' })).toBe(413);
      await vi.waitFor(() => expect(gateway.cut.count).toBe(2));
      expect(gateway.reached).toHaveLength(0);
    } finally {
      await gateway.stop();
    }
  });
});

describe('the gateway’s limits per client, which keep nothing once their window is over', () => {
  it('answers a client past the limit with 429, Retry-After and the database’s old answer, and passes the call on no further', async () => {
    const gateway = await gatewayOfItsOwn();
    try {
      // The four submissions share one limit.
      const statuses = [];
      for (const name of ['submit_tip', 'register_watch_group', 'join_watch_group']) statuses.push(await gateway.call(name));
      expect(statuses).toEqual([200, 200, 200]);
      const response = await fetch(`${gateway.origin}/rest/v1/rpc/request_workshop`, {
        method: 'POST',
        headers: { apikey: gateway.anonKey, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(429);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(60 * 60 - 60);
      expect(retryAfter).toBeLessThanOrEqual(60 * 60);
      expect(await response.json()).toEqual({
        code: 'rate_limited',
        message: 'Too many attempts: try again in 60 minutes.',
        details: String(retryAfter),
        hint: null,
      });
      // The form reads it as it read the database's answer.
      const supabase = createClient(gateway.origin, gateway.anonKey, { auth: { persistSession: false } });
      const { error, status } = await supabase.rpc('submit_tip', { category: 'noise' });
      expect(classifyApiError(error!, status)).toEqual({ kind: 'rate_limited', retryAfterMinutes: 60 });
      expect(gateway.reached.map(({ url }) => url)).toEqual(['/rpc/submit_tip', '/rpc/register_watch_group', '/rpc/join_watch_group']);
    } finally {
      await gateway.stop();
    }
  });

  it('counts the challenge and the receipt lookups each on their own, and leaves every other call alone', async () => {
    const gateway = await gatewayOfItsOwn();
    try {
      for (const _ of times(3)) expect(await gateway.call('submit_tip')).toBe(200);
      expect(await gateway.call('submit_tip')).toBe(429);
      const challenges = [];
      for (const _ of times(4)) challenges.push(await gateway.call('submission_challenge'));
      expect(challenges).toEqual([200, 200, 200, 429]);
      const lookups = [];
      for (const name of ['tip_status', 'watch_group_status', 'workshop_status', 'tip_status']) lookups.push(await gateway.call(name));
      expect(lookups).toEqual([200, 200, 200, 429]);
      // A GET to a function is limited as a POST is.
      const get = await fetch(`${gateway.origin}/rest/v1/rpc/tip_status?code=X`, { headers: { apikey: gateway.anonKey } });
      expect(get.status).toBe(429);
      // Content reads and staff's calls are not limited.
      for (const _ of times(10)) expect(await gateway.call('approved_watch_groups')).toBe(200);
      for (const _ of times(10)) {
        const read = await fetch(`${gateway.origin}/rest/v1/tips?select=id`, { headers: { apikey: gateway.anonKey, authorization: 'Bearer staff' } });
        expect(read.status).toBe(200);
      }
    } finally {
      await gateway.stop();
    }
  });

  it('counts a function however its path is spelled', async () => {
    const gateway = await gatewayOfItsOwn();
    try {
      // Paths PostgREST reads as submit_tip's (sent as written: fetch would tidy them).
      const spellings = ['/rest/v1/rpc/submit%5Ftip', '/rest/v1/%72pc/submit_tip', '/rest/v1/rpc/other/../submit_tip', '/rest/v1/rpc/./submit%5ftip'];
      const statuses = [];
      for (const path of spellings) {
        statuses.push(
          await new Promise<number>((resolve, reject) => {
            const request = http.request(`${gateway.origin}`, { path, method: 'POST', headers: { apikey: gateway.anonKey, 'content-type': 'application/json' } }, (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            });
            request.on('error', reject);
            request.end('{}');
          }),
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(await gateway.call('submit_tip')).toBe(429);
      expect(gateway.reached).toHaveLength(3);
    } finally {
      await gateway.stop();
    }
  });

  it('gains a client nothing for naming itself in X-Forwarded-For, X-Real-IP, Forwarded, CF-Connecting-IP or True-Client-IP', async () => {
    const gateway = await gatewayOfItsOwn();
    try {
      const statuses = [];
      for (const _ of times(5)) statuses.push(await gateway.call('submit_tip', forgedAddresses()));
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(gateway.reached).toHaveLength(3);
    } finally {
      await gateway.stop();
    }
  });

  it('behind a proxy that names the client in CF-Connecting-IP, counts by that header, and the others still gain nothing', async () => {
    const gateway = await gatewayOfItsOwn({ clientAddressHeader: 'cf-connecting-ip' });
    try {
      const from = (address: string) => gateway.call('submit_tip', { ...forgedAddresses(), 'cf-connecting-ip': address });
      const statuses = [];
      for (const _ of times(4)) statuses.push(await from('203.0.113.7'));
      expect(statuses).toEqual([200, 200, 200, 429]);
      // Another client behind the same proxy has its own quota.
      expect(await from('203.0.113.8')).toBe(200);
      // One /64 is one client, whichever of its addresses it takes; the next /64 is another.
      const sixes = [];
      for (const address of ['2001:db8:5:6::1', '2001:db8:5:6::2', '2001:db8:5:6:ffff:ffff:ffff:ffff', '2001:db8:5:6::abcd', '2001:db8:5:7::1']) sixes.push(await from(address));
      expect(sixes).toEqual([200, 200, 200, 429, 200]);
      // A request that did not come through the proxy is counted by its peer (127.0.0.1 here).
      expect(await gateway.call('submit_tip')).toBe(200);
    } finally {
      await gateway.stop();
    }
  });

  it('passes PostgREST no client address, neither the peer’s nor any a client or proxy wrote', async () => {
    for (const clientAddressHeader of [undefined, 'x-client-address']) {
      const gateway = await gatewayOfItsOwn({ clientAddressHeader });
      try {
        const sent: Record<string, string> = {
          ...forgedAddresses(),
          'x-forwarded-host': 'example.org',
          'x-forwarded-proto': 'https',
          'x-client-ip': randomIPv4(),
          // What Cloudflare derives from the address.
          'cf-ipcountry': 'NL',
          'cf-ipcity': 'Alderbrook',
          ...(clientAddressHeader && { [clientAddressHeader]: '203.0.113.9' }),
        };
        expect(await gateway.call('submit_tip', sent)).toBe(200);
        const headers: http.IncomingHttpHeaders = gateway.reached[0]?.headers ?? {};
        for (const name of Object.keys(sent)) expect(headers).not.toHaveProperty(name);
        const { host, ...others } = headers;
        expect(host).toBe(new URL(gateway.origin).host);
        expect(JSON.stringify(others)).not.toMatch(/127\.0\.0\.1|198\.51\.100\.|203\.0\.113\.|example\.org|Alderbrook/);
      } finally {
        await gateway.stop();
      }
    }
  });

  it('lets a client call again once its window is over, as Retry-After said', () => {
    const limiter = edgeLimiter(tight);
    const start = Date.now();
    for (const _ of times(3)) expect(limiter.take('/rpc/tip_status', '192.0.2.1', start)).toBe(0);
    const retryAfter = limiter.take('/rpc/tip_status', '192.0.2.1', start + 1000);
    expect(retryAfter).toBe(15 * 60 - 1);
    expect(limiter.take('/rpc/tip_status', '192.0.2.1', start + 1000 + retryAfter * 1000 - 1)).toBeGreaterThan(0);
    expect(limiter.take('/rpc/tip_status', '192.0.2.1', start + 1000 + retryAfter * 1000)).toBe(0);
  });
});

describe('clientNetwork, what one client is counted as', () => {
  it('counts the addresses of one IPv6 /64 as one client, and those of two /64s as two', () => {
    expect(clientNetwork('2001:db8:1:2::1')).toBe(clientNetwork('2001:DB8:1:2:aaaa:bbbb:cccc:dddd'));
    expect(clientNetwork('2001:db8:1:2::1')).toBe(clientNetwork('2001:0db8:0001:0002:0000:0000:0000:0002'));
    expect(clientNetwork('fe80::1%eth0')).toBe(clientNetwork('fe80::2'));
    expect(clientNetwork('2001:db8:1:2::1')).not.toBe(clientNetwork('2001:db8:1:3::1'));
    expect(clientNetwork('2001:db8::')).not.toBe(clientNetwork('2001:db9::'));
  });

  it('counts an IPv4 address by itself, also when written IPv4-mapped', () => {
    expect(clientNetwork('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientNetwork('::FFFF:c000:0201')).toBe('192.0.2.1');
    expect(clientNetwork('192.0.2.1')).toBe('192.0.2.1');
    expect(clientNetwork('192.0.2.1')).not.toBe(clientNetwork('192.0.2.2'));
    expect(clientNetwork('::ffff:192.0.2.1')).not.toBe(clientNetwork('::ffff:192.0.2.2'));
  });
});
