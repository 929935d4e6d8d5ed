// The local gateway: one origin that serves the built site and maps Supabase's
// URL layout onto the local services, so supabase-js runs unchanged against
// `createClient(gatewayUrl, anonKey)`. Like Supabase's own gateway, it refuses
// API calls without a project API key and sets the client address itself.
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createProxyServer } from 'http-proxy-3';
import sirv from 'sirv';
import { headersFor, parseHeadersFile, type HeaderRule, type Headers } from '../../src/lib/security/headers.ts';
import type { AuthEmulator } from './authEmulator.ts';
import type { ApiKeys } from './secrets.ts';

interface GatewayOptions {
  postgrestPort: number;
  keys: ApiKeys;
  /** Answers /auth/v1 as Supabase Auth would, for the seeded staff accounts (local only). */
  auth: AuthEmulator;
  /**
   * The built site; without it (under `npm run dev`) only the API is served. Read on the
   * first page request, so the site can be built while the stack already runs (the build
   * reads the approved watch groups from it).
   */
  distDir?: string;
}

/**
 * The largest API request body: a tip, a registration with a drawn area and the staff's
 * calls all fit in a few tens of kilobytes, and PostgREST holds a whole body in memory
 * (four 100 MB posts took it to 2.7 GB).
 */
export const maxBodyBytes = 1024 * 1024;

/**
 * Request headers that never reach PostgREST. Its logs and every SQL function (through
 * `request.headers`) would see them: the browser's and the page's identity, which the portal
 * promises not to keep, and addresses a client may claim for itself (the gateway sets the
 * client's own, below).
 */
const droppedHeaders = ['user-agent', 'referer', 'cookie', 'forwarded', 'x-real-ip', 'cf-connecting-ip', 'true-client-ip', 'x-client-ip'];

// Without a built site's _headers (under `npm run dev`): what every response may carry.
const fallbackHeaders: Headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': "frame-ancestors 'none'" };

export function createGateway({ postgrestPort, keys, auth, distDir }: GatewayOptions): http.Server {
  const proxy = createProxyServer({ target: `http://127.0.0.1:${postgrestPort}`, proxyTimeout: 30_000 });
  proxy.on('error', (_error, _req, res) => {
    if (res instanceof http.ServerResponse && !res.headersSent) {
      sendJson(res, 502, { message: 'The local API (PostgREST) is not answering. Is `npm start` still running?' });
    }
  });

  let site: ReturnType<typeof staticSite> | undefined;

  return http.createServer((req, res) => {
    const url = req.url ?? '/';
    const service = /^\/(rest|auth)\/v1(?=[/?]|$)/.exec(url)?.[1];
    // A sign-in link is opened from an email, with no key to send: Supabase's gateway lets it through too.
    if (service === 'auth' && /^\/auth\/v1\/verify(?=[?]|$)/.test(url) && req.method === 'GET') return auth.handle(req, res, url.slice('/auth/v1'.length));
    if (service) {
      const apiKey = req.headers.apikey ?? new URL(url, 'http://gateway').searchParams.get('apikey');
      if (!apiKey) return sendJson(res, 401, { message: 'No API key found in request' });
      if (apiKey !== keys.anonKey && apiKey !== keys.serviceRoleKey) return sendJson(res, 401, { message: 'Invalid API key' });
      if (tooLarge(req, res)) return;
      if (service === 'auth') return auth.handle(req, res, url.slice('/auth/v1'.length) || '/');
      req.headers.authorization ??= `Bearer ${apiKey}`;
      for (const name of droppedHeaders) delete req.headers[name];
      // The client address as this gateway saw it; whatever the client claimed is dropped.
      req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
      req.url = url.slice('/rest/v1'.length) || '/';
      return proxy.web(req, res);
    }
    site ??= distDir && existsSync(distDir) ? staticSite(distDir) : undefined;
    if (!site) {
      for (const [name, value] of Object.entries(fallbackHeaders)) res.setHeader(name, value);
      return sendJson(res, 404, { message: 'No built site here: run `npm start`, or open the Astro dev server.' });
    }
    site(req, res);
  });
}

// The same headers a static host would send, from the build's _headers file.
function staticSite(distDir: string) {
  const notFoundFile = path.join(distDir, '404.html');
  const notFound = existsSync(notFoundFile) ? readFileSync(notFoundFile) : Buffer.from('Not found');
  const headersFile = path.join(distDir, '_headers');
  const rules: HeaderRule[] = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const headersOf = (url: string) => {
    const raw = new URL(url, 'http://site').pathname;
    let pathname = raw;
    try {
      pathname = decodeURIComponent(raw);
    } catch {
      // a malformed escape is simply not one of the pages
    }
    return rules.length > 0 ? headersFor(rules, pathname) : fallbackHeaders;
  };
  const serve = sirv(distDir, {
    etag: true,
    setHeaders(res, pathname) {
      // Astro fingerprints everything under /_astro/, so it never changes under the same name.
      res.setHeader('cache-control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    for (const [name, value] of Object.entries(headersOf(req.url ?? '/'))) res.setHeader(name, value);
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    });
  };
}

/**
 * Answers 413 for a body over maxBodyBytes: at once when Content-Length says so, otherwise as
 * soon as the bytes streamed in pass it (a chunked body announces no length), cutting the
 * request off so that nothing more is read or forwarded.
 */
function tooLarge(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  // Once the answer is out, the connection goes: that stops the upload and whatever was forwarding it.
  const refuse = () => {
    if (res.headersSent) return;
    res.on('finish', () => req.destroy());
    res.setHeader('connection', 'close');
    sendJson(res, 413, { message: `The request is larger than ${maxBodyBytes / 1024} KB.` });
  };
  if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) {
    refuse();
    return true;
  }
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBodyBytes) refuse();
  });
  return false;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
