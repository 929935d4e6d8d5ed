// The embedded local stack: Postgres, PostgREST and the gateway, started in
// order and stopped in reverse. One stack owns one data folder at a time.
import { rmSync } from 'node:fs';
import type http from 'node:http';
import pg from 'pg';
import type { EmptyLoad } from '../../src/cli/content/database.ts';
import { createAuthEmulator, smtpSender, type AuthLimits } from './authEmulator.ts';
import type { EdgeLimits } from './edgeLimits.ts';
import { localBuildEnv } from './cli.ts';
import { serveFunction } from './edgeFunction.ts';
import { createGateway } from './gateway.ts';
import { startMailCatcher } from './mailCatcher.ts';
import { serveMailbox } from './mailbox.ts';
import { startMailRunner, type MailRunner } from './mailRunner.ts';
import { migrate, staffSignIns, type StaffSignIn } from './migrate.ts';
import { freePort, listenNearPort, StackError } from './ports.ts';
import { startPostgres } from './postgres.ts';
import { startPostgrest } from './postgrest.ts';
import { startPublisher, type Publish, type Publisher } from './publisher.ts';
import { lockFile, postgresUrl, runningStack, writeLock } from './running.ts';
import { apiKeys, localSecrets, type ApiKeys } from './secrets.ts';
import { createStorageEmulator } from './storage.ts';

export interface StackOptions {
  dir: string;
  /**
   * A built site the gateway serves as it is (the browser tests' setup builds one); a stack
   * that publishes serves its publisher's folders instead.
   */
  distDir?: string;
  /**
   * Publish the site: the stack runs the publisher (publisher.ts), which builds at once and again
   * after every change to what the site shows, each time into a fresh folder under sitesDir.
   */
  publish?: {
    sitesDir: string;
    /** Added to the build's environment (a test's own content folder, for an Astro cache of its own). */
    env?: NodeJS.ProcessEnv;
    quietMs?: number;
    report?(publish: Publish): void;
  };
  /** The gateway's preferred port (the next free one is taken if it is busy); 0 for any. */
  port: number;
  /** Postgres's preferred port, likewise; a stable one keeps the printed DB URL stable. */
  databasePort?: number;
  /** The local Auth emulation's limits, Supabase Auth's unless given. */
  authLimits?: AuthLimits;
  /** How often one client may call the public functions, counted by the gateway (edgeLimits.ts); its defaults unless given. */
  edgeLimits?: EdgeLimits;
  /**
   * The request header a trusted proxy in front of the gateway names the client in
   * (OPENBEAT_CLIENT_ADDRESS_HEADER, e.g. `cf-connecting-ip`). Unset by default: locally the
   * gateway is itself the edge, so the TCP peer is the client.
   */
  clientAddressHeader?: string;
  /** A content folder to load into the content tables while they are empty (a new data folder). */
  content?: string;
  /** The mailbox page's preferred port, likewise (Supabase's local mail catcher's is 54324); 0 for any. */
  mailboxPort?: number;
  /** Run the send-mail function (mailRunner.ts): on unless a test runs its own. */
  sendMail?: boolean;
}

export interface Stack {
  url: string;
  databaseUrl: string;
  keys: ApiKeys;
  appliedMigrations: string[];
  /** The seeded staff accounts' local password (from the data folder's secrets, never the repository). */
  staffPassword: string;
  /** The staff accounts that sign in with it. */
  staffAccounts: StaffSignIn[];
  /** The local mail catcher: every email the stack sends (sign-in links, notifications) goes there, and nowhere else. */
  mail: {
    /** Its web page: the messages, newest first. */
    page: string;
    /** Where it keeps them, one .eml file each. */
    folder: string;
    smtpPort: number;
    /** The send-mail function's runner, unless the stack was started without one. */
    runner?: MailRunner;
  };
  /** What became of the content folder given (loaded, kept what was there, or refused for its problems). */
  content?: EmptyLoad;
  /** The publisher, when the stack publishes. */
  publisher?: Publisher;
  stop(): Promise<void>;
}

