// The street network a jurisdiction's finder geocodes against: streets.geojson
// in the content folder, a FeatureCollection of LineString segments, each one
// block of one street with the house numbers on either side (the left/right
// from/to layout of TIGER and most city centreline files). Numbers grow along
// the line's direction: the first position is at the "from" numbers.
import type { Feature, FeatureCollection, LineString } from 'geojson';

export interface StreetSegment {
  /** The street's name with its type, as residents write it: "Birch St", "Martin Luther King Jr Dr". */
  name: string;
  /** The directional prefix house numbers count from (N, S, E or W), if the city uses one. */
  prefix?: 'N' | 'S' | 'E' | 'W';
  /** House numbers on the left and right of the line's direction; 0 for a side with no addresses. */
  fromLeft: number;
  toLeft: number;
  fromRight: number;
  toRight: number;
}

export type StreetFeature = Feature<LineString, StreetSegment>;
export type StreetNetwork = FeatureCollection<LineString, StreetSegment>;
