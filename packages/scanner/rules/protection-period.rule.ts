import { defineRule } from '../src/engine/rule.types.ts';

// TT24 Mẫu 04: the protection-period stamp "THỜI HẠN BẢO VỆ BMNN … đến …" (R9.1).
export default defineRule({
  id: 'bmnn.protection-period',
  title: 'Dấu thời hạn bảo vệ bí mật nhà nước',
  description: 'Dấu ghi thời hạn bảo vệ bí mật nhà nước (Mẫu 04, Thông tư 24/2020/TT-BCA).',
  keywords: ['thoi han bao ve'],
  pattern:
    'THỜI\\s*HẠN\\s*BẢO\\s*VỆ(?:\\s*(?:BMNN|BÍ\\s*MẬT\\s*NHÀ\\s*NƯỚC))?\\s*[:：]\\s*(?:(?:đến|tới)\\s*(?:hết\\s*)?(?:ngày\\s*)?)?\\d{1,4}',
  ignoreCase: true,
  outcome: 'block',
  baseScore: 40,
  evidence: [
    { id: 'short-line', label: 'dòng ngắn như một con dấu', when: { type: 'short-line', chars: 70 }, weight: 30 },
    { id: 'uppercase', label: 'viết hoa', when: { type: 'uppercase' }, weight: 20 },
    { id: 'framed', label: 'nằm trong khung', when: { type: 'framed' }, weight: 20 },
  ],
  thresholds: { report: 60, strong: 80 },
  examples: {
    match: [
      'THỜI HẠN BẢO VỆ BMNN: ĐẾN 31/12/2035',
      { lines: ['Thời hạn bảo vệ bí mật nhà nước: 10 năm'], expect: 'review' },
      { lines: ['Thời hạn bảo vệ: đến ngày 01/3/2040'], framed: true },
    ],
    noMatch: [
      'Thời hạn bảo vệ bí mật nhà nước là khoảng thời gian được tính từ ngày xác định độ mật',
      'Thời hạn bảo vệ: …………',
    ],
  },
});
