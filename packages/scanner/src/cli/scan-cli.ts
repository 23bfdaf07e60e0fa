// `bmnn scan PATH…`: argument parsing, file walking, the worker pool, progress, output, exit code.

import { availableParallelism, homedir } from 'node:os';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RULES } from '../../rules/index.ts';
import { applyBaseline, readBaseline } from '../report/baseline.ts';
import { formatJson, formatSarif, formatText, summarize } from '../report/report.ts';
import { createScanPool } from '../scan/pool.ts';
import { getDefaultEngine } from '../scan/scan-file.ts';
import { isTesseractAvailable } from '../ocr/tesseract.ts';
import { DEFAULT_LIMITS, type FileResult, type Limits } from '../scanner.types.ts';

export const EXIT = { pass: 0, block: 1, review: 2, usage: 3 } as const;

export const HELP = `Cách dùng: bmnn scan [tùy chọn] ĐƯỜNG_DẪN…

Kiểm tra tệp và thư mục (đệ quy) để tìm dấu hiệu bí mật nhà nước: dấu độ mật (TUYỆT MẬT, TỐI MẬT,
MẬT), dòng "Độ mật: …", dấu sao, "Bản sao số", "Chỉ người có tên mới được bóc bì", "Tài liệu thu
hồi", thời hạn bảo vệ, gia hạn, "GIẢI MẬT". Đọc Word, Excel, PowerPoint, OpenDocument, PDF, RTF,
HTML, văn bản thuần (kể cả mã TCVN3, VNI), ảnh quét (nhận dạng chữ tiếng Việt) và tệp nén ZIP.

Tùy chọn:
  --format text|json|sarif   Định dạng kết quả (mặc định: text)
  --out TỆP                  Ghi kết quả ra tệp thay vì màn hình
  --jobs N                   Số luồng quét song song (mặc định: số nhân CPU)
  --baseline TỆP             Bỏ qua các phát hiện đã xem xét (kết quả JSON trước đó)
  --cache-dir THƯ_MỤC        Nơi lưu bộ nhớ đệm kết quả trích xuất (mặc định: ~/.cache/bmnn-scan)
  --no-cache                 Không dùng bộ nhớ đệm
  --no-ocr                   Không nhận dạng chữ trong ảnh (ảnh và trang quét sẽ cần xem xét)
  --max-size MB              Dung lượng tối đa của một tệp (mặc định: ${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024})
  --max-depth N              Số cấp nén lồng nhau tối đa (mặc định: ${DEFAULT_LIMITS.maxDepth})
  --timeout GIÂY             Thời gian tối đa cho một tệp (mặc định: ${DEFAULT_LIMITS.maxMillis / 1000})
  --max-memory MB            Bộ nhớ tối đa cho một luồng quét (mặc định: ${DEFAULT_LIMITS.maxHeapMb})
  --verbose                  Liệt kê cả các tệp đạt
  --no-progress              Không hiển thị tiến độ
  -h, --help                 Hiển thị hướng dẫn này

Mã thoát: 0 tất cả đạt · 1 có tệp phải chặn · 2 có tệp cần xem xét (không có tệp phải chặn) ·
3 sai cách dùng hoặc lỗi nội bộ.
`;

export type ScanCliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  cwd: string;
};

const defaultIo: ScanCliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTty: process.stderr.isTTY === true,
  cwd: process.cwd(),
};

async function collectFiles(paths: string[], cwd: string, skipDir: string | undefined): Promise<{ files: { path: string; size: number }[]; missing: string[] }> {
  const files: { path: string; size: number }[] = [];
  const missing: string[] = [];
  const walk = async (path: string, display: string): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      missing.push(display);
      return;
    }
    if (info.isDirectory()) {
      if (skipDir && resolve(path) === skipDir) return;
      const entries = (await readdir(path)).sort();
      for (const entry of entries) await walk(join(path, entry), join(display, entry));
    } else if (info.isFile()) files.push({ path: display, size: info.size });
  };
  for (const p of paths) await walk(resolve(cwd, p), p);
  return { files, missing };
}

export function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`Giá trị của ${name} phải là số dương: "${value}".`);
  return n;
}

export class UsageError extends Error {}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The extraction cache's folder unless `--cache-dir` says otherwise (shared by `bmnn watch`). */
export function getDefaultCacheDir(): string {
  return join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'bmnn-scan');
}

