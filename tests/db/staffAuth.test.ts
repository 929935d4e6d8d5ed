// Staff sign in through supabase-js exactly as they would against Supabase
// Auth; locally the gateway's emulation answers. The access token it issues
// carries Supabase's claims and is accepted by PostgREST as `authenticated`.
import { rmSync } from 'node:fs';
import http from 'node:http';
import { createClient } from '@supabase/supabase-js';
import { decodeJwt, SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createAuthEmulator, smtpSender } from '../../supabase/local/authEmulator.ts';
import { startMailCatcher } from '../../supabase/local/mailCatcher.ts';
import { linksIn, mailTo } from '../support/mail.ts';
import { temporaryDataDir } from '../support/testStack.ts';

const { url, anonKey, databaseUrl, mailFolder } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const email = `officer-${crypto.randomUUID()}@example.org`;
const password = 'correct horse battery staple';
let userId: string;

const client = () => createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });

beforeAll(async () => {
  await db.connect();
  const { rows } = await db.query(
    `insert into auth.users (email, encrypted_password, raw_app_meta_data)
     values ($1, extensions.crypt($2, extensions.gen_salt('bf')), '{"openbeat": "test"}') returning id`,
    [email, password],
  );
  userId = rows[0].id;
});
afterAll(() => db.end());

describe('staff sign-in', () => {
  it('signs in with email and password and gets a token with Supabase’s claims', async () => {
    const supabase = client();
    const { data, error } = await supabase.auth.signInWithPassword({ email: email.toUpperCase(), password });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(userId);
    const claims = decodeJwt(data.session!.access_token);
    expect(claims).toMatchObject({ sub: userId, role: 'authenticated', email, aud: 'authenticated', app_metadata: { provider: 'email', openbeat: 'test' } });

    const { data: current } = await supabase.auth.getUser();
    expect(current.user?.email).toBe(email);
  });

  it('refuses a wrong password, and an unknown address, with the same answer', async () => {
    const wrong = await client().auth.signInWithPassword({ email, password: 'guess' });
    const unknown = await client().auth.signInWithPassword({ email: 'nobody@example.org', password });
    expect(wrong.error?.code).toBe('invalid_credentials');
    expect(unknown.error?.code).toBe('invalid_credentials');
    expect(wrong.error?.message).toBe(unknown.error?.message);
    expect(wrong.data.session).toBeNull();
  });

  it('refreshes a session once per refresh token, and ends it on sign-out', async () => {
    const supabase = client();
    const { data } = await supabase.auth.signInWithPassword({ email, password });
    const first = data.session!;
    const refreshed = await supabase.auth.refreshSession({ refresh_token: first.refresh_token });
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.refresh_token).not.toBe(first.refresh_token);
    // A refresh token is spent once used.
    const reused = await client().auth.refreshSession({ refresh_token: first.refresh_token });
    expect(reused.error).not.toBeNull();

    const latest = refreshed.data.session!.refresh_token;
    const accessToken = refreshed.data.session!.access_token;
    expect((await supabase.auth.getUser(accessToken)).data.user?.id).toBe(userId);
    expect((await supabase.auth.signOut()).error).toBeNull();
    const afterSignOut = await client().auth.refreshSession({ refresh_token: latest });
    expect(afterSignOut.error).not.toBeNull();
    // As Supabase Auth: the session is gone, so its token no longer names a user.
    const user = await client().auth.getUser(accessToken);
    expect(user.data.user).toBeNull();
    expect(user.error?.status).toBe(401);
  });

  it('is refused without the project’s API key, like the rest of the API', async () => {
    const response = await fetch(`${url}/auth/v1/token?grant_type=password`, { method: 'POST', body: JSON.stringify({ email, password }) });
    expect(response.status).toBe(401);
  });

  it('gives PostgREST a token it accepts, and a forged one is refused', async () => {
    const { data } = await client().auth.signInWithPassword({ email, password });
    const call = (token: string) =>
      fetch(`${url}/rest/v1/rpc/approved_watch_groups`, { method: 'POST', headers: { apikey: anonKey, authorization: `Bearer ${token}` } });
    expect((await call(data.session!.access_token)).status).toBe(200);
    const forged = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).sign(new TextEncoder().encode('not the secret'));
    expect((await call(forged)).status).toBe(401);
  });
});

