// The tip form island. Fields are uncontrolled, so text typed before the island
// hydrates is kept; the submit button only works once it has. Nothing the
// resident typed is lost on an error: the form keeps it and says what to do.
// Anonymous by default: contact fields appear only when the resident asks to
// be contacted, and the form says what is kept and what is not.
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { buttonClass, ErrorSummary, Field, FieldError, fieldClass, Honeypot, ReceiptPanel, SavedOnDevice, WhatWeKeep } from '../../components/forms/FormParts.tsx';
import { publicApi } from '../../lib/api/publicApi.ts';
import { useSubmission } from '../../lib/forms/useSubmission.ts';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import PlacePicker, { type PickedPlace } from '../places/PlacePicker.tsx';
import { submitTip, type TipReceipt } from './submitTip.ts';
import { descriptionLength, detailsLength, tipCategories, tipErrors, tipSchema, type Tip } from './tip.schema.ts';

interface TipFormProps {
  t: Messages['tips'];
  forms: Messages['forms'];
  places: Messages['places'];
  finder: Messages['finder'];
  /** The "not an emergency line" sentence, with this jurisdiction's numbers. */
  emergencyNotice: string;
  /** Where the receipt code can be checked later. */
  statusUrl: string;
  /** 1 when the form is the page (/tip), 2 when it is a section of one (the home page). */
  headingLevel?: 1 | 2;
  /** The jurisdiction's beats, to say where; a link may preselect one (?beat=). */
  beats: Array<{ id: string; name: string }>;
  /** The languages a resident may ask to be contacted in, the page's first. */
  languages: Array<{ tag: string; name: string }>;
}

// The form's fields are named as submit_tip's arguments, except that everything
// about the place is said with the one "where" control.
const placeFields: Record<string, string> = { beat: 'where', place: 'where', latitude: 'where', longitude: 'where' };

