// The content editors for beats, districts, workshops and the site settings,
// in Chromium against the e2e stack: a supervisor of district 1 changes beat
// 101's neighbourhoods, sees the change in its history and undoes it; a
// coordinator is told beside the field that a workshop of 10 minutes is too
// short, then saves a valid length; a coordinator changes the non-emergency
// number and sets the postal area (told first that a ZIP code of four digits is
// not one). The site of this stack is built once and not republished, so what
// is asserted is the workspace and the rows in the database. Other files
// read the demo's rows: each one changed here is put back, whatever happens.
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { signedInPage } from '../support/staffPages.ts';

const { databaseUrl } = inject('stack');
const supervisor1 = 'supervisor.district1@staff.alderbrook.example';
const coordinator = 'coordinator@staff.alderbrook.example';
const run = crypto.randomUUID().slice(0, 6);
const db = new pg.Client({ connectionString: databaseUrl });
let browser: Browser;

/** The demo's rows as they were, and how to write each back (only if it changed, so the history stays quiet otherwise). */
const restores: Array<() => Promise<unknown>> = [];
let beat101: { name: string; neighbourhoods: string[]; published: boolean };
let shoplifting: { duration_minutes: number };
let site: { non_emergency_number: string; postal_state: string | null; postal_cities: string[] | null; postal_zips: string[] | null };

const restoreBeat = () =>
  db.query(
    `update public.beats set name = $2, neighbourhoods = $3::text[], published = $4
      where beat_id = $1 and (name, neighbourhoods, published) is distinct from ($2, $3::text[], $4)`,
    ['101', beat101.name, beat101.neighbourhoods, beat101.published],
  );
const restoreWorkshop = () =>
  db.query(`update public.workshops set duration_minutes = $2 where workshop_id = $1 and duration_minutes <> $2`, ['shoplifting', shoplifting.duration_minutes]);
const restoreSite = () =>
  db.query(
    `update public.site_settings set non_emergency_number = $1, postal_state = $2, postal_cities = $3::text[], postal_zips = $4::text[]
      where site_id = 'site' and (non_emergency_number, postal_state, postal_cities, postal_zips) is distinct from ($1, $2, $3::text[], $4::text[])`,
    [site.non_emergency_number, site.postal_state, site.postal_cities, site.postal_zips],
  );

beforeAll(async () => {
  browser = await launchBrowser();
  await db.connect();
  beat101 = (await db.query(`select name, neighbourhoods, published from public.beats where beat_id = '101'`)).rows[0];
  shoplifting = (await db.query(`select duration_minutes from public.workshops where workshop_id = 'shoplifting'`)).rows[0];
  site = (await db.query(`select non_emergency_number, postal_state, postal_cities, postal_zips from public.site_settings where site_id = 'site'`)).rows[0];
  restores.push(restoreBeat, restoreWorkshop, restoreSite);
});
afterAll(async () => {
  for (const restore of restores) await restore().catch(() => undefined);
  await browser?.close();
  await db.end();
});

const row = async (sql: string, parameters: unknown[]) => (await db.query(sql, parameters)).rows[0];

async function workspace(email: string, hash: string): Promise<Page> {
  const page = await signedInPage(browser, email);
  await page.evaluate((to) => (location.hash = to), hash);
  return page;
}

const heading = (page: Page) => page.locator('#content-editor-heading').textContent();
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Saved. It will be on the site within a few minutes.' }).count();

