// The receipt-code lookup on /watch/status: what became of a group's
// registration. Only the code is sent; the answer holds the group's name, its
// status, two dates and staff's public note, and nothing about any person.
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { publicApi } from '../../lib/api.ts';
import { buttonClass } from '../../components/forms/FormParts.tsx';
import { lookUpWatchGroup, type WatchStatusOutcome } from './watchStatus.ts';

interface Props {
  t: Messages['watch']['status'];
  locale: string;
}

export default function WatchStatusLookup({ t, locale }: Props) {
  const id = useId();
  const [outcome, setOutcome] = useState<WatchStatusOutcome>();
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const code = String(new FormData(event.currentTarget).get('receipt') ?? '');
    setBusy(true);
    setOutcome(await lookUpWatchGroup(publicApi(), code));
    setBusy(false);
    requestAnimationFrame(() => result.current?.focus());
  }

  const date = (day: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

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
          <button type="submit" aria-disabled={busy} className={buttonClass}>
            {t.check}
          </button>
        </div>
      </form>

      <div ref={result} tabIndex={-1} role="status" aria-live="polite" className="focus:outline-none">
        {outcome?.kind === 'found' && (
          <section aria-labelledby={`${id}-found`} className="space-y-2 rounded-lg border-2 border-brand-700 p-5">
            <p className="text-lg">{outcome.group.name}</p>
            <h2 id={`${id}-found`} className="text-2xl font-bold">
              {t.statuses[outcome.group.status]}
            </h2>
            <p>{t.explanations[outcome.group.status]}</p>
            <p className="text-sm text-slate-700">
              {t.registered} {date(outcome.group.registeredOn)} · {t.updated} {date(outcome.group.updatedOn)}
            </p>
            {outcome.group.publicNote && (
              <div className="mt-3 rounded-md bg-brand-50 p-3">
                <p className="font-semibold">{t.note}</p>
                <p className="whitespace-pre-line">{outcome.group.publicNote}</p>
              </div>
            )}
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
