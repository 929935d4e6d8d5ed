// Areas drawn as SVG paths, for static pages that show a beat or a district
// without any map library: an equirectangular projection scaled by the cosine
// of the latitude, which is true to shape at a city's size.
import type { MultiPolygon, Polygon } from 'geojson';

export interface SvgFrame {
  viewBox: string;
  /** The SVG path data of an area (holes drawn with the even-odd rule). */
  path(area: Polygon | MultiPolygon): string;
  /** An [x, y] for a [lon, lat]. */
  point(position: readonly number[]): [number, number];
}

/** A frame that fits `areas` in a box `width` wide, keeping their proportions. */
export function svgFrame(areas: ReadonlyArray<Polygon | MultiPolygon>, width = 400, margin = 8): SvgFrame {
  const positions = areas.flatMap((area) => (area.type === 'Polygon' ? area.coordinates.flat() : area.coordinates.flat(2)));
  const lons = positions.map((p) => p[0]!);
  const lats = positions.map((p) => p[1]!);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const squash = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = (width - 2 * margin) / Math.max((east - west) * squash, 1e-9);
  const height = Math.round((north - south) * scale + 2 * margin);
  const point = ([lon = 0, lat = 0]: readonly number[]): [number, number] => [
    round(margin + (lon - west) * squash * scale),
    round(margin + (north - lat) * scale),
  ];
  const ring = (positions: readonly (readonly number[])[]) => `M${positions.slice(0, -1).map((p) => point(p).join(' ')).join('L')}Z`;
  return {
    viewBox: `0 0 ${width} ${height}`,
    point,
    path: (area) => (area.type === 'Polygon' ? [area.coordinates] : area.coordinates).flat().map(ring).join(''),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
