// Staff run the site from the workspace, in Chromium, on a stack of its own
// that publishes as `npm start` does: a coordinator cancels the next beat-101
// meeting with a reason, and with no command run the beat's page, the
// meetings page and the beat's calendar feed say so; a supervisor of
// district 1 adds an officer to beat 102, and the finder's answer for beat
// 102 names them; an officer of beat 201 cannot change beat 101's meeting;
// an officer adds their photo (a file that is no image refused, a wide photo
// cropped to a centred square 400×400 WebP, its description asked for) and
// their page shows it from the site's own origin. One publishing stack for
// all of them: each build is a few seconds of both cores. Waits are bounds on a hang (a build on a busy two-core machine), never timings.
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { clientOccurrences } from '../support/icsReader.ts';
import { publishingSite, type PublishingSite } from '../support/publishingSite.ts';
import { signIn } from '../support/staffPages.ts';

const publishBound = { timeout: 150_000, interval: 1_000 };
let site: PublishingSite;
let stack: PublishingSite['stack'];
let browser: PublishingSite['browser'];

beforeAll(async () => {
  site = await publishingSite('editing');
  ({ stack, browser } = site);
}, 300_000);
afterAll(() => site?.close());

const text = async (address: string) => {
  const response = await fetch(`${stack.info.url}${address}`);
  return response.ok ? response.text() : '';
};

async function workspace(email: string, hash: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${stack.info.url}/staff`);
  await signIn(page, email, stack.info.staffPassword);
  await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
  await page.evaluate((to) => (location.hash = to), hash);
  return page;
}

describe('editing content in the workspace', () => {
  it('a coordinator cancels the next beat-101 meeting, and the beat page, the meetings page and the calendar feed show it, with no command run', async () => {
    const reason = `The community center is closed for repairs (${crypto.randomUUID().slice(0, 6)})`;
    const now = new Date();
    const inAYear = new Date(now.getTime() + 366 * 86_400_000);
    // The beat's feed lists its district's meetings too: the beat meeting's dates are those named so.
    const beatMeeting = async () => clientOccurrences(await text('/calendar/beats/101.ics'), now, inAYear).filter((occurrence) => occurrence.summary === 'Beat 101 community meeting');
    const before = await beatMeeting();
    expect(before.length).toBeGreaterThan(1);

    const page = await workspace('coordinator@staff.alderbrook.example', '#inbox');
    await page.getByRole('link', { name: 'Site content' }).click();
    await page.getByRole('link', { name: 'Beat 101 community meeting' }).click();
    const next = page.getByTestId('occurrence').first();
    await next.getByRole('button', { name: 'Cancel this date' }).click();
    await next.getByLabel('Reason, shown to residents').fill(reason);
    await next.getByRole('button', { name: 'Cancel this date' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved:' }).textContent()).toContain('cancelled on the site');
    // What was saved is on screen when "Saved" is said: the date struck out with its reason, and the history.
    expect(await page.getByTestId('occurrence').first().textContent()).toContain(reason);
    expect(await page.getByRole('region', { name: 'History' }).textContent()).toContain('coordinator@staff.alderbrook.example');
    expect(await accessibilityViolations(page)).toEqual([]);

    await expect.poll(() => text('/beats/101/'), publishBound).toContain(reason);
    expect(await text('/meetings/')).toContain(reason);
    const after = await beatMeeting();
    expect(after.map((occurrence) => occurrence.start)).not.toContain(before[0]!.start);
    expect(after[0]!.start).toBe(before[1]!.start);

    // Undone from the history, and the date is back on the site.
    await page.getByRole('button', { name: /^Undo the change of/ }).first().click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Undone.' }).count()).toBe(1);
    await expect.poll(() => text('/beats/101/'), publishBound).not.toContain(reason);
  }, 400_000);

  it('a supervisor of district 1 adds an officer to beat 102, and the finder’s answer for beat 102 names them', async () => {
    const name = `Jordan Okafor ${crypto.randomUUID().slice(0, 4)}`;
    const slug = `jordan-okafor-${crypto.randomUUID().slice(0, 6)}`;
    const page = await workspace('supervisor.district1@staff.alderbrook.example', '#content');
    await page.getByRole('link', { name: 'Add an officer' }).click();
    // A form sent half-filled names what is missing, beside each field.
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Please correct the following');
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Address of their page').fill(slug);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Rank').fill('Officer');
    await page.getByRole('group', { name: 'Beats served' }).getByLabel('102').check();
    await page.getByLabel('Show on the site').check();
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await expect.poll(() => page.locator('#content-editor-heading').textContent()).toBe(name);
    expect(new URL(page.url()).hash).toBe(`#officer/${slug}`);

    await expect.poll(() => text('/beats/102/'), publishBound).toContain(name);
    const finder = await (await browser.newContext()).newPage();
    await finder.goto(`${stack.info.url}/find?beat=102`);
    await expect.poll(() => finder.getByRole('region', { name: /Beat 102/ }).textContent()).toContain(name);
  }, 400_000);

  it('an officer of beat 201 is refused beat 101’s meeting, and sees only their own meetings listed', async () => {
    const page = await workspace('officer.beat201@staff.alderbrook.example', '#content');
    await expect.poll(() => page.getByRole('region', { name: 'Meetings' }).textContent()).toContain('Beat 201');
    expect(await page.getByRole('region', { name: 'Meetings' }).textContent()).not.toContain('Beat 101 community meeting');

    await page.evaluate(() => (location.hash = 'meeting/beat-101'));
    const next = page.getByTestId('occurrence').filter({ has: page.getByRole('button', { name: 'Cancel this date' }) }).first();
    await next.getByRole('button', { name: 'Cancel this date' }).click();
    await next.getByLabel('Reason, shown to residents').fill('Not mine to cancel');
    await next.getByRole('button', { name: 'Cancel this date' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('outside what your role may change');
    expect(await next.textContent()).not.toContain('Cancelled');
  }, 60_000);
});

