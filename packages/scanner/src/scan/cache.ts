// Extraction results by content hash, so an unchanged file is not read again. One JSON file per
// hash under the cache folder; the key also covers the extractor version and the limits.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Fragment, Limits, Problem } from '../scanner.types.ts';

/** Bump when an extractor changes what it produces. */
export const EXTRACTION_VERSION = 2;

export type CachedExtraction = { type: string; fragments: Fragment[]; problems: Problem[] };

export type ExtractionCache = {
  get: (sha256: string) => Promise<CachedExtraction | undefined>;
  set: (sha256: string, value: CachedExtraction) => Promise<void>;
};

export function createExtractionCache({ dir, limits, ocr }: { dir: string; limits: Limits; ocr: boolean }): ExtractionCache {
  const salt = createHash('sha256').update(JSON.stringify({ v: EXTRACTION_VERSION, limits, ocr })).digest('hex').slice(0, 12);
  const fileOf = (sha256: string) => join(dir, sha256.slice(0, 2), `${sha256}.${salt}.json`);
  return {
    async get(sha256) {
      try {
        return JSON.parse(await readFile(fileOf(sha256), 'utf8')) as CachedExtraction;
      } catch {
        return undefined;
      }
    },
    async set(sha256, value) {
      const file = fileOf(sha256);
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, JSON.stringify(value));
      await rename(tmp, file);
    },
  };
}
