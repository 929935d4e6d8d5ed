// `openbeat import beats`: a department's beat map becomes rows of the beats
// table, or beats/<id>.json in a content folder (OUT). Each beat needs a
// district; it comes from a field of the map or, without one, from the
// districts already imported. Districts that the beats name but the database
// or OUT lacks are drawn as the union of their beats, so the site builds
// before the department publishes (or finds) its district map.
import path from 'node:path';
import { union } from '@turf/union';
import type pg from 'pg';
import { beatRow, districtRow } from '../../lib/content/rows.ts';
import type { Beat, District } from '../../lib/content/validate.ts';
import type { Feature } from 'geojson';
import { beatSchema, districtSchema } from '../../content.config.ts';
import type { AreaImportReport, MergedArea, Tagged } from './areas.ts';
import { mergeAreas, mergedAreas, mergeNotes } from './areas.ts';
import type { Folder } from './content.ts';
import { keptValue, readFolder } from './content.ts';
import { checkEntry, ImportError, issueLines, throwIfAny } from './errors.ts';
import type { Area } from './geojson.ts';
import { featureLabel, missingProperty, readFeatures, textProperty } from './geojson.ts';
import { parseId } from './ids.ts';
import { areasContaining, interiorPoint } from './locate.ts';
import { starterSite } from './site.ts';
import { inImportTransaction, readStored, referenceProblem, upsertRows, willPublish, type Upserted } from './store.ts';
import { commit, jsonText } from './write.ts';

export interface ImportBeatsOptions {
  /** The GeoJSON file. */
  file: string;
  /** The property holding each beat's id. */
  idField: string;
  /** The property holding each beat's district id; without it, beats are placed in OUT's districts. */
  districtField?: string;
  /** The property holding each beat's name; without it, beats are named "Beat <id>". */
  nameField?: string;
  /** The content folder. */
  out: string;
}

export interface BeatsReport extends AreaImportReport {
  /** Districts the beats refer to that OUT lacked, written as the union of their beats. */
  derivedDistricts: string[];
  /** Whether districts came from the district field or from where the beats lie. */
  districtsFrom: 'field' | 'location';
  /** Beats whose neighbourhoods were carried over from the files they replace. */
  keptNeighbourhoods: number;
}

type Attribute = 'name' | 'district';

export async function importBeats(options: ImportBeatsOptions): Promise<BeatsReport> {
  const out = path.resolve(options.out);
  const beatsFolder = await readFolder(out, 'beats');
  const plan = await planBeats(options, await readFolder(out, 'districts'), beatsFolder);
  const beatFiles = new Map(plan.beats.map(({ id, ...beat }) => [`${id}.json`, jsonText(beat)]));
  const districtFiles = new Map(plan.derived.map(({ id, ...district }) => [`${id}.json`, jsonText(district)]));

  const site = await starterSite(
    out,
    plan.beats.map((beat) => beat.boundary),
  );
  await commit(out, {
    folders: [
      { name: 'beats', files: beatFiles },
      ...(districtFiles.size > 0 ? [{ name: 'districts', files: districtFiles, extend: true }] : []),
    ],
    create: site && new Map([['site.json', site.text]]),
  });
  return {
    featuresRead: plan.featuresRead,
    written: beatFiles.size,
    merged: plan.merged,
    derivedDistricts: plan.derived.map((district) => district.id),
    districtsFrom: plan.districtsFrom,
    keptNeighbourhoods: plan.keptNeighbourhoods,
    replaced: beatsFolder.files,
    siteCreated: site !== undefined,
    warnings: plan.warnings,
    notes: [...plan.notes, ...(site?.todo ?? [])],
  };
}

export interface ImportBeatRowsOptions extends Omit<ImportBeatsOptions, 'out'> {
  /** New beats (and the districts derived for them) are drafts, for staff to publish. */
  draft: boolean;
}

export interface BeatRowsReport
  extends Pick<BeatsReport, 'featuresRead' | 'merged' | 'districtsFrom' | 'keptNeighbourhoods' | 'warnings' | 'notes'> {
  beats: Upserted;
  /** Districts the beats name that the database lacked, added as the union of their beats. */
  districts: Upserted;
}

/**
 * The same import into the database: each beat upserted by id with its
 * neighbourhoods kept, beats the file lacks left as they are. A beat's
 * district must be in the database or derived by this import, and a beat that
 * will be published must not name a draft district. Nothing is written when
 * there is a problem.
 */
