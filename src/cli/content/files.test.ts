import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectionNames, ContentProblems, contentFiles, entryText, siteText } from './files.ts';

const demoFolder = path.resolve('src/content');

describe('content files', () => {
  it('writes every committed demo file exactly as it is, so an export of the demo city reproduces the folder', () => {
    const [site] = JSON.parse(readFileSync(path.join(demoFolder, 'site.json'), 'utf8')) as Array<{ id: string }>;
    expect(siteText(site)).toBe(readFileSync(path.join(demoFolder, 'site.json'), 'utf8'));
    for (const collection of collectionNames) {
      const names = readdirSync(path.join(demoFolder, collection)).filter((name) => name.endsWith('.json'));
      expect(names.length, collection).toBeGreaterThan(0);
      for (const name of names) {
        const text = readFileSync(path.join(demoFolder, collection, name), 'utf8');
        expect(entryText(collection, { id: name.slice(0, -'.json'.length), ...JSON.parse(text) }), `${collection}/${name}`).toBe(text);
      }
    }
  });

  it('writes an entry written by hand in the schema’s order, with its defaults, and without fields the schema does not know', () => {
    const boundary = { type: 'Polygon', coordinates: [[[-88, 41], [-87.9, 41], [-87.9, 41.1], [-88, 41]]] };
    expect(entryText('beats', { id: '101', boundary, district: '1', name: 'Beat 101', colour: 'red' } as { id: string })).toBe(
      `{\n  "name": "Beat 101",\n  "district": "1",\n  "boundary": {\n    "type": "Polygon",\n    "coordinates": [\n      [\n        [-88, 41],\n        [-87.9, 41],\n        [-87.9, 41.1],\n        [-88, 41]\n      ]\n    ]\n  },\n  "neighbourhoods": []\n}\n`,
    );
  });

  it('refuses content its schema refuses, naming the file and the field, rather than write it', () => {
    const write = () =>
      contentFiles({
        site: { jurisdiction: '' },
        districts: [],
        beats: [],
        officers: [],
        meetings: [],
        priorities: [],
        workshops: [{ id: 'survey', title: 'Survey', kind: 'survey', description: 'A walk round.', durationMinutes: 5, minimumAttendees: 1 } as { id: string }],
      });
    expect(write).toThrow(ContentProblems);
    expect(write).toThrow(/^site\.json: jurisdiction: [^\n]+\n(site\.json: [^\n]+\n)*workshops\/survey\.json: durationMinutes: [^\n]+ \(5\)$/);
  });
});
