import { describe, expect, it } from 'vitest';
import { analyseStampLook, parsePnm } from '../src/ocr/stamp-look.ts';
import { isStampCandidate, lookCanMatter, parseTesseractTsv } from '../src/ocr/tesseract.ts';
import { getDefaultEngine } from '../src/scan/scan-file.ts';
import { createEngine } from '../src/engine/engine.ts';
import { RULES } from '../rules/index.ts';
import type { OcrPage } from '../src/extract/extract.types.ts';

function ppm(width: number, height: number, paint: (x: number, y: number) => [number, number, number]): Uint8Array {
  const header = Buffer.from(`P6\n${width} ${height}\n255\n`);
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 3);
  return Buffer.concat([header, data]);
}
const WHITE: [number, number, number] = [250, 250, 250];
const RED: [number, number, number] = [220, 20, 30];
const BLACK: [number, number, number] = [10, 10, 10];
const box = { left: 40, top: 40, width: 120, height: 20 };
const inBox = (x: number, y: number) => x >= 40 && x <= 160 && y >= 40 && y <= 60;
const letters = (x: number, y: number) => inBox(x, y) && x % 6 < 3;

describe('the look of a stamp on a scan', () => {
  it('sees red ink', () => {
    const image = parsePnm(ppm(200, 100, (x, y) => (letters(x, y) ? RED : WHITE)));
    expect(analyseStampLook(image!, box)).toEqual({ red: true, framed: false });
  });

  it('sees black ink as not red', () => {
    const image = parsePnm(ppm(200, 100, (x, y) => (letters(x, y) ? BLACK : WHITE)));
    expect(analyseStampLook(image!, box).red).toBe(false);
  });

  it('sees a frame ruled above and below the words, even slightly rotated', () => {
    const ruled = (x: number, y: number) => y === 33 + Math.floor(x / 60) || y === 66 + Math.floor(x / 60);
    const image = parsePnm(ppm(200, 100, (x, y) => (letters(x, y) || (ruled(x, y) && x >= 30 && x <= 170) ? RED : WHITE)));
    expect(analyseStampLook(image!, box)).toEqual({ red: true, framed: true });
  });

  it('does not take a neighbouring line of text for a frame', () => {
    const neighbour = (x: number, y: number) => y >= 20 && y <= 34 && x % 6 < 3;
    const image = parsePnm(ppm(200, 100, (x, y) => (letters(x, y) || neighbour(x, y) ? BLACK : WHITE)));
    expect(analyseStampLook(image!, box).framed).toBe(false);
  });
});

describe('lines worth measuring for the look of a stamp', () => {
  it('includes level words as OCR reads them, envelope letters and other marks', () => {
    for (const text of ['MẬT', 'TỐI MẶT', 'MAT', 'CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ', 'B', 'TÀI LIỆU THU HỒI', 'GIẢI MẬT']) expect(isStampCandidate(text)).toBe(true);
  });
  it('skips ordinary lines', () => {
    for (const text of ['Điều 1. Phê duyệt phương án kèm theo Quyết định này.', 'Số: 12/QĐ-UBND', 'MẬTTRẬN']) expect(isStampCandidate(text)).toBe(false);
  });
});

describe('tesseract output', () => {
  it('groups words into lines and splits two columns read as one line', () => {
    const row = (level: number, line: number, word: number, left: number, top: number, width: number, text: string) =>
      [level, 1, 1, 1, line, word, left, top, width, 20, 90, text].join('\t');
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      [1, 1, 0, 0, 0, 0, 0, 0, 1000, 1400, -1, ''].join('\t'),
      row(5, 1, 1, 100, 100, 60, 'MẬT'),
      row(5, 1, 2, 600, 100, 50, 'Bắc'),
      row(5, 1, 3, 660, 100, 60, 'Giang'),
      row(5, 2, 1, 100, 140, 80, 'QUYẾT'),
    ].join('\n');
    expect(parseTesseractTsv(tsv).lines.map((l) => l.text)).toEqual(['MẬT', 'Bắc Giang', 'QUYẾT']);
  });
});

describe('pages whose pixels are decoded for the look of a stamp', () => {
  const page = (...texts: string[]): OcrPage => ({
    width: 1000,
    height: 1400,
    lines: texts.map((text, i) => ({ text, confidence: 90, left: 100, top: 100 + 40 * i, width: 400, height: 30 })),
  });
  const engine = getDefaultEngine();
  const candidates = (p: OcrPage) => p.lines.filter((l) => isStampCandidate(l.text) && engine.matchesText(l.text));

  it('skips a page that only quotes the words in its text: no look would make them a stamp', () => {
    const p = page('ỦY BAN NHÂN DÂN TỈNH BẮC GIANG', 'Số: 12/UBND-VP', 'CÔNG VĂN', 'công tác bảo vệ bí mật nhà nước', 'Tài liệu mật phải được bảo quản');
    expect(candidates(p).length).toBeGreaterThan(0);
    expect(lookCanMatter(p, candidates(p), engine)).toBe(false);
  });

  it('decodes a page with a lone level word, where red ink or a frame adds evidence', () => {
    const p = page('ỦY BAN NHÂN DÂN TỈNH BẮC GIANG', 'Số: 12/UBND-VP', 'MẬT', 'CÔNG VĂN');
    expect(lookCanMatter(p, candidates(p), engine)).toBe(true);
  });

  it('decodes a page where only the look would make a line a finding (a framed recall stamp in lower case)', () => {
    const p = page('Nội dung', 'Tài liệu thu hồi');
    expect(lookCanMatter(p, candidates(p), engine)).toBe(true);
  });

  it('skips lines too unsure to be read at all (below the confidence the extractor keeps)', () => {
    const p = page('Số: 12/UBND-VP', 'MẬT');
    (p.lines[1] as { confidence: number }).confidence = 10;
    expect(lookCanMatter(p, candidates(p), engine)).toBe(false);
  });

  it('always decodes when a rule could lose a finding to red ink or a frame (a reject on a frame)', () => {
    const p = page('ỦY BAN NHÂN DÂN TỈNH BẮC GIANG', 'công tác bảo vệ bí mật nhà nước');
    expect(lookCanMatter(p, candidates(p), engine)).toBe(false);
    const levelStamp = RULES.find((r) => r.id === 'bmnn.level-stamp')!;
    const withReject = createEngine({ rules: [...RULES.filter((r) => r !== levelStamp), { ...levelStamp, reject: [...(levelStamp.reject ?? []), { type: 'framed' }] }] });
    expect(lookCanMatter(p, candidates(p), withReject)).toBe(true);
    const withNot = createEngine({ rules: [...RULES.filter((r) => r !== levelStamp), { ...levelStamp, require: [{ type: 'not', condition: { type: 'red' } }] }] });
    expect(lookCanMatter(p, candidates(p), withNot)).toBe(true);
  });
});
