// The staff workspace island (/staff): sign-in, then, for an account with a
// staff role, the inbox, an opened item or the weekly summary (and, for
// coordinators, the staff accounts), as the address's hash says. Everything is read and changed as the signed-in member,
// so row-level security decides what they see; an account without a role is
// told so, and whom to ask. The jurisdiction's beats, officers and workshops
// are not in the page: they are fetched as soon as someone is signed in.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { secondaryButtonClass } from '../../components/forms/FormParts.tsx';
import { format } from '../../lib/i18n/format.ts';
import { memberBeats, staffContent, staffContentLoader, type StaffContent } from './workspace/content.ts';
import Inbox from './inbox/Inbox.tsx';
import { defaultFilter, inboxItems, markNewAnswers, receivedSince, type InboxFilter, type InboxItem } from './inbox/inbox.ts';
import { loadUnreadAnswers } from './workspace/conversationData.ts';
import ItemView from './items/ItemView.tsx';
import NotificationSettings from './notifications/NotificationSettings.tsx';
import type { StaffMember } from './workspace/records.ts';
import PublishStatus from './publishing/PublishStatus.tsx';
import { isContentRoute, parseRoute, type Route } from './workspace/route.ts';
import SignIn from './workspace/SignIn.tsx';
import StaffAccounts from './accounts/StaffAccounts.tsx';
import { staffClient } from './workspace/staffClient.ts';
import { loadInbox, whoAmI } from './workspace/staffData.ts';
import type { StaffProps } from './workspace/staffProps.ts';
import WeeklySummary from './summary/WeeklySummary.tsx';
import { shell, useShell, useWorkspace, workspace, WorkspaceContext, type Shell, type Workspace } from './workspace/words.ts';

// The content editors carry the content schemas and the recurrence rules: fetched when first opened.
const ContentDesk = lazy(() => import('./content/ContentDesk.tsx'));

type Session =
  | { state: 'checking' }
  | { state: 'signed_out'; ended: boolean }
  | { state: 'failed'; email: string }
  | { state: 'signed_in'; email: string; member: StaffMember | null; justSignedIn: boolean };

type Content = { phase: 'loading' } | { phase: 'failed' } | { phase: 'loaded'; ws: Workspace };

const loadContent = staffContentLoader();

export default function StaffWorkspace(props: StaffProps) {
  const [base, setBase] = useState<Shell | null>(null);
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const [content, setContent] = useState<Content>({ phase: 'loading' });
  const signingOut = useRef(false);
  // After a failed download, the desk that finally opens takes focus, as after signing in.
  const contentRetried = useRef(false);

  // Asked for alongside who the member is, so it is usually there when the desk opens. Once
  // arrived, it stays for the visit: it is the same public content for every member.
  const fetchContent = useCallback((current: Shell) => {
    setContent((previous) => (previous.phase === 'failed' ? { phase: 'loading' } : previous));
    loadContent().then(
      (file) => setContent((previous) => (previous.phase === 'loaded' ? previous : { phase: 'loaded', ws: workspace(current, staffContent(file, current.locale)) })),
      () => setContent((previous) => (previous.phase === 'loaded' ? previous : { phase: 'failed' })),
    );
  }, []);

  const identify = useCallback(async (current: Shell, email: string, justSignedIn: boolean) => {
    const outcome = await whoAmI(current.client);
    if (outcome.kind === 'ok') return setSession({ state: 'signed_in', email, member: outcome.value, justSignedIn });
    if (outcome.kind === 'signed_out') return void current.client.auth.signOut();
    setSession({ state: 'failed', email });
  }, []);

  useEffect(() => {
    const current = shell(props, staffClient());
    setBase(current);
    const {
      data: { subscription },
    } = current.client.auth.onAuthStateChange((event, authSession) => {
      // supabase-js asks that its own calls wait until this callback has returned.
      setTimeout(() => {
        if (event === 'INITIAL_SESSION' || event === 'SIGNED_IN') {
          if (authSession) {
            fetchContent(current);
            void identify(current, authSession.user.email ?? '', event === 'SIGNED_IN');
          } else setSession({ state: 'signed_out', ended: false });
        } else if (event === 'SIGNED_OUT') {
          setSession({ state: 'signed_out', ended: !signingOut.current });
          signingOut.current = false;
        }
      }, 0);
    });
    return () => subscription.unsubscribe();
    // The island's props come from the build and never change.
  }, []);

  useEffect(() => {
    // Only the desk that opened after the retry takes focus, not one opened later for a new scope.
    if (content.phase === 'loaded') contentRetried.current = false;
  }, [content.phase]);

  const signOut = useCallback(async () => {
    if (!base) return;
    signingOut.current = true;
    // What was open should not stay in the address for the next person at this computer.
    history.replaceState(null, '', location.pathname + location.search);
    await base.client.auth.signOut();
  }, [base]);

  if (!base || session.state === 'checking') return <p role="status">{props.t.checking}</p>;
  return (
    <WorkspaceContext.Provider value={base}>
      {session.state === 'signed_out' && <SignIn notice={session.ended ? props.t.signIn.ended : undefined} />}
      {session.state === 'failed' && (
        <div className="space-y-4">
          <p className="font-semibold text-alert-700">{props.t.loadFailed}</p>
          <button type="button" onClick={() => void identify(base, session.email, false)} className={secondaryButtonClass}>
            {props.t.retry}
          </button>
        </div>
      )}
      {session.state === 'signed_in' && (
        <div className="space-y-8">
          <Account email={session.email} member={session.member} content={content.phase === 'loaded' ? content.ws : null} onSignOut={signOut} />
          {session.member && content.phase === 'loaded' ? (
            <WorkspaceContext.Provider value={content.ws}>
              <Desk
                // A new scope is a new desk: nothing loaded under the old one stays on screen.
                key={scopeKey(session.member)}
                member={session.member}
                email={session.email}
                focusInbox={session.justSignedIn || contentRetried.current}
                onMemberChanged={() => void identify(base, session.email, false)}
              />
            </WorkspaceContext.Provider>
          ) : session.member ? (
            <ContentPending
              failed={content.phase === 'failed'}
              onRetry={() => {
                contentRetried.current = true;
                fetchContent(base);
              }}
            />
          ) : (
            <NoRole email={session.email} />
          )}
        </div>
      )}
    </WorkspaceContext.Provider>
  );
}

