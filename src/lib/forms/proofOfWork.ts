// The proof of work every submission carries instead of anything about its
// sender: the database hands out a challenge bound to this submission (its
// function and retry key), the browser finds the number that answers it, and
// the database checks the answer before storing. About a second of a phone's
// time for a resident; for a flood, that second for every submission. The
// format is ALTCHA's (v1), so its maintained solver does the work.
import { solveChallenge } from 'altcha-lib/v1';
import type { Challenge, Payload } from 'altcha-lib/v1/types';
import type { RpcClient } from '../api/publicApi.ts';
import { classifyApiError, type ApiFailure } from '../api/errors.ts';

/** A challenge as `submission_challenge` makes it. */
export type { Challenge };
/** A solved challenge: what a submission function takes as `proof`. */
export type Proof = Payload;

export async function solve({ maxnumber, ...challenge }: Challenge): Promise<Proof | undefined> {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, maxnumber).promise;
  return solution ? { ...challenge, number: solution.number } : undefined;
}

/** Asks for a challenge for this submission and solves it. */
export async function proveWork(client: RpcClient, fn: string, idempotencyKey: string): Promise<{ proof: Proof } | ApiFailure> {
  const { data, error, status } = await client.rpc('submission_challenge', { action: fn, idempotency_key: idempotencyKey });
  if (error) return classifyApiError(error, status);
  const proof = await solve(data as Challenge);
  // Only a challenge that is not ALTCHA's, or a broken browser, has no answer.
  return proof ? { proof } : { kind: 'failed', message: 'the challenge has no answer' };
}
