// Looking something up by its receipt code (a tip, a watch group's
// registration, a workshop request): the code is checked before anyone is
// asked, a wrong and an unknown code are the same answer, and the status
// function decides what the holder of the code may see.
import { classifyApiError, type ApiFailure } from '../api/errors.ts';
import type { RpcClient } from '../api/publicApi.ts';
import { normaliseReceipt } from './receipt.ts';

export type ReceiptLookupOutcome<T> =
  | { kind: 'found'; found: T }
  /** Not a code at all (wrong length or letters): said before asking anyone. */
  | { kind: 'malformed' }
  /** A wrong code and an unknown code are the same answer. */
  | { kind: 'not_found' }
  | Exclude<ApiFailure, { kind: 'invalid' }>;

/** Calls `fn` (tip_status, …) with the normalised code, and reads its one row with `read`. */
export async function lookUpReceipt<Row, T>(client: RpcClient, fn: string, input: string, read: (row: Row) => T): Promise<ReceiptLookupOutcome<T>> {
  const receipt = normaliseReceipt(input);
  if (!receipt) return { kind: 'malformed' };
  const { data, error, status } = await client.rpc(fn, { receipt });
  if (error) {
    const failure = classifyApiError(error, status);
    // The code was checked before it was sent: a refusal of it is the API's failure, not the reader's.
    return failure.kind === 'invalid' ? { kind: 'failed', message: failure.message } : failure;
  }
  const [row] = (data ?? []) as Row[];
  return row ? { kind: 'found', found: read(row) } : { kind: 'not_found' };
}
