// Calling a submission RPC (submit_tip, and later the watch and workshop ones)
// and saying plainly what happened, so every form handles the same outcomes.
import type { RpcClient } from './api.ts';

export type SubmissionOutcome<T> =
  | { kind: 'stored'; result: T }
  /** The API refused one field; `field` is its name, as the SQL function raised it. */
  | { kind: 'invalid'; field: string; message: string }
  /** No answer, or the gateway's "the service behind me is down" (502, 503, 504): safe to retry with the same key. */
  | { kind: 'unreachable' }
  /** Too many calls from this client for now; nothing was stored. */
  | { kind: 'rate_limited'; retryAfterMinutes: number }
  | { kind: 'failed'; message: string };

// A gateway answers these when PostgREST or Postgres is down or restarting: nothing was stored,
// or a stored submission's answer was lost, and the same key makes a retry safe either way.
const serviceDown = new Set([502, 503, 504]);

// The SQL functions raise invalid_parameter_value with the field's name in `details`.
const invalidField = '22023';

export async function callSubmission<T>(client: RpcClient, fn: string, args: Record<string, unknown>): Promise<SubmissionOutcome<T>> {
  const { data, error, status } = await client.rpc(fn, args);
  if (!error) return { kind: 'stored', result: data as T };
  if (status === 0 || serviceDown.has(status)) return { kind: 'unreachable' };
  if (status === 429) return { kind: 'rate_limited', retryAfterMinutes: retryMinutes(error.details) };
  if (error.code === invalidField && error.details) return { kind: 'invalid', field: error.details, message: error.message };
  return { kind: 'failed', message: error.message };
}

/** The SQL functions put the seconds to wait in `details` (and in the Retry-After header). */
export function retryMinutes(details: string | null): number {
  return Math.max(1, Math.ceil(Number(details ?? 60) / 60));
}
