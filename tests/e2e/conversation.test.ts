// A two-way conversation about a tip, still anonymous, in Chromium against the
// built site and the local stack: an officer of beat 101 asks the tipster a
// question from the workspace, the resident reads it and answers on the tip
// status page with the receipt code, and the officer finds the answer marked
// new in the inbox and reads it. The resident's side in Spanish too, and the
// same on the watch group and workshop status pages.
import { createClient } from '@supabase/supabase-js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callSubmission } from '../../src/lib/forms/submission.ts';
import { watchRegistrationFields, workshopRequestFields } from '../support/submissions.ts';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { signedInPage } from '../support/staffPages.ts';

const { url, anonKey, staffPassword } = inject('stack');
const officer101 = 'officer.beat101@staff.alderbrook.example';
const run = crypto.randomUUID().slice(0, 8);
const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A beat-101 tip as the tip form sends it, and the receipt code its resident keeps. */
async function tipIn101(description: string): Promise<string> {
  const outcome = await callSubmission<{ receipt: string }>(anon, 'submit_tip', { category: 'noise', description, beat: '101', idempotency_key: crypto.randomUUID() });
  if (outcome.kind !== 'stored') throw new Error(`the tip was not stored: ${JSON.stringify(outcome)}`);
  return outcome.result.receipt;
}

/** The tip status page, hydrated, with the code looked up as a resident types it. */
async function lookUp(path: string, receipt: string, labels: { code: string; check: string }): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await page.goto(`${url}${path}`);
  await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
  await page.getByLabel(labels.code).fill(receipt);
  await page.getByRole('button', { name: labels.check }).click();
  return page;
}

describe('a conversation about a tip in beat 101', () => {
  const description = `Someone sprays tags on the underpass every weekend, marker ${run}.`;
  const question = `Which end of the underpass, the station side or the park side? (${run})`;
  const answer = `The park side, near the stairs (${run}).`;
  let receipt = '';

  beforeAll(async () => {
    receipt = await tipIn101(description);
  });

  it('goes from an officer’s question to the resident’s answer, which the officer finds marked new', async () => {
    const officer = await signedInPage(browser, officer101);
    const link = officer.getByRole('link', { name: new RegExp(`marker ${run}`) });
    await expect.poll(() => link.isVisible()).toBe(true);
    await link.click();
    const conversation = officer.getByRole('region', { name: 'Conversation with the resident' });
    await expect.poll(() => conversation.getByText('Nobody has asked the resident anything yet.').isVisible()).toBe(true);
    await conversation.getByLabel('Ask the resident').fill(question);
    await conversation.getByRole('button', { name: 'Send the question' }).click();
    await expect.poll(() => conversation.getByText('Sent. The resident sees it with their receipt code.').isVisible()).toBe(true);
    expect(await conversation.getByText(question).isVisible()).toBe(true);
    expect(await conversation.getByText('Waiting for the resident’s answer.').isVisible()).toBe(true);
    // The question is in the tip's history, in the officer's name.
    await expect.poll(() => officer.getByRole('region', { name: 'History' }).textContent()).toContain(`Question to the resident: ${question}`);

    // The resident, with nothing but the receipt code.
    const resident = await lookUp('/tip/status', receipt, { code: 'Receipt code', check: 'Check status' });
    const messages = resident.getByRole('region', { name: 'Messages about your tip' });
    await expect.poll(() => messages.getByText(question).isVisible()).toBe(true);
    expect(await messages.getByText('Community officer').isVisible()).toBe(true);
    expect(await accessibilityViolations(resident)).toEqual([]);
    // An empty answer is refused before anything is sent.
    await messages.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => messages.getByText('Write your answer before sending it.').isVisible()).toBe(true);
    await messages.getByLabel('Your answer').fill(answer);
    await messages.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => messages.getByText('Your answer was sent. The officer will see it in the workspace.').isVisible()).toBe(true);
    expect(await messages.getByText(answer).isVisible()).toBe(true);
    // Answered: no box until the officer asks again.
    expect(await messages.getByLabel('Your answer').count()).toBe(0);
    expect(await accessibilityViolations(resident)).toEqual([]);
    // The code went nowhere but the requests: not the address, not the browser's storage.
    expect(resident.url()).toBe(`${url}/tip/status`);
    const stored = await resident.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(receipt.replaceAll('-', '').slice(0, 8));

    // Back in the workspace: the inbox marks the tip, and can list only what has a new answer.
    await officer.goto(`${url}/staff`);
    await officer.reload();
    const item = officer.getByRole('link', { name: new RegExp(`marker ${run}`) });
    await expect.poll(() => item.textContent()).toContain('New answer from the resident');
    await officer.getByLabel('Only items with a new answer').check();
    await expect.poll(() => officer.getByRole('link', { name: /New answer from the resident/ }).count()).toBeGreaterThanOrEqual(1);
    expect(await item.isVisible()).toBe(true);
    await item.click();
    const opened = officer.getByRole('region', { name: 'Conversation with the resident' });
    await expect.poll(() => opened.getByText(answer).isVisible()).toBe(true);
    expect(await opened.getByText('New', { exact: true }).isVisible()).toBe(true);
    expect(await officer.getByRole('region', { name: 'History' }).textContent()).toContain('The resident answered (see the conversation)');

    // Read: the mark has gone from the inbox, for the whole team.
    await officer.getByRole('link', { name: 'Back to the inbox' }).click();
    await officer.getByLabel('Only items with a new answer').uncheck();
    await expect.poll(() => officer.getByRole('link', { name: new RegExp(`marker ${run}`) }).textContent()).not.toContain('New answer from the resident');
  });
});

