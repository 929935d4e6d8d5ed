// The build publishes what the database publishes: `astro build` against a
// stack reads the content tables (public.published_content, with the anon
// key), not the content folder, leaves drafts out, and refuses to build
// content whose references are broken, one line each, as it refuses a folder.
// A stack of its own: these tests change the content the other files read.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBuildEnv } from '../../supabase/local/cli.ts';
import { projectRoot } from '../../supabase/local/paths.ts';
import { startTestStack, temporaryDataDir } from '../support/testStack.ts';

const demoFolder = path.join(projectRoot, 'src/content');

describe('the build reads the published content from the database', () => {
  const dataDir = temporaryDataDir();
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let db: pg.Client;
  let work: string;
  let folder: string;

  beforeAll(async () => {
    stack = await startTestStack(dataDir);
    db = new pg.Client({ connectionString: stack.info.databaseUrl });
    await db.connect();
    work = await mkdtemp(path.join(tmpdir(), 'openbeat-build-'));
    // The build still reads guides and the street network from a folder: a copy of the
    // demo's, so that this build keeps an Astro cache of its own (see contentCacheDir).
    folder = path.join(work, 'content');
    await cp(demoFolder, folder, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** `astro build` as `npm start` runs it, with its exit code and everything it said. */
  const build = (outDir: string) =>
    new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const env: NodeJS.ProcessEnv = { ...localBuildEnv(dataDir), OPENBEAT_BUILD_API: stack.info.url, OPENBEAT_CONTENT: folder, ASTRO_TELEMETRY_DISABLED: '1' };
      env.PATH = [path.dirname(process.execPath), env.PATH].filter(Boolean).join(path.delimiter);
      const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], { cwd: projectRoot, env });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, output }));
    });

  it('shows a beat under the name the database gives it, gives a draft beat no page, and serves an officer’s photo from Storage from the site itself', async () => {
    const { rows } = await db.query<{ beat_id: string }>('select beat_id from public.beats where published order by beat_id limit 1');
    const beat = rows[0]!.beat_id;
    // A photo in Storage, as the workspace uploads it, named on a published officer's row.
    const officer = (await db.query<{ officer_id: string }>('select officer_id from public.officers where published order by officer_id limit 1')).rows[0]!.officer_id;
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4kWIERwzEcQBCchXhIRsTawAAAABJRU5ErkJggg==', 'base64');
    const service = createClient(stack.info.url, stack.info.serviceRoleKey, { auth: { persistSession: false } });
    const upload = await service.storage.from('officer-photos').upload(`${officer}/v1.png`, new Blob([new Uint8Array(png)], { type: 'image/png' }));
    expect(upload.error).toBeNull();
    await db.query(`update public.officers set photo = $2, photo_alt = 'The officer in the photo' where officer_id = $1`, [officer, `${officer}/v1.png`]);
    await db.query(`update public.beats set name = 'Renamed in the database' where beat_id = $1`, [beat]);
    await db.query(
      `insert into public.beats (beat_id, name, district_id, boundary, neighbourhoods, published)
       select 'draft-beat', 'A draft beat', district_id, boundary, '{}', false from public.beats where beat_id = $1`,
      [beat],
    );
    const outDir = path.join(work, 'dist');
    const { code, output } = await build(outDir);
    expect(code, output).toBe(0);
    expect(await readFile(path.join(outDir, 'beats', beat, 'index.html'), 'utf8')).toContain('Renamed in the database');
    expect(existsSync(path.join(outDir, 'beats', 'draft-beat'))).toBe(false);
    const openData = await readFile(path.join(outDir, 'data', 'beats.geojson'), 'utf8');
    expect(openData).toContain('Renamed in the database');
    expect(openData).not.toContain('A draft beat');

    const page = await readFile(path.join(outDir, 'officers', officer, 'index.html'), 'utf8');
    const src = /<img src="([^"]+)" alt="The officer in the photo"/.exec(page)?.[1];
    expect(src, 'the officer page shows the photo').toMatch(/^\/_astro\/.+\.png$/);
    expect(page).not.toContain(stack.info.url);
    expect(await readFile(path.join(outDir, src!))).toEqual(png);
  }, 180_000);

  it('refuses to build a beat whose district is not published, with one line for each problem and nothing built', async () => {
    const { rows } = await db.query<{ beat_id: string; district_id: string }>(
      `select beat_id, district_id from public.beats where published and beat_id <> 'draft-beat' order by beat_id limit 1`,
    );
    const { beat_id: beat, district_id: district } = rows[0]!;
    await db.query(`insert into public.districts (district_id, name, boundary, published) select 'draft-district', 'A draft district', boundary, false from public.districts where district_id = $1`, [district]);
    await db.query(`update public.beats set district_id = 'draft-district' where beat_id = $1`, [beat]);
    const outDir = path.join(work, 'refused');
    const { code, output } = await build(outDir);
    expect(code).toBe(1);
    expect(output).toContain(`beat ${beat}: district: no district "draft-district" is published`);
    expect(output).toMatch(/1 problem\(s\) in the content published at http:\/\/[^ ]+; nothing was built\./);
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
  }, 180_000);
});
