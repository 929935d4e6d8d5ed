// A resident sends a tip from the home page of the built site, in Chromium.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { takeTimeToWrite } from '../support/resident.ts';

const { url, databaseUrl } = inject('stack');
// A real address of the demo city, in beat 101: its meeting place.
const venue = (JSON.parse(readFileSync('src/content/meetings/beat-101.json', 'utf8')) as { venue: { address: string } }).venue.address;
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
  await expect.poll(() => page.getByRole('button', { name: 'Send tip' }).isEnabled()).toBe(true);
});

describe('a tip form whose script arrives late, as on a slow phone', () => {
  it('keeps what the resident wrote meanwhile, and sends it at once when ready: writing while it loaded is no bot’s speed', async () => {
    const slow = await (await browser.newContext()).newPage();
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    await slow.goto(url);
    // The form's island asks for its script when it scrolls into view: hold that script back.
    const script = await slow.locator('astro-island', { has: slow.getByRole('button', { name: 'Send tip' }) }).getAttribute('component-url');
    await slow.route(new URL(script!, url).toString(), async (route) => {
      await arrived;
      await route.continue();
    });
    await slow.getByRole('button', { name: 'Send tip' }).scrollIntoViewIfNeeded();
    await slow.getByLabel('What is it about?').selectOption({ label: 'Noise' });
    await slow.getByLabel('What happened?').fill(`A generator hums all night behind the bakery (${crypto.randomUUID()}).`);
    await takeTimeToWrite(slow);
    arrive();
    // The button works once the form has hydrated; the resident presses it straight away.
    await slow.getByRole('button', { name: 'Send tip' }).click();
    await expect.poll(() => slow.getByTestId('receipt').isVisible()).toBe(true);
  });
});

describe('the tip form on the home page', () => {
  it('sends a tip, shows a receipt code, and stores the tip', async () => {
    const description = `Cars race down Elm Street every evening (${crypto.randomUUID()}).`;
    await page.getByLabel('What is it about?').selectOption({ label: 'Traffic or speeding' });
    await page.getByLabel('What happened?').fill(description);
    await takeTimeToWrite(page);
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

  it('keeps a tip written offline in the browser, and sends it exactly once when the connection returns', async () => {
    const description = `Shopping carts dumped in the creek again (${crypto.randomUUID()}).`;
    await page.context().setOffline(true);
    await page.getByLabel('What is it about?').selectOption({ label: 'Quality of life' });
    await page.getByLabel('What happened?').fill(description);
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Send tip' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Your tip is saved on this device' }).isVisible()).toBe(true);

    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await tipsWith(description)).toBe(1);
  });

  it('sends a tip saved offline on the next visit, even after the page was closed', async () => {
    const description = `Streetlight out on the corner of Birch and Main (${crypto.randomUUID()}).`;
    const context = page.context();
    await context.setOffline(true);
    await page.getByLabel('What is it about?').selectOption({ label: 'Quality of life' });
    await page.getByLabel('What happened?').fill(description);
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Send tip' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Your tip is saved on this device' }).isVisible()).toBe(true);
    await page.close();

    await context.setOffline(false);
    const later = await context.newPage();
    await later.goto(`${url}/tip`);
    await expect.poll(() => later.getByTestId('receipt').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await tipsWith(description)).toBe(1);
  });

  it('offers a skip link and tells residents it is not an emergency line', async () => {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Skip to main content');
    expect(await page.locator('footer').textContent()).toContain('In an emergency, call 911.');
  });
});

