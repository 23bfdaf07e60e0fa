import { createRequire } from 'node:module';
import { PassThrough, type Writable } from 'node:stream';

import { LEVEL_LABELS, LEVEL_RANK, type Level } from '@bmnn/contracts';
import type { BookTemplate } from '@bmnn/rules';
import { loadPdfKit } from '../../platform/lazy-modules.ts';
import { openXlsxStream, type XlsxCellStyle } from '../../platform/xlsx-stream.ts';

// Printing a book (sổ) through its template: XLSX streamed row by row (memory does not grow
// with the number of lines), and PDF with Tinos (Times New Roman metrics, full Vietnamese)
// embedded. Every printout carries the highest level of the lines it contains (LEGAL.md R12.5).

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf');

export type BookCell = string | number | null;
/** What a printout needs of a template: the books' templates, or a fixed layout (files, records). */
export type PrintTemplate = Pick<BookTemplate, 'title' | 'formNumber' | 'orientation' | 'columns'> & { basis: Pick<BookTemplate['basis'], 'legalBasis'> };
export type BookPrintout = {
  template: PrintTemplate;
  unitName: string;
  year: number;
  /** The lines, read as they are written (AsyncIterable: a big book is never whole in memory). */
  rows: AsyncIterable<Record<string, BookCell>> | Iterable<Record<string, BookCell>>;
  /** Highest level among the lines, or null for an empty book. */
  highestLevel: Level | null;
  printedAt: string;
  printedBy: string;
  /** Lines under the title instead of "unit — year (form; basis)". */
  headingLines?: string[];
  /** Lines after the table (a record's closing and signatures). */
  closingLines?: string[];
};

const headingOf = (p: BookPrintout) => p.headingLines ?? [`${p.unitName} — Năm ${p.year} (${p.template.formNumber}; ${p.template.basis.legalBasis})`];

export function highestLevelOf(levels: Level[]): Level | null {
  return levels.reduce<Level | null>((top, l) => (top === null || LEVEL_RANK[l] > LEVEL_RANK[top] ? l : top), null);
}

const markText = (p: BookPrintout) => (p.highestLevel ? LEVEL_LABELS[p.highestLevel].toUpperCase() : 'KHÔNG CÓ NỘI DUNG MẬT');

