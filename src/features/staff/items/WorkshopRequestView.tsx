// A business's workshop request as staff see it: the request, scheduling
// (confirm one of the preferred times or another, decline with a reason, mark
// it done) and, once confirmed, where it is on the public calendar (the
// database publishes it; see workshopMeeting.ts).
import { useEffect, useId, useState } from 'react';
import { Field, fieldClass, FieldError } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import { localized } from '../../../lib/i18n/routes.ts';
import ActionForm, { NoteField } from '../workspace/ActionForm.tsx';
import { Details } from '../workspace/Details.tsx';
import { placeOf, workshopMeeting } from './workshopMeeting.ts';
import { statusesOf, type WorkshopRequestRecord } from '../workspace/records.ts';
import { addStaffNote, scheduleWorkshop } from '../workspace/staffData.ts';
import { useWorkspace } from '../workspace/words.ts';
import { instantOf, wallTime } from '../workspace/zonedTime.ts';

export function WorkshopRequestDetails({ request }: { request: WorkshopRequestRecord }) {
  const ws = useWorkspace();
  const words = ws.t.item;
  return (
    <Details
      details={[
        { label: words.status, value: ws.status('workshop_request', request.status) },
        { label: words.workshop, value: ws.category('workshop_request', request.workshop) },
        { label: words.business, value: request.business_name },
        { label: words.address, value: request.address },
        { label: words.beat, value: request.beat ?? words.noBeat },
        request.latitude !== null && request.longitude !== null && { label: words.point, value: format(words.pointValue, { latitude: request.latitude, longitude: request.longitude }) },
        { label: words.received, value: ws.dateTime(request.created_at) },
        { label: words.lastChanged, value: ws.dateTime(request.status_changed_at) },
        {
          label: words.contact,
          value: (
            <Details
              details={[
                { label: words.contactName, value: request.contact_name },
                { label: words.contactEmail, value: request.contact_email ?? words.notGiven },
                { label: words.contactPhone, value: request.contact_phone ?? words.notGiven },
                request.contact_language !== null && { label: words.contactLanguage, value: ws.language(request.contact_language) },
              ]}
            />
          ),
        },
        request.attendees !== null && { label: words.attendees, value: request.attendees },
        {
          label: words.preferredTimes,
          value: (
            <ul>
              {request.preferred_times.map((time) => (
                <li key={time}>{ws.dateTime(time)}</li>
              ))}
            </ul>
          ),
        },
        request.notes !== null && { label: words.notes, value: request.notes },
        request.confirmed_at !== null && { label: words.confirmedFor, value: ws.dateTime(request.confirmed_at) },
        request.decline_reason !== null && { label: words.declineReason, value: request.decline_reason },
      ]}
    />
  );
}

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

