// Writes the demo city into a content folder, as every content folder is
// written (writeContentFolder): only the parts the demo makes are replaced
// (guides and anything else a person wrote stay), all at once, so an
// interrupted run never leaves half a city.
import { readFileSync, writeFileSync } from 'node:fs';
import { writeContentFolder } from '../content/files.ts';
import { featureLines } from '../import/write.ts';
import { demoSeedSections, type DemoCity } from './city.ts';

export async function writeDemoCity(out: string, city: DemoCity): Promise<void> {
  await writeContentFolder(out, city, new Map([['streets.geojson', featureLines(city.streets)]]));
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