describe('the resident’s side in Spanish', () => {
  it('shows the question on /es/tip/status and takes the answer there', async () => {
    const receipt = await tipIn101(`Grafiti nuevo en el paso subterráneo, marca ${run}.`);
    const officer = createClient(url, anonKey, { auth: { persistSession: false } });
    await officer.auth.signInWithPassword({ email: officer101, password: staffPassword });
    const { data: tips } = await officer.from('tips').select('tip_id').like('description', `%marca ${run}%`);
    expect((await officer.rpc('ask_resident', { kind: 'tip', item_id: tips![0]!.tip_id, body: '¿A qué hora lo vio?' })).error).toBeNull();

    const resident = await lookUp('/es/tip/status', receipt, { code: 'Código de recibo', check: 'Consultar el estado' });
    const messages = resident.getByRole('region', { name: 'Mensajes sobre su aviso' });
    await expect.poll(() => messages.getByText('¿A qué hora lo vio?').isVisible()).toBe(true);
    expect(await messages.getByText('Agente comunitario').isVisible()).toBe(true);
    await messages.getByLabel('Su respuesta').fill('Hacia las once de la noche.');
    await messages.getByRole('button', { name: 'Enviar respuesta' }).click();
    await expect.poll(() => messages.getByText('Su respuesta fue enviada. El agente la verá en el espacio de trabajo.').isVisible()).toBe(true);
    expect(await messages.getByText('Usted').isVisible()).toBe(true);
    expect(await accessibilityViolations(resident)).toEqual([]);
  });
});

describe('the other status pages', () => {
  for (const { kind, fn, fields, path, heading, table } of [
    { kind: 'watch_group', fn: 'register_watch_group', fields: watchRegistrationFields, path: '/watch/status', heading: 'Messages about your registration', table: 'watch_groups' },
    { kind: 'workshop_request', fn: 'request_workshop', fields: workshopRequestFields, path: '/workshops/status', heading: 'Messages about your request', table: 'workshop_requests' },
  ] as const) {
    it(`shows the question on ${path} and takes the answer there`, async () => {
      const marker = `Ask ${kind} ${run}`;
      const outcome = await callSubmission<{ receipt: string }>(anon, fn, { ...fields(marker), beat: '101', idempotency_key: crypto.randomUUID() });
      if (outcome.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(outcome)}`);
      const officer = createClient(url, anonKey, { auth: { persistSession: false } });
      await officer.auth.signInWithPassword({ email: officer101, password: staffPassword });
      const column = kind === 'watch_group' ? 'name' : 'business_name';
      const { data: items } = await officer.from(table).select(`${kind}_id`).like(column, `${marker}%`);
      const itemId = (items![0] as Record<string, string>)[`${kind}_id`];
      expect((await officer.rpc('ask_resident', { kind, item_id: itemId, body: `Which evenings suit you? (${run})` })).error).toBeNull();

      const resident = await lookUp(path, outcome.result.receipt, { code: 'Receipt code', check: 'Check status' });
      const messages = resident.getByRole('region', { name: heading });
      await expect.poll(() => messages.getByText(`Which evenings suit you? (${run})`).isVisible()).toBe(true);
      await messages.getByLabel('Your answer').fill('Tuesdays and Thursdays.');
      await messages.getByRole('button', { name: 'Send answer' }).click();
      await expect.poll(() => messages.getByText('Tuesdays and Thursdays.').isVisible()).toBe(true);
      expect(await accessibilityViolations(resident)).toEqual([]);
    });
  }
});
