// `npm run bench:scan` — the leak checker against the classic pipeline, on the same files, with
// the same parallelism, in the same run:
//   - text-layer PDFs: ours vs `pdftotext FILE - | grep`
//   - DOCX and XLSX:   ours vs `unzip -p FILE | grep`
//   - scans (PNG):     ours vs bare `tesseract FILE stdout -l vie`
// plus a rescan of the unchanged corpus (cache) and peak memory for half and all of the corpus.
// Both sides are timed from process start to exit (Node start-up, module loading and worker
// start-up included for ours; xargs and every per-file process for the pipeline), and their CPU
// time (user + system, child processes included) is reported too: on a shared machine CPU time
// moves far less with other load than wall time does.
// Options: --files N (default 520), --jobs N (default: core count), --dir DIR (corpus folder,
// reused between runs), --regenerate, --rounds N (default 3; the median is kept), --groups
// pdf,ooxml,repeat,ocr,whole (default: all).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deflateRawSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEEDS_DIR = join(HERE, '..', 'fixtures', 'corpus');
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '520' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    dir: { type: 'string', default: join(tmpdir(), 'bmnn-bench-corpus-v1') },
    regenerate: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    groups: { type: 'string', default: 'pdf,ooxml,repeat,ocr,whole' },
  },
});
const ROUNDS = Math.max(1, Number(values.rounds));
const GROUPS = new Set((values.groups as string).split(','));
const TOTAL = Number(values.files);
const JOBS = Number(values.jobs);
const DIR = values.dir as string;

// --- Corpus generator ------------------------------------------------------------------------

