// What went wrong with a call to the data API, in the kinds every caller tells
// apart: the residents' forms, the receipt lookups and the staff workspace.
// PostgREST answers an RPC or a query with an error and an HTTP status; the SQL
// functions raise invalid_parameter_value (22023) with the field's name in
// `details`, and the rate limits answer 429 with the seconds to wait there.

/** An error as supabase-js and postgrest-js hand it over. */
export interface ApiError {
  code?: string;
  details?: string | null;
  message?: string;
}

export type ApiFailure =
  /** The API refused one field; `field` is its name, as the SQL function's argument. */
  | { kind: 'invalid'; field: string; message: string }
  /** Too many calls from this client for now; nothing was done. */
  | { kind: 'rate_limited'; retryAfterMinutes: number }
  /** No answer, or the gateway's "the service behind me is down": nothing was done, or its answer was lost. */
  | { kind: 'unreachable' }
  /** Anything else; `forbidden` when the caller may not do this (42501: a staff member outside their scope). */
  | { kind: 'failed'; message: string; forbidden?: true };

// A gateway answers these when PostgREST or Postgres is down or restarting.
const serviceDown = new Set([502, 503, 504]);

const invalidParameter = '22023';
const insufficientPrivilege = '42501';

/**
 * PostgREST 12 answers 400 with an error of no code and no message when Postgres goes away in
 * the middle of a call (seen while it shuts down, tests/faults/writePath.test.ts). Every refusal
 * of ours names its code; this one is no answer at all, and the call is retried like a 502.
 */
const lostConnection = (error: ApiError, status: number) => status === 400 && !error.code && !error.message;

export function classifyApiError(error: ApiError, status: number): ApiFailure {
  if (status === 0 || serviceDown.has(status) || lostConnection(error, status)) return { kind: 'unreachable' };
  if (status === 429) return { kind: 'rate_limited', retryAfterMinutes: Math.max(1, Math.ceil(Number(error.details ?? 60) / 60)) };
  if (error.code === invalidParameter && error.details) return { kind: 'invalid', field: error.details, message: error.message ?? '' };
  return { kind: 'failed', message: error.message ?? '', ...(error.code === insufficientPrivilege && { forbidden: true as const }) };
}
