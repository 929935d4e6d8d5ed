// axe-core (WCAG 2.2 AA) on every page there is, in the states a resident sees.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { takeTimeToWrite } from '../support/resident.ts';

const { url } = inject('stack');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const violations = accessibilityViolations;

async function openPhone(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${url}${path}`);
  return page;
}

describe('accessibility', () => {
  it('the home page has no WCAG 2.2 AA violations, on a phone', async () => {
    const page = await openPhone('/');
    expect(await violations(page)).toEqual([]);
  });

  it('the tip form has none while it shows errors', async () => {
    const page = await openPhone('/');
    // The form hydrates when it scrolls into view, as a resident's scrolling would bring it.
    await page.getByRole('button', { name: 'Send tip' }).scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Send tip' }).click();
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);
  });

  it('the tip form has none with an address looked up and the contact fields open, in Spanish', async () => {
    const page = await openPhone('/es/tip');
    await expect.poll(() => page.getByRole('button', { name: 'Enviar aviso' }).isEnabled()).toBe(true);
    await page.getByRole('radio', { name: 'Una dirección' }).check();
    await page.getByRole('combobox', { name: 'Una dirección' }).fill('1 calle que no existe');
    await page.getByRole('combobox', { name: 'Una dirección' }).press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('No encontramos');
    await page.getByRole('radio', { name: /^Sí/ }).check();
    await page.getByRole('button', { name: 'Enviar aviso' }).click();
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);
  });

  it('the tip form has none when it shows the receipt', async () => {
    const page = await openPhone('/');
    await page.getByRole('button', { name: 'Send tip' }).scrollIntoViewIfNeeded();
    await page.getByLabel('What is it about?').selectOption({ label: 'Noise' });
    await page.getByLabel('What happened?').fill('A car alarm goes off every night at 3 am on Birch Lane.');
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Send tip' }).click();
    await expect.poll(() => page.getByTestId('receipt').isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);
  });

  it('the finder has none, with an answer and the map showing', async () => {
    const page = await openPhone('/find?beat=101');
    await expect.poll(() => page.locator('#finder-answer').count()).toBe(1);
    await page.getByRole('heading', { name: 'Map', exact: true }).scrollIntoViewIfNeeded();
    await page.getByRole('region', { name: 'Map of beats and districts' }).locator('canvas').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  for (const path of ['/beats/101', '/districts/1', '/officers/michael-delgado']) {
    it(`${path} has none, and ships no JavaScript`, async () => {
      const page = await openPhone(path);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await violations(page)).toEqual([]);
      expect(await page.locator('script[src], astro-island').count()).toBe(0);
    });
  }

  it('the header has none with its menu open, in Spanish', async () => {
    const page = await openPhone('/es/beats/101');
    const header = page.getByRole('navigation', { name: 'Principal' });
    await header.getByText('Menú', { exact: true }).click();
    await expect.poll(() => header.getByRole('link', { name: 'Vigilancia vecinal', exact: true }).isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);
  });

  it('the not-found page has none', async () => {
    const page = await openPhone('/no-such-page');
    expect(await violations(page)).toEqual([]);
  });
});
