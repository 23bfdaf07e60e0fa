import { defineRule } from '../src/engine/rule.types.ts';

// TT24 Mẫu 05 "GIẢI MẬT / Từ: …" (R9.4, R9.5): the document was declassified. The old level stamp
// is still on it, so the file goes to review rather than block.
export default defineRule({
  id: 'bmnn.declassified',
  title: 'Dấu "Giải mật"',
  description: 'Dấu "GIẢI MẬT" (Mẫu 05, Thông tư 24/2020/TT-BCA): tài liệu đã được giải mật, cần người kiểm tra xác nhận.',
  keywords: ['giai mat'],
  pattern: '(?<!\\p{L})GIẢI\\s*MẬT(?!\\p{L})',
  outcome: 'review',
  downgradesBlocks: true,
  require: [{ type: 'isolated' }],
  baseScore: 50,
  evidence: [
    {
      id: 'from-date',
      label: 'kèm dòng "Từ: ngày …"',
      when: { type: 'neighbour-matches', pattern: 'Từ\\s*[:：]\\s*.{0,20}\\d.*', ignoreCase: true, lines: 1 },
      weight: 30,
    },
    { id: 'framed', label: 'nằm trong khung', when: { type: 'framed' }, weight: 30 },
  ],
  thresholds: { report: 50, strong: 50 },
  examples: {
    match: [{ lines: ['GIẢI MẬT', 'Từ: 15/3/2026'] }, 'GIẢI MẬT'],
    noMatch: ['Điều 22. Giải mật', 'Tài liệu đã được giải mật theo quyết định số 5/QĐ', 'HỘI ĐỒNG GIẢI MẬT TÀI LIỆU LƯU TRỮ'],
  },
});
