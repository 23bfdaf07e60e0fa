// One scanning worker: receives paths, answers results. Each file's memory is bounded by the
// worker's heap limit and its time by the pool, which terminates a worker that overruns.
import { parentPort, workerData } from 'node:worker_threads';
import type { Limits } from '../scanner.types.ts';
import { createExtractionCache } from './cache.ts';
import { scanFile } from './scan-file.ts';
import { createTesseractOcr, isTesseractAvailable } from '../ocr/tesseract.ts';

const { limits, ocr, cacheDir } = workerData as { limits: Limits; ocr: boolean; cacheDir: string | undefined };
const useOcr = ocr && isTesseractAvailable();
const options = {
  limits,
  ocr: useOcr ? createTesseractOcr() : undefined,
  cache: cacheDir ? createExtractionCache({ dir: cacheDir, limits, ocr: useOcr }) : undefined,
};

parentPort?.on('message', async ({ id, path }: { id: number; path: string }) => {
  try {
    const result = await scanFile({ path, options, syncRead: true });
    parentPort?.postMessage({ id, result });
  } catch (error) {
    parentPort?.postMessage({ id, error: (error as Error).message });
  }
});
