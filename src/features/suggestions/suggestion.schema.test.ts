import { describe, expect, it } from 'vitest';
import { suggestionErrors, suggestionSchema } from './suggestion.schema.ts';

const valid = { beat: '101', problem: 'Cars speed down Crane St before school every morning.' };

describe('suggestionSchema', () => {
  it('accepts a beat and a problem described in enough words', () => {
    expect(suggestionErrors(valid)).toEqual({});
  });

  it('asks for a beat when none was chosen, or it cannot be a beat', () => {
    expect(suggestionErrors({ ...valid, beat: '' })).toEqual({ beat: 'beat.missing' });
    expect(suggestionErrors({ ...valid, beat: undefined })).toEqual({ beat: 'beat.missing' });
    expect(suggestionErrors({ ...valid, beat: 'Beat 101; drop table' })).toEqual({ beat: 'beat.missing' });
  });

  it('counts the problem without the spaces around it, in characters as the database does', () => {
    expect(suggestionErrors({ ...valid, problem: `   ${'a'.repeat(19)}   ` })).toEqual({ problem: 'problem.tooShort' });
    expect(suggestionSchema.parse({ ...valid, problem: `  ${'a'.repeat(20)}\n` }).problem).toBe('a'.repeat(20));
    // Each emoji is one character but two UTF-16 units.
    expect(suggestionErrors({ ...valid, problem: '🚗'.repeat(2000) })).toEqual({});
    expect(suggestionErrors({ ...valid, problem: '🚗'.repeat(2001) })).toEqual({ problem: 'problem.tooLong' });
  });

  it('reports every field that is wrong at once', () => {
    expect(suggestionErrors({})).toEqual({ beat: 'beat.missing', problem: 'problem.tooShort' });
  });
});
