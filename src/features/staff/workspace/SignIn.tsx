// Staff sign-in with email and password, and, where the project sends email
// (PUBLIC_STAFF_MAGIC_LINK=true at build time), with a link sent to the
// address. A wrong password and an unknown address get the same sentence, and
// so does a link asked for an address with no account: the form never tells
// whether an account exists.
import { useState, type SubmitEvent } from 'react';
import { buttonClass, ErrorSummary, Field, fieldClass, secondaryButtonClass } from '../../../components/forms/FormParts.tsx';
import { takeRefusedSignInLink } from './staffClient.ts';
import { useShell } from './words.ts';

interface Props {
  /** Why the staff member is asked to sign in again, if they are. */
  notice?: string;
}

type Problem = keyof ReturnType<typeof useShell>['t']['signIn']['errors'];

const offersLink = import.meta.env.PUBLIC_STAFF_MAGIC_LINK === 'true';

export default function SignIn({ notice }: Props) {
  const ws = useShell();
  const words = ws.t.signIn;
  const [busy, setBusy] = useState<'password' | 'link' | null>(null);
  const [feedback, setFeedback] = useState<{ errors: Record<string, string>; problem?: string }>({ errors: {} });
  const [linkSent, setLinkSent] = useState(false);
  const [linkRefused] = useState(takeRefusedSignInLink);
  const id = 'staff-sign-in';

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const errors: Record<string, string> = {};
    if (!email) errors.email = words.errors.emailMissing;
    if (!password) errors.password = words.errors.passwordMissing;
    setLinkSent(false);
    if (Object.keys(errors).length > 0) return setFeedback({ errors });

    setBusy('password');
    const { error } = await ws.client.auth.signInWithPassword({ email, password });
    // On success the workspace follows the session (onAuthStateChange) and replaces this form.
    if (!error) return;
    setBusy(null);
    const status = error.status ?? 0;
    const problem: Problem = status === 0 ? 'unreachable' : status === 429 ? 'rateLimited' : status >= 500 ? 'failed' : 'invalid';
    setFeedback({ errors: {}, problem: words.errors[problem] });
  }

  async function sendLink(form: HTMLFormElement | null) {
    if (busy || !form) return;
    const email = String(new FormData(form).get('email') ?? '').trim();
    setLinkSent(false);
    if (!email) return setFeedback({ errors: { email: words.errors.emailMissing } });

    setBusy('link');
    const { error } = await ws.client.auth.signInWithOtp({
      email,
      // The link comes back to this page (in whichever language it is), never to a route in it.
      options: { shouldCreateUser: false, emailRedirectTo: `${location.origin}${location.pathname}` },
    });
    setBusy(null);
    const status = error ? (error.status ?? 0) : 200;
    // Supabase Auth refuses an unknown address when it may not create accounts, and rate-limits
    // only addresses it mails: any refusal gets the same sentence as a sent link.
    if (status === 0 || status >= 500) return setFeedback({ errors: {}, problem: words.errors[status === 0 ? 'unreachable' : 'failed'] });
    setFeedback({ errors: {} });
    setLinkSent(true);
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="max-w-md space-y-4">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {words.heading}
      </h2>
      {(notice || linkRefused) && (
        <p role="status" className="rounded-md border-2 border-amber-700 bg-amber-50 p-3">
          {linkRefused ? words.linkRefused : notice}
        </p>
      )}
      <p>{words.intro}</p>
      <form onSubmit={onSubmit} noValidate className="space-y-5">
        <ErrorSummary errors={feedback.errors} problem={feedback.problem} idPrefix={id} heading={words.summary} />
        <Field id={`${id}-email`} label={words.email} error={feedback.errors.email}>
          {(control) => <input {...control} name="email" type="email" autoComplete="username" spellCheck={false} className={fieldClass} />}
        </Field>
        <Field id={`${id}-password`} label={words.password} error={feedback.errors.password}>
          {(control) => <input {...control} name="password" type="password" autoComplete="current-password" className={fieldClass} />}
        </Field>
        <button type="submit" className={buttonClass} aria-disabled={busy !== null || undefined}>
          {busy === 'password' ? words.busy : words.submit}
        </button>
        {offersLink && (
          <div className="space-y-3 border-t border-slate-300 pt-5">
            <p>{words.linkIntro}</p>
            <button type="button" onClick={(event) => void sendLink(event.currentTarget.form)} className={secondaryButtonClass} aria-disabled={busy !== null || undefined}>
              {busy === 'link' ? words.linkBusy : words.linkSubmit}
            </button>
            {/* Always in the page, so that screen readers announce the sentence when it appears. */}
            <p role="status" className={linkSent ? 'rounded-md border-2 border-brand-700 bg-brand-50 p-3' : undefined}>
              {linkSent ? words.linkSent : ''}
            </p>
          </div>
        )}
      </form>
      <p className="text-sm text-slate-700">{words.sessionNote}</p>
    </section>
  );
}
