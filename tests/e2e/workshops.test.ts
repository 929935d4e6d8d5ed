// A business owner requests a workshop or a security survey on the built
// site, in Chromium, in English and in Spanish, then follows it with the
// receipt code; and a request sent offline arrives once the connection returns.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { takeTimeToWrite } from '../support/resident.ts';

const { url, databaseUrl } = inject('stack');
// A real address of the demo city, in beat 101: its meeting place.
const venue = (JSON.parse(readFileSync('src/content/meetings/beat-101.json', 'utf8')) as { venue: { address: string } }).venue.address;
// The browser types times in this zone, and the test reads them back in it.
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  context = await browser.newContext({ timezoneId: timeZone });
  page = await context.newPage();
});

/** A datetime-local value `days` from now at `hour`:00, as a person would type it. */
function localTime(days: number, hour: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(hour)}:00`;
}

interface Words {
  path: string;
  send: string;
  workshop: string;
  businessName: string;
  address: string;
  found: RegExp;
  contactName: string;
  email: string;
  attendees: string;
  times: [string, string];
  receivedHeading: RegExp;
  checkLater: RegExp;
  receiptLabel: string;
  check: string;
  received: string;
}

const english: Words = {
  path: '/workshops',
  send: 'Send request',
  workshop: 'Which workshop or survey?',
  businessName: 'Name of the business',
  address: 'Address of the business',
  found: /^In Beat 101: /,
  contactName: 'Your name',
  email: 'Email',
  attendees: 'How many people will attend?',
  times: ['First choice', 'Second choice'],
  receivedHeading: /your request was received/,
  checkLater: /Check your request’s status/,
  receiptLabel: 'Receipt code',
  check: 'Check status',
  received: 'Received',
};

const spanish: Words = {
  path: '/es/workshops',
  send: 'Enviar solicitud',
  workshop: '¿Qué taller o evaluación?',
  businessName: 'Nombre del negocio',
  address: 'Dirección del negocio',
  found: /^En .*101: /,
  contactName: 'Su nombre',
  email: 'Correo electrónico',
  attendees: '¿Cuántas personas asistirán? (opcional)',
  times: ['Primera opción', 'Segunda opción'],
  receivedHeading: /recibimos su solicitud/,
  checkLater: /Consulte el estado de su solicitud/,
  receiptLabel: 'Código de recibo',
  check: 'Consultar el estado',
  received: 'Recibida',
};

async function openForm(words: Words) {
  await page.goto(`${url}${words.path}`);
  await expect.poll(() => page.getByRole('button', { name: words.send }).isEnabled()).toBe(true);
}

/** Fills everything a business gives, the address through the address box's suggestions. */
async function fillRequest(words: Words, request: { workshop: RegExp; businessName: string; attendees?: string; times: [string, string] }) {
  await page.getByLabel(words.workshop).selectOption({ label: (await optionLabel(words.workshop, request.workshop)) ?? '' });
  await page.getByLabel(words.businessName).fill(request.businessName);
  await page.getByRole('combobox', { name: words.address }).pressSequentially(venue.slice(0, -3), { delay: 10 });
  await page.getByRole('option', { name: venue }).click();
  await expect.poll(() => page.getByText(words.found).isVisible()).toBe(true);
  await page.getByLabel(words.contactName).fill('Ana Ruiz');
  await page.getByLabel(words.email, { exact: true }).fill('ana@example.org');
  if (request.attendees) await page.getByLabel(words.attendees).fill(request.attendees);
  await page.getByLabel(words.times[0], { exact: true }).fill(request.times[0]);
  await page.getByLabel(words.times[1], { exact: true }).fill(request.times[1]);
}

async function optionLabel(select: string, name: RegExp): Promise<string | undefined> {
  const labels = await page.getByLabel(select).locator('option').allTextContents();
  return labels.find((label) => name.test(label));
}

async function requestRows(businessName: string): Promise<Array<Record<string, unknown>>> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query('select * from public.workshop_requests where business_name = $1', [businessName])).rows;
  } finally {
    await db.end();
  }
}

async function lookUp(words: Words, receipt: string) {
  await page.getByRole('link', { name: words.checkLater }).click();
  await expect.poll(() => page.getByRole('button', { name: words.check }).isEnabled()).toBe(true);
  await page.getByLabel(words.receiptLabel).fill(receipt.toLowerCase());
  await page.getByRole('button', { name: words.check }).click();
  await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe(words.received);
}

describe('requesting a workshop', () => {
  it('sends a request with an address from the address box, shows a receipt code, and finds it on the status page', async () => {
    await openForm(english);
    const businessName = `Corner Grocery ${crypto.randomUUID()}`;
    const times: [string, string] = [localTime(10, 10), localTime(17, 14)];
    await fillRequest(english, { workshop: /^Robbery prevention/, businessName, attendees: '8', times });
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: english.send }).click();

    await expect.poll(() => page.getByRole('heading', { name: english.receivedHeading }).isVisible()).toBe(true);
    const receipt = ((await page.getByTestId('receipt').textContent()) ?? '').trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const rows = await requestRows(businessName);
    expect(rows).toEqual([
      expect.objectContaining({
        workshop: 'robbery-prevention',
        address: venue,
        beat: '101',
        contact_name: 'Ana Ruiz',
        contact_email: 'ana@example.org',
        contact_phone: null,
        contact_language: 'en',
        attendees: 8,
        preferred_times: times.map((time) => new Date(time)),
        status: 'received',
      }),
    ]);
    expect([rows[0]!.latitude, rows[0]!.longitude]).toEqual([expect.any(Number), expect.any(Number)]);

    await lookUp(english, receipt);
    expect(await page.getByText('Robbery prevention for staff').isVisible()).toBe(true);
  });

  it('takes a survey of the premises in Spanish, without a number of attendees, and finds it on the status page', async () => {
    await openForm(spanish);
    const businessName = `Panadería La Espiga ${crypto.randomUUID()}`;
    await fillRequest(spanish, { workshop: /CPTED/, businessName, times: [localTime(5, 9), localTime(6, 16)] });
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: spanish.send }).click();

    await expect.poll(() => page.getByRole('heading', { name: spanish.receivedHeading }).isVisible()).toBe(true);
    const receipt = ((await page.getByTestId('receipt').textContent()) ?? '').trim();
    expect(await requestRows(businessName)).toEqual([
      expect.objectContaining({ workshop: 'cpted-survey', beat: '101', attendees: null, contact_language: 'es' }),
    ]);

    await lookUp(spanish, receipt);
  });

  it('says what is missing, next to each field, and sends nothing', async () => {
    await openForm(english);
    const businessName = `Corner Grocery ${crypto.randomUUID()}`;
    await page.getByLabel(english.businessName).fill(businessName);
    await page.getByLabel(english.times[0], { exact: true }).fill(localTime(3, 10));
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: english.send }).click();

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.isVisible()).toBe(true);
    const summary = (await alert.textContent()) ?? '';
    for (const problem of ['Choose a workshop or a survey from the list.', 'Give the address of the business.', 'Give an email address or a phone number, or both.', 'Give at least two dates and times.']) {
      expect(summary).toContain(problem);
    }
    expect(await page.getByLabel(english.workshop).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(english.businessName).inputValue()).toBe(businessName);
    expect(await requestRows(businessName)).toEqual([]);
  });

  it('comes from the catalogue with the workshop chosen', async () => {
    await page.goto(`${url}/workshops`);
    await page.getByRole('link', { name: 'Request “Scams and fraud against businesses”' }).click();
    await expect.poll(() => page.getByRole('button', { name: english.send }).isEnabled()).toBe(true);
    expect(await page.getByLabel(english.workshop).inputValue()).toBe('scams-and-fraud');
  });
});

describe('a request sent offline', () => {
  it('is kept on the device, and arrives exactly once when the connection returns', async () => {
    await openForm(english);
    const businessName = `Hardware on Dunlin ${crypto.randomUUID()}`;
    await fillRequest(english, { workshop: /^Shoplifting/, businessName, attendees: '5', times: [localTime(20, 11), localTime(21, 11)] });
    await context.setOffline(true);
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: english.send }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Your request is saved on this device' }).isVisible()).toBe(true);
    expect(await requestRows(businessName)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await requestRows(businessName)).toHaveLength(1);
  });
});
