// Global setup of the browser tests: a fresh local stack, and the site built
// against it exactly as `npm start` does, served through the gateway.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { localBuildEnv, runBin } from '../../supabase/local/cli.ts';
import { startTestStack, temporaryDataDir } from './testStack.ts';

export default async function setup(project: TestProject) {
  const dir = temporaryDataDir();
  const distDir = path.join(dir, 'dist');
  const { info, stop } = await startTestStack(dir, distDir);
  // As `npm start` does: built while the stack runs, so pages show what the database publishes.
  await runBin('astro', ['build', '--outDir', distDir], { ...localBuildEnv(dir), OPENBEAT_BUILD_API: info.url }, { quiet: true }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  project.provide('stack', info);
  project.provide('distDir', distDir);
  return stop;
}
