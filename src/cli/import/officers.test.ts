import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problems, readJson, snapshot, tempDir, writeFixture } from '../../../tests/support/importFixtures.ts';
import { validateContent } from '../../lib/content/validate.ts';
import { contentFixture } from '../../../tests/support/contentFixture.ts';
import { importOfficers } from './officers.ts';

const HEADER = 'id,name,rank,role,beats,district,languages,email,phone,office_hours,bio';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n') + '\r\n';
}

describe('importOfficers', () => {
  it('writes an officer per row, with a slug made from the name, as the demo writes officers', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    const file = await writeFixture(
      dir,
      'roster.csv',
      '\uFEFF' +
        csv(
          ',María López,Officer,Community policing officer,0111; 112,,en es,maria.lopez@police.example,555-0101,Tuesdays 10-12,Grew up on the beat.',
          ',,,,,,,,,,',
          'j-chen,Jo Chen,Commander,commander,,01,,,,,',
        ),
    );

    const report = await importOfficers({ file, out });

    expect(await readFile(path.join(out, 'officers', 'maria-lopez.json'), 'utf8')).toBe(
      `${JSON.stringify(
        {
          name: 'María López',
          rank: 'Officer',
          role: 'community_policing_officer',
          beats: ['111', '112'],
          languages: ['en', 'es'],
          contact: { email: 'maria.lopez@police.example', phone: '555-0101', officeHours: 'Tuesdays 10-12' },
          bio: 'Grew up on the beat.',
        },
        null,
        2,
      )}\n`,
    );
    expect(await readJson(path.join(out, 'officers', 'j-chen.json'))).toEqual({
      name: 'Jo Chen',
      rank: 'Commander',
      role: 'commander',
      beats: [],
      district: '1',
      languages: ['en'],
      contact: {},
      bio: '',
    });
    expect(report).toEqual({ rowsRead: 2, written: 2, replaced: 0, keptPhotos: [], warnings: [], notes: [] });
  });

  it('reads headers whatever their case, spaces and hyphens, and warns of columns it does not read', async () => {
    const dir = await tempDir();
    const file = await writeFixture(dir, 'roster.csv', 'Name,Rank,ROLE,Beats,Office-Hours,Badge number\nAna Ruiz,Officer,beat officer,101,Mon 9-5,4411\n');
    const report = await importOfficers({ file, out: path.join(dir, 'out') });
    expect(await readJson(path.join(dir, 'out', 'officers', 'ana-ruiz.json'))).toMatchObject({ role: 'beat_officer', contact: { officeHours: 'Mon 9-5' } });
    expect(report.warnings).toEqual(['column "Badge number" is not one the importer reads; it is ignored']);
  });

  it('names the row and column of every problem, in the order the row reads, and writes nothing', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'out');
    await writeFixture(out, 'officers/kept.json', '{}\n');
    const file = await writeFixture(
      dir,
      'roster.csv',
      csv(
        ',Ana Ruiz,Officer,patrol,101,,en,not-an-email,,,',
        'Bad Slug,Ben Okafor,,beat_officer,1/2,,,,,,',
        ',Cy Day,Sergeant,sergeant,,,xx-not-a-language-tag-at-all,,1,,',
        ',???,Officer,coordinator,,,,,,,',
        'ana-ruiz,Ana Ruiz Two,Officer,beat_officer,101,,,,,,',
        ',Ana Ruiz,Officer,beat_officer,101,,,,,,,extra',
      ),
    );
    const before = await snapshot(out);

    expect(await problems(importOfficers({ file, out }))).toEqual([
      'row 2, column role: "patrol" is not a role: use community_policing_officer, beat_officer, sergeant, lieutenant, commander, coordinator, youth_officer, liaison_officer',
      'row 2, column email: "not-an-email": Invalid email address',
      'row 3, column id: "Bad Slug": use lowercase letters, digits and - only, as in maria-lopez (an officer\'s slug)',
      'row 3, column rank: empty; every officer needs one',
      'row 3, column beats: "1/2" is not a usable id: use letters, digits, - and _ only',
      'row 4, column beats: an officer serves beats, a district, or both',
      'row 4, column languages: "xx-not-a-language-tag-at-all": use a language tag such as en, es or zh-Hans',
      'row 4, column phone: "1": Too small: expected string to have >=3 characters',
      'row 5, column id: empty, and the name has no letters or digits to make a slug from',
      'row 6, column id: "ana-ruiz" is also the id of row 2; ids must be unique (fill in the id column to tell them apart)',
      'row 7: 12 values, but the header names 11 columns',
      'row 7, column id: "ana-ruiz" is also the id of row 2; ids must be unique (fill in the id column to tell them apart)',
    ]);
    expect(await snapshot(out)).toEqual(before);
  });

  it('asks for the columns it needs, naming the ones the file has', async () => {
    const dir = await tempDir();
    const file = await writeFixture(dir, 'roster.csv', 'name,beats\nAna Ruiz,101\n');
    expect(await problems(importOfficers({ file, out: path.join(dir, 'out') }))).toEqual(['row 1: no column "rank", "role"; the columns are: name, beats']);
  });

  it('replaces the officers of a content folder, keeping each one’s photo and every photo file, and warns of beats the folder lacks', async () => {
    const { dir, write } = contentFixture();
    write('officers/ana-lopez.jpg', 'a photo');
    const ana = await readJson(path.join(dir, 'officers', 'ana-lopez.json'));
    write('officers/ana-lopez.json', { ...ana, photo: 'ana-lopez.jpg', photoAlt: 'Ana Lopez at the station' });
    const file = path.join(dir, 'roster.csv');
    await writeFile(
      file,
      csv(
        'ana-lopez,Ana Lopez,Sergeant,sergeant,101 102,,en,,,,',
        ',Ben Okafor,Officer,beat_officer,201 999,,en,,,,',
        ',Cara Diaz,Coordinator,coordinator,,,en,,,,',
      ),
    );

    const report = await importOfficers({ file, out: dir });

    expect(await readJson(path.join(dir, 'officers', 'ana-lopez.json'))).toMatchObject({ rank: 'Sergeant', photo: 'ana-lopez.jpg', photoAlt: 'Ana Lopez at the station' });
    expect(await readFile(path.join(dir, 'officers', 'ana-lopez.jpg'), 'utf8')).toBe('a photo');
    expect(report.keptPhotos).toEqual(['ana-lopez']);
    expect(report.warnings).toEqual(['row 3, column beats: there is no beat 999 in beats/']);
    const files = Object.keys(await snapshot(path.join(dir, 'officers'))).sort();
    expect(files).toEqual(['ana-lopez.jpg', 'ana-lopez.json', 'ben-okafor.json', 'cara-diaz.json']);
    expect(validateContent(dir).problems).toEqual(['officers/ben-okafor.json: beats.1: no beat "999" (no beats/999.json)']);
  });
});
