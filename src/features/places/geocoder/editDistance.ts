// How far a typed street name is from a real one, counting the slips people make
// on phones: a wrong, missing or extra letter, or two letters swapped ("Brich").
// This is the optimal string alignment variant of Damerau–Levenshtein.

/** The distance between two strings, or max + 1 as soon as it is known to exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return distance(a, b, max, false);
}

/** The least distance between what has been typed and any beginning of text: how far "bri" is from "birch st". */
export function prefixDistance(typed: string, text: string, max: number): number {
  return distance(typed, text, max, true);
}

function distance(a: string, b: string, max: number, toPrefix: boolean): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    // No later row can go below this one's minimum.
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const result = toPrefix ? Math.min(...previous) : previous[b.length]!;
  return Math.min(result, max + 1);
}
