// The tip form island. Fields are uncontrolled, so text typed before the island
// hydrates is kept; the submit button only works once it has. Nothing the
// resident typed is lost on an error: the form keeps it and says what to do.
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { publicApi } from '../../lib/api.ts';
import { pendingTips, removePendingTip, savePendingTip } from './pendingTips.ts';
import { submitTip } from './submitTip.ts';
import { descriptionLength, tipCategories, tipErrors, tipSchema, type Tip, type TipField } from './tip.schema.ts';

interface TipFormProps {
  t: Messages['tips'];
  /** The "not an emergency line" sentence, with this jurisdiction's numbers. */
  emergencyNotice: string;
  /** Where the receipt code can be checked later. */
  statusUrl: string;
  /** 1 when the form is the page (/tip), 2 when it is a section of one (the home page). */
  headingLevel?: 1 | 2;
  /** The jurisdiction's beats, to say where; a link may preselect one (?beat=). */
  beats: Array<{ id: string; name: string }>;
  /** The finder, for a resident who does not know their beat. */
  findUrl: string;
}

type Phase =
  | { name: 'editing' }
  | { name: 'sending' }
  /** Saved in this browser; sent by itself when the connection returns. */
  | { name: 'waiting'; key: string }
  | { name: 'received'; receipt: string };

// Bots fill every field at once; people take a few seconds.
const minimumFillMilliseconds = 2500;

