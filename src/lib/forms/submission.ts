// Calling a submission RPC (submit_tip, register_watch_group, …) and saying
// plainly what happened, so every form handles the same outcomes.
import type { RpcClient } from '../api/publicApi.ts';
import { classifyApiError, type ApiFailure } from '../api/errors.ts';

export type SubmissionOutcome<T> = { kind: 'stored'; result: T } | ApiFailure;

/**
 * `args` are named as the function's arguments, as the forms' schemas name their fields. One left
 * undefined is left out of the request's JSON, so the function's default stands for it.
 */
export async function callSubmission<T>(client: RpcClient, fn: string, args: Record<string, unknown>): Promise<SubmissionOutcome<T>> {
  const { data, error, status } = await client.rpc(fn, args);
  return error ? classifyApiError(error, status) : { kind: 'stored', result: data as T };
}
