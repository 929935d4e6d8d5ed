// Submissions waiting for a connection, kept in this browser's IndexedDB until
// they are sent: a form sent offline, or while the server cannot be reached, is
// never lost, and goes with its own idempotency key, so exactly once, when the
// connection returns, even after a reload. Sent ones are removed at once.
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

export interface PendingSubmission<T> {
  key: string;
  input: T;
  savedAt: string;
}

export interface PendingQueue<T> {
  save(submission: PendingSubmission<T>): Promise<void>;
  remove(key: string): Promise<void>;
  /** Oldest first. */
  all(): Promise<Array<PendingSubmission<T>>>;
}

const stores = new Map<string, UseStore>();

/** The queue of one kind of submission ('tips', 'workshops', …). */
export function pendingQueue<T>(kind: string): PendingQueue<T> {
  // idb-keyval keeps one object store per database, so each kind has its own database.
  const store = () => stores.get(kind) ?? stores.set(kind, createStore(`openbeat-${kind}`, 'pending')).get(kind)!;
  return {
    save: (submission) => set(submission.key, submission, store()),
    remove: (key) => del(key, store()),
    all: async () =>
      (await entries<string, PendingSubmission<T>>(store())).map(([, submission]) => submission).sort((a, b) => a.savedAt.localeCompare(b.savedAt)),
  };
}
