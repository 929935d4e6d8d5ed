// Sends a registration through the register_watch_group RPC. The idempotency
// key is made once per registration by the form and reused on every retry, so
// a retry never stores the group twice and a lost answer is recovered by asking again.
import type { RpcClient } from '../../lib/api/publicApi.ts';
import { callSubmission, type SubmissionOutcome } from '../../lib/forms/submission.ts';
import type { WatchRegistration } from './watch.schema.ts';
import { bareArea } from './watchArea.ts';

export interface WatchRegistrationReceipt {
  receipt: string;
}

export function registerWatchGroup(client: RpcClient, registration: WatchRegistration, idempotencyKey: string): Promise<SubmissionOutcome<WatchRegistrationReceipt>> {
  const { meeting_note: note, area, ...fields } = registration;
  return callSubmission<WatchRegistrationReceipt>(client, 'register_watch_group', {
    ...fields,
    area: bareArea(area),
    idempotency_key: idempotencyKey,
    // Only when given: the API's default stands for none.
    ...(note ? { meeting_note: note } : {}),
  });
}
