// `bmnn watch URL…`: the portal watch — crawl, download, scan with the worker pool of `bmnn scan`,
// compare with the last run's state, report in the formats and exit codes of `bmnn scan`.
// Runs only on a machine outside the secret network (DESIGN.md §2, decision 0020).

import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RULES } from '../../rules/index.ts';
import { isTesseractAvailable } from '../ocr/tesseract.ts';
import { applyBaseline } from '../report/baseline.ts';
import { DECISION_LABELS } from '../report/labels.ts';
import { formatJson, formatSarif, formatTextResults, summarize, type ScanSummary } from '../report/report.ts';
import { createScanPool } from '../scan/pool.ts';
import { getDefaultEngine } from '../scan/scan-file.ts';
import { DEFAULT_LIMITS, type Limits } from '../scanner.types.ts';
import { getScannerFingerprint, readStateFile, StateFileError, writeStateFile, type WatchState } from '../watch/state.ts';
import { watchPortals, type GoneUrl, type SkippedUrl, type WatchResult } from '../watch/watch.ts';
import { EXIT, formatDuration, getDefaultCacheDir, isOutputFormat, positiveInteger, readBaselineOption, SHARED_OPTIONS, UsageError, type ScanCliIo } from './scan-cli.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
export const USER_AGENT = `bmnn-watch/${VERSION}`;

export const WATCH_DEFAULTS = { maxPages: 500, maxFiles: 2000, maxDepth: 5, delayMs: 200, timeoutSeconds: 30 } as const;

export const WATCH_HELP = `Cách dùng: bmnn watch [tùy chọn] ĐỊA_CHỈ…

Theo dõi cổng thông tin điện tử: bắt đầu từ mỗi địa chỉ (http:// hoặc https://), đi theo các liên
kết trên cùng máy chủ, tải về từng trang và từng tài liệu rồi kiểm tra dấu hiệu bí mật nhà nước như
"bmnn scan" (cả chữ hiển thị trên trang HTML). Với --state, lần chạy sau chỉ tải lại những gì đã
thay đổi và báo địa chỉ mới, đã thay đổi, không còn thấy.

Chỉ chạy trên máy tính không thuộc mạng bí mật (máy kết nối Internet riêng).

Thu thập:
  --allow-host MÁY_CHỦ       Cho phép đi theo liên kết sang máy chủ này (lặp lại được)
  --max-pages N              Số trang HTML tối đa (mặc định: ${WATCH_DEFAULTS.maxPages})
  --max-files N              Số tài liệu tối đa (mặc định: ${WATCH_DEFAULTS.maxFiles})
  --max-depth N              Số bước liên kết tối đa tính từ địa chỉ bắt đầu (mặc định: ${WATCH_DEFAULTS.maxDepth})
  --delay MS                 Thời gian nghỉ giữa hai yêu cầu tới cùng máy chủ, mili giây (mặc định: ${WATCH_DEFAULTS.delayMs})
  --timeout GIÂY             Thời gian tối đa cho một yêu cầu, kể cả tải nội dung (mặc định: ${WATCH_DEFAULTS.timeoutSeconds})
  --ignore-robots            Không theo robots.txt (chỉ dùng cho cổng của chính cơ quan mình)
  --state TỆP                Tệp trạng thái (JSON) ghi nhớ lần chạy trước

Kiểm tra và kết quả:
  --format text|json|sarif   Định dạng kết quả (mặc định: text)
  --out TỆP                  Ghi kết quả ra tệp thay vì màn hình
  --jobs N                   Số luồng quét song song (mặc định: số nhân CPU)
  --baseline TỆP             Bỏ qua các phát hiện đã xem xét (kết quả JSON trước đó)
  --cache-dir THƯ_MỤC        Nơi lưu bộ nhớ đệm kết quả trích xuất (mặc định: ~/.cache/bmnn-scan)
  --no-cache                 Không dùng bộ nhớ đệm
  --no-ocr                   Không nhận dạng chữ trong ảnh (ảnh và trang quét sẽ cần xem xét)
  --max-size MB              Dung lượng tối đa của một tệp; tệp lớn hơn bị dừng tải (mặc định: ${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024})
  --scan-timeout GIÂY        Thời gian xử lý tối đa cho một tệp (mặc định: ${DEFAULT_LIMITS.maxMillis / 1000})
  --max-memory MB            Bộ nhớ tối đa cho một luồng quét (mặc định: ${DEFAULT_LIMITS.maxHeapMb})
  --verbose                  Liệt kê cả các địa chỉ đạt và các địa chỉ bỏ qua
  --no-progress              Không hiển thị tiến độ
  -h, --help                 Hiển thị hướng dẫn này

Mã thoát: 0 tất cả đạt · 1 có tệp phải chặn · 2 có tệp cần xem xét hoặc không tải được, hoặc không
kiểm tra được địa chỉ nào (không có tệp phải chặn) · 3 sai cách dùng hoặc lỗi nội bộ.
`;

