// Global setup of the browser tests: a fresh local stack, and the site built
// against it exactly as `npm start` does, served through the gateway.
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { localBuildEnv, runBin } from '../../supabase/local/cli.ts';
import { startTestStack, temporaryDataDir } from './testStack.ts';

export default async function setup(project: TestProject) {
  const dir = temporaryDataDir();
  const distDir = path.join(dir, 'dist');
  const { info, stop } = await startTestStack(dir, distDir);
  await raiseRateLimits(info.databaseUrl).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  // As `npm start` does: built while the stack runs, so pages show what the database publishes.
  await runBin('astro', ['build', '--outDir', distDir], { ...localBuildEnv(dir), OPENBEAT_BUILD_API: info.url }, { quiet: true }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  project.provide('stack', info);
  project.provide('distDir', distDir);
  return stop;
}

/**
 * Every browser in these tests is one client (127.0.0.1): together they send more tips,
 * requests and registrations in an hour than one resident may, and which test then met
 * the limit would depend on the order the files ran in. The limits themselves are tested
 * against the database (tests/db); here they are raised in this throwaway stack only.
 */
async function raiseRateLimits(databaseUrl: string) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('update private.rate_limit_rules set max_hits = 10000');
  } finally {
    await db.end();
  }
}
