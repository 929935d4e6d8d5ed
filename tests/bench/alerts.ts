// Beat alerts after a publish, through the local stack as `npm start` runs it:
// a beat with `subscribers` confirmed subscribers, one of its meeting's dates
// cancelled (a content change, which leaves its publish request), then the
// publish recorded as a build pipeline records it (finish_publish_requests,
// 'published'). Composing runs in that statement (one insert ... select into
// the outbox); the send-mail Edge Function, called when the outbox is
// notified, sends them to the local mail catcher. Timed from the call that
// finishes the publish until the catcher has kept the last alert; each
// subscriber's messages are counted, to show each got exactly one. Part of
// `npm run bench`; alone, `node tests/bench/alerts.ts [subscribers]` prints one JSON line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { caughtFiles } from '../../supabase/local/mailCatcher.ts';
import { startTestStack, temporaryDataDir } from '../support/testStack.ts';

export interface AlertFigures {
  subscribers: number;
  /** The finishing call, composing included: every alert queued when it returns. */
  composeSeconds: number;
  /** From the publish's finish until the last alert was caught. */
  seconds: number;
  alertsPerSecond: number;
  /** Subscribers who got other than exactly one alert (0 is the budget's "each exactly once"). */
  notExactlyOnce: number;
}

export async function measureAlerts(stack: { databaseUrl: string; mailFolder: string }, subscribers: number): Promise<AlertFigures> {
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const run = crypto.randomUUID().slice(0, 8);
  const meetingId = `bench-alerts-${run}`;
  try {
    await db.query(
      `insert into private.alert_subscriptions (email, language, beat_id, topics, delivery, confirm_hash, confirm_expires_at, confirmed_at, digest_through)
       select format('bench-alerts-%s-%s@example.org', $1::text, i), 'en', '101', '{meeting_changes}', 'each_publish',
              extensions.gen_random_bytes(32), now() + interval '3 days', now(), now()
         from generate_series(1, $2) as i`,
      [run, subscribers],
    );
    await db.query(
      `insert into public.meetings (meeting_id, title, kind, beats, venue_name, venue_address, venue_lon, venue_lat, schedule_start, schedule_duration_minutes, schedule_rrule, published)
       values ($1, 'Bench walk', 'beat_meeting', '{101}', 'Larch Community Center', '220 E Dunlin St', -88.257, 41.0997, '2027-01-05T18:00', 60, 'FREQ=WEEKLY;BYDAY=TU', true)`,
      [meetingId],
    );
    await db.query('begin');
    await db.query(`insert into public.meeting_exceptions (meeting_id, position, occurrence_date, status, note, published) values ($1, 0, '2027-01-12', 'cancelled', 'Bench', true)`, [meetingId]);
    const { rows } = await db.query('select publish_request_id from private.publish_requests where transaction_id = pg_current_xact_id()');
    await db.query('commit');

    const before = caughtFiles(stack.mailFolder).length;
    // The meeting's own request first, so that the timed publish holds the cancellation alone.
    await db.query(`select public.finish_publish_requests(array(select publish_request_id from private.publish_requests where finished_at is null and publish_request_id < $1), 'published')`, [rows[0].publish_request_id]);
    const finishing = performance.now();
    await db.query(`select public.finish_publish_requests($1::bigint[], 'published')`, [[rows[0].publish_request_id]]);
    const composeSeconds = (performance.now() - finishing) / 1000;
    while (caughtFiles(stack.mailFolder).length < before + subscribers) await new Promise((resolve) => setTimeout(resolve, 20));
    const seconds = (performance.now() - finishing) / 1000;

    const received = new Map<string, number>();
    const folder = stack.mailFolder;
    for (const file of caughtFiles(folder)) {
      const head = readFileSync(path.join(folder, file), 'utf8').slice(0, 2000);
      const to = /^To: (bench-alerts-[^\s@]+@example\.org)/im.exec(head)?.[1];
      if (to?.includes(run)) received.set(to, (received.get(to) ?? 0) + 1);
    }
    const notExactlyOnce = subscribers - [...received.values()].filter((count) => count === 1).length;
    return {
      subscribers,
      composeSeconds: Math.round(composeSeconds * 100) / 100,
      seconds: Math.round(seconds * 100) / 100,
      alertsPerSecond: Math.round(subscribers / seconds),
      notExactlyOnce,
    };
  } finally {
    await db.query('rollback').catch(() => undefined);
    await db.query(`delete from private.alert_subscriptions where email like $1`, [`bench-alerts-${run}-%`]).catch(() => undefined);
    await db.query('delete from public.meetings where meeting_id = $1', [meetingId]).catch(() => undefined);
    await db.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { info, stop } = await startTestStack(temporaryDataDir());
  try {
    // Once to warm deno and the connections, then the figure.
    await measureAlerts(info, 50);
    console.log(JSON.stringify(await measureAlerts(info, Number(process.argv[2] ?? 10_000))));
  } finally {
    await stop();
  }
}
