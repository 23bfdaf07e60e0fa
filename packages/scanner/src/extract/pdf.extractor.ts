// PDF: the text layer (pdf.js), annotations and metadata; pages without a text layer go to OCR.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Fragment } from '../scanner.types.ts';
import { addProblem, ensureNotAborted, ExtractionProblem, type ExtractContext, type Extractor } from './extract.types.ts';
import { ocrPageToFragments } from './image.extractor.ts';
import { ParagraphCollector } from './paragraphs.ts';

type PdfTextItem = { str: string; transform: number[]; hasEOL?: boolean; height: number; width: number };

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: { lib: Pdfjs; worker: InstanceType<Pdfjs['PDFWorker']> } | undefined;

/**
 * pdf.js, loaded once per thread, with one (in-thread) pdf.js worker that every document of
 * this thread reuses: setting one up per document cost ~0.4 ms of CPU per small PDF.
 */
async function loadPdfjs() {
  if (!pdfjs) {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdfjs = { lib, worker: new lib.PDFWorker({ verbosity: 0 }) };
  }
  return pdfjs;
}

/** Groups text items into lines, top of the page first. */
export function itemsToLines(items: PdfTextItem[]): string[] {
  const lines: { y: number; x: number; text: string }[] = [];
  let current: { y: number; x: number; text: string; lastEnd: number; height: number } | undefined;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.height) || Math.abs(item.transform[3] ?? 10) || 10;
    if (current && Math.abs(current.y - y) > Math.max(2, Math.min(height, current.height) * 0.5)) {
      lines.push(current);
      current = undefined;
    }
    if (current && item.str.trim() && x - current.lastEnd > Math.max(height, current.height) * 2.5) {
      lines.push(current);
      current = undefined;
    }
    if (!current) current = { y, x, text: '', lastEnd: x, height };
    else if (item.str && x - current.lastEnd > height * 0.25 && !current.text.endsWith(' ') && !item.str.startsWith(' ')) {
      current.text += ' ';
    }
    current.text += item.str;
    current.lastEnd = x + item.width;
    if (item.hasEOL) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines
    .filter((l) => l.text.trim().length > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x)
    .map((l) => l.text);
}

export const pdfExtractor: Extractor = {
  type: 'pdf',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    const {
      lib: { getDocument },
      worker,
    } = await loadPdfjs();
    const collector = new ParagraphCollector(ctx.container, 'page');
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    const task = getDocument({
      data: new Uint8Array(bytes),
      worker,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
      standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
      cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
      cMapPacked: true,
    });
    const abort = () => void task.destroy();
    ctx.signal.addEventListener('abort', abort, { once: true });
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      ctx.signal.removeEventListener('abort', abort);
      ensureNotAborted(ctx);
      const name = (error as Error).name;
      if (name === 'PasswordException') throw new ExtractionProblem('file.encrypted', 'Tệp PDF được đặt mật khẩu, không đọc được nội dung.');
      throw new ExtractionProblem('file.corrupt', `Tệp PDF bị hỏng hoặc không đọc được (${(error as Error).message}).`);
    }
    try {
      const pages = Math.min(doc.numPages, ctx.limits.maxPdfPages);
      if (doc.numPages > pages) addProblem(ctx, 'file.too_large', `Tệp PDF có ${doc.numPages} trang; chỉ đọc ${pages} trang đầu.`);
      const fragments: Fragment[] = [];
      for (let number = 1; number <= pages; number++) {
        ensureNotAborted(ctx);
        const page = await doc.getPage(number);
        const content = await page.getTextContent();
        const lines = itemsToLines(content.items.filter((i) => 'str' in i) as unknown as PdfTextItem[]);
        const letters = lines.join('').replace(/\s/g, '').length;
        collector.setPart('page');
        lines.forEach((text, i) => {
          collector.start('body', { page: number });
          collector.append(text);
          collector.end({ line: i + 1 });
        });
        if (letters < 3) {
          if (!ctx.ocr) addProblem(ctx, 'ocr.unavailable', `Trang ${number} không có lớp chữ và không có công cụ nhận dạng chữ (OCR).`);
          else if (ctx.budget.ocrPages >= ctx.limits.maxOcrPages) addProblem(ctx, 'ocr.failed', `Vượt số trang được nhận dạng chữ (${ctx.limits.maxOcrPages}); trang ${number} chưa được đọc.`);
          else {
            ctx.budget.ocrPages++;
            try {
              const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
              const ocr = await ctx.ocr.recognizePdfPage(bytes, number, Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)), ctx.signal);
              fragments.push(...ocrPageToFragments(ocr, ctx, { part: 'page', page: number }));
            } catch (error) {
              ensureNotAborted(ctx);
              addProblem(ctx, 'ocr.failed', `Không nhận dạng được chữ ở trang ${number}: ${(error as Error).message}`);
            }
          }
        }
        const annotations = await page.getAnnotations();
        collector.setPart(`page ${number} annotations`);
        for (const annotation of annotations as { contentsObj?: { str?: string }; titleObj?: { str?: string }; fieldValue?: unknown }[]) {
          for (const text of [annotation.contentsObj?.str, annotation.titleObj?.str, typeof annotation.fieldValue === 'string' ? annotation.fieldValue : undefined]) {
            if (text && text.trim()) collector.add(text, 'annotation', { page: number });
          }
        }
        page.cleanup();
      }
      const meta = await doc.getMetadata().catch(() => undefined);
      const info = (meta?.info ?? {}) as Record<string, unknown>;
      collector.setPart('metadata');
      for (const key of ['Title', 'Subject', 'Keywords', 'Author']) {
        const value = info[key];
        if (typeof value === 'string' && value.trim()) collector.add(value, 'property');
      }
      const custom = info['Custom'];
      if (custom && typeof custom === 'object') {
        for (const [key, value] of Object.entries(custom as Record<string, unknown>)) {
          if (typeof value === 'string' && value.trim()) collector.add(`${key}: ${value}`, 'property');
        }
      }
      return [...collector.fragments, ...fragments];
    } finally {
      ctx.signal.removeEventListener('abort', abort);
      await task.destroy();
    }
  },
};
