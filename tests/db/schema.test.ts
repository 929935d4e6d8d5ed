// supabase/schema.sql is the schema the migrations build, in one file: this
// fails when a migration changed and the file was not written again.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dumpSchema, schemaFile } from '../../supabase/local/schemaSnapshot.ts';

const db = new pg.Client({ connectionString: inject('stack').databaseUrl });
beforeAll(() => db.connect());
afterAll(() => db.end());

describe('supabase/schema.sql', () => {
  it('is the schema the migrations build', async () => {
    expect(await dumpSchema(db), 'supabase/schema.sql differs from what supabase/migrations build: run `npm run db:schema` and commit the file').toBe(
      readFileSync(schemaFile, 'utf8'),
    );
  });
});
