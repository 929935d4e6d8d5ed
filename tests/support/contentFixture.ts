// A tiny, valid content folder for tests: two districts side by side, three
// beats, officers and meetings. Tests change one thing and look at what breaks.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const square = (west: number, south: number, size: number) => ({
  type: 'Polygon',
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});

export function contentFixture(): { dir: string; write(file: string, data: unknown): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'openbeat-content-'));
  const write = (file: string, data: unknown) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  };
  write('site.json', [
    {
      id: 'site',
      jurisdiction: 'Testville',
      department: 'Testville Police',
      timeZone: 'America/Chicago',
      emergencyNumber: '911',
      nonEmergencyNumber: '311',
      map: { center: [-87.5, 41.5], bounds: [[-88, 41], [-87, 42]] },
    },
  ]);
  write('districts/1.json', { name: '1st District', boundary: square(-88, 41, 0.5) });
  write('districts/2.json', { name: '2nd District', boundary: square(-87.5, 41, 0.5) });
  write('beats/101.json', { name: 'Beat 101', district: '1', boundary: square(-88, 41, 0.25) });
  write('beats/102.json', { name: 'Beat 102', district: '1', boundary: square(-87.75, 41, 0.25) });
  write('beats/201.json', { name: 'Beat 201', district: '2', boundary: square(-87.5, 41, 0.25) });
  const officer = (name: string, beats: string[]) => ({
    name,
    rank: 'Officer',
    role: 'community_policing_officer',
    beats,
    languages: ['en', 'es'],
    contact: { email: 'officer@testville.example' },
  });
  write('officers/ana-lopez.json', officer('Ana Lopez', ['101', '102']));
  write('officers/ben-okafor.json', officer('Ben Okafor', ['201']));
  write('meetings/beat-101.json', {
    title: 'Beat 101 meeting',
    kind: 'beat_meeting',
    beats: ['101'],
    venue: { name: 'Library', address: '1 Main St', location: [-87.9, 41.1] },
    schedule: { start: '2026-01-13T18:30', durationMinutes: 90, rrule: 'FREQ=MONTHLY;BYDAY=2TU' },
  });
  write('workshops/robbery.json', { title: 'Robbery prevention', kind: 'workshop', description: 'How to stay safe.', durationMinutes: 60, minimumAttendees: 5 });
  write('guides/lighting.md', '---\ntitle: Lighting\nsummary: Light your porch.\naudience: [residents]\ntopics: [lighting]\n---\n\nText.\n');
  return { dir, write };
}
