// Residents register a neighbourhood watch group and join one on /watch of
// the built site, in Chromium, in English and in Spanish.
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { takeTimeToWrite } from '../support/resident.ts';

const { url, databaseUrl } = inject('stack');
const receiptFormat = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  page = await (await browser.newContext()).newPage();
});

async function query<T>(sql: string, values: unknown[]): Promise<T[]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query(sql, values)).rows as T[];
  } finally {
    await db.end();
  }
}

/** The page's islands have all hydrated: their buttons work. */
async function hydrated(target: Page) {
  await expect.poll(() => target.locator('astro-island[ssr]').count()).toBe(0);
}

interface RegistrationWords {
  path: string;
  groupName: string;
  onlyTheBeat: string;
  beat: string;
  streetsIn: string;
  filter: string;
  chosenOne: string;
  inBeat: string;
  captainName: string;
  captainEmail: string;
  captainPhone: string;
  weekends: string;
  members: string;
  register: string;
  followLink: RegExp;
  receiptLabel: string;
  check: string;
  pending: string;
}

const english: RegistrationWords = {
  path: '/watch',
  groupName: 'Name of the group',
  onlyTheBeat: 'Only the beat',
  beat: 'Beat',
  streetsIn: 'Streets in Beat 107',
  filter: 'Filter the streets',
  chosenOne: '1 street chosen',
  inBeat: 'This area is in Beat 107.',
  captainName: 'Captain’s name',
  captainEmail: 'Captain’s email address',
  captainPhone: 'Captain’s phone number',
  weekends: 'Weekends',
  members: 'How many members do you expect?',
  register: 'Register the group',
  followLink: /Follow your group’s review/,
  receiptLabel: 'Receipt code',
  check: 'Check status',
  pending: 'Pending review',
};

const spanish: RegistrationWords = {
  path: '/es/watch',
  groupName: 'Nombre del grupo',
  onlyTheBeat: 'Solo el sector',
  beat: 'Sector',
  streetsIn: 'Calles de Beat 107',
  filter: 'Filtrar las calles',
  chosenOne: '1 calle elegida',
  inBeat: 'Esta zona está en Beat 107.',
  captainName: 'Nombre del coordinador',
  captainEmail: 'Correo electrónico del coordinador',
  captainPhone: 'Teléfono del coordinador',
  weekends: 'Los fines de semana',
  members: '¿Cuántos miembros espera?',
  register: 'Registrar el grupo',
  followLink: /Consulte la revisión de su grupo/,
  receiptLabel: 'Código de recibo',
  check: 'Consultar el estado',
  pending: 'Pendiente de revisión',
};

describe('registering a neighbourhood watch group', () => {
  for (const words of [english, spanish]) {
    it(`chooses the streets with the keyboard, shows a receipt, and the receipt shows the group pending (${words.path})`, async () => {
      const name = `Heron Street Neighbours ${crypto.randomUUID().slice(0, 8)}`;
      await page.goto(`${url}${words.path}`);
      await expect.poll(() => page.getByRole('button', { name: words.register }).isEnabled()).toBe(true);
      await page.getByLabel(words.groupName).fill(name);

      // The beat first, then its streets, all from the keyboard.
      await page.getByRole('radio', { name: words.onlyTheBeat }).focus();
      await page.keyboard.press('Space');
      await page.getByRole('combobox', { name: words.beat, exact: true }).selectOption('107');
      const streets = page.getByRole('group', { name: words.streetsIn });
      await expect.poll(() => streets.isVisible()).toBe(true);
      await page.getByLabel(words.filter).focus();
      await page.keyboard.type('heron');
      await expect.poll(() => streets.getByRole('checkbox').count()).toBe(1);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      expect(await streets.getByRole('checkbox', { name: /Heron St/ }).isChecked()).toBe(true);
      await expect.poll(() => streets.getByText(words.chosenOne).isVisible()).toBe(true);
      await expect.poll(() => page.getByText(words.inBeat).isVisible()).toBe(true);

      await page.getByLabel(words.captainName).fill('Ana Ruiz');
      await page.getByLabel(words.captainEmail).fill('ana.ruiz@example.org');
      await page.getByLabel(words.captainPhone).fill('555-0100 42');
      await page.getByRole('radio', { name: words.weekends }).check();
      await page.getByLabel(words.members).fill('15');
      await takeTimeToWrite(page);
      await page.getByRole('button', { name: words.register }).click();

      await expect.poll(() => page.getByTestId('receipt').isVisible()).toBe(true);
      const receipt = ((await page.getByTestId('receipt').textContent()) ?? '').trim();
      expect(receipt).toMatch(receiptFormat);
      const rows = await query<{ name: string; beat: string; status: string; type: string }>(
        `select name, beat, status, area ->> 'type' as type from public.watch_groups where receipt_hash = sha256(convert_to($1, 'UTF8'))`,
        [receipt.replace(/-/g, '')],
      );
      expect(rows).toEqual([{ name, beat: '107', status: 'pending', type: 'Polygon' }]);

      await page.getByRole('link', { name: words.followLink }).click();
      await hydrated(page);
      await page.getByLabel(words.receiptLabel).fill(receipt.toLowerCase());
      await page.getByRole('button', { name: words.check }).click();
      await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe(words.pending);
      expect(await page.getByText(name).isVisible()).toBe(true);
    });
  }

  it('fetches only the named beat’s streets, says so when they cannot be loaded, and loads them on a retry', async () => {
    const asked: string[] = [];
    let refuse = true;
    await page.route('**/watch/beats/*.json', async (route) => {
      asked.push(new URL(route.request().url()).pathname);
      if (refuse) return route.abort('internetdisconnected');
      return route.continue();
    });
    await page.goto(`${url}/watch`);
    await expect.poll(() => page.getByRole('button', { name: 'Register the group' }).isEnabled()).toBe(true);
    await page.getByRole('radio', { name: 'Only the beat' }).check();
    await page.getByRole('combobox', { name: 'Beat', exact: true }).selectOption('107');

    await expect.poll(() => page.getByText('The streets could not be loaded.').isVisible()).toBe(true);
    refuse = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    const streets = page.getByRole('group', { name: 'Streets in Beat 107' });
    await expect.poll(() => streets.isVisible()).toBe(true);
    expect(await streets.getByRole('checkbox', { name: /Heron St/ }).count()).toBe(1);
    expect(await page.getByText('The streets could not be loaded.').count()).toBe(0);
    expect(asked).toEqual(['/watch/beats/107.json', '/watch/beats/107.json']);
  });

  it('says what is missing, next to each field, and sends nothing', async () => {
    await page.goto(`${url}/watch`);
    await expect.poll(() => page.getByRole('button', { name: 'Register the group' }).isEnabled()).toBe(true);
    await page.getByLabel('Name of the group').fill('Elm Street Neighbours');
    await page.getByRole('button', { name: 'Register the group' }).click();

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.isVisible()).toBe(true);
    const summary = (await alert.textContent()) ?? '';
    expect(summary).toContain('Choose the streets the group covers, or draw its area on the map.');
    expect(summary).toContain('Give the captain’s email address');
    expect(await page.getByLabel('Captain’s email address').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Name of the group').inputValue()).toBe('Elm Street Neighbours');
  });
});

