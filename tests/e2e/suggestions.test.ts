// A resident suggests a priority for their beat on the built site, in
// Chromium, in each language: from a link naming the beat, with a receipt
// they follow on the status page; refused input said beside its field; a
// suggestion written offline kept and sent when the connection returns.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../../src/lib/i18n/locales/en.ts';
import { es } from '../../src/lib/i18n/locales/es.ts';
import { format } from '../../src/lib/i18n/format.ts';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { takeTimeToWrite } from '../support/resident.ts';

const { url, databaseUrl } = inject('stack');
// A real address of the demo city, in beat 101: its meeting place.
const venue = (JSON.parse(readFileSync('src/content/meetings/beat-101.json', 'utf8')) as { venue: { address: string } }).venue.address;
let browser: Browser;
const db = new pg.Client({ connectionString: databaseUrl });

beforeAll(async () => {
  browser = await launchBrowser();
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await browser?.close();
});

/** A new visitor's page at `path`, once the form can be used. */
async function open(path: string, submit: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${url}${path}`);
  await expect.poll(() => page.getByRole('button', { name: submit }).isEnabled()).toBe(true);
  return page;
}

/** The sentences a control's aria-describedby points at: its hint and its error. */
const descriptionOf = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((control) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

const suggestionsWith = async (problem: string) => (await db.query(`select beat, status from public.priority_suggestions where problem = $1`, [problem])).rows;

for (const [prefix, t] of [['', en], ['/es', es]] as const) {
  const words = t.suggestions;
  const form = `${prefix}/suggest-a-priority/`;

  describe(`suggesting a priority (${prefix || '/'})`, () => {
    it('comes from beat 101’s page with the beat chosen, is sent, shows a receipt, and the receipt shows its status', async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${url}${prefix}/beats/101`);
      await page.getByRole('link', { name: t.priorities.suggest }).click();
      await expect.poll(() => page.getByRole('button', { name: words.submit }).isEnabled()).toBe(true);
      expect(new URL(page.url()).search).toBe('?beat=101');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(words.heading);
      expect(await page.getByLabel(t.places.beatLabel, { exact: true }).inputValue()).toBe('101');
      // Not an emergency line, with the site's number, as every form says.
      expect(await page.locator('form', { has: page.getByRole('button', { name: words.submit }) }).textContent()).toContain(format(t.layout.emergency, { number: '911' }));

      const problem = `${prefix ? 'Autos a toda velocidad por Crane St antes de clases' : 'Cars race along Crane St before school'} (${crypto.randomUUID()}).`;
      await page.getByLabel(words.problem).fill(problem);
      await takeTimeToWrite(page);
      await page.getByRole('button', { name: words.submit }).click();
      await expect.poll(() => page.getByRole('heading', { name: words.received.heading }).isVisible()).toBe(true);
      const receipt = ((await page.getByTestId('receipt').textContent()) ?? '').trim();
      expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      expect(await suggestionsWith(problem)).toEqual([{ beat: '101', status: 'received' }]);

      await page.getByRole('link', { name: words.received.checkLater }).click();
      await expect.poll(() => page.getByRole('button', { name: words.status.check }).isEnabled()).toBe(true);
      await page.getByLabel(words.status.label).fill(receipt.toLowerCase());
      await page.getByRole('button', { name: words.status.check }).click();
      await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe(words.status.statuses.received);
      expect(await page.getByRole('status').textContent()).toContain(words.status.explanations.received);
    });

    it('says beside each field what is wrong, and sends nothing', async () => {
      const page = await open(form, words.submit);
      await page.getByLabel(words.problem).fill('Too short');
      await page.getByRole('button', { name: words.submit }).click();

      await expect.poll(() => page.getByRole('alert').textContent()).toContain(words.errors['problem.tooShort']);
      expect(await page.getByRole('alert').textContent()).toContain(words.errors['beat.missing']);
      expect(await page.getByLabel(words.problem).getAttribute('aria-invalid')).toBe('true');
      expect(await descriptionOf(page, words.problem)).toContain(words.errors['problem.tooShort']);
      expect(await descriptionOf(page, t.places.beatLabel)).toContain(words.errors['beat.missing']);
      expect(await page.getByLabel(words.problem).inputValue()).toBe('Too short');
      expect(await suggestionsWith('Too short')).toEqual([]);
    });

    it('keeps a suggestion written offline in the browser, and sends it exactly once when the connection returns', async () => {
      const page = await open(`${form}?beat=101`, words.submit);
      const problem = `Trucks park on the sidewalk along Laurel Ave all day (${crypto.randomUUID()}).`;
      await page.context().setOffline(true);
      await page.getByLabel(words.problem).fill(problem);
      await takeTimeToWrite(page);
      await page.getByRole('button', { name: words.submit }).click();
      await expect.poll(() => page.getByRole('heading', { name: words.waiting.heading }).isVisible()).toBe(true);

      await page.context().setOffline(false);
      await expect.poll(() => page.getByTestId('receipt').isVisible()).toBe(true);
      expect(await suggestionsWith(problem)).toEqual([{ beat: '101', status: 'received' }]);
    });

    it('finds the beat from an address, and sends the suggestion with it', async () => {
      const page = await open(form, words.submit);
      await page.getByRole('radio', { name: t.places.modes.address }).check();
      await page.getByRole('combobox', { name: t.places.modes.address }).pressSequentially(venue.slice(0, -3), { delay: 10 });
      await page.getByRole('option', { name: venue }).click();
      const inBeat101 = format(t.places.found, { beat: 'Beat 101', place: '' });
      await expect.poll(async () => (await page.getByRole('status').first().textContent())?.startsWith(inBeat101)).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      const problem = `Broken streetlights leave the bus stop dark at night (${crypto.randomUUID()}).`;
      await page.getByLabel(words.problem).fill(problem);
      await takeTimeToWrite(page);
      await page.getByRole('button', { name: words.submit }).click();
      await expect.poll(() => page.getByTestId('receipt').isVisible()).toBe(true);
      expect(await suggestionsWith(problem)).toEqual([{ beat: '101', status: 'received' }]);
    });

    it('has no WCAG 2.2 AA violations on the form, with errors showing, and on the status page with an answer', async () => {
      const page = await open(`${form}?beat=101`, words.submit);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: words.submit }).click();
      await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.goto(`${url}${form}status/`);
      await expect.poll(() => page.getByRole('button', { name: words.status.check }).isEnabled()).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByLabel(words.status.label).fill('ABCD-EFGH-JKMN-PQ01');
      await page.getByRole('button', { name: words.status.check }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe(words.status.problems.not_found);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });
}

