// Which local stack runs on a data folder: its lock file, stack.json, written
// once the stack is up and removed when it stops. Light on purpose: the
// `openbeat` command reads it to find the local database without loading the
// stack itself.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localSecrets } from './secrets.ts';

export interface StackLock {
  pid: number;
  /** The gateway: the API and the site. */
  url: string;
  /** Postgres's port; absent from a lock written before the command read it. */
  databasePort?: number;
}

export function lockFile(dir: string): string {
  return path.join(dir, 'stack.json');
}

export function writeLock(dir: string, lock: Required<StackLock>) {
  writeFileSync(lockFile(dir), JSON.stringify(lock));
}

/** The lock of a stack whose process is still alive; undefined when none is. */
export function runningStack(dir: string): StackLock | undefined {
  if (!existsSync(lockFile(dir))) return undefined;
  const lock = JSON.parse(readFileSync(lockFile(dir), 'utf8')) as StackLock;
  return alive(lock.pid) ? lock : undefined;
}

/** How the stack's services and tools reach its database, as `postgres`. */
export function postgresUrl(port: number, password: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** The database of the stack running on `dir`; undefined when none runs there. */
export function runningDatabaseUrl(dir: string): string | undefined {
  const lock = runningStack(dir);
  if (lock?.databasePort === undefined) return undefined;
  return postgresUrl(lock.databasePort, localSecrets(dir).dbPassword);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
