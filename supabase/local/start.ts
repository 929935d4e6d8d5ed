// `npm start`: builds the site against the local stack, starts the stack and serves the site.
import path from 'node:path';
import { contentDir } from '../../src/lib/content/folder.ts';
import { describeStack, localBuildEnv, reportContentLoad, runBin, runCommand, stopOnSignal } from './cli.ts';
import { dataDir, projectRoot } from './paths.ts';
import { assertNotRunning, startStack } from './stack.ts';

const preferredPort = Number(process.env.PORT ?? 4321);
// Unset by default: the gateway is then the edge, and the TCP peer is the client (see clientAddress).
const clientAddressHeader = process.env.OPENBEAT_CLIENT_ADDRESS_HEADER || undefined;

runCommand(async () => {
  const dir = dataDir();
  assertNotRunning(dir);

  console.log('Starting the local stack (Postgres, PostgREST, gateway)…');
  const content = contentDir();
  const stack = await startStack({ dir, distDir: path.join(projectRoot, 'dist'), port: preferredPort, databasePort: 54322, clientAddressHeader, content });
  stopOnSignal(stack.stop);

  // Built with the stack running: the build reads what the database publishes (approved watch groups).
  console.log('Building the site…');
  await runBin('astro', ['build'], { ...localBuildEnv(dir), OPENBEAT_BUILD_API: stack.url }, { quiet: true }).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });

  for (const file of stack.appliedMigrations) console.log(`  applied ${file}`);
  reportContentLoad(stack, content);
  const port = Number(new URL(stack.url).port);
  if (port !== preferredPort) console.log(`\nPort ${preferredPort} is busy, so OpenBeat uses ${port} instead.`);
  console.log(`\nOpenBeat is running at ${stack.url}\n\n${describeStack(stack, dir)}\n\nPress Ctrl-C to stop.`);
});
