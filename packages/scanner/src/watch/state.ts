// The state file of `bmnn watch --state FILE`: for each URL of the last run its validators (ETag,
// Last-Modified), content hash, links (pages) and result, so that the next run asks with
// If-None-Match / If-Modified-Since and reuses the result of what did not change.

import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { RULES } from '../../rules/index.ts';
import { EXTRACTION_VERSION } from '../scan/cache.ts';
import type { FileResult, Limits } from '../scanner.types.ts';

export const STATE_VERSION = 1;

export type UrlKind = 'page' | 'file';

export type WatchStateEntry = {
  kind: UrlKind;
  /** What the result was computed with (`getScannerFingerprint`): reused only when it is unchanged. */
  scanner: string;
  foundOn: string | null;
  status: number | null;
  etag?: string;
  lastModified?: string;
  /** SHA-256 of the body ('' when it could not be downloaded). */
  sha256: string;
  /** Links of a page, so that a 304 still lets the crawl go on. */
  links?: string[];
  checkedAt: string;
  result: FileResult;
};

export type WatchState = {
  version: typeof STATE_VERSION;
  tool: 'bmnn-watch';
  updatedAt: string;
  urls: Record<string, WatchStateEntry>;
};

/**
 * Rules, extractor version, limits and OCR: a result from another configuration is not reused
 * (the URL is downloaded and scanned again), only compared by hash to say whether it changed.
 */
export function getScannerFingerprint({ limits, ocr }: { limits: Limits; ocr: boolean }): string {
  const rules = JSON.stringify(RULES, (_key, value: unknown) => (value instanceof RegExp ? value.toString() : typeof value === 'function' ? String(value) : value));
  return createHash('sha256').update(JSON.stringify({ v: EXTRACTION_VERSION, rules, limits, ocr })).digest('hex').slice(0, 16);
}

export class StateFileError extends Error {}

/** The state in `path`, or undefined when the file does not exist yet (first run). */
export async function readStateFile(path: string): Promise<WatchState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw new StateFileError(`Không đọc được tệp trạng thái "${path}": ${(error as Error).message}`);
  }
  let state: WatchState;
  try {
    state = JSON.parse(text) as WatchState;
  } catch {
    throw new StateFileError(`Tệp trạng thái "${path}" không phải JSON hợp lệ.`);
  }
  if (state?.tool !== 'bmnn-watch' || state.version !== STATE_VERSION || typeof state.urls !== 'object' || state.urls === null) {
    throw new StateFileError(`Tệp "${path}" không phải tệp trạng thái của bmnn watch (phiên bản ${STATE_VERSION}).`);
  }
  return state;
}

/** Written whole to a temporary file, then renamed: a crash never leaves half a state. */
export async function writeStateFile(path: string, state: WatchState): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 1) + '\n');
  await rename(tmp, path);
}
