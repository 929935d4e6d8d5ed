import { describe, expect, it } from 'vitest';
import { memberBeats, officerBeats, staffContent, staffContentLoader, staffContentUrl, type StaffContentFile } from './content.ts';

const beats = [
  { id: '101', district: '1' },
  { id: '102', district: '1' },
  { id: '201', district: '2' },
  { id: '202', district: '2' },
];

const file: StaffContentFile = {
  beats,
  officers: [
    { slug: 'zoe-park', name: 'Zoe Park', beats: ['101'] },
    { slug: 'angel-rios', name: 'Ángel Ríos', beats: [], district: '2' },
    { slug: 'bea-chen', name: 'Bea Chen', beats: ['102', '201'], district: '2' },
    { slug: 'chief', name: 'Chief Mahmoud', beats: [] },
  ],
  workshops: [{ id: 'robbery-prevention', title: 'Robbery prevention', durationMinutes: 90 }],
};

describe('officerBeats', () => {
  it('gives a district’s officer every beat of the district, with the beats their profile names, each once', () => {
    expect(officerBeats(file.officers[2]!, beats)).toEqual(['102', '201', '202']);
    expect(officerBeats(file.officers[1]!, beats)).toEqual(['201', '202']);
  });

  it('gives an officer of named beats those beats only, and an officer of none no beat', () => {
    expect(officerBeats(file.officers[0]!, beats)).toEqual(['101']);
    expect(officerBeats(file.officers[3]!, beats)).toEqual([]);
  });
});

describe('staffContent', () => {
  it('lists the officers by name as the reader’s language orders them, each with every beat they serve', () => {
    const content = staffContent(file, 'es');
    expect(content.officers.map((officer) => officer.name)).toEqual(['Ángel Ríos', 'Bea Chen', 'Chief Mahmoud', 'Zoe Park']);
    expect(content.officers.find((officer) => officer.slug === 'angel-rios')?.beats).toEqual(['201', '202']);
    expect(content.workshops).toEqual(file.workshops);
  });
});

describe('memberBeats', () => {
  const content = staffContent(file, 'en');
  it('is every beat, and items with none, for a coordinator', () => {
    expect(memberBeats(content, { role: 'coordinator', officer_slug: 'chief', district: null })).toBeNull();
  });

  it('is the district’s beats for its supervisor, and nothing for a supervisor with no district', () => {
    expect(memberBeats(content, { role: 'supervisor', officer_slug: 'zoe-park', district: '1' })).toEqual(['101', '102']);
    expect(memberBeats(content, { role: 'supervisor', officer_slug: null, district: null })).toEqual([]);
  });

  it('is the beats an officer’s profile serves, a district included, and nothing for a profile the content no longer has', () => {
    expect(memberBeats(content, { role: 'officer', officer_slug: 'angel-rios', district: null })).toEqual(['201', '202']);
    expect(memberBeats(content, { role: 'officer', officer_slug: 'gone', district: null })).toEqual([]);
  });
});

describe('staffContentLoader', () => {
  it('downloads the file once for the visit', async () => {
    const asked: string[] = [];
    const load = staffContentLoader(async (url) => {
      asked.push(url);
      return file;
    });
    expect(await load()).toEqual(file);
    expect(await load()).toEqual(file);
    expect(asked).toEqual([staffContentUrl]);
  });

  it('asks again after a failure, and takes a file of another shape for a failure', async () => {
    const answers: Array<() => unknown> = [
      () => {
        throw new Error('offline');
      },
      () => ({ beats: [] }),
      () => file,
    ];
    let asked = 0;
    const load = staffContentLoader(async () => answers[asked++]!());
    await expect(load()).rejects.toThrow('offline');
    await expect(load()).rejects.toThrow(staffContentUrl);
    expect(await load()).toEqual(file);
    expect(asked).toBe(3);
  });
});
