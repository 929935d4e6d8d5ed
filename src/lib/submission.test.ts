import { describe, expect, it } from 'vitest';
import type { RpcClient, RpcResponse } from './api.ts';
import { callSubmission } from './submission.ts';

const answering = (response: Partial<RpcResponse>): RpcClient => ({
  rpc: async () => ({ data: null, error: null, status: 200, ...response }),
});

describe('callSubmission', () => {
  it('returns what the function stored', async () => {
    const outcome = await callSubmission(answering({ data: { receipt: 'ABCD-EFGH-JKMN-PQRS' } }), 'submit_tip', {});
    expect(outcome).toEqual({ kind: 'stored', result: { receipt: 'ABCD-EFGH-JKMN-PQRS' } });
  });

  it('names the field the API refused', async () => {
    const error = { code: '22023', details: 'description', message: 'too short' };
    expect(await callSubmission(answering({ error, status: 400 }), 'submit_tip', {})).toEqual({
      kind: 'invalid',
      field: 'description',
      message: 'too short',
    });
  });

  it('says how long to wait when the client has sent too much', async () => {
    const limited = { code: 'rate_limited', details: '404', message: 'Too many attempts: try again in 7 minutes.' };
    expect(await callSubmission(answering({ error: limited, status: 429 }), 'submit_tip', {})).toEqual({ kind: 'rate_limited', retryAfterMinutes: 7 });
  });

  it('tells an unreachable server from a failing one', async () => {
    const offline = { code: '', details: null, message: 'TypeError: Failed to fetch' };
    expect(await callSubmission(answering({ error: offline, status: 0 }), 'submit_tip', {})).toEqual({ kind: 'unreachable' });
    // The gateway with PostgREST down, or PostgREST with Postgres down: keep it and try again later.
    const down = { code: 'PGRST001', details: null, message: 'Database client error' };
    expect(await callSubmission(answering({ error: down, status: 503 }), 'submit_tip', {})).toEqual({ kind: 'unreachable' });
    expect(await callSubmission(answering({ error: down, status: 502 }), 'submit_tip', {})).toEqual({ kind: 'unreachable' });
    const broken = { code: 'XX000', details: null, message: 'internal error' };
    expect(await callSubmission(answering({ error: broken, status: 500 }), 'submit_tip', {})).toEqual({
      kind: 'failed',
      message: 'internal error',
    });
  });
});