export type WatchSummary = ScanSummary & {
  pages: number;
  documents: number;
  new: number;
  changed: number;
  gone: number;
  reused: number;
  skippedRobots: number;
  skippedLimit: number;
  truncated: boolean;
};

const defaultIo: ScanCliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTty: process.stderr.isTTY === true,
  cwd: process.cwd(),
};

function nonNegativeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`Giá trị của ${name} phải là số không âm: "${value}".`);
  return n;
}

const DATE_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
/** dd/mm/yyyy in Vietnam's time zone. */
const formatDate = (iso: string) => DATE_TIME.format(new Date(iso));
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 2 });

const CHANGE_TAGS = { new: 'mới', changed: 'đã thay đổi', unchanged: undefined } as const;

export function formatWatchText({
  results,
  gone,
  skipped,
  summary,
  hasPrevious,
  verbose,
}: {
  results: WatchResult[];
  gone: GoneUrl[];
  skipped: SkippedUrl[];
  summary: WatchSummary;
  hasPrevious: boolean;
  verbose: boolean;
}): string {
  const out = formatTextResults(results, {
    verbose,
    describe: (r) => [r.foundOn ? `Liên kết từ: ${r.foundOn}` : 'Địa chỉ bắt đầu'],
    tag: (r) => (hasPrevious ? CHANGE_TAGS[r.changed] : undefined),
  });
  if (gone.length > 0) {
    if (out.length > 0) out.push('');
    out.push(`Không còn thấy kể từ lần chạy trước (${gone.length}):`);
    for (const g of gone) {
      out.push(`  - ${g.url} — lần trước: ${DECISION_LABELS[g.lastDecision]}, kiểm tra ngày ${formatDate(g.lastCheckedAt)}${g.foundOn ? `; liên kết từ: ${g.foundOn}` : ''}`);
    }
  }
  const robots = skipped.filter((s) => s.reason === 'robots');
  if (robots.length > 0) {
    if (out.length > 0) out.push('');
    out.push(`Bỏ qua theo robots.txt: ${robots.length} địa chỉ${verbose ? ':' : ' (--verbose để xem, --ignore-robots để kiểm tra cả những địa chỉ này).'}`);
    if (verbose) for (const s of robots) out.push(`  - ${s.url}${s.foundOn ? ` (liên kết từ: ${s.foundOn})` : ''}`);
  }
  if (summary.truncated) {
    if (out.length > 0) out.push('');
    out.push(
      `Dừng theo giới hạn (--max-pages ${'/'} --max-files): ${summary.skippedLimit} địa chỉ chưa được kiểm tra; ` +
        'các địa chỉ của lần trước chưa tới được không bị coi là đã mất.',
    );
    if (verbose) for (const s of skipped.filter((x) => x.reason === 'limit')) out.push(`  - ${s.url}`);
  }
  if (out.length > 0) out.push('');
  const changes = hasPrevious ? ` So với lần trước: ${summary.new} mới, ${summary.changed} đã thay đổi, ${summary.gone} không còn thấy.` : '';
  out.push(
    `Tổng cộng: ${summary.files} địa chỉ (${summary.pages} trang, ${summary.documents} tài liệu) — ` +
      `${summary.block} phải chặn, ${summary.review} cần xem xét, ${summary.pass} đạt.${changes} ` +
      `Đã tải ${megabytes(summary.bytes)} MB trong ${summary.seconds.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây` +
      (summary.reused > 0 ? ` (${summary.reused} địa chỉ dùng lại kết quả lần trước).` : '.'),
  );
  return out.join('\n') + '\n';
}

