// A throwaway local stack for tests: its own temporary data folder and random
// ports, so tests never touch the developer's data or a running `npm start`.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { EdgeLimits } from '../../supabase/local/edgeLimits.ts';
import { projectRoot } from '../../supabase/local/paths.ts';
import { startStack, type Stack, type StackOptions } from '../../supabase/local/stack.ts';

export interface StackInfo {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  databaseUrl: string;
  /** The password of the staff accounts supabase/seed.sql creates. */
  staffPassword: string;
  /** Where the local mail catcher keeps every email the stack sends (tests/support/mail.ts reads it). */
  mailFolder: string;
  /** The mail catcher's mailbox page. */
  mailboxUrl: string;
  /** The stack's data folder: the database's files and WAL (db/), and its logs (logs/). */
  dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
    /** The built site the browser tests run against. */
    distDir: string;
  }
}

export function temporaryDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'openbeat-test-'));
  // Postgres runs as its own user when we are root, and must reach its folder inside.
  chmodSync(dir, 0o755);
  return dir;
}

/** The gateway's limits for stacks whose every client is 127.0.0.1: a test run makes more calls than a client may. */
export const looseEdgeLimits: EdgeLimits = {
  submissions: { calls: 1_000_000, seconds: 60 },
  support: { calls: 1_000_000, seconds: 60 },
  challenges: { calls: 1_000_000, seconds: 60 },
  receiptLookups: { calls: 1_000_000, seconds: 60 },
};

/**
 * With publish, the stack's publisher builds and serves the site (see supabase/local/publisher.ts); with distDir, it serves that folder as it is.
 * It holds the demo city, or the content folder given.
 */
export async function startTestStack(
  dir: string,
  distDir?: string,
  publish?: StackOptions['publish'],
  content = path.join(projectRoot, 'src/content'),
): Promise<{ stack: Stack; info: StackInfo; stop(): Promise<void> }> {
  // Every test client is one address, and tests ask one account for links back to back: Supabase
  // Auth's limits are loosened here and tested on an emulation of their own (tests/db/staffAuth.test.ts);
  // so are the gateway's, tested on gateways of their own (tests/db/gateway.test.ts).
  const stack = await startStack({
    dir,
    distDir,
    publish,
    port: 0,
    authLimits: { signInsPerFiveMinutes: 100_000, linkPeriodSeconds: 0 },
    edgeLimits: looseEdgeLimits,
    // Every test stack holds a city, published, as a new local database holds the demo.
    content,
  });
  await loosenAbuseLimits(stack.databaseUrl);
  return {
    stack,
    info: {
      url: stack.url,
      anonKey: stack.keys.anonKey,
      serviceRoleKey: stack.keys.serviceRoleKey,
      databaseUrl: stack.databaseUrl,
      staffPassword: stack.staffPassword,
      mailFolder: stack.mail.folder,
      mailboxUrl: stack.mail.page,
      dataDir: dir,
    },
    async stop() {
      await stack.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Tests send thousands of submissions in minutes, from one machine: the site's ceilings are
 * raised out of their way, and challenges made small, so that every test still solves a real
 * one (as a browser does) in a few milliseconds. The ceilings and the difficulty themselves
 * are tested on stacks of their own (tests/faults/floods.test.ts).
 */
export async function loosenAbuseLimits(databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('update private.submission_ceilings set most = 10000000');
    await db.query('update private.proof_of_work set max_number = 1000');
  } finally {
    await db.end();
  }
}
