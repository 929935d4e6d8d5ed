// The pages the emails' links open, with the token in their address: confirm
// (one button, so that a mail scanner opening the link confirms nothing) and
// manage (the topics, how often, the language, and unsubscribing with one
// button). The alerts Edge Function sends a person who opens the one-click
// unsubscribe address here too.
import { useEffect, useId, useState, type SubmitEvent } from 'react';
import { buttonClass, fieldClass, secondaryButtonClass } from '../../components/forms/FormParts.tsx';
import { publicApi } from '../../lib/api/publicApi.ts';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { alertDeliveries, alertTopics } from './alerts.schema.ts';
import { tokenInAddress, withToken, type ManagedSubscription } from './alertsApi.ts';

interface Props {
  mode: 'confirm' | 'manage';
  t: Messages['alerts'];
  forms: Messages['forms'];
  /** The manage page, in this language; the token is added to it. */
  manageUrl: string;
  /** The subscribe page, in this language. */
  subscribeUrl: string;
  languages: Array<{ tag: string; name: string }>;
}

type State =
  | { name: 'ready' }
  | { name: 'working' }
  | { name: 'shown'; subscription: ManagedSubscription; saved?: boolean }
  | { name: 'unsubscribed' }
  | { name: 'refused'; message: string }
  | { name: 'failed' };

const areaOf = (t: Messages['alerts'], subscription: ManagedSubscription) =>
  subscription.beat ? format(t.beatArea, { id: subscription.beat, name: subscription.area_name }) : format(t.districtArea, { id: subscription.district ?? '', name: subscription.area_name });

export default function AlertLinkPage({ mode, t, forms, manageUrl, subscribeUrl, languages }: Props) {
  const id = useId();
  const [hydrated, setHydrated] = useState(false);
  const [token, setToken] = useState('');
  const [state, setState] = useState<State>(mode === 'manage' ? { name: 'working' } : { name: 'ready' });

  async function attempt(work: () => Promise<State>) {
    setState({ name: 'working' });
    try {
      setState(await work());
    } catch {
      setState({ name: 'failed' });
    }
  }

  useEffect(() => {
    setHydrated(true);
    const given = tokenInAddress();
    setToken(given);
    if (mode !== 'manage') return;
    void attempt(async () => {
      const subscription = await withToken<ManagedSubscription>(publicApi(), 'alert_subscription', { token: given });
      return subscription ? { name: 'shown', subscription } : { name: 'refused', message: t.manage.invalid };
    });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, with the address the page opened with

  const confirm = () =>
    attempt(async () => {
      const subscription = await withToken<ManagedSubscription>(publicApi(), 'confirm_alerts', { token });
      return subscription ? { name: 'shown', subscription } : { name: 'refused', message: t.confirm.failed };
    });

  const unsubscribe = () =>
    attempt(async () => ((await withToken(publicApi(), 'unsubscribe_alerts', { token })) ? { name: 'unsubscribed' } : { name: 'refused', message: t.manage.invalid }));

  function save(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void attempt(async () => {
      const subscription = await withToken<ManagedSubscription>(publicApi(), 'update_alerts', {
        token,
        topics: data.getAll('topics').map(String),
        delivery: String(data.get('delivery')),
        language: String(data.get('language')),
      });
      return subscription ? { name: 'shown', subscription, saved: true } : { name: 'refused', message: t.manage.invalid };
    });
  }

  if (state.name === 'failed') return <p role="alert">{forms.failed}</p>;
  if (state.name === 'refused') {
    return (
      <div className="space-y-3">
        <p role="alert">{state.message}</p>
        <p>
          <a href={subscribeUrl} className="text-brand-700 underline">
            {t.subscribeAgain}
          </a>
        </p>
      </div>
    );
  }
  if (state.name === 'unsubscribed') return <p role="status">{t.manage.unsubscribed}</p>;

  if (mode === 'confirm' && state.name !== 'shown') {
    if (hydrated && !token) return <p role="alert">{t.confirm.noToken}</p>;
    return (
      <div className="space-y-4">
        <p>{t.confirm.intro}</p>
        <button type="button" onClick={() => void confirm()} disabled={!hydrated} aria-disabled={state.name === 'working'} className={buttonClass}>
          {t.confirm.button}
        </button>
      </div>
    );
  }

  if (state.name !== 'shown') return <p role="status">{t.manage.loading}</p>;
  const { subscription } = state;

  if (mode === 'confirm') {
    return (
      <div className="space-y-3">
        <p role="status">{format(t.confirm.confirmed, { area: areaOf(t, subscription) })}</p>
        <p>
          <a href={`${manageUrl}?token=${subscription.token}`} className="text-brand-700 underline">
            {t.confirm.manageLink}
          </a>
        </p>
      </div>
    );
  }

  const words = t.form;
  return (
    <div className="space-y-8">
      <form onSubmit={save} className="space-y-6" aria-labelledby={`${id}-area`}>
        <p id={`${id}-area`} className="text-lg">
          {format(t.manage.area, { area: areaOf(t, subscription) })}
        </p>
        <fieldset className="space-y-2">
          <legend className="font-semibold">{words.topicsLegend}</legend>
          {alertTopics.map((topic) => (
            <label key={topic} className="flex items-center gap-3">
              <input type="checkbox" name="topics" value={topic} defaultChecked={subscription.topics.includes(topic)} className="size-5" />
              {words.topics[topic]}
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="font-semibold">{words.deliveryLegend}</legend>
          {alertDeliveries.map((delivery) => (
            <label key={delivery} className="flex items-center gap-3">
              <input type="radio" name="delivery" value={delivery} defaultChecked={subscription.delivery === delivery} className="size-5" />
              {words.delivery[delivery]}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor={`${id}-language`} className="block font-semibold">
            {words.language}
          </label>
          <select id={`${id}-language`} name="language" defaultValue={subscription.language} className={fieldClass}>
            {languages.map((language) => (
              <option key={language.tag} value={language.tag} lang={language.tag}>
                {language.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          {t.manage.save}
        </button>
        {state.saved && <p role="status">{t.manage.saved}</p>}
      </form>
      <section aria-labelledby={`${id}-unsubscribe`} className="space-y-3 border-t border-slate-300 pt-6">
        <h2 id={`${id}-unsubscribe`} className="text-xl font-bold">
          {t.manage.unsubscribeHeading}
        </h2>
        <p>{t.manage.unsubscribeText}</p>
        <button type="button" onClick={() => void unsubscribe()} className={secondaryButtonClass}>
          {t.manage.unsubscribe}
        </button>
      </section>
    </div>
  );
}