describe('a concern about a particular beat', () => {
  it('comes from a beat’s page with the beat chosen, and is stored with it and with when it happened', async () => {
    await page.goto(`${url}/beats/101`);
    await page.getByRole('link', { name: 'Report a concern in this beat' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Send tip' }).isEnabled()).toBe(true);
    expect(await page.getByLabel('Beat', { exact: true }).inputValue()).toBe('101');

    const description = `Speeding on Dunlin St every school morning (${crypto.randomUUID()}).`;
    await page.getByLabel('What is it about?').selectOption({ label: 'Traffic or speeding' });
    await page.getByLabel('It keeps happening').check();
    await page.getByLabel('What happened?').fill(description);
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Send tip' }).click();
    await expect.poll(() => page.getByTestId('receipt').isVisible()).toBe(true);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query('select beat, ongoing from public.tips where description = $1', [description]);
      expect(rows).toEqual([{ beat: '101', ongoing: true }]);
    } finally {
      await db.end();
    }
  });
});

describe('where it is, who was involved, and how to reach the resident', () => {
  it('takes an address through the finder’s search, descriptions and contact details, and stores them', async () => {
    await page.goto(`${url}/tip`);
    await expect.poll(() => page.getByRole('button', { name: 'Send tip' }).isEnabled()).toBe(true);
    const description = `Someone tries car doors along the block at night (${crypto.randomUUID()}).`;
    await page.getByLabel('What is it about?').selectOption({ label: 'Suspicious activity' });
    await page.getByRole('radio', { name: 'An address' }).check();
    await page.getByRole('combobox', { name: 'An address' }).pressSequentially(venue.slice(0, -3), { delay: 10 });
    await page.getByRole('option', { name: venue }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^In Beat 101: /);
    await page.getByLabel('What happened?').fill(description);
    await page.getByLabel('People', { exact: true }).fill('Two people in dark hoodies, one with a red backpack.');
    await page.getByLabel('Vehicles', { exact: true }).fill('Grey hatchback, plate starting 7KD, drove north.');
    await page.getByLabel('Yes: an officer may contact me about this tip').check();
    await page.getByLabel('Email', { exact: true }).fill('resident@example.org');
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Send tip' }).click();
    await expect.poll(() => page.getByTestId('receipt').isVisible()).toBe(true);

    const [row] = await tipRows(description);
    expect(row).toMatchObject({
      beat: '101',
      place: venue,
      person_description: 'Two people in dark hoodies, one with a red backpack.',
      vehicle_description: 'Grey hatchback, plate starting 7KD, drove north.',
      contact_email: 'resident@example.org',
      contact_phone: null,
      contact_language: 'en',
    });
    expect(row?.latitude).toEqual(expect.any(Number));
  });

  it('keeps nothing about the resident when they stay anonymous, and asks for a way to reach them when they do not', async () => {
    await page.goto(`${url}/tip`);
    await expect.poll(() => page.getByRole('button', { name: 'Send tip' }).isEnabled()).toBe(true);
    const description = `Graffiti on the underpass wall, fresh this week (${crypto.randomUUID()}).`;
    await page.getByLabel('What is it about?').selectOption({ label: 'Vandalism or graffiti' });
    await page.getByLabel('What happened?').fill(description);
    await page.getByLabel('Yes: an officer may contact me about this tip').check();
    await page.getByLabel('Your name (optional)').fill('Ana');
    await page.getByRole('button', { name: 'Send tip' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Give an email address or a phone number, or choose to stay anonymous.');

    // Changing their mind: what was typed in the contact fields is not sent.
    await page.getByLabel('No: keep my tip anonymous').check();
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Send tip' }).click();
    await expect.poll(() => page.getByTestId('receipt').isVisible()).toBe(true);
    const [row] = await tipRows(description);
    expect(row).toMatchObject({ contact_name: null, contact_email: null, contact_phone: null, contact_language: null, place: null, latitude: null });
  });

  it('takes a point picked on the map, in Spanish', async () => {
    await page.goto(`${url}/es/tip`);
    await expect.poll(() => page.getByRole('button', { name: 'Enviar aviso' }).isEnabled()).toBe(true);
    const description = `Ruido de motos en el parque todas las noches (${crypto.randomUUID()}).`;
    await page.getByLabel('¿De qué se trata?').selectOption({ label: 'Ruido' });
    await page.getByRole('radio', { name: 'Un punto en el mapa' }).check();
    const map = page.getByRole('region', { name: 'Mapa de sectores y distritos' });
    await expect.poll(() => map.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    await map.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^En /);
    await page.getByLabel('¿Qué pasó?').fill(description);
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Enviar aviso' }).click();
    await expect.poll(() => page.getByTestId('receipt').isVisible()).toBe(true);
    const [row] = await tipRows(description);
    expect(row?.beat).toMatch(/^[0-9]+$/);
    expect([row?.latitude, row?.longitude]).toEqual([expect.any(Number), expect.any(Number)]);
    expect(row?.place).toBeNull();
  });
});

describe('following a tip', () => {
  it('shows the status of a tip sent a moment ago, from its receipt code, in Spanish too', async () => {
    await page.goto(`${url}/es/tip`);
    await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
    await page.getByLabel('¿De qué se trata?').selectOption({ index: 3 });
    await page.getByLabel('¿Qué pasó?').fill('Un coche abandonado lleva tres semanas en la esquina de Elm.');
    await takeTimeToWrite(page);
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

async function tipRows(description: string): Promise<Array<Record<string, unknown>>> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query('select * from public.tips where description = $1', [description])).rows;
  } finally {
    await db.end();
  }
}

async function tipsWith(description: string): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return Number((await db.query('select count(*) from public.tips where description = $1', [description])).rows[0].count);
  } finally {
    await db.end();
  }
}
