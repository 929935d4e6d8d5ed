// Officers' photos between a content folder and Storage. In an import, each
// photo beside an officer's file is uploaded into the bucket (with the
// service role, as the dashboard uploads) under the name the workspace would
// give it, and the officer's row names it there. In an export, a photo the workspace uploaded lives in
// Storage's bucket officer-photos (src/lib/content/officerPhotos.ts), so
// `openbeat export` downloads it from the bucket's public address and writes
// it beside the officer's file, as a content folder holds photos:
// officers/<officer_id>.<ext>, named in the officer's "photo". A photo name
// that is already a file name (a folder imported with its photos) stays as it
// is, for the folder it came from holds the file.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { downloadOfficerPhotos, imageKind, officerPhotoBucket, officerPhotoMaxBytes } from '../../lib/content/officerPhotos.ts';
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

/** Where an import may upload: a project's API and its service-role key (the local stack's, or given). */
export interface StorageAccess {
  apiUrl: string;
  serviceRoleKey: string;
}

const contentTypes = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/**
 * Uploads each photo of `folder`'s officers into Storage and names it in the content as the
 * workspace does (<officer_id>/<hash of its bytes>.<ext>), so the build and the workspace find
 * it there. A photo that cannot go (no Storage to reach, too large for the bucket, not a JPEG,
 * PNG or WebP) keeps its file's name, as the folder has it, and says why: the site shows the
 * placeholder, and `openbeat export` gives the folder back as it came.
 */
export async function importPhotos<C extends ContentEntries>(content: C, folder: string, storage: StorageAccess | undefined): Promise<{ content: C; notes: string[] }> {
  const officers = content.officers as ReadonlyArray<Officer>;
  const withPhoto = officers.filter((officer) => typeof officer.photo === 'string');
  if (withPhoto.length === 0) return { content, notes: [] };
  const notes: string[] = [];
  const names = new Map<string, string>();
  if (!storage) {
    notes.push(
      `officers ${withPhoto.map((officer) => officer.id).join(', ')}: no Storage to upload their photos to (the local stack is not running, or --api URL with SUPABASE_SERVICE_ROLE_KEY was not given): each keeps its file's name, and the site shows the placeholder until it is uploaded`,
    );
  } else {
    for (const officer of withPhoto) {
      const file = path.join(folder, 'officers', officer.photo as string);
      const bytes = new Uint8Array(await readFile(file));
      const kind = imageKind(bytes);
      if (!kind) notes.push(`officer ${officer.id}: photo: ${officer.photo} is not a JPEG, PNG or WebP image: not uploaded, the site shows the placeholder`);
      else if (bytes.length > officerPhotoMaxBytes) notes.push(`officer ${officer.id}: photo: ${officer.photo} is over ${officerPhotoMaxBytes / 1024 / 1024} MB, more than Storage takes: not uploaded, the site shows the placeholder`);
      else {
        const name = `${officer.id}/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${kind}`;
        const response = await fetch(`${storage.apiUrl.replace(/\/$/, '')}/storage/v1/object/${officerPhotoBucket}/${name}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${storage.serviceRoleKey}`, apikey: storage.serviceRoleKey, 'content-type': contentTypes[kind], 'x-upsert': 'true' },
          body: bytes,
        });
        await response.body?.cancel();
        if (response.ok) names.set(officer.id, name);
        else notes.push(`officer ${officer.id}: photo: Storage answered ${response.status}: not uploaded, the site shows the placeholder`);
      }
    }
  }
  const photoOf = (officer: Officer) => {
    const name = names.get(officer.id);
    return name === undefined ? officer : { ...officer, photo: name };
  };
  return { content: { ...content, officers: officers.map(photoOf) }, notes };
}
