import { describe, expect, it } from 'vitest';
import { parseAddress, type ParseOptions } from './parseAddress.ts';
import { uspsSuffixes } from './suffixes.ts';

// As the CLI and the build read addresses: with the whole USPS suffix table.
const parse = (text: string, options: Partial<ParseOptions> = {}) => parseAddress(text, { types: uspsSuffixes, ...options });

const birch = { kind: 'address', number: 1234, street: { prefix: 'W', base: 'birch', type: 'st' } };

describe('parseAddress', () => {
  it('reads the house number, direction, name and type of an address', () => {
    expect(parse('1234 W Birch St')).toMatchObject(birch);
  });

  it('reads spelled-out directions and types in any case the same as their abbreviations', () => {
    expect(parse('1234 west BIRCH street')).toMatchObject(birch);
    expect(parse('1234 W. Birch St.')).toMatchObject(birch);
    expect(parse('  1234   w birch   STR ')).toMatchObject(birch);
  });

  it.each([
    ['Avenue', 'ave'], ['Av', 'ave'], ['Boulevard', 'blvd'], ['Drive', 'dr'], ['Lane', 'ln'], ['Road', 'rd'],
    ['Place', 'pl'], ['Court', 'ct'], ['Way', 'way'], ['Parkway', 'pkwy'], ['Terrace', 'ter'], ['Highway', 'hwy'],
  ])('understands "%s" as the street type %s', (written, type) => {
    expect(parse(`10 Elm ${written}`)).toEqual({ kind: 'address', number: 10, street: { base: 'elm', type } });
  });

  it.each(['Apt 3', 'apt. 3', '#5', '# 5', 'Unit B', 'Suite 200', 'Ste 200', 'Fl 2', 'Floor 2'])(
    'ignores the apartment or unit part "%s"',
    (unit) => {
      expect(parse(`1234 W Birch St ${unit}`)).toMatchObject(birch);
    },
  );

  it('ignores the city, state and zip after a comma', () => {
    expect(parse('1234 W Birch St, Alderbrook, IL 60000')).toMatchObject({ ...birch, place: { city: 'Alderbrook', state: 'IL', zip: '60000' } });
    expect(parse('1234 W Birch St Apt 3, Alderbrook IL')).toMatchObject({ ...birch, place: { city: 'Alderbrook', state: 'IL' } });
  });

  it('keeps a street whose name merely starts like a unit designator', () => {
    expect(parse('5 Ste Genevieve Ave')).toEqual({ kind: 'address', number: 5, street: { base: 'ste genevieve', type: 'ave' } });
  });

  it('takes a direction followed only by a type as the street’s name, as in North Ave', () => {
    expect(parse('1600 North Ave')).toEqual({ kind: 'address', number: 1600, street: { base: 'north', type: 'ave' } });
    expect(parse('1600 W North Ave')).toMatchObject({ kind: 'address', number: 1600, street: { prefix: 'W', base: 'north', type: 'ave' } });
  });

  it('reads a direction or quadrant written after the street type, in any of its forms', () => {
    for (const [written, post] of [['W', 'W'], ['NW', 'NW'], ['N.W.', 'NW'], ['Northwest', 'NW'], ['s', 'S'], ['N.E.', 'NE']]) {
      expect(parse(`1234 Birch St ${written}`), written).toEqual({ kind: 'address', number: 1234, street: { base: 'birch', type: 'st', post } });
    }
  });

  it('writes ordinals and Saint one way, so "Fifth" finds 5th Ave and "Saint" finds St Louis Ave', () => {
    expect(parse('20 Fifth Avenue')).toEqual(parse('20 5th Ave'));
    expect(parse('20 Saint Louis Ave')).toEqual({ kind: 'address', number: 20, street: { base: 'st louis', type: 'ave' } });
  });

  it('places a rear house ("1/2") and a building spanning two numbers at their first number', () => {
    expect(parse('1234 1/2 W Birch St')).toMatchObject(birch);
    expect(parse('1234-1236 W Birch St')).toMatchObject(birch);
    expect(parse('1234A W Birch St')).toMatchObject(birch);
  });

  it('reads a street without a house number', () => {
    expect(parse('Birch St')).toEqual({ kind: 'address', street: { base: 'birch', type: 'st' } });
  });

  it.each(['Elm & 5th', 'elm and 5th', 'Elm at 5th', 'Elm/5th', 'Elm @ 5th', 'elm&5th'])('reads "%s" as an intersection', (text) => {
    expect(parse(text)).toEqual({ kind: 'intersection', streets: [{ base: 'elm' }, { base: '5th' }] });
  });

  it('reads types and directions on both streets of an intersection', () => {
    expect(parse('elm and 5th ave')).toMatchObject({ kind: 'intersection', streets: [{ base: 'elm' }, { base: '5th', type: 'ave' }] });
    expect(parse('Elm St at N Main, Alderbrook')).toMatchObject({
      kind: 'intersection',
      streets: [{ base: 'elm', type: 'st' }, { prefix: 'N', base: 'main' }],
    });
  });

  it('finds nothing to look up in blank text or a number alone', () => {
    expect(parse('')).toBeUndefined();
    expect(parse('   , Alderbrook')).toBeUndefined();
    expect(parse('1234')).toBeUndefined();
  });

  it.each([
    ['1234 ELM AVENUE NW, Springfield, IL 62704', { city: 'Springfield', state: 'IL', zip: '62704' }],
    ['1234 Elm Ave NW Springfield IL 62704', { city: 'Springfield', state: 'IL', zip: '62704' }],
    ['1234 Elm Ave NW Springfield IL', { city: 'Springfield', state: 'IL' }],
    ['1234 Elm Ave NW, Chicago IL 60614-1234', { city: 'Chicago', state: 'IL', zip: '60614' }],
    ['1234 Elm Ave NW Apt 4B, Chicago, Illinois', { city: 'Chicago', state: 'IL' }],
    ['1234 Elm Ave NW Apt 4B Springfield IL 62704', { city: 'Springfield', state: 'IL', zip: '62704' }],
    ['1234 Elm Ave NW #4B, Chicago', { city: 'Chicago' }],
    ['1234 Elm Ave NW, Unit 4, Washington, DC 20001', { city: 'Washington', state: 'DC', zip: '20001' }],
    ['1234 Elm Ave NW 62704', { zip: '62704' }],
    // Without a comma, a city the jurisdiction does not know is no city: it may be a neighbourhood's name.
    ['1234 Elm Ave NW Chicago IL 60614', { state: 'IL', zip: '60614' }],
    ['1234 Elm Ave NW Apt 4B Chicago IL', { state: 'IL' }],
    ['1234 Elm Ave NW Georgetown 62704', { zip: '62704' }],
  ])('reads the city, state and ZIP code of "%s" apart from the street', (text, place) => {
    expect(parse(text, { cities: ['Springfield'] })).toEqual({ kind: 'address', number: 1234, street: { base: 'elm', type: 'ave', post: 'NW' }, place });
  });

  it.each([
    ['1234 W Elm Ct', { base: 'elm', type: 'ct' }, undefined],
    ['1234 Main St NE', { base: 'main', type: 'st', post: 'NE' }, undefined],
    ['1234 Main St N.E.', { base: 'main', type: 'st', post: 'NE' }, undefined],
    ['1234 Elm Ct Lincoln NE 68508', { base: 'elm', type: 'ct' }, { city: 'Lincoln', state: 'NE', zip: '68508' }],
    ['1234 Main St, Lincoln, NE', { base: 'main', type: 'st' }, { city: 'Lincoln', state: 'NE' }],
    ['1234 Main St, NE', { base: 'main', type: 'st' }, { state: 'NE' }],
    ['1234 Elm Ct, Hartford CT', { base: 'elm', type: 'ct' }, { city: 'Hartford', state: 'CT' }],
    ['1234 Elm Ct CT 06103', { base: 'elm', type: 'ct' }, { state: 'CT', zip: '06103' }],
    ['1234 Bay Harbor Wy', { base: 'bay harbor', type: 'way' }, undefined],
    ['1234 Ocean Reef Ky', { base: 'ocean reef', type: 'ky' }, undefined],
    ['1234 Big Elm Pr', { base: 'big elm', type: 'pr' }, undefined],
    ['1234 Pine Hill Mt', { base: 'pine hill', type: 'mt' }, undefined],
  ])('takes a state code that is also a direction or a street type ("%s") for a state only after a comma or before a ZIP code', (text, street, place) => {
    const parsed = parse(text, { cities: ['Lincoln'] });
    expect(parsed).toMatchObject({ kind: 'address', number: 1234, street });
    expect((parsed as { place?: object }).place).toEqual(place);
  });

  it('takes a city without a comma only when the jurisdiction knows it', () => {
    expect(parse('1234 Elm Ave NW Saint Paul', { cities: ['St. Paul'] })).toEqual({
      kind: 'address', number: 1234, street: { base: 'elm', type: 'ave', post: 'NW' }, place: { city: 'Saint Paul' },
    });
    expect(parse('1234 Elm Ave NW Lincoln', { cities: ['St. Paul'] })).not.toHaveProperty('place');
    expect(parse('1234 Elm Ave NW, Lincoln', { cities: ['St. Paul'] })).toMatchObject({ place: { city: 'Lincoln' } });
  });

  it.each(['Apt 4B', '#4B', 'Unit 4', 'Ste 200', 'Fl 2', 'Rm 12', 'Bldg C', 'Lot 7', 'Apt. #3'])('ignores the unit "%s" after a post-direction', (unit) => {
    expect(parse(`441 4th St NW ${unit}`)).toEqual({ kind: 'address', number: 441, street: { base: '4th', type: 'st', post: 'NW' } });
  });

  it('keeps both readings of a name that begins with a direction word', () => {
    expect(parse('100 West End Ave')).toEqual({
      kind: 'address', number: 100, street: { prefix: 'W', base: 'end', type: 'ave', whole: { base: 'west end', type: 'ave' } },
    });
    expect(parse('100 N St NW')).toEqual({ kind: 'address', number: 100, street: { base: 'n', type: 'st', post: 'NW' } });
  });

  it('writes a leading quadrant, a type word leading a name, and USPS suffixes one way', () => {
    expect(parse('100 NE 2nd Ave')).toEqual(parse('100 2nd Avenue Northeast'));
    expect(parse('100 Ave of the Arts')).toEqual(parse('100 Avenue of the Arts'));
    expect(parse('100 Elm Pky')).toEqual(parse('100 Elm Parkway'));
    expect(parse('100 Twelfth St')).toEqual(parse('100 12th St'));
    expect(parse('100 Twenty-First St')).toEqual(parse('100 21st St'));
    expect(parse('100 Thirty Second Ave NW')).toEqual(parse('100 32nd Ave NW'));
    expect(parse('100 Fortieth St')).toEqual(parse('100 40th St'));
    expect(parse('100 Mount Vernon Blvd')).toEqual(parse('100 Mt Vernon Boulevard'));
    expect(parse('100 Fort Dearborn Expressway')).toEqual(parse('100 Ft Dearborn Expy'));
  });

  it('reads the quadrant of an intersection’s streets, and the city after it', () => {
    expect(parse('4th & Elm SE, Washington, DC')).toEqual({
      kind: 'intersection', streets: [{ base: '4th' }, { base: 'elm', post: 'SE' }], place: { city: 'Washington', state: 'DC' },
    });
  });
});
