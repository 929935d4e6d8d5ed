import { describe, expect, it } from 'vitest';
import { joinErrors, joinSchema, registrationErrors, registrationSchema } from './watch.schema.ts';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [-88.265, 41.105],
      [-88.26, 41.105],
      [-88.26, 41.109],
      [-88.265, 41.109],
      [-88.265, 41.105],
    ],
  ],
};

const valid = {
  name: 'Elm Street Neighbours',
  area: square,
  beat: '107',
  captain_name: 'Ana Ruiz',
  captain_email: 'ana@example.org',
  captain_phone: '555-0100 12',
  meeting_preference: 'weekday_evenings',
  expected_members: 12,
};

describe('registrationSchema', () => {
  it('accepts a complete registration, with or without a note about meetings', () => {
    expect(registrationErrors(valid)).toEqual({});
    expect(registrationErrors({ ...valid, meeting_note: 'The library on Elm has a room on Tuesdays.' })).toEqual({});
  });

  it('names every missing field at once, in the order of the form', () => {
    expect(Object.entries(registrationErrors({}))).toEqual([
      ['name', 'name.length'],
      ['area', 'area.missing'],
      ['beat', 'beat.missing'],
      ['captain_name', 'captain_name.missing'],
      ['captain_email', 'captain_email.invalid'],
      ['captain_phone', 'captain_phone.invalid'],
      ['meeting_preference', 'meeting_preference.missing'],
      ['expected_members', 'expected_members.range'],
    ]);
  });

  it('trims the name and counts it in characters: 3 to 120', () => {
    expect(registrationErrors({ ...valid, name: '  ab  ' })).toEqual({ name: 'name.length' });
    expect(registrationSchema.parse({ ...valid, name: '  Elm  ' }).name).toBe('Elm');
    expect(registrationErrors({ ...valid, name: '🏠'.repeat(120) })).toEqual({});
    expect(registrationErrors({ ...valid, name: '🏠'.repeat(121) })).toEqual({ name: 'name.length' });
  });

  it('takes 2 to 500 expected members, whole numbers only', () => {
    for (const members of [2, 500]) expect(registrationErrors({ ...valid, expected_members: members })).toEqual({});
    for (const members of [1, 501, 12.5, Number.NaN]) expect(registrationErrors({ ...valid, expected_members: members })).toEqual({ expected_members: 'expected_members.range' });
  });

  it('takes only the listed meeting preferences, and a note of at most 500 characters', () => {
    expect(registrationErrors({ ...valid, meeting_preference: 'mornings' })).toEqual({ meeting_preference: 'meeting_preference.missing' });
    expect(registrationErrors({ ...valid, meeting_note: 'x'.repeat(500) })).toEqual({});
    expect(registrationErrors({ ...valid, meeting_note: 'x'.repeat(501) })).toEqual({ meeting_note: 'meeting_note.tooLong' });
  });

  it('needs a way to reach the captain: an email address and a phone number', () => {
    expect(registrationErrors({ ...valid, captain_email: 'ana@example' })).toEqual({ captain_email: 'captain_email.invalid' });
    expect(registrationErrors({ ...valid, captain_phone: '12345' })).toEqual({ captain_phone: 'captain_phone.invalid' });
    expect(registrationErrors({ ...valid, captain_email: ' ', captain_phone: '' })).toEqual({ captain_email: 'captain_email.invalid', captain_phone: 'captain_phone.invalid' });
  });

  it('tells an area that is not closed or too detailed apart from one that is missing', () => {
    const open = { ...square, coordinates: [square.coordinates[0]!.slice(0, -1)] };
    expect(registrationErrors({ ...valid, area: open })).toEqual({ area: 'area.invalid' });
    const ring = Array.from({ length: 500 }, (_, i) => [-88.26 + 0.001 * Math.cos(i / 80), 41.1 + 0.001 * Math.sin(i / 80)]);
    expect(registrationErrors({ ...valid, area: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } })).toEqual({ area: 'area.tooDetailed' });
    expect(registrationErrors({ ...valid, area: { type: 'Polygon', coordinates: [[...ring.slice(1), ring[1]]] } })).toEqual({});
  });

  it('needs a beat id, as the area’s centre gives it', () => {
    expect(registrationErrors({ ...valid, beat: '' })).toEqual({ beat: 'beat.missing' });
    expect(registrationErrors({ ...valid, beat: '107; drop table' })).toEqual({ beat: 'beat.missing' });
  });
});

describe('joinSchema', () => {
  const join = { watch_group_id: 'a1bd77ef-dffd-4965-800b-ed54f3ed5a40', name: 'Bo Lin', email: 'bo@example.org', block: '1200 block of Elm St' };

  it('accepts a group, a name, an email address and a block', () => {
    expect(joinErrors(join)).toEqual({});
    expect(joinSchema.parse({ ...join, block: '  1200 block of Elm St ' }).block).toBe('1200 block of Elm St');
  });

  it('asks for a group from the list, and a block of 3 to 120 characters', () => {
    expect(joinErrors({ ...join, watch_group_id: undefined })).toEqual({ watch_group_id: 'watch_group_id.missing' });
    expect(joinErrors({ ...join, watch_group_id: 'Gannet Neighbours' })).toEqual({ watch_group_id: 'watch_group_id.missing' });
    expect(joinErrors({ ...join, block: 'Elm'.padEnd(121, '.') })).toEqual({ block: 'block.length' });
    expect(joinErrors({ ...join, block: ' 12 ' })).toEqual({ block: 'block.length' });
    expect(joinErrors({ ...join, email: '  ' })).toEqual({ email: 'email.invalid' });
  });

  it('names every missing field at once', () => {
    expect(joinErrors({})).toEqual({ watch_group_id: 'watch_group_id.missing', name: 'name.missing', email: 'email.invalid', block: 'block.length' });
  });
});
