// `openbeat import beats`: a department's beat map becomes beats/<id>.json.
// Each beat needs a district; it comes from a field of the map or, without
// one, from the districts already imported. Districts that the beats name but
// OUT lacks are drawn as the union of their beats, so the folder builds
// before the department publishes (or finds) its district map.
import path from 'node:path';
import { union } from '@turf/union';
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
  const { file, idField, districtField, nameField } = options;
  const out = path.resolve(options.out);
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

  const districts = await readFolder(out, 'districts');
  const districtOf =
    districtField === undefined ? locateBeats(areas, districts, out) : new Map(areas.map((area) => [area.id, area.values.district!]));
  const beatsFolder = await readFolder(out, 'beats');
  const warnings: string[] = [];
  const merged = mergedAreas(areas);
  const notes = mergeNotes(merged, 'beat');
  let keptNeighbourhoods = 0;

  const beatFiles = new Map<string, string>();
  for (const area of areas) {
    if (nameField !== undefined && area.values.name === undefined)
      warnings.push(`beat ${area.id} has no ${nameField}; named "Beat ${area.id}"`);
    const neighbourhoods = keptValue(beatsFolder, area.id, 'neighbourhoods', beatSchema.shape.neighbourhoods, { warnings, problems });
    const beat = {
      name: area.values.name ?? `Beat ${area.id}`,
      district: districtOf.get(area.id)!,
      boundary: area.boundary,
      neighbourhoods: neighbourhoods ?? [],
    };
    if (Array.isArray(neighbourhoods) && neighbourhoods.length > 0) keptNeighbourhoods++;
    problems.push(...checkEntry(beatSchema, beat, `beat ${area.id}`));
    beatFiles.set(`${area.id}.json`, jsonText(beat));
  }
  if (keptNeighbourhoods > 0) notes.push(`kept the neighbourhoods of ${plural(keptNeighbourhoods, 'beat')} from the files they replace`);

  const derived = deriveDistricts(areas, districtOf, districts);
  const districtFiles = new Map<string, string>();
  for (const [id, { boundary, beats }] of derived) {
    const district = { name: `District ${id}`, boundary };
    problems.push(...checkEntry(districtSchema, district, `district ${id}`));
    districtFiles.set(`${id}.json`, jsonText(district));
    notes.push(
      `district ${id}: not in districts/, so derived from its ${plural(beats.length, 'beat')} (${beats.join(', ')}) as "District ${id}" with no station`,
    );
  }
  throwIfAny(problems);

  const site = await starterSite(
    out,
    areas.map((area) => area.boundary),
  );
  await commit(out, {
    folders: [
      { name: 'beats', files: beatFiles },
      ...(derived.size > 0 ? [{ name: 'districts', files: districtFiles, extend: true }] : []),
    ],
    create: site && new Map([['site.json', site.text]]),
  });
  return {
    featuresRead: source.read,
    written: areas.length,
    merged,
    derivedDistricts: [...derived.keys()],
    districtsFrom: districtField === undefined ? 'location' : 'field',
    keptNeighbourhoods,
    replaced: beatsFolder.files,
    siteCreated: site !== undefined,
    warnings,
    notes: [...notes, ...(site?.todo ?? [])],
  };
}

/** Each beat's district: the one existing district containing a point inside the beat. */
function locateBeats(areas: MergedArea<Attribute>[], folder: Folder, out: string): Map<string, string> {
  if (folder.entries.size === 0) {
    throw new ImportError(
      `${path.join(out, 'districts')} has no districts to place the beats in: pass --district-field, or import districts first`,
    );
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
    else problems.push(...issueLines(`districts/${id}.json (needed to place beats)`, parsed.error));
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
        `beat ${area.id} lies in none of the districts in districts/ (tested at ${at}); pass --district-field, or import the district that holds it`,
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
