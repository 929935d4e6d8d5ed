// What the local-stack commands share: how they talk to the person at the terminal.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { projectRoot } from './paths.ts';
import { StackError } from './ports.ts';
import type { Stack } from './stack.ts';

/** Runs a command's main function; a failure is one line on stderr, never a stack trace. */
export function runCommand(main: () => Promise<void>) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\n✖ ${error instanceof StackError ? message : `${message} (set OPENBEAT_DEBUG=1 for details)`}`);
    if (process.env.OPENBEAT_DEBUG) console.error(error);
    process.exit(1);
  });
}

export function describeStack(stack: Stack, dir: string): string {
  const rows: Array<[string, string]> = [
    ['API URL', stack.url],
    ['DB URL', stack.databaseUrl],
    ['anon key', stack.keys.anonKey],
    ['service_role key', stack.keys.serviceRoleKey],
    ['Mailbox URL', `${stack.mail.page} (every email the stack sends; none leaves this computer)`],
    ['data folder', `${path.relative(projectRoot, dir) || dir} (npm run reset wipes it)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const keys = rows.map(([label, value]) => `${label.padStart(width)}: ${value}`).join('\n');
  return stack.staffAccounts.length === 0 ? keys : `${keys}\n\n${describeStaffSignIn(stack)}`;
}

/** Says what the start did with the content folder, when it did anything, as a line under the migrations applied. */
export function reportContentLoad({ content }: Stack, folder: string) {
  const where = path.relative(projectRoot, folder) || folder;
  if (content?.outcome === 'loaded') console.log(`  loaded ${where} into the empty content tables: ${content.counts}`);
  if (content?.outcome === 'refused') {
    const count = `${content.problems.length} problem${content.problems.length === 1 ? '' : 's'}`;
    console.log(`  left the content tables empty: ${where} has ${count} (npx openbeat validate lists them)`);
  }
}

/** The seeded staff accounts, what each may see, and their shared local password. */
function describeStaffSignIn({ staffAccounts, staffPassword, mail }: Stack): string {
  const scope = ({ role, beats, district }: Stack['staffAccounts'][number]) => {
    if (role === 'coordinator') return 'coordinator: every beat';
    if (role === 'supervisor') return `supervisor: district ${district}`;
    if (beats.length === 0) return `${role}: no beats yet`;
    return `${role}: beat${beats.length === 1 ? '' : 's'} ${beats.join(', ')}`;
  };
  const width = Math.max(...staffAccounts.map((account) => account.email.length));
  return [
    'Staff sign-in, under /staff (LOCAL ONLY: these accounts and their password exist',
    'only in this data folder; a deployment creates its staff in Supabase Auth):',
    ...staffAccounts.map((account) => `  ${account.email.padEnd(width)}  ${scope(account)}`),
    `  password, for each: ${staffPassword}`,
    `  or "Email me a sign-in link": no email leaves this computer, the link arrives in the`,
    `  local mailbox, ${mail.page}`,
  ].join('\n');
}

/** Stops the stack once on Ctrl-C or a termination signal, then exits. */
export function stopOnSignal(stop: () => Promise<void>) {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    stop().then(
      () => {
        console.log('Stopped. Your data is kept for the next start.');
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * Runs a project binary (astro) with the project's Node; resolves when it exits with 0.
 * Quietly, its output is shown only if it fails.
 */
export async function runBin(bin: string, args: string[], env: NodeJS.ProcessEnv, { quiet = false } = {}): Promise<void> {
  const { code, output } = await runBinOutput(bin, args, env, { quiet });
  if (code === 0) return;
  if (output) console.error(output);
  throw new StackError(`\`${bin} ${args.join(' ')}\` failed (exit ${code}); see above.`);
}

/**
 * Runs a project binary as runBin does, and resolves with its exit code and, quietly, everything
 * it said (the publisher keeps a failed build's problems).
 */
export function runBinOutput(bin: string, args: string[], env: NodeJS.ProcessEnv, { quiet = true } = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(projectRoot, 'node_modules', '.bin', bin), args, {
      cwd: projectRoot,
      env: {
        ...env,
        // The binary's `#!/usr/bin/env node` must find this Node (the project's Node 22), not the machine's.
        PATH: [path.dirname(process.execPath), env.PATH].filter(Boolean).join(path.delimiter),
        // Astro's telemetry would call out to the internet; OpenBeat makes no such call.
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    // A child never outlives this command, however it ends.
    const killChild = () => child.kill();
    process.once('exit', killChild);
    child.once('exit', () => process.off('exit', killChild));
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/**
 * The environment for a build against the local stack: any hosted project settings left out,
 * and staff offered sign-in links, which the local Auth emulation sends to the local mail catcher.
 */
export function localBuildEnv(dir: string): NodeJS.ProcessEnv {
  const { PUBLIC_SUPABASE_URL: _url, PUBLIC_SUPABASE_ANON_KEY: _key, ...env } = process.env;
  return { ...env, OPENBEAT_DATA: dir, PUBLIC_STAFF_MAGIC_LINK: 'true' };
}
