import { describe, expect, it } from 'vitest';
import { parseAddress } from './parseAddress.ts';

const birch = { kind: 'address', number: 1234, street: { prefix: 'W', base: 'birch', type: 'st' } };

describe('parseAddress', () => {
  it('reads the house number, direction, name and type of an address', () => {
    expect(parseAddress('1234 W Birch St')).toEqual(birch);
  });

  it('reads spelled-out directions and types in any case the same as their abbreviations', () => {
    expect(parseAddress('1234 west BIRCH street')).toEqual(birch);
    expect(parseAddress('1234 W. Birch St.')).toEqual(birch);
    expect(parseAddress('  1234   w birch   STR ')).toEqual(birch);
  });

  it.each([
    ['Avenue', 'ave'], ['Av', 'ave'], ['Boulevard', 'blvd'], ['Drive', 'dr'], ['Lane', 'ln'], ['Road', 'rd'],
    ['Place', 'pl'], ['Court', 'ct'], ['Way', 'way'], ['Parkway', 'pkwy'], ['Terrace', 'ter'], ['Highway', 'hwy'],
  ])('understands "%s" as the street type %s', (written, type) => {
    expect(parseAddress(`10 Elm ${written}`)).toEqual({ kind: 'address', number: 10, street: { base: 'elm', type } });
  });

  it.each(['Apt 3', 'apt. 3', '#5', '# 5', 'Unit B', 'Suite 200', 'Ste 200', 'Fl 2', 'Floor 2'])(
    'ignores the apartment or unit part "%s"',
    (unit) => {
      expect(parseAddress(`1234 W Birch St ${unit}`)).toEqual(birch);
    },
  );

  it('ignores the city, state and zip after a comma', () => {
    expect(parseAddress('1234 W Birch St, Alderbrook, IL 60000')).toEqual(birch);
    expect(parseAddress('1234 W Birch St Apt 3, Alderbrook IL')).toEqual(birch);
  });

  it('keeps a street whose name merely starts like a unit designator', () => {
    expect(parseAddress('5 Ste Genevieve Ave')).toEqual({ kind: 'address', number: 5, street: { base: 'ste genevieve', type: 'ave' } });
  });

  it('takes a direction followed only by a type as the street’s name, as in North Ave', () => {
    expect(parseAddress('1600 North Ave')).toEqual({ kind: 'address', number: 1600, street: { base: 'north', type: 'ave' } });
    expect(parseAddress('1600 W North Ave')).toEqual({ kind: 'address', number: 1600, street: { prefix: 'W', base: 'north', type: 'ave' } });
  });

  it('accepts the direction written after the street type', () => {
    expect(parseAddress('1234 Birch St W')).toEqual(birch);
  });

  it('writes ordinals and Saint one way, so "Fifth" finds 5th Ave and "Saint" finds St Louis Ave', () => {
    expect(parseAddress('20 Fifth Avenue')).toEqual(parseAddress('20 5th Ave'));
    expect(parseAddress('20 Saint Louis Ave')).toEqual({ kind: 'address', number: 20, street: { base: 'st louis', type: 'ave' } });
  });

  it('places a rear house ("1/2") and a building spanning two numbers at their first number', () => {
    expect(parseAddress('1234 1/2 W Birch St')).toEqual(birch);
    expect(parseAddress('1234-1236 W Birch St')).toEqual(birch);
    expect(parseAddress('1234A W Birch St')).toEqual(birch);
  });

  it('reads a street without a house number', () => {
    expect(parseAddress('Birch St')).toEqual({ kind: 'address', street: { base: 'birch', type: 'st' } });
  });

  it.each(['Elm & 5th', 'elm and 5th', 'Elm at 5th', 'Elm/5th', 'Elm @ 5th', 'elm&5th'])('reads "%s" as an intersection', (text) => {
    expect(parseAddress(text)).toEqual({ kind: 'intersection', streets: [{ base: 'elm' }, { base: '5th' }] });
  });

  it('reads types and directions on both streets of an intersection', () => {
    expect(parseAddress('elm and 5th ave')).toEqual({ kind: 'intersection', streets: [{ base: 'elm' }, { base: '5th', type: 'ave' }] });
    expect(parseAddress('Elm St at N Main, Alderbrook')).toEqual({
      kind: 'intersection',
      streets: [{ base: 'elm', type: 'st' }, { prefix: 'N', base: 'main' }],
    });
  });

  it('finds nothing to look up in blank text or a number alone', () => {
    expect(parseAddress('')).toBeUndefined();
    expect(parseAddress('   , Alderbrook')).toBeUndefined();
    expect(parseAddress('1234')).toBeUndefined();
  });
});
