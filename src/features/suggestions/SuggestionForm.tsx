// The "suggest a priority" island: a resident names their beat (from the
// list, or found from an address in the browser) and the problem they would
// like its next beat meeting to take up. Anonymous: nothing asks who they are,
// and the form says not to name anyone. Fields are uncontrolled, so text typed
// before the island hydrates is kept; the send button works only once it has.
// Sent, refused, offline or rate-limited: the shared form kit (useSubmission)
// says what happened, and nothing typed is lost.
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { buttonClass, ErrorSummary, Field, fieldClass, Honeypot, ReceiptPanel, SavedOnDevice, WhatWeKeep } from '../../components/forms/FormParts.tsx';
import { publicApi } from '../../lib/api/publicApi.ts';
import { useSubmission } from '../../lib/forms/useSubmission.ts';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import PlacePicker, { type PickedPlace } from '../places/PlacePicker.tsx';
import { submitSuggestion, type SuggestionReceipt } from './submitSuggestion.ts';
import { problemLength, suggestionErrors, suggestionSchema, type Suggestion } from './suggestion.schema.ts';

interface Props {
  t: Messages['suggestions'];
  forms: Messages['forms'];
  places: Messages['places'];
  finder: Messages['finder'];
  /** The "not an emergency line" sentence, with this jurisdiction's numbers. */
  emergencyNotice: string;
  /** Where the receipt code can be checked later. */
  statusUrl: string;
  /** Where an incident is reported instead: the tip form. */
  tipUrl: string;
  /** The published beats; a link may preselect one (?beat=). */
  beats: Array<{ id: string; name: string }>;
}

// The beat is said with the one "where" control, whichever way it was found.
const placeFields: Record<string, string> = { beat: 'where' };

export default function SuggestionForm({ t, forms, places, finder, emergencyNotice, statusUrl, tipUrl, beats }: Props) {
  const id = useId();
  const submission = useSubmission<Suggestion, SuggestionReceipt>({
    kind: 'suggestions',
    send: (suggestion, key) => submitSuggestion(publicApi(), suggestion, key),
    t: forms,
    fields: placeFields,
  });
  const { phase, errors, problem } = submission;
  const [length, setLength] = useState(0);
  const [place, setPlace] = useState<PickedPlace>({});
  const [linkedBeat, setLinkedBeat] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  // The form is shown anew after a receipt ("suggest another"): its fields start over then.
  const formShown = phase.name === 'editing' || phase.name === 'sending';

  useEffect(() => {
    if (!formShown) return;
    // The beat page's "suggest a priority" link names the beat: ?beat=101.
    const linked = new URLSearchParams(window.location.search).get('beat');
    if (linked && beats.some((beat) => beat.id === linked)) {
      setLinkedBeat(linked);
      setPlace({ beat: linked });
    }
    const written = form.current?.elements.namedItem('problem');
    if (written instanceof HTMLTextAreaElement) setLength([...written.value.trim()].length);
  }, [beats, formShown]);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string | undefined>;
    const input = { beat: place.beat, problem: data.problem };
    const found: Record<string, string> = Object.fromEntries(
      Object.entries(suggestionErrors(input)).map(([field, code]) => [placeFields[field] ?? field, t.errors[code]]),
    );
    void submission.submit(Object.keys(found).length > 0 ? { errors: found } : { input: suggestionSchema.parse(input) }, data.website);
  }

  if (phase.name === 'waiting') return <SavedOnDevice id={id} heading={t.waiting.heading} text={t.waiting.text} headingLevel={2} />;

  if (phase.name === 'received') {
    return <ReceiptPanel id={id} headingLevel={2} t={t.received} receipt={phase.result.receipt} statusUrl={statusUrl} onAnother={submission.startOver} />;
  }

  const needed = problemLength.min - length;

  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`} className="space-y-6">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {t.formHeading}
      </h2>
      <div className="space-y-2 rounded-md border-l-4 border-alert-700 bg-alert-50 px-4 py-3">
        <p>{emergencyNotice}</p>
        <p>
          {t.notAReport}{' '}
          <a href={tipUrl} className="text-brand-700 underline">
            {t.sendATip}
          </a>
        </p>
      </div>

      <ErrorSummary errors={errors} problem={problem} idPrefix={id} heading={forms.summary} />

      <PlacePicker
        // A linked beat arrives after hydration: start the picker again with it.
        key={linkedBeat ?? ''}
        id={`${id}-where`}
        label={t.where}
        hint={t.whereHint}
        error={errors.where}
        t={finder}
        places={places}
        modes={['beat', 'address']}
        beats={beats}
        initialBeat={linkedBeat}
        onChange={setPlace}
      />

      <Field id={`${id}-problem`} label={t.problem} hint={
          <>
            {t.problemHint} <strong>{t.noNames}</strong>
          </>
        } error={errors.problem}>
        {(control) => (
          <>
            <textarea {...control} name="problem" rows={6} onInput={(event) => setLength([...event.currentTarget.value.trim()].length)} className={fieldClass} />
            <p className="text-sm text-slate-700">
              {needed > 0 ? format(t.charactersNeeded, { count: needed }) : format(t.charactersLeft, { count: problemLength.max - length })}
            </p>
          </>
        )}
      </Field>

      <Honeypot id={id} label={forms.honeypot} />

      <WhatWeKeep id={id} t={t.stored} />

      <button type="submit" disabled={!submission.hydrated} aria-disabled={phase.name === 'sending'} className={buttonClass}>
        {phase.name === 'sending' ? forms.sending : t.submit}
      </button>
    </form>
  );
}
