// Micro bench of the book XLSX writer alone (no database, no HTTP): N synthetic lines of a
// realistic incoming book, each run in a fresh process so that its peak RSS (VmHWM) is its own.
//
//   npx tsx scripts/bench-register/xlsx-micro.ts [--lines 10000,100000,300000] [--writer stream,exceljs]
//        [--consumer fast,slow] [--out bench/xlsx-writer-results.json] [--profile DIR]
//
// writer "stream" is writeBookXlsx as shipped (platform/xlsx-stream.ts); "exceljs" is the former
// writeBookXlsx (exceljs's streaming WorkbookWriter), kept here only as the baseline.
// consumer "fast" takes every chunk at once; "slow" is a client on a slow link: a 64 KiB buffer
// drained at 512 KiB/s (a book compresses to ≈ 50 bytes a line, so this is slower than the
// writer); "http-slow" is the route's path — Fastify sends `streamOf(writeBookXlsx)` over a real
// loopback socket to an HTTP client that reads at 512 KiB/s. "queuedMaxMb" is the most left
// queued in the stream the writer writes to — a writer that respects backpressure keeps it near
// the buffer size whatever the line count.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { fileURLToPath } from 'node:url';
import type ExcelJS from 'exceljs';
import { templateFor } from '@bmnn/rules';
import { streamOf, writeBookXlsx, type BookPrintout } from '../../apps/server/src/modules/books/books.export.ts';
import { loadExcelJs } from '../../apps/server/src/platform/lazy-modules.ts';

type Writer = 'stream' | 'exceljs';
type Consumer = 'fast' | 'slow' | 'http-slow';
type Result = { writer: Writer; consumer: Consumer; lines: number; seconds: number; cpuSeconds: number; mb: number; peakRssMb: number; peakHeapMb: number; peakHeapTotalMb: number; peakExternalMb: number; queuedMaxMb: number; rssSamplesMb: number[] };

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

const SENDERS = ['Ủy ban nhân dân tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh', 'Công an tỉnh', 'Sở Kế hoạch và Đầu tư', 'Bộ Chỉ huy Quân sự tỉnh'];
const TITLES = ['Kế hoạch triển khai công tác bảo vệ bí mật nhà nước năm 2025', 'Báo cáo đánh giá kết quả phòng, chống thiên tai và tìm kiếm cứu nạn', 'Công văn về việc tăng cường công tác bảo đảm an ninh, trật tự', 'Quyết định phê duyệt phương án diễn tập khu vực phòng thủ'];

function printoutOf(lines: number): BookPrintout {
  const template = templateFor({ book: 'SO_DEN', date: '2025-12-31' });
  // Pages of 2,000 lines with a turn of the event loop between them, as when read from the database.
  async function* rows() {
    for (let i = 1; i <= lines; i++) {
      if (i % 2000 === 0) await new Promise((r) => setImmediate(r));
      const level = i % 20 === 0 ? 'Tuyệt mật' : i % 4 === 0 ? 'Tối mật' : 'Mật';
      yield { incomingNo: i, receivedDate: '02/01/2025', sender: SENDERS[i % SENDERS.length]!, soKyHieu: `${i}/CV-UBND`, documentDate: '01/01/2025', trichYeu: level === 'Tuyệt mật' ? '' : `${TITLES[i % TITLES.length]!} số ${i}`, level, receiver: 'Nguyễn Văn An', signature: '', conditionCheck: 'Nguyên vẹn', recallDeadline: i % 3 === 0 ? '31/12/2025' : '', form: '', notes: null };
    }
  }
  return { template, unitName: 'Văn phòng Tỉnh ủy', year: 2025, rows: rows(), highestLevel: 'TUYET_MAT', printedAt: '23/11/2026', printedBy: 'Nguyễn Thị Bình' };
}

/** The former writeBookXlsx (main at 957cdef), the baseline. */
async function writeBookXlsxWithExcelJs(p: BookPrintout, out: Writable): Promise<void> {
  const LEVEL = 'TUYỆT MẬT';
  const workbook = new (await loadExcelJs()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const columns = p.template.columns;
  const sheet = workbook.addWorksheet(p.template.title.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: p.template.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: `&C&"Times New Roman,Bold"&KFF0000${LEVEL}`, oddFooter: '&CTrang &P/&N' },
    views: [{ state: 'frozen', ySplit: 5 }],
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width + 2 }));
  const font = { name: 'Times New Roman', size: 12 };
  const merged = (row: number, value: string, style: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, 1, row, columns.length);
    const r = sheet.getRow(row);
    r.getCell(1).value = value;
    r.getCell(1).font = { ...font, ...style };
    r.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    r.commit();
  };
  merged(1, LEVEL, { bold: true, color: { argb: 'FFFF0000' }, size: 14 });
  merged(2, p.template.title, { bold: true, size: 14 });
  merged(3, `${p.unitName} — Năm ${p.year}`, { italic: true });
  merged(4, `In ngày ${p.printedAt} bởi ${p.printedBy}`, { italic: true, size: 10 });
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  const header = sheet.getRow(5);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).style = { font: { ...font, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border };
  });
  header.commit();
  const columnStyles = columns.map((c): Partial<ExcelJS.Style> => ({ font, alignment: { horizontal: c.align ?? 'left', vertical: 'top', wrapText: true }, border }));
  for await (const record of p.rows) {
    const row = sheet.addRow(columns.map((c) => record[c.field] ?? ''));
    row.eachCell({ includeEmpty: true }, (cell, n) => {
      cell.style = columnStyles[n - 1]!;
    });
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

const vmHwmMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;

const SLOW_BYTES_PER_SECOND = 512 * 1024;

/** The route's path: Fastify sends the printout stream to a real HTTP client reading slowly. */
async function overSlowHttp(write: (out: Writable) => Promise<void>, track: (out: Writable) => void): Promise<number> {
  const app = Fastify();
  app.get('/export', (_request, reply) => {
    const pass = streamOf(write);
    track(pass);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(pass);
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    return await new Promise<number>((resolve, reject) => {
      http
        .get(`${url}/export`, { agent: false }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            res.pause();
            setTimeout(() => res.resume(), (chunk.length / SLOW_BYTES_PER_SECOND) * 1000);
          });
          res.on('end', () => resolve(bytes));
          res.on('error', reject);
        })
        .on('error', reject);
    });
  } finally {
    await app.close();
  }
}

