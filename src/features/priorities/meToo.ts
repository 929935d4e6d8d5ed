// The script of MeToo.astro: shows the button once it can work, sends the
// click, and remembers on this device (localStorage) that this browser said
// so, so that the count is asked once. One key per click, kept across
// retries: a retry after a lost answer never counts twice.
import { publicApi } from '../../lib/api/publicApi.ts';
import { callSubmission } from '../../lib/forms/submission.ts';
import { format } from '../../lib/i18n/format.ts';

interface Words {
  count: string;
  sending: string;
  thanks: string;
  already: string;
  failed: string;
  rateLimited: string;
}

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

export function enhanceMeToo(root: HTMLElement) {
  const priorityId = root.dataset.meToo!;
  const words = JSON.parse(root.dataset.words!) as Words;
  const button = root.querySelector('button')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const alert = root.querySelector<HTMLElement>('[role="alert"]')!;
  const label = button.textContent;
  let idempotencyKey: string | undefined;

  if (saidSoHere(priorityId)) {
    status.textContent = words.already;
    return;
  }
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = words.sending;
    alert.hidden = true;
    idempotencyKey ??= crypto.randomUUID();
    const outcome = await callSubmission<{ supporters: number }>(publicApi(), 'support_priority', { priority_id: priorityId, idempotency_key: idempotencyKey });
    if (outcome.kind === 'stored') {
      rememberSaidSo(priorityId);
      const count = root.querySelector('[data-count]');
      if (count) count.textContent = format(words.count, { count: outcome.result.supporters });
      root.querySelector('[data-as-of]')?.remove();
      button.remove();
      status.textContent = words.thanks;
      return;
    }
    alert.textContent = outcome.kind === 'rate_limited' ? format(words.rateLimited, { minutes: outcome.retryAfterMinutes }) : words.failed;
    alert.hidden = false;
    button.textContent = label;
    button.disabled = false;
  });
}
