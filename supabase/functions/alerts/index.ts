// The alerts Edge Function: the address every alert's List-Unsubscribe header
// names (RFC 8058), /functions/v1/alerts?token=<manage token>. It is deployed
// with verify_jwt off (`supabase functions deploy alerts --no-verify-jwt`), because mail providers call it
// with nothing but the link: RFC 8058's one-click unsubscribe is a POST whose
// body is `List-Unsubscribe=One-Click`, with no key and no other header. The
// token is the subscriber's manage token (96 hex digits, an HMAC only the
// database can make), so the function holds no secret beyond the anon key
// and calls the same public unsubscribe_alerts() the site's page calls.
//
//   POST, body List-Unsubscribe=One-Click: the subscription is deleted; 200.
//   GET (a person who opened the link): 303 to the site's manage page, which
//   unsubscribes with one button. Supabase serves functions' HTML as plain
//   text, and the page is the site's anyway, in the subscriber's language.
//
// Secrets: SUPABASE_URL and SUPABASE_ANON_KEY (Supabase gives every function
// both), SITE_URL (the public site, as for send-mail).
const env = (name: string) => Deno.env.get(name)?.trim() || undefined;

const plain = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(`${body}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });

Deno.serve(async (request) => {
  const url = new URL(request.url);
  const token = url.searchParams.get('token') ?? '';
  // The pages' language prefix, as the alert's link names it (none for the site's first language).
  const language = url.searchParams.get('lang') ?? '';
  const prefix = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? `/${language}` : '';
  const supabaseUrl = env('SUPABASE_URL');
  const anonKey = env('SUPABASE_ANON_KEY');
  const siteUrl = env('SITE_URL');
  if (!supabaseUrl || !anonKey || !siteUrl) return plain(500, 'Set SUPABASE_URL, SUPABASE_ANON_KEY and SITE_URL.');
  if (!/^[0-9a-f]{96}$/.test(token)) return plain(400, 'This unsubscribe link is not valid.');

  if (request.method === 'GET' || request.method === 'HEAD') {
    const page = new URL(`${prefix}/alerts/manage/`, siteUrl);
    page.searchParams.set('token', token);
    return new Response(null, { status: 303, headers: { location: page.toString(), 'cache-control': 'no-store' } });
  }
  if (request.method !== 'POST') return plain(405, 'Open this link, or POST List-Unsubscribe=One-Click to it.', { allow: 'GET, HEAD, POST' });

  // RFC 8058 names the body exactly; a form post of it is what providers send.
  const body = new URLSearchParams(await request.text());
  if (body.get('List-Unsubscribe') !== 'One-Click') return plain(400, 'POST List-Unsubscribe=One-Click to unsubscribe.');
  const answer = await fetch(`${supabaseUrl}/rest/v1/rpc/unsubscribe_alerts`, {
    method: 'POST',
    headers: { apikey: anonKey, authorization: `Bearer ${anonKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  await answer.body?.cancel();
  if (answer.status >= 500) return plain(502, 'The subscription could not be removed just now: try again.');
  if (!answer.ok) return plain(400, 'This unsubscribe link is not valid.');
  return plain(200, language === 'es' ? 'Se dio de baja: su dirección se borró.' : 'Unsubscribed: your address has been deleted.');
});
