// PDF: the text layer (PDFium), annotations and metadata; pages without a text layer go to OCR.
// PDFium gives every character with its box and fill colour; characters are gathered into runs,
// runs into lines (top of the page first), so position rules and the red-ink evidence work as
// for office files.

import type { Fragment } from '../scanner.types.ts';
import { addProblem, ensureNotAborted, ExtractionProblem, type ExtractContext, type Extractor } from './extract.types.ts';
import { ocrPageToFragments } from './image.extractor.ts';
import { getFontEncoding } from '../text/legacy-encodings.ts';
import { isRedRgb, ParagraphCollector } from './paragraphs.ts';
import { getPdfium, guarded, heap, type Pdfium, PdfiumMemoryExceeded, readUtf8, readWide } from './pdfium.ts';

/** A run of characters on one baseline, in page coordinates (y grows upwards). */
/** `alone`: rotated text, a line of its own whatever its position. */
export type PdfTextItem = { str: string; x: number; y: number; width: number; height: number; red?: boolean; font?: string; hasEOL?: boolean; alone?: boolean };
type Part = { text: string; red: boolean; font?: string };
export type PdfLine = { text: string; parts: Part[] };

const partOf = (item: PdfTextItem): Part => (item.font === undefined ? { text: item.str, red: item.red === true } : { text: item.str, red: item.red === true, font: item.font });