export async function importBeatRows(db: pg.Client, options: ImportBeatRowsOptions): Promise<BeatRowsReport> {
  const note = `openbeat import beats ${options.file}`;
  return inImportTransaction(db, { note, writes: ['districts', 'beats'], reads: ['officers'] }, async () => {
    const stored = { districts: await readStored(db, 'districts'), beats: await readStored(db, 'beats') };
    const plan = await planBeats(options, stored.districts, stored.beats);
    const derived = new Set(plan.derived.map((district) => district.id));
    const problems: string[] = [];
    for (const beat of plan.beats) {
      const published = willPublish(stored.beats, beat.id, options.draft);
      // A derived district is new, so published as new beats are.
      const problem = derived.has(beat.district)
        ? published && options.draft
          ? `district ${beat.district} is not in the database, and --draft would add it as a draft, but beat ${beat.id} is published: import the districts first, or leave out --draft`
          : undefined
        : referenceProblem(stored.districts, beat.district, { published, isNew: !stored.beats.entries.has(beat.id) });
      if (problem !== undefined) problems.push(`beat ${beat.id}: district: ${problem}`);
    }
    throwIfAny(problems);
    const districts = await upsertRows(db, 'districts', plan.derived.map(districtRow) as unknown as Array<Record<string, unknown>>, options);
    const beats = await upsertRows(db, 'beats', plan.beats.map(beatRow) as unknown as Array<Record<string, unknown>>, options);
    const unserved = await unservedBeats(
      db,
      plan.beats.filter((beat) => willPublish(stored.beats, beat.id, options.draft)).map((beat) => beat.id),
    );
    if (unserved.length > 0)
      plan.warnings.push(
        `${unserved.length === 1 ? `beat ${unserved[0]} has` : `beats ${unserved.join(', ')} have`} no published officer serving ${unserved.length === 1 ? 'it' : 'them'}, so the site cannot be published until one does (openbeat import officers, or the workspace)`,
      );
    return { ...plan, beats, districts };
  });
}

/** Of these published beats, those no published officer serves while some officer is published: the build refuses that. */
async function unservedBeats(db: pg.Client, beats: string[]): Promise<string[]> {
  const { rows } = await db.query<{ beat: string }>(
    `select b.beat from unnest($1::text[]) as b (beat)
      where exists (select from public.officers where published)
        and not exists (select from public.officers as o where o.published and b.beat = any (o.beats))
      order by 1`,
    [beats],
  );
  return rows.map((row) => row.beat);
}

interface BeatsPlan {
  featuresRead: number;
  merged: AreaImportReport['merged'];
  beats: Beat[];
  /** Districts the beats name that `districts` lacks, drawn as the union of their beats. */
  derived: District[];
  districtsFrom: 'field' | 'location';
  keptNeighbourhoods: number;
  warnings: string[];
  notes: string[];
}

/** The beats the file describes, each with the neighbourhoods `existing` holds for it; throws ImportError on bad input. */
async function planBeats(options: Omit<ImportBeatsOptions, 'out'>, districts: Folder, existing: Folder): Promise<BeatsPlan> {
  const { file, idField, districtField, nameField } = options;
  const source = await readFeatures(file, { idField, fields: [districtField, nameField] }, 'beat');
  const problems = [...source.problems];
  const tagged = source.features.map((feature): Tagged<Attribute> => {
    const values: Tagged<Attribute>['values'] = {};
    if (nameField !== undefined) values.name = textProperty(feature, nameField);
    if (districtField !== undefined) {
      const label = featureLabel(feature, 'beat');
      const district = parseId(feature.properties[districtField]);
      if (district === undefined) problems.push(missingProperty(label, feature.properties, districtField));
      else if ('problem' in district) problems.push(`${label}: ${districtField} ${district.problem}`);
      else values.district = district.id;
    }
    return { feature, values };
  });
  const { areas, problems: conflicts } = mergeAreas(tagged, { name: nameField ?? '', district: districtField ?? '' }, 'beat');
  throwIfAny([...problems, ...conflicts]);

  const districtOf =
    districtField === undefined ? locateBeats(areas, districts) : new Map(areas.map((area) => [area.id, area.values.district!]));
  const warnings: string[] = [];
  const merged = mergedAreas(areas);
  const notes = mergeNotes(merged, 'beat');
  let keptNeighbourhoods = 0;

  const beats: Beat[] = [];
  for (const area of areas) {
    if (nameField !== undefined && area.values.name === undefined)
      warnings.push(`beat ${area.id} has no ${nameField}; named "Beat ${area.id}"`);
    const neighbourhoods = keptValue(existing, area.id, 'neighbourhoods', beatSchema.shape.neighbourhoods, { warnings, problems });
    const beat = {
      name: area.values.name ?? `Beat ${area.id}`,
      district: districtOf.get(area.id)!,
      // checked next, with the schema
      boundary: area.boundary as Beat['boundary'],
      neighbourhoods: (neighbourhoods as string[] | undefined) ?? [],
    };
    if (Array.isArray(neighbourhoods) && neighbourhoods.length > 0) keptNeighbourhoods++;
    problems.push(...checkEntry(beatSchema, beat, `beat ${area.id}`));
    beats.push({ id: area.id, ...beat });
  }
  if (keptNeighbourhoods > 0) notes.push(`kept the neighbourhoods of ${plural(keptNeighbourhoods, 'beat')} from ${existing.updated}`);

  const derived: District[] = [];
  for (const [id, { boundary, beats: of }] of deriveDistricts(areas, districtOf, districts)) {
    const district = { name: `District ${id}`, boundary: boundary as District['boundary'] };
    problems.push(...checkEntry(districtSchema, district, `district ${id}`));
    derived.push({ id, ...district });
    notes.push(`district ${id}: not in ${districts.where}, so derived from its ${plural(of.length, 'beat')} (${of.join(', ')}) as "District ${id}" with no station`);
  }
  throwIfAny(problems);
  return {
    featuresRead: source.read,
    merged,
    beats,
    derived,
    districtsFrom: districtField === undefined ? 'location' : 'field',
    keptNeighbourhoods,
    warnings,
    notes,
  };
}

