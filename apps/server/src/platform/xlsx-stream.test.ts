import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeBookXlsx, type BookCell, type BookPrintout, type PrintTemplate } from '../modules/books/books.export.ts';
import { columnLetter, escapeXml, sheetNameOf } from './xlsx-stream.ts';

// The books' XLSX comes from our own streaming writer (decision 0013): what it writes must open
// in exceljs and in LibreOffice with the Vietnamese text, the merged title rows and the page
// setup, hostile text must stay text, and a slow or vanished client must not make it buffer.

const HOSTILE = '<script>alert("x")</script>&"\'\u0000\u0001\u0007\u000B\u001F_x0041_ ]]>\uD800 hết';
const HOSTILE_AS_READ = '<script>alert("x")</script>&"\'_x0041_ ]]> hết';

const TEMPLATE: PrintTemplate = {
  title: 'SỔ THỬ: ĐI/ĐẾN [2025]',
  formNumber: 'Mẫu số 01',
  orientation: 'landscape',
  basis: { legalBasis: 'Thông tư 24/2020/TT-BCA' },
  columns: [
    { key: 'no', header: 'Số đến', field: 'no', width: 6, align: 'center' },
    { key: 'text', header: 'Trích yếu nội dung', field: 'text', width: 40, align: 'left' },
    { key: 'level', header: 'Độ mật', field: 'level', width: 10, align: 'center' },
  ],
};

const printout = (rows: BookPrintout['rows']): BookPrintout => ({ template: TEMPLATE, unitName: 'Văn phòng Tỉnh ủy', year: 2025, rows, highestLevel: 'TOI_MAT', printedAt: '23/11/2026', printedBy: 'Nguyễn Thị Bình', closingLines: ['Người lập sổ', 'Trần Văn Cường'] });

const LINES: Array<Record<string, BookCell>> = [
  { no: 1, text: 'Kế hoạch triển khai công tác bảo vệ bí mật nhà nước năm 2025', level: 'Tối mật' },
  { no: 2, text: HOSTILE, level: 'Mật' },
  { no: 3, text: 'dòng một\ndòng hai', level: null },
];

async function bookFile(dir: string): Promise<string> {
  const file = path.join(dir, 'so-thu.xlsx');
  await writeBookXlsx(printout(LINES), fs.createWriteStream(file));
  return file;
}

function soffice(dir: string, file: string, format: string, extension: string): string {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', format, '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
  return fs.readFileSync(path.join(dir, `${path.basename(file, '.xlsx')}.${extension}`), 'utf8');
}

async function* numbered(count: number, counter: { read: number; closed: boolean }) {
  try {
    for (let i = 1; i <= count; i++) {
      counter.read = i;
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
      yield { no: i, text: `Công văn số ${i}/CV-UBND về công tác bảo vệ bí mật nhà nước`, level: 'Mật' };
    }
  } finally {
    counter.closed = true;
  }
}

/** Waits until the writer has stopped asking for lines (it waits for the output). */
async function settled(counter: { read: number }) {
  let before = -1;
  let still = 0;
  while (still < 5) {
    await new Promise((r) => setTimeout(r, 50));
    still = counter.read === before ? still + 1 : 0;
    before = counter.read;
  }
}

