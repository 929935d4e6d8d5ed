// The decisions behind the Staff view, apart from React so they can be tested:
// which accounts a search lists, what a role form asks set_staff_role, what it
// refuses before asking (the database refuses the same, in English), and how
// the recorded changes of an account read.
import type { StaffAccount, StaffHistoryRecord, StaffRole } from '../workspace/records.ts';
import type { StaffRoleChange } from '../workspace/staffData.ts';

/** The role form's values: '' for a role or district not chosen yet. */
export interface RoleChoice {
  role: StaffRole | '';
  officerSlug: string;
  district: string;
  active: boolean;
}

export function currentChoice(account: StaffAccount): RoleChoice {
  return {
    role: account.role ?? '',
    officerSlug: account.officer_slug ?? '',
    district: account.district ?? '',
    // Giving a role to an account that has none is meant to let it in.
    active: account.role === null ? true : account.active,
  };
}

/**
 * What set_staff_role is asked. Anyone may be linked to an officer profile (a
 * supervisor is an officer too), but only a supervisor keeps a district: for
 * the other roles it would scope nothing and only mislead.
 */
export function roleChange(email: string, choice: RoleChoice & { role: StaffRole }): StaffRoleChange {
  return {
    email,
    role: choice.role,
    officer_slug: choice.officerSlug || null,
    district: choice.role === 'supervisor' ? choice.district || null : null,
    active: choice.active,
  };
}

export function changesNothing(account: StaffAccount, choice: RoleChoice): boolean {
  if (choice.role === '') return account.role === null;
  const change = roleChange(account.email, { ...choice, role: choice.role });
  return account.role === change.role && account.officer_slug === change.officer_slug && account.district === change.district && account.active === change.active;
}

export type RoleField = 'role' | 'officer_slug' | 'district';
export type RoleProblem = 'missing' | 'lastCoordinator';

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What is wrong with a choice before asking the server, field by field, as
 * set_staff_role would say it. A jurisdiction must keep an active coordinator:
 * the only one may not step down or switch their own access off.
 */
export function roleProblems(
  choice: RoleChoice,
  context: { account: StaffAccount; ownEmail: string; accounts: readonly StaffAccount[] },
): Partial<Record<RoleField, RoleProblem>> {
  const problems: Partial<Record<RoleField, RoleProblem>> = {};
  if (choice.role === '') problems.role = 'missing';
  if (choice.role === 'officer' && !choice.officerSlug) problems.officer_slug = 'missing';
  if (choice.role === 'supervisor' && !choice.district) problems.district = 'missing';
  const { account, ownEmail, accounts } = context;
  const steppingDown = choice.role !== '' && (choice.role !== 'coordinator' || !choice.active);
  const anotherCoordinator = accounts.some((other) => !sameEmail(other.email, account.email) && other.role === 'coordinator' && other.active);
  if (sameEmail(account.email, ownEmail) && steppingDown && !anotherCoordinator) problems.role = 'lastCoordinator';
  return problems;
}

export type AccountShow = 'all' | 'none' | StaffRole | 'inactive';
export const accountShows: readonly AccountShow[] = ['all', 'none', 'officer', 'supervisor', 'coordinator', 'inactive'];

export interface AccountFilter {
  text: string;
  show: AccountShow;
}

export const defaultAccountFilter: AccountFilter = { text: '', show: 'all' };

/** Lower case and without accents, so "peña" finds "Peña" and "pena". */
const folded = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

function shows(account: StaffAccount, show: AccountShow): boolean {
  if (show === 'all') return true;
  if (show === 'none') return account.role === null;
  if (show === 'inactive') return account.role !== null && !account.active;
  return account.role === show;
}

/** The accounts a search lists, in the directory's order: every word of the text in the email or the officer profile's name. */
export function findAccounts(accounts: readonly StaffAccount[], filter: AccountFilter, officerName: (slug: string) => string): StaffAccount[] {
  const words = folded(filter.text).split(/\s+/).filter(Boolean);
  return accounts.filter((account) => {
    if (!shows(account, filter.show)) return false;
    const haystack = folded([account.email, account.officer_slug ? officerName(account.officer_slug) : ''].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

/** The jurisdiction's districts, from its beats, in their natural order (2 before 10). */
export function districtsOf(beats: ReadonlyArray<{ district: string }>): string[] {
  return [...new Set(beats.map((beat) => beat.district))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export interface StaffChange {
  at: string;
  by: string | null;
  /** Whether a signed-in person made it (by is then their email, when known). */
  byStaff: boolean;
  fields: Array<Pick<StaffHistoryRecord, 'field' | 'from_value' | 'to_value'>>;
}

/** The recorded fields, gathered into changes: one save writes its fields together, by one person at one time. */
export function groupChanges(history: readonly StaffHistoryRecord[]): StaffChange[] {
  const changes: StaffChange[] = [];
  for (const entry of history) {
    const last = changes.at(-1);
    const field = { field: entry.field, from_value: entry.from_value, to_value: entry.to_value };
    if (last && last.at === entry.changed_at && last.by === entry.changed_by_email && last.byStaff === (entry.changed_by !== null)) last.fields.push(field);
    else changes.push({ at: entry.changed_at, by: entry.changed_by_email, byStaff: entry.changed_by !== null, fields: [field] });
  }
  return changes;
}

export interface StaffLabels {
  role(role: StaffRole): string;
  officer(slug: string): string;
  district(district: string): string;
  active(active: boolean): string;
}

const isRole = (value: string): value is StaffRole => value === 'officer' || value === 'supervisor' || value === 'coordinator';

/** A recorded value as the reader says it (the history keeps the database's text: slugs, ids, 'true'). */
export function changeValue(field: StaffHistoryRecord['field'], value: string, labels: StaffLabels): string {
  if (field === 'role') return isRole(value) ? labels.role(value) : value;
  if (field === 'officer_slug') return labels.officer(value);
  if (field === 'district') return labels.district(value);
  return labels.active(value === 'true');
}
