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

describe('tipSchema: where and when', () => {
  it('takes a beat id, a time in the past year, or that it keeps happening', () => {
    const an_hour_ago = new Date(Date.now() - 3_600_000).toISOString();
    expect(tipErrors({ ...valid, beat: '101', occurred_at: an_hour_ago })).toEqual({});
    expect(tipErrors({ ...valid, ongoing: true })).toEqual({});
  });

  it('refuses a time in the future or long ago, and a beat that is not an id', () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const longAgo = new Date(Date.now() - 2 * 365 * 86_400_000).toISOString();
    expect(tipErrors({ ...valid, occurred_at: tomorrow })).toEqual({ occurred_at: 'occurredAt.outOfRange' });
    expect(tipErrors({ ...valid, occurred_at: longAgo })).toEqual({ occurred_at: 'occurredAt.outOfRange' });
    expect(tipErrors({ ...valid, beat: 'Beat 101; drop table' })).toEqual({ beat: 'beat.unknown' });
  });
});

describe('tipSchema: the place, people, vehicles and contact', () => {
  it('takes an address with its point, descriptions, and a way to reach the resident', () => {
    expect(
      tipErrors({
        ...valid,
        place: '1200 W Birch St',
        latitude: 41.88,
        longitude: -87.63,
        person_description: 'Red jacket, ran north.',
        vehicle_description: 'Grey van.',
        contact_name: 'Ana',
        contact_email: ' ana@example.org ',
        contact_phone: '+1 (312) 555-0100',
        contact_language: 'es',
      }),
    ).toEqual({});
  });

  it('wants a whole point, and descriptions and names of a sensible length', () => {
    expect(tipErrors({ ...valid, latitude: 41.88 })).toEqual({ latitude: 'point.invalid' });
    expect(tipErrors({ ...valid, latitude: 95, longitude: 0 })).toEqual({ latitude: 'point.invalid' });
    expect(tipErrors({ ...valid, person_description: '🚗'.repeat(1001) })).toEqual({ person_description: 'personDescription.tooLong' });
    expect(tipErrors({ ...valid, person_description: '🚗'.repeat(1000) })).toEqual({});
    expect(tipErrors({ ...valid, contact_name: 'n'.repeat(121) })).toEqual({ contact_name: 'contactName.invalid' });
  });

  it('refuses an email or phone number nobody could use, and a language that is not a tag', () => {
    expect(tipErrors({ ...valid, contact_email: 'ana@example' })).toEqual({ contact_email: 'contactEmail.invalid' });
    expect(tipErrors({ ...valid, contact_email: 'ana maria@example.org' })).toEqual({ contact_email: 'contactEmail.invalid' });
    expect(tipErrors({ ...valid, contact_phone: '555-01' })).toEqual({ contact_phone: 'contactPhone.invalid' });
    expect(tipErrors({ ...valid, contact_phone: 'call me' })).toEqual({ contact_phone: 'contactPhone.invalid' });
    expect(tipErrors({ ...valid, contact_language: 'Spanish' })).toEqual({ contact_language: 'contactLanguage.invalid' });
  });
});
