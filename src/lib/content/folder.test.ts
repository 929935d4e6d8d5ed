import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCacheDir, contentDir } from './folder.ts';

describe('content folder', () => {
  it('is the demo city unless OPENBEAT_CONTENT names another', () => {
    expect(contentDir({})).toBe(path.resolve('src/content'));
    expect(contentDir({ OPENBEAT_CONTENT: '/data/chicago' })).toBe('/data/chicago');
  });

  it('keeps a build cache of its own, so two cities never mistake each other’s entries', () => {
    const root = '/project';
    expect(contentCacheDir('/project/src/content', root)).toBe('/project/node_modules/.astro');
    const chicago = contentCacheDir('/data/chicago', root);
    expect(chicago).toMatch(/^\/project\/node_modules\/\.astro\/content-[0-9a-f]{12}$/);
    expect(contentCacheDir('/data/chicago', root)).toBe(chicago);
    expect(contentCacheDir('/data/springfield', root)).not.toBe(chicago);
  });
});