/** The options `bmnn scan` and `bmnn watch` share: output, worker pool, cache, OCR, size and memory limits. */
export const SHARED_OPTIONS = {
  format: { type: 'string', default: 'text' },
  out: { type: 'string' },
  jobs: { type: 'string' },
  baseline: { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  'no-ocr': { type: 'boolean', default: false },
  'max-size': { type: 'string' },
  'max-memory': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  'no-progress': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Whether `--format` is one we write; if not, says so on stderr. */
export function isOutputFormat(format: string, io: ScanCliIo): format is 'text' | 'json' | 'sarif' {
  if (format === 'text' || format === 'json' || format === 'sarif') return true;
  io.stderr(`Định dạng không hỗ trợ: "${format}". Chọn một trong: text, json, sarif.\n`);
  return false;
}

/** Reads `--baseline FILE` (undefined when not given); null after telling stderr the file cannot be read. */
export async function readBaselineOption(file: string | undefined, io: ScanCliIo): Promise<Set<string> | undefined | null> {
  if (!file) return undefined;
  try {
    return readBaseline(JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')));
  } catch (error) {
    io.stderr(`Không đọc được tệp đường cơ sở "${file}": ${(error as Error).message}\n`);
    return null;
  }
}

export async function runScanCli(argv: string[], io: ScanCliIo = defaultIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...SHARED_OPTIONS,
        'max-depth': { type: 'string' },
        timeout: { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr(`Tham số không hợp lệ: ${(error as Error).message}\nGõ "bmnn scan --help" để xem hướng dẫn.\n`);
    return EXIT.usage;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.pass;
  }
  if (positionals.length === 0) {
    io.stderr('Chưa chỉ ra tệp hoặc thư mục cần quét.\nGõ "bmnn scan --help" để xem hướng dẫn.\n');
    return EXIT.usage;
  }
  const format = values.format;
  if (!isOutputFormat(format, io)) return EXIT.usage;
  let limits: Limits;
  let jobs: number;
  try {
    const maxSize = positiveInteger(values['max-size'], '--max-size');
    const maxDepth = positiveInteger(values['max-depth'], '--max-depth');
    const timeout = positiveInteger(values.timeout, '--timeout');
    const maxMemory = positiveInteger(values['max-memory'], '--max-memory');
    limits = {
      ...DEFAULT_LIMITS,
      ...(maxSize ? { maxFileBytes: Math.round(maxSize * 1024 * 1024) } : {}),
      ...(maxDepth ? { maxDepth: Math.floor(maxDepth) } : {}),
      ...(timeout ? { maxMillis: Math.round(timeout * 1000) } : {}),
      ...(maxMemory ? { maxHeapMb: Math.floor(maxMemory) } : {}),
    };
    jobs = Math.floor(positiveInteger(values.jobs, '--jobs') ?? availableParallelism());
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }

  const engine = getDefaultEngine();
  const baseline = await readBaselineOption(values.baseline, io);
  if (baseline === null) return EXIT.usage;
  const cacheDir = values['no-cache'] ? undefined : resolve(io.cwd, values['cache-dir'] ?? getDefaultCacheDir());
  const { files, missing } = await collectFiles(positionals, io.cwd, cacheDir);
  if (missing.length > 0) {
    io.stderr(`Không tìm thấy: ${missing.join(', ')}\n`);
    return EXIT.usage;
  }
  const useOcr = !values['no-ocr'];
  if (useOcr && !isTesseractAvailable()) {
    io.stderr('Cảnh báo: không có tesseract với dữ liệu tiếng Việt; ảnh và trang quét sẽ được đánh dấu cần xem xét.\n');
  }

  const totalBytes = files.reduce((a, f) => a + f.size, 0);
  const started = performance.now();
  const showProgress = io.isTty && !values['no-progress'];
  let doneFiles = 0;
  let doneBytes = 0;
  let lastDraw = 0;
  const drawProgress = (force = false) => {
    const now = performance.now();
    if (!showProgress || (!force && now - lastDraw < 200)) return;
    lastDraw = now;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? doneBytes / 1024 / 1024 / seconds : 0;
    const eta = doneBytes > 0 ? ((totalBytes - doneBytes) / doneBytes) * seconds : 0;
    io.stderr(
      `\rĐã quét ${doneFiles}/${files.length} tệp · ${rate.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB/giây · còn khoảng ${formatDuration(eta)}   `,
    );
  };

  const pool = createScanPool({ jobs: Math.min(jobs, Math.max(1, files.length)), limits, ocr: useOcr, cacheDir });
  let results: FileResult[];
  try {
    results = await Promise.all(
      files.map(async (file) => {
        let result = await pool.scan(resolve(io.cwd, file.path));
        result = { ...result, path: file.path };
        if (baseline) result = applyBaseline(result, baseline, engine);
        doneFiles++;
        doneBytes += file.size;
        drawProgress();
        return result;
      }),
    );
  } finally {
    await pool.close();
  }
  if (showProgress) {
    drawProgress(true);
    io.stderr('\n');
  }
  const summary = summarize(results, (performance.now() - started) / 1000);
  const output =
    format === 'json' ? formatJson(results, summary) : format === 'sarif' ? formatSarif(results, RULES) : formatText(results, summary, { verbose: values.verbose });
  if (values.out) {
    await writeFile(resolve(io.cwd, values.out), output);
    io.stderr(`Đã ghi kết quả vào ${values.out}. ${summary.block} phải chặn, ${summary.review} cần xem xét, ${summary.pass} đạt.\n`);
  } else io.stdout(output);
  if (summary.block > 0) return EXIT.block;
  if (summary.review > 0) return EXIT.review;
  return EXIT.pass;
}
