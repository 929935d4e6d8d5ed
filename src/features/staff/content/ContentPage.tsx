// One page of content opened to edit (a meeting, an officer, a beat, a
// district, a workshop, the site settings), or a new one: fetched with its
// history, shown while loading or failed, and reloaded after every change so
// that "Saved" is said beside what was saved.
import { createContext, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Outcome } from '../workspace/staffData.ts';
import { useWorkspace } from '../workspace/words.ts';
import { Loading, type LoadState } from './ContentFields.tsx';
import ContentHistory from './ContentHistory.tsx';
import { loadContentHistory, type ContentChange, type ContentKind } from './contentEdits.ts';

/**
 * Whether the details' form on screen was made from what its own save just
 * wrote: each form starts anew from the row as saved (its key changes), and
 * this one then says "Saved." in place of the one it replaced.
 */
export const JustSaved = createContext(false);

interface Props<T> {
  /** Null for a new one. */
  id: string | null;
  /** The kinds of history shown with it: a meeting's includes its occurrences'. */
  kinds: readonly ContentKind[];
  loadItem(client: SupabaseClient, id: string): Promise<Outcome<T | null>>;
  title(item: T | null): string;
  /** What comes before the details: a meeting's coming dates. */
  before?(item: T, reload: () => Promise<void>): ReactNode;
  detailsHeading: string;
  /** The details' form; given a key that changes with every save, so it starts from what was saved. `saved` reloads after its own save. */
  details(item: T | null, saved: () => Promise<void>): ReactNode;
  /** Column → the label its form gives it, for the history. */
  labels: Record<string, string>;
  /** Whether the member may edit what was loaded: staff read all content, but change only their scope's. */
  mayEdit?(item: T): boolean;
  /** What a member is told of one outside their scope, and whom to ask. */
  notYours?: string;
  /** Which of the loaded changes are this page's: a report's, among its meeting's other reports'. */
  historyOf?(change: ContentChange): boolean;
}

export default function ContentPage<T>({ id, kinds, loadItem, title, before, detailsHeading, details, labels, mayEdit, notYours, historyOf }: Props<T>) {
  const ws = useWorkspace();
  const [state, setState] = useState<LoadState<{ item: T | null; history: ContentChange[] }>>(
    id === null ? { phase: 'loaded', value: { item: null, history: [] } } : { phase: 'loading' },
  );

  const load = useCallback(async () => {
    if (id === null) return;
    const [item, history] = await Promise.all([loadItem(ws.client, id), loadContentHistory(ws.client, kinds, id)]);
    if (item.kind !== 'ok' || history.kind !== 'ok') return setState({ phase: 'failed' });
    setState({ phase: 'loaded', value: { item: item.value, history: history.value } });
    // The kinds and the loader are constants of each editor.
  }, [ws.client, id]);

  useEffect(() => {
    void load();
  }, [load]);

  // Opened: focus goes to the page's heading once it is there, as in the rest of the workspace (not after each reload).
  const opened = state.phase === 'loaded';
  useEffect(() => {
    if (opened) document.getElementById('content-editor-heading')?.focus();
  }, [opened]);

  const [justSaved, setJustSaved] = useState(false);
  // After another change (an undo, a date cancelled), the form made anew has nothing of its own to say;
  // after its own save, it speaks once it shows what was saved.
  const reload = useCallback(async () => {
    setJustSaved(false);
    await load();
  }, [load]);
  const saved = useCallback(async () => {
    setJustSaved(false);
    await load();
    setJustSaved(true);
  }, [load]);

  if (state.phase !== 'loaded') return <Loading state={state} onRetry={() => void load()} />;
  const { item, history } = state.value;
  if (id !== null && !item) return <p role="alert">{ws.t.content.notFound}</p>;
  if (item && mayEdit && !mayEdit(item)) {
    return (
      <p role="alert" id="content-editor-heading" tabIndex={-1}>
        {notYours ?? ws.t.content.notYours}
      </p>
    );
  }
  return (
    <div className="space-y-10">
      <h2 className="text-2xl font-bold" tabIndex={-1} id="content-editor-heading">
        {title(item)}
      </h2>
      {item && before?.(item, reload)}
      <section aria-labelledby="content-details" className="space-y-4">
        <h3 id="content-details" className="text-xl font-bold">
          {detailsHeading}
        </h3>
        <JustSaved value={justSaved}>{details(item, saved)}</JustSaved>
      </section>
      {item && <ContentHistory history={historyOf ? history.filter(historyOf) : history} headingId="content-history" labels={{ published: ws.t.content.published, ...labels }} onChanged={reload} />}
    </div>
  );
}
