// The conversations with residents as staff reach them (the conversations
// migration): the messages of an item they see (row-level security scopes
// them), a question to ask, the team's read marker, and which items hold an
// answer nobody has opened yet, for the inbox.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ItemKind } from './records.ts';
import { read, type Outcome } from './staffData.ts';

/** The kinds of item a resident can be asked about: those with a receipt code. */
export const conversationKinds = ['tip', 'watch_group', 'workshop_request'] as const satisfies readonly ItemKind[];
export type ConversationKind = (typeof conversationKinds)[number];
export const hasConversation = (kind: ItemKind): kind is ConversationKind => (conversationKinds as readonly string[]).includes(kind);

export interface StaffConversationMessage {
  message_id: number;
  from_staff: boolean;
  body: string;
  /** For an answer: when staff first opened the item after it came; null while unread. */
  read_at: string | null;
  created_at: string;
}

export function loadConversation(client: SupabaseClient, kind: ConversationKind, id: string): Promise<Outcome<StaffConversationMessage[]>> {
  return read(client.from('conversation_messages').select('message_id, from_staff, body, read_at, created_at').eq('kind', kind).eq('item_id', id).order('message_id'));
}

export function askResident(client: SupabaseClient, kind: ConversationKind, id: string, body: string): Promise<Outcome<null>> {
  return read(client.rpc('ask_resident', { kind, item_id: id, body }));
}

/** Opening an item reads its answers, for the whole team. */
export function markConversationRead(client: SupabaseClient, kind: ConversationKind, id: string): Promise<Outcome<number>> {
  return read(client.rpc('mark_conversation_read', { kind, item_id: id }));
}

/** `kind:id` of every item in the caller's scope with an answer no one has opened. */
export async function loadUnreadAnswers(client: SupabaseClient): Promise<Outcome<Set<string>>> {
  const outcome = await read<Array<{ kind: string; item_id: string }>>(client.from('conversation_messages').select('kind, item_id').eq('from_staff', false).is('read_at', null));
  return outcome.kind === 'ok' ? { kind: 'ok', value: new Set(outcome.value.map((row) => unreadKey(row.kind, row.item_id))) } : outcome;
}

export const unreadKey = (kind: string, id: string) => `${kind}:${id}`;
