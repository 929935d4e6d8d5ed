import { describe, expect, it } from 'vitest';
import { parseId, slugify } from './ids.ts';

describe('parseId', () => {
  it('reads "01", " 1 " and 1 as the same id', () => {
    expect([parseId('01'), parseId(' 1 '), parseId(1)]).toEqual([{ id: '1' }, { id: '1' }, { id: '1' }]);
  });

  it('drops leading zeros only from all-digit ids', () => {
    expect([parseId('0111'), parseId('00'), parseId('A-01'), parseId('01B')]).toEqual([
      { id: '111' },
      { id: '0' },
      { id: 'A-01' },
      { id: '01B' },
    ]);
  });

  it('has no id for an empty value, and a problem for one that cannot be a file name', () => {
    expect([parseId(null), parseId(undefined), parseId('  ')]).toEqual([undefined, undefined, undefined]);
    expect(parseId('12/A')).toEqual({ problem: '"12/A" is not a usable id: use letters, digits, - and _ only' });
    expect(parseId(1.5)).toEqual({ problem: '"1.5" is not a usable id: use letters, digits, - and _ only' });
    expect(parseId(true)).toEqual({ problem: 'true is not a usable id: expected text or a number' });
  });
});

describe('slugify', () => {
  it('keeps letters and digits, without accents, joined by hyphens', () => {
    expect(slugify('  Coffee with a Cop (Café) #2 ')).toBe('coffee-with-a-cop-cafe-2');
  });
});
