// The local stack's stand-in for what a hosted project's pg_cron and pg_net do
// for email (README, "Email"): it runs the send-mail Edge Function as
// `supabase functions serve` would, with the local mail catcher as its SMTP
// server, and calls it when mail is queued (the channel openbeat_mail, which
// private.queue_mail and the staff notification trigger notify), every few
// seconds (for retries after a backoff, and claims a dead sender left), and
// queues the staff's daily digests every hour (queue_staff_digests sends each
// member one a day at most), with the alert subscribers' digests and the purge
// of subscriptions never confirmed (the beat_alerts migration).
import pg from 'pg';
import { serveFunction, type ServedFunction } from './edgeFunction.ts';
import { listenFor } from './notifications.ts';

export const mailChannel = 'openbeat_mail';

export interface MailRunnerOptions {
  databaseUrl: string;
  /** The stack's API (the gateway), which the function calls as a hosted one calls its project. */
  apiUrl: string;
  serviceRoleKey: string;
  /** The site the messages' links lead to. */
  siteUrl: string;
  smtpPort: number;
  /** How often the function is called with nothing notified. */
  everyMs?: number;
  digestEveryMs?: number;
  /** Added to the function's environment (a fault test's short lease). */
  env?: Record<string, string>;
}

export interface MailRunner {
  /** The function as it is served now. */
  served: Promise<ServedFunction>;
  /** Calls the function now (or once more after the call under way) and resolves when that call ends. */
  send(): Promise<void>;
  stop(): Promise<void>;
}

export const localMailFrom = 'OpenBeat (local) <no-reply@openbeat.localhost>';

export function startMailRunner({ databaseUrl, apiUrl, serviceRoleKey, siteUrl, smtpPort, everyMs = 5_000, digestEveryMs = 3_600_000, env = {} }: MailRunnerOptions): MailRunner {
  let stopped = false;
  const served = serveFunction('send-mail', {
    SUPABASE_URL: apiUrl,
    SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    MAIL_FROM: localMailFrom,
    SITE_URL: siteUrl,
    ...env,
  });
  served.catch(() => undefined);

  // One call at a time: a call asked for during one is made once after it, and takes in what it left.
  let current: Promise<void> | undefined;
  let again: Promise<void> | undefined;
  const call = async () => {
    try {
      const { url } = await served;
      const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${serviceRoleKey}` } });
      await response.body?.cancel();
    } catch {
      // Not served, or stopped: what waits is sent at the next call.
    }
  };
  const send = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (!current) {
      current = call().finally(() => (current = undefined));
      return current;
    }
    again ??= current.then(() => {
      again = undefined;
      return send();
    });
    return again;
  };

  const queueDigests = async () => {
    const db = new pg.Client({ connectionString: databaseUrl });
    try {
      await db.connect();
      await db.query('select public.queue_staff_digests()');
      // Beat alerts' digests, and subscriptions never confirmed (both hourly on a hosted project too).
      await db.query('select public.queue_alert_digests()');
      await db.query('select public.purge_alert_subscriptions()');
    } catch {
      // Postgres away: the next hour's call catches up (a digest covers everything since the last).
    } finally {
      await db.end().catch(() => undefined);
    }
  };

  const listener = listenFor(databaseUrl, {
    channel: mailChannel,
    applicationName: 'openbeat mail runner',
    notified: () => void send(),
    // The timer calls soon enough for anything queued while the listener was away.
    reconnected: async () => undefined,
    stopped: () => stopped,
  });
  const timer = setInterval(() => void send(), everyMs).unref();
  const digests = setInterval(() => void queueDigests().then(send), digestEveryMs).unref();
  void queueDigests().then(send);

  return {
    served,
    send,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(digests);
      await listener.stop();
      // Killed mid-call, the function leaves its claims to lapse: the next start sends them.
      await served.then((s) => s.stop()).catch(() => undefined);
      await current?.catch(() => undefined);
    },
  };
}
