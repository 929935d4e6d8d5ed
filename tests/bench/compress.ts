// Compressed sizes as a static host serves files: gzip at level 9 and brotli at
// quality 11, the settings hosts use for files they compress once, ahead of time.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export const gzip = (body: Buffer) => gzipSync(body, { level: 9 });
export const brotli = (body: Buffer) =>
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });

export function sizesOf(body: Buffer): Sizes {
  return { raw: body.length, gzip: gzip(body).length, brotli: brotli(body).length };
}

export const noSizes = (): Sizes => ({ raw: 0, gzip: 0, brotli: 0 });

export function add(total: Sizes, more: Sizes): Sizes {
  return { raw: total.raw + more.raw, gzip: total.gzip + more.gzip, brotli: total.brotli + more.brotli };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
