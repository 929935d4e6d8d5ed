// The alert subscription island: an address, a beat or district (preselected
// from ?beat= or ?district=, as the beat, district and finder pages link it),
// topics, how often and the emails' language. Sent through the shared form kit
// (proof of work, retry key, offline queue); the answer is the same whether or
// not the address already subscribes, and so is what the form says: check
// your email.
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { buttonClass, ErrorSummary, Field, fieldClass, Honeypot, SavedOnDevice, WhatWeKeep } from '../../components/forms/FormParts.tsx';
import { publicApi } from '../../lib/api/publicApi.ts';
import { useSubmission } from '../../lib/forms/useSubmission.ts';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { alertDeliveries, alertSubscriptionErrors, alertSubscriptionSchema, alertTopics, type AlertSubscription } from './alerts.schema.ts';
import { subscribeToAlerts, type SubscribeAnswer } from './alertsApi.ts';

interface Props {
  t: Messages['alerts'];
  forms: Messages['forms'];
  /** The "not an emergency line" sentence, with this jurisdiction's numbers. */
  emergencyNotice: string;
  beats: Array<{ id: string; name: string }>;
  districts: Array<{ id: string; name: string }>;
  /** The site's languages, the page's first. */
  languages: Array<{ tag: string; name: string }>;
}

export default function AlertSubscribeForm({ t, forms, emergencyNotice, beats, districts, languages }: Props) {
  const id = useId();
  const words = t.form;
  const submission = useSubmission<AlertSubscription, SubscribeAnswer>({
    kind: 'alerts',
    send: (subscription, key) => subscribeToAlerts(publicApi(), subscription, key),
    t: forms,
    // The API names the beat or district apart; the form has one list for both.
    fields: { beat: 'area', district: 'area' },
  });
  const { phase, errors, problem } = submission;
  const form = useRef<HTMLFormElement>(null);
  const [sentTo, setSentTo] = useState('');
  const formShown = phase.name === 'editing' || phase.name === 'sending';

  useEffect(() => {
    if (!formShown) return;
    const linked = new URLSearchParams(window.location.search);
    const area = linked.get('beat') ? `beat:${linked.get('beat')}` : linked.get('district') ? `district:${linked.get('district')}` : undefined;
    const select = form.current?.elements.namedItem('area');
    if (area && select instanceof HTMLSelectElement && [...select.options].some((option) => option.value === area)) select.value = area;
  }, [formShown]);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      email: String(data.get('email') ?? ''),
      language: String(data.get('language') ?? languages[0]?.tag ?? 'en'),
      area: String(data.get('area') ?? ''),
      topics: data.getAll('topics').map(String),
      delivery: String(data.get('delivery') ?? 'each_publish'),
    };
    setSentTo(input.email.trim());
    const problems = alertSubscriptionErrors(input);
    const found: Record<string, string> = {};
    for (const field of ['email', 'area', 'topics'] as const) {
      const code = problems[field];
      if (code) found[field] = words.errors[code];
    }
    void submission.submit(Object.keys(found).length > 0 ? { errors: found } : { input: alertSubscriptionSchema.parse(input) }, String(data.get('website') ?? ''));
  }

  if (phase.name === 'waiting') return <SavedOnDevice id={id} heading={words.waiting.heading} text={words.waiting.text} headingLevel={2} />;

  if (phase.name === 'received') {
    return (
      <section aria-labelledby={`${id}-sent`} className="space-y-3 rounded-lg border-2 border-brand-700 bg-brand-50 p-6">
        <h2 id={`${id}-sent`} tabIndex={-1} className="text-2xl font-bold">
          {words.sent.heading}
        </h2>
        <p role="status">{format(words.sent.text, { email: sentTo })}</p>
        <button type="button" onClick={submission.startOver} className="text-brand-700 underline">
          {words.sent.another}
        </button>
      </section>
    );
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`} className="space-y-6">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {words.heading}
      </h2>
      <p className="rounded-md border-l-4 border-alert-700 bg-alert-50 px-4 py-3">{emergencyNotice}</p>

      <ErrorSummary errors={errors} problem={problem} idPrefix={id} heading={forms.summary} />

      <Field id={`${id}-email`} label={words.email} hint={words.emailHint} error={errors.email}>
        {(control) => <input {...control} name="email" type="email" autoComplete="email" className={fieldClass} />}
      </Field>

      <Field id={`${id}-area`} label={words.area} error={errors.area}>
        {(control) => (
          <select {...control} name="area" defaultValue="" className={fieldClass}>
            <option value="" disabled>
              {words.chooseArea}
            </option>
            <optgroup label={words.beats}>
              {beats.map((beat) => (
                <option key={beat.id} value={`beat:${beat.id}`}>
                  {format(words.beatOption, { id: beat.id, name: beat.name })}
                </option>
              ))}
            </optgroup>
            <optgroup label={words.districts}>
              {districts.map((district) => (
                <option key={district.id} value={`district:${district.id}`}>
                  {format(words.districtOption, { id: district.id, name: district.name })}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>

      <fieldset className="space-y-2" aria-describedby={errors.topics ? `${id}-topics-error` : undefined}>
        <legend className="font-semibold">{words.topicsLegend}</legend>
        {errors.topics && (
          <p id={`${id}-topics-error`} className="font-semibold text-alert-700">
            {errors.topics}
          </p>
        )}
        {alertTopics.map((topic, index) => (
          <label key={topic} className="flex items-center gap-3">
            <input id={index === 0 ? `${id}-topics` : undefined} type="checkbox" name="topics" value={topic} defaultChecked className="size-5" />
            {words.topics[topic]}
          </label>
        ))}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-semibold">{words.deliveryLegend}</legend>
        {alertDeliveries.map((delivery, index) => (
          <label key={delivery} className="flex items-center gap-3">
            <input type="radio" name="delivery" value={delivery} defaultChecked={index === 0} className="size-5" />
            {words.delivery[delivery]}
          </label>
        ))}
      </fieldset>

      <Field id={`${id}-language`} label={words.language}>
        {(control) => (
          <select {...control} name="language" defaultValue={languages[0]?.tag} className={fieldClass}>
            {languages.map((language) => (
              <option key={language.tag} value={language.tag} lang={language.tag}>
                {language.name}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Honeypot id={id} label={forms.honeypot} />

      <WhatWeKeep id={id} t={words.stored} />

      <button type="submit" disabled={!submission.hydrated} aria-disabled={phase.name === 'sending'} className={buttonClass}>
        {phase.name === 'sending' ? forms.sending : words.submit}
      </button>
    </form>
  );
}
