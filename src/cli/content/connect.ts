// Which database `openbeat import content` and `openbeat export` work on: the
// URL given, or else the local stack's, when one runs on this checkout's data
// folder. What goes wrong reaching it is one line, naming the host and never
// the password.
import pg from 'pg';
import { dataDir } from '../../../supabase/local/paths.ts';
import { runningDatabaseUrl } from '../../../supabase/local/running.ts';

export class DatabaseUnreachable extends Error {}

/** Connects, runs `work` with the connection and where it leads (host:port/database), and disconnects. */
export async function withDatabase<T>(given: string | undefined, work: (db: pg.Client, where: string) => Promise<T>): Promise<T> {
  const url = given ?? runningDatabaseUrl(dataDir());
  if (!url) {
    throw new DatabaseUnreachable(`no local stack is running on ${dataDir()}: start it with npm start, or give --database URL`);
  }
  const where = describeUrl(url);
  const db = new pg.Client({ connectionString: url });
  // A connection that dies fails the query under way; the event would otherwise end the process first.
  db.on('error', () => undefined);
  try {
    await db.connect();
  } catch (error) {
    throw new DatabaseUnreachable(`cannot reach the database at ${where}: ${(error as Error).message}`);
  }
  try {
    return await work(db, where);
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') {
      throw new DatabaseUnreachable(
        `the database at ${where} has no content tables yet: apply supabase/migrations first (npm start does it locally, supabase db push on a Supabase project)`,
      );
    }
    throw error;
  } finally {
    await db.end();
  }
}

function describeUrl(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `${hostname}${port ? `:${port}` : ''}${pathname}`;
  } catch {
    return 'the URL given (not a URL: postgres://user:password@host:port/database)';
  }
}
