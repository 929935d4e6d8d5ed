// Tips waiting for a connection, kept in this browser's IndexedDB until they
// are sent: a tip written offline, or when the server cannot be reached, is
// never lost, and is sent with its own idempotency key, so exactly once, when
// the connection returns, even after a reload. Sent tips are removed at once.
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { Tip } from './tip.schema.ts';

export interface PendingTip {
  key: string;
  tip: Tip;
  savedAt: string;
}

let store: UseStore | undefined;
const pending = () => (store ??= createStore('openbeat', 'pending-tips'));

export function savePendingTip(tip: PendingTip): Promise<void> {
  return set(tip.key, tip, pending());
}

export function removePendingTip(key: string): Promise<void> {
  return del(key, pending());
}

/** Oldest first. */
export async function pendingTips(): Promise<PendingTip[]> {
  return (await entries<string, PendingTip>(pending())).map(([, tip]) => tip).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}
