// The conversation with the resident behind a tip, a watch group's
// registration or a workshop request, in its item view: the questions staff
// asked and the resident's answers (those nobody had opened before marked
// new), and a box to ask. The resident never learns who on staff wrote.
import { useEffect, useState } from 'react';
import { Field, fieldClass } from '../../../components/forms/FormParts.tsx';
import ActionForm from '../workspace/ActionForm.tsx';
import { askResident, type ConversationKind, type StaffConversationMessage } from '../workspace/conversationData.ts';
import { useWorkspace } from '../workspace/words.ts';

interface Props {
  kind: ConversationKind;
  id: string;
  messages: readonly StaffConversationMessage[];
  /** Answers that were unread when the item was opened (opening it read them). */
  newAnswers: ReadonlySet<number>;
  onSaved(): Promise<void>;
}

export default function ConversationView({ kind, id, messages, newAnswers, onSaved }: Props) {
  const ws = useWorkspace();
  const words = ws.t.conversation;
  const [question, setQuestion] = useState('');
  useEffect(() => setQuestion(''), [messages]);
  const formId = `${kind}-ask`;
  const waiting = messages.at(-1)?.from_staff === true;

  return (
    <div className="space-y-4">
      <p className="max-w-prose text-slate-700">{words.intro}</p>
      {messages.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <ol className="max-w-2xl space-y-3">
          {messages.map((message) => (
            <li key={message.message_id} className={`rounded-md p-3 ${message.from_staff ? 'bg-brand-50' : 'border-2 border-slate-300'}`}>
              <p className="text-sm text-slate-700">
                <span className="font-semibold">{message.from_staff ? words.staff : words.resident}</span> ·{' '}
                <time dateTime={message.created_at}>{ws.dateTime(message.created_at)}</time>
                {newAnswers.has(message.message_id) && <strong className="ml-2 rounded bg-alert-700 px-2 py-0.5 text-white">{words.unread}</strong>}
              </p>
              <p className="break-words whitespace-pre-line">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {waiting && <p className="font-semibold">{words.waiting}</p>}
      <ActionForm
        id={formId}
        fields={['body']}
        check={(): Record<string, string> => (question.trim() ? {} : { body: words.errors.body })}
        act={() => askResident(ws.client, kind, id, question)}
        onSaved={onSaved}
        submitLabel={words.send}
        messages={{ saved: words.sent, errors: words.errors }}
      >
        {(errors) => (
          <Field id={`${formId}-body`} label={words.ask} hint={words.askHint} error={errors.body}>
            {(control) => <textarea {...control} rows={3} maxLength={5000} value={question} onChange={(event) => setQuestion(event.target.value)} className={fieldClass} />}
          </Field>
        )}
      </ActionForm>
    </div>
  );
}
