// Coordinators manage staff accounts from the workspace (/staff#staff), in
// Chromium against the built site and the local stack: a new account (made
// here as Supabase Auth would) is given a role, then works within that role's
// scope; every change is on record; nobody else is offered the view.
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { signedInPage } from '../support/staffPages.ts';

const { url, databaseUrl, staffPassword } = inject('stack');
const coordinator = 'coordinator@staff.alderbrook.example';
const officer101 = 'officer.beat101@staff.alderbrook.example';
const run = crypto.randomUUID().slice(0, 8);
const phone = { width: 360, height: 740 };
let browser: Browser;
const db = new pg.Client({ connectionString: databaseUrl });

beforeAll(async () => {
  browser = await launchBrowser();
  await db.connect();
});
afterAll(async () => {
  await browser?.close();
  await db.end();
});

/** An account as Supabase Auth makes it (an invitation accepted), with no staff role. */
async function createAccount(name: string): Promise<{ id: string; email: string }> {
  const { rows } = await db.query(
    `insert into auth.users (email, encrypted_password) values ($1, extensions.crypt($2, extensions.gen_salt('bf', 4))) returning id, email`,
    [`${name}-${run}@staff.alderbrook.example`, staffPassword],
  );
  return rows[0];
}

async function insertTip(description: string, beat: string): Promise<void> {
  await db.query(
    `insert into public.tips (category, description, beat, receipt_hash, idempotency_hash, receipt_sealed)
     values ('vandalism_graffiti', $1, $2, extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00')`,
    [description, beat],
  );
}

/** Signed in on /staff (or another address of it), in a browser context of its own. */
const staffPage = (email: string, path = '/staff', viewport?: { width: number; height: number }) => signedInPage(browser, email, path, viewport);

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const listedStatus = (page: Page) => page.getByRole('status').filter({ hasText: /accounts? listed/ });

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

