// Sends a workshop request through the request_workshop RPC. The idempotency
// key is made once per request by the form and reused on every retry, so a
// retry never stores it twice and a lost answer is recovered by asking again.
import type { RpcClient } from '../../lib/api/publicApi.ts';
import { callSubmission, type SubmissionOutcome } from '../../lib/forms/submission.ts';
import type { WorkshopRequest } from './workshop.schema.ts';

export interface WorkshopReceipt {
  receipt: string;
}

export function requestWorkshop(client: RpcClient, request: WorkshopRequest, idempotencyKey: string): Promise<SubmissionOutcome<WorkshopReceipt>> {
  return callSubmission<WorkshopReceipt>(client, 'request_workshop', { ...request, idempotency_key: idempotencyKey });
}
