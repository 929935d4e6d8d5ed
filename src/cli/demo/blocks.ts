// The demo city's geometry on a grid of city blocks. Districts and beats are
// grown as contiguous groups of blocks, so their boundaries follow streets as
// real beats do, and are irregular rather than square. Cell (x, y) is the
// block between grid lines x..x+1 and y..y+1, y growing northwards.
import type { Random } from './random.ts';

export type Cell = number;
export type Vertex = [number, number];

export class BlockGrid {
  readonly width: number;
  readonly height: number;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
  }

  cell(x: number, y: number): Cell | undefined {
    return x >= 0 && y >= 0 && x < this.width && y < this.height ? y * this.width + x : undefined;
  }

  xy(cell: Cell): Vertex {
    return [cell % this.width, Math.floor(cell / this.width)];
  }

  /** The four blocks that share a side with this one. */
  neighbours(cell: Cell): Cell[] {
    const [x, y] = this.xy(cell);
    return [this.cell(x + 1, y), this.cell(x - 1, y), this.cell(x, y + 1), this.cell(x, y - 1)].filter((c) => c !== undefined);
  }
}

/** The blocks inside an irregular, star-shaped city outline. */
export function cityBlocks(grid: BlockGrid, random: Random): Set<Cell> {
  const phases = [random.next() * Math.PI * 2, random.next() * Math.PI * 2, random.next() * Math.PI * 2];
  const inside = new Set<Cell>();
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      const dx = ((x + 0.5) / grid.width) * 2 - 1;
      const dy = ((y + 0.5) / grid.height) * 2 - 1;
      const angle = Math.atan2(dy, dx);
      const reach =
        0.93 - 0.1 * Math.sin(2 * angle + phases[0]!) - 0.07 * Math.sin(3 * angle + phases[1]!) - 0.05 * Math.sin(5 * angle + phases[2]!);
      if (Math.hypot(dx, dy) < reach) inside.add(grid.cell(x, y)!);
    }
  }
  // Blocks touching the city only at a corner would make the outline touch itself.
  fixPinches(grid, (cell) => (inside.has(cell) ? 0 : -1), (cell) => (inside.has(cell) ? false : (inside.add(cell), true)));
  return inside;
}

/**
 * Splits `cells` (4-connected) into `count` contiguous regions of similar size,
 * grown together from seeds spread far apart. Returns each cell's region.
 */
export function growRegions(grid: BlockGrid, cells: readonly Cell[], count: number, random: Random): Map<Cell, number> {
  const allowed = new Set(cells);
  const owner = new Map<Cell, number>();
  const seeds = spreadSeeds(grid, cells, count, random);
  const frontiers = seeds.map(() => [] as Cell[]);
  const sizes = seeds.map(() => 1);
  const claim = (cell: Cell, region: number) => {
    owner.set(cell, region);
    for (const next of grid.neighbours(cell)) if (allowed.has(next) && !owner.has(next)) frontiers[region]!.push(next);
  };
  seeds.forEach(claim);

  while (owner.size < allowed.size) {
    // The smallest region that can still grow takes the next block: sizes stay even.
    let region = -1;
    for (let r = 0; r < seeds.length; r++) {
      const frontier = frontiers[r]!;
      while (frontier.length > 0 && owner.has(frontier[frontier.length - 1]!)) frontier.pop();
      if (frontier.length > 0 && (region < 0 || sizes[r]! < sizes[region]!)) region = r;
    }
    if (region < 0) throw new Error('growRegions: the cells are not connected');
    const frontier = frontiers[region]!;
    const index = random.int(frontier.length);
    const cell = frontier[index]!;
    frontier[index] = frontier[frontier.length - 1]!;
    frontier.pop();
    if (owner.has(cell)) continue;
    sizes[region]!++;
    claim(cell, region);
  }
  return owner;
}

function spreadSeeds(grid: BlockGrid, cells: readonly Cell[], count: number, random: Random): Cell[] {
  const seeds = [cells[random.int(cells.length)]!];
  const distance = (a: Cell, b: Cell) => {
    const [ax, ay] = grid.xy(a);
    const [bx, by] = grid.xy(b);
    return Math.hypot(ax - bx, ay - by);
  };
  // Each cell's distance to its nearest seed so far, brought up to date as seeds are added:
  // linear in seeds × cells, where recomputing it from every seed was quadratic in seeds.
  const nearest = cells.map((cell) => distance(seeds[0]!, cell));
  while (seeds.length < count) {
    let best = cells[0]!;
    let bestDistance = -1;
    for (const [index, cell] of cells.entries()) {
      const score = nearest[index]! + random.next() * 0.5;
      if (score > bestDistance) [best, bestDistance] = [cell, score];
    }
    seeds.push(best);
    for (const [index, cell] of cells.entries()) nearest[index] = Math.min(nearest[index]!, distance(best, cell));
  }
  return seeds;
}

