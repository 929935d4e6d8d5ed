// The HTTP headers the site is served with, written at build time into
// dist/_headers (the file Netlify, Cloudflare Pages and others read) and sent
// by the local gateway from that same file.
//
// The file stays a handful of rules however large the jurisdiction: hosts cap
// it (Cloudflare Pages at 100 rules) and a rule per page made it 23 MB for a
// city three times Chicago's size. One rule for every path carries a policy
// that allows what any page needs, and each page's own <meta> policy (Astro's,
// with that page's hashes) narrows it again: a browser enforces both. The
// header adds what a <meta> cannot say: frame-ancestors.
//
// Hosts apply every rule that matches, in file order, joining a header named
// twice with a comma; in Permissions-Policy the last value of a feature wins,
// so the finder's own rule, after the one for every path, lets it ask for the
// resident's location and no other page can.

export type Headers = Record<string, string>;
export interface HeaderRule {
  /** An exact path, or a prefix ending in `*`. */
  path: string;
  headers: Headers;
}

/** Paths (without a language prefix) whose page may use geolocation. */
const locationPages = ['/find'];

const permissions = [`geolocation=()`, 'camera=()', 'microphone=()', 'payment=()', 'usb=()', 'interest-cohort=()'].join(', ');

/** The site's paths, as served: '/', '/find', '/es/find' (no trailing slash, no index.html). */
export function pagePath(file: string): string {
  const path = `/${file.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`.replace(/\/+$/, '');
  return path || '/';
}

/** The policy Astro wrote into a built page's <meta>. */
export function pagePolicy(html: string, path: string): string {
  const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html)?.[1];
  if (!meta) throw new Error(`${path}: no Content-Security-Policy <meta>: is security.csp on in astro.config.mjs?`);
  return meta.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim().replace(/;?$/, '');
}

/** Every directive of any page's policy, each with every source any page gives it, in the order first seen. */
export function unionPolicy(policies: readonly string[]): string {
  const directives = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name) continue;
      const known = directives.get(name) ?? new Set<string>();
      for (const source of sources) known.add(source);
      directives.set(name, known);
    }
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The rules of the _headers file, from every built page's path and <meta> policy. */
export function siteHeaderRules(pages: ReadonlyArray<{ path: string; policy: string }>, locales: readonly string[]): HeaderRule[] {
  const everyPath: HeaderRule = {
    path: '/*',
    headers: {
      'Content-Security-Policy': `${unionPolicy(pages.map((page) => page.policy))}; frame-ancestors 'none'`,
      // Nothing a resident reads or sends here should tell another site where they came from.
      'Referrer-Policy': 'no-referrer',
      'Permissions-Policy': permissions,
      'X-Content-Type-Options': 'nosniff',
    },
  };
  const bare = (path: string) => path.replace(new RegExp(`^/(${locales.join('|')})(?=/|$)`), '') || '/';
  const finders = pages.filter((page) => locationPages.includes(bare(page.path)));
  // Hosts match a page's path exactly: with and without its trailing slash.
  const location = finders.flatMap(({ path }) => [path, `${path}/`]).map((path) => ({ path, headers: { 'Permissions-Policy': 'geolocation=(self)' } }));
  return [everyPath, ...location];
}

export function headersFile(rules: readonly HeaderRule[]): string {
  return rules.map(({ path, headers }) => `${path}\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`).join('');
}

/** Reads a _headers file back: exact paths and `*` prefixes, which is all this site writes. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else if (rules.length > 0) {
      const at = line.indexOf(':');
      rules.at(-1)!.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/** What a host sends for a path: every matching rule in order, a header named twice joined with a comma. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Headers {
  const headers: Headers = {};
  for (const rule of rules) {
    const matches = rule.path.endsWith('*') ? pathname.startsWith(rule.path.slice(0, -1)) : pathname === rule.path;
    if (!matches) continue;
    for (const [name, value] of Object.entries(rule.headers)) headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}
