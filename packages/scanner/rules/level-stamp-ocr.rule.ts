import { defineRule } from '../src/engine/rule.types.ts';

// OCR reads the red stamp MẬT as MẶT, MÂT or MAT. The bare word is not enough: only the stamp's
// place and look (top of the page, under "Số: …", a frame, red ink) make it a marking. The exact
// spelling is left to bmnn.level-stamp.
export default defineRule({
  id: 'bmnn.level-stamp-ocr',
  title: 'Dấu chỉ độ mật (nhận dạng từ ảnh quét)',
  description:
    'Chữ nhận dạng (OCR) gần giống "TUYỆT MẬT", "TỐI MẬT", "MẬT" đứng riêng một dòng, ở vị trí và hình thức của con dấu độ mật.',
  keywords: ['mat'],
  pattern:
    '(?<!\\p{L})(?<level>TUY[ỆÊEẸÉỀ]T\\s*M[ẬẶÂĂAẠẤẦ]T|T[ỐÔOỔỒỘÓ]I\\s*M[ẬẶÂĂAẠẤẦ]T|M[ẬẶÂĂAẠẤẦ]T)(?!\\p{L})',
  level: 'from-match',
  outcome: 'block',
  require: [{ type: 'ocr' }, { type: 'isolated' }, { type: 'uppercase' }],
  reject: [
    { type: 'match-is', pattern: 'TUYỆT\\s*MẬT|TỐI\\s*MẬT|MẬT' },
    {
      type: 'neighbour-matches',
      pattern: '(?:TUY.T\\s*M.T|T.I\\s*M.T|M.T)',
      ignoreCase: true,
      lines: 2,
    },
  ],
  baseScore: 20,
  evidence: [
    { id: 'near-top', label: 'ở phần đầu trang', when: { type: 'near-top', lines: 12 }, weight: 30 },
    { id: 'under-number', label: 'ngay dưới dòng "Số: …"', when: { type: 'under-number', lines: 4 }, weight: 30 },
    { id: 'framed', label: 'nằm trong khung', when: { type: 'framed' }, weight: 30 },
    { id: 'red', label: 'màu đỏ của con dấu', when: { type: 'red' }, weight: 30 },
  ],
  thresholds: { report: 50, strong: 80 },
  examples: {
    match: [
      { lines: ['UBND TỈNH X', 'Số: 12/QĐ-UBND', 'MẶT', 'QUYẾT ĐỊNH'], ocr: true },
      { lines: ['Số: 45/BC-BCA', 'TỐI MẶT'], ocr: true },
      { lines: ['BÁO CÁO', 'MÂT'], ocr: true, expect: 'review' },
    ],
    noMatch: [
      { lines: ['MẶT TRẬN TỔ QUỐC', 'Số: 1/MT'], ocr: true },
      { lines: ['Số: 12/QĐ-UBND', 'MẶT'], note: 'not from OCR: a real "MẶT" heading' },
      { lines: ['Số: 12/QĐ-UBND', 'MẬT'], ocr: true, note: 'exact spelling is bmnn.level-stamp' },
      { lines: ['Số: 12/QĐ-UBND', 'mặt'], ocr: true },
    ],
  },
});
