import { createRequire } from 'node:module';
import type { StampTemplate } from '@bmnn/rules';
import { loadPdfKit } from '../../platform/lazy-modules.ts';

// Stamps and labels as A4 PDF pages (pdfkit, Tinos embedded so that Vietnamese prints and
// copies correctly). Each stamp is drawn at its size in millimetres from the stamp templates
// of @bmnn/rules, in red when it shows secrecy (LEGAL.md R4.5). The top of every page carries
// the level of the item it was printed for (R12.5), like the books.

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf');
const MM = 72 / 25.4;
const RED = '#d00000';

export type StampBlock = { stamp: StampTemplate; lines: string[]; caption?: string };
export type TextBlock = { heading?: string; paragraphs: string[] };

export type PrintablePage = {
  /** The secrecy mark at the top: the item's level, upper case. */
  mark: string;
  title: string;
  /** Lines under the title: number and symbol, agency, basis. */
  subtitle: string[];
  stamps: StampBlock[];
  text?: TextBlock[];
  /** Closing lines, e.g. the signature block of a Văn bản trích sao. */
  signature?: { left: string[]; right: string[] };
  footer: string;
};

/** Draws one stamp at its real size, its lines centred and shrunk to fit the frame. */
function drawStamp(doc: PDFKit.PDFDocument, block: StampBlock, x: number, y: number): number {
  const { stamp, lines } = block;
  const color = stamp.color === 'red' ? RED : '#000000';
  const width = stamp.widthMm * MM;
  const height = stamp.heightMm * MM;
  doc.save();
  doc.lineWidth(1).strokeColor(color);
  doc.rect(x, y, width, height).stroke();
  if (stamp.border === 'double') doc.rect(x + 1.6, y + 1.6, width - 3.2, height - 3.2).stroke();
  doc.fillColor(color).font('bold');
  const inner = width - 6;
  // The largest size (at most 14 pt) at which every line fits across and all lines fit down.
  let size = 14;
  while (size > 5 && (lines.some((l) => doc.fontSize(size).widthOfString(l) > inner) || lines.length * size * 1.15 > height - 4)) size -= 0.5;
  doc.fontSize(size);
  const blockHeight = lines.length * size * 1.15;
  let lineY = y + (height - blockHeight) / 2 + size * 0.1;
  lines.forEach((line, i) => {
    doc.font(i === 0 ? 'bold' : 'regular').fontSize(size);
    doc.text(line, x, lineY, { width, align: 'center', lineBreak: false });
    lineY += size * 1.15;
  });
  doc.restore();
  return height;
}

export async function buildPrintablePdf(page: PrintablePage): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4', margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM }, info: { Title: page.title, Author: 'BMNN', Creator: 'BMNN' } });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;

  doc.font('bold').fontSize(13).fillColor(RED);
  const markWidth = doc.widthOfString(page.mark) + 16;
  doc.rect(left + (usable - markWidth) / 2, doc.page.margins.top - 4, markWidth, 20).lineWidth(1.2).stroke(RED);
  doc.text(page.mark, left, doc.page.margins.top, { width: usable, align: 'center' });
  doc.fillColor('#000000');
  doc.moveDown(1.2);
  doc.font('bold').fontSize(14).text(page.title, left, doc.y, { width: usable, align: 'center' });
  doc.font('regular').fontSize(11);
  for (const line of page.subtitle) doc.text(line, left, doc.y, { width: usable, align: 'center' });
  let y = doc.y + 16;

  for (const block of page.stamps) {
    const height = drawStamp(doc, block, left + (usable - block.stamp.widthMm * MM) / 2, y);
    y += height + 6;
    if (block.caption) {
      doc.font('regular').fontSize(9).fillColor('#444444').text(block.caption, left, y, { width: usable, align: 'center' });
      doc.fillColor('#000000');
      y = doc.y + 14;
    } else {
      y += 12;
    }
  }

  doc.y = y;
  for (const section of page.text ?? []) {
    if (section.heading) doc.font('bold').fontSize(13).text(section.heading, left, doc.y, { width: usable, align: 'left' });
    doc.font('regular').fontSize(13);
    for (const p of section.paragraphs) doc.text(p, left, doc.y, { width: usable, align: 'justify', paragraphGap: 4 });
    doc.moveDown(0.5);
  }

  if (page.signature) {
    const top = doc.y + 12;
    const half = usable / 2;
    doc.font('regular').fontSize(11);
    page.signature.left.forEach((l, i) => doc.font(i === 0 ? 'bold' : 'regular').text(l, left, i === 0 ? top : doc.y, { width: half - 10 }));
    const afterLeft = doc.y;
    page.signature.right.forEach((l, i) => doc.font(i === 0 ? 'bold' : 'regular').text(l, left + half, i === 0 ? top : doc.y, { width: half, align: 'center' }));
    doc.y = Math.max(afterLeft, doc.y);
  }

  doc.font('regular').fontSize(8).fillColor('#000000').text(page.footer, left, doc.page.height - doc.page.margins.bottom - 8, { width: usable, align: 'center', lineBreak: false });
  doc.end();
  return done;
}