function scopeKey(member: StaffMember): string {
  if (member.role === 'coordinator') return member.role;
  return `${member.role}:${member.role === 'supervisor' ? member.district : member.officer_slug}`;
}

/** While the beats, officers and workshops are on their way, or if they did not arrive. */
function ContentPending({ failed, onRetry }: { failed: boolean; onRetry(): void }) {
  const { t } = useShell();
  if (!failed) return <p role="status">{t.contentLoading}</p>;
  return (
    <div className="space-y-4">
      <p role="alert" className="font-semibold text-alert-700">
        {t.contentFailed}
      </p>
      <button type="button" onClick={onRetry} className={secondaryButtonClass}>
        {t.retry}
      </button>
    </div>
  );
}

interface AccountProps {
  email: string;
  member: StaffMember | null;
  /** Null until it has arrived: an officer's beats are only known then. */
  content: StaffContent | null;
  onSignOut(): void;
}

function Account({ email, member, content, onSignOut }: AccountProps) {
  const ws = useShell();
  const words = ws.t.account;
  const scope = () => {
    if (!member) return null;
    if (member.role === 'coordinator') return words.scopeCoordinator;
    if (member.role === 'supervisor') return format(words.scopeSupervisor, { district: member.district ?? '' });
    if (!content) return null;
    const beats = memberBeats(content, member) ?? [];
    return beats.length > 0 ? format(words.scopeOfficer, { beats: beats.join(', ') }) : format(words.scopeOfficerNone, { slug: member.officer_slug ?? '' });
  };
  const sentence = scope();
  return (
    <section aria-labelledby="staff-account-heading" className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-300 bg-slate-50 p-4">
      <div className="space-y-1">
        <h2 id="staff-account-heading" className="sr-only">
          {words.heading}
        </h2>
        <p className="break-all">
          {format(words.signedInAs, { email })}
          {member && (
            <>
              {' · '}
              <strong data-testid="staff-role">{words.roles[member.role]}</strong>
            </>
          )}
        </p>
        {sentence && <p>{sentence}</p>}
      </div>
      <button type="button" onClick={onSignOut} className={secondaryButtonClass}>
        {words.signOut}
      </button>
      {member && <PublishStatus />}
    </section>
  );
}

