import { describe, expect, it } from 'vitest';
import { normaliseReceipt } from './receipt.ts';

describe('normaliseReceipt', () => {
  it('takes a code however it is typed: any case, spaces or dashes, O for 0 and I or L for 1', () => {
    expect(normaliseReceipt('abcd-efgh-jkmn-pq01')).toBe('ABCDEFGHJKMNPQ01');
    expect(normaliseReceipt(' ABCD EFGH JKMN PQOI ')).toBe('ABCDEFGHJKMNPQ01');
    expect(normaliseReceipt('ABCDEFGHJKMNPQOl')).toBe('ABCDEFGHJKMNPQ01');
  });

  it('refuses what cannot be a code: wrong length, or a U', () => {
    expect(normaliseReceipt('ABCD-EFGH-JKMN')).toBeUndefined();
    expect(normaliseReceipt('ABCD-EFGH-JKMN-PQRU')).toBeUndefined();
    expect(normaliseReceipt('')).toBeUndefined();
  });
});

