import { describe, expect, it } from 'vitest';
import { suggestDanhMucItems, type SuggestableItem } from './danh-muc.suggest.ts';

const items: SuggestableItem[] = [
  { id: 'dmi_1', level: 'TOI_MAT', itemNo: '1', decisionNumber: '531/QĐ-TTg', text: 'Đề thi, đáp án chính thức và dự bị của kỳ thi tốt nghiệp trung học phổ thông khi chưa công bố', keywords: ['đề thi', 'đáp án', 'thi tốt nghiệp'] },
  { id: 'dmi_2', level: 'MAT', itemNo: '3', decisionNumber: '531/QĐ-TTg', text: 'Địa điểm làm đề thi, in sao đề thi; danh sách thành viên ban ra đề', keywords: ['in sao đề thi', 'ban ra đề'] },
  { id: 'dmi_3', level: 'TUYET_MAT', itemNo: '1', decisionNumber: '1178/QĐ-TTg', text: 'Phương án, tài liệu đàm phán về biên giới, lãnh thổ, chủ quyền', keywords: ['biên giới', 'đàm phán', 'chủ quyền'] },
];

describe('the danh mục suggestion helper (LEGAL.md A2, A3)', () => {
  it('ranks the exam item first for an exam paper, accents or not', () => {
    const withAccents = suggestDanhMucItems({ text: 'Đề thi tốt nghiệp THPT năm 2026 và đáp án', items });
    const without = suggestDanhMucItems({ text: 'de thi tot nghiep THPT nam 2026 va dap an', items });
    expect(withAccents[0]!.itemId).toBe('dmi_1');
    expect(withAccents[0]!.matched).toEqual(['đề thi', 'đáp án', 'thi tốt nghiệp']);
    expect(without.map((s) => s.itemId)).toEqual(withAccents.map((s) => s.itemId));
  });

  it('suggests the border item for a negotiation plan', () => {
    expect(suggestDanhMucItems({ text: 'Phương án đàm phán phân định biên giới', items })[0]).toMatchObject({ itemId: 'dmi_3', level: 'TUYET_MAT' });
  });

  it('suggests nothing for an unrelated title (a suggestion needs evidence)', () => {
    expect(suggestDanhMucItems({ text: 'Kế hoạch tổ chức hội nghị văn hóa thể thao', items })).toEqual([]);
    expect(suggestDanhMucItems({ text: '', items })).toEqual([]);
  });

  it('is deterministic: the same input gives the same list', () => {
    const text = 'in sao đề thi tại địa điểm làm đề';
    expect(suggestDanhMucItems({ text, items })).toEqual(suggestDanhMucItems({ text, items }));
  });
});
