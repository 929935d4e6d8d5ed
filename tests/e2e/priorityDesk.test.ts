// Beat priorities and meeting reports in the staff workspace, in Chromium
// against the e2e stack, in English and in Spanish: a resident's suggestion
// for beat 101, sent through the stack as the suggestion form sends it,
// reaches the beat-101 officer's inbox (and not the beat-201 officer's); the
// officer turns it into a priority, posts updates that move it through
// analysis, response and assessment, closes it with an outcome, reopens and
// closes it again; an open priority past its review date is listed first and
// called overdue; the beat-201 officer can neither open nor change it; a report of a past
// beat-101 meeting links it as reviewed, and the date leaves "reports due".
// After every save the test reads what the workspace shows, not only that it
// said "Saved". The public pages are another file's: this stack's site is
// built once and not republished. What is made here is deleted afterwards.
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../../src/lib/i18n/locales/en.ts';
import { es } from '../../src/lib/i18n/locales/es.ts';
import { format } from '../../src/lib/i18n/format.ts';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { proofFor } from '../support/proofs.ts';

const { url, anonKey, databaseUrl, staffPassword } = inject('stack');
const officer101 = 'officer.beat101@staff.alderbrook.example';
const officer201 = 'officer.beat201@staff.alderbrook.example';
const run = crypto.randomUUID().slice(0, 6);
const zone = 'America/Chicago';
const db = new pg.Client({ connectionString: databaseUrl });
let browser: Browser;

const localDay = (daysFromNow: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + daysFromNow * 86_400_000));

const languages = [
  { lang: 'en', path: '/staff', t: en.staff, stages: en.priorities.sara },
  { lang: 'es', path: '/es/staff', t: es.staff, stages: es.priorities.sara },
] as const;

/** A past one-off beat-101 meeting of this run, in each language's test: its date owes a report. */
const meetingOf = (lang: string) => ({ id: `e2e-${run}-${lang}`, title: `Beat 101 walk ${run} ${lang}`, date: localDay(-10) });

beforeAll(async () => {
  browser = await launchBrowser();
  await db.connect();
  for (const { lang } of languages) {
    const meeting = meetingOf(lang);
    await db.query(
      `insert into public.meetings (meeting_id, title, kind, beats, venue_name, venue_address, venue_lon, venue_lat, schedule_start, schedule_duration_minutes, languages, published)
       values ($1, $2, 'beat_meeting', '{101}', 'Larch Community Center', '100 Larch Ave', -88.25, 41.11, $3, 60, '{en}', true)`,
      [meeting.id, meeting.title, `${meeting.date}T18:00`],
    );
  }
});
afterAll(async () => {
  await db.query(`delete from public.priority_suggestions where problem like $1`, [`%${run}%`]).catch(() => undefined);
  await db.query(`delete from public.priorities where priority_id like $1`, [`101-e2e-${run}-%`]).catch(() => undefined);
  await db.query(`delete from public.meetings where meeting_id like $1`, [`e2e-${run}-%`]).catch(() => undefined);
  await browser?.close();
  await db.end();
});

/** What a resident's suggestion form sends: the beat and the problem, with a solved proof of work. */
async function suggest(beat: string, problem: string): Promise<string> {
  const resident = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const key = crypto.randomUUID();
  const { error } = await resident.rpc('suggest_priority', { beat, problem, idempotency_key: key, proof: await proofFor(db, 'suggest_priority', key) });
  if (error) throw new Error(error.message);
  return (await db.query(`select suggestion_id from public.priority_suggestions where problem = $1`, [problem])).rows[0].suggestion_id;
}

