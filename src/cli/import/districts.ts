// `openbeat import districts`: a department's district map becomes
// districts/<id>.json. Stations are not in the map; a department fills them in
// by hand, so a re-import keeps each district's station and replaces only its
// name and boundary.
import path from 'node:path';
import { districtSchema } from '../../content.config.ts';
import type { AreaImportReport, Tagged } from './areas.ts';
import { mergeAreas, mergedAreas, mergeNotes } from './areas.ts';
import type { Folder } from './content.ts';
import { keptValue, readFolder } from './content.ts';
import { checkEntry, throwIfAny } from './errors.ts';
import { isRecord, readFeatures, textProperty } from './geojson.ts';
import { starterSite } from './site.ts';
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
  const { file, idField, nameField } = options;
  const out = path.resolve(options.out);
  const source = await readFeatures(file, { idField, fields: [nameField] }, 'district');
  const tagged = source.features.map((feature): Tagged<'name'> => ({
    feature,
    values: nameField === undefined ? {} : { name: textProperty(feature, nameField) },
  }));
  const { areas, problems: conflicts } = mergeAreas(tagged, { name: nameField ?? '' }, 'district');
  const problems = [...source.problems, ...conflicts];
  throwIfAny(problems);

  const existing = await readFolder(out, 'districts');
  const warnings: string[] = [];
  const keptStations: string[] = [];
  const files = new Map<string, string>();
  for (const area of areas) {
    if (nameField !== undefined && area.values.name === undefined)
      warnings.push(`district ${area.id} has no ${nameField}; named "District ${area.id}"`);
    const station = keptValue(existing, area.id, 'station', districtSchema.shape.station, { warnings, problems });
    if (station !== undefined) keptStations.push(area.id);
    const district = {
      name: area.values.name ?? `District ${area.id}`,
      ...(station === undefined ? {} : { station }),
      boundary: area.boundary,
    };
    problems.push(...checkEntry(districtSchema, district, `district ${area.id}`));
    files.set(`${area.id}.json`, jsonText(district));
  }
  throwIfAny(problems);
  warnings.push(...orphanedBeats(await readFolder(out, 'beats'), new Set(areas.map((area) => area.id))));

  const merged = mergedAreas(areas);
  const site = await starterSite(
    out,
    areas.map((area) => area.boundary),
  );
  await commit(out, { folders: [{ name: 'districts', files }], create: site && new Map([['site.json', site.text]]) });
  return {
    featuresRead: source.read,
    written: areas.length,
    merged,
    keptStations,
    replaced: existing.files,
    siteCreated: site !== undefined,
    warnings,
    notes: [
      ...mergeNotes(merged, 'district'),
      ...(keptStations.length > 0 ? [`kept the stations of districts ${keptStations.join(', ')} from the files they replace`] : []),
      ...(site?.todo ?? []),
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
