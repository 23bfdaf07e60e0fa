import { describe, expect, it } from 'vitest';
import { DEFAULT_RECORD_TEMPLATES, DEFAULT_STAMPS, RECORD_KINDS, STAMP_KINDS, fillStampLines, fillTemplateText, findRecordTemplateFor, findStampFor } from './printables.data.ts';
import { RULE_SET_2025 } from './rule-set.ts';
import { describeRuleSetChange, formatRuleSetPath } from './rule-set.labels.ts';
import { listRuleSetChanges } from './rule-set.ts';

describe('stamps as data (A4)', () => {
  it('R9.5: the "Giải mật" stamp is 30 × 13 mm with a double border, "GIẢI MẬT" then "Từ: <date>", red', () => {
    const stamp = findStampFor({ kind: 'DECLASSIFIED', date: '2025-05-01' })!;
    expect(stamp).toMatchObject({ formNumber: 'Mẫu 05', widthMm: 30, heightMm: 13, border: 'double', color: 'red' });
    expect(stamp.basis.confirmed).toBe(true);
    expect(fillStampLines(stamp, { DATE: '05/01/2025' })).toEqual(['GIẢI MẬT', 'Từ: 05/01/2025']);
  });

  it('A4: every stamp has a template for the 2020 and the 2026 regime, the unconfirmed ones with a note', () => {
    for (const kind of STAMP_KINDS) {
      expect(findStampFor({ kind, date: '2025-12-31' })?.family).toBe('TT24_2020');
      expect(findStampFor({ kind, date: '2026-03-01' })?.family).toBe('ND63_2026');
    }
    expect(findStampFor({ kind: 'LEVEL', date: '2019-01-01' })).toBeUndefined();
    for (const s of DEFAULT_STAMPS) if (!s.basis.confirmed) expect(s.basis.note).toBeTruthy();
  });

  it('leaves an unknown placeholder visible instead of printing nothing', () => {
    const stamp = findStampFor({ kind: 'EXTENSION', date: '2026-05-01' })!;
    expect(fillStampLines(stamp, { END_DATE: '23/11/2056' })).toEqual(['GIA HẠN THỜI HẠN BẢO VỆ BÍ MẬT NHÀ NƯỚC', 'Đến hết ngày: 23/11/2056', 'Theo: …']);
  });
});

describe('records and requests as data (R10.4, R8.2, R8.4)', () => {
  it('has a wording for every record from 01/7/2020, each marked unconfirmed with a note, for both regimes', () => {
    for (const kind of RECORD_KINDS) {
      expect(findRecordTemplateFor({ kind, date: '2025-12-31' })?.kind).toBe(kind);
      expect(findRecordTemplateFor({ kind, date: '2026-03-01' })?.kind).toBe(kind);
    }
    for (const t of DEFAULT_RECORD_TEMPLATES) expect(t.basis).toMatchObject({ confirmed: false, note: expect.any(String) });
  });

  it('R10.2: the destruction record states that the items cannot be restored; unknown placeholders print as dots', () => {
    const t = findRecordTemplateFor({ kind: 'DESTRUCTION_RECORD', date: '2026-11-23' })!;
    expect(fillTemplateText(t.closing, { WHEN: '10:00 23/11/2026' })).toContain('không thể phục hồi');
    expect(fillTemplateText(t.opening, { AGENCY: 'Sở Nội vụ' })).toBe('Thực hiện quyết định tiêu hủy số ……, vào lúc ……, tại ……, Sở Nội vụ tiến hành tiêu hủy tài liệu, vật chứa bí mật nhà nước.');
  });
});

describe('rule set changes in Vietnamese', () => {
  it('names the changed value, its section and both values', () => {
    const after = structuredClone(RULE_SET_2025);
    after.extension.decisionLeadDays = 45;
    after.trichYeu.tuyetMat = 'CONSENT_REQUIRED';
    after.periods.baseYears.MAT = 5;
    after.extension.maxYearsEach.MAT = 5;
    const texts = listRuleSetChanges({ before: RULE_SET_2025, after }).map(describeRuleSetChange);
    expect(texts).toContain('Gia hạn (R9.2) › Quyết định trước khi hết hạn ít nhất (ngày): 60 → 45');
    expect(texts).toContain('Trích yếu (R7.2) › Trích yếu tài liệu Tuyệt mật: không ghi → chỉ ghi khi người có thẩm quyền đồng ý');
    expect(texts).toContain('Thời hạn bảo vệ (R9.1) › Số năm bảo vệ › Mật: 10 → 5');
  });

  it('reads authority rows by id and list entries by position, dates as dd/mm/yyyy', () => {
    expect(formatRuleSetPath('authorities[2025-extend-head].levelCeiling')).toBe('Thẩm quyền › dòng 2025-extend-head › Độ mật cao nhất');
    expect(formatRuleSetPath('declassification.cases[1].notifyWithinDays')).toBe('Giải mật (R9.4, R9.5) › Trường hợp › mục 2 › Thông báo bằng văn bản trong (ngày)');
    expect(describeRuleSetChange({ path: 'validTo', before: null, after: '2030-12-31' })).toBe('Hết hiệu lực từ sau ngày: (không giới hạn) → 31/12/2030');
  });
});
