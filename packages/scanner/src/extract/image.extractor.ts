// Images (PNG, JPEG, TIFF, BMP, GIF): OCR in Vietnamese.

import type { Fragment } from '../scanner.types.ts';
import { addProblem, ensureNotAborted, type ExtractContext, type Extractor, type OcrPage } from './extract.types.ts';
import { ParagraphCollector } from './paragraphs.ts';

const MIN_CONFIDENCE = 30;

/** The fragments of one OCR'd page (only the container of `ctx` is used). */
export function ocrPageToFragments(page: OcrPage, ctx: Pick<ExtractContext, 'container'>, where: { part: string; page: number }): Fragment[] {
  const collector = new ParagraphCollector(ctx.container, where.part);
  let line = 0;
  for (const ocrLine of page.lines) {
    if (ocrLine.confidence < MIN_CONFIDENCE) continue;
    collector.start('ocr', { page: where.page });
    collector.append(ocrLine.text);
    const fragment = collector.end({ line: ++line });
    if (fragment) {
      fragment.style = { ...fragment.style, ocr: { confidence: Math.round(ocrLine.confidence) } };
      if (ocrLine.red) fragment.style.red = true;
      if (ocrLine.framed) fragment.style.framed = true;
    }
  }
  return collector.fragments;
}

export const imageExtractor: Extractor = {
  type: 'image',
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<Fragment[]> {
    if (!ctx.ocr) {
      addProblem(ctx, 'ocr.unavailable', 'Tệp ảnh cần nhận dạng chữ (OCR) nhưng không có công cụ tesseract với tiếng Việt.');
      return [];
    }
    if (ctx.budget.ocrPages >= ctx.limits.maxOcrPages) {
      addProblem(ctx, 'ocr.failed', `Vượt số ảnh được nhận dạng chữ (${ctx.limits.maxOcrPages}).`);
      return [];
    }
    ctx.budget.ocrPages++;
    try {
      const page = await ctx.ocr.recognize(bytes, ctx.signal);
      return ocrPageToFragments(page, ctx, { part: 'image', page: 1 });
    } catch (error) {
      ensureNotAborted(ctx);
      addProblem(ctx, 'ocr.failed', `Không nhận dạng được chữ trong ảnh: ${(error as Error).message}`);
      return [];
    }
  },
};
