import { defineRule } from '../src/engine/rule.types.ts';

// TT24 Mẫu 09 "SAO BMNN" copy stamp (R5.4, R5.7). Ordinary clerical copy stamps ("SAO Y BẢN
// CHÍNH") are not state-secret marks and are not matched.
export default defineRule({
  id: 'bmnn.copy-stamp',
  title: 'Dấu sao bí mật nhà nước',
  description: 'Dấu "SAO BMNN" (Mẫu 09, Thông tư 24/2020/TT-BCA) đóng trên bản sao tài liệu bí mật nhà nước.',
  keywords: ['sao bmnn', 'sao bi mat nha nuoc'],
  pattern: '(?<!\\p{L})SAO\\s*(?:BMNN|BÍ\\s*MẬT\\s*NHÀ\\s*NƯỚC)(?!\\p{L})',
  outcome: 'block',
  baseScore: 50,
  evidence: [
    { id: 'isolated', label: 'đứng riêng như một con dấu', when: { type: 'isolated' }, weight: 30 },
    { id: 'framed', label: 'nằm trong khung', when: { type: 'framed' }, weight: 30 },
    {
      id: 'copy-fields',
      label: 'có các trường của dấu sao (hình thức sao, số bản)',
      when: { type: 'context', words: ['hinh thuc sao', 'so ban', 'thoi gian sao', 'nguoi sao', 'so:'], lines: 4 },
      weight: 20,
    },
  ],
  thresholds: { report: 70, strong: 80 },
  examples: {
    match: ['SAO BMNN', { lines: ['SAO BMNN', 'Số: 02', 'Hình thức sao: sao y bản chính'] }, { lines: ['SAO BÍ MẬT NHÀ NƯỚC Số 3'], framed: true }],
    noMatch: [
      'SAO Y BẢN CHÍNH',
      'Nghiêm cấm sao, chụp bí mật nhà nước trái phép',
      'việc sao bí mật nhà nước phải được cho phép',
      'THỐNG KÊ VIỆC SAO BMNN NĂM 2025 CỦA CÁC CƠ QUAN ĐƠN VỊ TRÊN ĐỊA BÀN TỈNH',
    ],
  },
});