async function staffPage(path: string, t: (typeof languages)[number]['t'], email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${url}${path}`);
  await expect.poll(() => page.getByRole('button', { name: t.signIn.submit, exact: true }).isVisible()).toBe(true);
  await page.getByLabel(t.signIn.email).fill(email);
  await page.getByLabel(t.signIn.password).fill(staffPassword);
  await page.getByRole('button', { name: t.signIn.submit, exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: t.account.signOut }).isVisible()).toBe(true);
  return page;
}

const go = (page: Page, hash: string) => page.evaluate((to) => (location.hash = to), hash);
const heading = (page: Page) => page.locator('#content-editor-heading').textContent();
const standing = (page: Page) => page.getByTestId('priority-standing').textContent();

describe.each(languages)('the priority desk ($lang)', ({ lang, path, t, stages }) => {
  const words = t.priorityDesk;
  const problem = `Cars race down Crane St every evening after school, near the crossing (${run} ${lang}).`;
  const priorityId = `101-e2e-${run}-${lang}`;
  const title = `Speeding on Crane St (${run} ${lang})`;
  const meeting = meetingOf(lang);
  let suggestionId = '';

  beforeAll(async () => {
    suggestionId = await suggest('101', problem);
  });

  it('a beat-101 officer finds the resident’s suggestion in the inbox and turns it into a priority; the beat-201 officer never sees it', async () => {
    const page = await staffPage(path, t, officer101);
    await page.getByLabel(t.inbox.kind).selectOption('suggestion');
    const link = page.getByRole('link').filter({ hasText: problem });
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.textContent()).toContain(t.suggestion.listTitle);
    // Counted like the other kinds: its status among the counts.
    expect(await page.getByRole('region', { name: t.inbox.countsHeading }).textContent()).toContain(t.inbox.kinds.suggestion);
    await link.click();
    await expect.poll(() => page.locator('#staff-item-heading').textContent()).toBe(format(t.item.headings.suggestion, { beat: '101' }));
    expect(await page.getByRole('region', { name: t.item.given }).textContent()).toContain(problem);
    if (lang === 'en') expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: t.suggestion.turn }).click();
    // The resident's words beside the form, for reading only; the form says what must never be published.
    await expect.poll(() => page.getByTestId('suggestion-text').textContent()).toBe(problem);
    expect(await page.getByText(words.privacy).count()).toBe(1);
    expect(await page.getByLabel(words.title, { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel(words.source).inputValue()).toBe('residents');
    await page.getByLabel(words.id, { exact: true }).fill(priorityId);
    await page.getByLabel(words.title, { exact: true }).fill(title);
    await page.getByLabel(words.description, { exact: true }).fill('Drivers speed along Crane St at school times; residents asked for the crossing to be made safer.');
    expect(await page.getByRole('group', { name: words.beats }).getByLabel('101').isChecked()).toBe(true);
    await page.getByLabel(words.reviewOn, { exact: true }).fill(localDay(30));
    await page.getByLabel(t.content.published).check();
    if (lang === 'en') expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: words.save }).click();

    // Opened as saved, with the suggestion it came from linked.
    await expect.poll(() => heading(page)).toBe(title);
    expect(new URL(page.url()).hash).toBe(`#priority/${priorityId}`);
    await expect.poll(() => page.getByRole('link', { name: new RegExp(words.fromSuggestion) }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: words.linked }).count()).toBe(1);
    expect(await standing(page)).toContain(format(words.stageOf, { stage: stages.scanning }));
    expect(await standing(page)).toContain(format(words.supporters, { count: 0 }));
    const linked = (await db.query(`select status, priority_id from public.priority_suggestions where suggestion_id = $1`, [suggestionId])).rows[0];
    expect(linked).toEqual({ status: 'adopted', priority_id: priorityId });

    // The suggestion says what it became.
    await page.getByRole('link', { name: new RegExp(words.fromSuggestion) }).click();
    await expect.poll(() => page.getByRole('region', { name: t.item.given }).textContent()).toContain(t.suggestion.statuses.adopted);
    await expect.poll(() => page.getByRole('link', { name: title }).count()).toBe(1);

    const other = await staffPage(path, t, officer201);
    await other.getByLabel(t.inbox.status).selectOption('all');
    const listed = other.getByRole('region', { name: t.inbox.heading }).getByRole('status').first();
    await expect.poll(async () => (await listed.textContent()) !== t.inbox.loading).toBe(true);
    expect(await other.getByRole('link').filter({ hasText: problem }).count()).toBe(0);
    await go(other, `suggestion/${suggestionId}`);
    await expect.poll(() => other.getByText(t.item.notFound).count()).toBe(1);
    expect(await other.content()).not.toContain(problem);
  }, 120_000);

  it('the officer moves it through analysis, response and assessment with public updates, and closes it with an outcome', async () => {
    const page = await staffPage(path, t, officer101);
    await go(page, `priority/${priorityId}`);
    await expect.poll(() => heading(page)).toBe(title);
    const form = page.getByRole('region', { name: words.update.heading });
    const steps = [
      ['analysis', `Speed counts over a week: most drivers over the limit between 7 and 9 (${run}).`],
      ['response', `Enforcement at peak hours twice a week; a speed display sign is up (${run}).`],
      ['assessment', `Counts taken again: fewer drivers over the limit (${run}).`],
    ] as const;
    for (const [index, [stage, text]] of steps.entries()) {
      await form.getByLabel(words.update.stage).selectOption(stage);
      await form.getByLabel(words.update.text, { exact: true }).fill(text);
      await form.getByRole('button', { name: words.update.post }).click();
      // Each call's outcome, said once the priority as saved is on screen: the new stage and the update in its list.
      await expect.poll(() => page.getByTestId('priority-update-said').textContent()).toBe(`${format(words.update.stageSaved, { stage: stages[stage] })} ${words.update.posted}`);
      expect(await standing(page)).toContain(format(words.stageOf, { stage: stages[stage] }));
      expect(await page.getByTestId('priority-updates').getByRole('listitem').count()).toBe(index + 1);
      expect(await page.getByTestId('priority-updates').getByRole('listitem').last().textContent()).toContain(text);
      expect(await form.getByLabel(words.update.text, { exact: true }).inputValue()).toBe('');
    }
    const updates = await db.query(`select position, stage from public.priority_updates where priority_id = $1 order by position`, [priorityId]);
    expect(updates.rows).toEqual([
      { position: 0, stage: 'analysis' },
      { position: 1, stage: 'response' },
      { position: 2, stage: 'assessment' },
    ]);
    expect(await page.getByRole('region', { name: t.content.history.heading }).textContent()).toContain(officer101);

    // An outcome without its reason is refused beside the field.
    const close = page.getByRole('region', { name: words.close.heading });
    await close.getByLabel(words.close.result).selectOption('improved');
    await close.getByRole('button', { name: words.close.save }).click();
    await expect.poll(() => close.getByLabel(words.close.text).getAttribute('aria-invalid')).toBe('true');
    const why = `Speeding at the crossing fell by half; the display sign stays (${run}).`;
    await close.getByLabel(words.close.text).fill(why);
    await close.getByRole('button', { name: words.close.save }).click();
    await expect.poll(() => standing(page)).toContain(words.standing.closed);
    expect(await standing(page)).toContain(why);
    expect(await standing(page)).toContain(words.outcomes.improved);
    expect(await page.getByRole('region', { name: words.reopen.heading }).count()).toBe(1);
    expect(await page.getByRole('region', { name: words.update.heading }).count()).toBe(0);
    const closed = (await db.query(`select outcome, outcome_note, review_on, stage from public.priorities where priority_id = $1`, [priorityId])).rows[0];
    expect(closed).toEqual({ outcome: 'improved', outcome_note: why, review_on: null, stage: 'assessment' });
    if (lang === 'en') expect(await accessibilityViolations(page)).toEqual([]);

    // Reopened with a new review date, it is open again in the stage it ended in; closed again, as it ended.
    const reopen = page.getByRole('region', { name: words.reopen.heading });
    await reopen.getByRole('button', { name: words.reopen.save }).click();
    await expect.poll(() => reopen.getByLabel(words.reviewOn).getAttribute('aria-invalid')).toBe('true');
    await reopen.getByLabel(words.reviewOn).fill(localDay(14));
    await reopen.getByRole('button', { name: words.reopen.save }).click();
    await expect.poll(() => standing(page)).toContain(words.standing.current);
    expect(await standing(page)).toContain(format(words.stageOf, { stage: stages.assessment }));
    expect(await page.getByRole('region', { name: words.update.heading }).count()).toBe(1);
    await close.getByLabel(words.close.result).selectOption('improved');
    await close.getByLabel(words.close.text).fill(why);
    await close.getByRole('button', { name: words.close.save }).click();
    await expect.poll(() => standing(page)).toContain(words.standing.closed);

    // Listed among the closed ones, after the open ones.
    await go(page, 'content');
    const listed = page.getByTestId('priority-list').getByRole('listitem').filter({ hasText: title });
    await expect.poll(() => listed.textContent()).toContain(words.standing.closed);
    const all = await page.getByTestId('priority-list').getByRole('listitem').allTextContents();
    const firstClosed = all.findIndex((text) => text.includes(words.standing.closed));
    expect(all.slice(firstClosed).every((text) => text.includes(words.standing.closed))).toBe(true);
  }, 120_000);

  it('an open priority whose review date has passed is listed first, overdue in words, and its page says so', async () => {
    const overdue = `${priorityId}-late`;
    const lateTitle = `Graffiti on Larch Ave (${run} ${lang})`;
    await db.query(
      `insert into public.priorities (priority_id, title, description, beats, source, stage, opened_on, review_on, published)
       values ($1, $2, 'Tags along the underpass.', '{101}', 'analysis', 'response', $3, $4, true)`,
      [overdue, lateTitle, localDay(-60), localDay(-3)],
    );
    const page = await staffPage(path, t, officer101);
    await go(page, 'content');
    const items = page.getByTestId('priority-list').getByRole('listitem');
    await expect.poll(() => items.filter({ hasText: lateTitle }).count()).toBe(1);
    expect(await items.filter({ hasText: lateTitle }).textContent()).toContain(words.standing.overdue);
    // The demo's own may be overdue too: every one before it is, and none of the open ones after it.
    const all = await items.allTextContents();
    const at = all.findIndex((text) => text.includes(lateTitle));
    expect(all.slice(0, at).every((text) => text.includes(words.standing.overdue))).toBe(true);
    await items.filter({ hasText: lateTitle }).getByRole('link').click();
    await expect.poll(() => standing(page)).toContain(words.standing.overdue);
    expect(await standing(page)).toContain(words.overdueNotice.split('{date}')[0]!);
  }, 60_000);

  it('the beat-201 officer can neither open nor change it', async () => {
    const page = await staffPage(path, t, officer201);
    await go(page, 'content');
    await expect.poll(() => page.getByTestId('priority-list').count()).toBe(1);
    expect(await page.getByTestId('priority-list').textContent()).not.toContain(title);
    await go(page, `priority/${priorityId}`);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: words.notYours }).count()).toBe(1);
    expect(await page.getByRole('button', { name: words.reopen.save }).count()).toBe(0);

    // Nor through the data API, with the same session a workspace would hold.
    const client = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    await client.auth.signInWithPassword({ email: officer201, password: staffPassword });
    const { error } = await client.rpc('save_content', { kind: 'priority', item: { priority_id: priorityId, title: 'Not theirs' }, note: null, create: false });
    expect(error).not.toBeNull();
    const update = await client.rpc('save_content', {
      kind: 'priority_update',
      item: { priority_id: priorityId, position: 9, posted_on: localDay(0), stage: 'assessment', body: 'Not theirs', published: true },
      note: null,
      create: true,
    });
    expect(update.error).not.toBeNull();
    expect((await db.query(`select title from public.priorities where priority_id = $1`, [priorityId])).rows[0].title).toBe(title);
  }, 60_000);

  it('a report of a past beat-101 meeting links the priority as reviewed, and its date leaves the reports due', async () => {
    const page = await staffPage(path, t, officer101);
    await go(page, 'content');
    const due = page.getByRole('region', { name: words.due.heading });
    const entry = due.getByRole('listitem').filter({ hasText: meeting.title });
    await expect.poll(() => entry.count()).toBe(1);
    await entry.getByRole('link').click();
    await expect.poll(() => heading(page)).toContain(meeting.title);
    expect(new URL(page.url()).hash).toBe(`#report/${meeting.id}/${meeting.date}`);
    expect(await page.getByText(words.report.privacy).count()).toBe(1);

    await page.getByLabel(words.report.attendance).fill('23');
    await page.getByLabel(words.report.concerns, { exact: true }).fill('Speeding on Crane St\nBroken street light on Larch Ave');
    await page.getByRole('group', { name: words.report.reviewed }).getByLabel(title).check();
    await page.getByLabel(words.report.nextSteps, { exact: true }).fill('Speed counts again before the next meeting.');
    await page.getByLabel(t.content.published).check();
    if (lang === 'en') expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: words.report.save }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: t.content.saved }).count()).toBe(1);
    // What was saved is what the form now shows, made anew from the row, and its history.
    expect(await page.getByLabel(words.report.attendance).inputValue()).toBe('23');
    expect(await page.getByRole('group', { name: words.report.reviewed }).getByLabel(title).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: words.report.set }).getByLabel(title).isChecked()).toBe(false);
    expect(await page.getByRole('region', { name: t.content.history.heading }).textContent()).toContain(officer101);
    const report = (await db.query(`select attendance, concerns, priorities_reviewed, published from public.meeting_reports where meeting_id = $1 and occurrence_date = $2`, [meeting.id, meeting.date])).rows[0];
    expect(report).toEqual({ attendance: 23, concerns: ['Speeding on Crane St', 'Broken street light on Larch Ave'], priorities_reviewed: [priorityId], published: true });

    await go(page, 'content');
    await expect.poll(async () => (await due.textContent())?.includes(t.content.loading) === false).toBe(true);
    expect(await due.textContent()).not.toContain(meeting.title);
    // The meeting's page says the date has its report.
    await go(page, `meeting/${meeting.id}`);
    const past = page.getByTestId('past-date');
    await expect.poll(() => past.count()).toBe(1);
    expect(await past.textContent()).toContain(words.past.reported);
  }, 120_000);
});
