// `npm start`: starts the stack and serves the site, which the stack's publisher
// builds at once and again after every change to what the site shows (publisher.ts).
import path from 'node:path';
import { contentDir } from '../../src/lib/content/folder.ts';
import { describeStack, reportContentLoad, runCommand, stopOnSignal } from './cli.ts';
import { dataDir } from './paths.ts';
import { describePublish, type Publish } from './publisher.ts';
import { assertNotRunning, startStack } from './stack.ts';

const preferredPort = Number(process.env.PORT ?? 4321);
// Unset by default: the gateway is then the edge, and the TCP peer is the client (see clientAddress).
const clientAddressHeader = process.env.OPENBEAT_CLIENT_ADDRESS_HEADER || undefined;

runCommand(async () => {
  const dir = dataDir();
  assertNotRunning(dir);

  console.log('Starting the local stack (Postgres, PostgREST, gateway)…');
  const content = contentDir();
  // Each publish after the first is a line of its own, as it happens.
  let started = false;
  const report = (publish: Publish) => {
    if (!started) return;
    console.log(describePublish(publish));
    if (publish.problems.length > 1) for (const problem of publish.problems.slice(1)) console.log(`  ${problem}`);
  };
  const stack = await startStack({
    dir,
    publish: { sitesDir: path.join(dir, 'sites'), report },
    port: preferredPort,
    databasePort: 54322,
    mailboxPort: 54324,
    clientAddressHeader,
    content,
  });
  stopOnSignal(stack.stop);

  // The first publish, through the same publisher as every later one: what the database publishes.
  console.log('Building the site…');
  const first = await stack.publisher!.first;

  for (const file of stack.appliedMigrations) console.log(`  applied ${file}`);
  reportContentLoad(stack, content);
  console.log(describePublish(first));
  for (const problem of first.problems.slice(1)) console.log(`  ${problem}`);
  if (first.outcome === 'failed') console.log('Nothing is served yet: the site is published as soon as a change to the content builds.');
  started = true;
  const port = Number(new URL(stack.url).port);
  if (port !== preferredPort) console.log(`\nPort ${preferredPort} is busy, so OpenBeat uses ${port} instead.`);
  console.log(`\nOpenBeat is running at ${stack.url}\n\n${describeStack(stack, dir)}\n\nA change saved in the database is published within a minute (a line here says so).\nPress Ctrl-C to stop.`);
});
