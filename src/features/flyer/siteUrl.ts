// The site's absolute address, for what leaves the screen: on paper a relative link
// means nothing, so a flyer's QR code and web address need the full URL.
//
// A deployment sets PUBLIC_SITE_URL when it builds, e.g. https://police.alderbrook.example.
// Without it (a developer's build, the tests') the address is https://<jurisdiction>.example,
// under .example, a domain reserved for examples: a flyer printed from such a build points
// at nobody's site rather than at someone else's. The build says so once.

import { slugify } from '../../lib/slug.ts';

let warned = false;

/** The site's origin with any path it is served under, without a trailing slash. */
export function siteUrl(jurisdiction: string, env: Record<string, string | undefined> = process.env): string {
  const configured = env.PUBLIC_SITE_URL?.trim();
  if (configured) {
    let url: URL;
    try {
      url = new URL(configured);
    } catch {
      throw new Error(`PUBLIC_SITE_URL is not a URL: "${configured}". Set it to the site's address, e.g. https://police.alderbrook.example`);
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  }
  const fallback = `https://${slugify(jurisdiction) || 'openbeat'}.example`;
  if (!warned) {
    warned = true;
    console.warn(`PUBLIC_SITE_URL is not set: printed flyers link to ${fallback}. Set it to the site's address when building for a deployment.`);
  }
  return fallback;
}
