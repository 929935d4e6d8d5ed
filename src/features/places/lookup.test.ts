import { describe, expect, it } from 'vitest';
import { finderData, type BeatSummary, type LocatedBeat } from './lookup.ts';

const square = (west: number, south: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});
const beats = ['101', '102', '103', '104'].map((id, i): LocatedBeat => ({
  id,
  name: `Beat ${id}`,
  district: { id: '1' },
  boundary: square(i, 0, 1),
}));
const summaries: BeatSummary[] = beats.map((beat, i) => ({ id: beat.id, bbox: [i, 0, i + 1, 1] }));

function server() {
  const requested: string[] = [];
  const fetchJson = async (url: string) => {
    requested.push(url);
    if (url === '/finder/beats.json') return summaries;
    const beat = beats.find((b) => url === `/finder/beats/${b.id}.json`);
    if (!beat) throw new Error(`${url}: 404`);
    return beat;
  };
  return { requested, data: finderData('/finder', fetchJson) };
}

describe('finderData', () => {
  it('finds the beat holding a point by downloading only the index and that beat', async () => {
    const { requested, data } = server();
    expect((await data.beatAt(2.5, 0.5))?.id).toBe('103');
    expect(requested).toEqual(['/finder/beats.json', '/finder/beats/103.json']);
  });

  it('downloads both beats for a point on the street between them, and answers with one', async () => {
    const { requested, data } = server();
    expect((await data.beatAt(2, 0.5))?.id).toBe('102');
    expect(requested.sort()).toEqual(['/finder/beats.json', '/finder/beats/102.json', '/finder/beats/103.json']);
  });

  it('downloads nothing more for a point outside every beat', async () => {
    const { requested, data } = server();
    expect(await data.beatAt(9, 9)).toBeUndefined();
    expect(requested).toEqual(['/finder/beats.json']);
  });

  it('keeps what it downloaded for the rest of the visit', async () => {
    const { requested, data } = server();
    await data.beatAt(0.5, 0.5);
    await data.beat('101');
    await data.beatAt(0.7, 0.2);
    expect(requested).toEqual(['/finder/beats.json', '/finder/beats/101.json']);
  });

  it('answers a shared link to a beat, and nothing for a beat that does not exist', async () => {
    const { data } = server();
    expect((await data.beat('104'))?.name).toBe('Beat 104');
    expect(await data.beat('999')).toBeUndefined();
  });

  it('tries again after a failed download', async () => {
    let fail = true;
    const data = finderData('/finder', async (url) => {
      if (fail) {
        fail = false;
        throw new TypeError('Failed to fetch');
      }
      return url.endsWith('beats.json') ? summaries : beats[0];
    });
    await expect(data.beatAt(0.5, 0.5)).rejects.toThrow('Failed to fetch');
    expect((await data.beatAt(0.5, 0.5))?.id).toBe('101');
  });
});
