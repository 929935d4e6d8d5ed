// Beat alerts end to end, in Chromium, on a stack of its own that publishes as
// `npm start` does and sends its mail to the local catcher: a resident
// subscribes to beat 101 from the beat's page, confirms from the captured
// email, a coordinator cancels a beat-101 meeting in the workspace, and once
// it is published the resident receives exactly one alert, whose link opens
// the beat page and whose unsubscribe works in one click, as a mail provider
// sends it (RFC 8058). Waits are bounds on a hang (a build on a busy two-core
// machine), never timings.
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { linksIn, mailTo, type CaughtMessage } from '../support/mail.ts';
import { publishingSite, type PublishingSite } from '../support/publishingSite.ts';
import { signIn } from '../support/staffPages.ts';

const publishBound = { timeout: 150_000, interval: 1_000 };
let site: PublishingSite;
let stack: PublishingSite['stack'];
let browser: PublishingSite['browser'];

beforeAll(async () => {
  site = await publishingSite('alerts');
  ({ stack, browser } = site);
}, 300_000);
afterAll(() => site?.close());

const text = async (address: string) => {
  const response = await fetch(`${stack.info.url}${address}`);
  return response.ok ? response.text() : '';
};

async function newPage(): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
}

/** The messages to an address once there are at least `count`. */
async function inbox(address: string, count: number, bound = { timeout: 30_000 }): Promise<CaughtMessage[]> {
  await expect.poll(async () => (await mailTo(stack.info.mailFolder, address)).length, bound).toBeGreaterThanOrEqual(count);
  return mailTo(stack.info.mailFolder, address);
}

