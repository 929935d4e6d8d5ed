// A database of a test's own beside the stack's, migrated as a new project's
// is: for tests that replace all the content, which the other files share.
import pg from 'pg';
import { migrate } from '../../supabase/local/migrate.ts';

export interface FreshDatabase {
  /** Its URL, signing in as `postgres`. */
  url: string;
  create(): Promise<void>;
  drop(): Promise<void>;
}

/** `name`: unique to the run (a database's name), e.g. content_<run>. */
export function freshDatabase(stackDatabaseUrl: string, staffPassword: string, name: string): FreshDatabase {
  const fresh = new URL(stackDatabaseUrl);
  fresh.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: stackDatabaseUrl });
  return {
    url: fresh.toString(),
    async create() {
      await admin.connect();
      await admin.query(`create database ${name}`);
      await migrate(fresh.toString(), decodeURIComponent(fresh.password), staffPassword);
    },
    async drop() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