describe('the staff accounts', () => {
  it('let a coordinator give a new account a role, which then sees its scope’s inbox, and every change is on record', async () => {
    const newcomer = await createAccount('new.officer');
    const marker101 = `Fence kicked in on the towpath (${run})`;
    const marker201 = `Tyres slashed behind the depot (${run})`;
    await insertTip(marker101, '101');
    await insertTip(marker201, '201');

    const page = await staffPage(coordinator);
    await page.getByRole('link', { name: 'Staff accounts' }).click();
    // The link itself is named "Staff accounts" too: wait for the view, then check focus went to its heading.
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Accounts are not created here but in Supabase Auth');
    await expect.poll(() => page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent])).toEqual(['H2', 'Staff accounts']);
    expect(new URL(page.url()).hash).toBe('#staff');
    await page.getByLabel('Email or officer’s name').fill(newcomer.email);
    await expect.poll(() => listedStatus(page).textContent()).toBe('1 account listed');
    const link = page.getByRole('link', { name: new RegExp(escaped(newcomer.email)) });
    expect(await link.textContent()).toContain('No role yet: sees nothing');

    // With the keyboard: the account opens with focus on its heading.
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe(newcomer.email);
    expect(new URL(page.url()).hash).toBe(`#staff/${newcomer.id}`);

    // An officer's role needs an officer profile: the error is beside the field, and nothing is saved.
    await page.getByLabel(/^Officer:/).check();
    await save(page);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Choose the officer profile this account belongs to.');
    expect(await page.getByLabel('Officer profile', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect((await db.query('select 1 from public.staff_members where user_id = $1', [newcomer.id])).rowCount).toBe(0);

    await page.getByLabel('Officer profile', { exact: true }).selectOption({ label: 'Michael Delgado' });
    expect(await page.getByText('This profile serves beats 101.').isVisible()).toBe(true);
    await save(page);
    await expect.poll(() => page.getByText('Saved.').isVisible()).toBe(true);
    const history = page.getByRole('region', { name: 'History of this account' });
    await expect.poll(() => history.textContent()).toContain('Role: Officer');
    expect(await history.textContent()).toContain(coordinator);

    // Escape goes back to the list, to the account's link, which now says its role.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`staff-account-${newcomer.id}`);
    await expect.poll(() => link.textContent()).toContain('Officer · Michael Delgado · Active');

    // The account signs in and works within beat 101, and is not offered the staff accounts.
    const officer = await staffPage(newcomer.email);
    expect(await officer.getByTestId('staff-role').textContent()).toBe('Officer');
    await expect.poll(() => officer.getByRole('link', { name: new RegExp(escaped(marker101)) }).isVisible()).toBe(true);
    expect(await officer.getByRole('main').textContent()).not.toContain(marker201);
    expect(await officer.getByRole('link', { name: 'Staff accounts' }).count()).toBe(0);

    // Made supervisor of district 2: a supervisor needs a district.
    await link.click();
    await expect.poll(() => focused(page)).toBe(newcomer.email);
    await page.getByLabel(/^Supervisor:/).check();
    await save(page);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Choose the district this supervisor supervises.');
    expect(await page.getByLabel('District', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('District', { exact: true }).selectOption({ label: 'District 2' });
    await save(page);
    await expect.poll(() => page.getByText('Saved.').isVisible()).toBe(true);
    await expect.poll(() => history.textContent()).toContain('Role: Officer → Supervisor');
    expect(await history.textContent()).toContain('District: District 2');

    // The same tab, reloaded: now the district's beats, and not beat 101's.
    await officer.reload();
    await expect.poll(() => officer.getByTestId('staff-role').textContent()).toBe('Supervisor');
    await expect.poll(() => officer.getByRole('link', { name: new RegExp(escaped(marker201)) }).isVisible()).toBe(true);
    expect(await officer.getByRole('main').textContent()).not.toContain(marker101);

    // Access withdrawn: the account sees nothing, and the history says who did it, from what to what.
    await page.getByLabel(/^Inactive:/).check();
    await save(page);
    await expect.poll(() => history.textContent()).toContain('Access: Active → Inactive');
    await officer.reload();
    await expect.poll(() => officer.getByRole('heading', { name: 'You have no access yet' }).isVisible()).toBe(true);
    const recorded = await db.query(
      `select field, from_value, to_value, changed_by_email from public.staff_history where kind = 'staff_member' and item_id = $1 order by history_id`,
      [newcomer.id],
    );
    expect(recorded.rows).toEqual([
      { field: 'role', from_value: null, to_value: 'officer', changed_by_email: coordinator },
      { field: 'officer_slug', from_value: null, to_value: 'michael-delgado', changed_by_email: coordinator },
      { field: 'active', from_value: null, to_value: 'true', changed_by_email: coordinator },
      { field: 'role', from_value: 'officer', to_value: 'supervisor', changed_by_email: coordinator },
      { field: 'district', from_value: null, to_value: '2', changed_by_email: coordinator },
      { field: 'active', from_value: 'true', to_value: 'false', changed_by_email: coordinator },
    ]);
  });

  it('are not offered to an officer, not even by their address', async () => {
    const page = await staffPage(officer101, '/staff#staff');
    await expect.poll(() => page.getByRole('heading', { name: 'Inbox' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Staff accounts' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Staff accounts' }).count()).toBe(0);
    expect(await page.getByRole('main').textContent()).not.toContain(coordinator);
  });

  it('have no WCAG 2.2 AA violations on a phone, listed and opened with an error, and fit its width', async () => {
    const newcomer = await createAccount('phone.check');
    const page = await staffPage(coordinator, '/staff#staff', phone);
    await expect.poll(() => listedStatus(page).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: new RegExp(escaped(newcomer.email)) }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    await page.goto(`${url}/staff#staff/${newcomer.id}`);
    await expect.poll(() => page.getByRole('heading', { name: newcomer.email }).isVisible()).toBe(true);
    await page.getByLabel(/^Supervisor:/).check();
    await save(page);
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  });
});
