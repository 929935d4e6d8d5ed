// Looking up a suggestion by its receipt code, through the suggestion_status
// RPC: the status, two dates, the public reply and the priority it became once
// that is published, and nothing else.
import type { RpcClient } from '../../lib/api/publicApi.ts';
import { lookUpReceipt, type ReceiptLookupOutcome } from '../../lib/forms/receiptLookup.ts';

export const suggestionStatuses = ['received', 'answered', 'adopted', 'closed'] as const;
export type SuggestionStatusName = (typeof suggestionStatuses)[number];

export interface SuggestionStatus {
  status: SuggestionStatusName;
  receivedOn: string;
  updatedOn: string;
  publicReply: string | null;
  /** The published priority it became; null while there is none the public may see. */
  priorityId: string | null;
}

interface Row {
  status: SuggestionStatusName;
  received_on: string;
  updated_on: string;
  public_reply: string | null;
  priority_id: string | null;
}

export function lookUpSuggestion(client: RpcClient, input: string): Promise<ReceiptLookupOutcome<SuggestionStatus>> {
  return lookUpReceipt(client, 'suggestion_status', input, (row: Row) => ({
    status: row.status,
    receivedOn: row.received_on,
    updatedOn: row.updated_on,
    publicReply: row.public_reply,
    priorityId: row.priority_id,
  }));
}
