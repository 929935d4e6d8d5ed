// The whole built site, both languages: every internal link resolves, content
// pages carry no JavaScript, and every page type passes axe-core (WCAG 2.2 AA).
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { headersFor, parseHeadersFile } from '../../src/lib/security/headers.ts';

const dist = inject('distDir');
const { url } = inject('stack');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/** What a static host serves for a path: the file, or the folder's index.html. */
function served(target: string): boolean {
  const file = path.join(dist, decodeURIComponent(target));
  return (existsSync(file) && statSync(file).isFile()) || existsSync(path.join(file, 'index.html'));
}

describe('the built site', () => {
  it('has no broken internal link or asset reference on any page', () => {
    const broken = new Set<string>();
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      for (const [, target] of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
        if (!served(target!)) broken.add(`${path.relative(dist, page)} → ${target}`);
      }
    }
    expect([...broken]).toEqual([]);
  });

  it('shows approved watch groups on their beat’s page, by name and area only', () => {
    const seeded = [...readFileSync(path.resolve('supabase/seed.sql'), 'utf8').matchAll(/\('[0-9a-f-]+', '([^']+)', '(\w+)'/g)];
    expect(seeded.length).toBeGreaterThanOrEqual(3);
    for (const [, name, beat] of seeded) {
      expect(readFileSync(path.join(dist, 'beats', beat!, 'index.html'), 'utf8')).toContain(name!);
    }
  });

  it('publishes the beats, districts, officers and coming meetings as open data', () => {
    const read = (file: string) => JSON.parse(readFileSync(path.join(dist, 'data', file), 'utf8'));
    const count = (folder: string) => readdirSync(path.resolve('src/content', folder)).filter((f) => f.endsWith('.json')).length;
    expect(read('beats.geojson').features).toHaveLength(count('beats'));
    expect(read('districts.geojson').features).toHaveLength(count('districts'));
    const officers = read('officers.json') as Array<Record<string, unknown>>;
    expect(officers).toHaveLength(count('officers'));
    const meetings = read('meetings.json') as Array<{ start: string; status: string }>;
    expect(meetings.length).toBeGreaterThan(10);
    for (const meeting of meetings) expect(Date.parse(meeting.start)).toBeLessThan(Date.now() + 91 * 86_400_000);
  });

  it('ships no JavaScript on content pages, in either language', () => {
    const content = htmlFiles(dist).filter((file) => /\/(beats|districts|officers|guides|meetings)\//.test(path.relative(dist, `/${file}`)) || /\/(es\/)?(open-data|accessibility)\//.test(file) || /\/(es\/)?priorities\/index\.html$/.test(file));
    expect(content.length).toBeGreaterThan(50);
    for (const file of content) {
      const html = readFileSync(file, 'utf8');
      expect({ file: path.relative(dist, file), scripts: html.match(/<script\b|<astro-island\b/g) ?? [] }).toEqual({ file: path.relative(dist, file), scripts: [] });
    }
  });

  it('ships on a priority’s page only the "this matters to me too" script, and only while it is open', () => {
    const pages = htmlFiles(dist).filter((file) => /^(es\/)?priorities\/[^/]+\/index\.html$/.test(path.relative(dist, file)));
    expect(pages.length).toBeGreaterThan(10);
    const scripts = new Set<string>();
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const id = path.basename(path.dirname(file));
      const open = !('outcome' in JSON.parse(readFileSync(path.resolve('src/content/priorities', `${id}.json`), 'utf8')));
      for (const [, name] of html.matchAll(/<script\b[^>]*src="[^"]*\/([A-Za-z]+)\.astro_astro_type_script[^"]*"/g)) scripts.add(name!);
      expect({ id, scripts: html.match(/<script\b|<astro-island\b/g)?.length ?? 0 }).toEqual({ id, scripts: open ? 1 : 0 });
    }
    expect([...scripts]).toEqual(['MeToo']);
  });
});

