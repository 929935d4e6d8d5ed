// The local gateway: one origin that serves the built site and maps Supabase's
// URL layout onto the local services, so supabase-js runs unchanged against
// `createClient(gatewayUrl, anonKey)`. Like Supabase's own gateway, it refuses
// API calls without a project API key. It limits how often each client calls the
// public functions (edgeLimits.ts), and passes no client address on.
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createProxyServer } from 'http-proxy-3';
import sirv from 'sirv';
import { headersFor, parseHeadersFile, type HeaderRule, type Headers } from '../../src/lib/security/headers.ts';
import type { AuthEmulator } from './authEmulator.ts';
import { clientAddress, clientNetwork, edgeLimiter, sendRateLimited, type EdgeLimits } from './edgeLimits.ts';
import type { ApiKeys } from './secrets.ts';
import type { StorageEmulator } from './storage.ts';

interface GatewayOptions {
  postgrestPort: number;
  keys: ApiKeys;
  /** Answers /auth/v1 as Supabase Auth would, for the seeded staff accounts (local only). */
  auth: AuthEmulator;
  /** Answers /storage/v1 for files as Supabase Storage would (local only); without it, /storage/v1 is not found. */
  storage?: StorageEmulator;
  /**
   * A built site to serve; without it (under `npm run dev`) only the API is served, until
   * setSite names one (the publisher's folders under `npm start`). Read on the first page
   * request, so the site can be built while the stack already runs (the build reads the
   * published content and approved watch groups from it).
   */
  distDir?: string;
  /** How often one client may call the public functions; defaultEdgeLimits unless given. */
  edgeLimits?: EdgeLimits;
  /** The header a trusted proxy in front names the client in; unset, the TCP peer is the client (see clientAddress). */
  clientAddressHeader?: string;
  /**
   * Edge Functions served at /functions/v1/<name> as Supabase serves those deployed with
   * verify_jwt off (no key needed): name → where the stack serves it (edgeFunction.ts). Only
   * the public ones are here (alerts); the stack calls the others itself.
   */
  functions?: Map<string, Promise<string>>;
}

/**
 * The largest API request body: a tip, a registration with a drawn area and the staff's
 * calls all fit in a few tens of kilobytes, and PostgREST holds a whole body in memory
 * (four 100 MB posts took it to 2.7 GB).
 */
export const maxBodyBytes = 1024 * 1024;

/**
 * Request headers that never reach PostgREST. Its logs and every SQL function (through
 * `request.headers`) would see them: the browser's and the page's identity, and any client
 * address, claimed by the client or set by a proxy, none of which the portal keeps. The
 * database needs no address: the limits per client are the gateway's own (edgeLimits.ts).
 * Dropped as well: every `x-forwarded-*` header, Cloudflare's `cf-*` ones (the country and city
 * there are the address's), and the header clientAddressHeader names.
 */
const droppedHeaders = ['user-agent', 'referer', 'cookie', 'forwarded', 'x-real-ip', 'true-client-ip', 'x-client-ip'];
const droppedPrefixes = /^(x-forwarded-|cf-)/;

// Without a built site's _headers (under `npm run dev`): what every response may carry.
const fallbackHeaders: Headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': "frame-ancestors 'none'" };

/** The gateway's server, and how the publisher switches the site it serves. */
export interface Gateway {
  server: http.Server;
  /**
   * Serves the built site in dir from the next request on. One assignment: a request already
   * being answered finishes from the folder it started in, and none sees half of each.
   */
  setSite(dir: string): void;
}

