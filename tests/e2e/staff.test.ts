// The staff workspace (/staff) in Chromium, against the built site and the
// local stack, with the seeded demo staff accounts: an officer of beat 101
// (district 1), an officer of beat 201 (district 2) and a supervisor of
// district 1. What residents send reaches the officers of its beat, and only them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { takeTimeToWrite } from '../support/resident.ts';
import { signedInPage, signIn } from '../support/staffPages.ts';

const { url, anonKey, databaseUrl, staffPassword } = inject('stack');
const officer101 = 'officer.beat101@staff.alderbrook.example';
const officer201 = 'officer.beat201@staff.alderbrook.example';
const supervisor1 = 'supervisor.district1@staff.alderbrook.example';
const run = crypto.randomUUID().slice(0, 8);
const phone = { width: 360, height: 740 };
let browser: Browser;
const db = new pg.Client({ connectionString: databaseUrl });

beforeAll(async () => {
  browser = await launchBrowser();
  await db.connect();
});
afterAll(async () => {
  await browser?.close();
  await db.end();
});

async function openPage(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${url}${path}`);
  return page;
}

/** Signed in on /staff, with the inbox loaded. */
const staffPage = (email: string, path = '/staff', viewport?: { width: number; height: number }) => signedInPage(browser, email, path, viewport);

const inboxListed = (page: Page) => page.getByRole('status').filter({ hasText: /items? listed/ });

async function insertTip(description: string, beat: string): Promise<string> {
  const { rows } = await db.query(
    `insert into public.tips (category, description, beat, receipt_hash, idempotency_hash, receipt_sealed)
     values ('vandalism_graffiti', $1, $2, extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00') returning tip_id`,
    [description, beat],
  );
  return rows[0].tip_id;
}

describe('a resident’s tip in beat 101', () => {
  const description = `Motorbikes race round the car park every night, marker ${run}.`;
  const reply = `Thank you: patrols were added on weekend nights (${run}).`;
  let receipt = '';
  let tipId = '';

  beforeAll(async () => {
    const page = await openPage('/beats/101');
    await page.getByRole('link', { name: 'Report a concern in this beat' }).click();
    // (expect.poll is for tests; a hook waits with Playwright's own waiting.)
    await page.locator('button:enabled', { hasText: 'Send tip' }).waitFor();
    expect(await page.getByLabel('Beat', { exact: true }).inputValue()).toBe('101');
    await page.getByLabel('What is it about?').selectOption({ label: 'Noise' });
    await page.getByLabel('What happened?').fill(description);
    await takeTimeToWrite(page);
    await page.getByRole('button', { name: 'Send tip' }).click();
    await page.getByTestId('receipt').waitFor();
    receipt = ((await page.getByTestId('receipt').textContent()) ?? '').trim();
    tipId = (await db.query('select tip_id from public.tips where description = $1', [description])).rows[0].tip_id;
    await page.context().close();
  });

  it('reaches an officer of the beat, who replies publicly and closes it; the resident’s receipt shows the reply', async () => {
    const page = await staffPage(officer101);
    expect(await page.getByTestId('staff-role').textContent()).toBe('Officer');
    expect(await page.getByText('You see what residents sent in the beats your officer profile serves').textContent()).toContain('101');

    const link = page.getByRole('link', { name: new RegExp(`marker ${run}`) });
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await link.textContent()).toContain('Noise');

    // With the keyboard: the item opens with focus on its heading, and Escape brings focus back to its link.
    await link.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Tip: Noise');
    expect(new URL(page.url()).hash).toBe(`#tip/${tipId}`);
    expect(await page.getByText(description).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`staff-tip-${tipId}`);

    // The address keeps the item: a reload opens it again.
    await page.goto(`${url}/staff#tip/${tipId}`);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Tip: Noise' }).isVisible()).toBe(true);

    await page.getByLabel('Public reply').fill(reply);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Closed' });
    await page.getByLabel('Internal note').fill('Spoke to the car park owner.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('Saved.').isVisible()).toBe(true);
    const history = page.getByRole('region', { name: 'History' });
    await expect.poll(() => history.textContent()).toContain('Status: Received → Closed');
    expect(await history.textContent()).toContain(officer101);
    expect(await history.textContent()).toContain('Spoke to the car park owner.');
    expect(await history.textContent()).toContain(`Public reply: ${reply}`);

    const resident = await openPage('/tip/status');
    await expect.poll(() => resident.locator('astro-island[ssr]').count()).toBe(0);
    await resident.getByLabel('Receipt code').fill(receipt);
    await resident.getByRole('button', { name: 'Check status' }).click();
    await expect.poll(() => resident.getByRole('heading', { level: 2 }).first().textContent()).toBe('Closed');
    expect(await resident.getByText(reply).isVisible()).toBe(true);
  });

  it('never reaches an officer of another beat, even by its address; the district’s supervisor sees it', async () => {
    const page = await staffPage(officer201);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Any status' });
    await expect.poll(() => inboxListed(page).textContent()).toMatch(/listed/);
    expect(await page.getByRole('main').textContent()).not.toContain(`marker ${run}`);

    await page.goto(`${url}/staff#tip/${tipId}`);
    await expect.poll(() => page.getByText('There is no such item, or it is not in the beats you may see.').isVisible()).toBe(true);
    expect(await page.getByRole('main').textContent()).not.toContain(`marker ${run}`);

    // Nor through the API with the same session's rights.
    const client = createClient(url, anonKey, { auth: { persistSession: false } });
    await client.auth.signInWithPassword({ email: officer201, password: staffPassword });
    expect((await client.from('tips').select('tip_id').eq('tip_id', tipId)).data).toEqual([]);

    const supervisor = await staffPage(supervisor1);
    await supervisor.getByLabel('Status', { exact: true }).selectOption({ label: 'Any status' });
    await expect.poll(() => supervisor.getByRole('link', { name: new RegExp(`marker ${run}`) }).isVisible()).toBe(true);
  });
});