export async function writeBookXlsx(p: BookPrintout, out: Writable): Promise<void> {
  // Our own streaming writer, not exceljs: exceljs's streaming writer queued the uncompressed
  // sheet in front of its compressor, so memory grew with the line count (decision 0013).
  const columns = p.template.columns;
  const font = { name: 'Times New Roman', size: 12 };
  const body = (horizontal: 'left' | 'center' | 'right'): XlsxCellStyle => ({ font, alignment: { horizontal, vertical: 'top', wrapText: true }, border: true });
  const xlsx = openXlsxStream({
    out,
    sheet: {
      name: p.template.title,
      columnWidths: columns.map((c) => c.width + 2),
      orientation: p.template.orientation,
      frozenRows: 4 + headingOf(p).length,
      oddHeader: `&C&"Times New Roman,Bold"&KFF0000${markText(p)}`,
      oddFooter: '&CTrang &P/&N',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    styles: {
      mark: { font: { ...font, bold: true, color: 'FFFF0000', size: 14 }, alignment: { horizontal: 'center', vertical: 'middle' } },
      title: { font: { ...font, bold: true, size: 14 }, alignment: { horizontal: 'center', vertical: 'middle' } },
      heading: { font: { ...font, italic: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
      printed: { font: { ...font, italic: true, size: 10 }, alignment: { horizontal: 'center', vertical: 'middle' } },
      header: { font: { ...font, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: true },
      left: body('left'),
      center: body('center'),
      right: body('right'),
      closing: { font, alignment: { horizontal: 'left', vertical: 'middle' } },
    },
  });
  try {
    await xlsx.addMergedRow(markText(p), 'mark');
    await xlsx.addMergedRow(p.template.title, 'title');
    for (const line of headingOf(p)) await xlsx.addMergedRow(line, 'heading');
    await xlsx.addMergedRow(`In ngày ${p.printedAt} bởi ${p.printedBy}`, 'printed');
    await xlsx.addRow(columns.map((c) => c.header), 'header');
    const columnStyles = columns.map((c) => c.align ?? 'left');
    for await (const record of p.rows) await xlsx.addRow(columns.map((c) => record[c.field] ?? null), columnStyles);
    if (p.closingLines) {
      await xlsx.addRow([], 'closing');
      for (const line of p.closingLines) await xlsx.addMergedRow(line, 'closing');
    }
  } catch (error) {
    xlsx.abort();
    throw error;
  }
  await xlsx.end();
}

const MM = 72 / 25.4;

/** A landscape (or portrait) A4 PDF laid out like the paper book: repeated header, wrapped cells, page numbers. */
export async function writeBookPdf(p: BookPrintout, out: Writable): Promise<void> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4', layout: p.template.orientation, margin: 12 * MM, bufferPages: true, info: { Title: p.template.title, Author: 'BMNN', Creator: 'BMNN' } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const totalWidth = p.template.columns.reduce((s, c) => s + c.width, 0);
  const widths = p.template.columns.map((c) => (c.width / totalWidth) * usable);
  const bottom = () => doc.page.height - doc.page.margins.bottom - 14;
  const pad = 3;

  const drawRow = (cells: string[], { bold, y }: { bold: boolean; y: number }) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    let x = left;
    cells.forEach((text, i) => {
      doc.rect(x, y, widths[i]!, height).lineWidth(0.5).stroke('#000000');
      doc.fillColor('#000000').text(text, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: bold ? 'center' : p.template.columns[i]!.align });
      x += widths[i]!;
    });
    return height;
  };
  const headerCells = p.template.columns.map((c) => c.header);
  const pageTop = () => {
    doc.font('bold').fontSize(13).fillColor('#d00000');
    const mark = markText(p);
    const w = doc.widthOfString(mark) + 16;
    doc.rect((doc.page.width - w) / 2, doc.page.margins.top - 4, w, 20).lineWidth(1.2).stroke('#d00000');
    doc.text(mark, left, doc.page.margins.top, { width: usable, align: 'center' });
    doc.fillColor('#000000');
    return doc.page.margins.top + 26;
  };

  let y = pageTop();
  doc.font('bold').fontSize(14).text(p.template.title, left, y, { width: usable, align: 'center' });
  y = doc.y + 2;
  for (const line of p.headingLines ?? [`${p.unitName} — Năm ${p.year} — ${p.template.formNumber} (${p.template.basis.legalBasis})`]) {
    doc.font('regular').fontSize(10).text(line, left, y, { width: usable, align: 'center' });
    y = doc.y + 2;
  }
  y += 6;
  y += drawRow(headerCells, { bold: true, y });
  let printed = 0;
  for await (const record of p.rows) {
    printed++;
    const cells = p.template.columns.map((c) => (record[c.field] === null || record[c.field] === undefined ? '' : String(record[c.field])));
    doc.font('regular').fontSize(9);
    const needed = Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (y + needed > bottom()) {
      doc.addPage();
      y = pageTop();
      y += drawRow(headerCells, { bold: true, y });
    }
    y += drawRow(cells, { bold: false, y });
  }
  if (printed === 0) doc.font('regular').fontSize(10).text('(Sổ chưa có dòng nào)', left, y + 6, { width: usable, align: 'center' });
  if (p.closingLines) {
    doc.font('regular').fontSize(11);
    y += 12;
    for (const line of p.closingLines) {
      if (y + doc.heightOfString(line || ' ', { width: usable }) > bottom()) {
        doc.addPage();
        y = pageTop();
      }
      doc.text(line || ' ', left, y, { width: usable });
      y = doc.y + 2;
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin: without lifting the margin, pdfkit would start a
    // new (blank) page for it.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor('#000000').text(`Trang ${i + 1}/${range.count} — In ngày ${p.printedAt} bởi ${p.printedBy}`, left, doc.page.height - margin - 8, { width: usable, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

export function streamOf(write: (out: Writable) => Promise<void>): PassThrough {
  const pass = new PassThrough();
  write(pass).catch((error) => pass.destroy(error as Error));
  return pass;
}
