// The finder's costs: what a resident downloads to get an answer for an
// address (requests and compressed bytes, in Chromium on a phone-sized screen
// where the map waits below the fold), how long each query takes from pressing
// Find to the answer on screen, and the geocoder's and the beat lookup's own
// time per query in Node on the same files.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Catalog, Chunk } from '../../src/features/places/geocoder/addressIndex.ts';
import { createGeocoder } from '../../src/features/places/geocoder/geocoder.ts';
import { finderData } from '../../src/features/places/lookup.ts';
import { add, noSizes, sizesOf, type Sizes } from './compress.ts';
import { phone, recordResponses, sum } from './pageWeight.ts';
import { percentiles, type Percentiles } from './stats.ts';

export interface Query {
  address: string;
  beat: string;
}

export interface LookupTimes {
  addresses: number;
  placed: number;
  suggestMs: Percentiles;
  /** Over each address as written in the content and as a full postal line (unit, city, state, ZIP). */
  geocodeMs: Percentiles;
  beatLookupMs: Percentiles;
  /** finder/addresses/*.json: the catalog every visit downloads, and all of them. */
  addressFiles: { files: number; catalog: Sizes; all: Sizes };
}

export interface AnswerCost {
  address: string;
  requests: number;
  bytes: Sizes;
  mapLibreNeeded: boolean;
  files: Array<{ url: string; gzip: number }>;
  /** Scrolling on to the map afterwards: MapLibre, its worker and style, tiles. */
  map: { requests: number; bytes: Sizes };
}

export interface BrowserQueryTimes {
  queries: number;
  firstMs: number;
  /** Every query after the first, with the catalog and beat index already loaded. */
  laterMs: Percentiles;
}

/** The same address as a resident may paste it from a letter: with a unit, the city, a state and a ZIP+4. */
export function postalLine(address: string, content: string): string {
  const [site] = JSON.parse(readFileSync(path.join(content, 'site.json'), 'utf8')) as { jurisdiction: string }[];
  return `${address} Apt 4B, ${site!.jurisdiction}, IL 60601-1234`;
}

/** Real addresses of a city: its meeting venues. */
export function venueAddresses(content: string): string[] {
  const addresses = readdirSync(path.join(content, 'meetings')).map(
    (file) => (JSON.parse(readFileSync(path.join(content, 'meetings', file), 'utf8')) as { venue: { address: string } }).venue.address,
  );
  return [...new Set(addresses)];
}

/** Geocoding and lookup in Node on the built files, as the browser does them (minus the network). */
export async function lookupTimes(dist: string, addresses: string[], postalLines: string[] = []): Promise<{ times: LookupTimes; queries: Query[] }> {
  const read = async (url: string) => JSON.parse(readFileSync(path.join(dist, url), 'utf8')) as unknown;
  const catalog = (await read('/finder/addresses/catalog.json')) as Catalog;
  const geocoder = createGeocoder(catalog, (id) => read(`/finder/addresses/${id}.json`) as Promise<Chunk>);
  const data = finderData('/finder', read);
  // One pass to load what the queries need, as a visit would have by its second search.
  const queries: Query[] = [];
  for (const address of addresses) {
    const [best] = await geocoder.geocode(address);
    const answer = best && (await data.beatAt(best.lon, best.lat));
    if (answer) queries.push({ address, beat: answer.id });
  }
  for (const line of postalLines) await geocoder.geocode(line);
  const geocode: number[] = [];
  const lookup: number[] = [];
  for (const line of postalLines) {
    const at = performance.now();
    await geocoder.geocode(line);
    geocode.push(performance.now() - at);
  }
  for (const address of addresses) {
    let at = performance.now();
    const [best] = await geocoder.geocode(address);
    geocode.push(performance.now() - at);
    if (!best) continue;
    at = performance.now();
    await data.beatAt(best.lon, best.lat);
    lookup.push(performance.now() - at);
  }
  const suggest = addresses.map((address) => {
    const at = performance.now();
    geocoder.suggest(address.slice(0, Math.max(4, address.length - 5)));
    return performance.now() - at;
  });
  return {
    times: {
      addresses: addresses.length,
      placed: queries.length,
      suggestMs: percentiles(suggest),
      geocodeMs: percentiles(geocode),
      beatLookupMs: percentiles(lookup),
      addressFiles: addressFileSizes(dist),
    },
    queries,
  };
}

function addressFileSizes(dist: string): LookupTimes['addressFiles'] {
  const folder = path.join(dist, 'finder', 'addresses');
  const files = readdirSync(folder).filter((file) => file.endsWith('.json'));
  const all = files.reduce((total, file) => add(total, sizesOf(readFileSync(path.join(folder, file)))), noSizes());
  return { files: files.length, catalog: sizesOf(readFileSync(path.join(folder, 'catalog.json'))), all };
}

/** A first visit: opening /find, asking for an address, seeing the answer; then the map. */
export async function answerCost(browser: Browser, base: string, query: Query): Promise<AnswerCost> {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    const recorder = recordResponses(page, base);
    await page.goto(`${base}/find`);
    await waitForHydration(page);
    await page.getByLabel('Your address').fill(query.address);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForFunction((beat) => window.location.search === `?beat=${beat}`, query.beat);
    await page.locator('#finder-answer').waitFor();
    const beforeAnswer = await recorder.take();
    const requestsBefore = recorder.requests();
    await page.getByRole('heading', { name: 'Map', exact: true }).scrollIntoViewIfNeeded();
    await page.locator('canvas').waitFor();
    await page.waitForLoadState('networkidle');
    const afterAnswer = await recorder.take(beforeAnswer.length);
    return {
      address: query.address,
      requests: requestsBefore,
      bytes: sum(beforeAnswer),
      mapLibreNeeded: beforeAnswer.some(({ url }) => /maplibre|BeatMap/i.test(url)),
      files: beforeAnswer.map(({ url, sizes }) => ({ url, gzip: sizes.gzip })).sort((a, b) => b.gzip - a.gzip),
      map: { requests: recorder.requests() - requestsBefore, bytes: afterAnswer.reduce((total, file) => add(total, file.sizes), noSizes()) },
    };
  } finally {
    await context.close();
  }
}

/**
 * Time from pressing Find to the answer on screen, per query, in one visit.
 * Queries alternate between beats so each answer is a visible change.
 */
export async function browserQueryTimes(browser: Browser, base: string, queries: Query[], count = 25): Promise<BrowserQueryTimes> {
  const chosen: Query[] = [];
  for (const query of queries) {
    if (chosen.length === count) break;
    if (chosen.at(-1)?.beat !== query.beat) chosen.push(query);
  }
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    await page.goto(`${base}/find`);
    await waitForHydration(page);
    const times: number[] = [];
    for (const query of chosen) {
      await page.getByLabel('Your address').fill(query.address);
      // Timed inside the page: from the click to the first frame that shows this beat's answer.
      times.push(
        await page.evaluate(
          (beat) =>
            new Promise<number>((resolve) => {
              const button = [...document.querySelectorAll('button')].find((element) => element.textContent?.trim() === 'Find')!;
              const started = performance.now();
              button.click();
              const check = () =>
                window.location.search === `?beat=${beat}` && document.getElementById('finder-answer')
                  ? requestAnimationFrame(() => resolve(performance.now() - started))
                  : requestAnimationFrame(check);
              check();
            }),
          query.beat,
        ),
      );
    }
    return { queries: times.length, firstMs: times[0] ?? 0, laterMs: percentiles(times.slice(1)) };
  } finally {
    await context.close();
  }
}

async function waitForHydration(page: Page) {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
}