describe('what residents wrote', () => {
  it('is shown as text, and nothing in it runs', async () => {
    const hostile = `<img src=x onerror=alert(1)> and <script>alert(2)</script> on the wall (${run})`;
    const tipId = await insertTip(hostile, '101');
    const page = await staffPage(officer101);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await expect.poll(() => page.getByRole('link', { name: new RegExp(`on the wall \\(${run}\\)`) }).isVisible()).toBe(true);
    // In the list, as text.
    expect(await page.getByText(hostile, { exact: true }).count()).toBe(1);
    await page.getByRole('link', { name: new RegExp(`on the wall \\(${run}\\)`) }).click();
    // Opened, as text too, and no element is made from it.
    const item = page.getByRole('article');
    await expect.poll(() => item.textContent()).toContain(hostile);
    expect(new URL(page.url()).hash).toBe(`#tip/${tipId}`);
    expect(await item.locator('img, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

describe('a watch group’s registration', () => {
  it('is approved by an officer of its beat, after being told a request for changes needs a note, and is then listed publicly', async () => {
    const name = `Larch Lane Neighbours ${run}`;
    const { rows } = await db.query(
      `insert into public.watch_groups (name, beat, area, meeting_preference, expected_members, receipt_hash, idempotency_hash, receipt_sealed)
       values ($1, '101', '{"type":"Polygon","coordinates":[[[-88.26,41.10],[-88.25,41.10],[-88.25,41.11],[-88.26,41.10]]]}', 'weekends', 12,
               extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00')
       returning watch_group_id`,
      [name],
    );
    const groupId = rows[0].watch_group_id;
    await db.query(`insert into public.watch_members (watch_group_id, role, name, email, phone) values ($1, 'captain', 'Ana Ruiz', 'ana@example.org', '555-0100')`, [groupId]);
    const anon = createClient(url, anonKey, { auth: { persistSession: false } });
    const listed = async () => ((await anon.rpc('approved_watch_groups')).data as Array<{ name: string }>).some((group) => group.name === name);
    expect(await listed()).toBe(false);

    const page = await staffPage(officer101);
    await page.getByRole('link', { name: new RegExp(name) }).click();
    await expect.poll(() => page.getByRole('heading', { name: `Watch group: ${name}` }).isVisible()).toBe(true);
    const members = page.getByRole('region', { name: 'Captain and members' });
    expect(await members.textContent()).toContain('Ana Ruiz');
    expect(await members.textContent()).toContain('ana@example.org');

    await page.getByLabel('Ask the captain for changes').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Say what the captain should change.');
    expect(await page.getByLabel('Note to the captain').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel(/^Approve/).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('Saved.').isVisible()).toBe(true);
    expect(await listed()).toBe(true);
    expect(await page.getByRole('region', { name: 'History' }).textContent()).toContain('Status: Pending review → Approved');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the members as CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toContain('"Captain","Ana Ruiz","ana@example.org","555-0100"');
  });
});

describe('a business’s workshop request', () => {
  it('is confirmed for one of its preferred times and is put on the public calendar by the database, as the workspace says', async () => {
    const business = `Corner Grocery ${run}`;
    const { rows } = await db.query(
      `insert into public.workshop_requests (workshop, business_name, address, beat, latitude, longitude, contact_name, contact_email, contact_language,
                                             attendees, preferred_times, receipt_hash, idempotency_hash, receipt_sealed)
       values ('robbery-prevention', $1, '220 E Dunlin St', '101', 41.0997, -88.2573, 'Ana Ruiz', 'ana@example.org', 'es', 6,
               array['2027-03-02T00:30:00Z', '2027-03-09T00:30:00Z']::timestamptz[],
               extensions.gen_random_bytes(32), extensions.gen_random_bytes(32), '\\x00')
       returning workshop_request_id`,
      [business],
    );
    const requestId = rows[0].workshop_request_id;
    const page = await staffPage(officer101);
    await page.goto(`${url}/staff#workshop-request/${requestId}`);
    await expect.poll(() => page.getByRole('heading', { name: `Workshop request: ${business}` }).isVisible()).toBe(true);
    const calendar = page.getByRole('region', { name: 'On the public calendar' });
    expect(await calendar.textContent()).toContain('Once you confirm a date and time, the workshop is published on the public calendar by itself');

    await page.getByLabel('Confirm a date and time').check();
    expect(await page.getByText('Confirming puts the workshop on the public calendar with the business’s name and address and this time').isVisible()).toBe(true);
    // 18:30 in Alderbrook's zone on 1 March, whatever the browser's own zone.
    await page.getByLabel(/Mar 1, 2027, 6:30\s?PM \(asked for\)/).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('Saved.').isVisible()).toBe(true);
    const stored = await db.query('select status, confirmed_at from public.workshop_requests where workshop_request_id = $1', [requestId]);
    expect(stored.rows).toEqual([{ status: 'confirmed', confirmed_at: new Date('2027-03-02T00:30:00Z') }]);

    // The database made the meeting (the site here is built once, with no publisher: the workspace says what is published).
    const meetingId = `workshop-${requestId}`;
    const meeting = await db.query(
      'select kind, beats, district_id, venue_name, venue_address, venue_lon, venue_lat, schedule_start, schedule_duration_minutes, languages, published from public.meetings where meeting_id = $1',
      [meetingId],
    );
    expect(meeting.rows).toEqual([
      {
        kind: 'business',
        beats: ['101'],
        district_id: '1',
        venue_name: business,
        venue_address: '220 E Dunlin St',
        venue_lon: -88.2573,
        venue_lat: 41.0997,
        schedule_start: '2027-03-01T18:30',
        schedule_duration_minutes: 90,
        languages: ['es'],
        published: true,
      },
    ]);
    await expect.poll(() => calendar.textContent()).toMatch(new RegExp(`On the public calendar as ${business}, 220 E Dunlin St, Mar 1, 2027, 6:30\\sPM: published by itself within a few minutes`));
    expect(await calendar.getByRole('link', { name: 'See it among the meetings of beat 101' }).getAttribute('href')).toBe('/meetings/beats/101');
    expect(await page.getByRole('button', { name: /meeting file/ }).count()).toBe(0);

    await page.getByLabel('Decline, with a reason').check();
    await page.getByLabel('Reason', { exact: true }).fill('No officer is free that week.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => calendar.textContent()).toContain('Once you confirm a date and time, the workshop is published on the public calendar by itself');
    expect((await db.query('select 1 from public.meetings where meeting_id = $1', [meetingId])).rows).toEqual([]);
  });
});

describe('the inbox and the summary', () => {
  it('export what the officer can see as CSV, and count it per beat for the week', async () => {
    await insertTip(`=HYPERLINK("http://evil.example") tagged on the underpass (${run})`, '101');
    const page = await staffPage(officer101);
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Tips' });
    await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Vandalism or graffiti' });
    await expect.poll(() => page.getByRole('link', { name: new RegExp(`underpass \\(${run}\\)`) }).isVisible()).toBe(true);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download this list as CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF"Kind","Id","Received","Beat","Status","Category","Name","What was written","Place or address","Assigned to","Status last changed"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"") tagged on the underpass (${run})"`);
    expect(csv).not.toContain('Noise');

    await page.getByRole('link', { name: 'Weekly summary by beat' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /^Beat 101 · \d+ items$/ }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Tips' }).first().textContent()).toContain('Vandalism or graffiti');
    expect(await page.getByRole('main').textContent()).not.toContain('Beat 201');
  });
});

describe('signing in', () => {
  it('refuses a wrong password and an unknown address with the same words', async () => {
    const answer = async (email: string, password: string) => {
      const page = await openPage('/staff');
      await signIn(page, email, password);
      await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
      return page.getByRole('alert').textContent();
    };
    const wrongPassword = await answer(officer101, 'not the password');
    expect(wrongPassword).toBe('That email address and password do not match an account. Check both and try again.');
    expect(await answer(`nobody-${run}@staff.alderbrook.example`, staffPassword)).toBe(wrongPassword);
  });

  it('tells an account without a role, or whose role was withdrawn, that it has no access yet, and whom to ask', async () => {
    const account = async (name: string) =>
      (
        await db.query(`insert into auth.users (email, encrypted_password) values ($1, extensions.crypt($2, extensions.gen_salt('bf', 4))) returning id, email`, [
          `${name}-${run}@staff.alderbrook.example`,
          staffPassword,
        ])
      ).rows[0] as { id: string; email: string };
    const newcomer = await account('new.officer');
    const leaver = await account('former.officer');
    await db.query(`insert into public.staff_members (user_id, role, officer_slug, active) values ($1, 'officer', 'michael-delgado', false)`, [leaver.id]);
    for (const { email } of [newcomer, leaver]) {
      const page = await openPage('/staff');
      await signIn(page, email);
      await expect.poll(() => page.getByRole('heading', { name: 'You have no access yet' }).isVisible()).toBe(true);
      expect(await page.getByRole('main').textContent()).toContain('Ask a coordinator of the department');
      expect(await page.getByRole('heading', { name: 'Inbox' }).count()).toBe(0);
    }
  });

  it('lasts for one browser tab, and ends with signing out: a reload shows the sign-in form again', async () => {
    const page = await staffPage(officer101);
    // On a shared computer another tab (or the next person's) starts signed out.
    const otherTab = await page.context().newPage();
    await otherTab.goto(`${url}/staff`);
    await expect.poll(() => otherTab.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  });

  it('is a page search engines are asked to leave alone, with a discreet link in every footer, in Spanish too', async () => {
    const page = await openPage('/es');
    await page.locator('footer').getByRole('link', { name: 'Acceso del personal' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Iniciar sesión' }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toMatch(/^\/es\/staff\/?$/);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
  });
});

describe('the jurisdiction’s beats, officers and workshops', () => {
  const officers = readdirSync('src/content/officers').map(
    (file) => JSON.parse(readFileSync(path.join('src/content/officers', file), 'utf8')) as { name: string; beats: string[]; district?: string },
  );
  const beat101 = officers.filter((officer) => officer.beats.includes('101')).map((officer) => officer.name);
  const district1 = officers.filter((officer) => officer.district === '1').map((officer) => officer.name);
  const district2 = officers.filter((officer) => officer.district === '2').map((officer) => officer.name);
  const contentRequests = (page: Page) => {
    const requests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/staff/content.json') requests.push(request.url());
    });
    return requests;
  };

  it('are not in the sign-in page, are downloaded only once someone signs in, and offer a tip to its beat’s and district’s officers', async () => {
    expect(beat101.length * district1.length * district2.length).toBeGreaterThan(0);
    const html = readFileSync(path.join(inject('distDir'), 'staff', 'index.html'), 'utf8');
    for (const { name } of officers) expect(html).not.toContain(name);

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const requests = contentRequests(page);
    await page.goto(`${url}/staff`);
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(requests).toEqual([]);

    const tipId = await insertTip(`Bins set alight behind the library (${run}).`, '101');
    await signIn(page, officer101);
    await expect.poll(() => page.getByRole('heading', { name: 'Inbox' }).isVisible()).toBe(true);
    expect(requests).toHaveLength(1);
    await page.goto(`${url}/staff#tip/${tipId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Tip: Vandalism or graffiti' }).isVisible()).toBe(true);
    const offered = await page.getByLabel('Assigned to').locator('option').allTextContents();
    expect(offered).toEqual(expect.arrayContaining([...beat101, ...district1]));
    for (const name of district2) expect(offered).not.toContain(name);
  });

  it('say they are on their way, say so if they do not arrive, and are asked for again on request', async () => {
    const page = await openPage('/staff');
    const requests = contentRequests(page);
    let answer: (how: 'abort' | 'continue') => void = () => {};
    const first = new Promise<'abort' | 'continue'>((resolve) => (answer = resolve));
    let held = true;
    await page.route('**/staff/content.json', async (route) => {
      if (!held) return route.continue();
      held = false;
      return (await first) === 'abort' ? route.abort() : route.continue();
    });
    await signIn(page, officer101);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Loading the beats, officers and workshops' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);

    answer('abort');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The beats, officers and workshops could not be loaded. Check your connection and try again.');
    expect(await page.getByRole('heading', { name: 'Inbox' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Inbox' }).isVisible()).toBe(true);
    expect(await page.getByText('You see what residents sent in the beats your officer profile serves').textContent()).toContain('101');
    expect(requests).toHaveLength(2);
  });
});

describe('accessibility of the workspace on a phone', () => {
  it('has no WCAG 2.2 AA violations on the sign-in form, with its errors, the inbox, an open item and the summary', async () => {
    const page = await openPage('/staff', phone);
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await signIn(page, officer101);
    await expect.poll(() => inboxListed(page).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    const tipId = await insertTip(`Spray paint on the bus shelter on Dunlin St (${run}).`, '101');
    await page.goto(`${url}/staff#tip/${tipId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Tip: Vandalism or graffiti' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('region', { name: 'A repeat of another tip?' }).getByRole('combobox').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${url}/staff#summary`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Received from' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
