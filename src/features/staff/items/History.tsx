// An item's history, oldest first: who changed what, when, from what to what,
// and why; internal notes and questions to the resident among them, and that
// the resident answered (what they wrote is in the conversation, which the
// retention purge removes, as the history is kept). Nobody can change or delete it.
import { format } from '../../../lib/i18n/format.ts';
import type { HistoryRecord, ItemKind } from '../workspace/records.ts';
import { useWorkspace } from '../workspace/words.ts';

export default function History({ kind, history, headingId }: { kind: ItemKind; history: readonly HistoryRecord[]; headingId: string }) {
  const ws = useWorkspace();
  const words = ws.t.history;
  const fieldLabel = (field: string) => (words.fields as Record<string, string>)[field] ?? field;
  const value = (field: string, text: string) => {
    if (field === 'status') return ws.status(kind, text);
    if (field === 'assigned_to') return ws.officer(text);
    if (field === 'confirmed_at') return ws.dateTime(text);
    if (field === 'duplicate_of') return text.slice(0, 8);
    return text;
  };
  const change = (entry: HistoryRecord) => {
    const field = fieldLabel(entry.field);
    if (entry.field === 'note' || entry.field === 'question') return null;
    if (entry.field === 'answer') return words.fields.answer;
    if (entry.to_value === null) return format(words.cleared, { field });
    if (entry.from_value === null) return format(words.set, { field, to: value(entry.field, entry.to_value) });
    return format(words.changed, { field, from: value(entry.field, entry.from_value), to: value(entry.field, entry.to_value) });
  };
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-xl font-bold">
        {words.heading}
      </h3>
      {history.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
          {history.map((entry) => (
            <li key={entry.history_id} className="space-y-1">
              <p className="text-sm text-slate-700">
                <time dateTime={entry.changed_at}>{ws.dateTime(entry.changed_at)}</time> · {entry.changed_by_email ?? (entry.changed_by ? words.staff : words.notStaff)}
              </p>
              {change(entry) && <p className="break-words whitespace-pre-line">{change(entry)}</p>}
              {entry.note && (
                <p className="break-words whitespace-pre-line">
                  <span className="font-semibold">{entry.field === 'question' ? words.fields.question : words.fields.note}:</span> {entry.note}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
