// A watch group's registration as staff see it: the group, the review
// (approve, ask for changes, decline, retire) and its captain and members,
// whom only community officers ever see, exportable for the captain's officer.
import { useEffect, useId, useState } from 'react';
import { Field, fieldClass, secondaryButtonClass } from '../../../components/forms/FormParts.tsx';
import ActionForm, { NoteField } from '../workspace/ActionForm.tsx';
import { toCsv } from '../workspace/csv.ts';
import { Details } from '../workspace/Details.tsx';
import { saveFile } from '../workspace/download.ts';
import { statusesOf, type WatchGroupRecord, type WatchMemberRecord } from '../workspace/records.ts';
import { addStaffNote, reviewWatchGroup } from '../workspace/staffData.ts';
import { useWorkspace } from '../workspace/words.ts';

export function WatchGroupDetails({ group }: { group: WatchGroupRecord }) {
  const ws = useWorkspace();
  const words = ws.t.item;
  const preferences = ws.labels.meetingPreferences as Record<string, string>;
  return (
    <Details
      details={[
        { label: words.status, value: ws.status('watch_group', group.status) },
        { label: words.name, value: group.name },
        { label: words.beat, value: group.beat ?? words.noBeat },
        { label: words.registered, value: ws.dateTime(group.created_at) },
        group.approved_at !== null && { label: words.approved, value: ws.dateTime(group.approved_at) },
        { label: words.lastChanged, value: ws.dateTime(group.status_changed_at) },
        group.meeting_preference !== null && { label: words.meetingPreference, value: preferences[group.meeting_preference] ?? group.meeting_preference },
        group.meeting_note !== null && { label: words.meetingNote, value: group.meeting_note },
        group.expected_members !== null && { label: words.expectedMembers, value: group.expected_members },
        group.public_note !== null && { label: words.publicNote, value: group.public_note },
      ]}
    />
  );
}

export function WatchGroupReview({ group, onSaved }: { group: WatchGroupRecord; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.actions.watchGroup;
  const [status, setStatus] = useState<string>(group.status);
  const [publicNote, setPublicNote] = useState(group.public_note ?? '');
  const [note, setNote] = useState('');
  useEffect(() => {
    setStatus(group.status);
    setPublicNote(group.public_note ?? '');
    setNote('');
  }, [group]);
  const id = 'watch-review';
  const legend = useId();

  function act() {
    const change = {
      status: status !== group.status ? status : null,
      public_note: publicNote.trim() !== (group.public_note ?? '') ? publicNote : null,
      note: note.trim() || null,
    };
    if (change.status !== null || change.public_note !== null) return reviewWatchGroup(ws.client, group.watch_group_id, change);
    return change.note ? addStaffNote(ws.client, 'watch_group', group.watch_group_id, change.note) : undefined;
  }

  return (
    <ActionForm
      id={id}
      fields={['status', 'public_note', 'note']}
      check={(): Record<string, string> => (status === 'changes_requested' && !publicNote.trim() ? { public_note: words.publicNoteNeeded } : {})}
      act={act}
      onSaved={onSaved}
      submitLabel={ws.t.actions.save}
    >
      {(errors) => (
        <>
          <fieldset id={`${id}-status`} tabIndex={-1} aria-describedby={errors.status ? `${id}-status-error` : undefined} className="space-y-2">
            <legend id={legend} className="font-semibold">
              {words.decision}
            </legend>
            {errors.status && (
              <p id={`${id}-status-error`} className="font-semibold text-alert-700">
                {errors.status}
              </p>
            )}
            {statusesOf.watch_group.map((value) => (
              <label key={value} className="flex min-h-11 items-start gap-3">
                <input type="radio" name={`${id}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} className="mt-1 h-5 w-5 shrink-0" />
                <span>{words.decisions[value]}</span>
              </label>
            ))}
          </fieldset>
          <p className="text-slate-700">{words.published}</p>
          <Field id={`${id}-public_note`} label={words.publicNote} hint={words.publicNoteHint} error={errors.public_note}>
            {(control) => <textarea {...control} rows={3} maxLength={2000} value={publicNote} onChange={(event) => setPublicNote(event.target.value)} className={fieldClass} />}
          </Field>
          <NoteField id={id} value={note} onChange={setNote} error={errors.note} />
        </>
      )}
    </ActionForm>
  );
}

export function WatchGroupMembers({ group, members, headingId }: { group: WatchGroupRecord; members: readonly WatchMemberRecord[]; headingId: string }) {
  const ws = useWorkspace();
  const words = ws.t.actions.watchGroup;
  const { columns } = words;

  function exportMembers() {
    const rows = [
      [columns.role, columns.name, columns.email, columns.phone, columns.block, columns.joined],
      ...members.map((member) => [words.memberRoles[member.role], member.name, member.email, member.phone, member.block, ws.dateTime(member.created_at)]),
    ];
    saveFile(`watch-group-${group.watch_group_id.slice(0, 8)}-members.csv`, 'text/csv;charset=utf-8', toCsv(rows));
  }

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-xl font-bold">
        {words.membersHeading}
      </h3>
      {members.length === 0 ? (
        <p>{words.membersNone}</p>
      ) : (
        <>
          <ul className="space-y-3">
            {members.map((member) => (
              <li key={member.member_id} className="rounded-md border border-slate-300 p-3">
                <p className="font-semibold">
                  {member.name} <span className="font-normal text-slate-700">({words.memberRoles[member.role]})</span>
                </p>
                <Details
                  details={[
                    member.email !== null && { label: columns.email, value: member.email },
                    member.phone !== null && { label: columns.phone, value: member.phone },
                    member.block !== null && { label: columns.block, value: member.block },
                    { label: columns.joined, value: ws.dateTime(member.created_at) },
                  ]}
                />
              </li>
            ))}
          </ul>
          <div className="space-y-1">
            <button type="button" onClick={exportMembers} className={secondaryButtonClass} aria-describedby={`${headingId}-csv`}>
              {words.membersCsv}
            </button>
            <p id={`${headingId}-csv`} className="text-sm text-slate-700">
              {words.membersCsvHint}
            </p>
          </div>
        </>
      )}
    </section>
  );
}