describe('every page type, in both languages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  const guide = readdirSync(path.resolve('src/content/guides')).find((name) => name.endsWith('.mdx'))!.replace(/\.mdx$/, '');
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago', year: 'numeric', month: '2-digit' }).format(new Date());
  const priority = readdirSync(path.resolve('src/content/priorities')).sort()[0]!.replace(/\.json$/, '');
  const [report] = (JSON.parse(readFileSync(path.resolve('src/content/meetings/beat-101.json'), 'utf8')) as { reports: Array<{ date: string }> }).reports;
  const pages = ['/', '/find', '/beats/101', '/districts/1', '/priorities', `/priorities/${priority}`, `/meetings/reports/beat-101/${report!.date}`, '/officers/michael-delgado', '/guides', `/guides/${guide}`, '/guides/for/businesses', '/meetings', `/meetings/month/${month}`, '/meetings/kinds/youth', '/meetings/beats/101', '/tip', '/tip/status', '/watch', '/watch/status', '/workshops', '/workshops/status', '/staff', '/search', '/open-data', '/accessibility'];

  for (const locale of ['', '/es']) {
    for (const page of pages) {
      it(`${locale}${page} renders in its language with no WCAG 2.2 AA violation`, async () => {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
        const tab = await context.newPage();
        const origins = new Set<string>();
        tab.on('request', (request) => origins.add(new URL(request.url()).origin));
        const response = await tab.goto(`${url}${locale}${page === '/' && locale ? '' : page}`);
        expect(response?.status()).toBe(200);
        // Nothing is fetched from anywhere but the site itself (which here is also the API).
        await tab.waitForLoadState('networkidle');
        expect([...origins].filter((origin) => origin !== new URL(url).origin && !origin.startsWith('data:'))).toEqual([]);
        expect(await tab.locator('html').getAttribute('lang')).toBe(locale ? 'es' : 'en');
        expect(await tab.locator('h1').count()).toBe(1);
        expect(await accessibilityViolations(tab)).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('security headers', () => {
  const headersOf = async (path: string) => (await fetch(`${url}${path}`)).headers;

  it('serve every page a strict policy: its own hashes, no inline script, no other origin, no framing', async () => {
    for (const path of ['/', '/find', '/tip', '/es/watch', '/workshops/status', '/search', '/beats/101']) {
      const csp = (await headersOf(path)).get('content-security-policy') ?? '';
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect({ path, unsafeInline: scriptSrc.includes("'unsafe-inline'") }).toEqual({ path, unsafeInline: false });
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp.match(/https?:\/\/[^\s;']+/g) ?? []).toEqual([]);
    }
  });

  it('keep the referrer on tip pages, and location for the finder alone', async () => {
    expect((await headersOf('/tip')).get('referrer-policy')).toBe('no-referrer');
    expect((await headersOf('/es/tip/status')).get('referrer-policy')).toBe('no-referrer');
    expect((await headersOf('/find')).get('permissions-policy')).toContain('geolocation=(self)');
    expect((await headersOf('/es/find/')).get('permissions-policy')).toContain('geolocation=(self)');
    expect((await headersOf('/tip')).get('permissions-policy')).toContain('geolocation=()');
    expect((await headersOf('/')).get('permissions-policy')).toContain('geolocation=()');
  });

  it('are written to _headers for static hosts as a handful of rules, the same as the local gateway sends', async () => {
    const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
    expect(rules.length).toBeLessThan(10);
    for (const page of ['/tip', '/es/find/', '/beats/101']) {
      const sent = await headersOf(page);
      for (const [name, value] of Object.entries(headersFor(rules, page))) expect({ page, name, value: sent.get(name) }).toEqual({ page, name, value });
    }
  });

  it('keep the resident’s location from every page but the finder, even once they have shared it', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ geolocation: { longitude: -87.6, latitude: 41.8 }, permissions: ['geolocation'] });
      const page = await context.newPage();
      const locate = () =>
        page.evaluate(() => new Promise<string>((resolve) => navigator.geolocation.getCurrentPosition(() => resolve('shared'), (error) => resolve(`refused ${error.code}`))));
      await page.goto(`${url}/find`);
      expect(await locate()).toBe('shared');
      await page.goto(`${url}/tip`);
      expect(await locate()).toBe('refused 1');
    } finally {
      await browser.close();
    }
  });
});
