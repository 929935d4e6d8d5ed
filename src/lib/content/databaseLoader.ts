// A content collection read from the database (publishedContent.ts): every
// published entry, parsed by the collection's own schema as a file's would be.
// astro.config.mjs has already checked the same answer (schemas and
// references) and refused the build if anything was wrong. An officer's photo
// was downloaded from Storage into a folder (publishedContent.ts): the entry is
// given a file path in that folder, so Astro's image() finds the photo beside
// it as it finds one beside an officer's file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { publishedContent, type BuildApi, type PublishedContent } from './publishedContent.ts';

export function databaseLoader(collection: 'site' | Exclude<keyof PublishedContent, 'site' | 'photoFolder' | 'photosMissing'>, api: BuildApi): Loader {
  return {
    name: 'openbeat-database',
    load: async ({ store, parseData, config }) => {
      const content = await publishedContent(api);
      const entries = collection === 'site' ? (content.site ? [{ id: 'site', ...content.site }] : []) : content[collection];
      store.clear();
      for (const { id, ...entry } of entries) {
        const fields = entry as Record<string, unknown>;
        if (collection === 'officers' && typeof fields.photo === 'string') {
          // As the glob loader gives a file's entry: its absolute path to parse, its path from the root to keep.
          const filePath = path.join(content.photoFolder, `${id}.json`);
          const data = await parseData({ id, data: { ...fields, photo: `./${fields.photo}` }, filePath });
          store.set({ id, data, filePath: path.relative(fileURLToPath(config.root), filePath).split(path.sep).join('/') });
          continue;
        }
        const data = await parseData({ id, data: fields });
        store.set({ id, data });
      }
    },
  };
}