/** Deterministic pseudo-random numbers, so every run generates the same corpus. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const seedText = ['n30-seed-chi-thi-04-CT-UBND-2023.txt', 'n30-seed-cong-van-UBND-NC-2024.txt']
  .map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'))
  .join('\n');
const sentences = seedText.split(/(?<=[.;:])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length > 20);

function documentLines(random: () => number, i: number): string[] {
  const lines = ['ỦY BAN NHÂN DÂN TỈNH BẮC GIANG', `Số: ${i}/UBND-VP`];
  // One document in ten carries a stamp: the scanner must read everything to find it.
  if (i % 10 === 3) lines.push(['MẬT', 'TỐI MẬT', 'TUYỆT MẬT'][i % 3] as string);
  lines.push('CÔNG VĂN', `V/v triển khai nhiệm vụ số ${i}`);
  const count = 15 + Math.floor(random() * 40);
  for (let k = 0; k < count; k++) lines.push(sentences[Math.floor(random() * sentences.length)] as string);
  return lines;
}

function zipFiles(entries: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [n, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const body = deflateRawSync(data);
    const name = Buffer.from(n);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function xlsx(lines: string[]): Buffer {
  const strings = lines.map((l) => `<si><t>${esc(l)}</t></si>`).join('');
  const rows = lines.map((_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r}</v></c><c r="B${r + 1}"><v>${r * 3}</v></c></row>`).join('');
  return zipFiles({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${lines.length}" uniqueCount="${lines.length}">${strings}</sst>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
  });
}

function generate(): void {
  rmSync(DIR, { recursive: true, force: true });
  const txt = join(DIR, 'src');
  for (const sub of ['pdf', 'docx', 'xlsx', 'scan', 'src']) mkdirSync(join(DIR, sub), { recursive: true });
  const random = rng(2026);
  const scans = Math.max(10, Math.round(TOTAL * 0.04));
  const xlsxCount = Math.round(TOTAL * 0.16);
  const rest = TOTAL - scans - xlsxCount;
  const pdfCount = Math.ceil(rest / 2);
  const docxCount = rest - pdfCount;
  const sources: string[] = [];
  for (let i = 0; i < Math.max(pdfCount, docxCount); i++) {
    const file = join(txt, `van-ban-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, documentLines(random, i).join('\n'));
    sources.push(file);
  }
  const soffice = (format: string, files: string[], out: string) => {
    for (let i = 0; i < files.length; i += 100) {
      execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${DIR}/lo-profile`, '--convert-to', format, '--outdir', out, ...files.slice(i, i + 100)], { stdio: 'ignore' });
    }
  };
  soffice('pdf', sources.slice(0, pdfCount), join(DIR, 'pdf'));
  soffice('docx:MS Word 2007 XML', sources.slice(0, docxCount), join(DIR, 'docx'));
  for (let i = 0; i < xlsxCount; i++) writeFileSync(join(DIR, 'xlsx', `bang-${String(i).padStart(4, '0')}.xlsx`), xlsx(documentLines(random, 5000 + i)));
  const pdfs = readdirSync(join(DIR, 'pdf')).sort();
  for (let i = 0; i < scans; i++) {
    const pdf = join(DIR, 'pdf', pdfs[i] as string);
    const base = join(DIR, 'scan', `quet-${String(i).padStart(3, '0')}`);
    execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, `${base}-raw`]);
    execFileSync('convert', [`${base}-raw.png`, '-background', 'white', '-rotate', String((random() - 0.5) * 2), '-attenuate', '0.3', '+noise', 'Gaussian', '-flatten', `${base}.png`]);
    rmSync(`${base}-raw.png`);
  }
  rmSync(txt, { recursive: true, force: true });
  rmSync(join(DIR, 'lo-profile'), { recursive: true, force: true });
  writeFileSync(join(DIR, 'generated.json'), JSON.stringify({ total: TOTAL }));
}

// --- Measurements ----------------------------------------------------------------------------

const listOf = (sub: string) => readdirSync(join(DIR, sub)).sort().map((f) => join(DIR, sub, f));
const sizeOf = (files: string[]) => files.reduce((a, f) => a + statSync(f).size, 0);

/** Runs a command through bash and reads its wall time and the CPU time of everything it started. */
function timed(command: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const started = performance.now();
  // `times` prints the shell's own and its children's user and system times; the children line
  // covers every process the command waited for (xargs and its pipelines, tesseract, …).
  const child = spawnSync('bash', ['-c', '"$@"; rc=$?; times >&2; exit $rc', 'bash', command, ...args], {
    input: options.input,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  const lines = child.stderr.trim().split('\n');
  const toSeconds = (t: string) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  };
  const cpu = (lines.at(-1) ?? '').split(/\s+/).reduce((a, t) => a + toSeconds(t), 0);
  return { status: child.status, stdout: child.stdout, stderr: lines.slice(0, -2).join('\n'), seconds, cpu };
}

type OursResult = { files: number; bytes: number; seconds: number; cpu: number; ownCpu: number; maxRssMb: number; decisions: Record<string, number>; cached: number; problems: string[] };

/**
 * Our scanner in a process of its own, as the CLI runs it: Node loads the TypeScript sources by
 * type stripping; `seconds` is the whole process, start-up included.
 */
function runOurs(files: string[], cacheDir: string | undefined): OursResult {
  const list = join(mkdtempSync(join(tmpdir(), 'bmnn-bench-')), 'files.txt');
  writeFileSync(list, files.join('\n'));
  // Node's compile cache for the main thread too (the workers enable it themselves): without it
  // Node loads its TypeScript stripper (~0.3 s of CPU) in every scanning process.
  const child = timed(process.execPath, [join(HERE, 'scan-phase.ts'), list, String(JOBS), cacheDir ?? '-'], {
    env: { ...process.env, NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? join(tmpdir(), 'node-compile-cache') },
  });
  rmSync(dirname(list), { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`scan phase failed: ${child.stderr}`);
  const inner = JSON.parse(child.stdout.trim().split('\n').pop() as string) as Omit<OursResult, 'cpu'>;
  return { ...inner, seconds: child.seconds, cpu: child.cpu };
}

/** The classic pipeline: one shell pipeline per file, `JOBS` at a time (xargs -P). */
function runPipeline(files: string[], pipeline: string): { seconds: number; cpu: number } {
  const child = timed('xargs', ['-0', '-P', String(JOBS), '-n', '1', 'sh', '-c', `${pipeline} >/dev/null 2>&1; true`], {
    input: files.join('\0'),
    env: { ...process.env, OMP_THREAD_LIMIT: '1', LC_ALL: 'C.UTF-8' },
  });
  if (child.status !== 0) throw new Error(`pipeline failed: ${child.stderr}`);
  return { seconds: child.seconds, cpu: child.cpu };
}

const GREP = `grep -E -c 'TUYỆT MẬT|TỐI MẬT|MẬT|Độ mật'`;

function main(): void {
  const existing = existsSync(join(DIR, 'generated.json')) ? JSON.parse(readFileSync(join(DIR, 'generated.json'), 'utf8')) : undefined;
  if (values.regenerate || existing?.total !== TOTAL) {
    console.log(`Đang tạo bộ tệp thử (${TOTAL} tệp) trong ${DIR} …`);
    generate();
  }
  const pdf = listOf('pdf');
  const ooxml = [...listOf('docx'), ...listOf('xlsx')];
  const scans = listOf('scan');
  const all = [...pdf, ...ooxml, ...scans];
  console.log(`Bộ tệp: ${all.length} tệp (${pdf.length} PDF, ${listOf('docx').length} DOCX, ${listOf('xlsx').length} XLSX, ${scans.length} ảnh quét), ${(sizeOf(all) / 1024 / 1024).toFixed(1)} MB; ${JOBS} luồng.`);

  const rows: string[][] = [];
  const add = (name: string, files: string[], ours: { seconds: number; cpu: number }, theirs: { seconds: number; cpu: number } | undefined) => {
    const mb = sizeOf(files) / 1024 / 1024;
    rows.push([
      name,
      String(files.length),
      (files.length / ours.seconds).toFixed(1),
      (mb / ours.seconds).toFixed(2),
      ours.seconds.toFixed(2),
      theirs === undefined ? '' : theirs.seconds.toFixed(2),
      theirs === undefined ? '' : (ours.seconds / theirs.seconds).toFixed(2),
      ours.cpu.toFixed(2),
      theirs === undefined ? '' : theirs.cpu.toFixed(2),
      theirs === undefined ? '' : (ours.cpu / theirs.cpu).toFixed(2),
    ]);
  };

  // Ours and the pipeline alternate, ROUNDS rounds, median of each (the machine is shared, so a
  // single round can be skewed by other load). Every round is printed as it ends.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const compare = (name: string, files: string[], pipeline: string) => {
    const ours: OursResult[] = [];
    const theirs: { seconds: number; cpu: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = runOurs(files, undefined);
      const b = runPipeline(files, pipeline);
      ours.push(a);
      theirs.push(b);
      // Our CPU split: the scanning process itself (Node: main thread and workers) and the tools it started.
      console.log(`  ${name}, lượt ${round + 1}: ${a.seconds.toFixed(2)} giây (CPU ${a.cpu.toFixed(2)}, trong đó Node ${a.ownCpu.toFixed(2)}) so với ${b.seconds.toFixed(2)} giây (CPU ${b.cpu.toFixed(2)}); tỉ lệ ${(a.seconds / b.seconds).toFixed(2)}, CPU ${(a.cpu / b.cpu).toFixed(2)}`);
    }
    // The table divides the median of each side; a round's own ratio compares two runs made one
    // after the other, so the median of those is printed too (less moved by load that changes
    // between rounds).
    const paired = median(ours.map((a, i) => a.seconds / (theirs[i] as { seconds: number }).seconds));
    const pairedCpu = median(ours.map((a, i) => a.cpu / (theirs[i] as { cpu: number }).cpu));
    console.log(`  ${name}: trung vị tỉ lệ của từng lượt ${paired.toFixed(2)} (thời gian), ${pairedCpu.toFixed(2)} (CPU)`);
    const d = (ours[0] as OursResult).decisions;
    console.log(`  ${name}: kết quả quét của chúng tôi (lượt 1): ${d['block']} chặn, ${d['review']} cần xem xét, ${d['pass']} đạt.`);
    const pick = (xs: { seconds: number; cpu: number }[]) => ({ seconds: median(xs.map((x) => x.seconds)), cpu: median(xs.map((x) => x.cpu)) });
    add(name, files, pick(ours), pick(theirs));
  };
  if (GROUPS.has('pdf')) compare('PDF (lớp chữ)', pdf, `pdftotext -q "$0" - | ${GREP}`);
  if (GROUPS.has('ooxml')) compare('DOCX + XLSX', ooxml, `unzip -p "$0" | ${GREP}`);
  // The same files three times over, no cache: start-up (pdf.js, workers) spread over more work.
  if (GROUPS.has('repeat')) {
    compare('PDF ×3 lượt', [pdf, pdf, pdf].flat(), `pdftotext -q "$0" - | ${GREP}`);
    compare('DOCX + XLSX ×3 lượt', [ooxml, ooxml, ooxml].flat(), `unzip -p "$0" | ${GREP}`);
  }
  if (GROUPS.has('ocr')) compare('Ảnh quét (OCR)', scans, `tesseract "$0" stdout -l vie | ${GREP}`);

  let whole: { half: OursResult; first: OursResult; again: OursResult } | undefined;
  if (GROUPS.has('whole')) {
    const cache = mkdtempSync(join(tmpdir(), 'bmnn-bench-cache-'));
    const half = runOurs(all.filter((_, i) => i % 2 === 0), undefined);
    const first = runOurs(all, cache);
    const again = runOurs(all, cache);
    add('Toàn bộ, lần đầu', all, first, undefined);
    add('Toàn bộ, quét lại (bộ nhớ đệm)', all, again, undefined);
    rmSync(cache, { recursive: true, force: true });
    whole = { half, first, again };
  }

  const header = ['Nhóm', 'Tệp', 'Tệp/giây', 'MB/giây', 'Thời gian (giây)', 'Quy trình cũ (giây)', 'Tỉ lệ thời gian', 'CPU (giây)', 'CPU quy trình cũ (giây)', 'Tỉ lệ CPU'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  if (whole) {
    const { half, first, again } = whole;
    console.log(`Quét lại nhanh hơn ${(first.seconds / again.seconds).toFixed(1)} lần (${again.cached}/${again.files} tệp lấy từ bộ nhớ đệm).`);
    console.log(`Bộ nhớ đỉnh (RSS của cả tiến trình quét): ${half.maxRssMb.toFixed(0)} MB cho ${half.files} tệp, ${first.maxRssMb.toFixed(0)} MB cho ${first.files} tệp.`);
    console.log(`Kết quả lần đầu: ${first.decisions['block']} chặn, ${first.decisions['review']} cần xem xét, ${first.decisions['pass']} đạt.`);
    if (first.problems.length > 0) console.log(`Vấn đề (tối đa 5): ${first.problems.join(' | ')}`);
  }
  console.log(`Tải máy lúc kết thúc (loadavg 1/5/15 phút): ${loadavg().map((x) => x.toFixed(1)).join(' / ')}.`);
}

main();
