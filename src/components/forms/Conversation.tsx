// The conversation on a status page (tip, watch group, workshop request):
// what staff asked and what the resident answered, and an answer box while a
// question waits. The receipt code the resident typed is held by the page's
// island in memory and passed here: never stored in the browser or put in
// the address, and an answer that cannot be sent is not queued for later (a
// queue would keep the code on the device).
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { publicApi } from '../../lib/api/publicApi.ts';
import { answerErrors, answerLength } from '../../lib/forms/answer.schema.ts';
import { loadConversation, questionWaits, replyToStaff, type ConversationMessage } from '../../lib/forms/conversation.ts';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { buttonClass, Field, fieldClass } from './FormParts.tsx';


interface Props {
  /** What the receipt code is of: the heading names it. */
  kind: keyof Messages['conversation']['headings'];
  receipt: string;
  t: Messages['conversation'];
  locale: string;
}

type Loaded = { phase: 'loading' } | { phase: 'failed' } | { phase: 'loaded'; messages: ConversationMessage[] };

export default function Conversation({ kind, receipt, t, locale }: Props) {
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  // One key per answer, kept across retries of it: a lost response never stores it twice.
  const idempotencyKey = useRef<string>(undefined);

  async function load() {
    const outcome = await loadConversation(publicApi(), receipt);
    setLoaded(outcome.kind === 'found' ? { phase: 'loaded', messages: outcome.messages } : { phase: 'failed' });
  }
  useEffect(() => {
    void load();
  }, [receipt]); // eslint-disable-line react-hooks/exhaustive-deps -- a new code, a new conversation

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    setProblem(undefined);
    const checked = answerErrors({ body }).body;
    setError(checked ? t.errors[checked] : undefined);
    if (checked) return;
    idempotencyKey.current ??= crypto.randomUUID();
    setSending(true);
    const outcome = await replyToStaff(publicApi(), receipt, body, idempotencyKey.current);
    setSending(false);
    if (outcome.kind === 'stored') {
      idempotencyKey.current = undefined;
      setBody('');
      setSent(true);
      return load();
    }
    if (outcome.kind === 'invalid' && outcome.field === 'body') return setError(format(t.refused, { reason: outcome.message }));
    if (outcome.kind === 'invalid') return setProblem(format(t.refused, { reason: outcome.message }));
    if (outcome.kind === 'rate_limited') return setProblem(format(t.rateLimited, { minutes: outcome.retryAfterMinutes }));
    setProblem(outcome.kind === 'unreachable' ? t.unreachable : t.failed);
  }

  if (loaded.phase === 'loading') return null;
  if (loaded.phase === 'failed') return <p className="font-semibold text-alert-700">{t.loadFailed}</p>;
  const { messages } = loaded;
  if (messages.length === 0) return null;
  const when = (at: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  const waits = questionWaits(messages);

  return (
    <section aria-labelledby={`${id}-heading`} className="mt-4 space-y-3 border-t-2 border-slate-300 pt-4">
      <h3 id={`${id}-heading`} className="text-xl font-bold">
        {t.headings[kind]}
      </h3>
      <p className="text-slate-700">{t.intro}</p>
      <ol className="space-y-3">
        {messages.map((message, index) => (
          <li key={index} className={`rounded-md p-3 ${message.author === 'staff' ? 'bg-brand-50' : 'border-2 border-slate-300'}`}>
            <p className="text-sm text-slate-700">
              <span className="font-semibold">{message.author === 'staff' ? t.staff : t.you}</span> · <time dateTime={message.writtenAt}>{when(message.writtenAt)}</time>
            </p>
            <p className="break-words whitespace-pre-line">{message.body}</p>
          </li>
        ))}
      </ol>
      {sent && <p className="font-semibold">{t.sent}</p>}
      {!waits && !sent && <p>{t.waitForQuestion}</p>}
      {waits && (
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          <Field id={`${id}-answer`} label={t.answerLabel} hint={t.answerHint} error={error}>
            {(control) => (
              <textarea {...control} name="answer" rows={4} maxLength={answerLength.max} value={body} onChange={(event) => setBody(event.target.value)} className={fieldClass} />
            )}
          </Field>
          {problem && <p className="font-semibold text-alert-700">{problem}</p>}
          <button type="submit" aria-disabled={sending} className={buttonClass}>
            {t.send}
          </button>
          {sending && <p>{t.sending}</p>}
        </form>
      )}
    </section>
  );
}
