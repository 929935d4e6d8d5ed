// Looking up a workshop request by its receipt code, through the
// workshop_status RPC: the workshop, its status, two dates, the confirmed time
// and the reason for a decline, and nothing else.
import type { RpcClient } from '../../lib/api.ts';
import { normaliseReceipt } from '../../lib/forms/receipt.ts';
import { retryMinutes } from '../../lib/submission.ts';

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

export type WorkshopStatusOutcome =
  | { kind: 'found'; request: WorkshopRequestStatus }
  /** Not a code at all (wrong length or letters): said before asking anyone. */
  | { kind: 'malformed' }
  /** A wrong code and an unknown code are the same answer. */
  | { kind: 'not_found' }
  | { kind: 'unreachable' }
  | { kind: 'rate_limited'; retryAfterMinutes: number }
  | { kind: 'failed' };

interface StatusRow {
  workshop: string;
  status: WorkshopStatusName;
  requested_on: string;
  updated_on: string;
  confirmed_at: string | null;
  decline_reason: string | null;
}

export async function lookUpWorkshopRequest(client: RpcClient, input: string): Promise<WorkshopStatusOutcome> {
  const receipt = normaliseReceipt(input);
  if (!receipt) return { kind: 'malformed' };
  const { data, error, status } = await client.rpc('workshop_status', { receipt });
  if (error) {
    if (status === 429) return { kind: 'rate_limited', retryAfterMinutes: retryMinutes(error.details) };
    return status === 0 ? { kind: 'unreachable' } : { kind: 'failed' };
  }
  const [row] = (data ?? []) as StatusRow[];
  if (!row) return { kind: 'not_found' };
  return {
    kind: 'found',
    request: {
      workshop: row.workshop,
      status: row.status,
      requestedOn: row.requested_on,
      updatedOn: row.updated_on,
      confirmedAt: row.confirmed_at,
      declineReason: row.decline_reason,
    },
  };
}
