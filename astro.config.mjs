// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';
import { supabaseTarget } from './supabase/local/target.ts';
import { contentDir } from './src/lib/content/folder.ts';
import { validateContent } from './src/lib/content/validate.ts';

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

/**
 * Checks the jurisdiction's content before anything is built, with the same
 * rules as `openbeat validate`: a broken reference stops the build with the
 * file, the field and the bad value, one line each.
 * @type {import('astro').AstroIntegration}
 */
const jurisdictionContent = {
  name: 'openbeat:content',
  hooks: {
    'astro:config:setup': ({ logger }) => {
      const dir = contentDir();
      const { problems, notes } = validateContent(dir);
      for (const note of notes) logger.info(note);
      if (problems.length > 0) {
        for (const problem of problems) logger.error(problem);
        logger.error(`${problems.length} problem(s) in the content folder ${dir}; nothing was built.`);
        // The lines above say all there is to say; a stack trace would only bury them.
        process.exit(1);
      }
    },
  },
};

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [jurisdictionContent, react(), mdx()],
  // Shiki's inline styles break the CSP, and guides need no code highlighting.
  markdown: { syntaxHighlight: false },
  vite: {
    plugins: [tailwindcss()],
    server: devApi ? { proxy: { '/rest/v1': { target: devApi } } } : {},
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
