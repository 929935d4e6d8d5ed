// "This matters to me too" on an open priority: one click counted through
// support_priority, with the same proof of work and idempotency key as every
// other submission, and nothing about who clicked. This browser remembers that
// it said so (localStorage, on the device only), so the count is asked once.
// The count on the page is the one published at the build; after a click the
// database's own count is shown.
import { useEffect, useRef, useState } from 'react';
import { buttonClass } from '../../components/forms/FormParts.tsx';
import { publicApi } from '../../lib/api/publicApi.ts';
import { callSubmission } from '../../lib/forms/submission.ts';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';

interface Props {
  priorityId: string;
  /** As counted at the publish that built the page; absent from a folder's build. */
  supporters?: number | undefined;
  t: Messages['priorities']['meToo'];
}

type State =
  | { name: 'loading' }
  | { name: 'ready'; problem?: string }
  | { name: 'sending' }
  | { name: 'counted'; supporters: number }
  | { name: 'already' };

const remembered = (priorityId: string) => `openbeat:matters-to-me:${priorityId}`;

function saidSoHere(priorityId: string): boolean {
  try {
    return localStorage.getItem(remembered(priorityId)) !== null;
  } catch {
    // Storage refused (a private window's settings): the button still works, only not remembered.
    return false;
  }
}

function rememberSaidSo(priorityId: string) {
  try {
    localStorage.setItem(remembered(priorityId), '1');
  } catch {
    // As above: counted, not remembered.
  }
}

export default function MeToo({ priorityId, supporters, t }: Props) {
  const [state, setState] = useState<State>({ name: 'loading' });
  // One key per click, kept across retries: a retry after a lost answer never counts twice.
  const idempotencyKey = useRef<string>(undefined);

  useEffect(() => setState(saidSoHere(priorityId) ? { name: 'already' } : { name: 'ready' }), [priorityId]);

  async function send() {
    setState({ name: 'sending' });
    idempotencyKey.current ??= crypto.randomUUID();
    const outcome = await callSubmission<{ supporters: number }>(publicApi(), 'support_priority', { priority_id: priorityId, idempotency_key: idempotencyKey.current });
    if (outcome.kind === 'stored') {
      rememberSaidSo(priorityId);
      return setState({ name: 'counted', supporters: outcome.result.supporters });
    }
    setState({ name: 'ready', problem: outcome.kind === 'rate_limited' ? format(t.rateLimited, { minutes: outcome.retryAfterMinutes }) : t.failed });
  }

  const count = state.name === 'counted' ? state.supporters : supporters;
  return (
    <div className="mt-3 space-y-2">
      {count !== undefined && (
        <p data-testid="supporters">
          {format(t.count, { count })}
          {state.name !== 'counted' && <span className="text-sm text-slate-700"> ({t.countAsOf})</span>}
        </p>
      )}
      {state.name === 'already' || state.name === 'counted' ? null : (
        <button
          type="button"
          onClick={() => void send()}
          disabled={state.name === 'loading' || state.name === 'sending'}
          className={buttonClass}
        >
          {state.name === 'sending' ? t.sending : t.button}
        </button>
      )}
      <p role="status">{state.name === 'counted' ? t.thanks : state.name === 'already' ? t.already : ''}</p>
      {state.name === 'ready' && state.problem && (
        <p role="alert" className="rounded-md border-l-4 border-alert-700 bg-alert-50 px-3 py-2">
          {state.problem}
        </p>
      )}
      <p className="text-sm text-slate-700">{t.privacy}</p>
    </div>
  );
}
