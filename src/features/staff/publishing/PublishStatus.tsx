// One line at the top of the workspace, for every member with a role: when
// the site was last published, how many changes wait to go out, and why the
// last build failed if it did, with a button to publish now. It asks again
// every 10 s while something is on its way and every minute otherwise, never
// while the tab is hidden. Only a change of what the line says (a build
// starting or finishing, changes starting to wait) is said aloud, not every
// check, and the result of pressing the button.
import { useCallback, useEffect, useRef, useState } from 'react';
import { secondaryButtonClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import { useShell } from '../workspace/words.ts';
import { loadPublishStatus, pollDelay, publishLine, publishNow, timeAgo, type PublishStatus as Status } from './publishing.ts';

/** The build's lines shown at most: the rest are in the build's own log. */
const shownProblems = 5;

export default function PublishStatus() {
  const ws = useShell();
  const words = ws.t.publishing;
  const { client } = ws;
  const [status, setStatus] = useState<Status | null>(null);
  const [unchecked, setUnchecked] = useState(false);
  // When the status was last asked for, whatever the answer: the next check is timed from it.
  const [checkedAt, setCheckedAt] = useState(() => new Date());
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const announcedKey = useRef<string | null>(null);
  // Only the newest question's answer is shown: a slow check must not undo what "Publish now" returned.
  const latest = useRef(0);

  const lineOf = useCallback(
    (current: Status, at: Date) => publishLine(current, words, { time: ws.dateTime, ago: (iso) => timeAgo(iso, at, ws.locale, words.justNow) }),
    [words, ws.dateTime, ws.locale],
  );

  const show = useCallback(
    (current: Status, said?: string) => {
      const at = new Date();
      const line = lineOf(current, at);
      // The first answer is what the member reads on arriving; afterwards, only news is said.
      if (said) setAnnouncement(`${said} ${line.text}`);
      else if (announcedKey.current !== null && announcedKey.current !== line.key) setAnnouncement(line.text);
      announcedKey.current = line.key;
      setStatus(current);
      setUnchecked(false);
      setCheckedAt(at);
    },
    [lineOf],
  );

  const check = useCallback(async () => {
    const request = ++latest.current;
    const outcome = await loadPublishStatus(client);
    if (request !== latest.current) return;
    if (outcome.kind === 'ok') return show(outcome.value);
    if (outcome.kind === 'signed_out') void client.auth.signOut();
    setUnchecked(true);
    setCheckedAt(new Date());
  }, [client, show]);

  useEffect(() => {
    void check();
    return () => {
      // Nothing answered after the workspace has gone is shown.
      latest.current += 1;
    };
  }, [check]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (document.visibilityState !== 'hidden') timer = setTimeout(() => void check(), pollDelay(status));
    const onVisibility = () => {
      clearTimeout(timer);
      // Back in the tab: what it shows may be minutes old.
      if (document.visibilityState === 'visible') void check();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [checkedAt, status, check]);

  async function publish() {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    const outcome = await publishNow(client);
    setBusy(false);
    if (outcome.kind === 'ok') {
      // What publish_now returned is newer than any check still on its way.
      latest.current += 1;
      return show(outcome.value, words.requested);
    }
    if (outcome.kind === 'signed_out') return void client.auth.signOut();
    const problem = outcome.kind === 'failed' && outcome.forbidden ? words.forbidden : words.requestFailed;
    setRefusal(problem);
    setAnnouncement(problem);
  }

  const line = status ? lineOf(status, checkedAt) : null;
  return (
    <div className="basis-full space-y-2 border-t border-slate-300 pt-3">
      <h3 className="sr-only">{words.heading}</h3>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <p data-testid="publish-status" className="max-w-prose break-words">
          {line ? line.text : unchecked ? '' : words.loading}
          {unchecked && <> {words.loadFailed}</>}
        </p>
        <button type="button" onClick={() => void publish()} aria-disabled={busy || undefined} className={secondaryButtonClass}>
          {busy ? words.requesting : words.publishNow}
        </button>
      </div>
      {line && line.problems.length > 1 && (
        <details>
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800 underline">{words.problems}</summary>
          <ul className="list-disc space-y-1 pl-6">
            {line.problems.slice(0, shownProblems).map((problem, index) => (
              <li key={index} className="break-words">
                <code>{problem}</code>
              </li>
            ))}
          </ul>
          {line.problems.length > shownProblems && <p>{format(words.moreProblems, { count: line.problems.length - shownProblems })}</p>}
        </details>
      )}
      {refusal && <p className="font-semibold text-alert-700">{refusal}</p>}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
