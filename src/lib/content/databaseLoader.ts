// A content collection read from the database (publishedContent.ts): every
// published entry, parsed by the collection's own schema as a file's would be.
// astro.config.mjs has already checked the same answer (schemas and
// references) and refused the build if anything was wrong.
import type { Loader } from 'astro/loaders';
import { publishedContent, type BuildApi, type PublishedContent } from './publishedContent.ts';

export function databaseLoader(collection: 'site' | Exclude<keyof PublishedContent, 'site' | 'photosLeftOut'>, api: BuildApi): Loader {
  return {
    name: 'openbeat-database',
    load: async ({ store, parseData }) => {
      const content = await publishedContent(api);
      const entries = collection === 'site' ? (content.site ? [{ id: 'site', ...content.site }] : []) : content[collection];
      store.clear();
      for (const { id, ...fields } of entries) {
        const data = await parseData({ id, data: fields as Record<string, unknown> });
        store.set({ id, data });
      }
    },
  };
}
