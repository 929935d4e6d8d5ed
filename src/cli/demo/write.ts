// Writes the demo city into a content folder. Only the parts the demo makes are
// replaced (guides and anything else a person wrote stay), each swapped in
// whole from a temporary folder, so an interrupted run never leaves half a city.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { featureLines, jsonText } from '../import/write.ts';
import { demoSeedSections, type DemoCity } from './city.ts';

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

/**
 * Puts each generated section (watch groups, staff scope, staff accounts)
 * between its `-- <marker>: begin` and `-- <marker>: end` lines in a seed
 * file, leaving the rest of the file alone. Every section's markers must be
 * there before anything is written.
 */
export function writeDemoSeed(seedFile: string, city: DemoCity): void {
  let text = readFileSync(seedFile, 'utf8');
  for (const { marker, sql } of demoSeedSections(city)) {
    const begin = `-- ${marker}: begin\n`;
    const end = `-- ${marker}: end\n`;
    const from = text.indexOf(begin);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${seedFile}: no "${begin.trim()}" and "${end.trim()}" lines to write between`);
    text = text.slice(0, from + begin.length) + sql + text.slice(to);
  }
  writeFileSync(seedFile, text);
}
