// Looking up a tip by its receipt code, through the tip_status RPC.
import type { RpcClient } from '../../lib/api.ts';
import { retryMinutes } from '../../lib/submission.ts';
import { normaliseReceipt } from '../../lib/forms/receipt.ts';

export const tipStatuses = ['received', 'under_review', 'referred', 'action_taken', 'closed'] as const;
export type TipStatusName = (typeof tipStatuses)[number];

export interface TipStatus {
  status: TipStatusName;
  receivedOn: string;
  updatedOn: string;
  publicReply: string | null;
}

export type StatusOutcome =
  | { kind: 'found'; tip: TipStatus }
  /** Not a code at all (wrong length or letters): said before asking anyone. */
  | { kind: 'malformed' }
  /** A wrong code and an unknown code are the same answer. */
  | { kind: 'not_found' }
  | { kind: 'unreachable' }
  | { kind: 'rate_limited'; retryAfterMinutes: number }
  | { kind: 'failed' };

export async function lookUpTip(client: RpcClient, input: string): Promise<StatusOutcome> {
  const receipt = normaliseReceipt(input);
  if (!receipt) return { kind: 'malformed' };
  const { data, error, status } = await client.rpc('tip_status', { receipt });
  if (error) {
    if (status === 429) return { kind: 'rate_limited', retryAfterMinutes: retryMinutes(error.details) };
    return status === 0 ? { kind: 'unreachable' } : { kind: 'failed' };
  }
  const [row] = (data ?? []) as Array<{ status: TipStatusName; received_on: string; updated_on: string; public_reply: string | null }>;
  if (!row) return { kind: 'not_found' };
  return { kind: 'found', tip: { status: row.status, receivedOn: row.received_on, updatedOn: row.updated_on, publicReply: row.public_reply } };
}
