import { describe, expect, it } from 'vitest';
import { editDistance, prefixDistance } from './editDistance.ts';

describe('editDistance', () => {
  it('counts a wrong, missing or extra letter as one slip', () => {
    expect(editDistance('birch', 'burch', 2)).toBe(1);
    expect(editDistance('birch', 'bich', 2)).toBe(1);
    expect(editDistance('birch', 'birrch', 2)).toBe(1);
  });

  it('counts two swapped neighbouring letters as one slip, so "Brich" is one away from Birch', () => {
    expect(editDistance('brich', 'birch', 2)).toBe(1);
  });

  it('stops counting past the most slips allowed', () => {
    expect(editDistance('birch', 'sparrow', 2)).toBe(3);
    expect(editDistance('birch', 'birch', 0)).toBe(0);
  });
});

describe('prefixDistance', () => {
  it('measures what has been typed against the start of a name', () => {
    expect(prefixDistance('bir', 'birch st', 1)).toBe(0);
    expect(prefixDistance('bri', 'birch st', 1)).toBe(1);
    expect(prefixDistance('oak', 'birch st', 1)).toBe(2);
  });
});
