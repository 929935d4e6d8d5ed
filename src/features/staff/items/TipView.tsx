// A tip as staff see it: everything the resident gave, triage (status,
// assignment, public reply, internal note) and marking it as a repeat.
import { useEffect, useState } from 'react';
import { Field, fieldClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import ActionForm, { NoteField } from '../workspace/ActionForm.tsx';
import { Details } from '../workspace/Details.tsx';
import { statusesOf, type TipRecord } from '../workspace/records.ts';
import { addStaffNote, loadDuplicateCandidates, triageTip, type DuplicateCandidate } from '../workspace/staffData.ts';
import { routeHash } from '../workspace/route.ts';
import { useWorkspace } from '../workspace/words.ts';

export function TipDetails({ tip }: { tip: TipRecord }) {
  const ws = useWorkspace();
  const words = ws.t.item;
  const contact = tip.contact_name || tip.contact_email || tip.contact_phone;
  return (
    <Details
      details={[
        { label: words.status, value: ws.status('tip', tip.status) },
        { label: words.category, value: ws.category('tip', tip.category) },
        { label: words.beat, value: tip.beat ?? words.noBeat },
        { label: words.received, value: ws.dateTime(tip.created_at) },
        { label: words.lastChanged, value: ws.dateTime(tip.status_changed_at) },
        { label: words.when, value: tip.ongoing ? words.ongoing : tip.occurred_at ? ws.dateTime(tip.occurred_at) : words.whenUnknown },
        tip.place !== null && { label: words.place, value: tip.place },
        tip.latitude !== null && tip.longitude !== null && { label: words.point, value: format(words.pointValue, { latitude: tip.latitude, longitude: tip.longitude }) },
        { label: words.description, value: tip.purged_at !== null ? format(words.purged, { date: ws.date(tip.purged_at) }) : tip.description },
        tip.vehicle_description !== null && { label: words.vehicles, value: tip.vehicle_description },
        tip.person_description !== null && { label: words.people, value: tip.person_description },
        {
          label: words.contact,
          value: contact ? (
            <Details
              details={[
                { label: words.contactName, value: tip.contact_name ?? words.notGiven },
                { label: words.contactEmail, value: tip.contact_email ?? words.notGiven },
                { label: words.contactPhone, value: tip.contact_phone ?? words.notGiven },
                tip.contact_language !== null && { label: words.contactLanguage, value: ws.language(tip.contact_language) },
              ]}
            />
          ) : (
            words.anonymous
          ),
        },
        { label: words.assignedTo, value: tip.assigned_to ? ws.officer(tip.assigned_to) : words.nobody },
        tip.public_reply !== null && { label: words.publicReply, value: tip.public_reply },
      ]}
    />
  );
}

export function TipActions({ tip, onSaved }: { tip: TipRecord; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.actions.tip;
  const [status, setStatus] = useState<string>(tip.status);
  const [assignedTo, setAssignedTo] = useState(tip.assigned_to ?? '');
  const [reply, setReply] = useState(tip.public_reply ?? '');
  const [note, setNote] = useState('');
  useEffect(() => {
    setStatus(tip.status);
    setAssignedTo(tip.assigned_to ?? '');
    setReply(tip.public_reply ?? '');
    setNote('');
  }, [tip]);

  const officers = ws.officers.filter((officer) => tip.beat === null || officer.beats.includes(tip.beat));
  const assignedElsewhere = tip.assigned_to !== null && !officers.some((officer) => officer.slug === tip.assigned_to);
  const id = 'tip-triage';

  function act() {
    const change = {
      status: status !== tip.status ? status : null,
      assigned_to: assignedTo !== (tip.assigned_to ?? '') ? assignedTo : null,
      public_reply: reply.trim() !== (tip.public_reply ?? '') ? reply : null,
      note: note.trim() || null,
    };
    if (change.status !== null || change.assigned_to !== null || change.public_reply !== null) return triageTip(ws.client, tip.tip_id, change);
    return change.note ? addStaffNote(ws.client, 'tip', tip.tip_id, change.note) : undefined;
  }

  return (
    <ActionForm id={id} fields={['status', 'assigned_to', 'public_reply', 'note']} act={act} onSaved={onSaved} submitLabel={ws.t.actions.save}>
      {(errors) => (
        <>
          <Field id={`${id}-status`} label={words.status} error={errors.status}>
            {(control) => (
              <select {...control} value={status} onChange={(event) => setStatus(event.target.value)} className={fieldClass}>
                {statusesOf.tip.map((value) => (
                  <option key={value} value={value}>
                    {ws.status('tip', value)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-assigned_to`} label={words.assign} hint={words.assignHint} error={errors.assigned_to}>
            {(control) => (
              <select {...control} value={assignedTo} onChange={(event) => setAssignedTo(event.target.value)} className={fieldClass}>
                <option value="">{ws.t.item.nobody}</option>
                {assignedElsewhere && <option value={tip.assigned_to!}>{ws.officer(tip.assigned_to!)}</option>}
                {officers.map((officer) => (
                  <option key={officer.slug} value={officer.slug}>
                    {officer.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-public_reply`} label={words.publicReply} hint={words.publicReplyHint} error={errors.public_reply}>
            {(control) => <textarea {...control} rows={4} maxLength={5000} value={reply} onChange={(event) => setReply(event.target.value)} className={fieldClass} />}
          </Field>
          <NoteField id={id} value={note} onChange={setNote} error={errors.note} />
        </>
      )}
    </ActionForm>
  );
}

export function TipDuplicate({ tip, onSaved }: { tip: TipRecord; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.actions.tip;
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    if (tip.duplicate_of) return;
    let current = true;
    void loadDuplicateCandidates(ws.client, tip).then((outcome) => current && setCandidates(outcome.kind === 'ok' ? outcome.value : []));
    return () => {
      current = false;
    };
  }, [tip, ws.client]);

  if (tip.duplicate_of) {
    return (
      <p>
        {words.isDuplicate} <a href={routeHash({ view: 'item', kind: 'tip', id: tip.duplicate_of })} className="text-brand-700 underline">{words.openDuplicate}</a>
      </p>
    );
  }
  if (candidates === null) return <p>{ws.t.item.loading}</p>;
  if (candidates.length === 0) return <p>{words.noCandidates}</p>;
  const id = 'tip-duplicate';
  const snippet = (text: string | null) => (text && text.length > 60 ? `${text.slice(0, 60)}…` : (text ?? ''));
  return (
    <ActionForm
      id={id}
      fields={['duplicate_of']}
      check={(): Record<string, string> => (chosen ? {} : { duplicate_of: ws.t.actions.errors.duplicate_of })}
      act={() => triageTip(ws.client, tip.tip_id, { duplicate_of: chosen })}
      onSaved={onSaved}
      submitLabel={words.markDuplicate}
    >
      {(errors) => (
        <Field id={`${id}-duplicate_of`} label={words.duplicateOf} hint={words.duplicateHint} error={errors.duplicate_of}>
          {(control) => (
            <select {...control} value={chosen} onChange={(event) => setChosen(event.target.value)} className={fieldClass}>
              <option value="">{words.chooseTip}</option>
              {candidates.map((candidate) => (
                <option key={candidate.tip_id} value={candidate.tip_id}>
                  {format(words.candidate, { date: ws.date(candidate.created_at), category: ws.category('tip', candidate.category), text: snippet(candidate.description) })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </ActionForm>
  );
}