export default function TipForm({ t, forms, places, finder, emergencyNotice, statusUrl, headingLevel = 2, beats, languages }: TipFormProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const id = useId();
  const submission = useSubmission<Tip, TipReceipt>({ kind: 'tips', send: (tip, key) => submitTip(publicApi(), tip, key), t: forms, fields: placeFields });
  const { phase, errors, problem } = submission;
  const [length, setLength] = useState(0);
  const [when, setWhen] = useState<'unknown' | 'ongoing' | 'at'>('unknown');
  const [contact, setContact] = useState(false);
  const [place, setPlace] = useState<PickedPlace>({});
  const [linkedBeat, setLinkedBeat] = useState<string>();
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // "Report a concern here" links name the beat: ?beat=101.
    const linked = new URLSearchParams(window.location.search).get('beat');
    if (linked && beats.some((beat) => beat.id === linked)) {
      setLinkedBeat(linked);
      setPlace({ beat: linked });
    }
    const description = form.current?.elements.namedItem('description');
    if (description instanceof HTMLTextAreaElement) setLength([...description.value.trim()].length);
  }, [beats]);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string | undefined>;
    const given = (value: string | undefined) => (value?.trim() ? value : undefined);
    // The time is typed in the resident's own clock; the API gets the instant.
    const local = data.occurred_at ?? '';
    const input = {
      category: data.category,
      description: data.description,
      beat: place.beat,
      place: place.address,
      longitude: place.point?.[0],
      latitude: place.point?.[1],
      ongoing: when === 'ongoing' || undefined,
      occurred_at: when === 'at' ? (local && !Number.isNaN(Date.parse(local)) ? new Date(local).toISOString() : '') : undefined,
      vehicle_description: given(data.vehicle_description),
      person_description: given(data.person_description),
      ...(contact
        ? { contact_name: given(data.contact_name), contact_email: given(data.contact_email), contact_phone: given(data.contact_phone), contact_language: data.contact_language }
        : {}),
    };
    const found: Record<string, string> = Object.fromEntries(
      Object.entries(tipErrors(input)).map(([field, code]) => [placeFields[field] ?? field, t.errors[code]]),
    );
    // Asking to be contacted means leaving a way to be reached.
    if (contact && !input.contact_email && !input.contact_phone && !found.contact_email) found.contact_email = t.errors['contact.missing'];
    void submission.submit(Object.keys(found).length > 0 ? { errors: found } : { input: tipSchema.parse(input) }, data.website);
  }

  if (phase.name === 'waiting') return <SavedOnDevice id={id} heading={t.waiting.heading} text={t.waiting.text} headingLevel={headingLevel} />;

  if (phase.name === 'received') {
    return <ReceiptPanel id={id} headingLevel={headingLevel} t={t.received} receipt={phase.result.receipt} statusUrl={statusUrl} onAnother={submission.startOver} />;
  }

  const remaining = descriptionLength.max - length;
  const needed = descriptionLength.min - length;
  const optional = (label: string) => `${label} (${forms.optional})`;

  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`} className="space-y-6">
      <Heading id={`${id}-heading`} className={headingLevel === 1 ? 'text-3xl font-bold' : 'text-2xl font-bold'}>
        {t.heading}
      </Heading>
      <p>{t.intro}</p>
      <p className="rounded-md border-l-4 border-alert-700 bg-alert-50 px-4 py-3">{emergencyNotice}</p>

      <ErrorSummary errors={errors} problem={problem} idPrefix={id} heading={forms.summary} />

      <Field id={`${id}-category`} label={t.category} error={errors.category}>
        {(control) => (
          <select {...control} name="category" defaultValue="" className={fieldClass}>
            <option value="" disabled>
              {t.chooseCategory}
            </option>
            {tipCategories.map((category) => (
              <option key={category} value={category}>
                {t.categories[category]}
              </option>
            ))}
          </select>
        )}
      </Field>

      <PlacePicker
        // A linked beat arrives after hydration: start the picker again with it.
        key={linkedBeat ?? ''}
        id={`${id}-where`}
        label={t.where}
        hint={t.whereHint}
        error={errors.where}
        t={finder}
        places={places}
        modes={['beat', 'address', 'map']}
        beats={beats}
        initialBeat={linkedBeat}
        onChange={setPlace}
      />

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t.when}</legend>
        <FieldError id={`${id}-occurred_at`} error={errors.occurred_at} />
        {(['unknown', 'ongoing', 'at'] as const).map((choice) => (
          <label key={choice} className="flex items-center gap-2">
            <input type="radio" name="when" value={choice} checked={when === choice} onChange={() => setWhen(choice)} className="size-5" />
            {t.whenChoices[choice]}
          </label>
        ))}
        {when === 'at' && (
          <div className="pl-7">
            <label htmlFor={`${id}-occurred_at`} className="block text-sm">
              {t.whenAt}
            </label>
            <input
              id={`${id}-occurred_at`}
              name="occurred_at"
              type="datetime-local"
              aria-invalid={errors.occurred_at ? true : undefined}
              aria-describedby={errors.occurred_at ? `${id}-occurred_at-error` : undefined}
              className={fieldClass}
            />
          </div>
        )}
      </fieldset>

      <Field id={`${id}-description`} label={t.description} hint={t.descriptionHint} error={errors.description}>
        {(control) => (
          <>
            <textarea {...control} name="description" rows={6} onInput={(event) => setLength([...event.currentTarget.value.trim()].length)} className={fieldClass} />
            <p className="text-sm text-slate-700">
              {needed > 0 ? format(t.charactersNeeded, { count: needed }) : format(t.charactersLeft, { count: remaining })}
            </p>
          </>
        )}
      </Field>

      <fieldset className="space-y-4">
        <legend className="font-semibold">{optional(t.peopleLegend)}</legend>
        <p className="text-slate-700">{t.peopleWhy}</p>
        <Field id={`${id}-person_description`} label={t.person} hint={t.personHint} error={errors.person_description}>
          {(control) => <textarea {...control} name="person_description" rows={3} maxLength={detailsLength} className={fieldClass} />}
        </Field>
        <Field id={`${id}-vehicle_description`} label={t.vehicle} hint={t.vehicleHint} error={errors.vehicle_description}>
          {(control) => <textarea {...control} name="vehicle_description" rows={3} maxLength={detailsLength} className={fieldClass} />}
        </Field>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="font-semibold">{t.contactLegend}</legend>
        {(['no', 'yes'] as const).map((choice) => (
          <label key={choice} className="flex items-center gap-2">
            <input type="radio" name="contact" checked={contact === (choice === 'yes')} onChange={() => setContact(choice === 'yes')} className="size-5" />
            {t.contactChoices[choice]}
          </label>
        ))}
        {contact && (
          <div className="space-y-4 border-l-4 border-slate-300 pl-4">
            <Field id={`${id}-contact_name`} label={optional(t.contactName)} error={errors.contact_name}>
              {(control) => <input {...control} name="contact_name" type="text" autoComplete="name" className={fieldClass} />}
            </Field>
            <p id={`${id}-contact-hint`} className="text-slate-700">
              {t.contactHint}
            </p>
            <Field id={`${id}-contact_email`} label={t.contactEmail} error={errors.contact_email}>
              {(control) => <input {...control} name="contact_email" type="email" autoComplete="email" className={fieldClass} />}
            </Field>
            <Field id={`${id}-contact_phone`} label={t.contactPhone} error={errors.contact_phone}>
              {(control) => <input {...control} name="contact_phone" type="tel" autoComplete="tel" className={fieldClass} />}
            </Field>
            <Field id={`${id}-contact_language`} label={t.contactLanguage} error={errors.contact_language}>
              {(control) => (
                <select {...control} name="contact_language" defaultValue={languages[0]?.tag} className={fieldClass}>
                  {languages.map((language) => (
                    <option key={language.tag} value={language.tag}>
                      {language.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        )}
      </fieldset>

      <Honeypot id={id} label={forms.honeypot} />

      <WhatWeKeep id={id} t={t.stored} headingLevel={headingLevel === 1 ? 2 : 3}>
        <p>{t.attachmentsLater}</p>
      </WhatWeKeep>

      <button type="submit" disabled={!submission.hydrated} aria-disabled={phase.name === 'sending'} className={buttonClass}>
        {phase.name === 'sending' ? forms.sending : t.submit}
      </button>
    </form>
  );
}
