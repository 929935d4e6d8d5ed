// Real published data through the importers, the validator, the lookup and the
// build: Chicago's police districts and beats, and its district stations as
// known addresses (each station should lie in its own district). Reads
// ../shared/data/chicago when it is there, and says so and does nothing when not.
// Prints figures; it is a check to run by hand (npm run bench:real-city), not a test.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { importBeats, importDistricts } from '../../src/cli/import/index.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { createBeatIndex } from '../../src/lib/geo/beatIndex.ts';
import { projectRoot } from '../../supabase/local/paths.ts';
import { measuredBuild, waitForOtherBuilds } from './build.ts';

const source = path.resolve(projectRoot, process.env.OPENBEAT_REAL_DATA ?? '../shared/data/chicago');
if (!existsSync(path.join(source, 'chicago_police_beats.geojson'))) {
  console.log(`No real data at ${source}: nothing to check. (Set OPENBEAT_REAL_DATA to a folder with Chicago's files.)`);
  process.exit(0);
}

const out = mkdtempSync(path.join(tmpdir(), 'openbeat-chicago-'));
const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await work();
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
};

try {
  const districts = await timed('import districts', () =>
    importDistricts({ file: path.join(source, 'chicago_police_districts.geojson'), idField: 'DIST_NUM', out }),
  );
  const beats = await timed('import beats', () =>
    importBeats({ file: path.join(source, 'chicago_police_beats.geojson'), idField: 'BEAT_NUM', districtField: 'DISTRICT', out }),
  );
  console.log(`  ${districts.written} districts, ${beats.written} beats; ${[...districts.notes, ...beats.notes].filter((n) => n.includes('merged')).join('; ')}`);

  const { content, problems } = await timed('validate', async () => validateContent(out));
  console.log(`  ${problems.length} problems`);

  const index = createBeatIndex(content.beats);
  const stations = parse(readFileSync(path.join(source, 'chicago_police_stations.csv')), { bom: true, columns: true }) as Array<Record<string, string>>;
  const districtStations = stations.filter((row) => /^\d+$/.test(row.DISTRICT ?? ''));
  const wrong = districtStations.filter((row) => index.locate(Number(row.LONGITUDE), Number(row.LATITUDE))?.district !== row.DISTRICT);
  console.log(`locate: ${districtStations.length - wrong.length} of ${districtStations.length} district stations lie in their own district`);
  for (const row of wrong) console.log(`  station ${row.DISTRICT} (${row.ADDRESS?.trim()}) was placed in ${index.locate(Number(row.LONGITUDE), Number(row.LATITUDE))?.district ?? 'no district'}`);

  await waitForOtherBuilds((line) => console.log(line));
  const build = await measuredBuild({ content: out, outDir: path.join(out, 'dist'), dataDir: path.join(out, 'local') });
  console.log(`build: ${Math.round(build.seconds * 1000)} ms, ${build.output.pages} pages, peak memory ${Math.round(build.treeRss / 2 ** 20)} MiB`);
  process.exitCode = problems.length === 0 && wrong.length === 0 ? 0 : 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
