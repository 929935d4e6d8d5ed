// The `openbeat` command: describe a jurisdiction in files, check them, and try
// them out. Each command returns its exit code; output goes through `io` so
// tests can read it.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import { contentDir } from '../lib/content/folder.ts';
import { validateContent } from '../lib/content/validate.ts';
import { createBeatIndex } from '../lib/geo/beatIndex.ts';
import { buildAddressIndex, postalArea } from '../features/places/geocoder/buildAddressIndex.ts';
import { createGeocoder } from '../features/places/geocoder/geocoder.ts';
import { demoCity } from './demo/city.ts';
import { writeDemoCity, writeDemoSeed } from './demo/write.ts';
import {
  describeUpserted,
  ImportError,
  importBeatRows,
  importBeats,
  importDistrictRows,
  importDistricts,
  importMeetingRows,
  importMeetings,
  importOfficerRows,
  importOfficers,
  importStreets,
  type Upserted,
} from './import/index.ts';
import { ContentProblems, writeContentFolder } from './content/files.ts';
import { describeCounts, readPublishedContent, replaceContent } from './content/database.ts';
import { DatabaseUnreachable, withDatabase } from './content/connect.ts';
import { exportPhotos, importPhotos, type StorageAccess } from './content/photos.ts';
import { dataDir } from '../../supabase/local/paths.ts';
import { runningStack } from '../../supabase/local/running.ts';
import { apiKeys, localSecrets } from '../../supabase/local/secrets.ts';
import type pg from 'pg';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Exit codes: 0 done, 1 the content has problems, 2 the command was used wrongly, 3 no beat there, 4 no database to reach. */
export const exit = { ok: 0, problems: 1, usage: 2, outside: 3, unreachable: 4 } as const;

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(positionals: string[], values: Record<string, string | boolean | undefined>, io: Io): Promise<number> | number;
}

const contentOption = { content: { type: 'string' as const, short: 'c' } };

const databaseHelp = `The database is the local stack's (npm start) unless --database gives the
URL of another, such as a Supabase project's connection string. Exit 4 when
there is no database to reach.`;

const importUsage = `openbeat import districts FILE.geojson --id-field F [--name-field F] [--draft] [--database URL | --out DIR]
openbeat import beats FILE.geojson --id-field F [--district-field F] [--name-field F] [--draft] [--database URL | --out DIR]
openbeat import meetings FILE.csv [--draft] [--database URL | --out DIR]
openbeat import officers FILE.csv [--draft] [--database URL | --out DIR]
openbeat import streets FILE.geojson --out DIR [--left-from-field F …]
openbeat import content DIR [--database URL [--api URL]]

Puts a department's published data into the database: its district and beat
maps (GeoJSON, geometry kept exactly as published), its meeting schedule and
its officer roster (spreadsheets saved as CSV). Each entry is upserted by its
id, in one transaction: a new one is added (published, or a draft with
--draft), one already there is updated and keeps what people filled in
(a district's station, a beat's neighbourhoods, a meeting's cancelled and moved
dates, an officer's photo, whether it is published), and entries the file does
not name stay as they are. The beats and districts an entry names must be in
the database (or, for beats, in the same import), and published when the entry
is. It prints what was added, changed and left unchanged. Several features with
one id become one beat (or district) in several parts; "01" and "1" are the
same id. Without --district-field, beats are placed in the districts already
there; districts the beats name but that are missing are drawn as the union of
their beats. Bad input changes nothing and is listed one problem a line. The
CSV columns and the streets' field names (--left-from-field, --left-to-field,
--right-from-field, --right-to-field, --prefix-field, --name-field,
--type-field, --post-direction-field; found by themselves in the usual
L_F_ADD/LFROMADD layouts, or name the theoretical ranges' fields to use those)
are in the README.

With --out DIR, the same imports write a content folder instead, replacing that
collection in DIR as a whole and keeping the same hand-filled fields; streets
are always a file of a folder (streets.geojson), which the build reads.

import content puts a whole content folder into the database, in place of
everything there, all of it published: site settings, districts, beats,
officers, meetings and workshops (guides and streets.geojson stay files). The
folder is checked first as openbeat validate checks it; a folder with problems
changes nothing, and they are listed one a line. Officers' photos are uploaded
into Storage (the bucket officer-photos): the local stack's, or the project
whose API address --api gives, with the key in SUPABASE_SERVICE_ROLE_KEY. ${databaseHelp}`;

