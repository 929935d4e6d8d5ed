// The HTTP headers every page is served with, written at build time into
// dist/_headers (the file Netlify, Cloudflare Pages and others read) and sent
// by the local gateway from that same file. Each page's Content-Security-Policy
// is the one Astro computed for it (with the hashes of its own scripts and
// styles, in its <meta>), plus what a <meta> policy cannot say: frame-ancestors.
// Only the finder may ask for the resident's location.

export type Headers = Record<string, string>;

/** Paths (without a language prefix) whose page may use geolocation. */
const locationPages = new Set(['/find']);

const permissions = (geolocation: boolean) =>
  [`geolocation=${geolocation ? '(self)' : '()'}`, 'camera=()', 'microphone=()', 'payment=()', 'usb=()', 'interest-cohort=()'].join(', ');

/** The site's paths, as served: '/', '/find', '/es/find' (no trailing slash, no index.html). */
export function pagePath(file: string): string {
  const path = `/${file.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`.replace(/\/+$/, '');
  return path || '/';
}

/** The headers of one built page, from its HTML. */
export function pageHeaders(html: string, path: string, locales: readonly string[]): Headers {
  const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html)?.[1];
  if (!meta) throw new Error(`${path}: no Content-Security-Policy <meta>: is security.csp on in astro.config.mjs?`);
  const csp = meta.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim().replace(/;?$/, '');
  const bare = path.replace(new RegExp(`^/(${locales.join('|')})(?=/|$)`), '') || '/';
  return {
    'Content-Security-Policy': `${csp}; frame-ancestors 'none'`,
    // Nothing a resident reads or sends here should tell another site where they came from.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': permissions(locationPages.has(bare)),
    'X-Content-Type-Options': 'nosniff',
  };
}

/** For every other file (scripts, styles, data, tiles). */
export const assetHeaders: Headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/**
 * The _headers file: one block per page, both with and without the trailing
 * slash, because hosts match the request path exactly. No wildcard block
 * overlaps a page's, since hosts combine the headers of every block that matches.
 */
export function headersFile(pages: ReadonlyArray<{ path: string; headers: Headers }>): string {
  const block = (path: string, headers: Headers) => `${path}\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
  return pages
    .flatMap(({ path, headers }) => (path === '/' ? [block(path, headers)] : [block(path, headers), block(`${path}/`, headers)]))
    .join('');
}

/** Reads a _headers file back: exact paths only, which is all headersFile writes. */
export function parseHeadersFile(text: string): Map<string, Headers> {
  const rules = new Map<string, Headers>();
  let current: Headers | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
    } else if (current) {
      const at = line.indexOf(':');
      current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}
