import { defineRule } from '../src/engine/rule.types.ts';

// "Độ mật: Tối mật" — the level written as a field (forms, registers, e-document metadata,
// properties). A form that lists the choices, or a sentence about levels, is not a marking.
export default defineRule({
  id: 'bmnn.level-field',
  title: 'Dòng "Độ mật: …"',
  description: 'Độ mật được ghi thành trường "Độ mật: Tuyệt mật / Tối mật / Mật" trên văn bản hoặc trong thuộc tính tệp.',
  keywords: ['do mat'],
  pattern: '(?<!\\p{L})Độ\\s*mật\\s*[:：]\\s*(?<level>Tuyệt\\s*mật|Tối\\s*mật|Mật)(?!\\p{L})',
  ignoreCase: true,
  level: 'from-match',
  outcome: 'block',
  reject: [
    {
      type: 'line-matches',
      pattern: 'Độ\\s*mật\\s*[:：]\\s*(?:Tuyệt\\s*mật|Tối\\s*mật|Mật)\\s*(?:[,/;]|hoặc|và|\\(|-)\\s*(?:Tuyệt|Tối|Mật)',
      ignoreCase: true,
    },
  ],
  baseScore: 50,
  evidence: [
    { id: 'short-line', label: 'dòng ngắn, là một trường ghi độ mật', when: { type: 'short-line', chars: 60 }, weight: 40 },
    { id: 'property', label: 'trong thuộc tính tệp', when: { type: 'kind', kinds: ['property', 'field'] }, weight: 40 },
  ],
  thresholds: { report: 50, strong: 90 },
  examples: {
    match: [
      'Độ mật: Tối mật',
      'ĐỘ MẬT: TUYỆT MẬT',
      'Độ mật : Mật',
      { lines: ['Độ mật: Mật'], kind: 'property' },
      {
        lines: ['Theo báo cáo, tài liệu có độ mật: Mật và đã được gửi tới các đơn vị liên quan trong tỉnh để thực hiện'],
        expect: 'review',
      },
    ],
    noMatch: [
      'Độ mật: ………………',
      'Độ mật: Tuyệt mật, Tối mật hoặc Mật',
      'Độ mật: Tuyệt mật/Tối mật/Mật',
      'Mật độ: 300 người/km2',
      'xác định độ mật của bí mật nhà nước',
    ],
  },
});
