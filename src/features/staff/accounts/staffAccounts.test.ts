import { describe, expect, it } from 'vitest';
import type { StaffAccount, StaffHistoryRecord } from '../workspace/records.ts';
import {
  changesNothing,
  changeValue,
  currentChoice,
  districtsOf,
  findAccounts,
  groupChanges,
  roleChange,
  roleProblems,
  type StaffLabels,
} from './staffAccounts.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const account = (n: number, email: string, change: Partial<StaffAccount> = {}): StaffAccount => ({
  user_id: id(n),
  email,
  role: null,
  officer_slug: null,
  district: null,
  active: false,
  ...change,
});

const coordinator = account(1, 'chief@example.org', { role: 'coordinator', officer_slug: 'rafael-mahmoud', active: true });
const supervisor = account(2, 'sup@example.org', { role: 'supervisor', officer_slug: 'rosa-nowak', district: '1', active: true });
const officer = account(3, 'beat101@example.org', { role: 'officer', officer_slug: 'jose-pena', active: true });
const leaver = account(4, 'gone@example.org', { role: 'officer', officer_slug: 'omar-underwood', active: false });
const newcomer = account(5, 'new@example.org');
const accounts = [coordinator, supervisor, officer, leaver, newcomer];
const names: Record<string, string> = { 'rafael-mahmoud': 'Rafael Mahmoud', 'rosa-nowak': 'Rosa Nowak', 'jose-pena': 'José Peña', 'omar-underwood': 'Omar Underwood' };
const officerName = (slug: string) => names[slug] ?? slug;

describe('the role form', () => {
  it('starts from the account’s role, and lets a newcomer in once given one', () => {
    expect(currentChoice(supervisor)).toEqual({ role: 'supervisor', officerSlug: 'rosa-nowak', district: '1', active: true });
    expect(currentChoice(leaver)).toEqual({ role: 'officer', officerSlug: 'omar-underwood', district: '', active: false });
    expect(currentChoice(newcomer)).toEqual({ role: '', officerSlug: '', district: '', active: true });
  });

  it('asks for a district only for a supervisor, and keeps an officer profile for any role', () => {
    expect(roleChange('a@example.org', { role: 'officer', officerSlug: 'jose-pena', district: '2', active: true })).toEqual({
      email: 'a@example.org',
      role: 'officer',
      officer_slug: 'jose-pena',
      district: null,
      active: true,
    });
    expect(roleChange('a@example.org', { role: 'supervisor', officerSlug: '', district: '2', active: false })).toEqual({
      email: 'a@example.org',
      role: 'supervisor',
      officer_slug: null,
      district: '2',
      active: false,
    });
    expect(roleChange('a@example.org', { role: 'coordinator', officerSlug: 'rafael-mahmoud', district: '1', active: true })).toMatchObject({
      officer_slug: 'rafael-mahmoud',
      district: null,
    });
  });

  it('knows when nothing would change', () => {
    for (const each of accounts) expect(changesNothing(each, currentChoice(each))).toBe(true);
    expect(changesNothing(newcomer, { role: '', officerSlug: 'jose-pena', district: '', active: true })).toBe(true);
    expect(changesNothing(leaver, { ...currentChoice(leaver), active: true })).toBe(false);
    expect(changesNothing(supervisor, { ...currentChoice(supervisor), district: '2' })).toBe(false);
    // A district left from being a supervisor is dropped, and that is a change.
    expect(changesNothing(supervisor, { ...currentChoice(supervisor), role: 'coordinator' })).toBe(false);
  });

  it('wants a role, an officer’s profile and a supervisor’s district', () => {
    const context = { account: newcomer, ownEmail: coordinator.email, accounts };
    expect(roleProblems(currentChoice(newcomer), context)).toEqual({ role: 'missing' });
    expect(roleProblems({ role: 'officer', officerSlug: '', district: '1', active: true }, context)).toEqual({ officer_slug: 'missing' });
    expect(roleProblems({ role: 'supervisor', officerSlug: 'jose-pena', district: '', active: true }, context)).toEqual({ district: 'missing' });
    expect(roleProblems({ role: 'supervisor', officerSlug: '', district: '3', active: true }, context)).toEqual({});
    expect(roleProblems({ role: 'coordinator', officerSlug: '', district: '', active: false }, context)).toEqual({});
  });

  it('keeps the only active coordinator from stepping down or switching their own access off', () => {
    const own = { account: coordinator, ownEmail: 'Chief@Example.org ', accounts };
    expect(roleProblems({ ...currentChoice(coordinator), role: 'supervisor', district: '1' }, own)).toEqual({ role: 'lastCoordinator' });
    expect(roleProblems({ ...currentChoice(coordinator), active: false }, own)).toEqual({ role: 'lastCoordinator' });
    expect(roleProblems({ ...currentChoice(coordinator), officerSlug: '' }, own)).toEqual({});
    // Another coordinator, but inactive, does not count; an active one does.
    const inactiveColleague = account(6, 'deputy@example.org', { role: 'coordinator', active: false });
    expect(roleProblems({ ...currentChoice(coordinator), active: false }, { ...own, accounts: [...accounts, inactiveColleague] })).toEqual({ role: 'lastCoordinator' });
    const colleague = { ...inactiveColleague, active: true };
    expect(roleProblems({ ...currentChoice(coordinator), active: false }, { ...own, accounts: [...accounts, colleague] })).toEqual({});
    // Someone else's account may be changed freely: the one changing it is a coordinator.
    expect(roleProblems({ ...currentChoice(colleague), active: false }, { account: colleague, ownEmail: coordinator.email, accounts: [...accounts, colleague] })).toEqual({});
  });
});

