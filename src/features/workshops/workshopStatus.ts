// Looking up a workshop request by its receipt code, through the
// workshop_status RPC: the workshop, its status, two dates, the confirmed time
// and the reason for a decline, and nothing else.
import type { RpcClient } from '../../lib/api/publicApi.ts';
import { lookUpReceipt, type ReceiptLookupOutcome } from '../../lib/forms/receiptLookup.ts';

export const workshopStatuses = ['received', 'confirmed', 'declined', 'completed'] as const;
export type WorkshopStatusName = (typeof workshopStatuses)[number];

export interface WorkshopRequestStatus {
  /** The workshop's id in the catalogue. */
  workshop: string;
  status: WorkshopStatusName;
  requestedOn: string;
  updatedOn: string;
  /** The time staff confirmed, an instant; only while confirmed or completed. */
  confirmedAt: string | null;
  /** Why staff declined, in their words; only while declined. */
  declineReason: string | null;
}

interface StatusRow {
  workshop: string;
  status: WorkshopStatusName;
  requested_on: string;
  updated_on: string;
  confirmed_at: string | null;
  decline_reason: string | null;
}

export function lookUpWorkshopRequest(client: RpcClient, input: string): Promise<ReceiptLookupOutcome<WorkshopRequestStatus>> {
  return lookUpReceipt(client, 'workshop_status', input, (row: StatusRow) => ({
    workshop: row.workshop,
    status: row.status,
    requestedOn: row.requested_on,
    updatedOn: row.updated_on,
    confirmedAt: row.confirmed_at,
    declineReason: row.decline_reason,
  }));
}
