// The workshop request island: a business chooses a workshop or a survey,
// says where (the beat is found from the address in the browser), who to
// contact and two or three times that suit it. Fields are uncontrolled, so
// what is typed before the island hydrates is kept; the send button works only
// once it has. Sent, refused, offline or rate-limited: the shared form kit
// (useSubmission) says what happened, and nothing typed is lost.
import { useEffect, useId, useRef, useState, type InputEvent, type SubmitEvent } from 'react';
import { buttonClass, ErrorSummary, Field, FieldError, fieldClass, Honeypot, ReceiptPanel, SavedOnDevice, WhatWeKeep } from '../../components/forms/FormParts.tsx';
import { publicApi } from '../../lib/api/publicApi.ts';
import { useSubmission } from '../../lib/forms/useSubmission.ts';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import PlacePicker, { type PickedPlace } from '../places/PlacePicker.tsx';
import type { WorkshopChoice } from './catalogue.ts';
import { requestWorkshop, type WorkshopReceipt } from './requestWorkshop.ts';
import { bookingHorizonDays, preferredTimeCount, workshopLimits, workshopRequestErrors, workshopRequestSchema, type WorkshopRequest, type WorkshopRequestField } from './workshop.schema.ts';

interface Props {
  t: Messages['workshops'];
  forms: Messages['forms'];
  places: Messages['places'];
  finder: Messages['finder'];
  /** The "not an emergency line" sentence, with this jurisdiction's numbers. */
  emergencyNotice: string;
  /** Where the receipt code can be checked later. */
  statusUrl: string;
  catalogue: WorkshopChoice[];
  beats: Array<{ id: string; name: string }>;
  /** The languages a business may ask to be contacted in, the page's first. */
  languages: Array<{ tag: string; name: string }>;
}

// The form's fields are named as request_workshop's arguments, except that
// everything about the place belongs to the address box.
const placeFields: Record<string, string> = { beat: 'address', latitude: 'address', longitude: 'address' };

const fieldOrder: WorkshopRequestField[] = [
  'workshop',
  'business_name',
  'address',
  'beat',
  'latitude',
  'longitude',
  'contact_name',
  'contact_email',
  'contact_phone',
  'contact_language',
  'attendees',
  'preferred_times',
  'notes',
];

const timeSlots = Array.from({ length: preferredTimeCount.max }, (_, slot) => slot);

