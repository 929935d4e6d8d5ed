// The finder's costs, measured: what a resident downloads to get an answer
// (requests and gzipped bytes, in Chromium, on a phone-sized screen where the
// map waits below the fold), and how long the geocoder and the beat lookup
// take per query. On the demo city and on a 10x demo city. Prints figures;
// it never passes or fails on them.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { demoCity } from '../../src/cli/demo/city.ts';
import { writeDemoCity } from '../../src/cli/demo/write.ts';
import type { Catalog, Chunk } from '../../src/features/finder/geocoder/addressIndex.ts';
import { createGeocoder } from '../../src/features/finder/geocoder/geocoder.ts';
import { finderData } from '../../src/features/finder/lookup.ts';
import { localBuildEnv, runBin } from '../../supabase/local/cli.ts';
import { projectRoot } from '../../supabase/local/paths.ts';
import { launchBrowser } from '../support/browser.ts';

const work = mkdtempSync(path.join(tmpdir(), 'openbeat-bench-'));
const cities = [
  { name: 'demo city', content: path.join(projectRoot, 'src/content') },
  { name: '10x demo city', content: path.join(work, 'content-10x'), scale: 10 },
];

try {
  for (const city of cities) {
    if (city.scale) writeDemoCity(city.content, demoCity({ scale: city.scale, seed: 2026 }));
    const dist = path.join(work, `dist-${city.scale ?? 1}`);
    const started = performance.now();
    await runBin('astro', ['build', '--outDir', dist], { ...localBuildEnv(path.join(work, 'local')), OPENBEAT_CONTENT: city.content }, { quiet: true });
    console.log(`\n${city.name}: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const addresses = venueAddresses(city.content);
    await lookupTimes(dist, addresses);
    await answerCost(dist, addresses[0]!);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Real addresses of the city: its meeting venues. */
function venueAddresses(content: string): string[] {
  const addresses = readdirSync(path.join(content, 'meetings')).map(
    (file) => (JSON.parse(readFileSync(path.join(content, 'meetings', file), 'utf8')) as { venue: { address: string } }).venue.address,
  );
  return [...new Set(addresses)];
}

/** Geocoding and lookup in Node on the built files, as the browser does them (minus the network). */
async function lookupTimes(dist: string, addresses: string[]) {
  const read = async (url: string) => JSON.parse(readFileSync(path.join(dist, url), 'utf8')) as unknown;
  const catalog = (await read('/finder/addresses/catalog.json')) as Catalog;
  const geocoder = createGeocoder(catalog, (id) => read(`/finder/addresses/${id}.json`) as Promise<Chunk>);
  const data = finderData('/finder', read);
  // One pass to load what the queries need, as a visit would have by its second search.
  for (const address of addresses) {
    const [best] = await geocoder.geocode(address);
    if (best) await data.beatAt(best.lon, best.lat);
  }
  const geocode: number[] = [];
  const lookup: number[] = [];
  let found = 0;
  for (const address of addresses) {
    let at = performance.now();
    const [best] = await geocoder.geocode(address);
    geocode.push(performance.now() - at);
    if (!best) continue;
    at = performance.now();
    if (await data.beatAt(best.lon, best.lat)) found++;
    lookup.push(performance.now() - at);
  }
  const suggestTimes = addresses.map((address) => {
    const at = performance.now();
    geocoder.suggest(address.slice(0, Math.max(4, address.length - 5)));
    return performance.now() - at;
  });
  console.log(`  ${addresses.length} addresses, ${found} placed in a beat`);
  console.log(`  suggest per keystroke: ${summary(suggestTimes)}`);
  console.log(`  geocode per query:     ${summary(geocode)}`);
  console.log(`  beat lookup per query: ${summary(lookup)}`);
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`;
}

/** What a first visit downloads from opening /find to seeing the answer for an address. */
async function answerCost(dist: string, address: string) {
  const serve = sirv(dist, { etag: true });
  const server = http.createServer((req, res) => serve(req, res, () => void res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const responses: Array<Promise<{ url: string; bytes: number }>> = [];
    page.on('response', (response) =>
      responses.push(response.body().then((body) => ({ url: response.url().replace(base, ''), bytes: gzipSync(body).length }), () => ({ url: response.url(), bytes: 0 }))),
    );
    await page.goto(`${base}/find`);
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
    await page.getByLabel('Your address').fill(address);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.locator('#finder-answer').waitFor();
    const beforeAnswer = await Promise.all(responses.slice());
    await page.getByRole('heading', { name: 'Map', exact: true }).scrollIntoViewIfNeeded();
    await page.locator('canvas').waitFor();
    await page.waitForLoadState('networkidle');
    const afterAnswer = (await Promise.all(responses)).slice(beforeAnswer.length);
    const kb = (list: Array<{ bytes: number }>) => `${(list.reduce((sum, { bytes }) => sum + bytes, 0) / 1024).toFixed(1)} KB`;
    console.log(`  answer for "${address}": ${beforeAnswer.length} requests, ${kb(beforeAnswer)} gzipped, map library ${beforeAnswer.some(({ url }) => /maplibre|FinderMap/.test(url)) ? 'included' : 'not needed'}`);
    for (const { url, bytes } of beforeAnswer.sort((a, b) => b.bytes - a.bytes)) console.log(`    ${(bytes / 1024).toFixed(1).padStart(6)} KB  ${url}`);
    console.log(`  then, scrolling to the map: ${afterAnswer.length} requests, ${kb(afterAnswer)} gzipped (MapLibre, its worker and CSS, tiles)`);
  } finally {
    await browser.close();
    server.close();
  }
}
