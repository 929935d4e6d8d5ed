// What residents see of beat priorities and meeting reports on the built demo
// city, in Chromium: the beat page's priorities and feed, a priority's page with
// its timeline and (where due) its overdue note, a meeting's report, the finder's
// answer, the Atom feed and the open data, and "this matters to me too" counted in
// the test stack's database. Expectations come from the demo city's content files
// (which the test database starts from), worked out with the same rules the pages use.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { currentAndRecentlyClosed, isOverdue, localDate, prioritiesOfBeat, reportsOf, timeline } from '../../src/features/priorities/priorities.ts';
import type { Beat, Meeting, Priority } from '../../src/lib/content/validate.ts';

const { url, databaseUrl } = inject('stack');
const content = path.resolve('src/content');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(content, file), 'utf8'));
const site = (readJson('site.json') as Array<{ timeZone: string }>)[0]!;
const priorities: Priority[] = readdirSync(path.join(content, 'priorities')).map((file) => ({
  beats: [],
  updates: [],
  ...readJson(`priorities/${file}`),
  id: file.replace(/\.json$/, ''),
}));
const beat = { ...readJson('beats/101.json'), id: '101' } as Beat;
const beatMeeting = { reports: [], ...readJson('meetings/beat-101.json'), id: 'beat-101' } as Meeting;
const today = localDate(new Date(), site.timeZone);
const { current, recentlyClosed } = currentAndRecentlyClosed(prioritiesOfBeat(priorities, beat), today);
const overdue = current.find((priority) => isOverdue(priority, today))!;
const latestReport = reportsOf([beatMeeting])[0]!.report;
const titleOf = (id: string) => priorities.find((priority) => priority.id === id)!.title;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function open(target: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  const response = await page.goto(`${url}${target}`);
  expect(response?.status()).toBe(200);
  return page;
}

const languages = [
  { prefix: '', current: 'Current priorities', closed: 'Recently closed', feed: /Atom feed/, overdue: 'Review overdue', outcome: { resolved: 'Resolved', improved: 'Improved', not_resolved: 'Not resolved' } },
  { prefix: '/es', current: 'Prioridades actuales', closed: 'Cerradas recientemente', feed: /canal Atom/, overdue: 'Revisión atrasada', outcome: { resolved: 'Resuelta', improved: 'Mejoró', not_resolved: 'No resuelta' } },
] as const;

describe('the demo city has what these tests need', () => {
  it('has current, recently closed and overdue priorities in beat 101', () => {
    expect(current.length).toBeGreaterThan(0);
    expect(recentlyClosed.length).toBeGreaterThan(0);
    expect(overdue).toBeDefined();
  });
});

