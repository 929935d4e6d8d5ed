// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';
import { supabaseTarget } from './supabase/local/target.ts';

// Which Supabase the built site talks to: a hosted project when
// PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are set, else the local stack.
const supabase = await supabaseTarget(process.env);
process.env.PUBLIC_SUPABASE_URL = supabase.url;
process.env.PUBLIC_SUPABASE_ANON_KEY = supabase.anonKey;

// Under `npm run dev` the dev server forwards API calls to the local stack, so
// the page and the API share one origin as they do behind the gateway.
const devApi = process.env.OPENBEAT_DEV_API;

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [react()],
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
        `connect-src 'self'${supabase.url ? ` ${new URL(supabase.url).origin}` : ''}`,
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
