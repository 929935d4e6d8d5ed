// What every resident's form does around its fields: checks before sending,
// a honeypot and a minimum fill time against bots, one idempotency key per
// submission kept across retries, and a queue in the browser when the server
// cannot be reached, sent by itself when the connection returns. The form
// gives its own field checks and words; the outcomes are the same for all.
import { useEffect, useRef, useState } from 'react';
import { format } from '../i18n/format.ts';
import type { Messages } from '../i18n/index.ts';
import type { SubmissionOutcome } from './submission.ts';
import { pendingQueue } from './pendingSubmissions.ts';

export type Phase<R> =
  | { name: 'editing' }
  | { name: 'sending' }
  /** Saved in this browser; sent by itself when the connection returns. */
  | { name: 'waiting' }
  | { name: 'received'; result: R };

interface Options<I, R> {
  /** Names the browser queue: 'tips', 'watch', 'workshops'. */
  kind: string;
  send(input: I, idempotencyKey: string): Promise<SubmissionOutcome<R>>;
  t: Messages['forms'];
  /** The API's names for fields → the form control that shows them, where one control gathers several (the place). */
  fields?: Record<string, string>;
}

/** What the form made of its fields: something to send, or what to correct (already worded). */
export type Checked<I> = { input: I } | { errors: Record<string, string> };

// Bots fill every field at once; people take a few seconds. Counted from when the page
// began to load (performance.now()), not from hydration: a form that hydrates late, as one
// shown lower on the page does on a slow phone, keeps what was typed before, and whoever
// typed it while it hydrated is no bot.
export const minimumFillMilliseconds = 2500;

export function useSubmission<I, R>({ kind, send, t, fields = {} }: Options<I, R>) {
  const [hydrated, setHydrated] = useState(false);
  const [phase, setPhase] = useState<Phase<R>>({ name: 'editing' });
  /** Field name → sentence, from the form's own checks or the API's refusal. */
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** A sentence about the whole form. */
  const [problem, setProblem] = useState<string>();
  // One key per submission, kept across retries until it is received.
  const idempotencyKey = useRef<string>(undefined);
  const warnedTooFast = useRef(false);
  const queue = useRef(pendingQueue<I>(kind)).current;

  async function deliver(input: I, key: string) {
    setPhase({ name: 'sending' });
    const outcome = await send(input, key);
    switch (outcome.kind) {
      case 'stored':
        idempotencyKey.current = undefined;
        await queue.remove(key).catch(() => undefined);
        return setPhase({ name: 'received', result: outcome.result });
      case 'unreachable':
        // Kept in this browser and sent by itself later: nothing is lost.
        await queue.save({ key, input, savedAt: new Date().toISOString() });
        setProblem(undefined);
        return setPhase({ name: 'waiting' });
      case 'invalid':
        setErrors({ [fields[outcome.field] ?? outcome.field]: format(t.rejected, { reason: outcome.message }) });
        break;
      case 'rate_limited':
        setProblem(format(t.rateLimited, { minutes: outcome.retryAfterMinutes }));
        break;
      case 'failed':
        setProblem(t.failed);
        break;
    }
    // Anything but stored or unreachable leaves a queued one queued, to try again later.
    setPhase({ name: 'editing' });
  }

  useEffect(() => {
    setHydrated(true);
    // One saved on this visit or an earlier one is sent when the connection returns.
    const sendWaiting = async () => {
      const [waiting] = await queue.all().catch(() => []);
      if (!waiting) return;
      if (!navigator.onLine) return setPhase({ name: 'waiting' });
      await deliver(waiting.input, waiting.key);
    };
    void sendWaiting();
    window.addEventListener('online', sendWaiting);
    // The browser may have been online all along while the server was down: try again now and then.
    const retry = window.setInterval(() => void sendWaiting(), 30_000);
    return () => {
      window.removeEventListener('online', sendWaiting);
      window.clearInterval(retry);
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once: `deliver` only uses stable setters and refs

  /** Sends what the form gathered, unless its own checks found problems or it looks like a bot. */
  async function submit(checked: Checked<I>, honeypot: string | undefined) {
    if (phase.name === 'sending') return;
    setProblem(undefined);
    setErrors('errors' in checked ? checked.errors : {});
    if ('errors' in checked) return;
    // A filled honeypot is a bot: nothing is sent, and nothing says why.
    if (honeypot) return setProblem(t.failed);
    if (performance.now() < minimumFillMilliseconds && !warnedTooFast.current) {
      warnedTooFast.current = true;
      return setProblem(t.tooFast);
    }
    idempotencyKey.current ??= crypto.randomUUID();
    await deliver(checked.input, idempotencyKey.current);
  }

  return { hydrated, phase, errors, problem, submit, startOver: () => setPhase({ name: 'editing' }) };
}