describe('staff sign-in links (the local emulation of Supabase Auth’s magic link)', () => {
  const redirectTo = `${url}/staff`;
  /** The sign-in emails caught for the test's addresses (every file of the run shares the catcher), each { time, to, link }. */
  const mail = async () =>
    (await mailTo(mailFolder, email)).map((message) => ({
      time: message.receivedAt.toISOString(),
      to: message.to[0],
      link: linksIn(message).find((link) => link.includes('/auth/v1/verify')) ?? '',
    }));
  const askForLink = (address: string, redirect = redirectTo) =>
    client().auth.signInWithOtp({ email: address, options: { shouldCreateUser: false, emailRedirectTo: redirect } });
  const linkFor = async (address: string) => {
    const before = (await mail()).length;
    expect((await askForLink(address)).error).toBeNull();
    const sent = (await mail()).slice(before);
    expect(sent).toHaveLength(1);
    return new URL(sent[0]?.link ?? '');
  };
  /** Where following a link leads, and what its fragment says. */
  const follow = async (link: URL | string) => {
    const response = await fetch(link, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', url);
    const fragment: Record<string, string> = Object.fromEntries(new URLSearchParams(location.hash.slice(1)));
    return { status: response.status, location, fragment };
  };

  it('answers an unknown address as it answers an account’s, and mails nothing', async () => {
    const before = await mail();
    const nobody = `nobody-${crypto.randomUUID()}@example.org`;
    const unknown = await askForLink(nobody);
    expect(unknown.error).toBeNull();
    expect(await mail()).toEqual(before);
    expect(await mailTo(mailFolder, nobody)).toEqual([]);
    const known = await askForLink(email);
    expect(known.error).toBeNull();
    expect(known.data).toEqual(unknown.data);
  });

  it('mails one line with a link for an account, which signs in once with a token PostgREST accepts', async () => {
    const before = (await mail()).length;
    const link = await linkFor(email.toUpperCase());
    const { time, to } = (await mail())[before] ?? {};
    expect(to).toBe(email);
    expect(Number.isNaN(Date.parse(time ?? ''))).toBe(false);
    expect(link.origin).toBe(url);
    expect(link.pathname).toBe('/auth/v1/verify');
    expect(link.searchParams.get('type')).toBe('magiclink');
    expect(link.searchParams.get('redirect_to')).toBe(redirectTo);

    const first = await follow(link);
    expect(first.status).toBe(303);
    expect(`${first.location.origin}${first.location.pathname}`).toBe(redirectTo);
    expect(first.fragment).toMatchObject({ token_type: 'bearer', expires_in: '3600', type: 'magiclink' });
    expect(Number(first.fragment.expires_at)).toBeGreaterThan(Date.now() / 1000);
    expect(decodeJwt(first.fragment.access_token ?? '')).toMatchObject({ sub: userId, role: 'authenticated', email });
    const rpc = await fetch(`${url}/rest/v1/rpc/approved_watch_groups`, {
      method: 'POST',
      headers: { apikey: anonKey, authorization: `Bearer ${first.fragment.access_token}` },
    });
    expect(rpc.status).toBe(200);
    // The refresh token continues the session, as a password sign-in's does.
    const refreshed = await client().auth.refreshSession({ refresh_token: first.fragment.refresh_token ?? '' });
    expect(refreshed.data.user?.id).toBe(userId);

    const again = await follow(link);
    expect(again.status).toBe(303);
    expect(again.fragment).toEqual({ error: 'access_denied', error_code: 'otp_expired', error_description: expect.any(String) });
  });

  it('keeps a link working when another is asked for, voids the rest once one signs in, and refuses a made-up one', async () => {
    // Anyone who knows a staff address can ask for a link: that must not void the one in their mailbox.
    const older = await linkFor(email);
    const newer = await linkFor(email);
    expect((await follow(older)).fragment.access_token).toBeTruthy();
    expect((await follow(newer)).fragment.error_code).toBe('otp_expired');
    const madeUp = new URL(await linkFor(email));
    madeUp.searchParams.set('token', 'made-up');
    expect((await follow(madeUp)).fragment.error_code).toBe('otp_expired');
  });

  it('leads only back to this site: another address is refused, for links and for asking', async () => {
    const link = await linkFor(email);
    const elsewhere = new URL(link);
    elsewhere.searchParams.set('redirect_to', 'https://attacker.example/staff');
    const refused = await fetch(elsewhere, { redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('location')).toBeNull();
    // The link itself still works where it was meant to lead.
    expect((await follow(link)).fragment.access_token).toBeTruthy();

    const before = (await mail()).length;
    const asked = await askForLink(email, 'https://attacker.example/staff');
    expect(asked.error?.status).toBe(400);
    expect(await mail()).toHaveLength(before);
  });
});

describe('the local Auth emulation’s limits, which are Supabase Auth’s', () => {
  /** An emulation of its own, with Supabase's limits (the shared stack loosens them for the other tests), over HTTP as the gateway serves it. */
  async function emulation({ clientAddressHeader }: { clientAddressHeader?: string } = {}) {
    const dataDir = temporaryDataDir();
    const catcher = await startMailCatcher(dataDir);
    let origin = '';
    const auth = createAuthEmulator({
      databaseUrl,
      jwtSecret: 'a secret for this emulation only, at least 32 characters',
      links: { send: smtpSender(catcher.smtpPort), origin: () => origin },
      clientAddressHeader,
    });
    const server = http.createServer((req, res) => auth.handle(req, res, (req.url ?? '/').replace(/^\/auth\/v1/, '')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    return {
      origin,
      mailFolder: catcher.folder,
      client: (headers: Record<string, string> = {}) => createClient(origin, anonKey, { auth: { persistSession: false, autoRefreshToken: false }, global: { headers } }),
      async stop() {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await auth.close();
        await catcher.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  it('sends one link a minute per account, and the first stays the one that works', async () => {
    const emulated = await emulation();
    try {
      const ask = () => emulated.client().auth.signInWithOtp({ email, options: { shouldCreateUser: false, emailRedirectTo: `${emulated.origin}/staff` } });
      expect((await ask()).error).toBeNull();
      expect((await ask()).error).toBeNull();
      const sent = await mailTo(emulated.mailFolder, email);
      expect(sent).toHaveLength(1);
      const followed = await fetch(linksIn(sent[0]!)[0]!, { redirect: 'manual' });
      expect(new URLSearchParams(new URL(followed.headers.get('location') ?? '').hash.slice(1)).get('access_token')).toBeTruthy();
    } finally {
      await emulated.stop();
    }
  });

  it('checks a password for an unknown address with the same bcrypt work as for an account, so the delay tells nothing', async () => {
    const emulated = await emulation();
    try {
      const spy = vi.spyOn(pg.Pool.prototype, 'query');
      let calls: unknown[][] = [];
      try {
        expect((await emulated.client().auth.signInWithPassword({ email, password: 'guess' })).error?.code).toBe('invalid_credentials');
        expect((await emulated.client().auth.signInWithPassword({ email: `nobody-${crypto.randomUUID()}@example.org`, password: 'guess' })).error?.code).toBe('invalid_credentials');
        calls = [...spy.mock.calls];
      } finally {
        spy.mockRestore();
      }
      const checks = calls.filter(([text]) => String(text).includes('crypt('));
      expect(checks).toHaveLength(2);
      expect(checks[0]![0]).toBe(checks[1]![0]);
      // The hash an unknown address is checked against has the accounts' cost (bcrypt's "$2a$06$").
      const { rows } = await db.query('select encrypted_password from auth.users where id = $1', [userId]);
      const cost = (hash: string) => hash.slice(0, 7);
      expect(cost(String((checks[1]![1] as unknown[])[2]))).toBe(cost(rows[0].encrypted_password));
    } finally {
      await emulated.stop();
    }
  });

  it('refuses a client’s password sign-ins after 30 in a row, even with the right password', async () => {
    const emulated = await emulation();
    try {
      const answers: Array<string | undefined> = [];
      for (let attempt = 0; attempt < 31; attempt += 1) answers.push((await emulated.client().auth.signInWithPassword({ email, password: 'guess' })).error?.code);
      expect(answers.slice(0, 30).every((code) => code === 'invalid_credentials')).toBe(true);
      expect(answers[30]).toBe('over_request_rate_limit');
      const right = await emulated.client().auth.signInWithPassword({ email, password });
      expect(right.error?.status).toBe(429);
      expect(right.data.session).toBeNull();
    } finally {
      await emulated.stop();
    }
  });

  it('counts sign-ins by the address a trusted proxy names, as the gateway does, and a client’s own claims gain it nothing', async () => {
    const emulated = await emulation({ clientAddressHeader: 'cf-connecting-ip' });
    try {
      const signIn = (address: string) =>
        emulated
          .client({ 'cf-connecting-ip': address, 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 254) + 1}`, 'x-real-ip': `198.51.100.${Math.floor(Math.random() * 254) + 1}` })
          .auth.signInWithPassword({ email, password: 'guess' })
          .then(({ error }) => error?.code);
      const answers: Array<string | undefined> = [];
      for (let attempt = 0; attempt < 31; attempt += 1) answers.push(await signIn('203.0.113.7'));
      expect(answers.slice(0, 30).every((code) => code === 'invalid_credentials')).toBe(true);
      expect(answers[30]).toBe('over_request_rate_limit');
      // Another resident behind the same proxy is not held back.
      expect(await signIn('203.0.113.8')).toBe('invalid_credentials');
    } finally {
      await emulated.stop();
    }
  });
});
