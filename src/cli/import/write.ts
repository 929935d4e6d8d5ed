// An import either lands whole or not at all: a department re-running an import
// after fixing its data must never find OUT with half the beats replaced.
// Everything is written into a staging folder inside OUT (so renames stay on one
// file system), then each collection folder is swapped in by rename; if any
// step fails, the renames already done are undone in reverse.
import { cp, mkdir, mkdtemp, readdir, rename as fsRename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exists } from './content.ts';

export interface FolderChange {
  /** The collection folder inside OUT, e.g. "beats". */
  name: string;
  /** File name to text. */
  files: Map<string, string>;
  /** Keep what the folder holds and add these files (derived districts), rather than replace it. */
  extend?: boolean;
  /** Of what the folder holds, what the new one carries over by name (officers' photos beside their files). */
  keep?: (name: string) => boolean;
}

export interface Changes {
  folders: FolderChange[];
  /** Files written in place of whatever is there, such as site.json. */
  replace?: Map<string, string>;
  /** Files written only where none exists, such as a starter site.json. */
  create?: Map<string, string>;
}

export type Rename = (from: string, to: string) => Promise<void>;

/** `rename` is only replaced by tests, to fail a swap half-way. */
export async function commit(out: string, changes: Changes, rename: Rename = fsRename): Promise<void> {
  const outExisted = await exists(out);
  await mkdir(out, { recursive: true });
  // Only empty if nothing else wrote to it meanwhile; otherwise it is not ours to remove.
  const removeNewOut = () => (outExisted ? Promise.resolve() : rmdir(out).catch(() => undefined));
  const staging = await mkdtemp(path.join(out, '.import-')).catch(async (error: unknown) => {
    await removeNewOut();
    throw error;
  });
  const undo: Array<() => Promise<void>> = [];
  try {
    const fresh = path.join(staging, 'new');
    const old = path.join(staging, 'old');
    await mkdir(fresh);
    await mkdir(old);
    for (const folder of changes.folders) {
      const dir = path.join(fresh, folder.name);
      const current = path.join(out, folder.name);
      if (folder.extend && (await exists(current))) await cp(current, dir, { recursive: true });
      else await mkdir(dir);
      if (folder.keep && (await exists(current))) {
        for (const name of (await readdir(current)).filter(folder.keep)) await cp(path.join(current, name), path.join(dir, name), { recursive: true });
      }
      for (const [name, text] of folder.files) await writeFile(path.join(dir, name), text, { flag: 'wx' });
    }
    for (const [name, text] of [...(changes.replace ?? []), ...(changes.create ?? [])]) await writeFile(path.join(fresh, name), text);

    const move = async (from: string, to: string) => {
      await rename(from, to);
      undo.push(() => rename(to, from));
    };
    for (const name of [...changes.folders.map((folder) => folder.name), ...(changes.replace?.keys() ?? [])]) {
      const target = path.join(out, name);
      if (await exists(target)) await move(target, path.join(old, name));
      await move(path.join(fresh, name), target);
    }
    for (const name of changes.create?.keys() ?? []) {
      if (!(await exists(path.join(out, name)))) await move(path.join(fresh, name), path.join(out, name));
    }
  } catch (error) {
    let restored = true;
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch {
        restored = false;
      }
    }
    // The staging folder then holds the only copy of what OUT had: keep it.
    if (!restored)
      throw new Error(`${(error as Error).message}; OUT could not be put back as it was, the previous files are in ${staging}`, {
        cause: error,
      });
    await rm(staging, { recursive: true, force: true });
    await removeNewOut();
    throw error;
  }
  await rm(staging, { recursive: true, force: true });
}

/**
 * How every content file is written: 2-space indentation and a final newline, as
 * people edit them, with each [lon, lat] on one line so boundaries stay readable
 * (a beat map would otherwise take four lines a vertex).
 */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2).replace(/\[\s+(-?[\d.eE+-]+),\s+(-?[\d.eE+-]+)\s+\]/g, '[$1, $2]')}\n`;
}

/** streets.geojson's layout: a FeatureCollection with one feature a line, for small diffs and easy grepping. */
export function featureLines(collection: { features: unknown[] }): string {
  return `{"type": "FeatureCollection", "features": [\n${collection.features.map((feature) => JSON.stringify(feature)).join(',\n')}\n]}\n`;
}
