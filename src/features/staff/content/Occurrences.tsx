// A meeting's coming dates, each of which can be cancelled or moved with a
// reason residents read (on the meeting's pages and in calendar feeds), or
// put back on the schedule. One date's form opens at a time, beside it.
import { useId, useState, type SubmitEvent } from 'react';
import { buttonClass, ErrorSummary, Field, fieldClass, secondaryButtonClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import { meetingEntry } from '../../../lib/content/rows.ts';
import { occurrences, type Occurrence } from '../../../lib/content/recurrence.ts';
import { deleteContent, saveContent, type MeetingWithExceptions } from './contentEdits.ts';
import { useWorkspace } from '../workspace/words.ts';

const shownAhead = 8;
const yearMs = 366 * 86_400_000;

/** The next dates of the meeting from `now`, cancelled and moved ones included; none when its schedule cannot be read. */
export function comingDates(meeting: MeetingWithExceptions, siteTimeZone: string, now: Date): Occurrence[] {
  try {
    const entry = meetingEntry(meeting.meeting, meeting.exceptions);
    return occurrences(entry, { timeZone: siteTimeZone, from: now, to: new Date(now.getTime() + yearMs) }).slice(0, shownAhead);
  } catch {
    return [];
  }
}

interface Props {
  meeting: MeetingWithExceptions;
  headingId: string;
  /** Reloads the meeting and its history; resolves once they are on screen. */
  onChanged(): Promise<void>;
}

export default function Occurrences({ meeting, headingId, onChanged }: Props) {
  const ws = useWorkspace();
  const words = ws.t.content.occurrences;
  const [now] = useState(() => new Date());
  const [open, setOpen] = useState<{ date: string; action: 'cancel' | 'move' } | null>(null);
  const [said, setSaid] = useState('');
  const dates = comingDates(meeting, ws.timeZone, now);
  const id = meeting.meeting.meeting_id;

  async function restore(occurrence: Occurrence) {
    setSaid('');
    const outcome = await deleteContent(ws.client, 'meeting_exception', { meeting_id: id, occurrence_date: occurrence.date });
    if (outcome.kind !== 'ok') return setSaid(outcome.kind === 'failed' && outcome.forbidden ? ws.t.actions.errors.forbidden : ws.t.actions.errors.failed);
    await onChanged();
    setSaid(format(words.restored, { date: ws.date(occurrence.movedFrom ?? occurrence.start) }));
  }

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-xl font-bold">
        {words.heading}
      </h3>
      <p role="status" className="font-semibold text-green-800">
        {said}
      </p>
      {dates.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <ul className="space-y-3">
          {dates.map((occurrence) => {
            const scheduled = occurrence.movedFrom ?? occurrence.start;
            return (
              <li key={occurrence.date} className="space-y-2 rounded-md border border-slate-300 p-3" data-testid="occurrence">
                <p>
                  <time dateTime={scheduled} className={occurrence.status === 'cancelled' ? 'line-through' : undefined}>
                    {ws.dateTime(scheduled)}
                  </time>
                  {occurrence.status === 'cancelled' && <strong className="ml-2 text-alert-700">{words.cancelled}</strong>}
                  {occurrence.status === 'moved' && <strong className="ml-2">{format(words.moved, { time: ws.dateTime(occurrence.start) })}</strong>}
                </p>
                {occurrence.note && <p className="text-slate-700">{occurrence.note}</p>}
                {open?.date === occurrence.date ? (
                  <ChangeDate
                    meetingId={id}
                    occurrence={occurrence}
                    action={open.action}
                    onClose={() => setOpen(null)}
                    onSaved={async (state) => {
                      await onChanged();
                      setOpen(null);
                      setSaid(format(words.done, { date: ws.date(scheduled), state }));
                    }}
                  />
                ) : occurrence.status === 'scheduled' ? (
                  <div className="flex flex-wrap gap-3">
                    <button type="button" className={secondaryButtonClass} onClick={() => setOpen({ date: occurrence.date, action: 'cancel' })}>
                      {words.cancel}
                    </button>
                    <button type="button" className={secondaryButtonClass} onClick={() => setOpen({ date: occurrence.date, action: 'move' })}>
                      {words.move}
                    </button>
                  </div>
                ) : (
                  <button type="button" className={secondaryButtonClass} onClick={() => void restore(occurrence)}>
                    {words.restore}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

interface ChangeDateProps {
  meetingId: string;
  occurrence: Occurrence;
  action: 'cancel' | 'move';
  onClose(): void;
  onSaved(state: string): Promise<void>;
}

function ChangeDate({ meetingId, occurrence, action, onClose, onSaved }: ChangeDateProps) {
  const ws = useWorkspace();
  const words = ws.t.content.occurrences;
  const prefix = `occurrence-${occurrence.date}`;
  const headingId = useId();
  const [reason, setReason] = useState('');
  const [movedTo, setMovedTo] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!reason.trim()) found.note = words.reasonNeeded;
    if (action === 'move' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(movedTo)) found.moved_to = words.movedToNeeded;
    setErrors(found);
    setProblem(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const outcome = await saveContent(ws.client, 'meeting_exception', {
      meeting_id: meetingId,
      occurrence_date: occurrence.date,
      status: action === 'cancel' ? 'cancelled' : 'moved',
      moved_to: action === 'move' ? movedTo : null,
      note: reason.trim(),
      published: true,
    });
    setBusy(false);
    if (outcome.kind === 'ok') return onSaved(action === 'cancel' ? words.stateCancelled : words.stateMoved);
    if (outcome.kind === 'invalid' && (outcome.field === 'note' || outcome.field === 'moved_to')) return setErrors({ [outcome.field]: outcome.message });
    setProblem(outcome.kind === 'failed' && outcome.forbidden ? ws.t.actions.errors.forbidden : outcome.kind === 'unreachable' ? ws.t.actions.errors.unreachable : ws.t.actions.errors.failed);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="space-y-4 border-l-4 border-brand-700 pl-4">
      <h4 id={headingId} className="font-bold">
        {format(action === 'cancel' ? words.confirmCancel : words.confirmMove, { date: ws.dateTime(occurrence.start) })}
      </h4>
      <ErrorSummary errors={errors} problem={problem} idPrefix={prefix} heading={ws.t.actions.summary} />
      {action === 'move' && (
        <Field id={`${prefix}-moved_to`} label={words.movedTo} error={errors.moved_to}>
          {(control) => <input {...control} type="datetime-local" value={movedTo} onChange={(event) => setMovedTo(event.target.value)} className={fieldClass} />}
        </Field>
      )}
      <Field id={`${prefix}-note`} label={words.reason} hint={words.reasonHint} error={errors.note}>
        {(control) => <textarea {...control} rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} className={fieldClass} />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass} aria-disabled={busy || undefined}>
          {busy ? ws.t.actions.saving : action === 'cancel' ? words.cancel : words.move}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {words.close}
        </button>
      </div>
    </form>
  );
}
