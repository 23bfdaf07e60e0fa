import { defineRule } from '../src/engine/rule.types.ts';

// TT24 Mẫu 07 stamp on the inner envelope of a Tuyệt mật item sent to a named person (R7.3).
// Quoting it inside a sentence (laws, training) is not the stamp.
export default defineRule({
  id: 'bmnn.named-recipient-only',
  title: 'Dấu "Chỉ người có tên mới được bóc bì"',
  description: 'Dấu trên bì trong của tài liệu Tuyệt mật gửi đích danh (Mẫu 07, Thông tư 24/2020/TT-BCA).',
  keywords: ['boc bi'],
  pattern: 'Chỉ\\s*người\\s*có\\s*tên\\s*mới\\s*được\\s*bóc\\s*bì',
  ignoreCase: true,
  level: 'TUYET_MAT',
  outcome: 'block',
  baseScore: 40,
  evidence: [
    { id: 'isolated', label: 'đứng riêng như một con dấu', when: { type: 'isolated' }, weight: 40 },
    { id: 'uppercase', label: 'viết hoa', when: { type: 'uppercase' }, weight: 10 },
    { id: 'framed', label: 'nằm trong khung', when: { type: 'framed' }, weight: 20 },
  ],
  thresholds: { report: 70, strong: 80 },
  examples: {
    match: ['CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ', 'Chỉ người có tên mới được bóc bì', { lines: ['Chỉ người có tên mới được bóc bì.'], framed: true }],
    noMatch: [
      'Nếu bì trong có dấu "Chỉ người có tên mới được bóc bì" thì văn thư chuyển ngay đến người có tên.',
      'người có tên trong danh sách mới được nhận bì thư',
    ],
  },
});