describe('the streaming XLSX writer of the books', () => {
  it('writes a book that exceljs reads back: Vietnamese text, merged title rows, numbers, page setup, print header with the red mark', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-xlsx-'));
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(await bookFile(dir));
      const sheet = wb.worksheets[0]!;
      expect(sheet.name).toBe('SỔ THỬ  ĐI ĐẾN  2025');
      expect(sheet.getCell('A1').value).toBe('TỐI MẬT');
      expect(sheet.getCell('A1').font).toMatchObject({ name: 'Times New Roman', bold: true, size: 14, color: { argb: 'FFFF0000' } });
      expect(sheet.getCell('A2').value).toBe('SỔ THỬ: ĐI/ĐẾN [2025]');
      expect(sheet.getCell('A3').value).toBe('Văn phòng Tỉnh ủy — Năm 2025 (Mẫu số 01; Thông tư 24/2020/TT-BCA)');
      expect(sheet.getCell('A4').value).toBe('In ngày 23/11/2026 bởi Nguyễn Thị Bình');
      for (const ref of ['A1', 'A2', 'A3', 'A4', 'A10', 'A11']) expect(sheet.getCell(ref).isMerged).toBe(true);
      expect(sheet.getCell('C1').master.address).toBe('A1');
      expect(sheet.getCell('B6').isMerged).toBe(false);
      expect(sheet.getRow(5).values).toEqual([undefined, 'Số đến', 'Trích yếu nội dung', 'Độ mật']);
      expect(sheet.getCell('B5').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
      expect(sheet.getCell('A6').value).toBe(1);
      expect(sheet.getCell('B6').value).toBe('Kế hoạch triển khai công tác bảo vệ bí mật nhà nước năm 2025');
      expect(sheet.getCell('B6').alignment).toMatchObject({ horizontal: 'left', vertical: 'top', wrapText: true });
      expect(sheet.getCell('A6').alignment).toMatchObject({ horizontal: 'center' });
      // exceljs does not decode SpreadsheetML's `_xHHHH_` escapes in inline strings; Excel and
      // LibreOffice do, and read the typed `_x0041_` back (next test).
      expect(sheet.getCell('B7').value).toBe(HOSTILE_AS_READ.replace('_x0041_', '_x005F_x0041_'));
      expect(sheet.getCell('B8').value).toBe('dòng một\ndòng hai');
      expect(sheet.getCell('C8').value).toBeNull();
      expect(sheet.getCell('A11').value).toBe('Trần Văn Cường');
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.headerFooter.oddHeader).toBe('&C&"Times New Roman,Bold"&KFF0000TỐI MẬT');
      expect(sheet.headerFooter.oddFooter).toBe('&CTrang &P/&N');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
      expect(sheet.getColumn(2).width).toBe(42);
      expect(wb.creator).toBe('BMNN');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a book that LibreOffice opens: the text as typed (hostile text stays text) and the title rows merged across the table', { timeout: 300_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-xlsx-lo-'));
    try {
      const file = await bookFile(dir);
      const rows = parseCsv(soffice(dir, file, 'csv:Text - txt - csv (StarCalc):44,34,76', 'csv'), { relaxColumnCount: true }) as string[][];
      expect(rows[0]).toEqual(['TỐI MẬT', '', '']);
      expect(rows[1]![0]).toBe('SỔ THỬ: ĐI/ĐẾN [2025]');
      expect(rows[4]).toEqual(['Số đến', 'Trích yếu nội dung', 'Độ mật']);
      expect(rows[5]).toEqual(['1', 'Kế hoạch triển khai công tác bảo vệ bí mật nhà nước năm 2025', 'Tối mật']);
      expect(rows[6]).toEqual(['2', HOSTILE_AS_READ, 'Mật']);
      expect(rows[7]).toEqual(['3', 'dòng một\ndòng hai', '']);
      expect(rows[10]![0]).toBe('Trần Văn Cường');
      const html = soffice(dir, file, 'html', 'html');
      expect(html.match(/<td colspan=3\b/g)).toHaveLength(6);
      expect(html).not.toContain('<script>');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('waits for a client that reads nothing, reads no line ahead of it, and finishes the whole book once the client reads', { timeout: 120_000 }, async () => {
    const counter = { read: 0, closed: false };
    const waiting: Array<() => void> = [];
    let reading = false;
    const chunks: Buffer[] = [];
    let queuedMax = 0;
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        queuedMax = Math.max(queuedMax, this.writableLength);
        if (reading) callback();
        else waiting.push(callback);
      },
    });
    const done = writeBookXlsx(printout(numbered(20_000, counter)), out);
    await settled(counter);
    // Stalled: what the compressor may hold (256 KiB of XML) and the output's 16 KiB buffer of
    // compressed data, about 2,300 of these short lines — not the book.
    expect(counter.read).toBeLessThan(5_000);
    expect(queuedMax).toBeLessThan(256 * 1024);
    reading = true;
    for (const callback of waiting.splice(0)) callback();
    await done;
    expect(counter.read).toBe(20_000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell(`A${5 + 20_000}`).value).toBe(20_000);
    expect(sheet.getCell(`B${5 + 20_000}`).value).toBe('Công văn số 20000/CV-UBND về công tác bảo vệ bí mật nhà nước');
  });

  it('stops reading lines and fails when the client goes away in the middle', async () => {
    const counter = { read: 0, closed: false };
    const out = new PassThrough();
    const done = writeBookXlsx(printout(numbered(100_000, counter)), out);
    await settled(counter);
    out.destroy();
    await expect(done).rejects.toThrow();
    expect(counter.closed).toBe(true);
    expect(counter.read).toBeLessThan(100_000);
  });
});

describe('XML text and names in the XLSX writer', () => {
  it('escapes markup, drops characters XML cannot carry, keeps Vietnamese and emoji intact', () => {
    expect(escapeXml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;\'&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g\uDC00h')).toBe('abcdefgh');
    expect(escapeXml('Tuyệt mật\ttab\nxuống dòng 🔒')).toBe('Tuyệt mật\ttab\nxuống dòng 🔒');
    expect(escapeXml('a\r\nb')).toBe('a&#13;\nb');
  });

  it('names columns and sheets as Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(sheetNameOf("'SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN VÀ ĐI'")).toBe('SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN');
    expect(sheetNameOf('a:b\\c/d?e*f[g]h')).toBe('a b c d e f g h');
    expect(sheetNameOf('[]')).toBe('Sheet1');
  });
});
