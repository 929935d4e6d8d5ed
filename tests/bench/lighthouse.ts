// Lighthouse with its default (mobile) settings on one page of each type,
// driving Debian's Chromium. The browser may resolve only the local host, so
// nothing in a run can reach the internet, whatever a page or Chromium tries.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../support/browser.ts';
import type { PageType } from './pageTypes.ts';

export interface LighthouseFigures {
  type: string;
  url: string;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  /** Audits that cost points outside performance, so a score below budget says why. */
  failing: string[];
  /** Lighthouse's own warnings (e.g. a slow host machine), if any. */
  warnings: string[];
}

export async function lighthouseAll(base: string, pages: PageType[], log: (line: string) => void): Promise<LighthouseFigures[]> {
  const browser = await startChromium();
  try {
    const results: LighthouseFigures[] = [];
    for (const page of pages) {
      results.push(await audit(browser.port, base, page));
      log(`  lighthouse ${page.type}: done`);
    }
    return results;
  } finally {
    await browser.stop();
  }
}

async function audit(port: number, base: string, { type, path: pagePath }: PageType): Promise<LighthouseFigures> {
  const result = await lighthouse(`${base}${pagePath}`, {
    port,
    hostname: '127.0.0.1',
    logLevel: 'error',
    output: 'json',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${pagePath}`);
  const { categories, audits, runWarnings, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse on ${pagePath}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (id: string) => (categories[id]?.score == null ? null : Math.round(categories[id].score * 100));
  const numeric = (id: string) => audits[id]?.numericValue ?? null;
  const failing = ['accessibility', 'best-practices', 'seo'].flatMap((category) =>
    (categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => {
        const reason = firstReason(audits[ref.id]?.details);
        return `${category}: ${ref.id}${reason ? ` (${reason})` : ''}`;
      }),
  );
  return {
    type,
    url: pagePath,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    failing,
    // One browser serves every run, so the previous page's IndexedDB is there when Lighthouse
    // starts, and it says so; it clears the origin's storage before loading, so the figures stand.
    warnings: runWarnings.map(String).filter((warning) => !/stored data affecting loading performance/.test(warning)),
  };
}

/** The first reason an audit's details give for failing (e.g. hreflang's "Relative href value"). */
function firstReason(details: unknown): string | undefined {
  const items = (details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
  for (const item of items) {
    if (typeof item.reason === 'string') return item.reason;
    const nested = firstReason(item.subItems);
    if (nested) return nested;
  }
  return undefined;
}

/** Chromium with a DevTools port for Lighthouse to drive, and no way out to the network. */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'openbeat-lighthouse-'));
  const child = spawn(
    chromiumPath,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-domain-reliability',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--no-first-run',
      '--no-default-browser-check',
      '--metrics-recording-only',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium (${chromiumPath}) gave no DevTools port in 30 s:\n${output}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium (${chromiumPath}) stopped at start (exit ${code}):\n${output}`));
    });
  });
  return {
    port,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      kill();
      process.off('exit', kill);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
