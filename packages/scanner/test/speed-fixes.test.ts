// Tests for the changes made for speed and for two weaknesses of the legacy .doc reader:
// workers start without tsx's loader, PNG pixels are decoded in-process for the stamp look, and
// word-extractor's "undefined" for characters it does not map.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { binaryToUnicode, clean } from '../src/extract/word-extractor-fixes.ts';
import { decodePng, parsePnm } from '../src/ocr/stamp-look.ts';
import { createScanPool, workerExecArgv } from '../src/scan/pool.ts';
import { DEFAULT_LIMITS, extractFragments } from '../src/index.ts';
import { ruleMatchesOcrLine } from '../src/scan/scan-file.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');

describe('scanning workers', () => {
  it('drop only the tsx loader from the parent flags, in every spelling', () => {
    expect(workerExecArgv(['--import', 'tsx', '--max-old-space-size=512'])).toEqual(['--max-old-space-size=512']);
    expect(workerExecArgv(['--require', '/x/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///x/node_modules/tsx/dist/loader.mjs'])).toEqual([]);
    expect(workerExecArgv(['--import=tsx', '--conditions', 'development'])).toEqual(['--conditions', 'development']);
    expect(workerExecArgv(['-r', 'tsx/cjs', '--import', './other.mjs'])).toEqual(['--import', './other.mjs']);
  });

  it('inherit the parent flags as Node does when there is no tsx loader among them', () => {
    expect(workerExecArgv(['--enable-source-maps'])).toBeUndefined();
    expect(workerExecArgv([])).toBeUndefined();
  });

  it('read a PDF and an OOXML file in the same pool', { timeout: 60_000 }, async () => {
    const pool = createScanPool({ jobs: 1, limits: DEFAULT_LIMITS, ocr: false, cacheDir: undefined });
    try {
      const [pdf, docx, pdfAgain] = await Promise.all([
        pool.scan(join(CORPUS, 'p01-stamp-under-number.pdf')),
        pool.scan(join(CORPUS, 'p02-header-toi-mat.docx')),
        pool.scan(join(CORPUS, 'n02-lookalikes.pdf')),
      ]);
      expect([pdf.decision, pdf.findings[0]?.level, pdf.problems]).toEqual(['block', 'MAT', []]);
      expect([docx.decision, docx.findings[0]?.level, docx.problems]).toEqual(['block', 'TOI_MAT', []]);
      // The second document on the same (reused) PDFium instance is read on its own.
      expect([pdfAgain.decision, pdfAgain.findings, pdfAgain.problems]).toEqual(['pass', [], []]);
    } finally {
      await pool.close();
    }
  });
});

describe('PNG pixels for the stamp look', () => {
  const png = (width: number, height: number, rgba: (x: number, y: number) => [number, number, number, number]) => {
    const image = new PNG({ width, height });
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.data.set(rgba(x, y), (y * width + x) * 4);
    return PNG.sync.write(image);
  };

  it('are the same RGB values the PNG holds, transparency laid over white', () => {
    const image = decodePng(png(3, 2, (x, y) => (y === 0 ? [200, 10 * x, 30, 255] : [0, 0, 0, x === 0 ? 0 : 128])));
    expect(image && { width: image.width, height: image.height, channels: image.channels }).toEqual({ width: 3, height: 2, channels: 3 });
    expect([...(image?.data ?? [])]).toEqual([200, 0, 30, 200, 10, 30, 200, 20, 30, 255, 255, 255, 127, 127, 127, 127, 127, 127]);
  });

  it('are not decoded from what is not a PNG, is broken, or declares too many pixels', () => {
    expect(decodePng(Buffer.from('P6\n1 1\n255\nabc'))).toBeUndefined();
    const broken = Buffer.from(png(4, 4, () => [1, 2, 3, 255]));
    expect(decodePng(broken.subarray(0, 60))).toBeUndefined();
    const huge = Buffer.from(broken);
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(100_000, 20);
    expect(decodePng(huge)).toBeUndefined();
    // PNM is still read as it is.
    expect(parsePnm(Buffer.from('P6\n1 1\n255\nabc'))?.data[0]).toBe(0x61);
  });
});

describe('legacy Word (.doc) text', () => {
  it('keeps the TCVN3 "ư" that Word stores as an optional hyphen instead of writing "undefined"', async () => {
    const { fragments, problems } = await extractFragments({
      bytes: readFileSync(join(CORPUS, 'p20-tcvn3.doc')),
      name: 'p20-tcvn3.doc',
      limits: DEFAULT_LIMITS,
      ocr: undefined,
      signal: new AbortController().signal,
    });
    const text = fragments.map((f) => f.text).join('\n');
    expect(problems).toEqual([]);
    expect(text).not.toContain('undefined');
    expect(text).toContain('phương án bảo đảm an ninh');
  });

  it('maps every Windows-1252 code of 8-bit text pieces, leaving the five undefined ones as they are', () => {
    expect(binaryToUnicode('\x80 \x81\x8d\x8f\x90\x9d \x93x\x94 \x9f')).toBe('€ \x81\x8d\x8f\x90\x9d “x” Ÿ');
    expect(clean('ph\x1f¬ng')).toBe('ph\u00ad¬ng');
    expect(clean('a\x13 HYPERLINK x \x14b\x15c\x07')).toBe('abc\t');
  });
});

describe('which OCR lines need the stamp look measured', () => {
  it('those a rule pattern can match, as the engine reads them; not ordinary lines with "một"', () => {
    expect(ruleMatchesOcrLine('MẶT')).toBe(true);
    expect(ruleMatchesOcrLine('T Ố I   M Ậ T')).toBe(true);
    expect(ruleMatchesOcrLine('TµI LIÖU THU HåI')).toBe(true);
    expect(ruleMatchesOcrLine('một số nội dung cần triển khai')).toBe(false);
    expect(ruleMatchesOcrLine('Bắc Giang, ngày 05 tháng 3 năm 2026')).toBe(false);
  });
});
