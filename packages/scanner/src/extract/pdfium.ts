// PDFium (Chrome's PDF engine, compiled to WebAssembly by @embedpdf/pdfium), one instance per
// thread. Its memory is capped: a document that needs more fails with `PdfiumMemoryExceeded`, and
// an instance that failed or grew past the cap is dropped, so the next document gets a fresh one
// (WebAssembly memory never shrinks). See docs/decisions/0017-pdfium-for-pdf-text.md.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { init, type WrappedPdfiumModule } from '@embedpdf/pdfium';

const require = createRequire(import.meta.url);
const WASM_PATH = require.resolve('@embedpdf/pdfium/pdfium.wasm');
const PAGE = 65_536;

/** The raw exports called per character: through the wrapper each call would cost far more. */
type RawExports = {
  malloc: (size: number) => number;
  free: (ptr: number) => void;
  FPDFText_CountChars: (textPage: number) => number;
  FPDFText_GetUnicode: (textPage: number, index: number) => number;
  FPDFText_IsGenerated: (textPage: number, index: number) => number;
  FPDFText_GetLooseCharBox: (textPage: number, index: number, rect: number) => number;
  FPDFText_GetFillColor: (textPage: number, index: number, r: number, g: number, b: number, a: number) => number;
  FPDFText_GetCharAngle: (textPage: number, index: number) => number;
  FPDFText_GetTextObject: (textPage: number, index: number) => number;
  FPDFTextObj_GetFont: (textObject: number) => number;
  FPDFFont_GetBaseFontName: (font: number, buffer: number, length: number) => number;
  /** The instance's WebAssembly memory (structural type: not every tsconfig here has the WebAssembly lib). */
  memory: { buffer: ArrayBuffer; grow: (pages: number) => number };
};

export class PdfiumMemoryExceeded extends Error {}

export type Pdfium = {
  module: WrappedPdfiumModule;
  raw: RawExports;
  /** 32 bytes of scratch memory for out-parameters (a rectangle, a colour). */
  scratch: number;
  /** Bytes the instance may use; set per document. */
  capBytes: number;
  /** Set when a growth past the cap was refused: the failure that follows is the cap's. */
  refused: boolean;
  broken: boolean;
  views: { buffer: ArrayBuffer; u8: Uint8Array; u32: Uint32Array; f32: Float32Array } | undefined;
};

/** Views of the instance's memory, made again after the memory grew (its buffer is replaced). */
export function heap(pdfium: Pdfium): { u8: Uint8Array; u32: Uint32Array; f32: Float32Array } {
  const buffer = pdfium.raw.memory.buffer;
  if (pdfium.views?.buffer !== buffer) pdfium.views = { buffer, u8: new Uint8Array(buffer), u32: new Uint32Array(buffer), f32: new Float32Array(buffer) };
  return pdfium.views;
}

let wasmBinary: Buffer | undefined;
let current: Pdfium | undefined;
/** Memory the instance may keep between documents before it is dropped. */
const KEEP_BYTES = 64 * 1024 * 1024;

export async function getPdfium(capBytes: number): Promise<Pdfium> {
  if (current && (current.broken || current.raw.memory.buffer.byteLength > Math.min(KEEP_BYTES, capBytes))) current = undefined;
  if (!current) {
    wasmBinary ??= readFileSync(WASM_PATH);
    const module = await init({ wasmBinary, print: () => {}, printErr: () => {} } as Parameters<typeof init>[0]);
    module.PDFiumExt_Init();
    const raw = module.pdfium.wasmExports as unknown as RawExports;
    const instance: Pdfium = { module, raw, scratch: raw.malloc(32), capBytes, refused: false, broken: false, views: undefined };
    const memory = raw.memory;
    const grow = memory.grow.bind(memory);
    memory.grow = (pages: number) => {
      if (memory.buffer.byteLength + pages * PAGE > instance.capBytes) {
        instance.refused = true;
        throw new RangeError('PDFium memory cap reached');
      }
      return grow(pages);
    };
    current = instance;
  }
  current.capBytes = capBytes;
  current.refused = false;
  return current;
}

/**
 * Runs `work` against the instance; a WebAssembly trap (out of memory, a crash on a hostile file)
 * marks the instance broken and comes out as `PdfiumMemoryExceeded` when the cap caused it.
 */
export function guarded<T>(pdfium: Pdfium, work: () => T): T {
  try {
    return work();
  } catch (error) {
    pdfium.broken = true;
    if (pdfium.refused) throw new PdfiumMemoryExceeded('PDFium memory cap reached', { cause: error });
    throw error;
  }
}

/** Reads a UTF-16LE string that a PDFium function writes into a buffer it sizes first. */
export function readWide(pdfium: Pdfium, call: (buffer: number, length: number) => number): string {
  const length = call(0, 0);
  if (length <= 2) return '';
  const buffer = pdfium.raw.malloc(length);
  try {
    call(buffer, length);
    return pdfium.module.pdfium.UTF16ToString(buffer);
  } finally {
    pdfium.raw.free(buffer);
  }
}

/** Same for a UTF-8 (byte) string. */
export function readUtf8(pdfium: Pdfium, call: (buffer: number, length: number) => number): string {
  const length = call(0, 0);
  if (length <= 1) return '';
  const buffer = pdfium.raw.malloc(length);
  try {
    call(buffer, length);
    return pdfium.module.pdfium.UTF8ToString(buffer);
  } finally {
    pdfium.raw.free(buffer);
  }
}
