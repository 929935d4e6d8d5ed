// The outbox when its sender dies: the send-mail function (deno, as the stack
// runs it) is killed with SIGKILL in the middle of a batch, when the catcher
// has just taken in a message the sender has not yet heard accepted, and a new
// one is started. Every message must arrive, none be lost, and each be one
// message in the mailbox: a message the server took in just before the
// sender died, which it never marked sent, goes again, under the same
// Message-ID, which mail clients take as the same message (SMTP cannot tell a
// sender whether a message whose reply it never read was delivered).
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFunction, type ServedFunction } from '../../supabase/local/edgeFunction.ts';
import { startMailCatcher, type MailCatcher } from '../../supabase/local/mailCatcher.ts';
import { localMailFrom } from '../../supabase/local/mailRunner.ts';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import { caughtMail } from '../support/mail.ts';
import { temporaryDataDir } from '../support/testStack.ts';

const dir = temporaryDataDir();
const messages = 400;
const connections = 5;
let stack: Stack;
let catcher: MailCatcher;
let db: pg.Client;

beforeAll(async () => {
  // No mail runner: this test is the only sender, and kills it.
  stack = await startStack({ dir, port: 0, sendMail: false });
  catcher = await startMailCatcher(`${dir}/fault-catcher`);
  db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await catcher?.close();
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sender = () =>
  serveFunction('send-mail', {
    SUPABASE_URL: stack.url,
    SUPABASE_SERVICE_ROLE_KEY: stack.keys.serviceRoleKey,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(catcher.smtpPort),
    MAIL_FROM: localMailFrom,
    SITE_URL: stack.url,
    MAIL_BATCH_SIZE: '50',
    MAIL_CONNECTIONS: String(connections),
    // A dead sender's claims lapse soon, so that the test waits seconds, not minutes.
    MAIL_LEASE_SECONDS: '5',
  });
const call = (served: ServedFunction) =>
  fetch(served.url, { method: 'POST', headers: { authorization: `Bearer ${stack.keys.serviceRoleKey}` } }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as { sent?: number },
  }));
const statuses = async () =>
  Object.fromEntries((await db.query<{ status: string; n: number }>(`select status, count(*)::int as n from private.mail_outbox group by status`)).rows.map((row) => [row.status, row.n]));

describe('the outbox, when its sender is killed mid-batch and started again', () => {
  it('delivers every message, and each is one message in the mailbox', async () => {
    const { rows: queued } = await db.query<{ id: string }>(
      `select private.queue_mail(format('resident-%s@example.org', i), 'en', 'staff_new_item',
                                 jsonb_build_object('kind', 'tip', 'beat', '101', 'link', '/staff#tip/' || gen_random_uuid())) as id
         from generate_series(1, $1) as i`,
      [messages],
    );
    const first = await sender();
    // Killed where it hurts most: the catcher has kept a message whose "accepted" the sender will never read.
    const killAt = 120;
    const killed = new Promise<void>((resolve) => {
      const off = catcher.onMessage(() => {
        if (catcher.received() < killAt) return;
        off();
        process.kill(first.pid, 'SIGKILL');
        resolve();
      });
    });
    const dying = call(first).catch((error: unknown) => error);
    await killed;
    expect(await dying).toBeInstanceOf(Error);
    await first.stop();

    // Mid-batch: some sent, some claimed by the dead sender and not marked sent, the rest waiting.
    const { rows: claimed } = await db.query<{ id: string }>(`select mail_id::text as id from private.mail_outbox where status = 'queued' and leased_until > now()`);
    expect(claimed.length).toBeGreaterThan(0);
    const unmarked = new Set(claimed.map(({ id }) => `<outbox-${id}@openbeat.localhost>`));
    const before = await statuses();
    expect(before.sent).toBeGreaterThan(0);
    expect(before.sent).toBeLessThan(messages);

    // A new sender takes what waits at once, and the dead one's claims once they lapse.
    const second = await sender();
    try {
      await expect
        .poll(async () => {
          await call(second);
          return statuses();
        }, { timeout: 60_000, interval: 1_000 })
        .toEqual({ sent: messages });
    } finally {
      await second.stop();
    }

    const caught = await caughtMail(catcher.folder);
    const ids = new Map<string, number>();
    for (const message of caught) ids.set(message.messageId, (ids.get(message.messageId) ?? 0) + 1);
    // None lost: every queued message is in the mailbox, as itself.
    expect([...ids.keys()].sort()).toEqual(queued.map(({ id }) => `<outbox-${id}@openbeat.localhost>`).sort());
    // Sent again only what the dead sender had sent and not yet marked, once more: nothing it had marked, nothing twice over.
    const again = [...ids].filter(([, count]) => count > 1);
    expect(again.filter(([id, count]) => count !== 2 || !unmarked.has(id))).toEqual([]);
    expect(caught.length).toBe(messages + again.length);
    // And each is sent to its own recipient, with its own link, however often.
    for (const message of caught) expect(message.to).toHaveLength(1);
  });
});
