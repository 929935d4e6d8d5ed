// Percentiles by the nearest-rank method: with a few dozen samples, no interpolation pretends to more.

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