/**
 * Where two blocks of one region touch only at a corner, the region's outline
 * would touch itself: not a valid polygon. Hands one of the two other blocks at
 * that corner to the region (when `move` allows it) until no such corner is left.
 */
export function fixPinches(grid: BlockGrid, regionOf: (cell: Cell) => number, move: (cell: Cell, region: number) => boolean) {
  for (let pass = 0; pass < 100; pass++) {
    let fixed = false;
    let stuck = false;
    for (let y = 0; y <= grid.height; y++) {
      for (let x = 0; x <= grid.width; x++) {
        const at = (cx: number, cy: number) => {
          const cell = grid.cell(cx, cy);
          return cell === undefined ? -1 : regionOf(cell);
        };
        const [sw, se, nw, ne] = [at(x - 1, y - 1), at(x, y - 1), at(x - 1, y), at(x, y)];
        const pinch = (a: number, b: number, c: number, d: number) => a === b && a !== -1 && c !== a && d !== a;
        let target: number | undefined;
        let others: Array<[number, number]> = [];
        if (pinch(sw, ne, se, nw)) [target, others] = [sw, [[x, y - 1], [x - 1, y]]];
        else if (pinch(se, nw, sw, ne)) [target, others] = [se, [[x - 1, y - 1], [x, y]]];
        if (target === undefined) continue;
        const movable = others.map(([cx, cy]) => grid.cell(cx, cy)).filter((cell) => cell !== undefined);
        if (movable.some((cell) => move(cell, target))) fixed = true;
        else stuck = true;
      }
    }
    if (!fixed) {
      if (stuck) throw new Error('fixPinches: a corner could not be fixed');
      return;
    }
  }
  throw new Error('fixPinches: did not settle');
}

/** Whether `cells` stay one 4-connected piece without `removed`. */
export function connectedWithout(grid: BlockGrid, cells: ReadonlySet<Cell>, removed: Cell): boolean {
  const rest = [...cells].filter((cell) => cell !== removed);
  if (rest.length === 0) return false;
  const seen = new Set([rest[0]!]);
  const queue = [rest[0]!];
  while (queue.length > 0) {
    for (const next of grid.neighbours(queue.pop()!)) {
      if (next !== removed && cells.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen.size === rest.length;
}

/**
 * The outline of a set of blocks as closed rings of grid vertices: outer rings
 * counter-clockwise, holes clockwise, as GeoJSON wants them. Assumes no pinches.
 */
export function outlineRings(grid: BlockGrid, cells: ReadonlySet<Cell>): Vertex[][] {
  const next = new Map<string, Vertex>();
  const key = ([x, y]: Vertex) => `${x},${y}`;
  for (const cell of cells) {
    const [x, y] = grid.xy(cell);
    const sides: Array<[Cell | undefined, Vertex, Vertex]> = [
      [grid.cell(x, y - 1), [x, y], [x + 1, y]],
      [grid.cell(x + 1, y), [x + 1, y], [x + 1, y + 1]],
      [grid.cell(x, y + 1), [x + 1, y + 1], [x, y + 1]],
      [grid.cell(x - 1, y), [x, y + 1], [x, y]],
    ];
    for (const [neighbour, from, to] of sides) {
      if (neighbour === undefined || !cells.has(neighbour)) next.set(key(from), to);
    }
  }
  const rings: Vertex[][] = [];
  while (next.size > 0) {
    const [startKey, first] = next.entries().next().value as [string, Vertex];
    const start = startKey.split(',').map(Number) as Vertex;
    const ring: Vertex[] = [start];
    next.delete(startKey);
    let at = first;
    while (key(at) !== startKey) {
      ring.push(at);
      const following = next.get(key(at));
      if (!following) throw new Error('outlineRings: open ring');
      next.delete(key(at));
      at = following;
    }
    // Every grid vertex is kept, even mid-way along a straight side: a neighbour
    // may have a corner there, and both must bend the same way once warped.
    ring.push(start);
    rings.push(ring);
  }
  return rings;
}

/** Twice the signed area: positive for counter-clockwise rings. */
export function signedArea(ring: readonly Vertex[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}
