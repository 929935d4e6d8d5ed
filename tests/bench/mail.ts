// Mail through the local stack as `npm start` runs it: messages queued in one
// transaction, sent by the send-mail Edge Function (under deno, called by the
// stack's mail runner when the queue is notified) to the local mail catcher.
// Timed from the commit until the catcher has kept the last one. Part of
// `npm run bench`; alone, `node tests/bench/mail.ts [count]` prints one JSON line.
import pg from 'pg';
import { caughtFiles } from '../../supabase/local/mailCatcher.ts';
import { startTestStack, temporaryDataDir } from '../support/testStack.ts';

export interface MailFigures {
  messages: number;
  seconds: number;
  messagesPerSecond: number;
}

export async function measureMail(stack: { databaseUrl: string; mailFolder: string }, count: number): Promise<MailFigures> {
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const before = caughtFiles(stack.mailFolder).length;
    const started = performance.now();
    await db.query(
      `select private.queue_mail(format('bench-%s@example.org', i), 'en', 'staff_new_item',
                                 jsonb_build_object('kind', 'tip', 'beat', '101', 'link', '/staff#tip/' || gen_random_uuid()))
         from generate_series(1, $1) as i`,
      [count],
    );
    while (caughtFiles(stack.mailFolder).length < before + count) await new Promise((resolve) => setTimeout(resolve, 20));
    const seconds = (performance.now() - started) / 1000;
    return { messages: count, seconds: Math.round(seconds * 100) / 100, messagesPerSecond: Math.round(count / seconds) };
  } finally {
    await db.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { info, stop } = await startTestStack(temporaryDataDir());
  try {
    // Once to warm deno and the connections, then the figure.
    await measureMail(info, 50);
    console.log(JSON.stringify(await measureMail(info, Number(process.argv[2] ?? 1000))));
  } finally {
    await stop();
  }
}
