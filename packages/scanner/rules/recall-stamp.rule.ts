import { defineRule } from '../src/engine/rule.types.ts';

// TT24 Mẫu 07 "TÀI LIỆU THU HỒI" (R7.7): the item must be returned. It implies a secret item but
// not its level, so it asks for a review.
export default defineRule({
  id: 'bmnn.recall-stamp',
  title: 'Dấu "Tài liệu thu hồi"',
  description: 'Dấu "TÀI LIỆU THU HỒI" (Mẫu 07, Thông tư 24/2020/TT-BCA): tài liệu phải trả lại đúng hạn.',
  keywords: ['thu hoi'],
  pattern: 'TÀI\\s*LIỆU\\s*THU\\s*HỒI',
  ignoreCase: true,
  outcome: 'review',
  require: [{ type: 'isolated' }],
  baseScore: 40,
  evidence: [
    { id: 'uppercase', label: 'viết hoa như con dấu', when: { type: 'uppercase' }, weight: 30 },
    { id: 'framed', label: 'nằm trong khung', when: { type: 'framed' }, weight: 20 },
    { id: 'near-top', label: 'ở phần đầu trang', when: { type: 'near-top', lines: 15 }, weight: 10 },
  ],
  thresholds: { report: 70, strong: 70 },
  examples: {
    match: ['TÀI LIỆU THU HỒI', { lines: ['Tài liệu thu hồi'], framed: true }],
    noMatch: [
      'Tổ chức thu hồi tài liệu, vật chứa bí mật nhà nước khi người được phân công nghỉ hưu.',
      'Tài liệu thu hồi phải được trả lại đúng thời hạn ghi trên dấu.',
      'Tài liệu thu hồi',
    ],
  },
});
