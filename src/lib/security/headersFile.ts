// After the build: dist/_headers, from every page's own policy (see headers.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, pagePath, pagePolicy, siteHeaderRules } from './headers.ts';

function htmlFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full, root);
    return entry.name.endsWith('.html') ? [path.relative(root, full)] : [];
  });
}

export function securityHeaders(locales: readonly string[]): AstroIntegration {
  return {
    name: 'openbeat:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const pages = htmlFiles(site)
          .sort()
          .map((file) => {
            const pathname = pagePath(file);
            return { path: pathname, policy: pagePolicy(readFileSync(path.join(site, file), 'utf8'), pathname) };
          });
        const rules = siteHeaderRules(pages, locales);
        writeFileSync(path.join(site, '_headers'), headersFile(rules));
        logger.info(`wrote ${rules.length} security header rules for ${pages.length} pages to _headers`);
      },
    },
  };
}