async function subscribedRows(address: string): Promise<number> {
  const db = new pg.Client({ connectionString: stack.info.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query('select count(*)::int as n from private.alert_subscriptions where email = $1', [address]);
    return rows[0].n;
  } finally {
    await db.end();
  }
}

describe('beat alerts', () => {
  it('a resident subscribes to beat 101, confirms, and after a cancellation is published gets one alert whose links work', async () => {
    const address = `resident-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const reason = `The hall is flooded (${crypto.randomUUID().slice(0, 6)})`;

    // From the beat's page, as a resident finds it.
    const resident = await newPage();
    await resident.goto(`${stack.info.url}/beats/101/`);
    await resident.getByRole('link', { name: 'Get email alerts for this beat' }).click();
    await expect.poll(() => resident.getByRole('button', { name: 'Subscribe' }).isEnabled()).toBe(true);
    expect(await resident.getByLabel('Beat or district').inputValue()).toBe('beat:101');
    await resident.getByLabel('Your email address').fill(address);
    await resident.getByRole('checkbox', { name: 'Meeting reports' }).uncheck();
    expect(await accessibilityViolations(resident)).toEqual([]);
    await resident.getByRole('button', { name: 'Subscribe' }).click();
    // A form sent within seconds of the page opening is asked to be read over once: the resident sends it again.
    await expect
      .poll(async () => {
        if (await resident.getByRole('heading', { name: 'Check your email' }).isVisible()) return 'sent';
        if (await resident.getByText('Please read it over once more').isVisible()) await resident.getByRole('button', { name: 'Subscribe' }).click();
        return 'sending';
      })
      .toBe('sent');

    const [confirmation] = await inbox(address, 1);
    expect(confirmation!.subject).toBe('Confirm your alerts for beat 101 (Beat 101)');
    const confirmLink = linksIn(confirmation!).find((link) => link.includes('/alerts/confirm/'));
    await resident.goto(confirmLink!);
    await resident.getByRole('button', { name: 'Confirm my alerts' }).click();
    await expect.poll(() => resident.getByRole('status').textContent()).toBe('Your alerts are on for beat 101 (Beat 101).');

    // A coordinator cancels the next beat-101 meeting in the workspace.
    const coordinator = await newPage();
    await coordinator.goto(`${stack.info.url}/staff`);
    await signIn(coordinator, 'coordinator@staff.alderbrook.example', stack.info.staffPassword);
    await expect.poll(() => coordinator.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await coordinator.getByRole('link', { name: 'Site content' }).click();
    await coordinator.getByRole('link', { name: 'Beat 101 community meeting' }).click();
    const next = coordinator.getByTestId('occurrence').first();
    await next.getByRole('button', { name: 'Cancel this date' }).click();
    await next.getByLabel('Reason, shown to residents').fill(reason);
    await next.getByRole('button', { name: 'Cancel this date' }).click();
    await expect.poll(() => coordinator.getByRole('status').filter({ hasText: 'Saved:' }).textContent()).toContain('cancelled on the site');

    // Published, and the resident's alert arrives: one message, the cancellation in it.
    await expect.poll(() => text('/beats/101/'), publishBound).toContain(reason);
    const messages = await inbox(address, 2, publishBound);
    const alerts = messages.filter((message) => message !== confirmation);
    expect(alerts).toHaveLength(1);
    const alert = alerts[0]!;
    expect(alert.subject).toBe('1 update for beat 101 (Beat 101)');
    expect(alert.text).toContain(`Cancelled: Beat 101 community meeting on`);
    expect(alert.text).toContain(reason);
    expect(alert.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // Its link opens the beat's page, which shows the cancellation.
    const beatLink = linksIn(alert).find((link) => link.endsWith('/beats/101/'));
    await resident.goto(beatLink!);
    expect(await resident.getByRole('heading', { level: 1 }).textContent()).toBe('Beat 101');
    expect(await resident.content()).toContain(reason);

    // One click, as a mail provider makes it: a POST of List-Unsubscribe=One-Click to the header's address.
    const unsubscribeUrl = /<(https?:[^>]+)>/.exec(alert.headers.get('list-unsubscribe') ?? '')?.[1];
    expect(unsubscribeUrl).toBeTruthy();
    const oneClick = await fetch(unsubscribeUrl!, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
    expect(oneClick.status).toBe(200);
    expect(await subscribedRows(address)).toBe(0);
    // The link opened by a person afterwards says the subscription has ended.
    await resident.goto(unsubscribeUrl!);
    await expect.poll(() => resident.getByRole('alert').textContent()).toContain('This link is not valid any more');
  }, 400_000);

  it('the manage page unsubscribes with one button, in Spanish', async () => {
    const address = `vecina-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const resident = await newPage();
    await resident.goto(`${stack.info.url}/es/alerts/?district=1`);
    await expect.poll(() => resident.getByRole('button', { name: 'Suscribirse' }).isEnabled()).toBe(true);
    expect(await resident.getByLabel('Sector o distrito').inputValue()).toBe('district:1');
    await resident.getByLabel('Su correo electrónico').fill(address);
    await resident.getByRole('button', { name: 'Suscribirse' }).click();
    await expect
      .poll(async () => {
        if (await resident.getByRole('heading', { name: 'Revise su correo' }).isVisible()) return 'sent';
        if ((await resident.getByRole('alert').count()) > 0) await resident.getByRole('button', { name: 'Suscribirse' }).click();
        return 'sending';
      })
      .toBe('sent');
    const [confirmation] = await inbox(address, 1);
    await resident.goto(linksIn(confirmation!).find((link) => link.includes('/es/alerts/confirm/'))!);
    await resident.getByRole('button', { name: 'Confirmar mis alertas' }).click();
    await resident.getByRole('link', { name: 'Cambiar temas o frecuencia' }).click();
    await expect.poll(() => resident.getByRole('button', { name: 'Darse de baja' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(resident)).toEqual([]);
    await resident.getByRole('button', { name: 'Darse de baja' }).click();
    await expect.poll(() => resident.getByRole('status').textContent()).toBe('Se dio de baja: su correo se borró.');
    expect(await subscribedRows(address)).toBe(0);
  }, 120_000);
});
