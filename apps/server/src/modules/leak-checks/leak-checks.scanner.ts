import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LEAK_CHECK_MAX_BYTES } from '@bmnn/contracts';
import { createScanPool, DEFAULT_LIMITS, type FileResult, type Limits, type ScanPool } from '@bmnn/scanner';

// The leak checker inside the server: one worker thread shared by every request of the process, so
// a hostile upload (a zip bomb, a PDF that never ends) is cut by the worker's own time and memory
// limits and never stalls the HTTP server. Requests queue behind each other; a check takes a
// second or two for an ordinary document (OCR longer).

/** Tighter than the command line's limits: a person waits for the answer in the browser. */
export const SERVER_SCAN_LIMITS: Limits = {
  ...DEFAULT_LIMITS,
  maxFileBytes: LEAK_CHECK_MAX_BYTES,
  maxExpandedBytes: 256 * 1024 * 1024,
  maxMillis: 60_000,
  maxHeapMb: 512,
  maxOcrPages: 20,
};

let pool: ScanPool | undefined;

function scanPool(): ScanPool {
  // No extraction cache: it would keep the text of secret documents on disk.
  pool ??= createScanPool({ jobs: 1, limits: SERVER_SCAN_LIMITS, ocr: true, cacheDir: undefined });
  return pool;
}

/**
 * Scans the bytes of one upload. The bytes go to a private temporary file under the data folder
 * (never the system's shared temp folder: the file may carry a secret) and are removed at once.
 */
export async function scanUpload({ dataDir, bytes }: { dataDir: string; bytes: Buffer }): Promise<FileResult> {
  const dir = path.join(dataDir, 'tmp');
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `leak-check-${crypto.randomUUID()}`);
  await fs.writeFile(file, bytes, { mode: 0o600 });
  try {
    return await scanPool().scan(file);
  } finally {
    await fs.rm(file, { force: true });
  }
}