export async function runWatchCli(argv: string[], io: ScanCliIo = defaultIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'allow-host': { type: 'string', multiple: true, default: [] },
        'max-pages': { type: 'string' },
        'max-files': { type: 'string' },
        'max-depth': { type: 'string' },
        delay: { type: 'string' },
        timeout: { type: 'string' },
        'ignore-robots': { type: 'boolean', default: false },
        state: { type: 'string' },
        ...SHARED_OPTIONS,
        'scan-timeout': { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr(`Tham số không hợp lệ: ${(error as Error).message}\nGõ "bmnn watch --help" để xem hướng dẫn.\n`);
    return EXIT.usage;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout(WATCH_HELP);
    return EXIT.pass;
  }
  if (positionals.length === 0) {
    io.stderr('Chưa chỉ ra địa chỉ cổng thông tin cần theo dõi.\nGõ "bmnn watch --help" để xem hướng dẫn.\n');
    return EXIT.usage;
  }
  const bad = positionals.filter((p) => {
    try {
      const { protocol } = new URL(p);
      return protocol !== 'http:' && protocol !== 'https:';
    } catch {
      return true;
    }
  });
  if (bad.length > 0) {
    io.stderr(`Địa chỉ không hợp lệ (chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://): ${bad.join(', ')}\n`);
    return EXIT.usage;
  }
  const format = values.format;
  if (!isOutputFormat(format, io)) return EXIT.usage;
  const allowHosts = values['allow-host'];
  if (allowHosts.some((h) => !/^[\p{L}\p{N}.-]+(?::\d+)?$/u.test(h))) {
    io.stderr(`Tên máy chủ không hợp lệ trong --allow-host: ${allowHosts.join(', ')} (ví dụ: cdn.tinh.gov.vn hoặc 10.0.0.5:8080).\n`);
    return EXIT.usage;
  }
  let limits: Limits;
  let jobs: number;
  let crawl: { maxPages: number; maxFiles: number; maxDepth: number; delayMs: number; timeoutMs: number };
  try {
    const maxSize = positiveInteger(values['max-size'], '--max-size');
    const scanTimeout = positiveInteger(values['scan-timeout'], '--scan-timeout');
    const maxMemory = positiveInteger(values['max-memory'], '--max-memory');
    limits = {
      ...DEFAULT_LIMITS,
      ...(maxSize ? { maxFileBytes: Math.round(maxSize * 1024 * 1024) } : {}),
      ...(scanTimeout ? { maxMillis: Math.round(scanTimeout * 1000) } : {}),
      ...(maxMemory ? { maxHeapMb: Math.floor(maxMemory) } : {}),
    };
    jobs = Math.floor(positiveInteger(values.jobs, '--jobs') ?? availableParallelism());
    crawl = {
      maxPages: Math.floor(positiveInteger(values['max-pages'], '--max-pages') ?? WATCH_DEFAULTS.maxPages),
      maxFiles: Math.floor(positiveInteger(values['max-files'], '--max-files') ?? WATCH_DEFAULTS.maxFiles),
      maxDepth: Math.floor(nonNegativeNumber(values['max-depth'], '--max-depth') ?? WATCH_DEFAULTS.maxDepth),
      delayMs: Math.round(nonNegativeNumber(values.delay, '--delay') ?? WATCH_DEFAULTS.delayMs),
      timeoutMs: Math.round((positiveInteger(values.timeout, '--timeout') ?? WATCH_DEFAULTS.timeoutSeconds) * 1000),
    };
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
  const statePath = values.state ? resolve(io.cwd, values.state) : undefined;
  let previous: WatchState | undefined;
  try {
    previous = statePath ? await readStateFile(statePath) : undefined;
  } catch (error) {
    if (error instanceof StateFileError) {
      io.stderr(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const cacheDir = values['no-cache'] ? undefined : resolve(io.cwd, values['cache-dir'] ?? getDefaultCacheDir());
  const useOcr = !values['no-ocr'];
  if (useOcr && !isTesseractAvailable()) {
    io.stderr('Cảnh báo: không có tesseract với dữ liệu tiếng Việt; ảnh và trang quét sẽ được đánh dấu cần xem xét.\n');
  }

  const started = performance.now();
  const showProgress = io.isTty && !values['no-progress'];
  let lastDraw = 0;
  const drawProgress = ({ pages, files, bytes, pendingScans }: { pages: number; files: number; bytes: number; pendingScans: number }, force = false) => {
    const now = performance.now();
    if (!showProgress || (!force && now - lastDraw < 200)) return;
    lastDraw = now;
    io.stderr(`\rĐã tải ${pages} trang, ${files} tài liệu · ${megabytes(bytes)} MB · đang chờ quét ${pendingScans} · ${formatDuration((now - started) / 1000)}   `);
  };
  const tempDir = await mkdtemp(join(tmpdir(), 'bmnn-watch-'));
  const pool = createScanPool({ jobs, limits, ocr: useOcr, cacheDir });
  let run;
  try {
    run = await watchPortals({
      startUrls: positionals,
      allowHosts,
      ...crawl,
      maxBytes: limits.maxFileBytes,
      ignoreRobots: values['ignore-robots'],
      userAgent: USER_AGENT,
      scan: pool.scan,
      maxPendingScans: jobs * 2 + 2,
      scanner: getScannerFingerprint({ limits, ocr: useOcr }),
      previous,
      tempDir,
      onProgress: (progress) => drawProgress(progress),
    });
  } finally {
    await pool.close();
    await rm(tempDir, { recursive: true, force: true });
  }
  if (showProgress) {
    drawProgress({ pages: run.pages, files: run.files, bytes: run.bytes, pendingScans: 0 }, true);
    io.stderr('\n');
  }
  if (statePath) await writeStateFile(statePath, run.state);

  const results = baseline ? run.results.map((r) => applyBaseline(r, baseline, engine) as WatchResult) : run.results;
  const base = summarize(results, (performance.now() - started) / 1000);
  const summary: WatchSummary = {
    ...base,
    bytes: run.bytes,
    pages: results.filter((r) => r.kind === 'page').length,
    documents: results.filter((r) => r.kind === 'file').length,
    new: results.filter((r) => r.changed === 'new').length,
    changed: results.filter((r) => r.changed === 'changed').length,
    gone: run.gone.length,
    reused: results.filter((r) => r.reused).length,
    skippedRobots: run.skipped.filter((s) => s.reason === 'robots').length,
    skippedLimit: run.skipped.filter((s) => s.reason === 'limit').length,
    truncated: run.truncated,
  };
  const output =
    format === 'json'
      ? formatJson(results, summary, { tool: 'bmnn-watch', extra: { gone: run.gone, skipped: run.skipped } })
      : format === 'sarif'
        ? formatSarif(results, RULES, { tool: 'bmnn-watch' })
        : formatWatchText({ results, gone: run.gone, skipped: run.skipped, summary, hasPrevious: previous !== undefined, verbose: values.verbose });
  if (values.out) {
    await writeFile(resolve(io.cwd, values.out), output);
    io.stderr(`Đã ghi kết quả vào ${values.out}. ${summary.block} phải chặn, ${summary.review} cần xem xét, ${summary.pass} đạt.\n`);
  } else io.stdout(output);
  if (summary.block > 0) return EXIT.block;
  // Nothing checked (every start URL skipped by robots.txt) is not "all pass".
  if (summary.review > 0 || results.length === 0) {
    if (results.length === 0) io.stderr('Không kiểm tra được địa chỉ nào (robots.txt không cho phép). Dùng --ignore-robots nếu đây là cổng của chính cơ quan mình.\n');
    return EXIT.review;
  }
  return EXIT.pass;
}