async function runOne(writer: Writer, consumer: Consumer, lines: number): Promise<Result> {
  let bytes = 0;
  let queuedMax = 0;
  const track = (out: Writable) => {
    const origWrite = out.write.bind(out);
    out.write = ((chunk: Buffer, ...rest: never[]) => {
      const ok = origWrite(chunk, ...rest);
      queuedMax = Math.max(queuedMax, out.writableLength + ((out as Partial<{ readableLength: number }>).readableLength ?? 0));
      return ok;
    }) as typeof out.write;
  };
  const writeXlsx = (out: Writable) => (writer === 'stream' ? writeBookXlsx : writeBookXlsxWithExcelJs)(printoutOf(lines), out);
  let peakHeap = 0;
  let peakHeapTotal = 0;
  let peakExternal = 0;
  const samples: number[] = [];
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakHeapTotal = Math.max(peakHeapTotal, m.heapTotal);
    peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
    return m.rss;
  };
  let tick = 0;
  const timer = setInterval(() => {
    const rss = sample();
    if (tick++ % 10 === 0) samples.push(Math.round(rss / 2 ** 20));
  }, 50);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (consumer === 'http-slow') {
    bytes = await overSlowHttp(writeXlsx, track);
  } else {
    const out =
      consumer === 'fast'
        ? new Writable({
            write(c: Buffer, _e, cb) {
              bytes += c.length;
              cb();
            },
          })
        : new Writable({
            highWaterMark: 64 * 1024,
            write(c: Buffer, _e, cb) {
              bytes += c.length;
              setTimeout(cb, (c.length / SLOW_BYTES_PER_SECOND) * 1000);
            },
          });
    track(out);
    const finished = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    await writeXlsx(out);
    await finished;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  sample();
  const round = (x: number) => Math.round(x * 10) / 10;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return { writer, consumer, lines, seconds: round2(seconds), cpuSeconds: round2((cpu.user + cpu.system) / 1e6), mb: round2(bytes / 2 ** 20), peakRssMb: round(vmHwmMb()), peakHeapMb: round(peakHeap / 2 ** 20), peakHeapTotalMb: round(peakHeapTotal / 2 ** 20), peakExternalMb: round(peakExternal / 2 ** 20), queuedMaxMb: round2(queuedMax / 2 ** 20), rssSamplesMb: samples };
}

if (process.argv.includes('--one')) {
  const result = await runOne(arg('writer', 'stream') as Writer, arg('consumer', 'fast') as Consumer, Number(arg('lines', '100000')));
  console.log(JSON.stringify(result));
} else {
  const self = fileURLToPath(import.meta.url);
  const profile = arg('profile', '');
  const results: Result[] = [];
  for (const writer of arg('writer', 'stream,exceljs').split(',') as Writer[]) {
    for (const consumer of arg('consumer', 'fast,slow').split(',') as Consumer[]) {
      for (const lines of arg('lines', '10000,100000,300000').split(',').map(Number)) {
        // A fresh process per run: VmHWM is the peak of this export alone.
        const flags = profile ? ['--cpu-prof', '--cpu-prof-dir', profile, '--cpu-prof-name', `${writer}-${consumer}-${lines}.cpuprofile`] : [];
        const line = execFileSync(process.execPath, [...flags, '--import', 'tsx', self, '--one', '--writer', writer, '--consumer', consumer, '--lines', String(lines)], { encoding: 'utf8', maxBuffer: 2 ** 24 }).trim().split('\n').at(-1)!;
        const result = JSON.parse(line) as Result;
        console.log(JSON.stringify({ ...result, rssSamplesMb: undefined }));
        results.push(result);
      }
    }
  }
  const outFile = arg('out', '');
  if (outFile) {
    const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} at the end`;
    fs.writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString(), machine, command: `npx tsx scripts/bench-register/xlsx-micro.ts ${process.argv.slice(2).join(' ')}`, results }, null, 2)}\n`);
  }
}
