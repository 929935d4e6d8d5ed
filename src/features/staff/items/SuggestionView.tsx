// A resident's suggestion of a priority as the beat's staff see it: the beat,
// when it came, what the resident wrote (for staff only, never published as
// it is), its status and public reply, and the priority it became; answering
// it (a status and a reply the resident reads with their receipt code, or a
// priority of the beat to link), and turning it into a new priority.
import { useEffect, useState } from 'react';
import { Field, fieldClass } from '../../../components/forms/FormParts.tsx';
import ActionForm, { NoteField } from '../workspace/ActionForm.tsx';
import { Details } from '../workspace/Details.tsx';
import type { SuggestionRecord } from '../workspace/records.ts';
import { routeHash } from '../workspace/route.ts';
import { answerSuggestion, read } from '../workspace/staffData.ts';
import { useWorkspace } from '../workspace/words.ts';

type Linkable = { priority_id: string; title: string };

/** The beat's priorities, to link one or name the one it became. */
function useBeatPriorities(beat: string): Linkable[] {
  const ws = useWorkspace();
  const [priorities, setPriorities] = useState<Linkable[]>([]);
  useEffect(() => {
    let current = true;
    void read<Linkable[]>(ws.client.from('priorities').select('priority_id, title').contains('beats', [beat]).order('title')).then(
      (outcome) => current && outcome.kind === 'ok' && setPriorities(outcome.value),
    );
    return () => {
      current = false;
    };
  }, [ws.client, beat]);
  return priorities;
}

export function SuggestionDetails({ suggestion }: { suggestion: SuggestionRecord }) {
  const ws = useWorkspace();
  const words = ws.t.suggestion;
  const item = ws.t.item;
  const priorities = useBeatPriorities(suggestion.beat);
  const became = suggestion.priority_id;
  return (
    <Details
      details={[
        { label: item.status, value: ws.status('suggestion', suggestion.status) },
        { label: item.beat, value: suggestion.beat },
        { label: item.received, value: ws.dateTime(suggestion.created_at) },
        { label: item.lastChanged, value: ws.dateTime(suggestion.status_changed_at) },
        {
          label: words.problem,
          value: (
            <>
              <span className="block text-sm text-slate-700">{words.problemHint}</span>
              {suggestion.problem}
            </>
          ),
        },
        suggestion.public_reply !== null && { label: item.publicReply, value: suggestion.public_reply },
        became !== null && {
          label: words.becamePriority,
          value: (
            <a href={routeHash({ view: 'priority', id: became, suggestion: null })} className="text-brand-700 underline">
              {priorities.find((priority) => priority.priority_id === became)?.title ?? became}
            </a>
          ),
        },
      ]}
    />
  );
}

const answerable = ['received', 'answered', 'closed'] as const;

export function SuggestionAnswer({ suggestion, onSaved }: { suggestion: SuggestionRecord; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.suggestion;
  const priorities = useBeatPriorities(suggestion.beat);
  const [status, setStatus] = useState<string>(suggestion.status);
  const [reply, setReply] = useState(suggestion.public_reply ?? '');
  const [priority, setPriority] = useState(suggestion.priority_id ?? '');
  const [note, setNote] = useState('');
  useEffect(() => {
    setStatus(suggestion.status);
    setReply(suggestion.public_reply ?? '');
    setPriority(suggestion.priority_id ?? '');
    setNote('');
  }, [suggestion]);
  const id = 'suggestion-answer';

  function act() {
    const linked = priority !== (suggestion.priority_id ?? '') && priority !== '';
    const answer = {
      // A priority chosen makes it adopted; another status chosen unlinks it (answer_suggestion does both).
      status: linked ? null : status !== suggestion.status ? status : priority === '' && suggestion.priority_id !== null ? 'answered' : null,
      public_reply: reply.trim() !== (suggestion.public_reply ?? '') ? reply : null,
      priority_id: linked ? priority : null,
      note: note.trim() || null,
    };
    if (answer.status === null && answer.public_reply === null && answer.priority_id === null) return undefined;
    return answerSuggestion(ws.client, suggestion.suggestion_id, answer);
  }

  return (
    <ActionForm id={id} fields={['status', 'public_reply', 'priority_id', 'note']} act={act} onSaved={onSaved} submitLabel={ws.t.actions.save}>
      {(errors) => (
        <>
          <Field id={`${id}-status`} label={words.status} error={errors.status}>
            {(control) => (
              <select {...control} value={status} onChange={(event) => setStatus(event.target.value)} className={fieldClass}>
                {suggestion.status === 'adopted' && <option value="adopted">{words.adoptedStays}</option>}
                {answerable.map((value) => (
                  <option key={value} value={value}>
                    {words.statusChoices[value]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-public_reply`} label={words.publicReply} hint={words.publicReplyHint} error={errors.public_reply}>
            {(control) => <textarea {...control} rows={4} maxLength={5000} value={reply} onChange={(event) => setReply(event.target.value)} className={fieldClass} />}
          </Field>
          <Field id={`${id}-priority_id`} label={words.linkPriority} hint={words.linkHint} error={errors.priority_id}>
            {(control) => (
              <select {...control} value={priority} onChange={(event) => setPriority(event.target.value)} className={fieldClass}>
                <option value="">{words.noLink}</option>
                {priorities.map((choice) => (
                  <option key={choice.priority_id} value={choice.priority_id}>
                    {choice.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <NoteField id={id} value={note} onChange={setNote} error={errors.note} />
        </>
      )}
    </ActionForm>
  );
}

export function SuggestionToPriority({ suggestion }: { suggestion: SuggestionRecord }) {
  const ws = useWorkspace();
  const words = ws.t.suggestion;
  return (
    <div className="space-y-2">
      <p>{words.turnHint}</p>
      <a href={routeHash({ view: 'priority', id: null, suggestion: suggestion.suggestion_id })} className="inline-block min-h-11 rounded-md border-2 border-brand-700 px-5 py-2 font-semibold text-brand-800 hover:bg-brand-50">
        {words.turn}
      </a>
    </div>
  );
}
