// Scanning one file: hash, detect the type from the content, extract under limits (nested
// archives included), match, decide. Unreadable parts become problems; nothing here throws for a
// bad file.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createEngine, type Engine } from '../engine/engine.ts';
import { decideFile } from '../engine/decision.ts';
import { addProblem, ExtractionProblem, type ExtractContext, type OcrEngine } from '../extract/extract.types.ts';
import { detectFileType, getExtractor, isTypeMismatch } from '../extract/registry.ts';
import { RULES } from '../../rules/index.ts';
import { DEFAULT_LIMITS, type FileResult, type Fragment, type Limits, type Problem } from '../scanner.types.ts';
import type { ExtractionCache } from './cache.ts';
import { decodeTcvn3Text, decodeVniText, detectLegacyText, hasLegacyCharacters, scoreVietnamese } from '../text/legacy-encodings.ts';

export type ScanOptions = {
  limits?: Partial<Limits>;
  ocr?: OcrEngine | undefined;
  cache?: ExtractionCache | undefined;
  engine?: Engine;
};

let defaultEngine: Engine | undefined;
export function getDefaultEngine(): Engine {
  defaultEngine ??= createEngine({ rules: RULES });
  return defaultEngine;
}

/**
 * Whether a rule's pattern matches an OCR line as the engine will read it (TCVN3/VNI decoding
 * included). Only such lines can gain anything from the stamp's look (red ink, frame), which is
 * measured on the image: the other lines need no pixels decoded.
 */
export function ruleMatchesOcrLine(text: string, engine: Engine = getDefaultEngine()): boolean {
  if (engine.matchesText(text)) return true;
  const legacy = detectLegacyText(text);
  return legacy !== undefined && engine.matchesText(legacy.text);
}

