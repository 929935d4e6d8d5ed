// One staff action as a form: fields with their errors beside them and in a
// summary that takes focus, a Save button, and "Saved." said aloud. The
// database's own refusals (22023, naming the field) land next to that field.
import { useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { buttonClass, ErrorSummary, Field, fieldClass } from '../../../components/forms/FormParts.tsx';
import type { Outcome } from './staffData.ts';
import { useWorkspace } from './words.ts';

export interface ActionState {
  busy: boolean;
  errors: Record<string, string>;
  problem?: string;
  saved: boolean;
}

interface Props {
  /** Prefix of the fields' ids: a field `note` is `${id}-note`. */
  id: string;
  /** The fields this form has, named as the staff function's arguments. */
  fields: readonly string[];
  /** Errors found before asking the server (field → sentence). */
  check?(): Record<string, string>;
  /** The call to make, or undefined when there is nothing to save. */
  act(): Promise<Outcome<null>> | undefined;
  /** Puts what was saved on screen; "Saved." is said only once it has, so nobody reads "Saved." beside the old state. */
  onSaved(): Promise<void>;
  submitLabel: string;
  /** Words of this form's own, over the item actions' ones: what "nothing to save" and "saved" mean here, and its fields' refusals. */
  messages?: { nothing?: string; saved?: string; errors?: Record<string, string> };
  /**
   * This form was made anew from what was just saved (a content editor starts
   * each form from the row as saved): it says "Saved." as the form it replaced
   * would have, once it is on screen, so a screen reader hears it.
   */
  justSaved?: boolean;
  children(errors: Record<string, string>): ReactNode;
}

export default function ActionForm({ id, fields, check, act, onSaved, submitLabel, messages, justSaved = false, children }: Props) {
  const { t } = useWorkspace();
  const words = t.actions;
  const [state, setState] = useState<ActionState>({ busy: false, errors: {}, saved: false });

  useEffect(() => {
    if (justSaved) setState((previous) => ({ ...previous, saved: true }));
  }, [justSaved]);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.busy) return;
    const errors = check?.() ?? {};
    if (Object.keys(errors).length > 0) return setState({ busy: false, errors, saved: false });
    const call = act();
    if (!call) return setState({ busy: false, errors: {}, problem: messages?.nothing ?? words.nothing, saved: false });
    setState({ busy: true, errors: {}, saved: false });
    const outcome = await call;
    if (outcome.kind === 'ok') {
      await onSaved();
      setState({ busy: false, errors: {}, saved: true });
      return;
    }
    const errorWords: Record<string, string> = { ...words.errors, ...messages?.errors };
    if (outcome.kind === 'invalid' && fields.includes(outcome.field)) {
      return setState({ busy: false, errors: { [outcome.field]: errorWords[outcome.field] ?? outcome.message }, saved: false });
    }
    const problem =
      outcome.kind === 'invalid'
        ? (errorWords[outcome.field] ?? errorWords.item!)
        : outcome.kind === 'signed_out'
          ? words.errors.signedOut
          : outcome.kind === 'unreachable'
            ? words.errors.unreachable
            : outcome.kind === 'failed' && outcome.forbidden
              ? words.errors.forbidden
              : words.errors.failed;
    setState({ busy: false, errors: {}, problem, saved: false });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-5">
      <ErrorSummary errors={state.errors} problem={state.problem} idPrefix={id} heading={words.summary} />
      {children(state.errors)}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass} aria-disabled={state.busy || undefined}>
          {state.busy ? words.saving : submitLabel}
        </button>
        <p role="status" className="font-semibold text-green-800">
          {state.saved ? (messages?.saved ?? words.saved) : ''}
        </p>
      </div>
    </form>
  );
}

/** The internal note every action may carry into the history: staff only, never shown to the resident. */
export function NoteField({ id, value, onChange, error }: { id: string; value: string; onChange(note: string): void; error?: string | undefined }) {
  const { t } = useWorkspace();
  return (
    <Field id={`${id}-note`} label={t.actions.note} hint={t.actions.noteHint} error={error}>
      {(control) => <textarea {...control} rows={3} maxLength={5000} value={value} onChange={(event) => onChange(event.target.value)} className={fieldClass} />}
    </Field>
  );
}
