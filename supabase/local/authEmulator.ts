// LOCAL ONLY: a small stand-in for Supabase Auth (GoTrue), because no Auth
// server can be installed from npm. It answers the calls supabase-js makes
// for staff — password sign-in, magic link, session refresh, current user,
// sign-out — for the accounts in auth.users (supabase/seed.sql), and issues
// access tokens with the claims Supabase Auth puts in them (sub, role
// "authenticated", email, app_metadata), signed with the local JWT secret, so
// PostgREST and RLS see exactly what they would see in production. It is not a
// general Auth server: no sign-up, no MFA. A magic link is sent over SMTP, as
// Supabase Auth sends it, to the stack's mail catcher (mailCatcher.ts), whose
// mailbox page shows it: nothing leaves this computer. Refresh tokens
// and links live in memory and end with the process. Staff code talks to it
// through supabase-js and cannot tell.
import { randomBytes, randomUUID } from 'node:crypto';
import type http from 'node:http';
import { jwtVerify, SignJWT } from 'jose';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { clientAddress } from './edgeLimits.ts';

const accessTokenSeconds = 3600;
// A link is a password sent through email: it works once, for a short time.
const magicLinkSeconds = 10 * 60;
// Supabase Auth's defaults (docs, guides/auth/rate-limits): sign-ins per client address, 30 in five
// minutes as a token bucket of 30 (the CLI's config.toml `sign_in_sign_ups = 30`); a wait of 60
// seconds between two links for one account ("Send OTPs or magic links: last request").
export const supabaseAuthLimits: AuthLimits = { signInsPerFiveMinutes: 30, linkPeriodSeconds: 60 };

/** An email the emulation sends: the sign-in link's. */
export interface AuthEmail {
  to: string;
  subject: string;
  text: string;
}

/** Sends the emulation's emails over SMTP, to the local mail catcher on `port` (no sign-in, no TLS). */
export function smtpSender(port: number, from = 'OpenBeat sign-in (local) <no-reply@openbeat.localhost>'): (email: AuthEmail) => Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return async (email) => {
    await transport.sendMail({ from, ...email });
  };
}

interface Account {
  id: string;
  email: string;
  email_confirmed_at: Date | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

export interface AuthEmulator {
  handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): void;
  close(): Promise<void>;
}

interface AuthEmulatorOptions {
  databaseUrl: string;
  jwtSecret: string;
  /** Where sign-in links go and lead; without it, no link is sent. */
  links?: LinkOptions;
  limits?: AuthLimits;
  /** The header a trusted proxy names the client in, as the gateway's (clientAddress in edgeLimits.ts); unset, the TCP peer. */
  clientAddressHeader?: string;
}

/** Supabase Auth's limits, which a test stack may loosen: all its browsers are one client, and some ask for a link again at once. */
export interface AuthLimits {
  /** Password sign-ins and link requests one client address may make in five minutes. */
  signInsPerFiveMinutes: number;
  /** The wait between two links for one account. */
  linkPeriodSeconds: number;
}

interface LinkOptions {
  /** Sends a sign-in email (smtpSender, to the stack's mail catcher); the link's request is answered once it is sent. */
  send(email: AuthEmail): Promise<void>;
  /**
   * The gateway's own origin, known once it listens. Links point there and may only
   * lead back there. It is configured, never taken from the request's Host header,
   * which a caller could set to mail someone a link to another server.
   */
  origin(): string;
}

