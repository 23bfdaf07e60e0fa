import { getRuleSetFor } from '@bmnn/rules';
import { describe, expect, it } from 'vitest';
import { checkMapping, proposeMapping, readImportRows } from './register-import.read.ts';

describe('reading an old register', () => {
  it('proposes a mapping from headers written with or without accents, in any case, with longer names', () => {
    const mapping = proposeMapping(['STT', 'Ngày văn bản', 'NGAY DEN', 'Số, ký hiệu văn bản', 'Co quan ban hanh', 'Trích yếu nội dung văn bản', 'Độ mật', 'Số lượng (bản)', 'Đơn vị, người nhận', 'Ký nhận', 'Ghi chú']);
    expect(mapping).toEqual({ bookSerial: 0, documentDate: 1, date: 2, soKyHieu: 3, issuer: 4, trichYeu: 5, level: 6, copies: 7, holder: 8, notes: 10 });
  });

  it('leaves unknown headers unmapped and says which required field has no column', () => {
    const mapping = proposeMapping(['Cột A', 'Cột B']);
    expect(Object.values(mapping).every((v) => v === null)).toBe(true);
    expect(checkMapping({ mapping, columns: 2, book: 'DEN' }).map((p) => p.message)).toEqual([
      'Chưa chọn cột cho "Số, ký hiệu" (bắt buộc)',
      'Chưa chọn cột cho "Ngày vào sổ" (bắt buộc)',
      'Chưa chọn cột cho "Độ mật" (bắt buộc)',
      'Chưa chọn cột cho "Cơ quan ban hành, nơi gửi" (bắt buộc)',
    ]);
    expect(checkMapping({ mapping: { soKyHieu: 0, date: 0, level: 5 }, columns: 2, book: 'DI' }).map((p) => p.message)).toEqual(['Cột số 1 đã dùng cho "Số, ký hiệu"', 'Cột số 6 không có trong tệp']);
  });

  it('R7.2: a Tuyệt mật row with a summary is refused under both regimes; without a summary it is read', () => {
    const rows = [
      { row: 2, cells: ['1/BQP', '01/02/2025', 'Tuyệt mật', 'Kế hoạch'] },
      { row: 3, cells: ['2/BQP', '01/02/2025', 'tuyet mat', ''] },
    ];
    for (const date of ['2025-06-01', '2026-06-01']) {
      const { lines, problems } = readImportRows({ rows, mapping: { soKyHieu: 0, date: 1, level: 2, trichYeu: 3 }, book: 'DI', ruleSet: getRuleSetFor({ date }), today: '2026-11-23' });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ row: 2, column: 'Trích yếu' });
      expect(lines.map((l) => [l.row, l.level, l.trichYeu])).toEqual([[3, 'TUYET_MAT', null]]);
    }
  });
});
