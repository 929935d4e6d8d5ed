// What a first visit to a page downloads, in Chromium on a phone-sized
// screen with an empty cache: every request until the network is quiet, and
// the HTML, CSS and JS among them, raw and compressed.
import type { Browser, Page } from 'playwright-core';
import { add, noSizes, sizesOf, type Sizes } from './compress.ts';
import type { PageType } from './pageTypes.ts';

export interface LoadedFile {
  url: string;
  kind: 'html' | 'css' | 'js' | 'other';
  sizes: Sizes;
}

export interface PageWeight {
  type: string;
  url: string;
  requests: number;
  html: Sizes;
  css: Sizes;
  js: Sizes;
  /** Everything else the first load fetched: data, images, fonts. */
  other: Sizes;
  total: Sizes;
}

export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Records every response of a page with its size, from now on. */
export function recordResponses(page: Page, base: string) {
  const files: Array<Promise<LoadedFile>> = [];
  let requests = 0;
  page.on('request', () => requests++);
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const kind = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' ? 'js' : 'other';
    const url = response.url().replace(base, '');
    files.push(response.body().then((body) => ({ url, kind, sizes: sizesOf(body) }), () => ({ url, kind, sizes: noSizes() })));
  });
  return {
    requests: () => requests,
    /** The files so far; later ones are left for the next call. */
    take: async (from = 0) => (await Promise.all(files)).slice(from),
  };
}

export function sum(files: LoadedFile[], kind?: LoadedFile['kind']): Sizes {
  return files.filter((file) => !kind || file.kind === kind).reduce((total, file) => add(total, file.sizes), noSizes());
}

export async function pageWeight(browser: Browser, base: string, { type, path }: PageType): Promise<PageWeight> {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    const recorder = recordResponses(page, base);
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const files = await recorder.take();
    return {
      type,
      url: path,
      requests: recorder.requests(),
      html: sum(files, 'html'),
      css: sum(files, 'css'),
      js: sum(files, 'js'),
      other: sum(files, 'other'),
      total: sum(files),
    };
  } finally {
    await context.close();
  }
}