export function createAuthEmulator({ databaseUrl, jwtSecret, links, limits = supabaseAuthLimits, clientAddressHeader }: AuthEmulatorOptions): AuthEmulator {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // An idle connection dies when Postgres restarts; the pool makes a new one at the next call.
  pool.on('error', () => undefined);
  const key = new TextEncoder().encode(jwtSecret);
  /** session id → its account, while the session lasts: a signed-out session's token opens nothing here, as in Supabase Auth */
  const sessions = new Map<string, string>();
  /** refresh token → the account and session it continues */
  const refreshTokens = new Map<string, { userId: string; sessionId: string }>();
  /** magic-link token → the account it signs in, and until when (ms) */
  const magicLinks = new Map<string, { userId: string; expiresAt: number }>();
  /** account → when its last link was sent (ms) */
  const lastLinkAt = new Map<string, number>();
  const signIns = tokenBucket(limits.signInsPerFiveMinutes, 5 * 60);
  // A hash to check a password against when the address has no account, so that an unknown
  // address costs the same bcrypt work as a wrong password: the answer's delay tells nothing.
  // gen_salt('bf') as for the local accounts' own hashes (migrate.ts), so of the same cost.
  const noAccountHash = pool.query<{ hash: string }>(`select extensions.crypt('', extensions.gen_salt('bf')) as hash`).then((result) => result.rows[0]!.hash);

  /** The redirect if it is an address on the gateway's own origin (anything else would be an open redirect). */
  const ownAddress = (value: string | null): URL | undefined => {
    if (!value || !URL.canParse(value)) return undefined;
    const target = new URL(value);
    if (target.origin !== links?.origin()) return undefined;
    target.hash = '';
    return target;
  };

  const account = async (where: string, values: unknown[]): Promise<Account | undefined> =>
    (
      await pool.query<Account>(
        `select id, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at from auth.users where ${where}`,
        values,
      )
    ).rows[0];

  /** The account whose address and password these are: one bcrypt check whether or not the address has an account. */
  const passwordAccount = async (email: string, password: string): Promise<Account | undefined> => {
    const { rows } = await pool.query<Account & { matches: boolean }>(
      `select u.id, u.email, u.email_confirmed_at, u.raw_app_meta_data, u.raw_user_meta_data, u.created_at, u.updated_at,
              extensions.crypt($2, coalesce(u.encrypted_password, $3)) = u.encrypted_password as matches
         from (select) as one left join auth.users as u on lower(u.email) = lower($1)`,
      [email, password, await noAccountHash],
    );
    const found = rows[0];
    return found?.matches ? found : undefined;
  };

  const user = (a: Account) => ({
    id: a.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: a.email,
    email_confirmed_at: a.email_confirmed_at?.toISOString() ?? null,
    app_metadata: { provider: 'email', providers: ['email'], ...a.raw_app_meta_data },
    user_metadata: a.raw_user_meta_data,
    identities: [],
    created_at: a.created_at.toISOString(),
    updated_at: a.updated_at.toISOString(),
  });

  const session = async (a: Account, sessionId: string = randomUUID(), method: 'password' | 'otp' = 'password') => {
    const now = Math.floor(Date.now() / 1000);
    const u = user(a);
    const accessToken = await new SignJWT({
      role: 'authenticated',
      email: a.email,
      app_metadata: u.app_metadata,
      user_metadata: u.user_metadata,
      session_id: sessionId,
      aal: 'aal1',
      amr: [{ method, timestamp: now }],
      is_anonymous: false,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(a.id)
      .setAudience('authenticated')
      .setIssuer('openbeat-local/auth/v1')
      .setIssuedAt(now)
      .setExpirationTime(now + accessTokenSeconds)
      .sign(key);
    const refreshToken = randomBytes(24).toString('base64url');
    sessions.set(sessionId, a.id);
    refreshTokens.set(refreshToken, { userId: a.id, sessionId });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: accessTokenSeconds,
      expires_at: now + accessTokenSeconds,
      refresh_token: refreshToken,
      user: u,
    };
  };

  /** The account and session of a request's access token, if it is valid. */
  const bearer = async (req: http.IncomingMessage) => {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, key, { audience: 'authenticated' });
      if (sessions.get(String(payload.session_id ?? '')) !== payload.sub) return undefined;
      const found = payload.sub ? await account('id = $1', [payload.sub]) : undefined;
      return found && { account: found, sessionId: String(payload.session_id ?? '') };
    } catch {
      return undefined;
    }
  };

  async function route(req: http.IncomingMessage, res: http.ServerResponse, path: string) {
    const url = new URL(path, 'http://auth');
    if (req.method === 'POST' && url.pathname === '/token') {
      const body = await readJson(req);
      const grant = url.searchParams.get('grant_type');
      if (grant === 'password') {
        if (!signIns.take(clientAddress(req, clientAddressHeader))) return fail(res, 429, 'over_request_rate_limit', 'Request rate limit reached');
        const found = await passwordAccount(String(body.email ?? ''), String(body.password ?? ''));
        if (!found) return fail(res, 400, 'invalid_credentials', 'Invalid login credentials');
        return send(res, 200, await session(found));
      }
      if (grant === 'refresh_token') {
        const held = refreshTokens.get(String(body.refresh_token ?? ''));
        if (!held || !sessions.has(held.sessionId)) return fail(res, 400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
        // Each refresh token is used once, as Supabase Auth rotates them.
        refreshTokens.delete(String(body.refresh_token));
        const found = await account('id = $1', [held.userId]);
        if (!found) return fail(res, 400, 'user_not_found', 'User from sub claim in JWT does not exist');
        return send(res, 200, await session(found, held.sessionId));
      }
      return fail(res, 400, 'unsupported_grant_type', 'This local Auth emulation supports only password and refresh_token grants');
    }
    if (links && req.method === 'POST' && url.pathname === '/otp') {
      const body = await readJson(req);
      const redirectTo = ownAddress(url.searchParams.get('redirect_to'));
      // Checked before the account, so the answer never depends on whether it exists.
      if (!redirectTo) return fail(res, 400, 'validation_failed', `redirect_to must be an address on ${links.origin()}`);
      if (body.create_user !== false) return fail(res, 422, 'signup_disabled', 'This local Auth emulation signs in existing accounts only (create_user: false)');
      if (!signIns.take(clientAddress(req, clientAddressHeader))) return fail(res, 429, 'over_request_rate_limit', 'Request rate limit reached');
      const found = await account('lower(email) = lower($1)', [String(body.email ?? '')]);
      // The same answer for every address: whether an account exists shows only in its own mailbox.
      if (found) await mail(links, found, redirectTo);
      return send(res, 200, {});
    }
    if (links && req.method === 'GET' && url.pathname === '/verify') {
      const redirectTo = ownAddress(url.searchParams.get('redirect_to'));
      if (!redirectTo) return fail(res, 400, 'validation_failed', `redirect_to must be an address on ${links.origin()}`);
      const token = url.searchParams.get('token') ?? '';
      const link = magicLinks.get(token);
      magicLinks.delete(token);
      const found = link && link.expiresAt > Date.now() && url.searchParams.get('type') === 'magiclink' ? await account('id = $1', [link.userId]) : undefined;
      // Signed in: the account's other links have served their purpose.
      if (found) for (const [other, held] of magicLinks) if (held.userId === found.id) magicLinks.delete(other);
      // As Supabase Auth does: the outcome goes back to the page in the fragment, which supabase-js reads.
      redirectTo.hash = found
        ? new URLSearchParams({ ...tokenFields(await session(found, undefined, 'otp')), type: 'magiclink' }).toString()
        : new URLSearchParams({ error: 'access_denied', error_code: 'otp_expired', error_description: 'Email link is invalid or has expired' }).toString();
      res.writeHead(303, { location: redirectTo.toString(), 'cache-control': 'no-store' }).end();
      return;
    }
    if (req.method === 'GET' && url.pathname === '/user') {
      const who = await bearer(req);
      if (!who) return fail(res, 401, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
      return send(res, 200, user(who.account));
    }
    if (req.method === 'POST' && url.pathname === '/logout') {
      const who = await bearer(req);
      if (!who) return fail(res, 401, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
      const everywhere = url.searchParams.get('scope') === 'global';
      for (const [id, userId] of sessions) {
        if (userId === who.account.id && (everywhere || id === who.sessionId)) sessions.delete(id);
      }
      for (const [token, held] of refreshTokens) if (!sessions.has(held.sessionId)) refreshTokens.delete(token);
      res.writeHead(204).end();
      return;
    }
    return fail(res, 404, 'not_found', 'This local Auth emulation answers only sign-in, magic link, refresh, user and sign-out');
  }

  /** Sends a one-time link, and nothing on the console. */
  async function mail({ send, origin }: LinkOptions, a: Account, redirectTo: URL) {
    // As Supabase Auth, one link a minute per account. Unlike it, asking again leaves the earlier
    // links working: otherwise anyone who knows a staff address could void their links at will.
    if (Date.now() - (lastLinkAt.get(a.id) ?? 0) < limits.linkPeriodSeconds * 1000) return;
    lastLinkAt.set(a.id, Date.now());
    for (const [token, link] of magicLinks) if (link.expiresAt <= Date.now()) magicLinks.delete(token);
    const token = randomBytes(24).toString('base64url');
    magicLinks.set(token, { userId: a.id, expiresAt: Date.now() + magicLinkSeconds * 1000 });
    const link = new URL('/auth/v1/verify', origin());
    link.search = new URLSearchParams({ token, type: 'magiclink', redirect_to: redirectTo.toString() }).toString();
    await send({
      to: a.email,
      subject: 'Your sign-in link',
      text: `Follow this link to sign in to the staff workspace. It works once, within ${magicLinkSeconds / 60} minutes:\n\n${link.toString()}\n\nIf you did not ask to sign in, ignore this email.\n`,
    });
  }

  return {
    handle(req, res, path) {
      route(req, res, path).catch((error: unknown) => fail(res, 500, 'unexpected_failure', String(error)));
    },
    close: () => pool.end(),
  };
}

/**
 * Supabase Auth's limiter: per client address, a bucket that holds `limit` requests and refills
 * at `limit` per `seconds`; a request takes one, or is refused while it is empty.
 */
function tokenBucket(limit: number, seconds: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(address: string): boolean {
      const now = Date.now();
      const bucket = buckets.get(address) ?? { tokens: limit, at: now };
      bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.at) / 1000) * (limit / seconds));
      bucket.at = now;
      buckets.set(address, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}

/** A session's fields as the implicit flow puts them in the fragment (supabase-js's _getSessionFromURL reads these). */
function tokenFields(s: { access_token: string; expires_at: number; expires_in: number; refresh_token: string; token_type: string }) {
  return {
    access_token: s.access_token,
    expires_at: String(s.expires_at),
    expires_in: String(s.expires_in),
    refresh_token: s.refresh_token,
    token_type: s.token_type,
  };
}

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 10_000) req.destroy(new Error('request too large'));
    });
    req.on('end', () => {
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch {
        resolve({});
      }
    });
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

// Supabase Auth's error shape, which supabase-js turns into AuthApiError with `code`.
function fail(res: http.ServerResponse, status: number, code: string, message: string) {
  if (res.headersSent) return res.end();
  send(res, status, { code: status, error_code: code, msg: message });
}
