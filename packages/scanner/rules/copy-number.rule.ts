import { defineRule } from '../src/engine/rule.types.ts';

// TT24 Mẫu 11 "BẢN SAO SỐ …" numbered on each copy of a state-secret document (R5.7).
export default defineRule({
  id: 'bmnn.copy-number',
  title: 'Dấu "Bản sao số"',
  description: 'Dấu "BẢN SAO SỐ …" (Mẫu 11, Thông tư 24/2020/TT-BCA) đánh số từng bản sao tài liệu bí mật nhà nước.',
  keywords: ['ban sao so'],
  pattern: '(?<!\\p{L})BẢN\\s*SAO\\s*SỐ\\s*[:：.]?\\s*\\d{1,4}(?!\\d)',
  ignoreCase: true,
  outcome: 'block',
  baseScore: 40,
  evidence: [
    { id: 'isolated', label: 'đứng riêng như một con dấu', when: { type: 'isolated' }, weight: 30 },
    { id: 'uppercase', label: 'viết hoa', when: { type: 'uppercase' }, weight: 20 },
    { id: 'framed', label: 'nằm trong khung', when: { type: 'framed' }, weight: 20 },
  ],
  thresholds: { report: 60, strong: 80 },
  examples: {
    match: ['BẢN SAO SỐ: 02', 'BẢN SAO SỐ 3', { lines: ['Bản sao số 1'], framed: true }, { lines: ['Bản sao số: 4'], expect: 'review' }],
    noMatch: ['Mỗi bản sao phải đóng dấu "Bản sao số" theo Mẫu 11.', 'Bản sao số hóa của hồ sơ', 'Theo bản sao số 12 của hợp đồng mua bán hàng hóa đã ký'],
  },
});
