// A resident finds their beat and officers on /find of the built demo city, in
// Chromium: by address, by location, and on the map. Expectations come from the
// demo city's own content files, so they follow the content if it changes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const { url } = inject('stack');
const content = path.resolve('src/content');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(content, file), 'utf8'));
const meeting = readJson('meetings/beat-101.json') as { venue: { address: string; location: [number, number] } };
const officersOf = (beat: string) =>
  readdirSync(path.join(content, 'officers'))
    .map((file) => readJson(`officers/${file}`) as { name: string; beats: string[] })
    .filter((officer) => officer.beats.includes(beat))
    .map((officer) => officer.name);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${url}/find`);
  await hydrated(page);
  return { context, page, requests };
}

/** Astro drops an island's `ssr` attribute once React has taken it over. */
async function hydrated(page: Page) {
  await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
}

const answerHeading = (page: Page) => page.locator('#finder-answer');

describe('the finder', () => {
  it('answers an address chosen from the suggestions with the beat’s officers, and nothing leaves the site', async () => {
    const { page, requests } = await open();
    const [number, ...street] = meeting.venue.address.split(' ');
    await page.getByLabel('Your address').pressSequentially(`${number} ${street.join(' ').toLowerCase().slice(0, -4)}`, { delay: 20 });
    await page.getByRole('option', { name: meeting.venue.address }).click();

    await expect.poll(() => answerHeading(page).textContent()).toMatch(/^Beat 101 · /);
    const answer = (await page.getByRole('region', { name: /Beat 101/ }).textContent()) ?? '';
    for (const name of officersOf('101')) expect(answer).toContain(name);
    expect(page.url()).toBe(`${url}/find?beat=101`);
    expect(requests.filter((request) => !request.startsWith(url) && !request.startsWith('data:') && !request.startsWith('blob:'))).toEqual([]);
  });

  it('leads from the answer to the beat’s own page, and from there to its officers', async () => {
    const { page } = await open();
    await page.goto(`${url}/find?beat=101`);
    await hydrated(page);
    await page.getByRole('link', { name: /^More about Beat 101/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Beat 101');
    const [first] = officersOf('101');
    await page.getByRole('link', { name: new RegExp(first!) }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(first!);
  });

  it('reloads a shared answer from its URL alone', async () => {
    const { page } = await open();
    await page.goto(`${url}/find?beat=101`);
    await hydrated(page);
    await expect.poll(() => answerHeading(page).textContent()).toMatch(/^Beat 101 · /);
    await page.reload();
    await expect.poll(() => answerHeading(page).textContent()).toMatch(/^Beat 101 · /);
  });

  it('finds the beat from the resident’s location', async () => {
    const [longitude, latitude] = meeting.venue.location;
    const { page } = await open({ geolocation: { longitude, latitude }, permissions: ['geolocation'] });
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => answerHeading(page).textContent()).toMatch(/^Beat 101 · /);
  });

  it('says plainly when the location is refused, or outside the city', async () => {
    const refused = await open({ permissions: [] });
    await refused.page.getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => refused.page.getByRole('status').textContent()).toContain('did not share your location');

    const far = await open({ geolocation: { longitude: 2.35, latitude: 48.85 }, permissions: ['geolocation'] });
    await far.page.getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => far.page.getByRole('status').textContent()).toContain('outside Alderbrook');
  });

  it('answers a full postal line, with a unit, the city, the state and a ZIP code, with the beat’s officers', async () => {
    const { page } = await open();
    const { jurisdiction } = (readJson('site.json') as { jurisdiction: string }[])[0]!;
    await page.getByLabel('Your address').fill(`${meeting.venue.address.toUpperCase()} Apt 4B, ${jurisdiction}, IL 60601-1234`);
    await page.getByRole('button', { name: 'Find', exact: true }).click();

    await expect.poll(() => answerHeading(page).textContent()).toMatch(/^Beat 101 · /);
    const answer = (await page.getByRole('region', { name: /Beat 101/ }).textContent()) ?? '';
    for (const name of officersOf('101')) expect(answer).toContain(name);
  });

  it('lists each street an address without its direction could be, and answers the one chosen', async () => {
    const { page } = await open();
    const [number, prefix, ...name] = meeting.venue.address.split(' ');
    expect(prefix, 'the demo venue has a direction prefix').toMatch(/^[NSEW]$/);
    await page.getByLabel('Your address').fill(`${number} ${name.join(' ')}`);
    await page.getByRole('button', { name: 'Find', exact: true }).click();

    await expect.poll(() => page.getByRole('status').textContent()).toContain('More than one street matches');
    const candidates = page.getByRole('status').getByRole('button');
    expect((await candidates.allTextContents()).length).toBeGreaterThan(1);
    await candidates.filter({ hasText: meeting.venue.address }).click();
    await expect.poll(() => answerHeading(page).textContent()).toMatch(/^Beat 101 · /);
  });

  it('says an address in another city is outside the area the portal covers, not that no street matches', async () => {
    const { page } = await open();
    await page.getByLabel('Your address').fill(`${meeting.venue.address}, Springfield, IL 62704`);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('outside the area this portal covers');
  });

  it('says when an address is not in the city', async () => {
    const { page } = await open();
    await page.getByLabel('Your address').fill('10 Downing Street');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('could not find');
  });

  it('gives the same answer for a click on the map and for Enter on the keyboard at the same spot', async () => {
    const { page } = await open();
    await page.getByRole('button', { name: 'Show the map' }).click();
    const map = page.getByRole('region', { name: 'Map of beats and districts' });
    await expect.poll(() => map.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    await map.click();
    await expect.poll(() => answerHeading(page).textContent(), { timeout: 5_000 }).toMatch(/^Beat /);
    const byClick = await answerHeading(page).textContent();

    await page.goto(`${url}/find`);
    await hydrated(page);
    await page.getByRole('button', { name: 'Show the map' }).click();
    await expect.poll(() => map.getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    await map.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => answerHeading(page).textContent(), { timeout: 5_000 }).toMatch(/^Beat /);
    expect(await answerHeading(page).textContent()).toBe(byClick);
  });
});
