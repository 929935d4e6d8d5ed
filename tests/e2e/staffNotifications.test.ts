// A staff member chooses their email notifications in the workspace, in
// Chromium against the built site, and then hears of a new tip in their beat:
// the email arrives in the local mail catcher, in the language they chose,
// without the tip's words, and its link opens the tip in the workspace.
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callSubmission } from '../../src/lib/forms/submission.ts';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { linksIn, mailTo } from '../support/mail.ts';
import { signedInStaff, testPassword } from '../support/staffClients.ts';
import { signIn } from '../support/staffPages.ts';

const { url, anonKey, databaseUrl, mailFolder, mailboxUrl } = inject('stack');
const run = crypto.randomUUID().slice(0, 8);
const officer = `notified-${run}@staff.example.org`;
const db = new pg.Client({ connectionString: databaseUrl });
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await db.connect();
  const { rows } = await db.query<{ officer_id: string }>(`select officer_id from public.officers where '101' = any (beats) order by officer_id limit 1`);
  await signedInStaff(db, { url, anonKey }, { officer: { role: 'officer', officer_slug: rows[0]!.officer_id } }, () => officer);
});
afterAll(async () => {
  await browser?.close();
  await db.end();
});

describe('email notifications', () => {
  it('an officer asks to hear of new tips at once, in Spanish, and the email for a beat-101 tip leads to it without its words', async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await page.goto(`${url}/staff`);
    await signIn(page, officer, testPassword);
    await page.getByRole('link', { name: 'Email notifications' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Email notifications' }).isVisible()).toBe(true);
    const tips = page.getByRole('group', { name: 'New tips and concerns' });
    await expect.poll(() => tips.getByLabel('In a daily digest: one email a day at most, counted by beat').isChecked()).toBe(true);
    expect(await page.getByText(`Emails go to ${officer}`).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await tips.getByLabel('Immediately: one email for each').check();
    await page.getByLabel('Language of the emails').selectOption('es');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).isVisible()).toBe(true);
    // Kept: opened again, the page shows what was saved.
    await page.reload();
    await expect.poll(() => page.getByRole('group', { name: 'New tips and concerns' }).getByLabel('Immediately: one email for each').isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'New workshop requests' }).getByLabel('In a daily digest: one email a day at most, counted by beat').isChecked()).toBe(true);

    const words = `Someone keeps trying car doors on Alder Street at night, marker ${run}.`;
    const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    const sent = await callSubmission(anon, 'submit_tip', { category: 'suspicious_activity', description: words, beat: '101', idempotency_key: crypto.randomUUID() });
    expect(sent.kind).toBe('stored');

    await expect.poll(async () => (await mailTo(mailFolder, officer)).length, { timeout: 30_000 }).toBe(1);
    const [email] = await mailTo(mailFolder, officer);
    expect(email!.subject).toBe('Nuevo aviso o inquietud en el sector 101');
    expect([email!.text, email!.html].join('\n')).not.toContain(run);
    const [link] = linksIn(email!);
    await page.goto(link!);
    await expect.poll(() => page.getByText(words).isVisible()).toBe(true);
  });

  it('are readable on the local mailbox page, a list and each message, which pass axe', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(mailboxUrl);
    expect(await page.getByRole('heading', { name: 'Local mailbox' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    const row = page.getByRole('row').filter({ hasText: officer });
    expect(await row.count()).toBe(1);
    await row.getByRole('link', { name: 'Nuevo aviso o inquietud en el sector 101' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Nuevo aviso o inquietud en el sector 101' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: new RegExp(`^${url}/staff#tip/`) }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
