// Writes the demo city into a content folder. Only the parts the demo makes are
// replaced (guides and anything else a person wrote stay), each swapped in
// whole from a temporary folder, so an interrupted run never leaves half a city.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { featureLines, jsonText } from '../import/write.ts';
import { watchGroupSeedSql, type DemoCity } from './city.ts';

export function writeDemoCity(out: string, city: DemoCity): void {
  mkdirSync(out, { recursive: true });
  const staging = path.join(out, `.demo-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const file = (name: string, text: string) => {
      mkdirSync(path.dirname(path.join(staging, name)), { recursive: true });
      writeFileSync(path.join(staging, name), text);
    };
    file('site.json', jsonText([{ id: 'site', ...city.site }]));
    for (const collection of ['districts', 'beats', 'officers', 'meetings', 'workshops'] as const) {
      for (const { id, ...entry } of city[collection]) file(`${collection}/${id}.json`, jsonText(entry));
    }
    file('streets.geojson', featureLines(city.streets));

    for (const name of ['site.json', 'districts', 'beats', 'officers', 'meetings', 'workshops', 'streets.geojson']) {
      const target = path.join(out, name);
      if (existsSync(target)) rmSync(target, { recursive: true });
      renameSync(path.join(staging, name), target);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const seedBegin = '-- demo watch groups: begin\n';
const seedEnd = '-- demo watch groups: end\n';

/** Puts the demo's watch groups between the markers of a seed file, leaving the rest of it alone. */
export function writeWatchGroupSeed(seedFile: string, city: DemoCity): void {
  const text = readFileSync(seedFile, 'utf8');
  const begin = text.indexOf(seedBegin);
  const end = text.indexOf(seedEnd);
  if (begin < 0 || end < begin) throw new Error(`${seedFile}: no "${seedBegin.trim()}" and "${seedEnd.trim()}" lines to write between`);
  writeFileSync(seedFile, text.slice(0, begin + seedBegin.length) + watchGroupSeedSql(city.watchGroups) + text.slice(end));
}
