// Registering a new neighbourhood watch group: its name and area (the beat is
// derived from the area), its captain, when it would meet and how many
// members it expects. Staff review it; the resident gets a receipt code to
// follow the review. Fields are uncontrolled, so text typed before the island
// hydrates is kept; the shared kit (useSubmission) does the sending, the
// retries and the queue in the browser.
import { useId, useState, type SubmitEvent } from 'react';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { publicApi } from '../../lib/api/publicApi.ts';
import { useSubmission } from '../../lib/forms/useSubmission.ts';
import { buttonClass, ErrorSummary, Field, FieldError, fieldClass, Honeypot, ReceiptPanel, SavedOnDevice } from '../../components/forms/FormParts.tsx';
import AreaPicker, { type ChosenArea } from './AreaPicker.tsx';
import { registerWatchGroup } from './registerWatchGroup.ts';
import { meetingPreferences, registrationErrors, registrationSchema, watchLimits, type WatchRegistration } from './watch.schema.ts';

interface Props {
  t: Messages['watch'];
  forms: Messages['forms'];
  finderWords: Messages['finder'];
  places: Messages['places'];
  /** The "not an emergency line" sentence, with this jurisdiction's numbers. */
  emergencyNotice: string;
  /** Where the receipt code can be checked later. */
  statusUrl: string;
  /** Ids and names only: a beat's streets and boundary are fetched once the resident names it. */
  beats: Array<{ id: string; name: string }>;
}

const wholeNumber = /^\s*\d{1,6}\s*$/;

export default function WatchRegistrationForm({ t, forms, finderWords, places, emergencyNotice, statusUrl, beats }: Props) {
  const id = useId();
  const words = t.register;
  const { hydrated, phase, errors, problem, submit, startOver } = useSubmission({
    kind: 'watch-registrations',
    send: (registration: WatchRegistration, key: string) => registerWatchGroup(publicApi(), registration, key),
    t: forms,
  });
  const [chosen, setChosen] = useState<ChosenArea>({});
  const [noteLength, setNoteLength] = useState(0);

  if (phase.name === 'waiting') return <SavedOnDevice id={id} heading={words.waiting.heading} text={words.waiting.text} headingLevel={2} />;
  if (phase.name === 'received') {
    return <ReceiptPanel id={id} headingLevel={2} t={words.received} receipt={phase.result.receipt} statusUrl={statusUrl} onAnother={startOver} />;
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const members = text('expected_members');
    const input = {
      name: text('name'),
      area: chosen.area,
      beat: chosen.beat,
      captain_name: text('captain_name'),
      captain_email: text('captain_email'),
      captain_phone: text('captain_phone'),
      meeting_preference: data.get('meeting_preference') ?? undefined,
      meeting_note: text('meeting_note'),
      expected_members: wholeNumber.test(members) ? Number(members) : undefined,
    };
    const found = registrationErrors(input);
    const worded = Object.fromEntries(Object.entries(found).map(([field, code]) => [field, words.errors[code]]));
    const parsed = registrationSchema.safeParse(input);
    await submit(parsed.success ? { input: parsed.data } : { errors: worded }, text('website'));
  }

  const sending = phase.name === 'sending';
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`} className="space-y-6">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {words.heading}
      </h2>
      <p>{words.intro}</p>
      <p className="rounded-md border-l-4 border-alert-700 bg-alert-50 px-4 py-3">{emergencyNotice}</p>

      <ErrorSummary errors={errors} problem={problem} idPrefix={id} heading={forms.summary} />

      <Field id={`${id}-name`} label={words.name} hint={words.nameHint} error={errors.name}>
        {(control) => <input {...control} name="name" type="text" autoComplete="off" className={fieldClass} />}
      </Field>

      <AreaPicker
        id={id}
        t={t.area}
        finderWords={finderWords}
        places={places}
        beats={beats}
        areaError={errors.area}
        beatError={errors.beat}
        onChange={setChosen}
      />

      <fieldset className="space-y-4">
        <legend className="text-xl font-bold">{words.captainHeading}</legend>
        <p className="text-slate-700">{words.captainHint}</p>
        <Field id={`${id}-captain_name`} label={words.captainName} error={errors.captain_name}>
          {(control) => <input {...control} name="captain_name" type="text" autoComplete="name" className={fieldClass} />}
        </Field>
        <Field id={`${id}-captain_email`} label={words.captainEmail} error={errors.captain_email}>
          {(control) => <input {...control} name="captain_email" type="email" autoComplete="email" className={fieldClass} />}
        </Field>
        <Field id={`${id}-captain_phone`} label={words.captainPhone} hint={words.captainPhoneHint} error={errors.captain_phone}>
          {(control) => <input {...control} name="captain_phone" type="tel" autoComplete="tel" className={fieldClass} />}
        </Field>
      </fieldset>

      <fieldset className="space-y-1">
        <legend className="font-semibold">{words.meetingPreference}</legend>
        <FieldError id={`${id}-meeting_preference`} error={errors.meeting_preference} />
        {meetingPreferences.map((preference, index) => (
          <label key={preference} className="flex min-h-11 items-center gap-2">
            <input
              id={index === 0 ? `${id}-meeting_preference` : undefined}
              type="radio"
              name="meeting_preference"
              value={preference}
              aria-describedby={index === 0 && errors.meeting_preference ? `${id}-meeting_preference-error` : undefined}
              className="size-5"
            />
            {words.meetingPreferences[preference]}
          </label>
        ))}
      </fieldset>

      <Field
        id={`${id}-meeting_note`}
        label={
          <>
            {words.meetingNote} <span className="font-normal text-slate-700">({forms.optional})</span>
          </>
        }
        hint={words.meetingNoteHint}
        error={errors.meeting_note}
      >
        {(control) => (
          <>
            <textarea {...control} name="meeting_note" rows={3} onInput={(event) => setNoteLength([...event.currentTarget.value.trim()].length)} className={fieldClass} />
            <p className="text-sm text-slate-700">{format(words.charactersLeft, { count: watchLimits.meetingNote - noteLength })}</p>
          </>
        )}
      </Field>

      <Field id={`${id}-expected_members`} label={words.expectedMembers} hint={words.expectedMembersHint} error={errors.expected_members}>
        {(control) => <input {...control} name="expected_members" type="text" inputMode="numeric" autoComplete="off" className={`${fieldClass} max-w-40`} />}
      </Field>

      <Honeypot id={id} label={forms.honeypot} />

      <button type="submit" disabled={!hydrated} aria-disabled={sending} className={buttonClass}>
        {sending ? forms.sending : words.submit}
      </button>
    </form>
  );
}
