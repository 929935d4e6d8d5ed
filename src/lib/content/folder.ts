// Which folder holds the jurisdiction's content: src/content/ (the demo city) or
// the folder named by OPENBEAT_CONTENT, so one build serves the demo, a
// department's real data, or a benchmark city without editing the repository.
import { createHash } from 'node:crypto';
import path from 'node:path';

export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.OPENBEAT_CONTENT ?? 'src/content');
}

/** Astro's cache for a content folder: the default one for the demo city, one per other folder. */
export function contentCacheDir(folder: string, root = process.cwd()): string {
  const cache = path.join(root, 'node_modules', '.astro');
  if (folder === path.resolve(root, 'src/content')) return cache;
  return path.join(cache, `content-${createHash('sha256').update(folder).digest('hex').slice(0, 12)}`);
}