export async function startStack({ dir, distDir, publish, port, databasePort = 0, authLimits, edgeLimits, clientAddressHeader, content, mailboxPort = 0, sendMail = true }: StackOptions): Promise<Stack> {
  assertNotRunning(dir);

  const secrets = localSecrets(dir);
  const keys = await apiKeys(secrets);
  const cleanup: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    cleanup.length = 0;
    rmSync(lockFile(dir), { force: true });
  };

  try {
    const postgres = await startPostgres(dir, await freePort(databasePort), secrets.dbPassword);
    cleanup.push(postgres.stop);
    const databaseUrl = postgresUrl(postgres.port, secrets.dbPassword);
    const { applied } = await migrate(databaseUrl, secrets.dbPassword, secrets.staffPassword);
    const contentLoad = content === undefined ? undefined : await loadContent(databaseUrl, content);
    const staffAccounts = await staffSignIns(databaseUrl, secrets.staffPassword);

    const authenticatorUrl = `postgres://authenticator:${encodeURIComponent(secrets.dbPassword)}@127.0.0.1:${postgres.port}/postgres`;
    const postgrest = await startPostgrest({
      dir,
      databaseUrl: authenticatorUrl,
      jwtSecret: secrets.jwtSecret,
      port: await freePort(),
      adminPort: await freePort(),
    });
    cleanup.push(postgrest.stop);

    const catcher = await startMailCatcher(dir);
    cleanup.push(catcher.close);
    const mailbox = await serveMailbox(catcher.folder, mailboxPort);
    cleanup.push(mailbox.close);

    // The emulation's links lead to the gateway, whose port is known only once it listens.
    let url = '';
    const auth = createAuthEmulator({
      databaseUrl,
      jwtSecret: secrets.jwtSecret,
      links: { send: smtpSender(catcher.smtpPort), origin: () => url },
      ...(authLimits && { limits: authLimits }),
      clientAddressHeader,
    });
    cleanup.push(auth.close);
    // Writes storage.objects as each caller, through the role PostgREST signs in as.
    const storage = createStorageEmulator({ databaseUrl: authenticatorUrl, jwtSecret: secrets.jwtSecret, dataDir: dir });
    cleanup.push(storage.close);
    // The public Edge Functions, served once the gateway's address (their SUPABASE_URL and SITE_URL) is known.
    const functions = new Map<string, Promise<string>>();
    const gateway = createGateway({ postgrestPort: postgrest.port, keys, auth, storage, distDir, edgeLimits, clientAddressHeader, functions });
    const gatewayPort = await listen(gateway.server, port);
    cleanup.push(() => close(gateway.server));

    url = `http://localhost:${gatewayPort}`;
    writeLock(dir, { pid: process.pid, url, databasePort: postgres.port });
    const alerts = serveFunction('alerts', { SUPABASE_URL: url, SUPABASE_ANON_KEY: keys.anonKey, SITE_URL: url });
    functions.set('alerts', alerts.then((served) => served.url));
    alerts.catch(() => undefined);
    cleanup.push(() => alerts.then((served) => served.stop()));
    const runner = sendMail
      ? startMailRunner({ databaseUrl, apiUrl: url, serviceRoleKey: keys.serviceRoleKey, siteUrl: url, smtpPort: catcher.smtpPort })
      : undefined;
    if (runner) cleanup.push(runner.stop);
    // Built with the stack running: the build reads what the database publishes through the gateway.
    const publisher =
      publish &&
      startPublisher({
        apiUrl: url,
        serviceRoleKey: keys.serviceRoleKey,
        databaseUrl,
        sitesDir: publish.sitesDir,
        env: { ...localBuildEnv(dir), OPENBEAT_BUILD_API: url, ...publish.env },
        setSite: gateway.setSite,
        quietMs: publish.quietMs,
        report: publish.report,
      });
    if (publisher) cleanup.push(publisher.stop);
    return {
      url,
      databaseUrl,
      keys,
      appliedMigrations: applied,
      staffPassword: secrets.staffPassword,
      staffAccounts,
      mail: { page: mailbox.url, folder: catcher.folder, smtpPort: catcher.smtpPort, ...(runner && { runner }) },
      ...(contentLoad && { content: contentLoad }),
      ...(publisher && { publisher }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function loadContent(databaseUrl: string, folder: string): Promise<EmptyLoad> {
  // Loaded only here: the content's schemas bring Astro's modules, which a stack without content never needs.
  const { loadContentIfEmpty } = await import('../../src/cli/content/database.ts');
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return await loadContentIfEmpty(db, folder);
  } finally {
    await db.end();
  }
}

/** Refuses a second stack on a data folder that a live process already serves. */
export function assertNotRunning(dir: string) {
  const lock = runningStack(dir);
  if (!lock || lock.pid === process.pid) return;
  throw new StackError(
    `OpenBeat is already running from ${dir} (process ${lock.pid}, ${lock.url}): use it, or stop it first (Ctrl-C in its terminal, or \`kill ${lock.pid}\`).`,
  );
}

async function listen(server: http.Server, port: number): Promise<number> {
  if (port !== 0) return listenNearPort(server, port);
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return (server.address() as { port: number }).port;
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
