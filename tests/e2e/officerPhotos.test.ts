// An officer adds their photo in the workspace, in Chromium, on a stack of its
// own that publishes as `npm start` does: a file that is not an image is
// refused with a reason; a wide photo is cropped to a centred square and sent
// as 400×400 WebP; saving asks for its description first; and with no command
// run, the officer's page shows the photo from the site's own origin. The editor
// with its photo passes axe. Waits are
// bounds on a hang (a build on a busy two-core machine), never timings.
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { publishingSite, type PublishingSite } from '../support/publishingSite.ts';
import { signIn } from '../support/staffPages.ts';

const publishBound = { timeout: 150_000, interval: 1_000 };
let site: PublishingSite;
let stack: PublishingSite['stack'];
let browser: PublishingSite['browser'];

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

beforeAll(async () => {
  site = await publishingSite('photos');
  ({ stack, browser } = site);
}, 300_000);
afterAll(() => site?.close());

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
