// Small fixtures for the import tests: throwaway folders under the OS temp
// folder, removed when the test ends, and GeoJSON built in a line.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { ImportError } from '../../src/cli/import/errors.ts';

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'openbeat-import-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function writeFixture(dir: string, name: string, content: unknown): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

export async function readJson(file: string): Promise<any> {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** Every file under dir by relative path, with its content: equal snapshots mean nothing changed. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = await readFile(file, 'utf8');
  }
  return files;
}

/** A closed counter-clockwise square ring, west-south corner first. */
export function square(west: number, south: number, size = 1): number[][] {
  return [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ];
}

export function polygon(...rings: unknown[][][]) {
  return { type: 'Polygon', coordinates: rings };
}

export function feature(properties: Record<string, unknown>, geometry: unknown) {
  return { type: 'Feature', properties, geometry };
}

export function collection(...features: unknown[]) {
  return { type: 'FeatureCollection', features };
}

/** The lines of the ImportError an import must fail with. */
export async function problems(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).message.split('\n');
}
