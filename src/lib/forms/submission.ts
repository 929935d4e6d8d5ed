// Calling a submission RPC (submit_tip, register_watch_group, …) and saying
// plainly what happened, so every form handles the same outcomes.
import type { RpcClient } from '../api/publicApi.ts';
import { classifyApiError, type ApiFailure } from '../api/errors.ts';
import { proveWork } from './proofOfWork.ts';

export type SubmissionOutcome<T> = { kind: 'stored'; result: T } | ApiFailure;

/**
 * `args` are named as the function's arguments, as the forms' schemas name their fields, and
 * carry the `idempotency_key`. One left undefined is left out of the request's JSON, so the
 * function's default stands for it. The proof of work is found here, just before sending, so a
 * submission that waited offline gets a fresh one.
 */
export async function callSubmission<T>(client: RpcClient, fn: string, args: Record<string, unknown> & { idempotency_key: string }): Promise<SubmissionOutcome<T>> {
  for (let attempt = 1; ; attempt++) {
    const work = await proveWork(client, fn, args.idempotency_key);
    if (!('proof' in work)) return work;
    const { data, error, status } = await client.rpc(fn, { ...args, proof: work.proof });
    if (!error) return { kind: 'stored', result: data as T };
    const failure = classifyApiError(error, status);
    if (failure.kind !== 'invalid' || failure.field !== 'proof') return failure;
    // Refused proof: it expired on the way (a slow phone, a clock far off); one fresh try, then give up.
    if (attempt === 2) return { kind: 'failed', message: failure.message };
  }
}
