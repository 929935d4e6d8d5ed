// A stack of a test file's own that publishes as `npm start` does, with a
// browser beside it: for browser tests whose changes must reach the built
// site with no command run, and which change content other files read.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { projectRoot } from '../../supabase/local/paths.ts';
import { launchBrowser } from './browser.ts';
import { startTestStack, temporaryDataDir } from './testStack.ts';

export interface PublishingSite {
  stack: Awaited<ReturnType<typeof startTestStack>>;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the stack and its first publish, and the browser; `name` names its temporary folder. */
export async function publishingSite(name: string): Promise<PublishingSite> {
  const dataDir = temporaryDataDir();
  const work = await mkdtemp(path.join(tmpdir(), `openbeat-${name}-`));
  // Guides and streets are read from a folder: a copy of the demo's, for an Astro cache of these builds' own.
  const folder = path.join(work, 'content');
  await cp(path.join(projectRoot, 'src/content'), folder, { recursive: true });
  const [stack, browser] = await Promise.all([
    startTestStack(dataDir, undefined, { sitesDir: path.join(dataDir, 'sites'), env: { OPENBEAT_CONTENT: folder }, quietMs: 1_000 }),
    launchBrowser(),
  ]);
  const first = await stack.stack.publisher!.first;
  expect(first.outcome, first.problems.join('\n')).toBe('published');
  return {
    stack,
    browser,
    async close() {
      await browser.close();
      await stack.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}
