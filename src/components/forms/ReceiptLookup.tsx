// The receipt-code box of every status page (/tip/status, /watch/status,
// /workshops/status): type the code, see what the status function returns,
// or a plain sentence about what went wrong. The answer region takes focus so
// a screen reader reads it at once; each feature draws what was found.
import { useEffect, useId, useRef, useState, type ReactNode, type SubmitEvent } from 'react';
import { format } from '../../lib/i18n/format.ts';
import type { ReceiptLookupOutcome } from '../../lib/forms/receiptLookup.ts';
import { buttonClass } from './FormParts.tsx';

interface Props<T> {
  t: {
    label: string;
    hint: string;
    check: string;
    problems: Record<Exclude<ReceiptLookupOutcome<T>['kind'], 'found'>, string>;
  };
  lookUp(code: string): Promise<ReceiptLookupOutcome<T>>;
  /** What was found; `headingId` names the section it is drawn in. */
  children(found: T, headingId: string): ReactNode;
}

export default function ReceiptLookup<T>({ t, lookUp, children }: Props<T>) {
  const id = useId();
  const [outcome, setOutcome] = useState<ReceiptLookupOutcome<T>>();
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  // Before hydration the browser would send the form itself, putting the code in the address bar.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const code = String(new FormData(event.currentTarget).get('receipt') ?? '');
    setBusy(true);
    setOutcome(await lookUp(code));
    setBusy(false);
    requestAnimationFrame(() => result.current?.focus());
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-2" noValidate>
        <label htmlFor={`${id}-receipt`} className="block font-semibold">
          {t.label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {t.hint}
        </p>
        <div className="flex flex-wrap gap-2">
          <input
            id={`${id}-receipt`}
            name="receipt"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            className="min-w-0 flex-1 basis-64 rounded-md border-2 border-slate-600 px-3 py-2 font-mono text-lg tracking-wider"
          />
          <button type="submit" disabled={!hydrated} aria-disabled={busy} className={buttonClass}>
            {t.check}
          </button>
        </div>
      </form>

      <div ref={result} tabIndex={-1} role="status" aria-live="polite" className="focus:outline-none">
        {outcome?.kind === 'found' && (
          <section aria-labelledby={`${id}-found`} className="space-y-2 rounded-lg border-2 border-brand-700 p-5">
            {children(outcome.found, `${id}-found`)}
          </section>
        )}
        {outcome && outcome.kind !== 'found' && (
          <p className="font-semibold text-alert-700">
            {outcome.kind === 'rate_limited' ? format(t.problems.rate_limited, { minutes: outcome.retryAfterMinutes }) : t.problems[outcome.kind]}
          </p>
        )}
      </div>
    </div>
  );
}