describe('joining an approved group', () => {
  it('comes from the group’s link in the list with the group chosen, and confirms', async () => {
    const email = `bo.${crypto.randomUUID().slice(0, 8)}@example.org`;
    await page.goto(`${url}/watch`);
    await page.getByRole('link', { name: 'Join Gannet Neighbours' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Join the group' }).isEnabled()).toBe(true);
    expect(await page.getByLabel('Group', { exact: true }).locator('option:checked').textContent()).toBe('Gannet Neighbours');

    await page.getByLabel('Your name').fill('Bo Lin');
    await page.getByLabel('Your email address').fill(email);
    await page.getByLabel('Your block').fill('1200 block of Gannet St');
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Join the group' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'You have joined Gannet Neighbours' }).isVisible()).toBe(true);
    expect(await page.getByText('will be in touch by email').isVisible()).toBe(true);
    expect(await membersWith(email)).toEqual([{ group: 'Gannet Neighbours', block: '1200 block of Gannet St' }]);
  });

  it('lists the groups of one beat, in Spanish too', async () => {
    const email = `eva.${crypto.randomUUID().slice(0, 8)}@example.org`;
    await page.goto(`${url}/es/watch`);
    await expect.poll(() => page.getByRole('button', { name: 'Unirse al grupo' }).isEnabled()).toBe(true);
    await page.getByLabel('Mostrar los grupos de').selectOption({ label: 'Beat 205' });
    const options = await page.getByLabel('Grupo', { exact: true }).locator('option').allTextContents();
    expect(options).toEqual(['Elija un grupo', 'Osprey Neighbours']);
    await page.getByLabel('Grupo', { exact: true }).selectOption({ label: 'Osprey Neighbours' });
    await page.getByLabel('Su nombre').fill('Eva Núñez');
    await page.getByLabel('Su correo electrónico').fill(email);
    await page.getByLabel('Su cuadra').fill('Cuadra 300 de Osprey St');
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Unirse al grupo' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Se ha unido a Osprey Neighbours' }).isVisible()).toBe(true);
    expect(await membersWith(email)).toEqual([{ group: 'Osprey Neighbours', block: 'Cuadra 300 de Osprey St' }]);
  });

  it('keeps a request made offline in the browser, and sends it exactly once when the connection returns', async () => {
    const email = `cy.${crypto.randomUUID().slice(0, 8)}@example.org`;
    await page.goto(`${url}/watch`);
    await expect.poll(() => page.getByRole('button', { name: 'Join the group' }).isEnabled()).toBe(true);
    await page.context().setOffline(true);
    await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Pelican Watch (Beat 206)' });
    await page.getByLabel('Your name').fill('Cy Okafor');
    await page.getByLabel('Your email address').fill(email);
    await page.getByLabel('Your block').fill('400 block of Pelican St');
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Join the group' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Your request to join is saved on this device' }).isVisible()).toBe(true);
    expect(await membersWith(email)).toEqual([]);

    await page.context().setOffline(false);
    await expect.poll(() => page.getByRole('heading', { name: 'You have joined Pelican Watch' }).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await membersWith(email)).toEqual([{ group: 'Pelican Watch', block: '400 block of Pelican St' }]);
  });
});

describe('the public watch map', () => {
  it('shows the approved groups, numbered on the map and listed by beat', async () => {
    await page.goto(`${url}/watch`);
    expect(await page.getByRole('img', { name: /4 approved neighbourhood watch groups/ }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Beat 107' }).getByRole('listitem').allTextContents()).toEqual(['Gannet Neighbours · Join Gannet Neighbours']);
    expect(await page.getByRole('region', { name: 'Beat 303' }).getByRole('listitem').allTextContents()).toEqual(['Oriole Neighbours · Join Oriole Neighbours']);
  });
});

async function membersWith(email: string): Promise<Array<{ group: string; block: string }>> {
  return query(
    `select g.name as group, m.block from public.watch_members m join public.watch_groups g using (watch_group_id) where m.email = $1 and m.role = 'member'`,
    [email],
  );
}
