// `npm run bench`: every budget of ../shared/DESIGN.md as a figure, measured
// in one run on this machine so that ratios between figures hold however
// noisy it is. Progress goes to stderr; the tables to stdout; the figures to
// tests/bench/results/<date>.json and latest.json. A figure over its budget is
// reported, never a failure: the exit code is non-zero only when something
// could not be measured at all.
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { startTestStack, temporaryDataDir } from '../support/testStack.ts';
import { importCity, measuredBuild, waitForOtherBuilds } from './build.ts';
import { budgets } from './budgets.ts';
import { demoContent, writeLargeCities, type BenchCity } from './cities.ts';
import { startCompressingFront } from './compressingFront.ts';
import { answerCost, browserQueryTimes, lookupTimes, postalLine, venueAddresses, type Query } from './finder.ts';
import { lighthouseAll } from './lighthouse.ts';
import { languagePrefixes, pageTypes, type PageType } from './pageTypes.ts';
import { pageWeight } from './pageWeight.ts';
import { formatResults, writeResults, type BenchResults } from './report.ts';
import { serveStatic } from './staticSite.ts';
import { measurePublish } from './publishTime.ts';
import { measureWritePath } from './writePath.ts';
import { measureMail } from './mail.ts';
import { measureAlerts } from './alerts.ts';

// The whole bench must stay under 15 minutes: the 10x build, the longest step by far, comes
// last and gets what the rest leaves of 14.
const deadline = Date.now() + 14 * 60_000;

const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();
const startedAt = new Date();
const results: BenchResults = {
  date: startedAt.toISOString().slice(0, 10),
  startedAt: startedAt.toISOString(),
  totalSeconds: 0,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.versions.node, platform: `${process.platform}-${process.arch}` },
  budgets,
  builds: [],
  growth: [],
  pages: [],
  finder: [],
  lighthouse: [],
  writePath: [],
  publishes: [],
  mail: [],
  alerts: [],
  notMeasured: [],
  notes: [
    'Compressed sizes: gzip level 9 and brotli quality 11, as a static host precompresses; KB = 1,024 bytes.',
    'Builds run while the bench\'s own local stack runs, as under `npm start` (each city is first imported into its database, as `openbeat import content` does, and the build reads the city and approved watch groups from it; the import is not timed).',
    'Pages and Lighthouse go through the local gateway (its headers, its API) behind a front that compresses text as a static host does.',
    'Save to live: a stack of its own per city publishing as `npm start` does (the publish Edge Function under deno, 2 s of quiet, then astro build and an atomic switch); a meeting\'s title changed with SQL, timed from its commit until the beat\'s page is served with it.',
    'Mail: messages queued in one transaction (staff notices, the template alerts will share the path with), sent by the send-mail Edge Function under deno as the stack calls it when notified, to the local SMTP catcher; timed from the commit until the catcher has kept the last.',
    'Beat alerts: confirmed subscribers of beat 101 made in SQL, a date of a beat-101 meeting cancelled, then its publish recorded as published (finish_publish_requests, as a build pipeline reports it), which composes every alert in one insert ... select into the outbox; timed from that call until the local catcher has kept the last alert, and each subscriber\'s messages counted.',
    'Write path: each simulated resident sends from a loopback address of its own (127.0.x.y), as the budget means; the last row sends from one address (many people behind one NAT). A tip is two requests timed together: a proof-of-work challenge, solved, then the tip with its answer; challenges are made small (max_number 1,000) and the site\'s ceilings and the edge\'s per-address limits raised in the bench\'s throwaway stack only.',
  ],
};
let failed = false;

/** Runs one measurement; if it breaks, says what could not be measured and goes on with the rest. */
async function measure<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    failed = true;
    const why = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    results.notMeasured.push({ what, why });
    log(`  ✖ ${what}: ${why}`);
    if (process.env.OPENBEAT_DEBUG) console.error(error);
    return undefined;
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'openbeat-bench-'));
const stackDir = temporaryDataDir();
const dist = (city: BenchCity) => path.join(work, `dist-${city.key}`);
let browser: Browser | undefined;
const closers: Array<() => Promise<void>> = [];

