// How often one client may call the public functions, counted at the edge and
// nowhere else. The database keeps nothing about who sent what, not even a hash
// of an address, so that no tip can be traced to its sender by whoever holds it:
// a proof of work solved in the browser and a site-wide ceiling guard it there.
// What is left per client lives here, in the gateway's memory, for as long as a
// window lasts: never on disk, never in a log, and gone with the process.
import type http from 'node:http';
import net from 'node:net';

/** At most `calls` in `seconds`, per client network. */
export interface EdgeLimit {
  calls: number;
  seconds: number;
}

export interface EdgeLimits {
  /** Tips, watch group registrations and joins, workshop requests, priority suggestions and answers to staff's questions, together. */
  submissions: EdgeLimit;
  /** "This matters to me too" on a priority: a click, so more of them, but still not a flood. */
  support: EdgeLimit;
  /** The proof-of-work puzzles a form asks for before it sends. */
  challenges: EdgeLimit;
  /** Receipt code lookups (a status, a conversation): a code is guessed only by asking many times. */
  receiptLookups: EdgeLimit;
}

export const defaultEdgeLimits: EdgeLimits = {
  submissions: { calls: 20, seconds: 60 * 60 },
  support: { calls: 30, seconds: 60 * 60 },
  challenges: { calls: 60, seconds: 60 * 60 },
  receiptLookups: { calls: 30, seconds: 15 * 60 },
};

/** The public functions that are limited, and under which rule; nothing else is (staff's calls, content reads). */
const ruleOf: Record<string, keyof EdgeLimits> = {
  submit_tip: 'submissions',
  register_watch_group: 'submissions',
  join_watch_group: 'submissions',
  request_workshop: 'submissions',
  suggest_priority: 'submissions',
  subscribe_to_alerts: 'submissions',
  reply_to_staff: 'submissions',
  support_priority: 'support',
  submission_challenge: 'challenges',
  tip_status: 'receiptLookups',
  watch_group_status: 'receiptLookups',
  workshop_status: 'receiptLookups',
  suggestion_status: 'receiptLookups',
  // A subscriber's links (256-bit tokens); never the one-click unsubscribe, which mail providers
  // send all at once through the alerts function, from one address.
  confirm_alerts: 'receiptLookups',
  alert_subscription: 'receiptLookups',
  update_alerts: 'receiptLookups',
  conversation: 'receiptLookups',
};

/**
 * The windows one rule keeps, at most: past it the oldest is forgotten, so memory stays bounded
 * whatever the number of clients (a client with more networks than this has more quota anyway).
 */
const maxWindowsPerRule = 100_000;

/**
 * Counts calls to the limited functions per client network, in fixed windows that start at a
 * network's first call. The answer is the seconds to wait, or 0 when the call may go on.
 */
export function edgeLimiter(limits: EdgeLimits = defaultEdgeLimits) {
  // One map a rule: its windows all have one length, so insertion order is the order they end in,
  // and the ones that are over are always at the front.
  const windows = new Map<keyof EdgeLimits, Map<string, { endsAt: number; calls: number }>>();
  return {
    /** Counts a call to `path` (under /rest/v1) from `network` (clientNetwork). */
    take(path: string, network: string, now = Date.now()): number {
      const rule = rpcRule(path);
      if (!rule) return 0;
      const limit = limits[rule];
      let counts = windows.get(rule);
      if (!counts) windows.set(rule, (counts = new Map()));
      for (const [key, window] of counts) {
        if (window.endsAt > now && counts.size < maxWindowsPerRule) break;
        counts.delete(key);
      }
      let window = counts.get(network);
      if (!window) {
        window = { endsAt: now + limit.seconds * 1000, calls: 0 };
        counts.set(network, window);
      }
      if (window.calls >= limit.calls) return Math.max(1, Math.ceil((window.endsAt - now) / 1000));
      window.calls += 1;
      return 0;
    },
  };
}

/**
 * The rule for a call to a PostgREST function, by any method (a stable function answers GET as
 * well as POST). `path` is the one PostgREST is asked for (restPath in gateway.ts): its segments
 * are decoded as PostgREST decodes them, and empty ones skipped, so that no spelling of a
 * limited function's name slips past.
 */
function rpcRule(path: string): keyof EdgeLimits | undefined {
  const decode = (segment: string) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  };
  const [rpc, name, ...more] = (path.split('?')[0] ?? '').split('/').filter(Boolean).map(decode);
  if (rpc !== 'rpc' || !name || more.length > 0) return undefined;
  return Object.hasOwn(ruleOf, name) ? ruleOf[name] : undefined;
}

/**
 * The client's address. By default the TCP peer's: locally the gateway is itself the edge, and a
 * header is whatever the client chose to write in it. Behind a proxy that sets a header of its own
 * (Cloudflare's `cf-connecting-ip`, which overwrites any value the client sent), that header names
 * the client: set it as `clientAddressHeader` (OPENBEAT_CLIENT_ADDRESS_HEADER). Should the proxy
 * append to a list rather than overwrite, its own entry is the last one. A request without a valid
 * address in the header did not come through the proxy, so its peer is the client.
 */
export function clientAddress(req: http.IncomingMessage, header?: string): string {
  const peer = req.socket.remoteAddress ?? '';
  if (!header) return peer;
  const value = req.headers[header.toLowerCase()];
  const named = (Array.isArray(value) ? value.join(',') : (value ?? '')).split(',').at(-1)?.trim() ?? '';
  return net.isIP(named) ? named : peer;
}

/**
 * What one client's calls are counted under. An IPv6 address counts by its /64: one home or
 * phone is given a whole /64 and may take any address in it, so each address alone would let it
 * multiply its quota at will. An IPv4 address, also written IPv4-mapped (`::ffff:a.b.c.d`), counts
 * by itself.
 */
export function clientNetwork(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/, '');
  if (!net.isIPv6(plain)) return plain;
  const groups = ipv6Groups(plain);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** A valid IPv6 address's eight 16-bit groups. */
function ipv6Groups(address: string): number[] {
  // A trailing dotted quad (`::ffff:192.0.2.1`) is the last two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = quad
    ? `${address.slice(0, quad.index)}${((Number(quad[1]) << 8) | Number(quad[2])).toString(16)}:${((Number(quad[3]) << 8) | Number(quad[4])).toString(16)}`
    : address;
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const [head, tail] = text.split('::');
  const before = parse(head);
  const after = parse(tail);
  return [...before, ...Array<number>(tail === undefined ? 0 : 8 - before.length - after.length).fill(0), ...after];
}

/** The answer past a limit, as the database used to give it, so the forms read it unchanged (src/lib/api/errors.ts). */
export function sendRateLimited(res: http.ServerResponse, retryAfterSeconds: number) {
  const body = JSON.stringify({
    code: 'rate_limited',
    message: `Too many attempts: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    details: String(retryAfterSeconds),
    hint: null,
  });
  res.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterSeconds) });
  res.end(body);
}
