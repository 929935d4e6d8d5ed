// LISTENs for a channel's notifications, as the local stack's stand-ins for
// pg_net do (the publisher, the mail runner), on a connection of its own.
import pg from 'pg';

export interface NotificationListener {
  stop(): Promise<void>;
}

/**
 * Connects again (every second until Postgres answers) when the connection is lost, as when
 * Postgres restarts. A notification sent while it was away is lost: `reconnected` is called
 * once it listens again, to look for what waits.
 */
export function listenFor(
  databaseUrl: string,
  { channel, applicationName, notified, reconnected, stopped }: { channel: string; applicationName: string; notified(): void; reconnected(db: pg.Client): Promise<void>; stopped(): boolean },
): NotificationListener {
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (reconnecting: boolean) => {
    if (stopped()) return;
    const next = new pg.Client({ connectionString: databaseUrl, application_name: applicationName });
    const lost = () => {
      if (client !== next || stopped()) return;
      client = undefined;
      next.end().catch(() => undefined);
      retry = setTimeout(() => void connect(true), 1_000);
    };
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', (message) => {
      if (message.channel === channel) notified();
    });
    client = next;
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
      if (reconnecting) await reconnected(next);
    } catch {
      lost();
    }
  };
  void connect(false);
  return {
    async stop() {
      clearTimeout(retry);
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
