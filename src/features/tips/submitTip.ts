// Sends a tip through the submit_tip RPC. The idempotency key is made once per
// tip by the form and reused on every retry, so a retry never stores it twice
// and a lost answer is recovered by asking again.
import type { RpcClient } from '../../lib/api/publicApi.ts';
import { callSubmission, type SubmissionOutcome } from '../../lib/forms/submission.ts';
import type { Tip } from './tip.schema.ts';

export interface TipReceipt {
  receipt: string;
}

export function submitTip(client: RpcClient, tip: Tip, idempotencyKey: string): Promise<SubmissionOutcome<TipReceipt>> {
  return callSubmission<TipReceipt>(client, 'submit_tip', { ...tip, idempotency_key: idempotencyKey });
}
