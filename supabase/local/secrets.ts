// Secrets of the local stack: generated on first use, kept in the data folder
// (never in the repository), readable by this user only. The anon and
// service-role keys are JWTs signed with the JWT secret, as Supabase's are.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT } from 'jose';

export interface LocalSecrets {
  jwtSecret: string;
  dbPassword: string;
  /** The password the local stack gives the seeded staff accounts (supabase/seed.sql). */
  staffPassword: string;
}

export interface ApiKeys {
  anonKey: string;
  serviceRoleKey: string;
}

export function localSecrets(dir: string): LocalSecrets {
  const file = path.join(dir, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
    if (stored.staffPassword) return stored as LocalSecrets;
    // A data folder made before staff accounts existed keeps its keys and gains the password.
    const secrets = { ...stored, staffPassword: staffPassword() } as LocalSecrets;
    const next = `${file}.${process.pid}`;
    writeFileSync(next, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    renameSync(next, file);
    return secrets;
  }
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    dbPassword: randomBytes(24).toString('base64url'),
    staffPassword: staffPassword(),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}

// Typed by hand into a sign-in form, so: lowercase letters and digits without
// look-alikes (no l, 1, o, 0), in groups of four; 16 of 32 symbols is 80 bits.
function staffPassword(): string {
  const symbols = 'abcdefghijkmnpqrstuvwxyz23456789';
  const chars = [...randomBytes(16)].map((byte) => symbols[byte % symbols.length]);
  return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join('')).join('-');
}

// Supabase's keys carry only a role and an issuer; they are long-lived because
// they are API keys, not sessions. Signing is deterministic for a given secret.
export async function apiKeys({ jwtSecret }: LocalSecrets): Promise<ApiKeys> {
  const key = new TextEncoder().encode(jwtSecret);
  const sign = (role: string) =>
    new SignJWT({ role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('openbeat-local')
      .setIssuedAt(1_700_000_000)
      .setExpirationTime(4_102_444_800) // 2100-01-01
      .sign(key);
  return { anonKey: await sign('anon'), serviceRoleKey: await sign('service_role') };
}
