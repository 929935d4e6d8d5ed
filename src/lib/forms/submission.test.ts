import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { describe, expect, it } from 'vitest';
import type { RpcClient, RpcResponse } from '../api/publicApi.ts';
import { callSubmission } from './submission.ts';

const signingKey = 'test-signing-key';
const key = '5f0e6f8e-2f4f-4f55-9d5a-6d3f3c1f0a11';

/** An API that hands out real challenges and answers each submission with the next of `answers`. */
function api(...answers: Array<Partial<RpcResponse>>) {
  const submitted: Array<Record<string, unknown>> = [];
  const client: RpcClient = {
    rpc: async (fn, args) => {
      if (fn === 'submission_challenge') return { data: await createChallenge({ hmacKey: signingKey, maxnumber: 50 }), error: null, status: 200 };
      submitted.push(args);
      return { data: null, error: null, status: 200, ...answers[submitted.length - 1] };
    },
  };
  return { client, submitted };
}

// What a refusal is called is classifyApiError's (errors.test.ts); here, that each reaches the form.
describe('callSubmission', () => {
  it('sends the fields with an answer to the challenge, and returns what the function stored', async () => {
    const { client, submitted } = api({ data: { receipt: 'ABCD-EFGH-JKMN-PQRS' } });
    const outcome = await callSubmission(client, 'submit_tip', { category: 'noise', idempotency_key: key });
    expect(outcome).toEqual({ kind: 'stored', result: { receipt: 'ABCD-EFGH-JKMN-PQRS' } });
    expect(submitted[0]).toMatchObject({ category: 'noise', idempotency_key: key });
    expect(await verifySolution(submitted[0]!.proof as never, signingKey)).toBe(true);
  });

  it('names the field the API refused', async () => {
    const error = { code: '22023', details: 'description', message: 'too short' };
    expect(await callSubmission(api({ error, status: 400 }).client, 'submit_tip', { idempotency_key: key })).toEqual({
      kind: 'invalid',
      field: 'description',
      message: 'too short',
    });
  });

  it('says how long to wait when the site has taken too much', async () => {
    const limited = { code: 'rate_limited', details: '404', message: 'Too many submissions right now: try again in 7 minutes.' };
    expect(await callSubmission(api({ error: limited, status: 429 }).client, 'submit_tip', { idempotency_key: key })).toEqual({ kind: 'rate_limited', retryAfterMinutes: 7 });
  });

  it('solves a fresh challenge once when the proof was refused (it expired on the way), then gives up', async () => {
    const refused = { error: { code: '22023', details: 'proof', message: 'solve a new challenge' }, status: 400 };
    const retried = api(refused, { data: { receipt: 'ABCD-EFGH-JKMN-PQRS' } });
    expect(await callSubmission(retried.client, 'submit_tip', { idempotency_key: key })).toMatchObject({ kind: 'stored' });
    expect(retried.submitted[1]!.proof).not.toEqual(retried.submitted[0]!.proof);

    const hopeless = api(refused, refused, refused);
    expect(await callSubmission(hopeless.client, 'submit_tip', { idempotency_key: key })).toMatchObject({ kind: 'failed' });
    expect(hopeless.submitted).toHaveLength(2);
  });

  it('counts a challenge that cannot be fetched as a server out of reach, so the form keeps the submission', async () => {
    const offline: RpcClient = { rpc: async () => ({ data: null, error: { code: '', details: null, message: 'fetch failed' }, status: 0 }) };
    expect(await callSubmission(offline, 'submit_tip', { idempotency_key: key })).toEqual({ kind: 'unreachable' });
  });
});
