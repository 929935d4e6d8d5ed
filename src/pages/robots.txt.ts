// Everything public on this portal may be indexed (nothing residents send is on it);
// the sitemap is named when the deployment gave its address (PUBLIC_SITE_URL).
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n${site ? `Sitemap: ${new URL('/sitemap-index.xml', site).href}\n` : ''}`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
