// Looking up a tip by its receipt code, through the tip_status RPC: the
// status, two dates and the public reply, and nothing else.
import type { RpcClient } from '../../lib/api/publicApi.ts';
import { lookUpReceipt, type ReceiptLookupOutcome } from '../../lib/forms/receiptLookup.ts';

export const tipStatuses = ['received', 'under_review', 'referred', 'action_taken', 'closed'] as const;
export type TipStatusName = (typeof tipStatuses)[number];

export interface TipStatus {
  status: TipStatusName;
  receivedOn: string;
  updatedOn: string;
  publicReply: string | null;
}

interface Row {
  status: TipStatusName;
  received_on: string;
  updated_on: string;
  public_reply: string | null;
}

export function lookUpTip(client: RpcClient, input: string): Promise<ReceiptLookupOutcome<TipStatus>> {
  return lookUpReceipt(client, 'tip_status', input, (row: Row) => ({
    status: row.status,
    receivedOn: row.received_on,
    updatedOn: row.updated_on,
    publicReply: row.public_reply,
  }));
}
