import { describe, expect, it } from 'vitest';
import type { MapView } from './basemap.ts';
import { frame, padded } from './camera.ts';

const view: MapView = { bounds: [[0, 0], [10, 10]], beats: { '101': [1, 1, 2, 2] }, areas: [0, 0, 10, 10] };

describe('frame', () => {
  it('shows the selected beat', () => {
    expect(frame(view, '101', undefined)).toEqual([[1, 1], [2, 2]]);
  });

  it('shows the beat and the picked place together when the place is outside it', () => {
    expect(frame(view, '101', [3, 1.5])).toEqual([[1, 1], [3, 2]]);
  });

  it('shows the picked place alone when no beat holds it', () => {
    expect(frame(view, undefined, [5, 6])).toEqual([[5, 6], [5, 6]]);
    expect(frame(view, 'no-such-beat', [5, 6])).toEqual([[5, 6], [5, 6]]);
  });

  it('leaves the view alone when there is nothing to show', () => {
    expect(frame(view, undefined, undefined)).toBeUndefined();
  });
});

describe('padded', () => {
  it('leaves room around the area for a map three times wider or taller than it', () => {
    // At the equator a degree is a degree both ways.
    expect(padded([[0, -1], [2, 1]])).toEqual([[-2, -3], [4, 3]]);
  });

  it('widens by more degrees of longitude than of latitude away from the equator', () => {
    const [[west, south], [east, north]] = padded([[0, 59], [1, 61]]);
    expect(east - west).toBeGreaterThan(north - south);
  });
});