/** A datetime-local value (the browser's own clock) for an instant. */
const localInput = (at: Date) => new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export default function WorkshopRequestForm({ t, forms, places, finder, emergencyNotice, statusUrl, catalogue, beats, languages }: Props) {
  const id = useId();
  const words = t.form;
  const submission = useSubmission<WorkshopRequest, WorkshopReceipt>({
    kind: 'workshops',
    send: (request, key) => requestWorkshop(publicApi(), request, key),
    t: forms,
    fields: placeFields,
  });
  const { phase, errors, problem } = submission;
  const form = useRef<HTMLFormElement>(null);
  const [chosen, setChosen] = useState('');
  const [place, setPlace] = useState<PickedPlace>({});
  const [notesLength, setNotesLength] = useState(0);
  // The picker's bounds are set once hydrated, so the server's HTML and the browser's agree.
  const [range, setRange] = useState<{ min: string; max: string }>();
  const addressId = `${id}-address`;
  const workshop = catalogue.find((choice) => choice.id === chosen);
  const attendeesRequired = workshop?.kind !== 'survey';
  // The form is shown anew after a receipt ("request another"): its fields start over then.
  const formShown = phase.name === 'editing' || phase.name === 'sending';

  useEffect(() => {
    if (!formShown) return;
    // "Request this" links in the catalogue name the workshop: ?workshop=cpted-survey.
    const select = form.current?.elements.namedItem('workshop');
    const linked = new URLSearchParams(window.location.search).get('workshop');
    if (select instanceof HTMLSelectElement) {
      if (linked && catalogue.some((choice) => choice.id === linked)) select.value = linked;
      setChosen(select.value);
    }
    const notes = form.current?.elements.namedItem('notes');
    if (notes instanceof HTMLTextAreaElement) setNotesLength([...notes.value.trim()].length);
    const now = new Date();
    setRange({ min: localInput(now), max: localInput(new Date(now.getTime() + bookingHorizonDays * 86_400_000)) });
  }, [catalogue, formShown]);

  // Typing in the address box after a lookup makes that lookup stale: it no longer says where.
  function onAddressTyping(event: InputEvent<HTMLDivElement>) {
    if ((event.target as HTMLElement).id === addressId) setPlace({});
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string | undefined>;
    const given = (value: string | undefined) => (value?.trim() ? value : undefined);
    // An address the finder did not look up is still the business's address; only its beat is unknown.
    const typed = document.getElementById(addressId);
    const address = place.address ?? (typed instanceof HTMLInputElement ? typed.value : '');
    // Times are typed in the business's own clock; the API gets instants.
    const input = {
      workshop: data.workshop ?? '',
      business_name: data.business_name,
      address,
      beat: place.beat,
      longitude: place.point?.[0],
      latitude: place.point?.[1],
      contact_name: data.contact_name,
      contact_email: given(data.contact_email),
      contact_phone: given(data.contact_phone),
      contact_language: data.contact_language,
      attendees: given(data.attendees) === undefined ? undefined : Number(data.attendees),
      preferred_times: timeSlots
        .map((slot) => data[`preferred_times${slot}`] ?? '')
        .filter((local) => local !== '')
        .map((local) => (Number.isNaN(Date.parse(local)) ? local : new Date(local).toISOString())),
      notes: given(data.notes),
    };
    const problems = workshopRequestErrors(input, { attendeesRequired });
    // In the order the fields appear, so the summary reads down the form.
    const found: Record<string, string> = {};
    for (const field of fieldOrder) {
      const code = problems[field];
      if (code) found[placeFields[field] ?? field] ??= words.errors[code];
    }
    void submission.submit(Object.keys(found).length > 0 ? { errors: found } : { input: workshopRequestSchema.parse(input) }, data.website);
  }

  if (phase.name === 'waiting') return <SavedOnDevice id={id} heading={words.waiting.heading} text={words.waiting.text} headingLevel={2} />;

  if (phase.name === 'received') {
    return <ReceiptPanel id={id} headingLevel={2} t={words.received} receipt={phase.result.receipt} statusUrl={statusUrl} onAnother={submission.startOver} />;
  }

  const optional = (label: string) => `${label} (${forms.optional})`;

  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`} className="space-y-6">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {words.heading}
      </h2>
      <p>{words.intro}</p>
      <p className="rounded-md border-l-4 border-alert-700 bg-alert-50 px-4 py-3">{emergencyNotice}</p>

      <ErrorSummary errors={errors} problem={problem} idPrefix={id} heading={forms.summary} />

      <Field id={`${id}-workshop`} label={words.workshop} error={errors.workshop}>
        {(control) => (
          <select {...control} name="workshop" defaultValue="" onChange={(event) => setChosen(event.currentTarget.value)} className={fieldClass}>
            <option value="" disabled>
              {words.chooseWorkshop}
            </option>
            {catalogue.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.title} ({t.kinds[choice.kind]})
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id={`${id}-business_name`} label={words.businessName} error={errors.business_name}>
        {(control) => <input {...control} name="business_name" type="text" autoComplete="organization" className={fieldClass} />}
      </Field>

      <div onInput={onAddressTyping}>
        <PlacePicker
          id={addressId}
          label={words.address}
          hint={words.addressHint}
          error={errors.address}
          t={finder}
          places={places}
          modes={['address']}
          beats={beats}
          onChange={setPlace}
        />
      </div>

      <fieldset className="space-y-4" aria-describedby={`${id}-contact-hint`}>
        <legend className="font-semibold">{words.contactLegend}</legend>
        <Field id={`${id}-contact_name`} label={words.contactName} error={errors.contact_name}>
          {(control) => <input {...control} name="contact_name" type="text" autoComplete="name" className={fieldClass} />}
        </Field>
        <p id={`${id}-contact-hint`} className="text-slate-700">
          {words.contactHint}
        </p>
        <Field id={`${id}-contact_email`} label={words.contactEmail} error={errors.contact_email}>
          {(control) => <input {...control} name="contact_email" type="email" autoComplete="email" className={fieldClass} />}
        </Field>
        <Field id={`${id}-contact_phone`} label={words.contactPhone} error={errors.contact_phone}>
          {(control) => <input {...control} name="contact_phone" type="tel" autoComplete="tel" className={fieldClass} />}
        </Field>
        <Field id={`${id}-contact_language`} label={words.contactLanguage} error={errors.contact_language}>
          {(control) => (
            <select {...control} name="contact_language" defaultValue={languages[0]?.tag} className={fieldClass}>
              {languages.map((language) => (
                <option key={language.tag} value={language.tag} lang={language.tag}>
                  {language.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <Field
        id={`${id}-attendees`}
        label={attendeesRequired ? words.attendees : optional(words.attendees)}
        hint={workshop ? (workshop.kind === 'survey' ? words.attendeesSurvey : format(words.attendeesMinimum, { count: workshop.minimumAttendees })) : undefined}
        error={errors.attendees}
      >
        {(control) => (
          <input
            {...control}
            name="attendees"
            type="number"
            inputMode="numeric"
            min={workshopLimits.attendees.min}
            max={workshopLimits.attendees.max}
            step={1}
            className={`${fieldClass} max-w-40`}
          />
        )}
      </Field>

      <fieldset className="space-y-3" aria-describedby={`${id}-preferred_times-hint`}>
        <legend className="font-semibold">{words.timesLegend}</legend>
        <p id={`${id}-preferred_times-hint`} className="text-slate-700">
          {words.timesHint}
        </p>
        <FieldError id={`${id}-preferred_times`} error={errors.preferred_times} />
        {timeSlots.map((slot) => {
          // The first box is the one the error summary links to.
          const inputId = slot === 0 ? `${id}-preferred_times` : `${id}-preferred_times-${slot}`;
          const label = words.times[slot] ?? '';
          return (
            <div key={slot} className="space-y-1">
              <label htmlFor={inputId} className="block text-sm font-semibold">
                {slot < preferredTimeCount.min ? label : optional(label)}
              </label>
              <input
                id={inputId}
                name={`preferred_times${slot}`}
                type="datetime-local"
                min={range?.min}
                max={range?.max}
                aria-invalid={errors.preferred_times ? true : undefined}
                aria-describedby={errors.preferred_times ? `${id}-preferred_times-error` : undefined}
                className={`${fieldClass} max-w-xs`}
              />
            </div>
          );
        })}
      </fieldset>

      <Field id={`${id}-notes`} label={optional(words.notes)} hint={words.notesHint} error={errors.notes}>
        {(control) => (
          <>
            <textarea {...control} name="notes" rows={4} onInput={(event) => setNotesLength([...event.currentTarget.value.trim()].length)} className={fieldClass} />
            <p className="text-sm text-slate-700">{format(words.charactersLeft, { count: workshopLimits.notes - notesLength })}</p>
          </>
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