export default function TipForm({ t, emergencyNotice, statusUrl, headingLevel = 2, beats, findUrl }: TipFormProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const id = useId();
  const [hydrated, setHydrated] = useState(false);
  const [phase, setPhase] = useState<Phase>({ name: 'editing' });
  const [errors, setErrors] = useState<Partial<Record<TipField, string>>>({});
  const [problem, setProblem] = useState<string>();
  const [length, setLength] = useState(0);
  // One key per tip, kept across retries until the tip is received.
  const idempotencyKey = useRef<string>(undefined);
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const receivedHeading = useRef<HTMLHeadingElement>(null);
  const shownAt = useRef(0);
  const [checkedTooFast, setCheckedTooFast] = useState(false);
  const [when, setWhen] = useState<'unknown' | 'ongoing' | 'at'>('unknown');

  // A tip saved while offline (on this visit or an earlier one) is sent when the connection returns.
  useEffect(() => {
    const sendWaiting = async () => {
      const [waiting] = await pendingTips().catch(() => []);
      if (!waiting || !navigator.onLine) {
        if (waiting) setPhase({ name: 'waiting', key: waiting.key });
        return;
      }
      await send(waiting.tip, waiting.key);
    };
    void sendWaiting();
    window.addEventListener('online', sendWaiting);
    // The browser may have been online all along while the server was down: try again now and then.
    const retry = window.setInterval(() => void sendWaiting(), 30_000);
    return () => {
      window.removeEventListener('online', sendWaiting);
      window.clearInterval(retry);
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once: `send` only uses stable setters

  useEffect(() => {
    shownAt.current = Date.now();
    setHydrated(true);
    // "Report a concern here" links name the beat: ?beat=101.
    const linked = new URLSearchParams(window.location.search).get('beat');
    const select = form.current?.elements.namedItem('beat');
    if (linked && select instanceof HTMLSelectElement && beats.some((beat) => beat.id === linked)) select.value = linked;
    const description = form.current?.elements.namedItem('description');
    if (description instanceof HTMLTextAreaElement) setLength([...description.value.trim()].length);
  }, []);
  useEffect(() => {
    if (phase.name === 'received') receivedHeading.current?.focus();
  }, [phase]);
  useEffect(() => {
    if (Object.keys(errors).length > 0 || problem) summary.current?.focus();
  }, [errors, problem]);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase.name === 'sending') return;
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string | undefined>;
    // The time is typed in the resident's own clock; the API gets the instant.
    const local = data.occurredAt ?? '';
    const input = {
      category: data.category,
      description: data.description,
      beat: data.beat || undefined,
      ongoing: when === 'ongoing' || undefined,
      occurredAt: when === 'at' ? (local && !Number.isNaN(Date.parse(local)) ? new Date(local).toISOString() : '') : undefined,
      website: data.website,
    };
    const found = tipErrors(input);
    setProblem(undefined);
    setErrors(Object.fromEntries(Object.entries(found).map(([field, code]) => [field, t.errors[code]])));
    if (Object.keys(found).length > 0) return;

    // A filled honeypot is a bot: nothing is sent, and nothing says why.
    if (input.website) return setProblem(t.errors.failed);
    if (Date.now() - shownAt.current < minimumFillMilliseconds && !checkedTooFast) {
      setCheckedTooFast(true);
      return setProblem(t.errors.tooFast);
    }
    idempotencyKey.current ??= crypto.randomUUID();
    await send(tipSchema.parse(input), idempotencyKey.current);
  }

  async function send(tip: Tip, key: string) {
    setPhase({ name: 'sending' });
    const outcome = await submitTip(publicApi(), tip, key);
    switch (outcome.kind) {
      case 'stored':
        idempotencyKey.current = undefined;
        await removePendingTip(key).catch(() => undefined);
        return setPhase({ name: 'received', receipt: outcome.result.receipt });
      case 'unreachable':
        // Kept in this browser and sent by itself later: nothing is lost.
        await savePendingTip({ key, tip, savedAt: new Date().toISOString() });
        setProblem(undefined);
        return setPhase({ name: 'waiting', key });
      case 'invalid':
        setErrors({ [outcome.field]: format(t.errors.rejected, { reason: outcome.message }) });
        break;
      case 'rate_limited':
        setProblem(format(t.errors.rateLimited, { minutes: outcome.retryAfterMinutes }));
        break;
      case 'failed':
        setProblem(t.errors.failed);
        break;
    }
    setPhase({ name: 'editing' });
  }

  if (phase.name === 'waiting') {
    return (
      <section aria-labelledby={`${id}-waiting`} className="space-y-3 rounded-lg border-2 border-amber-700 bg-amber-50 p-6">
        <Heading id={`${id}-waiting`} className="text-2xl font-bold">
          {t.waiting.heading}
        </Heading>
        <p role="status">{t.waiting.text}</p>
      </section>
    );
  }

  if (phase.name === 'received') {
    return (
      <section aria-labelledby={`${id}-received`} className="space-y-4 rounded-lg border border-green-700 bg-green-50 p-6">
        <Heading id={`${id}-received`} ref={receivedHeading} tabIndex={-1} className="text-2xl font-bold">
          {t.received.heading}
        </Heading>
        <p>
          {t.received.receiptLabel}:{' '}
          <strong className="block font-mono text-3xl tracking-wider" data-testid="receipt">
            {phase.receipt}
          </strong>
        </p>
        <p>{t.received.keepIt}</p>
        <p>
          <a href={statusUrl} className="text-brand-700 underline">
            {t.received.checkLater}
          </a>
        </p>
        <div className="no-print flex flex-wrap gap-3">
          <button type="button" onClick={() => window.print()} className={buttonClass}>
            {t.received.print}
          </button>
          <button type="button" onClick={() => setPhase({ name: 'editing' })} className={secondaryButtonClass}>
            {t.received.another}
          </button>
        </div>
      </section>
    );
  }

  const fieldErrors = Object.entries(errors) as Array<[TipField, string]>;
  const described = (field: TipField, hint?: string) =>
    [hint, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const remaining = descriptionLength.max - length;
  const needed = descriptionLength.min - length;

  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`} className="space-y-6">
      <Heading id={`${id}-heading`} className={headingLevel === 1 ? 'text-3xl font-bold' : 'text-2xl font-bold'}>
        {t.heading}
      </Heading>
      <p>{t.intro}</p>
      <p className="rounded-md border-l-4 border-alert-700 bg-alert-50 px-4 py-3">{emergencyNotice}</p>

      {(fieldErrors.length > 0 || problem) && (
        <div ref={summary} tabIndex={-1} role="alert" className="rounded-md border-2 border-alert-700 p-4">
          {problem ? (
            <p>{problem}</p>
          ) : (
            <>
              <p className="font-semibold">{t.errors.summary}</p>
              <ul className="mt-2 list-disc pl-6">
                {fieldErrors.map(([field, message]) => (
                  <li key={field}>
                    <a href={`#${id}-${field}`} className="text-alert-700 underline">
                      {message}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <div className="space-y-2">
        <label htmlFor={`${id}-category`} className="block font-semibold">
          {t.category}
        </label>
        {errors.category && (
          <p id={`${id}-category-error`} className="font-semibold text-alert-700">
            {errors.category}
          </p>
        )}
        <select
          id={`${id}-category`}
          name="category"
          defaultValue=""
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={described('category')}
          className={fieldClass}
        >
          <option value="" disabled>
            {t.chooseCategory}
          </option>
          {tipCategories.map((category) => (
            <option key={category} value={category}>
              {t.categories[category]}
            </option>
          ))}
        </select>
      </div>

      <div className="space-y-2">
        <label htmlFor={`${id}-beat`} className="block font-semibold">
          {t.where}
        </label>
        <p id={`${id}-beat-hint`} className="text-slate-700">
          {t.whereHint}{' '}
          <a href={findUrl} className="text-brand-700 underline">
            {t.findBeat}
          </a>
        </p>
        {errors.beat && (
          <p id={`${id}-beat-error`} className="font-semibold text-alert-700">
            {errors.beat}
          </p>
        )}
        <select id={`${id}-beat`} name="beat" defaultValue="" aria-describedby={described('beat', `${id}-beat-hint`)} className={fieldClass}>
          <option value="">{t.whereUnknown}</option>
          {beats.map((beat) => (
            <option key={beat.id} value={beat.id}>
              {beat.name}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t.when}</legend>
        {errors.occurredAt && (
          <p id={`${id}-occurredAt-error`} className="font-semibold text-alert-700">
            {errors.occurredAt}
          </p>
        )}
        {(['unknown', 'ongoing', 'at'] as const).map((choice) => (
          <label key={choice} className="flex items-center gap-2">
            <input type="radio" name="when" value={choice} checked={when === choice} onChange={() => setWhen(choice)} className="size-5" />
            {t.whenChoices[choice]}
          </label>
        ))}
        {when === 'at' && (
          <div className="pl-7">
            <label htmlFor={`${id}-occurredAt`} className="block text-sm">
              {t.whenAt}
            </label>
            <input
              id={`${id}-occurredAt`}
              name="occurredAt"
              type="datetime-local"
              aria-invalid={errors.occurredAt ? true : undefined}
              aria-describedby={described('occurredAt')}
              className={fieldClass}
            />
          </div>
        )}
      </fieldset>

      <div className="space-y-2">
        <label htmlFor={`${id}-description`} className="block font-semibold">
          {t.description}
        </label>
        <p id={`${id}-description-hint`} className="text-slate-700">
          {t.descriptionHint}
        </p>
        {errors.description && (
          <p id={`${id}-description-error`} className="font-semibold text-alert-700">
            {errors.description}
          </p>
        )}
        <textarea
          id={`${id}-description`}
          name="description"
          rows={6}
          onInput={(event) => setLength([...event.currentTarget.value.trim()].length)}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={described('description', `${id}-description-hint`)}
          className={fieldClass}
        />
        <p className="text-sm text-slate-700">
          {needed > 0 ? format(t.charactersNeeded, { count: needed }) : format(t.charactersLeft, { count: remaining })}
        </p>
      </div>

      {/* A field people never see or reach: only bots fill it. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor={`${id}-website`}>{t.honeypot}</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>

      <p className="text-sm text-slate-700">{t.attachmentsLater}</p>

      <button type="submit" disabled={!hydrated} aria-disabled={phase.name === 'sending'} className={buttonClass}>
        {phase.name === 'sending' ? t.sending : t.submit}
      </button>
    </form>
  );
}

const fieldClass =
  'block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2 text-base aria-invalid:border-alert-700';
const buttonClass =
  'min-h-11 rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-60';
const secondaryButtonClass =
  'min-h-11 rounded-md border-2 border-brand-700 px-5 py-2 font-semibold text-brand-800 hover:bg-brand-50';