describe('the list of accounts', () => {
  it('finds accounts by part of the email or of the officer’s name, accents or not, in the directory’s order', () => {
    const find = (text: string) => findAccounts(accounts, { text, show: 'all' }, officerName).map((each) => each.email);
    expect(find('')).toEqual(accounts.map((each) => each.email));
    expect(find('  PENA ')).toEqual(['beat101@example.org']);
    expect(find('peña beat')).toEqual(['beat101@example.org']);
    expect(find('example.org rosa')).toEqual(['sup@example.org']);
    expect(find('nobody')).toEqual([]);
  });

  it('shows one role, the accounts without one, or the inactive ones', () => {
    const show = (what: Parameters<typeof findAccounts>[1]['show']) => findAccounts(accounts, { text: '', show: what }, officerName).map((each) => each.email);
    expect(show('officer')).toEqual(['beat101@example.org', 'gone@example.org']);
    expect(show('coordinator')).toEqual(['chief@example.org']);
    expect(show('none')).toEqual(['new@example.org']);
    expect(show('inactive')).toEqual(['gone@example.org']);
  });

  it('offers each district once, in natural order', () => {
    expect(districtsOf([{ district: '10' }, { district: '2' }, { district: '1' }, { district: '2' }])).toEqual(['1', '2', '10']);
  });
});

describe('an account’s history', () => {
  const entry = (n: number, field: StaffHistoryRecord['field'], from: string | null, to: string | null, at: string, by: string | null): StaffHistoryRecord => ({
    history_id: n,
    kind: 'staff_member',
    item_id: id(5),
    field,
    from_value: from,
    to_value: to,
    note: null,
    changed_by: by === null ? null : id(1),
    changed_by_email: by,
    changed_at: at,
  });

  it('gathers the fields one save changed, and keeps saves apart', () => {
    const changes = groupChanges([
      entry(1, 'role', null, 'officer', '2026-11-20T10:00:00Z', 'chief@example.org'),
      entry(2, 'role', 'officer', 'supervisor', '2026-11-21T09:00:00Z', 'chief@example.org'),
      entry(3, 'district', null, '2', '2026-11-21T09:00:00Z', 'chief@example.org'),
      entry(4, 'active', 'true', 'false', '2026-11-21T09:00:00Z', 'deputy@example.org'),
      entry(5, 'active', 'false', 'true', '2026-11-22T08:00:00Z', null),
    ]);
    expect(changes.map((change) => [change.at, change.by, change.byStaff, change.fields.map((field) => field.field)])).toEqual([
      ['2026-11-20T10:00:00Z', 'chief@example.org', true, ['role']],
      ['2026-11-21T09:00:00Z', 'chief@example.org', true, ['role', 'district']],
      ['2026-11-21T09:00:00Z', 'deputy@example.org', true, ['active']],
      ['2026-11-22T08:00:00Z', null, false, ['active']],
    ]);
    expect(changes[1]!.fields[1]).toEqual({ field: 'district', from_value: null, to_value: '2' });
  });

  it('says recorded values in the reader’s words', () => {
    const labels: StaffLabels = {
      role: (role) => ({ officer: 'Agente', supervisor: 'Supervisor', coordinator: 'Coordinador' })[role],
      officer: officerName,
      district: (district) => `Distrito ${district}`,
      active: (active) => (active ? 'Activa' : 'Inactiva'),
    };
    expect(changeValue('role', 'officer', labels)).toBe('Agente');
    expect(changeValue('role', 'sheriff', labels)).toBe('sheriff');
    expect(changeValue('officer_slug', 'jose-pena', labels)).toBe('José Peña');
    expect(changeValue('officer_slug', 'someone-gone', labels)).toBe('someone-gone');
    expect(changeValue('district', '2', labels)).toBe('Distrito 2');
    expect(changeValue('active', 'true', labels)).toBe('Activa');
    expect(changeValue('active', 'false', labels)).toBe('Inactiva');
  });
});
