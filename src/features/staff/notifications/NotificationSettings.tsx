// The member's email notifications: for each kind of new item in their scope,
// immediately, in a daily digest, or never, and the emails' language. Saved
// with save_staff_notifications, as the signed-in member, for them only.
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { buttonClass, fieldClass, secondaryButtonClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import BackLink from '../workspace/BackLink.tsx';
import { loadNotifications, saveNotifications } from '../workspace/staffData.ts';
import { useShell } from '../workspace/words.ts';
import { changedDeliveries, deliveries, notificationKinds, type NotificationSettings as Settings } from './notifications.ts';

type State =
  | { phase: 'loading' }
  | { phase: 'failed' }
  | { phase: 'ready'; saved: Settings; chosen: Settings; saving: boolean; outcome: 'saved' | 'failed' | null };

export default function NotificationSettings({ email, onBack }: { email: string; onBack(): void }) {
  const ws = useShell();
  const words = ws.t.notifications;
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<State>({ phase: 'loading' });

  async function load() {
    setState({ phase: 'loading' });
    const outcome = await loadNotifications(ws.client);
    if (outcome.kind === 'signed_out') return void ws.client.auth.signOut();
    setState(outcome.kind === 'ok' ? { phase: 'ready', saved: outcome.value, chosen: outcome.value, saving: false, outcome: null } : { phase: 'failed' });
  }

  useEffect(() => {
    heading.current?.focus();
    void load();
  }, []);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.phase !== 'ready' || state.saving) return;
    setState({ ...state, saving: true, outcome: null });
    const outcome = await saveNotifications(ws.client, { language: state.chosen.language, deliveries: changedDeliveries(state.saved, state.chosen) as Settings['deliveries'] });
    if (outcome.kind === 'signed_out') return void ws.client.auth.signOut();
    setState(
      outcome.kind === 'ok'
        ? { phase: 'ready', saved: outcome.value, chosen: outcome.value, saving: false, outcome: 'saved' }
        : { ...state, saving: false, outcome: 'failed' },
    );
  }

  const choose = (change: Partial<Settings>) =>
    setState((previous) => (previous.phase === 'ready' ? { ...previous, chosen: { ...previous.chosen, ...change }, outcome: null } : previous));

  return (
    <section aria-labelledby={`${ids}-heading`} className="max-w-prose space-y-6">
      <BackLink href="#inbox" onClick={onBack}>
        {words.back}
      </BackLink>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
        {words.heading}
      </h2>
      <p>{words.intro}</p>
      <p className="break-all">{format(words.sentTo, { email })}</p>

      {state.phase === 'loading' && <p role="status">{words.loading}</p>}
      {state.phase === 'failed' && (
        <div className="space-y-4">
          <p role="alert" className="font-semibold text-alert-700">
            {words.loadFailed}
          </p>
          <button type="button" onClick={() => void load()} className={secondaryButtonClass}>
            {words.retry}
          </button>
        </div>
      )}
      {state.phase === 'ready' && (
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-6">
          {notificationKinds.map((kind) => (
            <fieldset key={kind} className="space-y-1">
              <legend className="font-semibold">{words.kinds[kind]}</legend>
              {deliveries.map((delivery) => (
                <label key={delivery} className="flex min-h-11 items-center gap-3">
                  <input
                    type="radio"
                    name={`${ids}-${kind}`}
                    value={delivery}
                    checked={state.chosen.deliveries[kind] === delivery}
                    onChange={() => choose({ deliveries: { ...state.chosen.deliveries, [kind]: delivery } })}
                    className="h-5 w-5"
                  />
                  {words.deliveries[delivery]}
                </label>
              ))}
            </fieldset>
          ))}
          <div className="space-y-1">
            <label htmlFor={`${ids}-language`} className="block font-semibold">
              {words.language}
            </label>
            <select id={`${ids}-language`} value={state.chosen.language} onChange={(event) => choose({ language: event.target.value })} className={`${fieldClass} max-w-xs`}>
              {ws.siteLocales.map((tag) => (
                <option key={tag} value={tag}>
                  {ws.language(tag)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={state.saving} className={buttonClass}>
            {state.saving ? words.saving : words.save}
          </button>
          <p role="status" className="min-h-6 font-semibold">
            {state.outcome === 'saved' ? words.saved : ''}
          </p>
          {state.outcome === 'failed' && (
            <p role="alert" className="font-semibold text-alert-700">
              {words.saveFailed}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
