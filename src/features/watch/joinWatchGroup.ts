// Sends a request to join an approved group through the join_watch_group RPC,
// with the form's idempotency key: a retry, or the same address joining the
// same group again, keeps one membership.
import type { RpcClient } from '../../lib/api/publicApi.ts';
import { callSubmission, type SubmissionOutcome } from '../../lib/forms/submission.ts';
import type { WatchJoin } from './watch.schema.ts';

export interface WatchJoinConfirmation {
  joined: true;
}

export function joinWatchGroup(client: RpcClient, join: WatchJoin, idempotencyKey: string): Promise<SubmissionOutcome<WatchJoinConfirmation>> {
  return callSubmission<WatchJoinConfirmation>(client, 'join_watch_group', { ...join, idempotency_key: idempotencyKey });
}
