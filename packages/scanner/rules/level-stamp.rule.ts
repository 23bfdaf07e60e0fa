import { defineRule } from '../src/engine/rule.types.ts';

// TT24 Mẫu 02: the red stamp TUYỆT MẬT / TỐI MẬT / MẬT, alone on its line, near the top of the
// first page under "Số: …" (R4.5), also printed in headers and footers. A law that defines the
// three levels lists them together: that listing is rejected.
export default defineRule({
  id: 'bmnn.level-stamp',
  title: 'Dấu chỉ độ mật',
  description:
    'Dấu "TUYỆT MẬT", "TỐI MẬT" hoặc "MẬT" (Mẫu 02, Thông tư 24/2020/TT-BCA) đứng riêng một dòng, thường ở đầu trang, dưới số ký hiệu, ở đầu trang/chân trang hoặc trong khung.',
  keywords: ['mat'],
  pattern: '(?<!\\p{L})(?<level>TUYỆT\\s*MẬT|TỐI\\s*MẬT|MẬT)(?!\\p{L})',
  ignoreCase: true,
  level: 'from-match',
  outcome: 'block',
  require: [
    { type: 'isolated' },
    { type: 'any', of: [{ type: 'uppercase' }, { type: 'legacy' }, { type: 'framed' }, { type: 'red' }, { type: 'header-footer' }] },
  ],
  reject: [
    // The last word of a wrapped sentence ("… tối mật và" / "mật."), not a stamp.
    { type: 'all', of: [{ type: 'line-matches', pattern: '.*[.,;]$' }, { type: 'not', condition: { type: 'uppercase' } }] },
    {
      type: 'neighbour-matches',
      pattern: '(?:độ\\s*)?(?:TUYỆT\\s*MẬT|TỐI\\s*MẬT|MẬT)',
      ignoreCase: true,
      lines: 2,
    },
  ],
  baseScore: 30,
  evidence: [
    { id: 'uppercase', label: 'viết hoa như con dấu', when: { type: 'uppercase' }, weight: 30 },
    {
      id: 'legacy-capitals',
      label: 'chữ mã TCVN3/VNI (phông .VnTimeH in hoa)',
      when: { type: 'all', of: [{ type: 'legacy' }, { type: 'not', condition: { type: 'uppercase' } }] },
      weight: 30,
    },
    { id: 'near-top', label: 'ở phần đầu trang', when: { type: 'near-top', lines: 15 }, weight: 30 },
    { id: 'under-number', label: 'ngay dưới dòng "Số: …"', when: { type: 'under-number', lines: 4 }, weight: 20 },
    { id: 'header-footer', label: 'ở đầu trang/chân trang (header/footer)', when: { type: 'header-footer' }, weight: 40 },
    { id: 'framed', label: 'nằm trong khung', when: { type: 'framed' }, weight: 30 },
    { id: 'red', label: 'màu đỏ', when: { type: 'red' }, weight: 30 },
    { id: 'letter-spaced', label: 'chữ giãn cách', when: { type: 'letter-spaced' }, weight: 10 },
  ],
  thresholds: { report: 60, strong: 90 },
  examples: {
    match: [
      { lines: ['ỦY BAN NHÂN DÂN TỈNH X', 'Số: 12/QĐ-UBND', 'MẬT', 'QUYẾT ĐỊNH', 'Về việc phê duyệt phương án'] },
      { lines: ['BỘ CÔNG AN', 'Số: 45/BC-BCA', 'TUYỆT MẬT', 'BÁO CÁO'] },
      { lines: ['Số: 7/KH-UBND', 'TỐI MẬT'] },
      { lines: ['Số: 7/KH-UBND', 'T Ố I   M Ậ T'], note: 'letter-spaced' },
      { lines: ['Số: 3/TB', '“MẬT”'] },
      { lines: ['TỐI MẬT'], kind: 'header' },
      { lines: ['ủy ban nhân dân tỉnh', 'Số: 27/QĐ-UBND', 'mật'], legacy: 'TCVN3', note: '.VnTimeH capitals typed with lower-case codes' },
      { lines: ['MẬT'], kind: 'footer' },
      { lines: ['Nội dung', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'MẬT'], framed: true },
      { lines: ['Nội dung', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'MẬT'], expect: 'review', note: 'isolated upper case mid-document: ambiguous' },
    ],
    noMatch: [
      'MẶT TRẬN TỔ QUỐC VIỆT NAM',
      'Vui lòng đổi mật khẩu sau khi đăng nhập',
      'mật độ dân số của tỉnh',
      'Sản phẩm mật ong rừng U Minh',
      'thân mật gửi lời chào',
      'Bảo vệ bí mật kinh doanh của doanh nghiệp',
      'Tài liệu mật phải được bảo quản',
      { lines: ['Các độ mật gồm:', 'TUYỆT MẬT', 'TỐI MẬT', 'MẬT'], note: 'a training slide lists the levels' },
      { lines: ['Điều 8. Phân loại bí mật nhà nước', 'Bí mật nhà nước được phân loại theo ba độ: tuyệt mật, tối mật và mật.'] },
      { lines: ['Số: 12/QĐ-UBND', 'mật'], note: 'lower case, nothing else: too weak' },
      { lines: ['Số: 12/QĐ-UBND', 'MẶT'] },
      { lines: ['Bí mật nhà nước được phân loại thành ba độ: tuyệt mật, tối mật và', 'mật.'], legacy: 'TCVN3', note: 'a wrapped line of TCVN3 prose' },
    ],
  },
});
