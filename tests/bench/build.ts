// A build of the site into a folder of the bench's own, timed, with the peak
// memory of the build and whatever it starts. Never two at once: Astro's
// shared .astro/ cache does not survive concurrent builds.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { withDatabase } from '../../src/cli/content/connect.ts';
import { replaceContent } from '../../src/cli/content/database.ts';
import { contentCacheDir } from '../../src/lib/content/folder.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { localBuildEnv } from '../../supabase/local/cli.ts';
import { projectRoot } from '../../supabase/local/paths.ts';
import { watchMemory, type MemoryPeak } from './processTree.ts';

export interface BuildFigures extends MemoryPeak {
  seconds: number;
  memoryMeasured: boolean;
  /** What came out: HTML pages, and every file with its bytes. */
  output: { pages: number; files: number; bytes: number };
}

export interface BuildJob {
  content: string;
  outDir: string;
  /** The local stack's data folder, whose anon key the site is built with. */
  dataDir: string;
  /** The running stack the build reads the content (see importCity) and approved watch groups from, as under `npm start`. */
  api?: string;
  timeoutMs?: number;
}

/** Builds `content` into `outDir` against the local stack (never a hosted project), quietly; its output is shown only if it fails. */
export async function measuredBuild({ content, outDir, dataDir, api, timeoutMs = 10 * 60_000 }: BuildJob): Promise<BuildFigures> {
  const env: NodeJS.ProcessEnv = { ...localBuildEnv(dataDir), OPENBEAT_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1' };
  if (api) env.OPENBEAT_BUILD_API = api;
  // The binary's `#!/usr/bin/env node` must find the project's Node 22, not the machine's.
  env.PATH = [path.dirname(process.execPath), env.PATH].filter(Boolean).join(path.delimiter);
  const started = performance.now();
  const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  const memory = watchMemory(child.pid!);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk).slice(-20_000)));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  }).finally(() => {
    clearTimeout(timer);
    process.off('exit', killChild);
  });
  const seconds = (performance.now() - started) / 1000;
  // A bench city's folder is temporary: so is Astro's cache for it (see astro.config.mjs).
  const cache = contentCacheDir(path.resolve(content), projectRoot);
  if (cache !== contentCacheDir(path.join(projectRoot, 'src/content'), projectRoot)) rmSync(cache, { recursive: true, force: true });
  const { measured, ...peak } = memory.stop();
  if (code !== 0) {
    throw new Error(`the build of ${content} ${code === null ? `was stopped after ${Math.round(timeoutMs / 1000)} s` : `failed (exit ${code})`}:\n${output.trim()}`);
  }
  return { seconds, memoryMeasured: measured, ...peak, output: outputOf(outDir) };
}

/**
 * Puts a city's content folder into the stack's database, as `openbeat import
 * content` does, for a build to read it there as a deployment's build does.
 * Not timed: the build is.
 */
export async function importCity(content: string, databaseUrl: string): Promise<void> {
  const { content: city, problems } = validateContent(content);
  if (problems.length > 0) throw new Error(`${content} cannot be imported: ${problems.slice(0, 3).join('; ')}`);
  await withDatabase(databaseUrl, (db) => replaceContent(db, city));
}

function outputOf(dir: string): BuildFigures['output'] {
  const totals = { pages: 0, files: 0, bytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    totals.files++;
    totals.bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) totals.pages++;
  }
  return totals;
}

/**
 * Waits while another `astro build` runs on this machine (another checkout's
 * or a test's): two at once break Astro's shared cache and each other's timing.
 */
export async function waitForOtherBuilds(log: (line: string) => void, { patienceMs = 15 * 60_000 } = {}): Promise<number> {
  const started = Date.now();
  let said = false;
  for (;;) {
    const others = otherBuilds();
    if (others.length === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > patienceMs) throw new Error(`another astro build (process ${others.join(', ')}) has run for ${Math.round(patienceMs / 60_000)} minutes; not building beside it`);
    if (!said) log(`  waiting: another astro build is running (process ${others.join(', ')})`);
    said = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function otherBuilds(): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((entry) => {
      try {
        const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
        return args.some((arg) => /(^|\/)astro(\.js|\.mjs)?$/.test(arg)) && args.includes('build');
      } catch {
        return false;
      }
    })
    .map(Number);
}
