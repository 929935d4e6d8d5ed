// Looking up a watch-group registration by its receipt code, through the
// watch_group_status RPC: the group's name, status, two dates and staff's
// public note, and nothing else.
import type { RpcClient } from '../../lib/api/publicApi.ts';
import { lookUpReceipt, type ReceiptLookupOutcome } from '../../lib/forms/receiptLookup.ts';

export const watchGroupStatuses = ['pending', 'approved', 'changes_requested', 'declined', 'retired'] as const;
export type WatchGroupStatusName = (typeof watchGroupStatuses)[number];

export interface WatchGroupStatus {
  name: string;
  status: WatchGroupStatusName;
  registeredOn: string;
  updatedOn: string;
  publicNote: string | null;
}

interface Row {
  name: string;
  status: WatchGroupStatusName;
  registered_on: string;
  updated_on: string;
  public_note: string | null;
}

export function lookUpWatchGroup(client: RpcClient, input: string): Promise<ReceiptLookupOutcome<WatchGroupStatus>> {
  return lookUpReceipt(client, 'watch_group_status', input, (row: Row) => ({
    name: row.name,
    status: row.status,
    registeredOn: row.registered_on,
    updatedOn: row.updated_on,
    publicNote: row.public_note,
  }));
}
