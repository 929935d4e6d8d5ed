// A resident sends a tip from the home page of the built site, in Chromium.
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const { url, databaseUrl } = inject('stack');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  const context = await browser.newContext();
  page = await context.newPage();
  await page.goto(url);
  // The form hydrates when it scrolls into view, as a resident's scrolling would bring it.
  await page.getByRole('button', { name: 'Send tip' }).scrollIntoViewIfNeeded();
});

describe('the tip form on the home page', () => {
  it('sends a tip, shows a receipt code, and stores the tip', async () => {
    const description = `Cars race down Elm Street every evening (${crypto.randomUUID()}).`;
    await page.getByLabel('What is it about?').selectOption({ label: 'Traffic or speeding' });
    await page.getByLabel('What happened?').fill(description);
    await page.getByRole('button', { name: 'Send tip' }).click();

    await expect.poll(() => page.getByRole('heading', { name: /your tip was received/ }).isVisible()).toBe(true);
    const receipt = (await page.getByTestId('receipt').textContent())?.trim() ?? '';
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `select category, description from public.tips where receipt_hash = sha256(convert_to($1, 'UTF8'))`,
        [receipt.replace(/-/g, '')],
      );
      expect(rows).toEqual([{ category: 'traffic_speeding', description }]);
    } finally {
      await db.end();
    }
  });

  it('says what is missing, next to each field, and sends nothing', async () => {
    await page.getByLabel('What happened?').fill('Too short');
    await page.getByRole('button', { name: 'Send tip' }).click();

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toContain('Choose what your tip is about.');
    expect(await alert.textContent()).toContain('at least 20 characters');
    expect(await page.getByLabel('What happened?').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('What happened?').inputValue()).toBe('Too short');
  });

  it('keeps the text and says so when the server cannot be reached', async () => {
    await page.route('**/rest/v1/**', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('What is it about?').selectOption({ label: 'Noise' });
    await page.getByLabel('What happened?').fill('Loud generator running all night behind the shop.');
    await page.getByRole('button', { name: 'Send tip' }).click();

    await expect.poll(async () => (await page.getByRole('alert').textContent()) ?? '').toContain('could not reach the server');
    expect(await page.getByLabel('What happened?').inputValue()).toBe('Loud generator running all night behind the shop.');
  });

  it('offers a skip link and tells residents it is not an emergency line', async () => {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Skip to main content');
    expect(await page.locator('footer').textContent()).toContain('In an emergency, call 911.');
  });
});

describe('following a tip', () => {
  it('shows the status of a tip sent a moment ago, from its receipt code, in Spanish too', async () => {
    await page.goto(`${url}/es/tip`);
    await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
    await page.getByLabel('¿De qué se trata?').selectOption({ index: 3 });
    await page.getByLabel('¿Qué pasó?').fill('Un coche abandonado lleva tres semanas en la esquina de Elm.');
    await page.getByRole('button', { name: 'Enviar aviso' }).click();
    const receipt = ((await page.getByTestId('receipt').textContent()) ?? '').trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    await page.getByRole('link', { name: /Consulte el estado/ }).click();
    await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
    await page.getByLabel('Código de recibo').fill(receipt.toLowerCase());
    await page.getByRole('button', { name: 'Consultar el estado' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Recibido');
  });
});
