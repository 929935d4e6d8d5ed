// Which block, and which side of it, a house number is on. Odd and even numbers
// face each other across the street, so the side is found by parity, not just by
// range: 1234 is on the even side even where the odd side runs 1201–1299.
import type { Block } from './addressIndex.ts';
import type { Side } from './geometry.ts';

export interface Placement {
  block: Block;
  side: Side;
  /** How far along the block's line the house is, 0 at its start. */
  fraction: number;
  /** False when the number is in no block's range and this is the nearest block instead. */
  exact: boolean;
}

/**
 * The block side whose range holds the number, or failing that the nearest one
 * within a block's worth of numbers (at least 100) of it; undefined when the
 * number is further off than that, as an address beyond the city limits is.
 */
export function placeNumber(blocks: readonly Block[], number: number): Placement | undefined {
  let best: { placement: Placement; rank: [number, number, number] } | undefined;
  for (const block of blocks) {
    for (const [side, from, to] of [['left', block[1], block[2]], ['right', block[3], block[4]]] as const) {
      if (from === 0 && to === 0) continue;
      const [low, high] = from < to ? [from, to] : [to, from];
      const gap = number < low ? low - number : number > high ? number - high : 0;
      // A side whose ends differ in parity mixes odd and even numbers, as some city files do.
      const parityFits = (from - number) % 2 === 0 || (from - to) % 2 !== 0;
      const tooFar = gap > Math.max(high - low, 100);
      const rank: [number, number, number] = [tooFar ? 1 : 0, parityFits ? 0 : 1, gap];
      if (best && !before(rank, best.rank)) continue;
      const clamped = Math.min(Math.max(number, low), high);
      const fraction = from === to ? 0.5 : (clamped - from) / (to - from);
      best = { placement: { block, side, fraction, exact: gap === 0 && parityFits }, rank };
    }
  }
  return best && best.rank[0] === 0 ? best.placement : undefined;
}

function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
