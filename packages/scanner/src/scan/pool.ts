// A pool of worker threads scanning files in parallel. The pool enforces the per-file time limit
// (terminating the worker, since parsing is synchronous) and turns a worker that runs out of
// memory into a problem on that file; the other files go on.

import { Worker } from 'node:worker_threads';
import type { FileResult, Limits, ProblemCode } from '../scanner.types.ts';

type Task = { id: number; path: string; resolve: (r: FileResult) => void };
type Slot = { worker: Worker; task: Task | undefined; timer: NodeJS.Timeout | undefined };

const WORKER_URL = new URL('./worker-entry.mjs', import.meta.url);
const GRACE_MS = 5_000;

const TSX_LOADER = /^--(?:import|require|loader|experimental-loader)$|^-r$/;
const TSX_LOADER_INLINE = /^--(?:import|require|loader|experimental-loader)=.*tsx/;

/**
 * The Node flags for the workers: the parent's (Node's default) unless the parent runs under
 * tsx's `--import`, which every worker would otherwise repeat — transforming each module again
 * and parsing its source maps, ~1 s of start-up and ~300 MB per worker. Workers load the scanner
 * with Node's own type stripping (worker-entry.mjs), so tsx is not needed there.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] | undefined {
  const out: string[] = [];
  let removed = false;
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    if (TSX_LOADER.test(arg) && /tsx/.test(execArgv[i + 1] ?? '')) {
      i++;
      removed = true;
    } else if (TSX_LOADER_INLINE.test(arg)) removed = true;
    else out.push(arg);
  }
  return removed ? out : undefined;
}

function failed(path: string, code: ProblemCode, message: string): FileResult {
  return {
    path,
    sha256: '',
    size: 0,
    type: 'unknown',
    decision: 'review',
    findings: [],
    problems: [{ code, message }],
    timings: { readMs: 0, extractMs: 0, matchMs: 0, totalMs: 0 },
  };
}

export type ScanPool = { scan: (path: string) => Promise<FileResult>; close: () => Promise<void> };

export function createScanPool({ jobs, limits, ocr, cacheDir }: { jobs: number; limits: Limits; ocr: boolean; cacheDir: string | undefined }): ScanPool {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 0;

  const spawnSlot = (): Slot => {
    const options = {
      workerData: { limits, ocr, cacheDir },
      execArgv: workerExecArgv(),
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL, options);
    } catch (error) {
      // Some of the parent's remaining flags are not allowed in a worker: start it without any.
      if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
      worker = new Worker(WORKER_URL, { ...options, execArgv: [] });
    }
    const slot: Slot = { worker, task: undefined, timer: undefined };
    worker.on('message', (message: { id: number; result?: FileResult; error?: string }) => {
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      finish(slot, message.result ?? failed(task.path, 'scan.internal_error', `Lỗi nội bộ khi quét: ${message.error ?? ''}`));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const task = slot.task;
      const oom = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      replace(slot);
      if (task) {
        task.resolve(
          oom
            ? failed(task.path, 'limit.memory_exceeded', `Vượt giới hạn bộ nhớ (${limits.maxHeapMb} MB) khi đọc tệp.`)
            : failed(task.path, 'scan.internal_error', `Lỗi nội bộ khi quét: ${error.message}`),
        );
      }
    });
    worker.unref();
    return slot;
  };

  const replace = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    const index = slots.indexOf(slot);
    void slot.worker.terminate();
    slot.worker.removeAllListeners();
    if (index >= 0) {
      slots[index] = spawnSlot();
      pump();
    }
  };

  const finish = (slot: Slot, result: FileResult) => {
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = undefined;
    slot.timer = undefined;
    task?.resolve(result);
    pump();
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.task || queue.length === 0) continue;
      const task = queue.shift() as Task;
      slot.task = task;
      slot.timer = setTimeout(() => {
        slot.task = undefined;
        replace(slot);
        task.resolve(failed(task.path, 'limit.time_exceeded', `Quá thời gian xử lý cho phép (${Math.round(limits.maxMillis / 1000)} giây) đối với tệp.`));
      }, limits.maxMillis + GRACE_MS);
      slot.worker.postMessage({ id: task.id, path: task.path });
    }
  };

  for (let i = 0; i < Math.max(1, jobs); i++) slots.push(spawnSlot());

  return {
    scan: (path) =>
      new Promise((resolve) => {
        queue.push({ id: nextId++, path, resolve });
        pump();
      }),
    close: async () => {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      slots.length = 0;
    },
  };
}