/** Groups text runs into lines, top of the page first; a wide gap or a jump back starts a new line (columns). */
export function itemsToLines(items: PdfTextItem[]): PdfLine[] {
  type Open = { y: number; x: number; parts: Part[]; lastEnd: number; height: number };
  const lines: Open[] = [];
  let current: Open | undefined;
  const text = (l: Open) => l.parts.map((p) => p.text).join('');
  for (const item of items) {
    const height = Math.abs(item.height) || 10;
    if (item.alone) {
      if (current) lines.push(current);
      lines.push({ y: item.y, x: item.x, parts: [partOf(item)], lastEnd: item.x + item.width, height });
      current = undefined;
      continue;
    }
    if (current && Math.abs(current.y - item.y) > Math.max(2, Math.min(height, current.height) * 0.5)) {
      lines.push(current);
      current = undefined;
    }
    // A wide gap (another column) or a jump back to the left on the same baseline: another line.
    const gap = current ? item.x - current.lastEnd : 0;
    if (current && item.str.trim() && (gap > Math.max(height, current.height) * 2.5 || gap < -Math.max(height, current.height))) {
      lines.push(current);
      current = undefined;
    }
    if (!current) current = { y: item.y, x: item.x, parts: [], lastEnd: item.x, height };
    else if (item.str && item.x - current.lastEnd > height * 0.25 && !text(current).endsWith(' ') && !item.str.startsWith(' ')) {
      current.parts.push({ text: ' ', red: false });
    }
    current.parts.push(partOf(item));
    current.lastEnd = item.x + item.width;
    if (item.hasEOL) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines
    .filter((l) => text(l).trim().length > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x)
    .map((l) => ({ text: text(l), parts: l.parts }));
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * A PDF font's name as the legacy-encoding table knows it: without the subset tag
 * ("ABCDEF+.VnTimeH") or Windows' style suffix (".VnTimeH,Bold").
 */
export function plainFontName(name: string): string {
  return name.replace(/^[A-Z]{6}\+/, '').replace(/[,-](?:Bold|Italic|BoldItalic|Regular|Oblique|BoldOblique)$/i, '');
}

/** Which legacy decoding a font asks for: runs are cut where it changes. */
const encodingKey = (font: string | undefined) => {
  const encoding = getFontEncoding(font);
  return encoding ? `${encoding.encoding}${encoding.upper ? '-upper' : ''}` : '';
};

/** Radians off the horizontal below which a character counts as upright. */
const UPRIGHT = 0.05;
const isUpright = (angle: number) => angle < 0 || angle <= UPRIGHT || angle >= 2 * Math.PI - UPRIGHT;

/**
 * The characters of one page as runs: a run ends at a line break, a jump or a change of colour.
 * Rotated text (a stamp set at an angle, a margin note) is gathered along its own direction into
 * runs that stand as lines of their own.
 */
export function pageItems(pdfium: Pdfium, textPage: number): PdfTextItem[] {
  const { raw, scratch } = pdfium;
  const count = raw.FPDFText_CountChars(textPage);
  const items: PdfTextItem[] = [];
  // Fonts by text object: characters of one object share its font, so names are read once each.
  let lastObject = -1;
  let font: string | undefined;
  let red = false;
  let angle = 0;
  let encoding = '';
  const fontNames = new Map<number, string | undefined>();
  type Run = PdfTextItem & { angle: number; lastCx: number; lastCy: number; encoding: string };
  let run: Run | undefined;
  const close = (eol: boolean) => {
    if (run) {
      if (eol || !isUpright(run.angle)) run.hasEOL = true;
      if (!isUpright(run.angle)) run.alone = true;
      const { angle: _angle, lastCx: _x, lastCy: _y, encoding: _encoding, ...item } = run;
      items.push(item);
    }
    run = undefined;
  };
  for (let i = 0; i < count; i++) {
    const code = raw.FPDFText_GetUnicode(textPage, i);
    if (raw.FPDFText_IsGenerated(textPage, i) === 1) {
      // PDFium's own line breaks and word spaces, inferred from the layout. Rotated text is
      // broken by its own direction below, not by PDFium's horizontal line breaks.
      if ((code === CR || code === LF) && (!run || isUpright(run.angle))) close(true);
      else if (run && code === 0x20 && !run.str.endsWith(' ')) run.str += ' ';
      continue;
    }
    if (code === CR || code === LF || code === 0 || code === 0xfffe) continue;
    raw.FPDFText_GetLooseCharBox(textPage, i, scratch);
    const { f32, u32 } = heap(pdfium);
    const left = f32[scratch >> 2] as number;
    const top = f32[(scratch >> 2) + 1] as number;
    const right = f32[(scratch >> 2) + 2] as number;
    const bottom = f32[(scratch >> 2) + 3] as number;
    // Colour, angle and font belong to the text object: read once per object, not per character.
    const object = raw.FPDFText_GetTextObject(textPage, i);
    if (object !== lastObject || object === 0) {
      lastObject = object;
      raw.FPDFText_GetFillColor(textPage, i, scratch, scratch + 4, scratch + 8, scratch + 12);
      red = isRedRgb(u32[scratch >> 2] as number, u32[(scratch >> 2) + 1] as number, u32[(scratch >> 2) + 2] as number);
      angle = raw.FPDFText_GetCharAngle(textPage, i);
      const handle = object ? raw.FPDFTextObj_GetFont(object) : 0;
      if (!fontNames.has(handle)) fontNames.set(handle, handle ? plainFontName(readUtf8(pdfium, (buffer, length) => raw.FPDFFont_GetBaseFontName(handle, buffer, length))) || undefined : undefined);
      encoding = encodingKey((font = fontNames.get(handle)));
    }
    const upright = isUpright(angle);
    const height = upright ? Math.abs(top - bottom) || 10 : Math.max(Math.abs(top - bottom), Math.abs(right - left)) || 10;
    const cx = (left + right) / 2;
    const cy = (top + bottom) / 2;
    const char = String.fromCodePoint(code);
    if (run) {
      if (upright !== isUpright(run.angle) || red !== run.red || encoding !== run.encoding) close(false);
      else if (upright) {
        const gap = left - (run.x + run.width);
        const sameLine = Math.abs(run.y - bottom) <= Math.max(1, Math.min(height, run.height) * 0.5);
        // A letter-spaced word ("M Ậ T") keeps its gaps; only a column-wide jump ends the run.
        if (!sameLine || gap < -height || gap > Math.max(height, run.height) * 2.5) close(false);
        else if (gap > height * 0.25 && code !== 0x20 && !run.str.endsWith(' ')) run.str += ' ';
      } else {
        // Along a rotated baseline: the same angle, and the next character close to the last one.
        const step = Math.hypot(cx - run.lastCx, cy - run.lastCy);
        if (Math.abs(angle - run.angle) > UPRIGHT || step > Math.max(height, run.height) * 2.5) close(false);
        else if (step > Math.max(height, run.height) * 0.9 && code !== 0x20 && !run.str.endsWith(' ')) run.str += ' ';
      }
    }
    if (!run) {
      run = { str: '', x: left, y: upright ? bottom : cy, width: 0, height, red, angle, lastCx: cx, lastCy: cy, encoding };
      if (encoding && font) run.font = font;
    }
    run.str += char;
    run.width = Math.max(run.width, right - run.x);
    run.height = Math.max(run.height, height);
    run.lastCx = cx;
    run.lastCy = cy;
  }
  close(false);
  return items;
}

function memoryProblem(ctx: ExtractContext): ExtractionProblem {
  return new ExtractionProblem('limit.memory_exceeded', `Vượt giới hạn bộ nhớ (${ctx.limits.maxHeapMb} MB) khi đọc tệp PDF.`);
}

export const pdfExtractor: Extractor = {
  type: 'pdf',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const pdfium = await getPdfium(ctx.limits.maxHeapMb * 1024 * 1024);
    const { module: m, raw } = pdfium;
    const collector = new ParagraphCollector(ctx.container, 'page');
    const fragments: Fragment[] = [];
    const pages: { number: number; longestSide: number }[] = [];
    let data = 0;
    let doc = 0;
    try {
      guarded(pdfium, () => {
        data = raw.malloc(bytes.length);
        if (!data) throw new PdfiumMemoryExceeded('no memory for the file');
        heap(pdfium).u8.set(bytes, data);
        doc = m.FPDF_LoadMemDocument(data, bytes.length, '');
      });
      if (!doc) {
        const error = m.FPDF_GetLastError();
        if (error === 4) throw new ExtractionProblem('file.encrypted', 'Tệp PDF được đặt mật khẩu, không đọc được nội dung.');
        throw new ExtractionProblem('file.corrupt', `Tệp PDF bị hỏng hoặc không đọc được (mã lỗi PDFium ${error}).`);
      }
      const pageCount = m.FPDF_GetPageCount(doc);
      if (pageCount <= 0) throw new ExtractionProblem('file.corrupt', 'Tệp PDF bị hỏng hoặc không đọc được (không có trang nào).');
      const count = Math.min(pageCount, ctx.limits.maxPdfPages);
      if (pageCount > count) addProblem(ctx, 'file.too_large', `Tệp PDF có ${pageCount} trang; chỉ đọc ${count} trang đầu.`);
      for (let number = 1; number <= count; number++) {
        ensureNotAborted(ctx);
        const annotations: string[] = [];
        const lines = guarded(pdfium, () => {
          const page = m.FPDF_LoadPage(doc, number - 1);
          if (!page) return undefined;
          try {
            const textPage = m.FPDFText_LoadPage(page);
            const items = textPage ? pageItems(pdfium, textPage) : [];
            if (textPage) m.FPDFText_ClosePage(textPage);
            for (let i = 0, n = m.FPDFPage_GetAnnotCount(page); i < n; i++) {
              const annotation = m.FPDFPage_GetAnnot(page, i);
              if (!annotation) continue;
              for (const key of ['Contents', 'T', 'V']) {
                const value = readWide(pdfium, (buffer, length) => m.FPDFAnnot_GetStringValue(annotation, key, buffer, length));
                if (value.trim()) annotations.push(value);
              }
              m.FPDFPage_CloseAnnot(annotation);
            }
            pages.push({ number, longestSide: Math.max(m.FPDF_GetPageWidthF(page), m.FPDF_GetPageHeightF(page)) });
            return itemsToLines(items);
          } finally {
            m.FPDF_ClosePage(page);
          }
        });
        if (!lines) {
          addProblem(ctx, 'file.corrupt', `Không đọc được trang ${number} của tệp PDF.`);
          continue;
        }
        collector.setPart('page');
        lines.forEach((line, i) => {
          collector.start('body', { page: number });
          for (const part of line.parts) collector.append(part.text, part.font === undefined ? { red: part.red } : { red: part.red, font: part.font });
          collector.end({ line: i + 1 });
        });
        collector.setPart(`page ${number} annotations`);
        for (const text of annotations) collector.add(text, 'annotation', { page: number });
        const letters = lines.reduce((a, l) => a + l.text.replace(/\s/g, '').length, 0);
        if (letters < 3) await ocrPage(ctx, bytes, number, pages.at(-1)?.longestSide ?? 792, fragments);
      }
      collector.setPart('metadata');
      guarded(pdfium, () => {
        for (const custom of [false, true]) {
          for (let i = 0, n = m.EPDF_GetMetaKeyCount(doc, custom); i < n; i++) {
            const key = readUtf8(pdfium, (buffer, length) => m.EPDF_GetMetaKeyName(doc, i, custom, buffer, length));
            if (!custom && !STANDARD_KEYS.has(key)) continue;
            const value = readWide(pdfium, (buffer, length) => m.FPDF_GetMetaText(doc, key, buffer, length));
            if (value.trim()) collector.add(custom ? `${key}: ${value}` : value, 'property');
          }
        }
      });
      return [...collector.fragments, ...fragments];
    } catch (error) {
      if (error instanceof PdfiumMemoryExceeded) throw memoryProblem(ctx);
      if (error instanceof ExtractionProblem) throw error;
      ensureNotAborted(ctx);
      throw new ExtractionProblem('file.corrupt', `Tệp PDF bị hỏng hoặc không đọc được (${(error as Error).message}).`);
    } finally {
      if (!pdfium.broken) {
        if (doc) m.FPDF_CloseDocument(doc);
        if (data) raw.free(data);
      }
    }
  },
};

/** Document information keys read as text; dates, producer and the like are left out. */
const STANDARD_KEYS = new Set(['Title', 'Subject', 'Keywords', 'Author']);

async function ocrPage(ctx: ExtractContext, bytes: Uint8Array, number: number, longestSide: number, out: Fragment[]): Promise<void> {
  if (!ctx.ocr) addProblem(ctx, 'ocr.unavailable', `Trang ${number} không có lớp chữ và không có công cụ nhận dạng chữ (OCR).`);
  else if (ctx.budget.ocrPages >= ctx.limits.maxOcrPages) addProblem(ctx, 'ocr.failed', `Vượt số trang được nhận dạng chữ (${ctx.limits.maxOcrPages}); trang ${number} chưa được đọc.`);
  else {
    ctx.budget.ocrPages++;
    try {
      const ocr = await ctx.ocr.recognizePdfPage(bytes, number, longestSide, ctx.signal);
      out.push(...ocrPageToFragments(ocr, ctx, { part: 'page', page: number }));
    } catch (error) {
      ensureNotAborted(ctx);
      addProblem(ctx, 'ocr.failed', `Không nhận dạng được chữ ở trang ${number}: ${(error as Error).message}`);
    }
  }
}
