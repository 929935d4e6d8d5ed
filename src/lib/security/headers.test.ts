import { describe, expect, it } from 'vitest';
import { headersFile, pageHeaders, pagePath, parseHeadersFile, type Headers } from './headers.ts';

const html = (csp: string) => `<html><head><meta http-equiv="content-security-policy" content="${csp}"></head></html>`;
const astroPolicy = "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self' 'sha256-def='";

describe('security headers', () => {
  it('serves each page the policy Astro made for it, with frame-ancestors, which a <meta> cannot carry', () => {
    const headers = pageHeaders(html(astroPolicy.replace(/'/g, '&#39;')), '/tip', ['en', 'es']);
    expect(headers['Content-Security-Policy']).toBe(`${astroPolicy}; frame-ancestors 'none'`);
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });

  it('lets only the finder, in every language, ask for the resident’s location', () => {
    const geolocation = (path: string) => /geolocation=\(([^)]*)\)/.exec(pageHeaders(html(astroPolicy), path, ['en', 'es'])['Permissions-Policy'] ?? '')?.[1];
    expect(geolocation('/find')).toBe('self');
    expect(geolocation('/es/find')).toBe('self');
    expect(geolocation('/')).toBe('');
    expect(geolocation('/tip')).toBe('');
    expect(geolocation('/es/finder-faq')).toBe('');
  });

  it('refuses to write headers for a page without a policy', () => {
    expect(() => pageHeaders('<html></html>', '/tip', ['en'])).toThrow('no Content-Security-Policy');
  });

  it('names pages as they are requested, and reads back what it writes', () => {
    expect(pagePath('index.html')).toBe('/');
    expect(pagePath('es/index.html')).toBe('/es');
    expect(pagePath('find/index.html')).toBe('/find');
    expect(pagePath('404.html')).toBe('/404');
    const pages: Array<{ path: string; headers: Headers }> = [
      { path: '/', headers: { A: '1' } },
      { path: '/find', headers: { A: '2', 'Permissions-Policy': 'geolocation=(self), camera=()' } },
    ];
    const rules = parseHeadersFile(headersFile(pages));
    expect([...rules.keys()]).toEqual(['/', '/find', '/find/']);
    expect(rules.get('/find/')).toEqual({ A: '2', 'Permissions-Policy': 'geolocation=(self), camera=()' });
  });
});
