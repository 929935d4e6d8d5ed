import { describe, expect, it } from 'vitest';
import { format } from './format.ts';

describe('format', () => {
  it('fills every placeholder it has a value for', () => {
    expect(format('Call {number} or {other}.', { number: '911', other: 311 })).toBe('Call 911 or 311.');
  });

  it('leaves a placeholder without a value visible rather than blank', () => {
    expect(format('Call {number}.', {})).toBe('Call {number}.');
  });
});