function NoRole({ email }: { email: string }) {
  const ws = useShell();
  const words = ws.t.noRole;
  return (
    <section aria-labelledby="staff-no-role" className="max-w-prose space-y-3 rounded-lg border-2 border-amber-700 bg-amber-50 p-5">
      <h2 id="staff-no-role" className="text-2xl font-bold">
        {words.heading}
      </h2>
      <p>{format(words.text, { email })}</p>
      <p>{words.whom}</p>
      {ws.contactEmail && <p>{format(words.contact, { email: ws.contactEmail })}</p>}
    </section>
  );
}

interface InboxState {
  items: InboxItem[] | null;
  truncated: boolean;
  failed: boolean;
}

interface DeskProps {
  member: StaffMember;
  email: string;
  focusInbox: boolean;
  /** The member changed their own role or scope (a coordinator, in the staff accounts). */
  onMemberChanged(): void;
}

function Desk({ member, email, focusInbox, onMemberChanged }: DeskProps) {
  const ws = useWorkspace();
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash) ?? { view: 'inbox' });
  const coordinator = member.role === 'coordinator';
  // Only coordinators manage staff: anyone else asking for it gets the inbox.
  const shown = useMemo<Route>(() => (!coordinator && (route.view === 'staff' || route.view === 'staff_member') ? { view: 'inbox' } : route), [route, coordinator]);
  const [filter, setFilter] = useState<InboxFilter>(defaultFilter);
  const [inbox, setInbox] = useState<InboxState>({ items: null, truncated: false, failed: false });
  const [now, setNow] = useState(() => new Date());
  // Where focus goes back to in the list: the link of the item (or the summary) left from.
  const returnTo = useRef<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const follow = () => {
      const next = parseRoute(location.hash);
      if (next) setRoute(next);
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    const at = new Date();
    const [outcome, unread] = await Promise.all([loadInbox(ws.client, receivedSince(filter.ageDays, at)), loadUnreadAnswers(ws.client)]);
    // An older answer arriving late must not replace a newer one.
    if (request !== latest.current) return;
    setNow(at);
    if (outcome.kind === 'ok' && unread.kind === 'ok') {
      setInbox({ items: markNewAnswers(inboxItems(outcome.value.rows), unread.value), truncated: outcome.value.truncated, failed: false });
    } else if (outcome.kind === 'signed_out' || unread.kind === 'signed_out') void ws.client.auth.signOut();
    else setInbox((previous) => ({ ...previous, failed: true }));
  }, [ws.client, filter.ageDays]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Back in the list from an item, the summary or the staff accounts, or just signed in: focus goes to the list.
  const previousView = useRef(shown.view);
  const focusPending = useRef(focusInbox);
  useEffect(() => {
    if (shown.view === 'inbox' && (previousView.current !== 'inbox' || focusPending.current)) {
      requestAnimationFrame(() => (document.getElementById(returnTo.current ?? '') ?? document.getElementById('staff-inbox-heading'))?.focus());
    }
    focusPending.current = false;
    previousView.current = shown.view;
  }, [shown]);

  const back = useCallback(() => {
    location.hash = 'inbox';
  }, []);

  if (shown.view === 'item') return <ItemView key={`${shown.kind}/${shown.id}`} kind={shown.kind} id={shown.id} onBack={back} onChanged={() => void refresh()} />;
  if (shown.view === 'summary') return <WeeklySummary onBack={back} />;
  if (shown.view === 'notifications') return <NotificationSettings email={email} onBack={back} />;
  if (isContentRoute(shown)) {
    return (
      <Suspense fallback={<p role="status">{ws.t.content.loading}</p>}>
        <ContentDesk route={shown} member={member} onBack={back} />
      </Suspense>
    );
  }
  if (shown.view === 'staff' || shown.view === 'staff_member') {
    return <StaffAccounts userId={shown.view === 'staff_member' ? shown.userId : null} ownEmail={email} onBack={back} onOwnChange={onMemberChanged} />;
  }
  return (
    <Inbox
      items={inbox.items}
      truncated={inbox.truncated}
      failed={inbox.failed}
      filter={filter}
      onFilter={setFilter}
      beats={memberBeats(ws, member)}
      staffAccounts={coordinator}
      onRefresh={() => void refresh()}
      onLeave={(elementId) => {
        returnTo.current = elementId;
      }}
      now={now}
    />
  );
}