const commands: Record<string, Command> = {
  validate: {
    summary: 'check a content folder: every file against its schema, every reference between files',
    usage: `openbeat validate [DIR]

Checks DIR (default: $OPENBEAT_CONTENT or src/content) the way the build does.
Prints nothing but a summary when all is well (exit 0), else one line per
problem: the file, the field, what is wrong and the bad value (exit 1).`,
    options: {},
    run([dir], _values, io) {
      const folder = dir ? path.resolve(dir) : contentDir();
      const { content, problems, notes } = validateContent(folder);
      for (const note of notes) io.out(`note: ${note}`);
      if (problems.length > 0) return reportProblems(io, problems, folder);
      io.out(
        `${folder}: ${content.districts.length} districts, ${content.beats.length} beats, ${content.officers.length} officers, ` +
          `${content.meetings.length} meetings, ${content.priorities.length} priorities, ${content.guides.length} guides, ${content.workshops.length} workshops: all valid`,
      );
      return exit.ok;
    },
  },

  locate: {
    summary: 'which beat, district and officers serve a point',
    usage: `openbeat locate LON LAT [--content DIR]

Prints {"beat": …, "district": …, "officers": [slugs]} as JSON, using the same
lookup as the portal's finder. A point outside every beat says so and exits 3.`,
    options: contentOption,
    run(positionals, values, io) {
      const [lon, lat] = positionals.map(Number);
      if (positionals.length !== 2 || !Number.isFinite(lon) || !Number.isFinite(lat)) {
        io.err('openbeat locate: give a longitude and a latitude, e.g. openbeat locate -87.6298 41.8781');
        return exit.usage;
      }
      const folder = typeof values.content === 'string' ? path.resolve(values.content) : contentDir();
      const { content, problems } = validateContent(folder);
      if (content.beats.length === 0) {
        io.err(`${folder}: no beats to search${problems.length ? ` (${problems.length} problems: run openbeat validate)` : ''}`);
        return exit.problems;
      }
      const beat = createBeatIndex(content.beats).locate(lon!, lat!);
      if (!beat) {
        io.err(`${lon}, ${lat} is outside every beat of ${content.site?.jurisdiction ?? folder}.`);
        return exit.outside;
      }
      const officers = content.officers.filter((officer) => officer.beats.includes(beat.id)).map((officer) => officer.id);
      io.out(JSON.stringify({ beat: beat.id, district: beat.district, officers }));
      return exit.ok;
    },
  },

  geocode: {
    summary: 'where an address is, and its beat, with the same geocoder as the portal',
    usage: `openbeat geocode "ADDRESS" [--content DIR]

Prints the candidates for ADDRESS as JSON, best first: each with its label,
longitude, latitude, precision (address, intersection or street), beat and
district. Several candidates on different streets (4th St NW, 4th St NE) are
each listed, never one picked. Uses the finder's own geocoder on the content
folder's streets.geojson and site.json (its postal area), on this machine:
nothing is sent anywhere. No candidate, or a state, ZIP code or city outside
the jurisdiction: a message saying which, and exit 3.`,
    options: contentOption,
    async run(positionals, values, io) {
      const query = positionals.join(' ').trim();
      if (!query) {
        io.err('openbeat geocode: give an address, e.g. openbeat geocode "1200 W Birch St"');
        return exit.usage;
      }
      const folder = typeof values.content === 'string' ? path.resolve(values.content) : contentDir();
      const { content } = validateContent(folder);
      if (!content.streets?.features.length) {
        io.err(`${folder}: no streets.geojson to geocode with (openbeat import streets writes one)`);
        return exit.problems;
      }
      const { catalog, chunks } = buildAddressIndex(content.streets, content.site ? { area: postalArea(content.site) } : {});
      const geocoder = createGeocoder(catalog, async (id) => chunks.get(id)!);
      const beats = createBeatIndex(content.beats);
      const outside = geocoder.outside(query);
      if (outside) {
        io.err(`"${query}" is outside the area this portal covers (${outside} is not ${content.site?.jurisdiction ?? folder}'s).`);
        return exit.outside;
      }
      const candidates = (await geocoder.geocode(query)).map((candidate) => {
        const beat = beats.locate(candidate.lon, candidate.lat);
        return { ...candidate, beat: beat?.id ?? null, district: beat?.district ?? null };
      });
      if (candidates.length === 0) {
        io.err(`No street in ${content.site?.jurisdiction ?? folder} matches "${query}".`);
        return exit.outside;
      }
      io.out(JSON.stringify(candidates, null, 2));
      return exit.ok;
    },
  },

  demo: {
    summary: 'write the demo city (or an N-times larger one) into a content folder',
    usage: `openbeat demo [--scale N] [--seed S] [--out DIR] [--seed-sql FILE]

Writes the fictional city of Alderbrook into DIR (default: src/content): site,
districts, beats, officers, meetings, workshops and a street network with house
numbers. Guides and other files in DIR are left alone. The same seed and scale
always give the same city; --scale 12 is about the size of Chicago (~300 beats).
Watch groups and staff accounts live in the database, not in content:
--seed-sql writes the city's approved watch groups and four local staff
accounts without passwords between the demo markers of a seed file
(supabase/seed.sql); the staff scope comes from the content tables.`,
    options: {
      scale: { type: 'string', short: 's', default: '1' },
      seed: { type: 'string', default: '2026' },
      out: { type: 'string', short: 'o', default: 'src/content' },
      'seed-sql': { type: 'string' },
    },
    async run(_positionals, values, io) {
      const scale = Number(values.scale);
      const seed = Number(values.seed);
      if (!Number.isFinite(scale) || scale <= 0 || scale > 400) {
        io.err('openbeat demo: --scale takes a number above 0 (1 is the demo city; 12 is about Chicago-sized)');
        return exit.usage;
      }
      if (!Number.isInteger(seed)) {
        io.err('openbeat demo: --seed takes a whole number');
        return exit.usage;
      }
      const out = path.resolve(String(values.out));
      const city = demoCity({ scale, seed });
      await writeDemoCity(out, city);
      if (typeof values['seed-sql'] === 'string') writeDemoSeed(path.resolve(values['seed-sql']), city);
      io.out(
        `${out}: ${city.districts.length} districts, ${city.beats.length} beats, ${city.officers.length} officers, ` +
          `${city.meetings.length} meetings, ${city.priorities.length} priorities, ${city.streets.features.length} street segments, ${city.watchGroups.length} watch groups (seed ${seed}, scale ${scale})`,
      );
      return exit.ok;
    },
  },

  export: {
    summary: 'write the content the database publishes into a content folder',
    usage: `openbeat export DIR [--database URL] [--api URL]

Writes what the database publishes (site settings, districts, beats, officers,
meetings with their exceptions, workshops) into DIR as openbeat import content
reads it, each file as openbeat demo writes it: the demo city exports as the
folder src/content holds, byte for byte. site.json and each collection's .json
files are replaced, all at once; guides/, streets.geojson and officers' photos
in DIR stay as they are. Photos uploaded in the staff workspace are downloaded
from Storage and written beside their officer's file (officers/<id>.webp):
from the local stack's API, or from the project whose API address --api gives
(https://<project>.supabase.co). ${databaseHelp}`,
    options: { database: { type: 'string', short: 'd' }, api: { type: 'string' } },
    run([dir, ...extra], values, io) {
      if (!dir || extra.length > 0) {
        io.err('openbeat export: give the content folder to write, e.g. openbeat export ../my-department');
        return exit.usage;
      }
      const out = path.resolve(dir);
      return databaseCommand('export', values.database, io, async (db) => {
        const content = await readPublishedContent(db);
        if (!content) {
          io.err('openbeat export: the database publishes no site settings, so there is nothing to export (openbeat import content DIR puts a folder in)');
          return exit.problems;
        }
        // The photos' API: the one given, or the local stack's when its database is the one read.
        const api = typeof values.api === 'string' ? values.api : values.database === undefined ? runningStack(dataDir())?.url : undefined;
        const photos = await exportPhotos(content, api, out);
        try {
          await writeContentFolder(out, photos.content);
          await photos.place(out);
        } catch (error) {
          await photos.discard();
          if (!(error instanceof ContentProblems)) throw error;
          for (const problem of error.problems) io.err(problem);
          io.err(`Nothing was written to ${out}.`);
          return exit.problems;
        }
        for (const note of photos.notes) io.err(note);
        io.out(`${out}: ${describeCounts(content)} (guides and streets.geojson are left as they are)`);
        return exit.ok;
      });
    },
  },

  import: {
    summary: 'put published beats, districts, a meeting schedule, an officer roster or a content folder into the database',
    usage: importUsage,
    options: {
      'id-field': { type: 'string' },
      'district-field': { type: 'string' },
      'name-field': { type: 'string' },
      'left-from-field': { type: 'string' },
      'left-to-field': { type: 'string' },
      'right-from-field': { type: 'string' },
      'right-to-field': { type: 'string' },
      'prefix-field': { type: 'string' },
      'type-field': { type: 'string' },
      'post-direction-field': { type: 'string' },
      out: { type: 'string', short: 'o' },
      database: { type: 'string', short: 'd' },
      api: { type: 'string' },
      draft: { type: 'boolean' },
    },
    run: runImport,
  },
};

