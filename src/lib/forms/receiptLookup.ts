// Looking something up by its receipt code (a tip, a watch group's
// registration, a workshop request): the code is checked before anyone is
// asked, a wrong and an unknown code are the same answer, and the status
// function decides what the holder of the code may see.
import type { RpcClient } from '../api.ts';
import { retryMinutes } from '../submission.ts';
import { normaliseReceipt } from './receipt.ts';

export type ReceiptLookupOutcome<T> =
  | { kind: 'found'; found: T }
  /** Not a code at all (wrong length or letters): said before asking anyone. */
  | { kind: 'malformed' }
  /** A wrong code and an unknown code are the same answer. */
  | { kind: 'not_found' }
  | { kind: 'unreachable' }
  | { kind: 'rate_limited'; retryAfterMinutes: number }
  | { kind: 'failed' };

/** Calls `fn` (tip_status, …) with the normalised code, and reads its one row with `read`. */
export async function lookUpReceipt<Row, T>(client: RpcClient, fn: string, input: string, read: (row: Row) => T): Promise<ReceiptLookupOutcome<T>> {
  const receipt = normaliseReceipt(input);
  if (!receipt) return { kind: 'malformed' };
  const { data, error, status } = await client.rpc(fn, { receipt });
  if (error) {
    if (status === 429) return { kind: 'rate_limited', retryAfterMinutes: retryMinutes(error.details) };
    return status === 0 ? { kind: 'unreachable' } : { kind: 'failed' };
  }
  const [row] = (data ?? []) as Row[];
  return row ? { kind: 'found', found: read(row) } : { kind: 'not_found' };
}