describe('editing beats, districts, workshops and the site settings', () => {
  it('a supervisor of district 1 finds beat 101 among their beats, changes its neighbourhoods, sees it in the history and undoes it', async () => {
    try {
      const page = await workspace(supervisor1, '#content');
      const beats = page.getByRole('region', { name: 'Beats', exact: true });
      await expect.poll(() => beats.getByRole('link').count()).toBe(7);
      // Only their district's beats, and none of what only coordinators change.
      expect(await beats.textContent()).not.toContain('Beat 201');
      expect(await page.getByRole('region', { name: 'Districts' }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Site settings' }).count()).toBe(0);
      await beats.getByLabel('Find a beat').fill(beat101.neighbourhoods[0] ?? '101');
      await expect.poll(() => beats.getByRole('status').textContent()).toBe('1 of 7 beats shown.');
      expect(await accessibilityViolations(page)).toEqual([]);

      await beats.getByRole('link', { name: 'Beat 101', exact: true }).click();
      await expect.poll(() => heading(page)).toBe(beat101.name);
      // Where the beat is comes from an import of boundaries: shown, not a field.
      expect(await page.getByRole('region', { name: 'Beat details' }).textContent()).toContain('District 1');
      expect(await page.getByLabel('District').count()).toBe(0);
      expect(await page.getByLabel('Neighbourhoods').inputValue()).toBe(beat101.neighbourhoods.join('\n'));

      const renamed = [...beat101.neighbourhoods, `Marker Green ${run}`, 'Old Mill'];
      await page.getByLabel('Neighbourhoods').fill(`${beat101.neighbourhoods.join(', ')}, Marker Green ${run}, Old Mill`);
      await page.getByRole('button', { name: 'Save the beat' }).click();
      await expect.poll(() => saved(page)).toBe(1);
      expect((await row(`select neighbourhoods from public.beats where beat_id = $1`, ['101'])).neighbourhoods).toEqual(renamed);
      // Saved, and shown as saved: one a line, and in the history with who changed it.
      expect(await page.getByLabel('Neighbourhoods').inputValue()).toBe(renamed.join('\n'));
      const history = page.getByRole('region', { name: 'History' });
      expect(await history.textContent()).toContain(`Neighbourhoods: ${beat101.neighbourhoods.join(', ')} → ${renamed.join(', ')}`);
      expect(await history.textContent()).toContain(supervisor1);
      expect(await accessibilityViolations(page)).toEqual([]);

      await history.getByRole('button', { name: /^Undo the change of/ }).first().click();
      await expect.poll(() => history.getByRole('status').textContent()).toBe('Undone.');
      expect((await row(`select neighbourhoods from public.beats where beat_id = $1`, ['101'])).neighbourhoods).toEqual(beat101.neighbourhoods);
      expect(await page.getByLabel('Neighbourhoods').inputValue()).toBe(beat101.neighbourhoods.join('\n'));
    } finally {
      await restoreBeat();
    }
  }, 90_000);

  it('a coordinator is told beside the field that a workshop of 10 minutes is too short, then saves a valid length', async () => {
    try {
      const page = await workspace(coordinator, '#content');
      const workshops = page.getByRole('region', { name: 'Workshops and surveys' });
      await workshops.getByRole('link', { name: 'Shoplifting and retail theft' }).click();
      await expect.poll(() => heading(page)).toBe('Shoplifting and retail theft');
      const duration = page.getByLabel('Length in minutes');

      await duration.fill('10');
      await page.getByRole('button', { name: 'Save the workshop' }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Please correct the following');
      expect(await duration.getAttribute('aria-invalid')).toBe('true');
      expect(await duration.getAttribute('aria-describedby')).toContain('workshop-duration_minutes-error');
      expect(await page.locator('#workshop-duration_minutes-error').textContent()).toBe('Use 15 or more.');
      expect((await row(`select duration_minutes from public.workshops where workshop_id = $1`, ['shoplifting'])).duration_minutes).toBe(shoplifting.duration_minutes);
      expect(await accessibilityViolations(page)).toEqual([]);

      const valid = shoplifting.duration_minutes + 15;
      await duration.fill(String(valid));
      await page.getByRole('button', { name: 'Save the workshop' }).click();
      await expect.poll(() => saved(page)).toBe(1);
      expect(await duration.getAttribute('aria-invalid')).toBeNull();
      expect((await row(`select duration_minutes from public.workshops where workshop_id = $1`, ['shoplifting'])).duration_minutes).toBe(valid);
      expect(await page.getByRole('region', { name: 'History' }).textContent()).toContain(`Length in minutes: ${shoplifting.duration_minutes} → ${valid}`);
    } finally {
      await restoreWorkshop();
    }
  }, 90_000);

  it('a coordinator changes the non-emergency number and the postal area in the site settings, the time zone and map shown but not editable', async () => {
    try {
      const page = await workspace(coordinator, '#site');
      await expect.poll(() => heading(page)).toBe('Site settings');
      expect(await page.getByRole('region', { name: 'Settings' }).textContent()).toContain('America/Chicago');
      expect(await page.getByLabel('Time zone').count()).toBe(0);
      const number = page.getByLabel('Non-emergency number');
      expect(await number.inputValue()).toBe(site.non_emergency_number);

      const changed = `555-01${run.replace(/\D/g, '0').slice(0, 2)}`;
      await number.fill(changed);
      await page.getByLabel('State (optional)').fill('il');
      await page.getByLabel('Other city names its addresses use (optional)').fill('Alderbrook Heights\nNorth Alderbrook\n');
      const zips = page.getByLabel('ZIP codes (optional)');
      await zips.fill('60601 6060');
      await page.getByRole('button', { name: 'Save the site settings' }).click();
      await expect.poll(() => zips.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#site-postal_zips-error').textContent()).toBe('Check the format of this.');

      await zips.fill('60601, 60602');
      await page.getByRole('button', { name: 'Save the site settings' }).click();
      await expect.poll(() => saved(page)).toBe(1);
      expect(await row(`select non_emergency_number, postal_state, postal_cities, postal_zips from public.site_settings where site_id = $1`, ['site'])).toEqual({
        non_emergency_number: changed,
        postal_state: 'IL',
        postal_cities: ['Alderbrook Heights', 'North Alderbrook'],
        postal_zips: ['60601', '60602'],
      });
      const history = await page.getByRole('region', { name: 'History' }).textContent();
      expect(history).toContain(`Non-emergency number: ${site.non_emergency_number} → ${changed}`);
      expect(history).toContain('→ 60601, 60602');
      // What was saved is what the form shows again.
      expect(await page.getByLabel('State (optional)').inputValue()).toBe('IL');
      expect(await page.getByLabel('Other city names its addresses use (optional)').inputValue()).toBe('Alderbrook Heights\nNorth Alderbrook');
      expect(await zips.inputValue()).toBe('60601, 60602');
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await restoreSite();
    }
  }, 90_000);

  it('a coordinator has every beat, the districts, the workshops and the site settings listed, and the district and new-workshop editors pass axe', async () => {
    const page = await workspace(coordinator, '#content');
    const beats = page.getByRole('region', { name: 'Beats', exact: true });
    await expect.poll(() => beats.getByRole('status').textContent()).toMatch(/^(\d+) of \1 beats shown\.$/);
    expect(await beats.getByRole('heading', { level: 4 }).count()).toBe(4);
    expect(await page.getByRole('region', { name: 'Districts' }).getByRole('link').count()).toBe(4);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('region', { name: 'Districts' }).getByRole('link').first().click();
    await expect.poll(() => page.getByLabel('Station name').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.evaluate(() => (location.hash = 'workshop/new'));
    await expect.poll(() => heading(page)).toBe('A new workshop or survey');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 90_000);
});