const importKinds = ['beats', 'districts', 'meetings', 'officers', 'streets', 'content'];

async function runImport(positionals: string[], values: Record<string, string | boolean | undefined>, io: Io): Promise<number> {
  const [kind, file, ...extra] = positionals;
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const out = text('out');
  const database = text('database');
  const draft = values.draft === true;
  const idField = text('id-field');
  const usage = (why: string) => (io.err(`openbeat import: ${why}\n\n${importUsage}`), exit.usage);
  if (!kind || !importKinds.includes(kind)) return usage('say what to import: beats, districts, meetings, officers, streets or content');
  if (kind === 'content') {
    if (draft) return usage('import content publishes the whole folder: --draft is for districts, beats, meetings and officers');
    return file && extra.length === 0 ? importContent(path.resolve(file), database, text('api'), io) : usage('give one content folder to import');
  }
  if (text('api') !== undefined) return usage('--api is for import content, whose officers\' photos go into Storage');
  if (!file || extra.length > 0) return usage('give one file to import');
  if (kind === 'streets' && !out) return usage('give the content folder to write streets.geojson into with --out DIR');
  if (out && database) return usage('give --out DIR to write a content folder, or --database URL, not both');
  if (out && draft) return usage('--draft is for the database: a content folder has no drafts');
  if ((kind === 'beats' || kind === 'districts') && !idField) return usage(`say which property holds each ${kind.slice(0, -1)}'s id with --id-field`);
  const areas = { file, idField: idField!, nameField: text('name-field') };
  if (!out) {
    return databaseCommand('import', database, io, async (db, where) => {
      try {
        const lines: string[] = [];
        const upserted = (noun: string, done: Upserted) => `${describeUpserted(done, noun)}${draft && done.added.length > 0 ? ' (the added ones as drafts)' : ''}`;
        if (kind === 'beats') {
          const report = await importBeatRows(db, { ...areas, districtField: text('district-field'), draft });
          const districts = report.districts.added.length > 0 ? `; ${upserted('districts', report.districts)}` : '';
          lines.push(`${report.featuresRead} features read → ${where}: ${upserted('beats', report.beats)}${districts}`, ...report.notes);
          lines.push(...report.warnings.map((warning) => `warning: ${warning}`));
        } else if (kind === 'districts') {
          const report = await importDistrictRows(db, { ...areas, draft });
          lines.push(`${report.featuresRead} features read → ${where}: ${upserted('districts', report.districts)}`, ...report.notes);
          lines.push(...report.warnings.map((warning) => `warning: ${warning}`));
        } else if (kind === 'meetings') {
          const report = await importMeetingRows(db, { file, draft });
          lines.push(`${report.rowsRead} rows read → ${where}: ${upserted('meetings', report.meetings)}`, ...report.notes);
          lines.push(...report.warnings.map((warning) => `warning: ${warning}`));
        } else {
          const report = await importOfficerRows(db, { file, draft });
          lines.push(`${report.rowsRead} rows read → ${where}: ${upserted('officers', report.officers)}`, ...report.notes);
          lines.push(...report.warnings.map((warning) => `warning: ${warning}`));
        }
        for (const line of lines) io.out(line);
        return exit.ok;
      } catch (error) {
        const problems = error instanceof ImportError ? error.message : refusal(error);
        if (problems === undefined) throw error;
        io.err(problems);
        io.err(`Nothing was changed in the database at ${where}.`);
        return exit.problems;
      }
    });
  }
  try {
    const lines: string[] = [];
    const written = (count: number, noun: string, replaced: number) =>
      `${count} ${noun} written to ${path.resolve(out)}${replaced ? ` (replacing ${replaced} files)` : ''}`;
    if (kind === 'beats') {
      const report = await importBeats({ ...areas, districtField: text('district-field'), out });
      lines.push(`${report.featuresRead} features read; ${written(report.written, 'beats', report.replaced)}`);
      lines.push(...report.notes, ...report.warnings.map((warning) => `warning: ${warning}`));
    } else if (kind === 'districts') {
      const report = await importDistricts({ ...areas, out });
      lines.push(`${report.featuresRead} features read; ${written(report.written, 'districts', report.replaced)}`);
      lines.push(...report.notes, ...report.warnings.map((warning) => `warning: ${warning}`));
    } else if (kind === 'streets') {
      const fields = {
        leftFrom: text('left-from-field'),
        leftTo: text('left-to-field'),
        rightFrom: text('right-from-field'),
        rightTo: text('right-to-field'),
        prefix: text('prefix-field'),
        name: text('name-field'),
        type: text('type-field'),
        postDirection: text('post-direction-field'),
      };
      const report = await importStreets({ file, out, fields: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) });
      lines.push(`${report.featuresRead} features read; ${report.written} street segments written to ${path.join(path.resolve(out), 'streets.geojson')}${report.replacedExisting ? ' (replacing the old one)' : ''}`);
      if (report.skipped.unnamed || report.skipped.unnumbered) lines.push(`skipped ${report.skipped.unnamed} without a name and ${report.skipped.unnumbered} without house numbers (alleys, ramps…)`);
      if (report.reversed) lines.push(`${report.reversed} lines turned round so house numbers grow along them`);
      lines.push(...report.notes, ...report.warnings.map((warning) => `warning: ${warning}`));
    } else if (kind === 'meetings') {
      const report = await importMeetings({ file, out });
      lines.push(`${report.rowsRead} rows read; ${written(report.written, 'meetings', report.replaced)}`);
      lines.push(...report.notes, ...report.warnings.map((warning) => `warning: ${warning}`));
    } else {
      const report = await importOfficers({ file, out });
      lines.push(`${report.rowsRead} rows read; ${written(report.written, 'officers', report.replaced)}`);
      lines.push(...report.notes, ...report.warnings.map((warning) => `warning: ${warning}`));
    }
    for (const line of lines) io.out(line);
    return exit.ok;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.err(error.message);
    io.err(`Nothing was written to ${path.resolve(out)}.`);
    return exit.problems;
  }
}

