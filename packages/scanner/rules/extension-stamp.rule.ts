import { defineRule } from '../src/engine/rule.types.ts';

// TT24 Mẫu 04: the extension stamp "GIA HẠN … ĐẾN …" applied when the protection period is
// extended (R9.2). Only the upper-case stamp counts: "gia hạn đến ngày" is ordinary prose.
export default defineRule({
  id: 'bmnn.extension-stamp',
  title: 'Dấu gia hạn thời hạn bảo vệ',
  description: 'Dấu "GIA HẠN" thời hạn bảo vệ bí mật nhà nước (Mẫu 04, Thông tư 24/2020/TT-BCA).',
  keywords: ['gia han'],
  pattern: '(?<!\\p{L})GIA\\s*HẠN(?:\\s*BẢO\\s*VỆ)?(?:\\s*(?:BMNN|BÍ\\s*MẬT\\s*NHÀ\\s*NƯỚC))?\\s*(?:[:：]|ĐẾN|TỚI)\\s*(?:NGÀY\\s*)?\\d',
  outcome: 'block',
  require: [{ type: 'short-line', chars: 60 }],
  baseScore: 50,
  evidence: [
    {
      id: 'secret-context',
      label: 'gần các chữ về bí mật nhà nước',
      when: { type: 'context', words: ['bmnn', 'bi mat nha nuoc', 'thoi han bao ve', 'mat'], lines: 3 },
      weight: 30,
    },
    { id: 'framed', label: 'nằm trong khung', when: { type: 'framed' }, weight: 30 },
  ],
  thresholds: { report: 50, strong: 80 },
  examples: {
    match: [
      { lines: ['THỜI HẠN BẢO VỆ BMNN', 'GIA HẠN ĐẾN 31/12/2045'] },
      { lines: ['GIA HẠN: 10 NĂM'], framed: true },
      { lines: ['GIA HẠN ĐẾN 01/01/2050'], expect: 'review' },
    ],
    noMatch: ['Hợp đồng được gia hạn đến ngày 30/6/2026', 'THÔNG BÁO VỀ VIỆC GIA HẠN NỘP HỒ SƠ DỰ TUYỂN ĐẾN NGÀY 15/7/2026 CHO CÁC THÍ SINH'],
  },
});