export function WorkshopSchedule({ request, onSaved }: { request: WorkshopRequestRecord; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.actions.workshop;
  // The times to choose from: those asked for, and the one confirmed so far if it was another.
  const offered = [...request.preferred_times];
  const confirmedElsewhere = request.confirmed_at !== null && !offered.some((time) => sameInstant(time, request.confirmed_at!));
  if (confirmedElsewhere) offered.push(request.confirmed_at!);
  const initialTime = request.confirmed_at ? offered.find((time) => sameInstant(time, request.confirmed_at!))! : '';

  const [status, setStatus] = useState<string>(request.status);
  const [time, setTime] = useState(initialTime);
  const [otherTime, setOtherTime] = useState('');
  const [reason, setReason] = useState(request.decline_reason ?? '');
  const [note, setNote] = useState('');
  useEffect(() => {
    setStatus(request.status);
    setTime(initialTime);
    setOtherTime('');
    setReason(request.decline_reason ?? '');
    setNote('');
  }, [request, initialTime]);
  const id = 'workshop-schedule';
  const placed = placeOf(request, ws.beats, ws.workshops) === null;
  const legend = useId();
  const timesLegend = useId();

  const chosenTime = () => (time === 'other' ? (otherTime ? instantOf(otherTime, ws.timeZone).toISOString() : '') : time);

  function check(): Record<string, string> {
    if (status === 'confirmed' && !chosenTime()) return { confirmed_at: words.otherTimeNeeded };
    if (status === 'declined' && !reason.trim()) return { decline_reason: words.declineReasonNeeded };
    return {};
  }

  function act() {
    const confirmedAt = status === 'confirmed' ? chosenTime() : '';
    const change = {
      status: status !== request.status ? status : null,
      confirmed_at: confirmedAt && !(request.confirmed_at && sameInstant(confirmedAt, request.confirmed_at)) ? confirmedAt : null,
      decline_reason: status === 'declined' && reason.trim() !== (request.decline_reason ?? '') ? reason : null,
      note: note.trim() || null,
    };
    if (change.status !== null || change.confirmed_at !== null || change.decline_reason !== null) return scheduleWorkshop(ws.client, request.workshop_request_id, change);
    return change.note ? addStaffNote(ws.client, 'workshop_request', request.workshop_request_id, change.note) : undefined;
  }

  return (
    <ActionForm id={id} fields={['status', 'confirmed_at', 'decline_reason', 'note']} check={check} act={act} onSaved={onSaved} submitLabel={ws.t.actions.save}>
      {(errors) => (
        <>
          <fieldset id={`${id}-status`} tabIndex={-1} className="space-y-2">
            <legend id={legend} className="font-semibold">
              {words.decision}
            </legend>
            <FieldError id={`${id}-status`} error={errors.status} />
            {statusesOf.workshop_request.map((value) => (
              <label key={value} className="flex min-h-11 items-start gap-3">
                <input type="radio" name={`${id}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} className="mt-1 h-5 w-5 shrink-0" />
                <span>{words.decisions[value]}</span>
              </label>
            ))}
          </fieldset>
          {status === 'confirmed' && (
            <fieldset id={`${id}-confirmed_at`} tabIndex={-1} aria-describedby={placed ? `${id}-time-hint ${id}-publishes` : `${id}-time-hint`} className="space-y-2">
              <legend id={timesLegend} className="font-semibold">
                {words.time}
              </legend>
              <p id={`${id}-time-hint`} className="text-slate-700">
                {format(words.timeHint, { zone: ws.timeZone })}
              </p>
              {placed && (
                <p id={`${id}-publishes`} className="text-slate-700">
                  {words.confirmPublishes}
                </p>
              )}
              <FieldError id={`${id}-confirmed_at`} error={errors.confirmed_at} />
              {offered.map((value) => (
                <label key={value} className="flex min-h-11 items-start gap-3">
                  <input type="radio" name={`${id}-time`} value={value} checked={time === value} onChange={() => setTime(value)} className="mt-1 h-5 w-5 shrink-0" />
                  <span>{format(confirmedElsewhere && value === request.confirmed_at ? words.current : words.preferred, { time: ws.dateTime(value) })}</span>
                </label>
              ))}
              <label className="flex min-h-11 items-start gap-3">
                <input type="radio" name={`${id}-time`} value="other" checked={time === 'other'} onChange={() => setTime('other')} className="mt-1 h-5 w-5 shrink-0" />
                <span>{words.otherTime}</span>
              </label>
              {time === 'other' && (
                <Field id={`${id}-other-time`} label={words.otherTimeLabel} hint={format(words.timeHint, { zone: ws.timeZone })}>
                  {(control) => (
                    <input
                      {...control}
                      type="datetime-local"
                      value={otherTime}
                      min={wallTime(new Date(), ws.timeZone)}
                      onChange={(event) => setOtherTime(event.target.value.slice(0, 16))}
                      className={fieldClass}
                    />
                  )}
                </Field>
              )}
            </fieldset>
          )}
          {status === 'declined' && (
            <Field id={`${id}-decline_reason`} label={words.declineReason} hint={words.declineReasonHint} error={errors.decline_reason}>
              {(control) => <textarea {...control} rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} className={fieldClass} />}
            </Field>
          )}
          <NoteField id={id} value={note} onChange={setNote} error={errors.note} />
        </>
      )}
    </ActionForm>
  );
}

export function WorkshopOnCalendar({ request, headingId }: { request: WorkshopRequestRecord; headingId: string }) {
  const ws = useWorkspace();
  const words = ws.t.actions.workshop;
  const meeting = workshopMeeting(request, ws.beats, ws.workshops);
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-xl font-bold">
        {words.meetingHeading}
      </h3>
      {meeting.kind === 'listed' ? (
        <>
          <p>{format(words.meetingListed, { business: request.business_name, address: request.address, time: ws.dateTime(meeting.confirmedAt) })}</p>
          <p>
            {/* The site has no page per meeting: the beat's meetings list it. The site's first language is at the root. */}
            <a href={localized([ws.defaultLanguage], ws.locale, `/meetings/beats/${meeting.beat}`)} className="text-brand-700 underline">
              {format(words.meetingLink, { beat: meeting.beat })}
            </a>
          </p>
        </>
      ) : (
        <p>{words.meetingUnavailable[meeting.reason]}</p>
      )}
    </section>
  );
}