/** Each beat's district: the one existing district containing a point inside the beat. */
function locateBeats(areas: MergedArea<Attribute>[], folder: Folder): Map<string, string> {
  if (folder.entries.size === 0) {
    throw new ImportError(`${folder.where} has no districts to place the beats in: pass --district-field, or import districts first`);
  }
  const problems: string[] = [];
  const districts: Array<{ id: string; boundary: Area }> = [];
  for (const [id, entry] of folder.entries) {
    if ('problem' in entry) {
      problems.push(`${entry.problem}, so beats cannot be placed in district ${id}`);
      continue;
    }
    const parsed = districtSchema.safeParse(entry.data);
    if (parsed.success) districts.push({ id, boundary: parsed.data.boundary });
    else problems.push(...issueLines(`${folder.label(id)} (needed to place beats)`, parsed.error));
  }
  throwIfAny(problems);

  const found = new Map<string, string>();
  for (const area of areas) {
    const point = interiorPoint(area.boundary);
    const at = `[${point.join(', ')}]`;
    const containing = areasContaining(point, districts).map((district) => district.id);
    if (containing.length === 1) found.set(area.id, containing[0]!);
    else if (containing.length === 0)
      problems.push(
        `beat ${area.id} lies in none of the districts in ${folder.where} (tested at ${at}); pass --district-field, or import the district that holds it`,
      );
    else
      problems.push(
        `beat ${area.id} lies in districts ${containing.join(' and ')}, which overlap at ${at}; pass --district-field, or fix the district boundaries`,
      );
  }
  throwIfAny(problems);
  return found;
}

interface DerivedDistrict {
  boundary: Area;
  beats: string[];
}

function deriveDistricts(areas: MergedArea<Attribute>[], districtOf: Map<string, string>, existing: Folder): Map<string, DerivedDistrict> {
  const beatsOf = new Map<string, MergedArea<Attribute>[]>();
  for (const area of areas) {
    const district = districtOf.get(area.id)!;
    if (!existing.entries.has(district)) beatsOf.set(district, [...(beatsOf.get(district) ?? []), area]);
  }
  const derived = new Map<string, DerivedDistrict>();
  for (const [id, beats] of beatsOf) {
    derived.set(id, { boundary: joinBeats(id, beats), beats: beats.map((beat) => beat.id) });
  }
  return derived;
}

function joinBeats(district: string, beats: MergedArea<Attribute>[]): Area {
  // union needs two areas at least; a district of one beat is that beat, exactly.
  if (beats.length === 1) return beats[0]!.boundary;
  const features: Feature<Area>[] = beats.map((beat) => ({ type: 'Feature', properties: {}, geometry: beat.boundary }));
  let joined: Area | undefined;
  try {
    joined = union({ type: 'FeatureCollection', features })?.geometry;
  } catch (error) {
    throw new ImportError(
      `district ${district}: its beats (${beats.map((beat) => beat.id).join(', ')}) could not be joined into one boundary: ${(error as Error).message}`,
    );
  }
  if (joined === undefined) throw new ImportError(`district ${district}: its beats have no area to join`);
  return joined;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
