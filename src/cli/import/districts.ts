// `openbeat import districts`: a department's district map becomes rows of
// the districts table, or districts/<id>.json in a content folder. Stations are
// not in the map; a department fills them in by hand, so a re-import keeps each
// district's station and replaces only its name and boundary.
import path from 'node:path';
import { districtSchema } from '../../content.config.ts';
import type pg from 'pg';
import { districtRow } from '../../lib/content/rows.ts';
import type { District } from '../../lib/content/validate.ts';
import type { AreaImportReport, Tagged } from './areas.ts';
import { mergeAreas, mergedAreas, mergeNotes } from './areas.ts';
import type { Folder } from './content.ts';
import { keptValue, readFolder } from './content.ts';
import { checkEntry, throwIfAny } from './errors.ts';
import { isRecord, readFeatures, textProperty } from './geojson.ts';
import { starterSite } from './site.ts';
import { inImportTransaction, readStored, upsertRows, type Upserted } from './store.ts';
import { commit, jsonText } from './write.ts';

export interface ImportDistrictsOptions {
  /** The GeoJSON file. */
  file: string;
  /** The property holding each district's id. */
  idField: string;
  /** The property holding each district's name; without it, districts are named "District <id>". */
  nameField?: string;
  /** The content folder. */
  out: string;
}

export interface DistrictsReport extends AreaImportReport {
  /** Districts whose station was carried over from the file they replace. */
  keptStations: string[];
}

export async function importDistricts(options: ImportDistrictsOptions): Promise<DistrictsReport> {
  const out = path.resolve(options.out);
  const existing = await readFolder(out, 'districts');
  const plan = await planDistricts(options, existing);
  const files = new Map(plan.districts.map(({ id, ...district }) => [`${id}.json`, jsonText(district)]));
  plan.warnings.push(...orphanedBeats(await readFolder(out, 'beats'), new Set(plan.districts.map((district) => district.id))));

  const site = await starterSite(
    out,
    plan.districts.map((district) => district.boundary),
  );
  await commit(out, { folders: [{ name: 'districts', files }], create: site && new Map([['site.json', site.text]]) });
  return {
    featuresRead: plan.featuresRead,
    written: files.size,
    merged: plan.merged,
    keptStations: plan.keptStations,
    replaced: existing.files,
    siteCreated: site !== undefined,
    warnings: plan.warnings,
    notes: [...plan.notes, ...(site?.todo ?? [])],
  };
}

export interface ImportDistrictRowsOptions extends Omit<ImportDistrictsOptions, 'out'> {
  /** New districts are drafts, for staff to publish. */
  draft: boolean;
}

export interface DistrictRowsReport extends Pick<DistrictsReport, 'featuresRead' | 'merged' | 'keptStations' | 'warnings' | 'notes'> {
  districts: Upserted;
}

/**
 * The same import into the database: each district upserted by id, its
 * station kept, and districts the file lacks left as they are. Nothing is
 * written when there is a problem.
 */
export async function importDistrictRows(db: pg.Client, options: ImportDistrictRowsOptions): Promise<DistrictRowsReport> {
  return inImportTransaction(db, { note: `openbeat import districts ${options.file}`, writes: ['districts'], reads: [] }, async () => {
    const plan = await planDistricts(options, await readStored(db, 'districts'));
    const districts = await upsertRows(db, 'districts', plan.districts.map(districtRow) as unknown as Array<Record<string, unknown>>, options);
    return { ...plan, districts };
  });
}

interface DistrictsPlan {
  featuresRead: number;
  merged: AreaImportReport['merged'];
  districts: District[];
  keptStations: string[];
  warnings: string[];
  notes: string[];
}

/** The districts the file describes, each with the station `existing` holds for it; throws ImportError on bad input. */
async function planDistricts(options: Omit<ImportDistrictsOptions, 'out'>, existing: Folder): Promise<DistrictsPlan> {
  const { file, idField, nameField } = options;
  const source = await readFeatures(file, { idField, fields: [nameField] }, 'district');
  const tagged = source.features.map((feature): Tagged<'name'> => ({
    feature,
    values: nameField === undefined ? {} : { name: textProperty(feature, nameField) },
  }));
  const { areas, problems: conflicts } = mergeAreas(tagged, { name: nameField ?? '' }, 'district');
  const problems = [...source.problems, ...conflicts];
  throwIfAny(problems);

  const warnings: string[] = [];
  const keptStations: string[] = [];
  const districts: District[] = [];
  for (const area of areas) {
    if (nameField !== undefined && area.values.name === undefined)
      warnings.push(`district ${area.id} has no ${nameField}; named "District ${area.id}"`);
    const station = keptValue(existing, area.id, 'station', districtSchema.shape.station, { warnings, problems });
    if (station !== undefined) keptStations.push(area.id);
    const district = {
      name: area.values.name ?? `District ${area.id}`,
      ...(station === undefined ? {} : { station: station as District['station'] }),
      // checked next, with the schema
      boundary: area.boundary as District['boundary'],
    };
    problems.push(...checkEntry(districtSchema, district, `district ${area.id}`));
    districts.push({ id: area.id, ...district });
  }
  throwIfAny(problems);
  const merged = mergedAreas(areas);
  return {
    featuresRead: source.read,
    merged,
    districts,
    keptStations,
    warnings,
    notes: [
      ...mergeNotes(merged, 'district'),
      ...(keptStations.length > 0 ? [`kept the stations of districts ${keptStations.join(', ')} from ${existing.updated}`] : []),
    ],
  };
}

/** Beats already in OUT whose district this import does not contain: the folder would no longer build. */
function orphanedBeats(beats: Folder, districts: Set<string>): string[] {
  const orphans = new Map<string, string[]>();
  for (const [id, entry] of beats.entries) {
    const district = 'data' in entry && isRecord(entry.data) ? entry.data.district : undefined;
    if (typeof district === 'string' && !districts.has(district)) orphans.set(district, [...(orphans.get(district) ?? []), id]);
  }
  return [...orphans].map(([district, ids]) => {
    const beatsThere = ids.length === 1 ? `beat ${ids[0]} refers` : `beats ${ids.join(', ')} refer`;
    return `${beatsThere} to district ${district}, which this import does not contain; re-import the beats or add the district`;
  });
}
