// Staff sign in through supabase-js exactly as they would against Supabase
// Auth; locally the gateway's emulation answers. The access token it issues
// carries Supabase's claims and is accepted by PostgREST as `authenticated`.
import { createClient } from '@supabase/supabase-js';
import { decodeJwt, SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const { url, anonKey, databaseUrl } = inject('stack');
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
