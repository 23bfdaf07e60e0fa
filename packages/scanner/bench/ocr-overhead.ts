// `npx tsx packages/scanner/bench/ocr-overhead.ts` — where the CPU goes per scanned page, ours
// against bare `tesseract FILE stdout -l vie`, on the bench's scans, one page at a time (no
// parallelism, so that the figures do not depend on how two processes share the cores).
// For every page, in this order: bare tesseract (plain text), tesseract with TSV output from the
// file, the same from stdin, then our OCR engine (`createTesseractOcr().recognize`) on the file's bytes; CPU time is
// user + system, the children's from /proc/self/stat (cutime + cstime, counted when a child is
// waited for) and this process' own from process.cpuUsage(). OMP_THREAD_LIMIT=1 on every side.
// Each page's findings are compared with those of measuring the look of every candidate line.
// Then the fixed cost of a scanning process (Node, the pool and its workers) on one small file.
// Options: --dir DIR (bench corpus, as bench.ts makes it), --pages N (default: all), --jobs N
// (workers for the start-up measure, default 2), --ours-only (skip the bare tesseract runs: the
// check that skipping the look changes no finding, at a third of the cost).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTesseractOcr, isStampCandidate, lookCanMatter, parseTesseractTsv } from '../src/ocr/tesseract.ts';
import { analyseStampLook, decodePng } from '../src/ocr/stamp-look.ts';
import { ocrPageToFragments } from '../src/extract/image.extractor.ts';
import { getDefaultEngine, ruleMatchesOcrLine } from '../src/scan/scan-file.ts';

process.env['OMP_THREAD_LIMIT'] = '1';
// As bench.ts: Node's compile cache for the scanning process' main thread.
process.env['NODE_COMPILE_CACHE'] ??= join(tmpdir(), 'node-compile-cache');
const HERE = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: join(tmpdir(), 'bmnn-bench-corpus-v1') },
    pages: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    'ours-only': { type: 'boolean', default: false },
  },
});
const scanDir = join(values.dir as string, 'scan');
const all = readdirSync(scanDir).sort().map((f) => join(scanDir, f));
const pages = values.pages ? all.slice(0, Number(values.pages)) : all;

