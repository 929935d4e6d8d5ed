// Sends a suggestion through the suggest_priority RPC. The idempotency key is
// made once per suggestion by the form and reused on every retry, so a retry
// never stores it twice and a lost answer is recovered by asking again.
import type { RpcClient } from '../../lib/api/publicApi.ts';
import { callSubmission, type SubmissionOutcome } from '../../lib/forms/submission.ts';
import type { Suggestion } from './suggestion.schema.ts';

export interface SuggestionReceipt {
  receipt: string;
}

export function submitSuggestion(client: RpcClient, suggestion: Suggestion, idempotencyKey: string): Promise<SubmissionOutcome<SuggestionReceipt>> {
  return callSubmission<SuggestionReceipt>(client, 'suggest_priority', { ...suggestion, idempotency_key: idempotencyKey });
}
