// Sends a workshop request through the request_workshop RPC. The idempotency
// key is made once per request by the form and reused on every retry, so a
// retry never stores it twice and a lost answer is recovered by asking again.
import type { RpcClient } from '../../lib/api.ts';
import { callSubmission, type SubmissionOutcome } from '../../lib/submission.ts';
import { apiField, type WorkshopRequest, type WorkshopRequestField } from './workshop.schema.ts';

export interface WorkshopReceipt {
  receipt: string;
}

export function requestWorkshop(client: RpcClient, request: WorkshopRequest, idempotencyKey: string): Promise<SubmissionOutcome<WorkshopReceipt>> {
  // Only what was given: the API's defaults stand for the rest.
  const given = Object.entries(request).filter(([, value]) => value !== undefined);
  return callSubmission<WorkshopReceipt>(client, 'request_workshop', {
    ...Object.fromEntries(given.map(([field, value]) => [apiField(field as WorkshopRequestField), value])),
    idempotency_key: idempotencyKey,
  });
}
