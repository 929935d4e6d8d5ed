// Placing a house along its block. Distances use a flat projection around the
// block: exact enough over a few hundred metres, and cheap in the browser.

export type Side = 'left' | 'right';

const metresPerDegreeLat = 110_574;
const metresPerDegreeLon = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

/**
 * The point a fraction of the way along the line (by length), set back the given
 * metres to one side of the line's direction and at least as far from its ends.
 * Streets that divide two beats run along the boundary, and so do the cross
 * streets at a block's ends: a house must sit off all of them to land in its beat.
 */
export function pointBeside(line: readonly [number, number][], fraction: number, side: Side, metres: number): [number, number] {
  const [lon0, lat0] = line[0]!;
  const xScale = metresPerDegreeLon(lat0);
  const xy = line.map(([lon, lat]) => [(lon - lon0) * xScale, (lat - lat0) * metresPerDegreeLat] as const);
  const lengths = xy.slice(1).map(([x, y], i) => Math.hypot(x - xy[i]![0], y - xy[i]![1]));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const inset = Math.min(metres, total / 2);
  let remaining = inset + Math.min(Math.max(fraction, 0), 1) * (total - 2 * inset);
  // Walk to the piece of the line the point falls on.
  let piece = 0;
  while (piece < lengths.length - 1 && remaining > lengths[piece]!) remaining -= lengths[piece++]!;
  const length = lengths[piece] ?? 0;
  if (length === 0) return [...line[piece]!];
  const [ax, ay] = xy[piece]!;
  const [bx, by] = xy[piece + 1]!;
  const [dx, dy] = [(bx - ax) / length, (by - ay) / length];
  const away = side === 'left' ? metres : -metres;
  const x = ax + dx * remaining - dy * away;
  const y = ay + dy * remaining + dx * away;
  return [lon0 + x / xScale, lat0 + y / metresPerDegreeLat];
}
