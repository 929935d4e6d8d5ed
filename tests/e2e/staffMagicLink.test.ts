// Staff sign in with a link sent to their address, in Chromium against the
// built site (built with PUBLIC_STAFF_MAGIC_LINK=true, as the local stack is)
// and the local Auth emulation, which sends its emails to the stack's mail
// catcher. The link opens in a new tab, as it would from an email.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { linksIn, mailTo } from '../support/mail.ts';

const { url, mailFolder } = inject('stack');
const officer101 = 'officer.beat101@staff.alderbrook.example';
const sent = 'If this address belongs to a staff account, a sign-in link is on its way. It works once, for a short time.';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The sign-in links mailed to an address, oldest first. */
async function linksTo(address: string): Promise<string[]> {
  return (await mailTo(mailFolder, address)).flatMap(linksIn).filter((link) => link.includes('/auth/v1/verify'));
}

async function signInPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/staff`);
  await expect.poll(() => page.getByRole('button', { name: 'Email me a sign-in link' }).isVisible()).toBe(true);
  return page;
}

async function askForLink(page: Page, address: string) {
  await page.getByLabel('Email address').fill(address);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: sent }).isVisible()).toBe(true);
}

describe('a sign-in link', () => {
  it('signs a staff member in, in the tab it opens, and leaves no token in the address', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signInPage(context);
    const before = (await linksTo(officer101)).length;
    await askForLink(page, officer101);
    expect(await linksTo(officer101)).toHaveLength(before + 1);
    const link = (await linksTo(officer101)).at(-1)!;

    const tab = await context.newPage();
    await tab.goto(link);
    await expect.poll(() => tab.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await expect.poll(() => tab.getByRole('heading', { name: 'Inbox' }).isVisible()).toBe(true);
    expect(await tab.getByTestId('staff-role').textContent()).toBe('Officer');
    expect(await tab.getByText(`Signed in as ${officer101}`).isVisible()).toBe(true);
    const landed = new URL(tab.url());
    expect(`${landed.origin}${landed.pathname}`).toBe(`${url}/staff`);
    expect(landed.hash).not.toMatch(/token|type=/);
    // Nor does going back bring the tokens into the address again.
    await tab.goBack();
    expect(tab.url()).not.toMatch(/access_token|refresh_token/);

    // The session is the new tab's: the tab that asked still offers to sign in.
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

    // The link worked once: opened again, it signs no one in and says why.
    const again = await context.newPage();
    await again.goto(link);
    await expect.poll(() => again.getByText('That sign-in link no longer works').isVisible()).toBe(true);
    expect(await again.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(new URL(again.url()).hash).not.toMatch(/error/);
    await context.close();
  });

  it('answers an address without an account with the same sentence, and mails it nothing; the form passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await signInPage(context);
    const stranger = `nobody-${crypto.randomUUID().slice(0, 8)}@staff.alderbrook.example`;
    await askForLink(page, stranger);
    expect(await linksTo(stranger)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Without an address, the form says so next to the field, and mails no one.
    await page.getByLabel('Email address').fill('');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Give the email address of your staff account.');
    expect(await page.getByRole('status').filter({ hasText: sent }).count()).toBe(0);
    await context.close();
  });
});
