// `npm run reset`: wipes the local data folder and recreates it: a fresh database
// with every migration and the seed, and new local keys.
import { rmSync } from 'node:fs';
import { runCommand } from './cli.ts';
import { dataDir } from './paths.ts';
import { assertNotRunning, startStack } from './stack.ts';

runCommand(async () => {
  const dir = dataDir();
  assertNotRunning(dir);
  rmSync(dir, { recursive: true, force: true });
  console.log(`Wiped ${dir}. Recreating the local database…`);
  const stack = await startStack({ dir, port: 0 });
  for (const file of stack.appliedMigrations) console.log(`  applied ${file}`);
  await stack.stop();
  console.log('Done: the next `npm start` begins with fresh data and new local keys.');
});