export function createGateway({ postgrestPort, keys, auth, storage, distDir, edgeLimits, clientAddressHeader, functions }: GatewayOptions): Gateway {
  const proxy = createProxyServer({ target: `http://127.0.0.1:${postgrestPort}`, proxyTimeout: 30_000 });
  proxy.on('error', (_error, _req, res) => {
    if (res instanceof http.ServerResponse && !res.headersSent) {
      sendJson(res, 502, { message: 'The local API (PostgREST) is not answering. Is `npm start` still running?' });
    }
  });
  // A request refused as too large while it was being forwarded goes no further (see tooLarge).
  proxy.on('proxyReq', (proxyReq, req) => {
    if (refused.has(req)) proxyReq.destroy();
    else forwarding.set(req, proxyReq);
  });
  const limiter = edgeLimiter(edgeLimits);
  const functionProxy = createProxyServer({ proxyTimeout: 30_000 });
  functionProxy.on('error', (_error, _req, res) => {
    if (res instanceof http.ServerResponse && !res.headersSent) sendJson(res, 502, { message: 'The Edge Function is not answering.' });
  });

  let site: ReturnType<typeof staticSite> | undefined;

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const service = /^\/(rest|auth|storage)\/v1(?=[/?]|$)/.exec(url)?.[1];
    // A public bucket's file is an address for an <img>, with no key to send: Supabase's gateway lets it through too.
    if (service === 'storage' && /^\/storage\/v1\/object\/public\//.test(url) && (req.method === 'GET' || req.method === 'HEAD')) {
      return storage ? storage.handle(req, res, url.slice('/storage/v1'.length), false) : sendJson(res, 404, { message: 'No Storage here' });
    }
    // A sign-in link is opened from an email, with no key to send: Supabase's gateway lets it through too.
    if (service === 'auth' && /^\/auth\/v1\/verify(?=[?]|$)/.test(url) && req.method === 'GET') return auth.handle(req, res, url.slice('/auth/v1'.length));
    const edgeFunction = /^\/functions\/v1\/([a-z0-9-]+)(?=[/?]|$)/.exec(url);
    if (edgeFunction) {
      const served = functions?.get(edgeFunction[1]!);
      if (!served) return sendJson(res, 404, { message: 'No such function' });
      dropClientHeaders(req, clientAddressHeader);
      delete req.headers.expect;
      req.url = url.slice(edgeFunction[0].length) || '/';
      if (!req.url.startsWith('/')) req.url = `/${req.url}`;
      // The body is left unread until the function is there to take it (tooLarge starts reading it).
      served.then(
        (target) => {
          if (!tooLarge(req, res)) functionProxy.web(req, res, { target });
        },
        () => sendJson(res, 502, { message: 'The Edge Function did not start.' }),
      );
      return;
    }
    if (service) {
      const apiKey = req.headers.apikey ?? new URL(url, 'http://gateway').searchParams.get('apikey');
      if (!apiKey) return sendJson(res, 401, { message: 'No API key found in request' });
      if (apiKey !== keys.anonKey && apiKey !== keys.serviceRoleKey) return sendJson(res, 401, { message: 'Invalid API key' });
      if (service === 'auth') {
        if (!tooLarge(req, res)) auth.handle(req, res, url.slice('/auth/v1'.length) || '/');
        return;
      }
      // Files are larger than API calls: Storage checks each bucket's own limit (storage.ts).
      if (service === 'storage') return storage ? storage.handle(req, res, url.slice('/storage/v1'.length) || '/', true) : sendJson(res, 404, { message: 'No Storage here' });
      const forwarded = restPath(url);
      const retryAfter = limiter.take(forwarded, clientNetwork(clientAddress(req, clientAddressHeader)));
      if (retryAfter > 0) return sendRateLimited(res, retryAfter);
      if (tooLarge(req, res)) return;
      req.headers.authorization ??= `Bearer ${apiKey}`;
      dropClientHeaders(req, clientAddressHeader);
      // Node has answered it (100 Continue) already, and http-proxy-3 tells of a forwarded request
      // (proxyReq, which tooLarge needs to stop it) only when it carries none.
      delete req.headers.expect;
      req.url = forwarded;
      return proxy.web(req, res);
    }
    site ??= distDir && existsSync(distDir) ? staticSite(distDir) : undefined;
    if (!site) {
      for (const [name, value] of Object.entries(fallbackHeaders)) res.setHeader(name, value);
      return sendJson(res, 404, { message: 'No built site here: run `npm start`, or open the Astro dev server.' });
    }
    site(req, res);
  });
  return {
    server,
    setSite(dir) {
      // Made whole (its 404 page and _headers read) before it replaces the one being served.
      site = staticSite(dir);
    },
  };
}

/** Takes off every header that tells who or where the client is (droppedHeaders). */
function dropClientHeaders(req: http.IncomingMessage, clientAddressHeader: string | undefined) {
  for (const name of Object.keys(req.headers)) {
    if (droppedHeaders.includes(name) || droppedPrefixes.test(name) || name === clientAddressHeader?.toLowerCase()) delete req.headers[name];
  }
}

/**
 * What PostgREST is asked for: the rest of the path after /rest/v1, with its dot segments
 * resolved as a URL's are (as the proxy would resolve them anyway), so that the limits see the
 * function PostgREST calls, however the path was spelled.
 */
function restPath(url: string): string {
  const { pathname, search } = new URL(`http://gateway${url.slice('/rest/v1'.length)}`);
  return pathname + search;
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

/** Requests refused as too large, and the forwarded requests they would have fed (see tooLarge). */
const refused = new WeakSet<http.IncomingMessage>();
const forwarding = new WeakMap<http.IncomingMessage, http.ClientRequest>();

/** After a 413, how much more of a body is read and thrown away, at most, before the connection is cut. */
const discardBytes = 16 * maxBodyBytes;
const discardMs = 10_000;

/**
 * Answers 413 for a body over maxBodyBytes: at once when Content-Length says so, otherwise as
 * soon as the bytes streamed in pass it (a chunked body announces no length). Nothing more is
 * forwarded, and the connection closes once the client has sent the rest. Until then the rest is
 * read and thrown away, within bounds of bytes and time: a connection closed with bytes unread
 * is reset, and a client still writing can meet the reset before it reads the 413.
 */
function tooLarge(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const refuse = () => {
    if (refused.has(req) || res.headersSent) return;
    refused.add(req);
    forwarding.get(req)?.destroy();
    req.unpipe();
    const body = JSON.stringify({ message: `The request is larger than ${maxBodyBytes / 1024} KB.` });
    // The answer goes now, but it ends (and the connection with it) only once the body has: a
    // client that saw it end would stop sending (Node's does), and leave the rest unread.
    res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    res.write(body);
    let discarded = 0;
    const cutOff = () => req.socket.destroy();
    const timer = setTimeout(cutOff, discardMs).unref();
    req.socket.once('close', () => clearTimeout(timer));
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > discardBytes) cutOff();
    });
    req.once('end', () => res.end());
    req.resume();
  };
  if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) {
    refuse();
    return true;
  }
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received <= maxBodyBytes) return;
    req.off('data', count);
    refuse();
  };
  req.on('data', count);
  return false;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
