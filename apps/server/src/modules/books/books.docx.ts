import { AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { LEVEL_LABELS } from '@bmnn/contracts';
import type { BookCell, BookPrintout } from './books.export.ts';

// A book (sổ) as DOCX: landscape A4 (or the template's orientation), Times New Roman, the
// level mark in red in the header of every page (R12.5), the header row repeated on each page,
// page numbers in the footer. Built in memory (the docx library has no streaming writer): for
// a very large book, XLSX is the streamed format.

const FONT = 'Times New Roman';
const A4 = { short: 11906, long: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) => new TextRun({ text, font: FONT, size: o.size ?? 22, bold: o.bold ?? false, italics: o.italics ?? false, ...(o.color ? { color: o.color } : {}) });
const centred = (children: TextRun[], after = 0) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export async function buildBookDocx(p: BookPrintout): Promise<Buffer> {
  const landscape = p.template.orientation === 'landscape';
  const pageWidth = landscape ? A4.long : A4.short;
  const textWidth = pageWidth - MARGIN.left - MARGIN.right;
  const columns = p.template.columns;
  // The docx library builds the whole document in memory: gather the (possibly streamed) lines first.
  const rows: Array<Record<string, BookCell>> = [];
  for await (const record of p.rows) rows.push(record);
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / total) * textWidth));
  const mark = p.highestLevel ? LEVEL_LABELS[p.highestLevel].toLocaleUpperCase('vi') : 'KHÔNG CÓ NỘI DUNG MẬT';
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders,
      children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : ALIGN[columns[i]!.align], children: [run(text, { bold: header, size: header ? 20 : 20 })] })],
    });
  const table = new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((record) => new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(record[c.field] === null || record[c.field] === undefined ? '' : String(record[c.field]), i, false)) })),
    ],
  });
  const doc = new Document({
    creator: 'BMNN',
    title: p.template.title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself when the orientation is landscape.
            size: { width: A4.short, height: A4.long, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: MARGIN,
          },
        },
        headers: { default: new Header({ children: [centred([run(mark, { bold: true, size: 28, color: 'D00000' })])] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ font: FONT, size: 16, children: ['Trang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES, ` — In ngày ${p.printedAt} bởi ${p.printedBy}`] }),
                ],
              }),
            ],
          }),
        },
        children: [
          centred([run(p.template.title, { bold: true, size: 28 })]),
          centred([run(`${p.unitName} — Năm ${p.year}`, { size: 24 })]),
          centred([run(`${p.template.formNumber} (${p.template.basis.legalBasis})`, { italics: true, size: 20 })], 200),
          table,
          ...(rows.length === 0 ? [centred([run('(Sổ chưa có dòng nào)', { italics: true })])] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
