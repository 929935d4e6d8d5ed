// Officers' photos as the database keeps them: files in Supabase Storage's
// public bucket officer-photos, named <officer_id>/<version>.webp, the name in
// officers.photo (supabase/migrations/20261122001300_officer_photos.sql). The
// build and `openbeat export` download them from the bucket's public address,
// so the built site serves each photo from its own origin, through Astro's
// image pipeline as a photo beside an officer's file is, and never makes a
// visitor's browser ask the API for one.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const officerPhotoBucket = 'officer-photos';

/** The largest photo the bucket takes (its file_size_limit). */
export const officerPhotoMaxBytes = 2 * 1024 * 1024;

/** What the bucket takes, and the file extension each is saved with. */
export const officerPhotoTypes = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/** The photo's address in Storage, readable by anyone with no key (a public bucket's). */
export function officerPhotoUrl(apiUrl: string, name: string): string {
  return `${apiUrl.replace(/\/$/, '')}/storage/v1/object/public/${officerPhotoBucket}/${name.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The image's kind from its first bytes (JPEG, PNG or WebP), or undefined: what the build's
 * image pipeline would fail on is left out before it gets there, whatever type it was stored as.
 */
export function imageKind(bytes: Uint8Array): 'jpg' | 'png' | 'webp' | undefined {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return 'jpg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return undefined;
}

export interface DownloadedPhotos {
  /** officer id → the photo's file name in the folder */
  files: Map<string, string>;
  /** The officers whose photo could not be read, each with why. */
  missing: Array<{ officer: string; reason: string }>;
}

/**
 * Downloads each officer's photo into `folder`, named `fileName(officer, kind)`. A file is
 * written whole or not at all (a build beside this one may read the same folder).
 */
export async function downloadOfficerPhotos(
  apiUrl: string,
  officers: ReadonlyArray<{ officer_id: string; photo: string | null }>,
  folder: string,
  fileName: (officer: string, kind: string, bytes: Uint8Array) => string = cachedPhotoName,
): Promise<DownloadedPhotos> {
  const files = new Map<string, string>();
  const missing: DownloadedPhotos['missing'] = [];
  const queue = officers.filter((officer): officer is { officer_id: string; photo: string } => officer.photo !== null);
  if (queue.length === 0) return { files, missing };
  mkdirSync(folder, { recursive: true });
  const one = async ({ officer_id: officer, photo }: { officer_id: string; photo: string }) => {
    try {
      const response = await fetch(officerPhotoUrl(apiUrl, photo));
      if (!response.ok) return missing.push({ officer, reason: `${response.status} from Storage for ${photo}` });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const kind = imageKind(bytes);
      if (!kind) return missing.push({ officer, reason: `${photo} is not a JPEG, PNG or WebP image` });
      const name = fileName(officer, kind, bytes);
      const file = path.join(folder, name);
      const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      files.set(officer, name);
    } catch (error) {
      missing.push({ officer, reason: `${photo} could not be downloaded (${(error as Error).message})` });
    }
  };
  // A few at a time: a thousand officers' photos should not open a thousand connections.
  const workers = Array.from({ length: Math.min(8, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await one(next);
  });
  await Promise.all(workers);
  missing.sort((a, b) => a.officer.localeCompare(b.officer));
  return { files, missing };
}

/** A name for the build's cache: the same bytes, the same name, so builds side by side never overwrite each other's. */
export function cachedPhotoName(officer: string, kind: string, bytes: Uint8Array): string {
  return `${officer}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${kind}`;
}

/**
 * Removes the photos a build's cache holds that no build has written for a day: photos replaced
 * or removed since. Every build writes again the ones it uses, so a build beside this one never
 * loses a file it is reading.
 */
export function pruneCachedPhotos(folder: string, now = Date.now(), maxAgeMs = 24 * 60 * 60 * 1000): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      if (now - statSync(file).mtimeMs > maxAgeMs) rmSync(file, { force: true });
    } catch {
      // gone already: another build pruned it
    }
  }
}
