// The publishing status at the top of the staff workspace, in Chromium against
// the built site and the shared local stack. That stack has no publisher, so
// every change stays waiting: the line says so, "Publish now" asks for one
// more, and a change made while the workspace is open shows up by itself.
// Other files queue publishes on the same stack at the same time, so counts
// are only ever compared as "not fewer" (nothing here finishes a publish).
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { signedInPage } from '../support/staffPages.ts';

const { url, databaseUrl } = inject('stack');
const coordinator = 'coordinator@staff.alderbrook.example';
const officer101 = 'officer.beat101@staff.alderbrook.example';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * A change to the public site's content, as the SQL editor would make it. Every statement on a
 * content table queues a publish, even one that leaves the values as they were (the trigger runs
 * per statement): nothing other files read changes, and there is nothing to restore.
 */
async function changeContent(): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`update public.beats set neighbourhoods = neighbourhoods where beat_id = '101'`);
  } finally {
    await db.end();
  }
}

const statusLine = (page: Page) => page.getByTestId('publish-status');

/** The changes the line says are waiting; 0 while it says none, or has not said yet. */
async function waiting(page: Page): Promise<number> {
  const text = (await statusLine(page).textContent()) ?? '';
  const count = /(\d+) changes? waiting to be published/.exec(text);
  return count ? Number(count[1]) : 0;
}

describe('the publishing status in the workspace', () => {
  it('tells a coordinator that changes wait to be published, and "Publish now", pressed from the keyboard, asks for one more', async () => {
    await changeContent();
    const page = await signedInPage(browser, coordinator);
    await expect.poll(() => waiting(page)).toBeGreaterThan(0);
    await expect.poll(() => statusLine(page).textContent()).toMatch(/waiting to be published\.$/);
    const before = await waiting(page);

    const publishNow = page.getByRole('button', { name: 'Publish now' });
    await publishNow.focus();
    await page.keyboard.press('Enter');
    // Said aloud once it has happened, with what the line now says.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Publish requested.' }).textContent()).toMatch(/waiting to be published\.$/);
    expect(await waiting(page)).toBeGreaterThan(before);
    expect(await publishNow.getAttribute('aria-disabled')).toBeNull();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows an officer a change made while the workspace is open, with no reload', async () => {
    await changeContent();
    const page = await signedInPage(browser, officer101);
    await expect.poll(() => waiting(page)).toBeGreaterThan(0);
    const before = await waiting(page);
    await changeContent();
    // Changes are waiting, so the workspace asks again within 10 s: a bound on a hang, not a timing.
    await expect.poll(() => waiting(page), { timeout: 30_000, interval: 1_000 }).toBeGreaterThan(before);
    // A check that changes only the count is not news: nothing was said aloud.
    expect(await page.getByRole('status').filter({ hasText: 'waiting to be published' }).count()).toBe(0);
  });

  it('speaks Spanish on the Spanish workspace, and passes axe there', async () => {
    await changeContent();
    // Signed in in English, then the same tab in Spanish: the session stays with the tab.
    const page = await signedInPage(browser, coordinator);
    await page.goto(`${url}/es/staff`);
    await expect.poll(() => statusLine(page).textContent()).toMatch(/(espera a ser publicado|esperan a ser publicados)\.$/);
    expect(await page.getByRole('button', { name: 'Publicar ahora' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
