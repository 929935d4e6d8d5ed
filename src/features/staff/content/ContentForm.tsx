// The details form of one row of content (a meeting, an officer, a beat, a
// district, a workshop, the site settings): checked with the schema the build
// uses (each refusal beside its field, in the reader's language), then saved
// as the row the schema's entry makes, sending only the columns that changed;
// a new one is created under the id typed, never over another.
import { useContext, type ReactNode } from 'react';
import ActionForm from '../workspace/ActionForm.tsx';
import { useWorkspace } from '../workspace/words.ts';
import { JustSaved } from './ContentPage.tsx';
import { changedColumns, fieldErrors, keyColumn, saveContent, type EditedKind, type SchemaIssue } from './contentEdits.ts';

type Parsed<E> = { success: true; data: E } | { success: false; error: { issues: readonly SchemaIssue[] } };

interface Props<E> {
  kind: EditedKind;
  /** The row as saved; null for a new one. */
  current: Record<string, unknown> | null;
  /** A new one's id, as typed, and whether it may be one (kinds made elsewhere, as beats by an import, have none). */
  newId?: string;
  idValid?(id: string): boolean;
  /** The form's values as the schema reads them. */
  parse(): Parsed<E>;
  /** The columns of the row an entry makes: those the form edits. */
  row(entry: E, id: string): Record<string, unknown>;
  /** The form's values, by their columns' names (its fields), with whether it is shown on the site. */
  draft: { published: boolean };
  submitLabel: string;
  /** After a save of an existing one: reload it (a new one is opened by its address). */
  onSaved(): Promise<void>;
  /** After a new one is created, in place of opening it: what else comes with it (a suggestion linked), then opening it. */
  onCreated?(id: string): Promise<void>;
  children(errors: Record<string, string>): ReactNode;
}

export default function ContentForm<E>({ kind, current, newId = '', idValid = () => false, parse, row, draft, submitLabel, onSaved, onCreated, children }: Props<E>) {
  const ws = useWorkspace();
  const justSaved = useContext(JustSaved);
  const key = keyColumn(kind);
  const words = ws.t.content.fieldErrors;

  function check(): Record<string, string> {
    const errors: Record<string, string> = current === null && !idValid(newId) ? { [key]: words.format } : {};
    const result = parse();
    return result.success ? errors : { ...errors, ...fieldErrors(result.error.issues, kind, words) };
  }

  function act() {
    const result = parse();
    if (!result.success) return undefined;
    const next = { ...row(result.data, current ? String(current[key]) : newId), published: draft.published };
    if (current === null) return saveContent(ws.client, kind, next, { create: true });
    const change = changedColumns(current, next, [key]);
    return change ? saveContent(ws.client, kind, change) : undefined;
  }

  return (
    <ActionForm
      id={kind}
      fields={Object.keys(draft)}
      check={check}
      act={act}
      onSaved={async () => {
        if (current === null && onCreated) await onCreated(newId);
        else if (current === null) location.hash = `${kind}/${newId}`;
        else await onSaved();
      }}
      submitLabel={submitLabel}
      messages={{ saved: ws.t.content.saved }}
      justSaved={justSaved}
    >
      {children}
    </ActionForm>
  );
}
