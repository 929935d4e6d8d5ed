import { describe, expect, it } from 'vitest';
import { codesAlsoStreetWords, stateCode } from './place.ts';
import { streetTypes, typesUsedBy } from './streetTypes.ts';
import { uspsSuffixes } from './suffixes.ts';
import { postDirection, streetKey, streetName, words } from './words.ts';

describe('uspsSuffixes (USPS Publication 28, appendix C1)', () => {
  it.each([
    ['alley', 'aly'], ['allee', 'aly'], ['ally', 'aly'], ['anex', 'anx'], ['avenue', 'ave'], ['av', 'ave'], ['avnue', 'ave'],
    ['bayoo', 'byu'], ['boulv', 'blvd'], ['bypas', 'byp'], ['canyn', 'cyn'], ['causwa', 'cswy'], ['centre', 'ctr'],
    ['crcle', 'cir'], ['commons', 'cmns'], ['crossing', 'xing'], ['crossroads', 'xrds'], ['expressway', 'expy'],
    ['extnsn', 'ext'], ['freewy', 'fwy'], ['gatway', 'gtwy'], ['hiwy', 'hwy'], ['hollows', 'holw'], ['juncton', 'jct'],
    ['lndng', 'lndg'], ['meadow', 'mdw'], ['medows', 'mdws'], ['missn', 'msn'], ['mountin', 'mtn'], ['parks', 'park'],
    ['pkwys', 'pkwy'], ['radiel', 'radl'], ['sprngs', 'spgs'], ['strvnue', 'stra'], ['street', 'st'], ['strt', 'st'],
    ['sumitt', 'smt'], ['throughway', 'trwy'], ['trks', 'trak'], ['turnpk', 'tpke'], ['tunnl', 'tunl'], ['villiage', 'vlg'],
    ['vsta', 'vis'], ['walks', 'walk'], ['wy', 'way'], ['well', 'wl'], ['wells', 'wls'],
  ])('reads "%s" as the standard abbreviation %s', (spelling, standard) => {
    expect(uspsSuffixes.standard(spelling)).toBe(standard);
  });

  it('holds every primary suffix name, each spelling under one standard abbreviation only', () => {
    expect(uspsSuffixes.rows.length).toBeGreaterThanOrEqual(200);
    const spellings = uspsSuffixes.rows.flatMap((row) => [...new Set(row)]);
    expect(new Set(spellings).size).toBe(spellings.length);
    for (const row of uspsSuffixes.rows) expect(uspsSuffixes.standard(row[0]!), row[0]).toBe(row[0]);
  });

  it('spells a type word leading a name in full, so "Ave of the Arts" and "Lk Shore Dr" are what their long forms are', () => {
    const key = (name: string) => streetKey(streetName(words(name), uspsSuffixes));
    expect(key('Ave of the Arts')).toBe(key('Avenue of the Arts'));
    expect(key('Lk Shore Dr')).toBe(key('Lake Shore Drive'));
    expect(key('Mt Vernon Pl')).toBe(key('Mount Vernon Place'));
    expect(key('St Louis Ave')).toBe(key('Saint Louis Avenue'));
    expect(key('Lake Shore Dr')).toMatch(/^lake /);
  });
});

describe('typesUsedBy', () => {
  it('keeps only the rows a city’s names use, and reads those names as the whole table does', () => {
    const names = ['Birch St', 'Lake Shore Dr', 'Mt Vernon Pl', 'Cedar Xing', 'Avenue of the Arts', 'Martin Luther King Jr Pkwy'];
    const rows = typesUsedBy(names.flatMap(words), uspsSuffixes);
    expect(rows.map((row) => row[0]).sort()).toEqual(['ave', 'dr', 'lk', 'mt', 'pkwy', 'pl', 'shr', 'st', 'xing']);
    const few = streetTypes(rows);
    for (const name of names) expect(streetName(words(name), few), name).toEqual(streetName(words(name), uspsSuffixes));
  });
});

describe('codesAlsoStreetWords', () => {
  it('holds every state code that is also a direction or a USPS street type', () => {
    const codes = 'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP'
      .toLowerCase()
      .split(' ');
    expect(codes.every((code) => stateCode(code))).toBe(true);
    expect(codes.filter((code) => postDirection(code) || uspsSuffixes.standard(code)).sort()).toEqual([...codesAlsoStreetWords].sort());
  });
});
