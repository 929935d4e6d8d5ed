// `npm run dev`: the local stack for the API, and Astro's dev server for the pages.
// The dev server proxies /rest/v1 to the stack, so the browser stays on one origin.
import { contentDir } from '../../src/lib/content/folder.ts';
import { describeStack, localBuildEnv, reportContentLoad, runBin, runCommand, stopOnSignal } from './cli.ts';
import { dataDir } from './paths.ts';
import { startStack } from './stack.ts';

runCommand(async () => {
  const dir = dataDir();
  console.log('Starting the local stack (Postgres, PostgREST, gateway)…');
  const content = contentDir();
  const stack = await startStack({ dir, port: 0, databasePort: 54322, mailboxPort: 54324, content, clientAddressHeader: process.env.OPENBEAT_CLIENT_ADDRESS_HEADER || undefined });
  stopOnSignal(stack.stop);
  reportContentLoad(stack, content);
  console.log(`\n${describeStack(stack, dir)}\n\nStarting Astro's dev server…`);
  await runBin('astro', ['dev'], { ...localBuildEnv(dir), OPENBEAT_DEV_API: stack.url, OPENBEAT_BUILD_API: stack.url }).finally(stack.stop);
});