describe('following a suggestion the beat’s officers answered', () => {
  it('shows their reply and links to the priority it became', async () => {
    const page = await open('/suggest-a-priority/?beat=101', en.suggestions.submit);
    const problem = `Cars speed down Crane St before school every morning (${crypto.randomUUID()}).`;
    await page.getByLabel(en.suggestions.problem).fill(problem);
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: en.suggestions.submit }).click();
    await expect.poll(() => page.getByTestId('receipt').isVisible()).toBe(true);
    const receipt = ((await page.getByTestId('receipt').textContent()) ?? '').trim();
    // As answer_suggestion leaves it: adopted into a published priority of the demo city, with a reply.
    const reply = 'Chosen as a priority at the November beat meeting.';
    const priorityTitle = (JSON.parse(readFileSync('src/content/priorities/101-speeding-on-crane-st.json', 'utf8')) as { title: string }).title;
    await db.query(`update public.priority_suggestions set status = 'adopted', priority_id = '101-speeding-on-crane-st', public_reply = $2 where problem = $1`, [problem, reply]);

    await page.goto(`${url}/suggest-a-priority/status/`);
    await expect.poll(() => page.getByRole('button', { name: en.suggestions.status.check }).isEnabled()).toBe(true);
    await page.getByLabel(en.suggestions.status.label).fill(receipt);
    await page.getByRole('button', { name: en.suggestions.status.check }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe(en.suggestions.status.statuses.adopted);
    expect(await page.getByRole('status').textContent()).toContain(reply);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: en.suggestions.status.becamePriority }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(priorityTitle);
  });
});
