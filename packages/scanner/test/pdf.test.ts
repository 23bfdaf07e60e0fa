// The PDF reader (PDFium): lines from character runs, red ink, and the memory cap on hostile files.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { itemsToLines } from '../src/extract/pdf.extractor.ts';
import { extractFragments, scanBytes } from '../src/scan/scan-file.ts';
import { DEFAULT_LIMITS } from '../src/scanner.types.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');

/**
 * A one-page PDF whose page content is `content` (Flate-compressed): F1 is Helvetica; F2 and F3 are
 * fonts named .VnTime and .VnTimeH (not embedded, WinAnsi), as a PDF printed from a TCVN3 Word file.
 */
function onePagePdf(content: Buffer, colour = '0 0 0'): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  const object = (n: number, body: Buffer) => {
    offsets[n] = length;
    const b = Buffer.concat([Buffer.from(`${n} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(b);
    length += b.length;
  };
  object(1, Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  object(2, Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'));
  object(3, Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >> >>'));
  const z = deflateSync(Buffer.concat([Buffer.from(`${colour} rg\n`), content]));
  object(4, Buffer.concat([Buffer.from(`<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`), z, Buffer.from('\nendstream')]));
  object(5, Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'));
  const widths = `/FirstChar 32 /LastChar 255 /Widths [${Array(224).fill(550).join(' ')}]`;
  object(6, Buffer.from(`<< /Type /Font /Subtype /TrueType /BaseFont /#2EVnTime /Encoding /WinAnsiEncoding ${widths} >>`));
  object(7, Buffer.from(`<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+#2EVnTimeH,Bold /Encoding /WinAnsiEncoding ${widths} >>`));
  const xref = length;
  const table = offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 8\n0000000000 65535 f \n${table}trailer\n<< /Size 8 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A PDF string of TCVN3 bytes (octal escapes for the bytes past ASCII). */
const tcvn3 = (text: string) => [...iconv.encode(text, 'tcvn')].map((b) => (b < 0x80 && b !== 0x28 && b !== 0x29 && b !== 0x5c ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`)).join('');

const page = (lines: string[]) => Buffer.from(lines.map((l, i) => `BT /F1 14 Tf 72 ${740 - i * 20} Td (${l}) Tj ET`).join('\n'));

describe('PDF text lines', () => {
  it('come top of the page first, and a column-wide gap on one baseline starts a new line', () => {
    const lines = itemsToLines([
      { str: 'CONG HOA', x: 300, y: 700, width: 80, height: 12 },
      { str: 'UY BAN', x: 60, y: 700, width: 50, height: 12 },
      { str: 'MAT', x: 60, y: 740, width: 30, height: 14, red: true },
      { str: 'So: 1/QD', x: 60, y: 720, width: 60, height: 12 },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['MAT', 'So: 1/QD', 'UY BAN', 'CONG HOA']);
    expect(lines[0]?.parts).toEqual([{ text: 'MAT', red: true }]);
  });

  it('of a real PDF are read with their colour: a red stamp is red, black text is not', async () => {
    const read = async (bytes: Buffer) => {
      const { fragments, problems } = await extractFragments({ bytes, name: 'a.pdf', limits: DEFAULT_LIMITS, ocr: undefined, signal: new AbortController().signal });
      expect(problems).toEqual([]);
      return fragments.map((f) => [f.text, f.location.page, f.location.line, f.style?.red === true]);
    };
    const lines = ['UY BAN NHAN DAN', 'So: 12/QD-UBND', 'TUYET MAT'];
    expect(await read(onePagePdf(page(lines), '0.9 0 0'))).toEqual(lines.map((l, i) => [l, 1, i + 1, true]));
    expect(await read(onePagePdf(page(lines)))).toEqual(lines.map((l, i) => [l, 1, i + 1, false]));
  });

  it('set at an angle (a stamp turned 90° or 45°) come out whole, each a line of its own', async () => {
    const content = Buffer.from(
      [
        'BT /F1 14 Tf 72 740 Td (UY BAN NHAN DAN) Tj ET',
        'BT /F1 20 Tf 0 1 -1 0 560 300 Tm (TOI MAT) Tj ET',
        'BT /F1 20 Tf 0.7071 0.7071 -0.7071 0.7071 300 300 Tm (M A T) Tj ET',
        'BT /F1 14 Tf 72 700 Td (So: 12/QD) Tj ET',
      ].join('\n'),
    );
    const { fragments } = await extractFragments({ bytes: onePagePdf(content), name: 'a.pdf', limits: DEFAULT_LIMITS, ocr: undefined, signal: new AbortController().signal });
    expect(fragments.map((f) => f.text).sort()).toEqual(['M A T', 'So: 12/QD', 'TOI MAT', 'UY BAN NHAN DAN']);
  });

  it('include invisible text (rendering mode 3, the text layer an OCR program lays over a scan)', async () => {
    const content = Buffer.from(['BT /F1 14 Tf 72 740 Td (UY BAN NHAN DAN) Tj ET', 'BT 3 Tr /F1 14 Tf 72 720 Td (TOI MAT) Tj ET'].join('\n'));
    const { fragments } = await extractFragments({ bytes: onePagePdf(content), name: 'a.pdf', limits: DEFAULT_LIMITS, ocr: undefined, signal: new AbortController().signal });
    expect(fragments.map((f) => f.text)).toEqual(['UY BAN NHAN DAN', 'TOI MAT']);
  });

  it('in .VnTime and .VnTimeH fonts are decoded by font: the TCVN3 capitals of .VnTimeH come back (a stamp typed in lower case codes)', async () => {
    const content = Buffer.from(
      [
        `BT /F2 13 Tf 72 740 Td (${tcvn3('ủy ban nhân dân tỉnh')}) Tj ET`,
        `BT /F2 13 Tf 72 720 Td (${tcvn3('Số: 12/QĐ-UBND')}) Tj ET`,
        `BT /F3 14 Tf 72 700 Td (${tcvn3('mật')}) Tj ET`,
        'BT /F1 13 Tf 72 680 Td (Quyet dinh) Tj ET',
      ].join('\n'),
      'latin1',
    );
    const bytes = onePagePdf(content);
    const { fragments } = await extractFragments({ bytes, name: 'a.pdf', limits: DEFAULT_LIMITS, ocr: undefined, signal: new AbortController().signal });
    expect(fragments.map((f) => [f.text, f.style?.legacyEncoding])).toEqual([
      ['ủy ban nhân dân tỉnh', 'TCVN3'],
      ['Số: 12/QĐ-UBND', 'TCVN3'],
      ['MẬT', 'TCVN3'],
      ['Quyet dinh', undefined],
    ]);
    const result = await scanBytes({ bytes, path: 'vntime.pdf' });
    expect([result.decision, result.findings[0]?.level]).toEqual(['block', 'MAT']);
  });

  it('keep their annotations and document information (golden files p07 and p26)', async () => {
    const annotated = await scanBytes({ bytes: readFileSync(join(CORPUS, 'p07-comment-level.pdf')), path: 'p07.pdf' });
    expect(annotated.findings.map((f) => [f.level, f.location.kind, f.location.part])).toEqual([['MAT', 'annotation', 'page 1 annotations']]);
    const info = await scanBytes({ bytes: readFileSync(join(CORPUS, 'p26-pdf-info.pdf')), path: 'p26.pdf' });
    expect(info.findings.map((f) => [f.level, f.location.kind, f.location.part])).toEqual([['TOI_MAT', 'property', 'metadata']]);
  });
});

describe('hostile PDFs', () => {
  it('a content stream that inflates past the memory limit is a problem on that file, and the next PDF still reads', async () => {
    // 2 KB on disk, 120 MB once inflated: more than the 64 MB allowed.
    const bomb = onePagePdf(Buffer.concat([page(['BOMB']), Buffer.alloc(120 * 1024 * 1024, 0x20)]));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const limits = { maxHeapMb: 64 };
    const result = await scanBytes({ bytes: bomb, path: 'bomb.pdf', options: { limits } });
    expect([result.decision, result.problems.map((p) => p.code)]).toEqual(['review', ['limit.memory_exceeded']]);
    const next = await scanBytes({ bytes: readFileSync(join(CORPUS, 'p01-stamp-under-number.pdf')), path: 'p01.pdf', options: { limits } });
    expect([next.decision, next.findings[0]?.level, next.problems]).toEqual(['block', 'MAT', []]);
  });

  it('a PDF without pages, or cut short before its page tree, is reported as corrupt, never passed', async () => {
    const noPages = Buffer.from(onePagePdf(page(['X'])).toString('latin1').replace('/Kids [3 0 R] /Count 1', '/Kids [] /Count 0'), 'latin1');
    const cut = onePagePdf(page(['X'])).subarray(0, 60);
    for (const bytes of [noPages, cut]) {
      const result = await scanBytes({ bytes, path: 'x.pdf' });
      expect([result.decision, result.problems.map((p) => p.code)]).toEqual(['review', ['file.corrupt']]);
    }
  });
});
