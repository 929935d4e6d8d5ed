// Runs one of supabase/functions/ as Supabase's Edge Runtime would (as
// `supabase functions serve` does), with the
// `deno` from node_modules: `Deno.serve` on a free port of its own
// (DENO_SERVE_ADDRESS), the environment given as its secrets, network and
// environment access only, and nothing fetched: its `npm:` imports resolve
// from node_modules, and --cached-only refuses anything else.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './paths.ts';

export const deno = path.join(projectRoot, 'node_modules', '.bin', 'deno');

export interface ServedFunction {
  url: string;
  /** The deno process's id: a fault test kills it where it stands. */
  pid: number;
  stop(): Promise<void>;
}

export function serveFunction(name: string, env: Record<string, string>): Promise<ServedFunction> {
  const child = spawn(deno, ['run', '--cached-only', '--allow-net', '--allow-env', path.join('supabase', 'functions', name, 'index.ts')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_SERVE_ADDRESS: 'tcp:127.0.0.1:0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const heard = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (http:\/\/\S+?)\/?\s/.exec(output);
      if (!listening) return;
      child.stdout.off('data', heard);
      child.stderr.off('data', heard);
      // What it logs from now on is read and dropped, so that a full pipe never stalls it.
      child.stdout.resume();
      child.stderr.resume();
      resolve({
        url: listening[1]!,
        pid: child.pid!,
        async stop() {
          child.kill();
          await exited;
        },
      });
    };
    child.stdout.on('data', heard);
    child.stderr.on('data', heard);
    // No deno (an install that skipped its script): say so rather than crash the caller.
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`deno exited (${code}) before serving ${name}:\n${output}`)));
  });
}