// officer.beat101's own profile (supabase/seed.sql)
const officer = 'michael-delgado';

/** A PNG `width`×`height`, red on the left half and blue on the right: a centred square crop keeps both. */
function widePng(width: number, height: number): Buffer {
  const crc = (bytes: Buffer) => {
    let c = ~0;
    for (const byte of bytes) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), ...Array.from({ length: width }, (_, x) => Buffer.from(x < width / 2 ? [200, 30, 30] : [30, 30, 200]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

describe('an officer’s photo from the workspace', () => {
  it('is refused when it is no image, cropped and resized when it is, needs its description, and shows on the officer’s page', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${stack.info.url}/staff`);
    await signIn(page, 'officer.beat101@staff.alderbrook.example', stack.info.staffPassword);
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await page.evaluate((to) => (location.hash = to), `#officer/${officer}`);
    const chooser = page.getByLabel('Choose a photo');
    await expect.poll(() => chooser.isVisible()).toBe(true);

    await chooser.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
    await expect.poll(() => page.getByText('This file is not an image').isVisible()).toBe(true);

    await chooser.setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: widePng(900, 600) });
    await expect.poll(() => page.getByText('The photo is ready').isVisible()).toBe(true);
    const preview = page.getByRole('img', { name: 'The photo as the page will show it' });
    expect(await preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight, img.src.slice(0, 16)])).toEqual([400, 400, 'data:image/webp;']);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A photo without its description is not saved.
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await expect.poll(() => page.getByLabel('Description of the photo (needed with a photo)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Description of the photo (needed with a photo)').fill('Officer Michael Delgado in uniform');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Remove the photo' }).isVisible()).toBe(true);

    // Published with no command run: the page shows it from the site's own origin, as the square WebP uploaded.
    const site = await (await browser.newContext()).newPage();
    await expect
      .poll(async () => {
        await site.goto(`${stack.info.url}/officers/${officer}/`);
        return site.getByRole('img', { name: 'Officer Michael Delgado in uniform' }).count();
      }, publishBound)
      .toBe(1);
    const photo = site.getByRole('img', { name: 'Officer Michael Delgado in uniform' });
    const src = (await photo.getAttribute('src'))!;
    expect(src).toMatch(/^\/_astro\/.+\.webp$/);
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(400);
  }, 400_000);
});