try {
  log('Writing the Chicago-sized and 10x jurisdictions…');
  const cities = [demoContent(), ...(await writeLargeCities(work))];

  log('Starting a throwaway local stack…');
  const { info: stack, stop } = await startTestStack(stackDir, dist(cities[0]!));
  closers.push(stop);

  // 1. Builds, one at a time, never beside another build on this machine.
  const built: BenchCity[] = [];
  const build = async (city: BenchCity, timeoutMs?: number) => {
    log(`Building ${city.name}…`);
    await measure(`build of ${city.name}`, async () => {
      const waited = await waitForOtherBuilds(log, { patienceMs: Math.max(60_000, deadline - Date.now() - 60_000) });
      try {
        await importCity(city.content, stack.databaseUrl);
        const figures = await measuredBuild({ content: city.content, outDir: dist(city), dataDir: stackDir, api: stack.url, timeoutMs });
        results.builds.push({ city, build: figures, waitedForOtherBuildsSeconds: waited });
        built.push(city);
        log(`  ${figures.seconds.toFixed(1)} s`);
      } catch (error) {
        if (timeoutMs && /was stopped after/.test((error as Error).message)) {
          // Too slow for the bench's time: a figure ("more than"), not a failure to measure.
          results.notMeasured.push({
            what: `build of ${city.name}`,
            why: `stopped after ${Math.round(timeoutMs / 1000)} s to keep the bench under 15 minutes: it takes longer than that`,
          });
          return;
        }
        throw error;
      }
    });
  };
  const [demoCity, chicago, tenfold] = cities as [BenchCity, BenchCity, BenchCity];
  await build(demoCity);
  await build(chicago);

  // 1b. Save → live: a one-meeting change published by a stack of its own, as under `npm start`.
  for (const city of [demoCity, chicago]) {
    log(`Save to live, ${city.name}…`);
    await waitForOtherBuilds(log);
    const figures = await measure(`save to live, ${city.name}`, () => measurePublish(city));
    if (figures) {
      results.publishes.push(figures);
      log(`  ${figures.saveToLiveSeconds.toFixed(1)} s (build ${figures.buildSeconds.toFixed(1)} s)`);
    }
  }
  // What follows (pages served by the stack, the write path) runs on the demo city, as a new stack holds it.
  await importCity(demoCity.content, stack.databaseUrl);

  // 3, in Node: the geocoder and the beat lookup on each jurisdiction's built files.
  const queries = new Map<string, Query[]>();
  const nodeLookups = async (city: BenchCity) => {
    log(`Finder lookups in Node, ${city.name}…`);
    await measure(`finder lookups, ${city.name}`, async () => {
      const addresses = venueAddresses(city.content);
      const lines = addresses.map((address) => postalLine(address, city.content));
      const { times, queries: found } = await lookupTimes(dist(city), addresses, lines);
      results.finder.push({ city: city.name, lookup: times });
      queries.set(city.key, found);
    });
  };
  for (const city of built) await nodeLookups(city);

  const front = await startCompressingFront(stack.url);
  closers.unshift(front.close);
  const demo = built.find((city) => city.key === 'demo');
  const { pages, missing } = demo ? pageTypes(dist(demo)) : { pages: [] as PageType[], missing: [] as string[] };
  for (const type of missing) {
    results.notMeasured.push({ what: `page type "${type}"`, why: 'the built demo site has no such page (yet)' });
    if (type !== 'staff sign-in') failed = true;
  }

  if (demo) {
    browser = await launchBrowser();
    // 2. Page weights, both languages.
    for (const prefix of languagePrefixes(demo.content)) {
      const language = prefix.slice(1) || 'en';
      log(`Page weights, ${language}…`);
      for (const page of pages) {
        const url = `${prefix}${page.path === '/' && prefix ? '' : page.path}`;
        const weight = await measure(`page weight of ${url}`, () => pageWeight(browser!, front.url, { type: page.type, path: url }));
        if (weight) results.pages.push({ ...weight, language });
      }
    }

    // 3, in the browser: the answer's cost and the time per query.
    for (const city of built) {
      const cityQueries = queries.get(city.key) ?? [];
      if (cityQueries.length === 0) continue;
      log(`Finder in Chromium, ${city.name}…`);
      const site = city.key === 'demo' ? { url: front.url, close: async () => {} } : await serveStatic(dist(city));
      try {
        const entry = results.finder.find((row) => row.city === city.name)!;
        entry.answer = await measure(`finder answer, ${city.name}`, () => answerCost(browser!, site.url, cityQueries[0]!));
        entry.browserQueries = await measure(`finder queries in the browser, ${city.name}`, () => browserQueryTimes(browser!, site.url, cityQueries));
      } finally {
        await site.close();
      }
    }
    await browser.close();
    browser = undefined;

    // 4. Lighthouse, one page of each type.
    log('Lighthouse…');
    results.lighthouse = (await measure('Lighthouse', () => lighthouseAll(front.url, pages, log))) ?? [];
  }

  // 5. The write path.
  log('Write path under load…');
  results.writePath = (await measure('write path', () => measureWritePath(stack, { log }))) ?? [];
  log('Mail to the local catcher…');
  results.mail = (await measure('mail to the local catcher', async () => [await measureMail(stack, 1_000), await measureMail(stack, 10_000)])) ?? [];
  log('Beat alerts after a publish…');
  results.alerts = (await measure('beat alerts after a publish', async () => [await measureAlerts(stack, 10_000)])) ?? [];

  // 1, continued: ten times Chicago, in the time that is left.
  const left = deadline - Date.now() - 60_000;
  if (left < 60_000) {
    results.notMeasured.push({ what: `build of ${tenfold.name}`, why: "no time left of the bench's 15 minutes" });
  } else {
    await build(tenfold, left);
    if (built.includes(tenfold)) await nodeLookups(tenfold);
  }
  const buildOf = (key: BenchCity['key']) => results.builds.find((entry) => entry.city.key === key);
  for (const [from, to] of [['demo', 'chicago'], ['chicago', 'chicago10x']] as const) {
    const [a, b] = [buildOf(from), buildOf(to)];
    if (!a || !b) continue;
    results.growth.push({
      from: a.city.name,
      to: b.city.name,
      contentFactor: b.city.counts.beats / a.city.counts.beats,
      timeFactor: b.build.seconds / a.build.seconds,
      memoryFactor: b.build.treeRss / Math.max(1, a.build.treeRss),
    });
  }
} catch (error) {
  failed = true;
  results.notMeasured.push({ what: 'the rest of the bench', why: error instanceof Error ? error.message : String(error) });
  log(`✖ ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await browser?.close().catch(() => undefined);
  for (const close of closers) await close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
  rmSync(stackDir, { recursive: true, force: true });
}

results.totalSeconds = (performance.now() - started) / 1000;
const files = writeResults(results, fileURLToPath(new URL('./results', import.meta.url)));
console.log(formatResults(results));
console.log(`\nFigures written to ${files.map((file) => path.relative(process.cwd(), file)).join(' and ')}`);
process.exitCode = failed ? 1 : 0;