/**
 * A row the tables' own rules refuse (SQLSTATE classes 22 and 23) that the
 * schemas let through, such as an address longer than an email may be: one
 * line naming the rule, as a problem of the input rather than a crash.
 */
function refusal(error: unknown): string | undefined {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && /^2[23]/.test(code) ? `the database refused the import: ${String(message)}` : undefined;
}

/** A folder's problems, one a line, then how many and what was not done for them; exit 1. */
function reportProblems(io: Io, problems: readonly string[], folder: string, consequence?: string): number {
  for (const problem of problems) io.err(problem);
  io.err(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${folder}${consequence ? `: ${consequence}` : ''}`);
  return exit.problems;
}

/** Runs a command's work on the database (see withDatabase); no database to reach is one line and exit 4. */
async function databaseCommand(
  name: string,
  database: string | boolean | undefined,
  io: Io,
  work: (db: pg.Client, where: string) => Promise<number>,
): Promise<number> {
  try {
    return await withDatabase(typeof database === 'string' ? database : undefined, work);
  } catch (error) {
    if (!(error instanceof DatabaseUnreachable)) throw error;
    io.err(`openbeat ${name}: ${error.message}`);
    return exit.unreachable;
  }
}

/** Where photos go: the project --api names, with the service-role key from the environment; else the local stack's, when its database is the one written. */
async function storageAccess(api: string | undefined, database: string | undefined): Promise<StorageAccess | undefined> {
  const serviceRoleKey = process.env.SUPABASE_SERVICE_ROLE_KEY;
  if (api) return serviceRoleKey ? { apiUrl: api, serviceRoleKey } : undefined;
  const stack = database === undefined ? runningStack(dataDir()) : undefined;
  return stack ? { apiUrl: stack.url, serviceRoleKey: (await apiKeys(localSecrets(dataDir()))).serviceRoleKey } : undefined;
}

async function importContent(folder: string, database: string | undefined, api: string | undefined, io: Io): Promise<number> {
  const { content: checked, problems } = validateContent(folder);
  if (problems.length > 0) return reportProblems(io, problems, folder, 'nothing was imported');
  return databaseCommand('import', database, io, async (db, where) => {
    const { content, notes } = await importPhotos(checked, folder, await storageAccess(api, database));
    for (const note of notes) io.err(note);
    await replaceContent(db, content);
    io.out(`${folder} → ${where}: ${describeCounts(content)}, all published (guides and streets.geojson stay files)`);
    return exit.ok;
  });
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name ? exit.ok : exit.usage;
  }
  const command = commands[name];
  if (!command) {
    io.err(`openbeat: no command "${name}"\n\n${overview()}`);
    return exit.usage;
  }
  // A negative longitude looks like an option to parseArgs: mark it as a value, and unmark it after.
  const negative = '\u0000';
  const args = rest.map((arg) => (/^-\d/.test(arg) ? negative + arg : arg));
  const unmark = (arg: string) => (arg.startsWith(negative) ? arg.slice(1) : arg);
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`openbeat ${name}: ${(error as Error).message}\n\n${command.usage}`);
    return exit.usage;
  }
  if (parsed.values.help) {
    io.out(command.usage);
    return exit.ok;
  }
  const values = Object.fromEntries(Object.entries(parsed.values).map(([key, value]) => [key, typeof value === 'string' ? unmark(value) : value]));
  return command.run(parsed.positionals.map(unmark), values, io);
}

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return `openbeat: describe a jurisdiction for OpenBeat, check it and try it out

${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
  .join('\n')}

openbeat COMMAND --help tells more.`;
}
