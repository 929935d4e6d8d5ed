// The conversation about an item, as its resident reaches it with the receipt
// code (a tip, a watch group's registration, a workshop request): the
// messages, and an answer while a question waits. The code travels in the
// body of a POST only, and is kept by the caller in memory, never stored.
import type { RpcClient } from '../api/publicApi.ts';
import { classifyApiError, type ApiFailure } from '../api/errors.ts';
import { normaliseReceipt } from './receipt.ts';
import { callSubmission, type SubmissionOutcome } from './submission.ts';

export interface ConversationMessage {
  author: 'staff' | 'resident';
  /** To the minute. */
  writtenAt: string;
  body: string;
}

interface Row {
  author: 'staff' | 'resident';
  written_at: string;
  body: string;
}

export type ConversationOutcome = { kind: 'found'; messages: ConversationMessage[] } | ApiFailure;

/** The messages about the item of this receipt, oldest first; none for a wrong code. */
export async function loadConversation(client: RpcClient, input: string): Promise<ConversationOutcome> {
  const { data, error, status } = await client.rpc('conversation', { receipt: normaliseReceipt(input) ?? input });
  if (error) return classifyApiError(error, status);
  return { kind: 'found', messages: ((data ?? []) as Row[]).map((row) => ({ author: row.author, writtenAt: row.written_at, body: row.body })) };
}

/** A question waits for an answer when the last message is staff's: one answer a question. */
export const questionWaits = (messages: readonly ConversationMessage[]) => messages.at(-1)?.author === 'staff';

/** Sends the answer with its proof of work; a retry with the same key stores it once. */
export function replyToStaff(client: RpcClient, receipt: string, body: string, idempotencyKey: string): Promise<SubmissionOutcome<{ stored: boolean }>> {
  return callSubmission(client, 'reply_to_staff', { receipt: normaliseReceipt(receipt) ?? receipt, body, idempotency_key: idempotencyKey });
}
