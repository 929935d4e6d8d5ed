// Officers' photos in an export: a photo the workspace uploaded lives in
// Storage's bucket officer-photos (src/lib/content/officerPhotos.ts), so
// `openbeat export` downloads it from the bucket's public address and writes
// it beside the officer's file, as a content folder holds photos:
// officers/<officer_id>.<ext>, named in the officer's "photo". A photo name
// that is already a file name (a folder imported with its photos) stays as it
// is, for the folder it came from holds the file.
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { downloadOfficerPhotos } from '../../lib/content/officerPhotos.ts';
import type { ContentEntries } from './files.ts';

export interface ExportedPhotos {
  /** The content, each downloaded photo named by its file in officers/, each one that could not be, without a photo. */
  content: ContentEntries;
  /** One line for each photo left out, and why. */
  notes: string[];
  /** Moves the downloaded photos into OUT/officers/ (once the content is written there), replacing files of the same name. */
  place(out: string): Promise<void>;
  /** Removes what was downloaded and not placed. */
  discard(): Promise<void>;
}

type Officer = { id: string; photo?: unknown };

/** `scratch`: the folder the export writes (downloads wait in a folder of their own in it). */
export async function exportPhotos(content: ContentEntries, apiUrl: string | undefined, scratch: string): Promise<ExportedPhotos> {
  const officers = content.officers as ReadonlyArray<Officer>;
  const stored = officers.filter((officer) => typeof officer.photo === 'string' && officer.photo.includes('/'));
  if (stored.length === 0) return { content, notes: [], place: async () => undefined, discard: async () => undefined };
  // In the folder written to, so that placing a photo is a rename on one file system.
  await mkdir(scratch, { recursive: true });
  const staging = await mkdtemp(path.join(scratch, '.photos-'));
  const discard = () => rm(staging, { recursive: true, force: true });

  const notes: string[] = [];
  let files = new Map<string, string>();
  if (apiUrl === undefined) {
    notes.push(`officers ${stored.map((officer) => officer.id).join(', ')}: photos are in Storage, and no API address was given to download them from (--api URL): exported without them`);
  } else {
    const downloaded = await downloadOfficerPhotos(
      apiUrl,
      stored.map((officer) => ({ officer_id: officer.id, photo: officer.photo as string })),
      staging,
      (officer, kind) => `${officer}.${kind}`,
    );
    files = downloaded.files;
    for (const { officer, reason } of downloaded.missing) notes.push(`officer ${officer}: photo: ${reason}: exported without it`);
  }
  const photoOf = (officer: Officer) => {
    if (!stored.includes(officer)) return officer;
    const { photo: _, ...rest } = officer;
    const file = files.get(officer.id);
    return file === undefined ? rest : { ...rest, photo: file };
  };
  return {
    content: { ...content, officers: officers.map(photoOf) },
    notes,
    async place(out) {
      const folder = path.join(out, 'officers');
      for (const name of await readdir(staging)) await rename(path.join(staging, name), path.join(folder, name));
      await discard();
    },
    discard,
  };
}
