import { defineRule } from '../src/engine/rule.types.ts';

// R7.3: the outer envelope of a Tuyệt mật / Tối mật / Mật item carries the letter A / B / C in a
// frame. A lone letter means nothing by itself: it must be framed and on an envelope.
export default defineRule({
  id: 'bmnn.envelope-mark',
  title: 'Ký hiệu độ mật trên bì (A, B, C)',
  description: 'Chữ "A", "B" hoặc "C" trong khung trên bì thư chứa bí mật nhà nước (Mẫu 03, Thông tư 24/2020/TT-BCA).',
  keywords: ['a', 'b', 'c'],
  pattern: '(?<![\\p{L}\\p{N}])(?<level>[ABC])(?![\\p{L}\\p{N}])',
  level: 'from-match',
  levelMap: { a: 'TUYET_MAT', b: 'TOI_MAT', c: 'MAT' },
  outcome: 'block',
  require: [{ type: 'isolated' }, { type: 'any', of: [{ type: 'framed' }, { type: 'ocr' }] }],
  baseScore: 20,
  evidence: [
    { id: 'framed', label: 'nằm trong khung', when: { type: 'framed' }, weight: 20 },
    {
      id: 'envelope',
      label: 'trên bì thư (nơi gửi, nơi nhận, bóc bì)',
      when: { type: 'context', words: ['noi gui', 'noi nhan', 'kinh gui', 'boc bi', 'bi thu', 'nguoi nhan'], lines: 8 },
      weight: 40,
    },
  ],
  thresholds: { report: 80, strong: 80 },
  examples: {
    match: [{ lines: ['Nơi gửi: Sở Nội vụ', 'Kính gửi: Công an tỉnh', 'A'], framed: true }],
    noMatch: [
      { lines: ['Câu 1: Đáp án đúng là', 'A'], framed: true },
      { lines: ['Nơi gửi: Sở Nội vụ', 'A'], note: 'not framed' },
      'Phụ lục A',
    ],
  },
});
