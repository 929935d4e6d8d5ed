// Staff sign in through supabase-js exactly as they would against Supabase
// Auth; locally the gateway's emulation answers. The access token it issues
// carries Supabase's claims and is accepted by PostgREST as `authenticated`.
import { existsSync, readFileSync } from 'node:fs';
import { createClient } from '@supabase/supabase-js';
import { decodeJwt, SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const { url, anonKey, databaseUrl, mailbox } = inject('stack');
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
    expect((await supabase.auth.signOut()).error).toBeNull();
    const afterSignOut = await client().auth.refreshSession({ refresh_token: latest });
    expect(afterSignOut.error).not.toBeNull();
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
  /** The mailbox's lines, each { time, to, link }. */
  const mail = () =>
    (existsSync(mailbox) ? readFileSync(mailbox, 'utf8').split('\n').filter(Boolean) : []).map((line) => {
      const [time = '', to = '', link = ''] = line.split('\t');
      return { time, to, link };
    });
  const askForLink = (address: string, redirect = redirectTo) =>
    client().auth.signInWithOtp({ email: address, options: { shouldCreateUser: false, emailRedirectTo: redirect } });
  const linkFor = async (address: string) => {
    const before = mail().length;
    expect((await askForLink(address)).error).toBeNull();
    const sent = mail().slice(before);
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
    const before = mail();
    const unknown = await askForLink(`nobody-${crypto.randomUUID()}@example.org`);
    expect(unknown.error).toBeNull();
    expect(mail()).toEqual(before);
    const known = await askForLink(email);
    expect(known.error).toBeNull();
    expect(known.data).toEqual(unknown.data);
  });

  it('mails one line with a link for an account, which signs in once with a token PostgREST accepts', async () => {
    const before = mail().length;
    const link = await linkFor(email.toUpperCase());
    const { time, to } = mail()[before] ?? {};
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

  it('voids the previous link when another is asked for, and refuses a made-up one', async () => {
    const older = await linkFor(email);
    const newer = await linkFor(email);
    expect((await follow(older)).fragment.error_code).toBe('otp_expired');
    expect((await follow(newer)).fragment.access_token).toBeTruthy();
    const madeUp = new URL(newer);
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

    const before = mail().length;
    const asked = await askForLink(email, 'https://attacker.example/staff');
    expect(asked.error?.status).toBe(400);
    expect(mail()).toHaveLength(before);
  });
});
