// The receipt-code lookup on /workshops/status: what became of a request for
// a workshop or a survey. Only the code is sent; the answer holds the
// workshop, the status, two dates, the confirmed time while it is confirmed
// and the reason while it is declined, and nothing the business wrote.
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { buttonClass } from '../../components/forms/FormParts.tsx';
import { publicApi } from '../../lib/api.ts';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { lookUpWorkshopRequest, type WorkshopStatusOutcome } from './workshopStatus.ts';

interface Props {
  t: Messages['workshops']['status'];
  locale: string;
  /** The jurisdiction's time zone: a confirmed visit happens there, whatever the reader's device says. */
  timeZone: string;
  /** Workshop id → title, to name the workshop of a request. */
  titles: Record<string, string>;
}

export default function WorkshopStatusLookup({ t, locale, timeZone, titles }: Props) {
  const id = useId();
  const [outcome, setOutcome] = useState<WorkshopStatusOutcome>();
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
    setOutcome(await lookUpWorkshopRequest(publicApi(), code));
    setBusy(false);
    requestAnimationFrame(() => result.current?.focus());
  }

  // Dates are days in UTC, as the database gives them; the confirmed time is an instant.
  const day = (date: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const instant = (at: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(
      new Date(at),
    );

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
            <h2 id={`${id}-found`} className="text-2xl font-bold">
              {t.statuses[outcome.request.status]}
            </h2>
            <p className="font-semibold">{titles[outcome.request.workshop] ?? outcome.request.workshop}</p>
            <p>{t.explanations[outcome.request.status]}</p>
            {outcome.request.confirmedAt && (
              <p className="rounded-md bg-brand-50 p-3">
                <span className="font-semibold">{t.confirmedFor}</span> <span data-testid="confirmed-at">{instant(outcome.request.confirmedAt)}</span>
              </p>
            )}
            {outcome.request.declineReason && (
              <div className="rounded-md bg-brand-50 p-3">
                <p className="font-semibold">{t.reason}</p>
                <p className="whitespace-pre-line">{outcome.request.declineReason}</p>
              </div>
            )}
            <p className="text-sm text-slate-700">
              {t.requested} {day(outcome.request.requestedOn)} · {t.updated} {day(outcome.request.updatedOn)}
            </p>
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
