// Global setup of the browser tests: build the site against a fresh local
// stack, exactly as `npm start` does, and serve it through the gateway.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { localBuildEnv, runBin } from '../../supabase/local/cli.ts';
import { startTestStack, temporaryDataDir } from './testStack.ts';

export default async function setup(project: TestProject) {
  const dir = temporaryDataDir();
  const distDir = path.join(dir, 'dist');
  await runBin('astro', ['build', '--outDir', distDir], localBuildEnv(dir), { quiet: true });
  const { info, stop } = await startTestStack(dir, distDir);
  project.provide('stack', info);
  project.provide('distDir', distDir);
  return stop;
}