describe.each(languages)('beat 101’s page ($prefix)', (words) => {
  it('lists its current priorities, then those recently closed with their outcomes, and links its feed', async () => {
    const page = await open(`${words.prefix}/beats/101`);
    const section = page.getByRole('region', { name: words.prefix ? 'Prioridades' : 'Priorities', exact: true });
    const text = (await section.textContent()) ?? '';
    const closedAt = text.indexOf(words.closed);
    expect(text.indexOf(words.current)).toBeLessThan(closedAt);
    for (const priority of current) expect(text.slice(0, closedAt)).toContain(priority.title);
    for (const priority of recentlyClosed) expect(text.slice(closedAt)).toContain(`${priority.title}`);
    expect(text.slice(closedAt)).toContain(words.outcome[recentlyClosed[0]!.outcome!.result]);
    // The page's head names the feed for feed readers, and the page shows it to people.
    const feed = `${words.prefix}/beats/101/updates.atom`;
    expect(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe(feed);
    expect(await section.getByRole('link', { name: words.feed }).getAttribute('href')).toBe(feed);
    await section.getByRole('link', { name: current[0]!.title }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(current[0]!.title);
  });

  it('has no WCAG 2.2 AA violation', async () => {
    const page = await open(`${words.prefix}/beats/101`);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe.each(languages)('a priority’s page ($prefix)', (words) => {
  it('tells its story in dated steps and says, dated, that its review is overdue', async () => {
    const page = await open(`${words.prefix}/priorities/${overdue.id}`);
    expect(await page.locator('h1').textContent()).toBe(overdue.title);
    const story = page.getByRole('region', { name: words.prefix ? 'Lo que se ha hecho' : 'What has been done' }).getByRole('listitem');
    expect(await story.count()).toBe(timeline(overdue).length);
    for (const [index, update] of overdue.updates.entries()) {
      expect(await story.nth(index + 1).textContent()).toContain(update.text);
      expect(await story.nth(index + 1).locator('time').getAttribute('datetime')).toBe(update.date);
    }
    const note = page.getByTestId('overdue');
    expect(await note.textContent()).toContain(words.overdue);
    expect(await note.locator('time').last().getAttribute('datetime')).toBe(overdue.reviewBy);
    // The stage is said in words, the current step marked for assistive technology too.
    expect(await page.locator('[aria-current="step"]').count()).toBe(1);
  });

  it('says nothing is overdue where nothing is, and gives a closed one its outcome without a button', async () => {
    for (const priority of current.filter((p) => !isOverdue(p, today))) {
      const page = await open(`${words.prefix}/priorities/${priority.id}`);
      expect(await page.getByTestId('overdue').count()).toBe(0);
    }
    const closed = recentlyClosed[0]!;
    const page = await open(`${words.prefix}/priorities/${closed.id}`);
    expect(await page.getByRole('heading', { level: 2, name: new RegExp(words.outcome[closed.outcome!.result]) }).isVisible()).toBe(true);
    expect(await page.locator('astro-island, script').count()).toBe(0);
  });

  it('has no WCAG 2.2 AA violation, its button ready', async () => {
    const page = await open(`${words.prefix}/priorities/${overdue.id}`);
    const button = page.getByRole('button', { name: words.prefix ? 'Esto también me importa' : 'This matters to me too' });
    await button.scrollIntoViewIfNeeded();
    await expect.poll(() => button.isEnabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe.each(languages)('a meeting’s report ($prefix)', (words) => {
  it('says who came, what was raised and which priorities it acted on, each linked; the beat page links it', async () => {
    const beatPage = await open(`${words.prefix}/beats/101`);
    const link = beatPage.locator(`a[href="${words.prefix}/meetings/reports/beat-101/${latestReport.date}"]`);
    await link.click();
    await expect.poll(() => beatPage.locator('h1 time').getAttribute('datetime')).toBe(latestReport.date);
    const text = (await beatPage.locator('main').textContent()) ?? '';
    expect(text).toContain(String(latestReport.attendance));
    for (const concern of latestReport.concerns) expect(text).toContain(concern);
    for (const id of Object.values(latestReport.priorities).flat()) {
      expect(await beatPage.getByRole('link', { name: titleOf(id), exact: true }).first().getAttribute('href')).toBe(`${words.prefix}/priorities/${id}`);
    }
    expect(await accessibilityViolations(beatPage)).toEqual([]);
  });
});

describe('the beat’s Atom feed', () => {
  it('is valid Atom, served as such, with an entry for each opening, update, closing and report', async () => {
    const response = await fetch(`${url}/beats/101/updates.atom`);
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await response.text();
    // Well-formed by a browser's strict XML parser, which reports any error as a <parsererror>.
    const page = await open('/beats/101');
    expect(await page.evaluate((text) => new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror').length, xml)).toBe(0);

    const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) }).parse(xml);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toMatch(/^urn:uuid:/);
    expect(feed.title).toContain('Beat 101');
    expect(Date.parse(feed.updated)).not.toBeNaN();
    expect(feed.link.map((link: Record<string, string>) => link['@rel']).sort()).toEqual(['alternate', 'self']);
    const events = prioritiesOfBeat(priorities, beat).flatMap(timeline).length;
    const beatMeetings = (readdirSync(path.join(content, 'meetings')) as string[])
      .map((file) => ({ reports: [], exceptions: [], beats: [], ...readJson(`meetings/${file}`) }) as Meeting)
      .filter((meeting) => meeting.beats.includes('101') || (meeting.beats.length === 0 && meeting.district === beat.district));
    const reports = beatMeetings.flatMap((meeting) => meeting.reports).length;
    // and each date of the beat's meetings cancelled or moved, the news beat alerts email
    const exceptions = beatMeetings.flatMap((meeting) => meeting.exceptions).length;
    expect(feed.entry).toHaveLength(events + reports + exceptions);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:uuid:/);
      expect(entry.title).toBeTruthy();
      expect(Date.parse(entry.updated)).not.toBeNaN();
      expect(entry.link[0]['@href']).toMatch(/^\/(priorities|meetings\/reports|beats)\//);
      expect(entry.content['#text']).toBeTruthy();
    }
    expect(new Set(feed.entry.map((entry: { id: string }) => entry.id)).size).toBe(feed.entry.length);
  });
});

describe('open data', () => {
  it('holds every priority, as JSON and as GeoJSON over its area', async () => {
    const json = (await (await fetch(`${url}/data/priorities.json`)).json()) as Array<{ id: string; stage: string; url: string }>;
    expect(json.map((record) => record.id).sort()).toEqual(priorities.map((priority) => priority.id).sort());
    const geojson = (await (await fetch(`${url}/data/priorities.geojson`)).json()) as { features: Array<{ properties: { id: string; url: string }; geometry: { type: string } }> };
    expect(geojson.features).toHaveLength(priorities.length);
    for (const feature of geojson.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      expect((await fetch(`${url}${feature.properties.url}`)).status).toBe(200);
    }
    const page = await open('/open-data');
    expect(await page.getByRole('link', { name: '/data/priorities.geojson' }).isVisible()).toBe(true);
  });
});

describe('the finder’s answer', () => {
  it('lists the beat’s current priorities, one line each with its stage, linked', async () => {
    const page = await open('/find');
    // The finder answers once React has taken its island over (Astro then drops the island's `ssr`).
    await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
    await page.getByLabel('Your address').fill(readJson('meetings/beat-101.json').venue.address);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    const answer = page.getByRole('region', { name: /Beat 101/ });
    await expect.poll(() => answer.getByRole('heading', { name: 'Current priorities' }).isVisible()).toBe(true);
    const stages = { scanning: 'Scanning', analysis: 'Analysis', response: 'Response', assessment: 'Assessment' };
    const items = answer.getByRole('heading', { name: 'Current priorities' }).locator('xpath=following-sibling::ul[1]/li');
    expect(await items.allTextContents()).toEqual(current.map((priority) => `${priority.title} · ${stages[priority.stage]}`));
    expect(await answer.getByRole('link', { name: current[0]!.title }).getAttribute('href')).toBe(`/priorities/${current[0]!.id}`);
  });
});

describe('"this matters to me too"', () => {
  const supporters = async (id: string) => {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      return Number((await db.query('select count(*) from public.priority_support where priority_id = $1', [id])).rows[0].count);
    } finally {
      await db.end();
    }
  };

  /** The priority's page in a browser of its own, its button ready, the API cut off if `offline`. */
  async function pressable(id: string, { offline = false } = {}) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (offline) await page.route('**/rest/v1/rpc/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`${url}/priorities/${id}`);
    const button = page.getByRole('button', { name: 'This matters to me too' });
    await button.scrollIntoViewIfNeeded();
    await expect.poll(() => button.isEnabled()).toBe(true);
    return { context, page, button };
  }

  it('counts a click in the database, thanks the resident, and says so again on the next visit from that browser', async () => {
    const priority = current[0]!;
    const before = await supporters(priority.id);
    const { context, page, button } = await pressable(priority.id);
    await button.click();

    await expect.poll(() => page.getByRole('status').textContent()).toContain('Thank you');
    expect(await page.getByTestId('supporters').textContent()).toContain(String(before + 1));
    expect(await supporters(priority.id)).toBe(before + 1);

    const again = await context.newPage();
    await again.goto(`${url}/priorities/${priority.id}`);
    await again.getByRole('heading', { name: 'Does this matter to you?' }).scrollIntoViewIfNeeded();
    await expect.poll(() => again.getByRole('status').textContent()).toContain('You already said');
    expect(await again.getByRole('button', { name: 'This matters to me too' }).count()).toBe(0);
    await context.close();
  });

  it('says plainly when the click could not be sent, and counts nothing', async () => {
    const priority = current[0]!;
    const before = await supporters(priority.id);
    const { context, page, button } = await pressable(priority.id, { offline: true });
    await button.click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('could not be sent');
    expect(await button.isEnabled()).toBe(true);
    expect(await supporters(priority.id)).toBe(before);
    await context.close();
  });
});
