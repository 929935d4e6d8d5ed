import { describe, expect, it } from 'vitest';
import type { RpcClient, RpcResponse } from '../api/publicApi.ts';
import { callSubmission } from './submission.ts';

const answering = (response: Partial<RpcResponse>): RpcClient => ({
  rpc: async () => ({ data: null, error: null, status: 200, ...response }),
});

// What a refusal is called is classifyApiError's (errors.test.ts); here, that each reaches the form.
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
});