const TICK = 100; // USER_HZ on Linux
/** CPU seconds of the waited-for children of this process. */
function childrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: state is field 3, cutime field 16, cstime field 17 (man 5 proc).
  return (Number(fields[13]) + Number(fields[14])) / TICK;
}
const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function measureChild(command: string, args: string[], input?: Buffer): number {
  const before = childrenCpu();
  const r = spawnSync(command, args, { input, env: process.env, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr.toString().slice(0, 200)}`);
  return childrenCpu() - before;
}

const totals = { bare: 0, bareTsv: 0, stdinTsv: 0, oursChild: 0, oursOwn: 0, decode: 0, decodedPages: 0, sameFindings: 0 };
const engine = createTesseractOcr();
const signal = new AbortController().signal;
console.log(`${pages.length} trang quét; OMP_THREAD_LIMIT=1; từng trang một.`);
console.log('| Trang | tesseract (txt) | tesseract (tsv) | tesseract (stdin, tsv) | Ours: tesseract | Ours: Node | Giải mã PNG |');
console.log('|---|---|---|---|---|---|---|');
for (const file of pages) {
  const bytes = readFileSync(file);
  const oursOnly = values['ours-only'] === true;
  const bare = oursOnly ? 0 : measureChild('tesseract', [file, 'stdout', '-l', 'vie']);
  const bareTsv = oursOnly ? 0 : measureChild('tesseract', [file, 'stdout', '-l', 'vie', 'tsv']);
  const stdinTsv = oursOnly ? 0 : measureChild('tesseract', ['stdin', 'stdout', '-l', 'vie', 'tsv'], bytes);
  const child0 = childrenCpu();
  const own0 = ownCpu();
  const page = await engine.recognize(bytes, signal);
  const oursChild = childrenCpu() - child0;
  const oursOwn = ownCpu() - own0;
  // What a PNG decode costs on this page, measured apart (the engine decodes only when the look
  // of a stamp-like line a rule can match could change the findings).
  const candidates = page.lines.filter((l) => isStampCandidate(l.text) && ruleMatchesOcrLine(l.text));
  const decodes = candidates.length > 0 && lookCanMatter(page, candidates, getDefaultEngine());
  const d0 = ownCpu();
  const rgb = decodePng(bytes);
  const decode = ownCpu() - d0;
  // Same findings as measuring the look of every candidate line (what the engine did before it
  // skipped pages where the look cannot matter)?
  const measured = { ...page, lines: page.lines.map((l) => (candidates.includes(l) && rgb ? { ...l, ...analyseStampLook(rgb, l) } : l)) };
  const findings = (p: typeof page) => JSON.stringify(getDefaultEngine().findInFragments(ocrPageToFragments(p, { container: [] }, { part: 'image', page: 1 })));
  if (findings(page) === findings(measured)) totals.sameFindings++;
  totals.bare += bare;
  totals.bareTsv += bareTsv;
  totals.stdinTsv += stdinTsv;
  totals.oursChild += oursChild;
  totals.oursOwn += oursOwn;
  totals.decode += decode;
  if (decodes) totals.decodedPages++;
  const name = file.slice(file.lastIndexOf('/') + 1);
  console.log(`| ${name} | ${bare.toFixed(2)} | ${bareTsv.toFixed(2)} | ${stdinTsv.toFixed(2)} | ${oursChild.toFixed(2)} | ${oursOwn.toFixed(3)}${decodes ? ' (giải mã)' : ''} | ${decode.toFixed(3)} |`);
}
const n = pages.length;
const per = (x: number) => (x / n).toFixed(3);
console.log(`| Tổng | ${totals.bare.toFixed(2)} | ${totals.bareTsv.toFixed(2)} | ${totals.stdinTsv.toFixed(2)} | ${totals.oursChild.toFixed(2)} | ${totals.oursOwn.toFixed(2)} | ${totals.decode.toFixed(2)} |`);
console.log(`| Mỗi trang | ${per(totals.bare)} | ${per(totals.bareTsv)} | ${per(totals.stdinTsv)} | ${per(totals.oursChild)} | ${per(totals.oursOwn)} | ${per(totals.decode)} |`);
console.log(`Trang cần giải mã PNG để xem dấu (đỏ, khung): ${totals.decodedPages}/${n}.`);
console.log(`Trang cho kết quả y hệt như khi đo dấu trên mọi dòng ứng viên: ${totals.sameFindings}/${n}.`);
// Parsing the TSV alone, for the record.
{
  const tsv = spawnSync('tesseract', [pages[0] as string, 'stdout', '-l', 'vie', 'tsv'], { env: process.env }).stdout.toString('utf8');
  const t0 = ownCpu();
  for (let i = 0; i < 20; i++) parseTesseractTsv(tsv);
  console.log(`Đọc TSV của một trang: ${(((ownCpu() - t0) / 20) * 1000).toFixed(2)} ms CPU.`);
}

// The fixed cost of a scanning process: Node, the pool, its workers and one small text file.
{
  const dir = mkdtempSync(join(tmpdir(), 'bmnn-ocr-overhead-'));
  const text = join(dir, 'a.txt');
  writeFileSync(text, 'Công văn thường.\n');
  writeFileSync(join(dir, 'list.txt'), text);
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    runs.push(
      measureChild(process.execPath, [join(HERE, 'scan-phase.ts'), join(dir, 'list.txt'), values.jobs as string, '-'], undefined),
    );
  }
  rmSync(dir, { recursive: true, force: true });
  runs.sort((a, b) => a - b);
  console.log(`Khởi động một tiến trình quét (${values.jobs} luồng, 1 tệp nhỏ), CPU: ${runs.map((r) => r.toFixed(2)).join(' / ')} giây (trung vị ${(runs[1] as number).toFixed(2)}).`);
}
console.log(`Tải máy lúc kết thúc (loadavg 1/5/15 phút): ${loadavg().map((x) => x.toFixed(1)).join(' / ')}.`);
