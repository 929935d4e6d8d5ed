// Staff sign-in with email and password. A wrong password and an unknown
// address get the same sentence, so the form never tells whether an account
// exists.
import { useState, type SubmitEvent } from 'react';
import { buttonClass, ErrorSummary, Field, fieldClass } from '../../components/forms/FormParts.tsx';
import { useWorkspace } from './words.ts';

interface Props {
  /** Why the staff member is asked to sign in again, if they are. */
  notice?: string;
}

type Problem = keyof ReturnType<typeof useWorkspace>['t']['signIn']['errors'];

export default function SignIn({ notice }: Props) {
  const ws = useWorkspace();
  const words = ws.t.signIn;
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ errors: Record<string, string>; problem?: string }>({ errors: {} });
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
    if (Object.keys(errors).length > 0) return setFeedback({ errors });

    setBusy(true);
    const { error } = await ws.client.auth.signInWithPassword({ email, password });
    // On success the workspace follows the session (onAuthStateChange) and replaces this form.
    if (!error) return;
    setBusy(false);
    const status = error.status ?? 0;
    const problem: Problem = status === 0 ? 'unreachable' : status === 429 ? 'rateLimited' : status >= 500 ? 'failed' : 'invalid';
    setFeedback({ errors: {}, problem: words.errors[problem] });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="max-w-md space-y-4">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {words.heading}
      </h2>
      {notice && (
        <p role="status" className="rounded-md border-2 border-amber-700 bg-amber-50 p-3">
          {notice}
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
        <button type="submit" className={buttonClass} aria-disabled={busy || undefined}>
          {busy ? words.busy : words.submit}
        </button>
      </form>
      <p className="text-sm text-slate-700">{words.sessionNote}</p>
    </section>
  );
}
