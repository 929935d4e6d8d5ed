// Shapefiles cannot hold a multipart area in some tools' hands, so a beat in
// two pieces (a park, a river) is often published as two features with the
// same id. They are one area: its parts are kept in input order.
import type { Area, Noun, SourceFeature } from './geojson.ts';
import { polygonsOf } from './geojson.ts';

/** A feature with the attributes the importer takes from it, already cleaned. */
export interface Tagged<K extends string> {
  feature: SourceFeature;
  values: Partial<Record<K, string>>;
}

export interface MergedArea<K extends string> {
  id: string;
  /** The features it came from, by number. */
  features: number[];
  boundary: Area;
  values: Partial<Record<K, string>>;
}

/** `fields` maps each attribute to the source field it came from, for messages. */
export function mergeAreas<K extends string>(
  tagged: Tagged<K>[],
  fields: Record<K, string>,
  noun: Noun,
): { areas: MergedArea<K>[]; problems: string[] } {
  const groups = new Map<string, Tagged<K>[]>();
  for (const item of tagged) groups.set(item.feature.id, [...(groups.get(item.feature.id) ?? []), item]);

  const problems: string[] = [];
  const areas = [...groups].map(([id, group]): MergedArea<K> => {
    const values: Partial<Record<K, string>> = {};
    const from: Partial<Record<K, number>> = {};
    const disputed = new Set<K>(); // one line per attribute is enough
    for (const { feature, values: own } of group) {
      for (const key of Object.keys(fields) as K[]) {
        const value = own[key];
        if (value === undefined) continue;
        const earlier = values[key];
        if (earlier === undefined) {
          values[key] = value;
          from[key] = feature.number;
        } else if (earlier !== value && !disputed.has(key)) {
          problems.push(
            `${noun} ${id}: features #${from[key]} and #${feature.number} disagree on ${fields[key]}: "${earlier}" and "${value}"`,
          );
          disputed.add(key);
        }
      }
    }
    const features = group.map((item) => item.feature);
    const boundary: Area =
      features.length === 1
        ? features[0]!.geometry
        : { type: 'MultiPolygon', coordinates: features.flatMap((feature) => polygonsOf(feature.geometry)) };
    return { id, features: features.map((feature) => feature.number), boundary, values };
  });
  return { areas, problems };
}

/** What `openbeat import beats` and `openbeat import districts` print. */
export interface AreaImportReport {
  featuresRead: number;
  /** Beats or districts written. */
  written: number;
  /** Ids published as several features, joined into one area. */
  merged: Array<{ id: string; features: number[] }>;
  /** Files in the collection folder the import replaced. */
  replaced: number;
  siteCreated: boolean;
  /** Things the import worked around, one line each. */
  warnings: string[];
  /** What else the import did or the department must do, one line each. */
  notes: string[];
}

export function mergedAreas<K extends string>(areas: MergedArea<K>[]): AreaImportReport['merged'] {
  return areas.filter((area) => area.features.length > 1).map(({ id, features }) => ({ id, features }));
}

export function mergeNotes(merged: AreaImportReport['merged'], noun: Noun): string[] {
  return merged.map(
    ({ id, features }) => `${noun} ${id}: ${features.length} features (${features.map((n) => `#${n}`).join(', ')}) merged into one ${noun}`,
  );
}
