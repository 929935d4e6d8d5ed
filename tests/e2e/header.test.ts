// The site header on a phone and on a desktop: on a phone the sections fold into a
// menu that works without JavaScript, and the finder and the other language stay in sight.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const { url } = inject('stack');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const phone = { width: 375, height: 667 };
const sections = ['Home', 'Find your officer', 'Meetings', 'Guides', 'Search', 'Send a tip', 'Neighbourhood watch', 'Business safety'];

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, isMobile: viewport === phone, hasTouch: viewport === phone });
  const page = await context.newPage();
  await page.goto(`${url}${path}`);
  return page;
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: /^(Main|Principal)$/ });
const visible = (page: Page, names: string[]) => Promise.all(names.map((name) => mainNav(page).getByRole('link', { name, exact: true }).isVisible()));

describe('the site header', () => {
  for (const [path, finder, otherLanguage] of [
    ['/beats/101', 'Find your officer', 'Español'],
    ['/es/beats/101', 'Encuentre a su agente', 'English'],
  ] as const) {
    it(`takes a small part of a phone's first screen and keeps the finder and the other language in sight (${path})`, async () => {
      const page = await open(path, phone);
      const header = await page.locator('header').boundingBox();
      expect(header!.height).toBeLessThan(phone.height / 6);
      expect(await mainNav(page).getByRole('link', { name: finder, exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: otherLanguage, exact: true }).isVisible()).toBe(true);
      await page.context().close();
    });
  }

  it('opens its menu on a phone from the keyboard, and then shows every section', async () => {
    const page = await open('/beats/101', phone);
    expect(await visible(page, sections)).toContain(false);
    const menu = mainNav(page).getByText('Menu', { exact: true });
    const focused = () => menu.evaluate((summary) => summary === document.activeElement);
    for (let presses = 0; presses < 10 && !(await focused()); presses++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await visible(page, sections)).toEqual(sections.map(() => true));
    // The next Tab goes into the menu, not past it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Home');
    await page.context().close();
  });

  it('shows every section on a desktop, with no menu to open', async () => {
    const page = await open('/beats/101', { width: 1280, height: 800 });
    expect(await visible(page, sections)).toEqual(sections.map(() => true));
    expect(await mainNav(page).getByText('Menu', { exact: true }).isVisible()).toBe(false);
    await page.context().close();
  });
});
