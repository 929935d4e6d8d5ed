// No QR decoder is installed, so these tests read the SVG back instead: every module
// centre is filled exactly where the code has a dark module, the three finder patterns
// are where a reader looks for them, and the quiet zone around them is clear.
import { correction, generate } from 'lean-qr';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrSvg } from './qr.ts';

const URL_101 = 'https://police.alderbrook.example/es/beats/101';

/** The SVG's dark area as polygons, from the path's M, L and Z commands. */
function polygons(svg: string): Array<Array<[number, number]>> {
  const d = /<path d="([^"]+)" fill="#000000"\/>/.exec(svg)?.[1] ?? '';
  return d
    .split('M')
    .filter(Boolean)
    .map((part) => [...part.matchAll(/(-?\d+(?:\.\d+)?)[ ,](-?\d+(?:\.\d+)?)/g)].map(([, x, y]) => [Number(x), Number(y)] as [number, number]));
}

/** Whether SVG's default nonzero fill rule fills the point. */
function filled(shapes: Array<Array<[number, number]>>, x: number, y: number): boolean {
  let winding = 0;
  for (const shape of shapes) {
    shape.forEach(([x1, y1], i) => {
      const [x2, y2] = shape[(i + 1) % shape.length]!;
      const side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
      if (y1 <= y && y2 > y && side > 0) winding += 1;
      else if (y1 > y && y2 <= y && side < 0) winding -= 1;
    });
  }
  return winding !== 0;
}

describe('qrSvg', () => {
  const svg = qrSvg(URL_101, { label: 'QR code for "Beat 101" & more' });
  const code = generate(URL_101, { minCorrectionLevel: correction.M });
  const shapes = polygons(svg);

  it('is a square of the printed size, its view box the code and its quiet zone', () => {
    const side = code.size + 2 * QUIET_ZONE;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(svg).toContain(`viewBox="-4 -4 ${side} ${side}"`);
    expect(svg).toContain('width="35mm" height="35mm"');
    expect(qrSvg(URL_101, { label: 'QR', sizeMm: 30 })).toContain('width="30mm" height="30mm"');
    // 46 characters take a version 4 code (33 modules) at level M: 0.85 mm a module at 35 mm.
    expect(code.size).toBe(33);
  });

  it('is black on a white background that covers the quiet zone', () => {
    expect(svg).toContain(`<rect x="-4" y="-4" width="${code.size + 8}" height="${code.size + 8}" fill="#ffffff"/>`);
    expect([...svg.matchAll(/fill="([^"]+)"/g)].map(([, colour]) => colour)).toEqual(['#ffffff', '#000000']);
  });

  it('is named for screen readers, with the label escaped', () => {
    expect(svg).toContain('role="img" aria-label="QR code for &quot;Beat 101&quot; &amp; more"');
  });

  it('draws exactly the code’s dark modules, and nothing in the quiet zone', () => {
    const wrong: string[] = [];
    for (let y = -QUIET_ZONE; y < code.size + QUIET_ZONE; y++) {
      for (let x = -QUIET_ZONE; x < code.size + QUIET_ZONE; x++) {
        if (filled(shapes, x + 0.5, y + 0.5) !== code.get(x, y)) wrong.push(`${x},${y}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(code.get(-1, 0) || code.get(0, -1) || code.get(code.size, 0)).toBe(false);
  });

  it('has the finder patterns in three corners: a dark ring, a light ring, a dark centre', () => {
    const ring = (left: number, top: number) =>
      Array.from({ length: 7 }, (_, y) => Array.from({ length: 7 }, (_, x) => (filled(shapes, left + x + 0.5, top + y + 0.5) ? '#' : '.')).join(''));
    const finder = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######'];
    expect(ring(0, 0)).toEqual(finder);
    expect(ring(code.size - 7, 0)).toEqual(finder);
    expect(ring(0, code.size - 7)).toEqual(finder);
  });
});
