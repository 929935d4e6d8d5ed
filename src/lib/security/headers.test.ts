import { describe, expect, it } from 'vitest';
import { headersFile, headersFor, pagePath, pagePolicy, parseHeadersFile, siteHeaderRules, unionPolicy } from './headers.ts';

const html = (csp: string) => `<html><head><meta http-equiv="content-security-policy" content="${csp}"></head></html>`;
const astroPolicy = "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self' 'sha256-def='";
const searchPolicy = "default-src 'self'; script-src 'self' 'sha256-abc=' 'wasm-unsafe-eval'; style-src 'self' 'sha256-def='";

/** What a host sends for a path, read back from the file the build writes. */
const served = (paths: string[], requested: string) => {
  const pages = paths.map((path) => ({ path, policy: path.endsWith('search') ? searchPolicy : astroPolicy }));
  return headersFor(parseHeadersFile(headersFile(siteHeaderRules(pages, ['en', 'es']))), requested);
};
const site = ['/', '/find', '/es/find', '/search', '/tip', '/es/finder-faq', '/beats/101'];

describe('security headers', () => {
  it('reads the policy Astro wrote into a page', () => {
    expect(pagePolicy(html(astroPolicy.replace(/'/g, '&#39;')), '/tip')).toBe(astroPolicy);
    expect(() => pagePolicy('<html></html>', '/tip')).toThrow('no Content-Security-Policy');
  });

  it('joins pages’ policies into one that allows what any of them needs, and nothing else', () => {
    expect(unionPolicy([astroPolicy, searchPolicy, astroPolicy])).toBe(searchPolicy);
  });

  it('serves every page that policy, with frame-ancestors, which a <meta> cannot carry, and no referrer', () => {
    for (const path of ['/tip', '/beats/101/', '/_astro/x.js']) {
      const headers = served(site, path);
      expect(headers['Content-Security-Policy']).toBe(`${searchPolicy}; frame-ancestors 'none'`);
      expect(headers['Referrer-Policy']).toBe('no-referrer');
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });

  it('lets only the finder, in every language, ask for the resident’s location (the last value of a feature wins)', () => {
    const geolocation = (path: string) => [...(served(site, path)['Permissions-Policy'] ?? '').matchAll(/geolocation=\(([^)]*)\)/g)].at(-1)?.[1];
    expect(geolocation('/find')).toBe('self');
    expect(geolocation('/find/')).toBe('self');
    expect(geolocation('/es/find')).toBe('self');
    expect(geolocation('/')).toBe('');
    expect(geolocation('/tip')).toBe('');
    expect(geolocation('/es/finder-faq')).toBe('');
    expect(geolocation('/finder/beats.json')).toBe('');
  });

  it('stays a handful of rules, however many pages there are', () => {
    const many = Array.from({ length: 5000 }, (_, index) => `/officers/officer-${index}`);
    expect(siteHeaderRules([...site, ...many].map((path) => ({ path, policy: astroPolicy })), ['en', 'es']).length).toBe(5);
  });

  it('names pages as they are requested', () => {
    expect(pagePath('index.html')).toBe('/');
    expect(pagePath('es/index.html')).toBe('/es');
    expect(pagePath('find/index.html')).toBe('/find');
    expect(pagePath('404.html')).toBe('/404');
  });
});
