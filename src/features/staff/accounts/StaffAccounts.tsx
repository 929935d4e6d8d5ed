// The Staff view, for coordinators only: every account that can sign in, with
// its role, scope and access (#staff), and one account opened (#staff/<user id>)
// to change them, with the history of its changes. Accounts themselves are
// made in Supabase Auth; set_staff_role only gives them a role, refuses anyone
// but a coordinator, and every change it makes is recorded.
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { Field, FieldError, fieldClass, secondaryButtonClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import ActionForm from '../workspace/ActionForm.tsx';
import BackLink from '../workspace/BackLink.tsx';
import { Details } from '../workspace/Details.tsx';
import { staffRoles, type StaffAccount, type StaffHistoryRecord } from '../workspace/records.ts';
import { routeHash } from '../workspace/route.ts';
import {
  accountShows,
  changesNothing,
  changeValue,
  currentChoice,
  defaultAccountFilter,
  districtsOf,
  findAccounts,
  groupChanges,
  roleChange,
  roleProblems,
  type AccountFilter,
  type AccountShow,
  type RoleChoice,
  type RoleField,
  type RoleProblem,
  type StaffLabels,
} from './staffAccounts.ts';
import { loadStaffDirectory, loadStaffHistory, setStaffRole } from '../workspace/staffData.ts';
import { useWorkspace, type Workspace } from '../workspace/words.ts';

type Directory = { phase: 'loading' } | { phase: 'failed' } | { phase: 'loaded'; accounts: StaffAccount[] };

interface Props {
  /** The account opened, or null for the list. */
  userId: string | null;
  /** The signed-in coordinator's email: their own account is marked, and guarded. */
  ownEmail: string;
  /** Back to the inbox. */
  onBack(): void;
  /** The signed-in coordinator changed their own account, so what they may do may have changed. */
  onOwnChange(): void;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const accountLinkId = (userId: string) => `staff-account-${userId}`;

export default function StaffAccounts({ userId, ownEmail, onBack, onOwnChange }: Props) {
  const ws = useWorkspace();
  const [directory, setDirectory] = useState<Directory>({ phase: 'loading' });
  const [filter, setFilter] = useState<AccountFilter>(defaultAccountFilter);
  // The account's link the list was left from, to put focus back on.
  const returnTo = useRef<string | null>(null);

  const load = useCallback(async () => {
    const outcome = await loadStaffDirectory(ws.client);
    if (outcome.kind === 'ok') setDirectory({ phase: 'loaded', accounts: outcome.value });
    else if (outcome.kind === 'signed_out') void ws.client.auth.signOut();
    else setDirectory({ phase: 'failed' });
  }, [ws.client]);

  useEffect(() => {
    void load();
  }, [load]);

  if (userId === null) {
    return <AccountList directory={directory} filter={filter} onFilter={setFilter} ownEmail={ownEmail} onBack={onBack} onRetry={() => void load()} returnTo={returnTo} />;
  }
  const account = directory.phase === 'loaded' ? (directory.accounts.find((each) => each.user_id === userId) ?? null) : undefined;
  return (
    <AccountView
      key={userId}
      userId={userId}
      account={account}
      accounts={directory.phase === 'loaded' ? directory.accounts : []}
      failed={directory.phase === 'failed'}
      onRetry={() => void load()}
      ownEmail={ownEmail}
      onSaved={async (changed) => {
        if (sameEmail(changed.email, ownEmail)) onOwnChange();
        await load();
      }}
    />
  );
}

function scopeOf(ws: Workspace, account: StaffAccount): string {
  const words = ws.t.team;
  if (account.role === null) return words.noRole;
  const role = () => {
    if (account.role === 'coordinator') return words.scopes.coordinator;
    if (account.role === 'supervisor') return format(words.scopes.supervisor, { district: account.district ?? '' });
    return account.officer_slug ? format(words.scopes.officer, { officer: ws.officer(account.officer_slug) }) : words.scopes.officerNone;
  };
  return `${role()} · ${account.active ? words.active : words.inactive}`;
}

function LoadFailed({ onRetry }: { onRetry(): void }) {
  const { t } = useWorkspace();
  return (
    <div className="space-y-3">
      <p className="font-semibold text-alert-700">{t.team.loadFailed}</p>
      <button type="button" onClick={onRetry} className={secondaryButtonClass}>
        {t.retry}
      </button>
    </div>
  );
}

interface ListProps {
  directory: Directory;
  filter: AccountFilter;
  onFilter(filter: AccountFilter): void;
  ownEmail: string;
  onBack(): void;
  onRetry(): void;
  returnTo: RefObject<string | null>;
}

function AccountList({ directory, filter, onFilter, ownEmail, onBack, onRetry, returnTo }: ListProps) {
  const ws = useWorkspace();
  const words = ws.t.team;
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const listed = directory.phase === 'loaded' ? findAccounts(directory.accounts, filter, ws.officer) : [];

  // Arriving, focus on the heading; back from an account, on that account's link.
  useEffect(() => {
    requestAnimationFrame(() => (document.getElementById(returnTo.current ?? '') ?? heading.current)?.focus());
  }, []);

  return (
    <section aria-labelledby="staff-accounts-heading" className="space-y-6">
      <BackLink href="#inbox" onClick={onBack}>
        {words.back}
      </BackLink>
      <h2 id="staff-accounts-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
        {words.heading}
      </h2>
      <div className="max-w-prose space-y-3">
        <p>{words.intro}</p>
        <p>{words.invite}</p>
      </div>

      <form aria-label={words.filters} role="search" onSubmit={(event) => event.preventDefault()} className="grid gap-4 sm:grid-cols-2">
        <Field id={`${ids}-find`} label={words.find} hint={words.findHint}>
          {(control) => (
            <input {...control} type="search" autoComplete="off" value={filter.text} onChange={(event) => onFilter({ ...filter, text: event.target.value })} className={fieldClass} />
          )}
        </Field>
        <Field id={`${ids}-show`} label={words.show}>
          {(control) => (
            <select {...control} value={filter.show} onChange={(event) => onFilter({ ...filter, show: event.target.value as AccountShow })} className={fieldClass}>
              {accountShows.map((show) => (
                <option key={show} value={show}>
                  {words.shows[show]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>

      <p role="status" className="font-semibold">
        {directory.phase === 'loading' ? words.loading : directory.phase === 'loaded' ? (listed.length === 1 ? words.listedOne : format(words.listed, { count: listed.length })) : ''}
      </p>
      {directory.phase === 'failed' && <LoadFailed onRetry={onRetry} />}
      {directory.phase === 'loaded' && listed.length === 0 && <p>{words.none}</p>}
      {listed.length > 0 && (
        <ul aria-labelledby="staff-accounts-heading" className="divide-y divide-slate-300 border-y border-slate-300">
          {listed.map((account) => (
            <li key={account.user_id}>
              <a
                id={accountLinkId(account.user_id)}
                href={routeHash({ view: 'staff_member', userId: account.user_id })}
                onClick={() => {
                  returnTo.current = accountLinkId(account.user_id);
                }}
                className="block space-y-1 px-2 py-3 no-underline hover:bg-brand-50 focus-visible:bg-brand-50"
              >
                <span className="block font-semibold break-all text-brand-800 underline">
                  {account.email}
                  {sameEmail(account.email, ownEmail) && ` ${words.you}`}
                </span>
                <span className={`block text-sm ${account.role !== null && account.active ? 'text-slate-800' : 'font-semibold text-slate-900'}`}>{scopeOf(ws, account)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Typing in a field is not a request to leave: Escape there belongs to the field. */
const typing = (target: EventTarget | null) => target instanceof HTMLElement && target.matches('input, textarea, select, [contenteditable]');

type HistoryState = { phase: 'loading' } | { phase: 'failed' } | { phase: 'loaded'; history: StaffHistoryRecord[] };

interface AccountProps {
  userId: string;
  /** undefined while the directory loads; null when it has no such account. */
  account: StaffAccount | null | undefined;
  accounts: readonly StaffAccount[];
  failed: boolean;
  onRetry(): void;
  ownEmail: string;
  onSaved(account: StaffAccount): Promise<void>;
}

function AccountView({ userId, account, accounts, failed, onRetry, ownEmail, onSaved }: AccountProps) {
  const ws = useWorkspace();
  const words = ws.t.team;
  const heading = useRef<HTMLHeadingElement>(null);
  const [history, setHistory] = useState<HistoryState>({ phase: 'loading' });

  const loadHistory = useCallback(async () => {
    const outcome = await loadStaffHistory(ws.client, userId);
    setHistory(outcome.kind === 'ok' ? { phase: 'loaded', history: outcome.value } : { phase: 'failed' });
  }, [ws.client, userId]);

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  // Focus on the heading once it names the account (or says there is none).
  const arrived = account !== undefined || failed;
  useEffect(() => {
    if (arrived) requestAnimationFrame(() => heading.current?.focus());
  }, [arrived]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || typing(event.target)) return;
      event.preventDefault();
      location.hash = 'staff';
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const own = account ? sameEmail(account.email, ownEmail) : false;
  return (
    <article aria-labelledby="staff-account-view-heading" className="space-y-6">
      <BackLink href="#staff" hint={words.account.backHint}>
        {words.account.back}
      </BackLink>
      <h2 id="staff-account-view-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold break-all focus:outline-none">
        {account ? `${account.email}${own ? ` ${words.you}` : ''}` : words.heading}
      </h2>
      {account === undefined && !failed && <p role="status">{words.loading}</p>}
      {failed && <LoadFailed onRetry={onRetry} />}
      {account === null && <p>{words.account.notFound}</p>}
      {account && (
        <div className="space-y-8">
          <section aria-labelledby="staff-account-now" className="space-y-3">
            <h3 id="staff-account-now" className="text-xl font-bold">
              {words.account.now}
            </h3>
            <Details
              details={[
                { label: words.account.role, value: account.role ? ws.t.account.roles[account.role] : words.noRole },
                { label: words.account.officer, value: account.officer_slug ? ws.officer(account.officer_slug) : words.account.none },
                account.district !== null && { label: words.account.district, value: format(words.form.districtOption, { district: account.district }) },
                account.role !== null && { label: words.account.access, value: account.active ? words.active : words.inactive },
              ]}
            />
          </section>
          <section aria-labelledby="staff-account-form" className="space-y-3">
            <h3 id="staff-account-form" className="text-xl font-bold">
              {words.form.heading}
            </h3>
            {own && <p className="max-w-prose">{words.form.own}</p>}
            <RoleForm
              account={account}
              accounts={accounts}
              ownEmail={ownEmail}
              onSaved={async () => {
                await Promise.all([loadHistory(), onSaved(account)]);
              }}
            />
          </section>
          <AccountHistory history={history} />
        </div>
      )}
    </article>
  );
}

function RoleForm({ account, accounts, ownEmail, onSaved }: { account: StaffAccount; accounts: readonly StaffAccount[]; ownEmail: string; onSaved(): Promise<void> }) {
  const ws = useWorkspace();
  const words = ws.t.team;
  const [choice, setChoice] = useState<RoleChoice>(() => currentChoice(account));
  useEffect(() => setChoice(currentChoice(account)), [account]);
  const set = (change: Partial<RoleChoice>) => setChoice((previous) => ({ ...previous, ...change }));

  const id = 'staff-role';
  const districts = districtsOf(ws.beats);
  const chosenOfficer = ws.officers.find((officer) => officer.slug === choice.officerSlug);
  // A profile since removed from the content stays choosable, so saving the rest does not drop it unseen.
  const profileGone = account.officer_slug !== null && !ws.officers.some((officer) => officer.slug === account.officer_slug);
  const districtGone = account.district !== null && !districts.includes(account.district);

  const problemWords = (field: RoleField, problem: RoleProblem) => (field === 'role' ? (problem === 'missing' ? words.errors.roleMissing : words.errors.role) : words.errors[field]);
  const check = () =>
    Object.fromEntries(
      Object.entries(roleProblems(choice, { account, ownEmail, accounts })).map(([field, problem]) => [field, problemWords(field as RoleField, problem)]),
    );
  const act = () => {
    if (choice.role === '' || changesNothing(account, choice)) return undefined;
    return setStaffRole(ws.client, roleChange(account.email, { ...choice, role: choice.role }));
  };

  const officerHint = (
    <>
      {words.form.officerHint}{' '}
      {chosenOfficer && (chosenOfficer.beats.length > 0 ? format(words.form.serves, { beats: chosenOfficer.beats.join(', ') }) : words.form.servesNone)}
    </>
  );

  return (
    <ActionForm
      id={id}
      fields={['role', 'officer_slug', 'district']}
      check={check}
      act={act}
      onSaved={onSaved}
      submitLabel={words.form.save}
      messages={{ nothing: words.form.nothing, errors: words.errors }}
    >
      {(errors) => (
        <>
          <Choices
            id={`${id}-role`}
            legend={words.form.role}
            error={errors.role}
            value={choice.role}
            onChange={(role) => set({ role: role as RoleChoice['role'] })}
            options={staffRoles.map((role) => ({ value: role, label: words.form.roles[role] }))}
          />
          <Field id={`${id}-officer_slug`} label={words.form.officer} hint={officerHint} error={errors.officer_slug}>
            {(control) => (
              <select {...control} value={choice.officerSlug} onChange={(event) => set({ officerSlug: event.target.value })} className={fieldClass}>
                <option value="">{words.form.noOfficer}</option>
                {profileGone && <option value={account.officer_slug!}>{account.officer_slug}</option>}
                {ws.officers.map((officer) => (
                  <option key={officer.slug} value={officer.slug}>
                    {officer.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {choice.role === 'supervisor' && (
            <Field id={`${id}-district`} label={words.form.district} hint={words.form.districtHint} error={errors.district}>
              {(control) => (
                <select {...control} value={choice.district} onChange={(event) => set({ district: event.target.value })} className={fieldClass}>
                  <option value="">{words.form.chooseDistrict}</option>
                  {districtGone && <option value={account.district!}>{format(words.form.districtOption, { district: account.district! })}</option>}
                  {districts.map((district) => (
                    <option key={district} value={district}>
                      {format(words.form.districtOption, { district })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Choices
            id={`${id}-active`}
            legend={words.form.access}
            value={choice.active ? 'active' : 'inactive'}
            onChange={(value) => set({ active: value === 'active' })}
            options={[
              { value: 'active', label: words.form.activeChoice },
              { value: 'inactive', label: words.form.inactiveChoice },
            ]}
          />
        </>
      )}
    </ActionForm>
  );
}

/** Radio buttons in a fieldset; the first one carries `id`, for the error summary's link. */
function Choices({ id, legend, error, value, onChange, options }: { id: string; legend: string; error?: string; value: string; onChange(value: string): void; options: Array<{ value: string; label: string }> }) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} className="space-y-2">
      <legend className="font-semibold">{legend}</legend>
      <FieldError id={id} error={error} />
      {options.map((option, index) => (
        <label key={option.value} className="flex min-h-11 items-start gap-3 py-1">
          <input
            id={index === 0 ? id : `${id}-${option.value}`}
            type="radio"
            name={id}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            aria-invalid={error ? true : undefined}
            className="mt-0.5 h-5 w-5 shrink-0"
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function AccountHistory({ history }: { history: HistoryState }) {
  const ws = useWorkspace();
  const words = ws.t.team.history;
  const labels: StaffLabels = {
    role: (role) => ws.t.account.roles[role],
    officer: (slug) => ws.officer(slug),
    district: (district) => format(words.district, { district }),
    active: (active) => (active ? words.active : words.inactive),
  };
  const line = (field: StaffHistoryRecord['field'], from: string | null, to: string | null) => {
    const label = words.fields[field];
    if (to === null) return format(ws.t.history.cleared, { field: label });
    if (from === null) return format(ws.t.history.set, { field: label, to: changeValue(field, to, labels) });
    return format(ws.t.history.changed, { field: label, from: changeValue(field, from, labels), to: changeValue(field, to, labels) });
  };
  return (
    <section aria-labelledby="staff-account-history" className="space-y-3">
      <h3 id="staff-account-history" className="text-xl font-bold">
        {words.heading}
      </h3>
      {history.phase === 'loading' && <p>{ws.t.team.loading}</p>}
      {history.phase === 'failed' && <p className="font-semibold text-alert-700">{ws.t.team.loadFailed}</p>}
      {history.phase === 'loaded' && history.history.length === 0 && <p>{words.none}</p>}
      {history.phase === 'loaded' && history.history.length > 0 && (
        <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
          {groupChanges(history.history).map((change, index) => (
            <li key={index} className="space-y-1">
              <p className="text-sm break-all text-slate-700">
                <time dateTime={change.at}>{ws.dateTime(change.at)}</time> · {change.by ?? (change.byStaff ? ws.t.history.staff : words.outside)}
              </p>
              <ul>
                {change.fields.map((field) => (
                  <li key={field.field}>{line(field.field, field.from_value, field.to_value)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
