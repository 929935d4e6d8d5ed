// A beat's printable flyer, in Chromium: it prints on exactly one portrait A4 page and
// one US Letter page in both languages, shows only the flyer on paper, and on screen
// passes axe-core (WCAG 2.2 AA) with no JavaScript. The beat page links to it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../../src/lib/i18n/locales/en.ts';
import { es } from '../../src/lib/i18n/locales/es.ts';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';

const { url } = inject('stack');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function open(path: string, viewport = { width: 1000, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${url}${path}`);
  return page;
}

/**
 * Pages in a PDF as Chromium writes it: one `/Type /Page` object a page, not counting
 * the `/Type /Pages` tree. Chromium does not hide objects in compressed object streams;
 * if it ever did, this would count 0 and the test would fail rather than pass.
 */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

const flyers = [
  { path: '/beats/101/flyer/', beatPage: '/beats/101', t: en },
  { path: '/es/beats/101/flyer/', beatPage: '/es/beats/101', t: es },
];

describe('the beat flyer', () => {
  for (const { path, beatPage, t } of flyers) {
    it(`${path} prints on exactly one A4 page and one Letter page`, async () => {
      const page = await open(path);
      for (const format of ['A4', 'Letter']) {
        expect(pageCount(await page.pdf({ format })), format).toBe(1);
      }
    });

    it(`${path} has no WCAG 2.2 AA violations on screen, on a computer and on a phone, and ships no JavaScript`, async () => {
      for (const viewport of [{ width: 1000, height: 800 }, { width: 390, height: 844 }]) {
        const page = await open(path, viewport);
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await page.locator('script[src], astro-island').count()).toBe(0);
      }
    });

    it(`${path} has a QR code of the beat page in its language, with that URL printed under it`, async () => {
      const page = await open(path);
      const code = page.locator('figure svg[role="img"]');
      expect(await code.getAttribute('width')).toBe('35mm');
      const link = page.locator('figure figcaption a');
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toMatch(new RegExp(`^https?://[^/]+${beatPage.replace(/\//g, '\\/')}$`));
      expect(await code.getAttribute('aria-label')).toContain(href);
      expect(href).toContain((await link.textContent()) ?? '—');
    });

    it(`${path} puts only the flyer on paper, the not-an-emergency-line sentence included`, async () => {
      const page = await open(path);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('body > header').isVisible()).toBe(false);
      expect(await page.locator('body > footer').isVisible()).toBe(false);
      expect(await page.locator('article').isVisible()).toBe(true);
      expect(await page.locator('article').getByText(t.layout.notAnEmergencyLine).isVisible()).toBe(true);
    });
  }

  it('is linked from the beat page', async () => {
    const page = await open('/beats/101');
    await page.getByRole('link', { name: 'Print a flyer for this beat' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Beat 101');
    expect(new URL(page.url()).pathname.replace(/\/$/, '')).toBe('/beats/101/flyer');
  });
});
