// The local gateway as any client meets it: what it refuses before PostgREST
// sees a byte, and what it never passes on for PostgREST and its logs to keep.
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { maxBodyBytes } from '../../supabase/local/gateway.ts';

const { url, anonKey, mailbox } = inject('stack');
const logs = path.dirname(mailbox);
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
