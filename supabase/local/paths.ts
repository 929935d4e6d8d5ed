// Where the local stack keeps its files. OPENBEAT_DATA lets tests and a second
// checkout use their own folder; the default sits in the project and is git-ignored.
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export function dataDir(): string {
  return path.resolve(projectRoot, process.env.OPENBEAT_DATA ?? '.openbeat');
}

/**
 * A log file in the data folder's logs/, for this computer's user only: logs can hold what a
 * refused request carried. Files made by an earlier
 * version, with looser modes, are narrowed too.
 */
export function privateLogFile(dir: string, name: string): string {
  const logs = path.join(dir, 'logs');
  mkdirSync(logs, { recursive: true, mode: 0o700 });
  chmodSync(logs, 0o700);
  const file = path.join(logs, name);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  return file;
}
