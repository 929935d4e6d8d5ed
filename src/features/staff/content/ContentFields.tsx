// The fields the content editors share: a labelled text input, a checkbox
// with its hint, the beats to tick, and the loading and failed states of a
// page being fetched. Each control's id is `${prefix}-${column}`, so an error
// summary's link and the database's refusal (which names the column) find it.
import type { ReactNode } from 'react';
import { Field, fieldClass, secondaryButtonClass } from '../../../components/forms/FormParts.tsx';
import { useWorkspace } from '../workspace/words.ts';

export type LoadState<T> = { phase: 'loading' } | { phase: 'failed' } | { phase: 'loaded'; value: T };

export function Loading({ state, onRetry }: { state: { phase: 'loading' | 'failed' }; onRetry(): void }) {
  const { t } = useWorkspace();
  if (state.phase === 'loading') return <p role="status">{t.content.loading}</p>;
  return (
    <div className="space-y-4">
      <p role="alert" className="font-semibold text-alert-700">
        {t.content.loadFailed}
      </p>
      <button type="button" onClick={onRetry} className={secondaryButtonClass}>
        {t.retry}
      </button>
    </div>
  );
}

interface TextFieldProps {
  prefix: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  error?: string | undefined;
  type?: 'text' | 'url' | 'email' | 'tel' | 'datetime-local' | 'date';
  inputMode?: 'decimal' | 'numeric';
  maxLength?: number;
  multiline?: boolean;
  readOnly?: boolean;
  onChange(value: string): void;
}

export function TextField({ prefix, name, label, hint, value, error, type = 'text', inputMode, maxLength, multiline, readOnly, onChange }: TextFieldProps) {
  return (
    <Field id={`${prefix}-${name}`} label={label} hint={hint} error={error}>
      {(control) =>
        multiline ? (
          <textarea {...control} rows={4} maxLength={maxLength} value={value} readOnly={readOnly} onChange={(event) => onChange(event.target.value)} className={fieldClass} />
        ) : (
          <input {...control} type={type} inputMode={inputMode} maxLength={maxLength} value={value} readOnly={readOnly} onChange={(event) => onChange(event.target.value)} className={fieldClass} />
        )
      }
    </Field>
  );
}

export function Checkbox({ prefix, name, label, hint, checked, onChange }: { prefix: string; name: string; label: string; hint?: string; checked: boolean; onChange(value: boolean): void }) {
  const id = `${prefix}-${name}`;
  return (
    <div className="space-y-1">
      <label className="flex min-h-11 items-start gap-3 font-semibold">
        <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} className="mt-1 h-5 w-5 shrink-0" />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-slate-700">
          {hint}
        </p>
      )}
    </div>
  );
}

interface BeatChoicesProps {
  prefix: string;
  legend: ReactNode;
  hint?: string;
  /** The beats the member may choose; those already chosen and outside it stay, shown, and cannot be unticked here. */
  choices: readonly string[];
  chosen: readonly string[];
  error?: string | undefined;
  disabled?: boolean;
  onChange(beats: string[]): void;
}

export function BeatChoices({ prefix, legend, hint, choices, chosen, error, disabled, onChange }: BeatChoicesProps) {
  const id = `${prefix}-beats`;
  const all = [...new Set([...chosen, ...choices])];
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={[hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined} className="space-y-2">
      <legend className="font-semibold">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-slate-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="font-semibold text-alert-700">
          {error}
        </p>
      )}
      <div className="grid grid-cols-3 gap-x-4 sm:grid-cols-6">
        {all.map((beat) => (
          <label key={beat} className="flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              checked={chosen.includes(beat)}
              disabled={disabled || !choices.includes(beat)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, beat] : chosen.filter((other) => other !== beat))}
              className="h-5 w-5"
            />
            {beat}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
