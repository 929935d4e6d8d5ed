import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageKind, officerPhotoUrl, pruneCachedPhotos } from './officerPhotos.ts';

describe('officerPhotos', () => {
  it('knows a JPEG, a PNG and a WebP image by their first bytes, and nothing else', () => {
    expect(imageKind(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    expect(imageKind(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(imageKind(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('webp');
    expect(imageKind(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WAVE'))).toBeUndefined();
    expect(imageKind(new TextEncoder().encode('<html>'))).toBeUndefined();
    expect(imageKind(new Uint8Array())).toBeUndefined();
  });

  it('addresses a photo at Storage’s public address for the bucket, each part of its name escaped', () => {
    expect(officerPhotoUrl('https://abc.supabase.co/', 'ana-lopez/v1.webp')).toBe('https://abc.supabase.co/storage/v1/object/public/officer-photos/ana-lopez/v1.webp');
    expect(officerPhotoUrl('http://localhost:4321', 'a b/c#d.png')).toBe('http://localhost:4321/storage/v1/object/public/officer-photos/a%20b/c%23d.png');
  });

  it('prunes from a build’s cache only the photos no build has written for a day', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'openbeat-photos-'));
    const now = Date.now();
    writeFileSync(path.join(folder, 'fresh.webp'), 'x');
    writeFileSync(path.join(folder, 'stale.webp'), 'x');
    const twoDaysAgo = (now - 2 * 24 * 60 * 60 * 1000) / 1000;
    utimesSync(path.join(folder, 'stale.webp'), twoDaysAgo, twoDaysAgo);
    pruneCachedPhotos(folder, now);
    expect(existsSync(path.join(folder, 'fresh.webp'))).toBe(true);
    expect(existsSync(path.join(folder, 'stale.webp'))).toBe(false);
    pruneCachedPhotos(path.join(folder, 'none'), now);
  });
});