export async function extractFragments({
  bytes,
  name,
  limits,
  ocr,
  signal,
}: {
  bytes: Uint8Array;
  name: string;
  limits: Limits;
  ocr: OcrEngine | undefined;
  signal: AbortSignal;
}): Promise<{ type: string; fragments: Fragment[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const budget = { expandedBytes: 0, textChars: 0, ocrPages: 0 };
  const makeContext = (container: string[], depth: number): ExtractContext => {
    const ctx: ExtractContext = {
      limits,
      container,
      depth,
      signal,
      problems,
      budget,
      ocr,
      extractNested: async (nested, memberName) => {
        const inner = makeContext([...container, memberName], depth + 1);
        if (depth + 1 > limits.maxDepth) {
          addProblem(inner, 'archive.too_deep', `Tệp lồng nhau quá ${limits.maxDepth} cấp, không đọc tiếp.`);
          return [];
        }
        if (nested.length > limits.maxFileBytes) {
          addProblem(inner, 'file.too_large', `Tệp con quá lớn (${nested.length} byte).`);
          return [];
        }
        const nestedType = detectFileType(nested, limits.maxEntries);
        try {
          if (isTypeMismatch(memberName, nestedType)) addProblem(inner, 'file.type_mismatch', `Tên tệp không khớp với nội dung thật (${nestedType}).`);
          return await (await getExtractor(nestedType)).extract(nested, inner);
        } catch (error) {
          if (error instanceof ExtractionProblem && error.code !== 'limit.time_exceeded') {
            addProblem(inner, error.code, error.message);
            return [];
          }
          throw error;
        }
      },
    };
    return ctx;
  };
  const type = detectFileType(bytes, limits.maxEntries);
  const ctx = makeContext([], 0);
  let fragments: Fragment[] = [];
  try {
    if (isTypeMismatch(name, type)) addProblem(ctx, 'file.type_mismatch', `Phần mở rộng của tên tệp không khớp với nội dung thật (${type}).`);
    fragments = await (await getExtractor(type)).extract(bytes, ctx);
  } catch (error) {
    if (error instanceof ExtractionProblem) addProblem(ctx, error.code, error.message, error.where);
    else addProblem(ctx, 'scan.internal_error', `Lỗi khi đọc tệp: ${(error as Error).message}`);
  }
  applyDocumentEncoding(fragments);
  let chars = 0;
  const kept: Fragment[] = [];
  for (const fragment of fragments) {
    chars += fragment.text.length;
    if (chars > limits.maxTextChars) {
      addProblem(ctx, 'limit.text_too_large', `Tệp có quá nhiều chữ; chỉ kiểm tra ${limits.maxTextChars} ký tự đầu.`);
      break;
    }
    kept.push(fragment);
  }
  return { type, fragments: kept, problems };
}

/**
 * A line too short to judge alone ("Sè: 12/Q§-UBND") is decoded like the rest of its document
 * when most of the document's lines were found to be TCVN3 (or VNI).
 */
export function applyDocumentEncoding(fragments: Fragment[]): void {
  const counts = { TCVN3: 0, VNI: 0 };
  for (const f of fragments) if (f.style?.legacyEncoding) counts[f.style.legacyEncoding]++;
  const encoding = counts.TCVN3 >= counts.VNI ? 'TCVN3' : 'VNI';
  if (counts[encoding] < 2) return;
  for (const f of fragments) {
    if (f.style?.legacyEncoding || f.style?.ocr || !hasLegacyCharacters(f.text)) continue;
    const decoded = encoding === 'TCVN3' ? decodeTcvn3Text(f.text) : decodeVniText(f.text);
    if (decoded !== f.text && scoreVietnamese(decoded).score >= scoreVietnamese(f.text).score) {
      f.text = decoded;
      f.style = { ...f.style, legacyEncoding: encoding };
    }
  }
}

/** Scans bytes already in memory. */
export async function scanBytes({ bytes, path, options = {} }: { bytes: Uint8Array; path: string; options?: ScanOptions }): Promise<FileResult> {
  const started = performance.now();
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const engine = options.engine ?? getDefaultEngine();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const readMs = performance.now() - started;
  let extraction: { type: string; fragments: Fragment[]; problems: Problem[] } | undefined;
  let cached = false;
  if (bytes.length > limits.maxFileBytes) {
    extraction = {
      type: 'unknown',
      fragments: [],
      problems: [{ code: 'file.too_large', message: `Tệp quá lớn (${bytes.length} byte, giới hạn ${limits.maxFileBytes} byte), không kiểm tra.` }],
    };
  } else {
    extraction = await options.cache?.get(sha256);
    cached = extraction !== undefined;
    if (!extraction) {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // Extractors check the signal between pages and parts; a library that never settles after
      // being cancelled must not hold the scan, so the deadline also wins the race on its own.
      const deadline = new Promise<{ type: string; fragments: Fragment[]; problems: Problem[] }>((resolve) => {
        timer = setTimeout(() => {
          controller.abort();
          resolve({
            type: detectFileType(bytes, limits.maxEntries),
            fragments: [],
            problems: [{ code: 'limit.time_exceeded', message: `Quá thời gian xử lý cho phép (${Math.round(limits.maxMillis / 1000)} giây) đối với tệp.` }],
          });
        }, limits.maxMillis);
      });
      try {
        extraction = await Promise.race([extractFragments({ bytes, name: path, limits, ocr: options.ocr, signal: controller.signal }), deadline]);
      } finally {
        clearTimeout(timer);
      }
      // Time-outs are not cached: a later scan with more time may read the file.
      if (options.cache && !extraction.problems.some((p) => p.code === 'limit.time_exceeded')) await options.cache.set(sha256, extraction);
    }
  }
  const extracted = performance.now();
  const findings = engine.findInFragments(extraction.fragments);
  const matched = performance.now();
  const result: FileResult = {
    path,
    sha256,
    size: bytes.length,
    type: extraction.type,
    decision: decideFile({ findings, problems: extraction.problems, rules: engine.rules }),
    findings,
    problems: extraction.problems,
    timings: {
      readMs: round(readMs),
      extractMs: round(extracted - started - readMs),
      matchMs: round(matched - extracted),
      totalMs: round(matched - started),
    },
  };
  if (cached) result.cached = true;
  return result;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Scans a file on disk. `syncRead` reads it with blocking calls: right in a worker thread that
 * does nothing else, where each asynchronous call is a round trip through libuv's thread pool.
 */
export async function scanFile({ path, options = {}, syncRead = false }: { path: string; options?: ScanOptions; syncRead?: boolean }): Promise<FileResult> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const info = syncRead ? statSync(path) : await stat(path);
  if (info.size > limits.maxFileBytes) {
    return {
      path,
      sha256: '',
      size: info.size,
      type: 'unknown',
      decision: 'review',
      findings: [],
      problems: [{ code: 'file.too_large', message: `Tệp quá lớn (${info.size} byte, giới hạn ${limits.maxFileBytes} byte), không kiểm tra.` }],
      timings: { readMs: 0, extractMs: 0, matchMs: 0, totalMs: 0 },
    };
  }
  const started = performance.now();
  const bytes = syncRead ? readFileSync(path) : await readFile(path);
  const readMs = performance.now() - started;
  const result = await scanBytes({ bytes, path, options });
  result.timings.readMs = round(result.timings.readMs + readMs);
  result.timings.totalMs = round(result.timings.totalMs + readMs);
  return result;
}
