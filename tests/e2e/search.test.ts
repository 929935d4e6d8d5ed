// Search over the static index, in Chromium, in both languages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const { url } = inject('stack');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function search(page: string, query: string): Promise<string[]> {
  const tab = await (await browser.newContext()).newPage();
  await tab.goto(`${url}${page}`);
  await tab.getByRole('searchbox').fill(query);
  await tab.getByRole('searchbox').press('Enter');
  await expect.poll(async () => (await tab.getByRole('status').textContent()) ?? '').not.toBe('');
  return tab.locator('#search-results a').allTextContents();
}

describe('search', () => {
  it('finds an officer by name', async () => {
    const officer = JSON.parse(readFileSync(path.resolve('src/content/officers/michael-delgado.json'), 'utf8')) as { name: string };
    expect(await search('/search', officer.name)).toContain(`Officer ${officer.name}`);
  });

  it('finds a guide by a word that is only in its body', async () => {
    // The situational crime prevention guide speaks of guardianship only in its text, and no other page does.
    const guide = readFileSync(path.resolve('src/content/guides/situational-crime-prevention.mdx'), 'utf8');
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---([\s\S]*)$/.exec(guide) ?? [];
    expect(frontmatter).not.toMatch(/guardianship/i);
    expect(body).toMatch(/guardianship/i);
    const title = /^title: (.*)$/m.exec(frontmatter)?.[1] ?? '';
    expect(await search('/search', 'guardianship')).toContain(title);
  });

  it('searches the Spanish pages from the Spanish search page', async () => {
    const titles = await search('/es/search', 'estafas');
    expect(titles.length).toBeGreaterThan(0);
  });
});
