// Where the finder map looks: plain arithmetic on [lon, lat] boxes, kept out
// of the component so it can be tested without a browser.
import type { MapView } from './basemap.ts';

/** [[west, south], [east, north]] */
export type Box = [[number, number], [number, number]];

/** What to show for an answer: the selected beat and the picked place, or whichever of the two there is. */
export function frame(view: MapView, beat: string | undefined, place: [number, number] | undefined): Box | undefined {
  const box = beat === undefined ? undefined : view.beats[beat];
  const [west, south, east, north] = box ?? (place ? [place[0], place[1], place[0], place[1]] : []);
  if (west === undefined || south === undefined || east === undefined || north === undefined) return undefined;
  return [
    [Math.min(west, place?.[0] ?? west), Math.min(south, place?.[1] ?? south)],
    [Math.max(east, place?.[0] ?? east), Math.max(north, place?.[1] ?? north)],
  ];
}

/**
 * How far the map may be moved: the service area with its larger side added
 * on every side, so that a map three times wider (or taller) than the area
 * still shows all of it, yet cannot wander off into blank space. A degree of
 * longitude is shorter than one of latitude by the cosine of the latitude.
 */
export function padded([[west, south], [east, north]]: Box): Box {
  const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const side = Math.max(east - west, (north - south) / shrink);
  return [
    [west - side, Math.max(south - side * shrink, -85)],
    [east + side, Math.min(north + side * shrink, 85)],
  ];
}
