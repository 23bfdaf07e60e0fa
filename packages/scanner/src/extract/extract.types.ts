import type { Fragment, Limits, Problem, ProblemCode } from '../scanner.types.ts';

/** Thrown by extractors for a file they cannot read; the scan turns it into a problem. */
export class ExtractionProblem extends Error {
  readonly code: ProblemCode;
  readonly where: string | undefined;
  constructor(code: ProblemCode, message: string, where?: string) {
    super(message);
    this.name = 'ExtractionProblem';
    this.code = code;
    this.where = where;
  }
}

export type OcrLine = {
  text: string;
  confidence: number;
  top: number;
  left: number;
  width: number;
  height: number;
  /** Measured on the image: red ink, a frame around the line. */
  red?: boolean;
  framed?: boolean;
};
export type OcrPage = { width: number; height: number; lines: OcrLine[] };

export type OcrEngine = {
  /** OCR of one image (PNG, JPEG, TIFF, BMP bytes). */
  recognize: (image: Uint8Array, signal: AbortSignal) => Promise<OcrPage>;
  /** Renders one PDF page (whose longest side is `longestSidePt` points) to an image and reads it. */
  recognizePdfPage: (pdf: Uint8Array, page: number, longestSidePt: number, signal: AbortSignal) => Promise<OcrPage>;
};

export type ExtractContext = {
  limits: Limits;
  /** Archive members leading here, outermost first. */
  container: string[];
  depth: number;
  signal: AbortSignal;
  problems: Problem[];
  /** Shared across one top-level file: decompressed bytes, text characters, OCR pages used. */
  budget: { expandedBytes: number; textChars: number; ocrPages: number };
  ocr: OcrEngine | undefined;
  /** Extracts a nested file (archive member) with the same limits. */
  extractNested: (bytes: Uint8Array, name: string) => Promise<Fragment[]>;
};

export type Extractor = {
  type: string;
  extract: (bytes: Uint8Array, ctx: ExtractContext) => Promise<Fragment[]>;
};

export function addProblem(ctx: ExtractContext, code: ProblemCode, message: string, where?: string): void {
  const problem: Problem = { code, message };
  const place = where ?? (ctx.container.length > 0 ? ctx.container.join(' › ') : undefined);
  if (place) problem.where = place;
  if (!ctx.problems.some((p) => p.code === problem.code && p.where === problem.where)) ctx.problems.push(problem);
}

export function ensureNotAborted(ctx: ExtractContext): void {
  if (ctx.signal.aborted) throw new ExtractionProblem('limit.time_exceeded', 'Quá thời gian xử lý cho phép đối với tệp.');
}
