// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { supabaseTarget } from './supabase/local/target.ts';
import { contentCacheDir, contentDir } from './src/lib/content/folder.ts';
import { buildApi } from './src/lib/content/publishedContent.ts';
import { validateContent, validatePublishedContent } from './src/lib/content/validate.ts';
import { searchIndex } from './src/features/search/pagefindIndex.ts';
import { securityHeaders } from './src/lib/security/headersFile.ts';

// Which Supabase the built site talks to: a hosted project when
// PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are set, else the local stack.
const supabase = await supabaseTarget(process.env);
process.env.PUBLIC_SUPABASE_URL = supabase.url;
process.env.PUBLIC_SUPABASE_ANON_KEY = supabase.anonKey;

// Under `npm run dev` the dev server forwards API calls to the local stack, so
// the page and the API share one origin as they do behind the gateway.
const devApi = process.env.OPENBEAT_DEV_API;

// A deployment's own basemap (off by default; see src/features/finder/map/FinderMap.tsx)
// must be allowed by the CSP; its tiles' and sprites' hosts, if others, too.
const mapStyle = process.env.PUBLIC_MAP_STYLE_URL ? new URL(process.env.PUBLIC_MAP_STYLE_URL).origin : '';
// Likewise an outside geocoder, if a deployment names one (off by default; see src/features/finder/fallbackGeocoder.ts).
const fallbackGeocoder = process.env.PUBLIC_FALLBACK_GEOCODER_URL ? new URL(process.env.PUBLIC_FALLBACK_GEOCODER_URL.replace('{query}', '')).origin : '';
const connectSources = ["'self'", supabase.url && new URL(supabase.url).origin, mapStyle, fallbackGeocoder].filter(Boolean).join(' ');

// With a data API the build publishes what the database publishes (see
// src/lib/content/publishedContent.ts); without one, the content folder.
const contentFolder = contentDir();
const api = buildApi(process.env);
const content = api ? await validatePublishedContent(api, contentFolder) : validateContent(contentFolder);
const contentSource = api ? `the content published at ${api.url}` : `the content folder ${contentFolder}`;
const locales = content.content.site?.locales ?? ['en'];

/**
 * Checks the jurisdiction's content before anything is built, with the same
 * rules as `openbeat validate`: a broken reference stops the build with the
 * entry, the field and the bad value, one line each.
 * @type {import('astro').AstroIntegration}
 */
const jurisdictionContent = {
  name: 'openbeat:content',
  hooks: {
    'astro:config:setup': ({ logger }) => {
      const { problems, notes } = content;
      for (const note of notes) logger.info(note);
      if (problems.length > 0) {
        for (const problem of problems) logger.error(problem);
        logger.error(`${problems.length} problem(s) in ${contentSource}; nothing was built.`);
        // The lines above say all there is to say; a stack trace would only bury them.
        process.exit(1);
      }
    },
  },
};

// The deployment's own address: absolute links (QR codes, calendar subscriptions) and a sitemap need it.
const siteUrl = process.env.PUBLIC_SITE_URL || undefined;
// The staff workspace is a tool, not a page anyone should find by searching.
const notInSitemap = (/** @type {string} */ page) => !/\/staff\/?$/.test(new URL(page).pathname);

export default defineConfig({
  output: 'static',
  site: siteUrl,
  // The site's first language at the root, the others under /<tag>/ (see src/lib/i18n/routes.ts).
  i18n: { locales, defaultLocale: locales[0] ?? 'en', routing: { prefixDefaultLocale: false } },
  trailingSlash: 'ignore',
  // Astro's content cache remembers entries by id: a build of another folder (a real city, a
  // bench city) that shared the demo's would take every id they share for a clash and warn once
  // per entry. Each content folder keeps a cache of its own.
  cacheDir: contentCacheDir(contentFolder),
  integrations: [jurisdictionContent, react(), mdx(), searchIndex(), securityHeaders(locales), ...(siteUrl ? [sitemap({ filter: notInSitemap, i18n: { defaultLocale: locales[0] ?? 'en', locales: Object.fromEntries(locales.map((l) => [l, l])) } })] : [])],
  // Shiki's inline styles break the CSP, and guides need no code highlighting.
  markdown: { syntaxHighlight: false },
  vite: {
    plugins: [tailwindcss()],
    server: devApi ? { proxy: { '/rest/v1': { target: devApi }, '/storage/v1': { target: devApi } } } : {},
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        `connect-src ${connectSources}`,
        `img-src 'self' data:${mapStyle ? ' blob:' : ''}`,
        // MapLibre's worker is a file of this site (see FinderMap.tsx).
        "worker-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
