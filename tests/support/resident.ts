// What a resident's pace looks like to a form: a few seconds between the page
// appearing and pressing Send (the tip form refuses faster, as bots are).
import type { Page } from 'playwright-core';

export async function takeTimeToWrite(page: Page): Promise<void> {
  await page.waitForTimeout(2_600);
}
