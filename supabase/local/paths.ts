// Where the local stack keeps its files. OPENBEAT_DATA lets tests and a second
// checkout use their own folder; the default sits in the project and is git-ignored.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export function dataDir(): string {
  return path.resolve(projectRoot, process.env.OPENBEAT_DATA ?? '.openbeat');
}
