// A page's history, newest first: who changed what, when, from what to what,
// and why; each change with an Undo, which writes back what it replaced (the
// database refuses while a later change stands over it, and says so).
import { useState } from 'react';
import { format } from '../../../lib/i18n/format.ts';
import { undoChange, type ContentChange } from './contentEdits.ts';
import { useWorkspace } from '../workspace/words.ts';

interface Props {
  history: readonly ContentChange[];
  headingId: string;
  /** Column → the label its form gives it. */
  labels: Record<string, string>;
  /** Reloads the page and its history; resolves once they are on screen. */
  onChanged(): Promise<void>;
}

export default function ContentHistory({ history, headingId, labels, onChanged }: Props) {
  const ws = useWorkspace();
  const words = ws.t.content.history;
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  const shown = (value: unknown) => {
    if (value === null || value === undefined || value === '') return words.empty;
    if (Array.isArray(value)) return value.length === 0 ? words.empty : value.join(', ');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };

  const lines = (change: ContentChange): string[] => {
    if (change.kind === 'meeting_exception') {
      const row = change.after ?? change.before ?? {};
      const state =
        change.operation === 'delete' ? words.occurrenceRestored : row.status === 'moved' ? `${words.occurrenceMoved} (${shown(row.moved_to)})` : words.occurrenceCancelled;
      return [`${format(words.occurrence, { date: String(row.occurrence_date ?? '') })} ${state}${row.note && change.operation !== 'delete' ? ` · ${String(row.note)}` : ''}`];
    }
    if (change.kind === 'priority_update') {
      const row = change.after ?? change.before ?? {};
      const desk = ws.t.priorityDesk;
      const stages: Record<string, string> = ws.labels.saraStages;
      const stage = stages[String(row.stage)] ?? shown(row.stage);
      const done = change.operation === 'insert' ? desk.historyPosted : change.operation === 'delete' ? desk.historyRemoved : desk.historyChanged;
      return [`${format(desk.historyUpdate, { date: String(row.posted_on ?? ''), stage })} ${done}${change.operation !== 'delete' && row.body ? ` · ${String(row.body)}` : ''}`];
    }
    if (change.operation === 'insert') return [words.created];
    if (change.operation === 'delete') return [words.deleted];
    const before = change.before ?? {};
    const after = change.after ?? {};
    return Object.keys(after)
      .filter((column) => JSON.stringify(before[column]) !== JSON.stringify(after[column]))
      .map((column) => format(words.changed, { field: labels[column] ?? column, from: shown(before[column]), to: shown(after[column]) }));
  };

  async function undo(change: ContentChange) {
    if (busy) return;
    setBusy(change.history_id);
    setSaid('');
    const outcome = await undoChange(ws.client, change.history_id);
    if (outcome.kind === 'ok') {
      await onChanged();
      setSaid(words.undone);
    } else if (outcome.kind === 'invalid') setSaid(words.undoStale);
    else if (outcome.kind === 'failed' && outcome.forbidden) setSaid(ws.t.actions.errors.forbidden);
    else setSaid(outcome.kind === 'unreachable' ? ws.t.actions.errors.unreachable : ws.t.actions.errors.failed);
    setBusy(null);
  }

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-xl font-bold">
        {words.heading}
      </h3>
      <p role="status" className="font-semibold">
        {said}
      </p>
      {history.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
          {history.map((change) => (
            <li key={change.history_id} className="space-y-1">
              <p className="text-sm text-slate-700">
                <time dateTime={change.changed_at}>{ws.dateTime(change.changed_at)}</time> · {change.changed_by_email ?? words.outside}
              </p>
              {lines(change).map((line) => (
                <p key={line} className="break-words">
                  {line}
                </p>
              ))}
              {change.undoes && <p className="text-sm text-slate-700">{words.undoes}</p>}
              {change.note && change.note !== 'undo' && <p className="break-words whitespace-pre-line">{change.note}</p>}
              <button
                type="button"
                onClick={() => void undo(change)}
                aria-label={format(words.undoLabel, { time: ws.dateTime(change.changed_at) })}
                aria-disabled={busy !== null || undefined}
                className="min-h-11 text-brand-700 underline"
              >
                {words.undo}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
