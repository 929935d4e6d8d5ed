// Looking up a watch-group registration by its receipt code, through the
// watch_group_status RPC: the group's name, status, two dates and staff's
// public note, and nothing else.
import type { RpcClient } from '../../lib/api.ts';
import { retryMinutes } from '../../lib/submission.ts';
import { normaliseReceipt } from '../../lib/forms/receipt.ts';

export const watchGroupStatuses = ['pending', 'approved', 'changes_requested', 'declined', 'retired'] as const;
export type WatchGroupStatusName = (typeof watchGroupStatuses)[number];

export interface WatchGroupStatus {
  name: string;
  status: WatchGroupStatusName;
  registeredOn: string;
  updatedOn: string;
  publicNote: string | null;
}

export type WatchStatusOutcome =
  | { kind: 'found'; group: WatchGroupStatus }
  /** Not a code at all (wrong length or letters): said before asking anyone. */
  | { kind: 'malformed' }
  /** A wrong code and an unknown code are the same answer. */
  | { kind: 'not_found' }
  | { kind: 'unreachable' }
  | { kind: 'rate_limited'; retryAfterMinutes: number }
  | { kind: 'failed' };

interface Row {
  name: string;
  status: WatchGroupStatusName;
  registered_on: string;
  updated_on: string;
  public_note: string | null;
}

export async function lookUpWatchGroup(client: RpcClient, input: string): Promise<WatchStatusOutcome> {
  const receipt = normaliseReceipt(input);
  if (!receipt) return { kind: 'malformed' };
  const { data, error, status } = await client.rpc('watch_group_status', { receipt });
  if (error) {
    if (status === 429) return { kind: 'rate_limited', retryAfterMinutes: retryMinutes(error.details) };
    return status === 0 ? { kind: 'unreachable' } : { kind: 'failed' };
  }
  const [row] = (data ?? []) as Row[];
  if (!row) return { kind: 'not_found' };
  return {
    kind: 'found',
    group: { name: row.name, status: row.status, registeredOn: row.registered_on, updatedOn: row.updated_on, publicNote: row.public_note },
  };
}
