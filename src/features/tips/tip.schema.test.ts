import { describe, expect, it } from 'vitest';
import { tipErrors, tipSchema } from './tip.schema.ts';

const valid = { category: 'noise', description: 'Loud music from the corner lot every night.' };

describe('tipSchema', () => {
  it('accepts a tip with a known category and a long enough description', () => {
    expect(tipErrors(valid)).toEqual({});
  });

  it('asks for a category when none was chosen or it is unknown', () => {
    expect(tipErrors({ ...valid, category: '' })).toEqual({ category: 'category.missing' });
    expect(tipErrors({ ...valid, category: 'murder' })).toEqual({ category: 'category.missing' });
  });

  it('counts the description without the spaces around it', () => {
    expect(tipErrors({ ...valid, description: `   ${'a'.repeat(19)}   ` })).toEqual({ description: 'description.tooShort' });
    expect(tipSchema.parse({ ...valid, description: `  ${'a'.repeat(20)}\n` }).description).toBe('a'.repeat(20));
  });

  it('counts characters, not UTF-16 units, as the database does', () => {
    // Each emoji is one character but two UTF-16 units.
    expect(tipErrors({ ...valid, description: '🚗'.repeat(5000) })).toEqual({});
    expect(tipErrors({ ...valid, description: '🚗'.repeat(5001) })).toEqual({ description: 'description.tooLong' });
    expect(tipErrors({ ...valid, description: '🚗'.repeat(19) })).toEqual({ description: 'description.tooShort' });
  });

  it('reports every field that is wrong at once', () => {
    expect(tipErrors({})).toEqual({ category: 'category.missing', description: 'description.tooShort' });
  });
});
