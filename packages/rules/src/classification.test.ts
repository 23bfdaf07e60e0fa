import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LEVELS } from '@bmnn/contracts';
import { classify } from './classification.ts';
import { compareLevels } from './levels.ts';

const exam = { ref: '531/QĐ-TTg, đề thi tốt nghiệp THPT', level: 'TOI_MAT' as const, validFrom: '2023-05-19', validTo: null };
const printing = { ref: '531/QĐ-TTg, nơi in sao đề thi', level: 'MAT' as const, validFrom: '2023-05-19', validTo: null };

describe('classification from the danh mục', () => {
  it('A3: refuses a level with no danh mục item cited', () => {
    const r = classify({ citedItems: [] });
    expect(r).toMatchObject({ ok: false, code: 'rules.classification_without_danh_muc', rule: 'A3' });
    expect(classify({ citedItems: [{ ref: '  ', level: 'MAT' }], proposedLevel: 'MAT' }).ok).toBe(false);
  });

  it('R3.4: the level is the highest of the cited items', () => {
    expect(classify({ citedItems: [printing, exam] })).toMatchObject({ ok: true, level: 'TOI_MAT', citedRefs: [printing.ref, exam.ref] });
  });

  it('R3.4: refuses a proposed level lower than the highest cited item', () => {
    const r = classify({ citedItems: [printing, exam], proposedLevel: 'MAT' });
    expect(r).toMatchObject({ ok: false, code: 'rules.classification_level_too_low', rule: 'R3.4' });
    if (!r.ok) expect(r.reason).toBe('Độ mật đề xuất (Mật) thấp hơn độ mật cao nhất của các mục danh mục đã dẫn (Tối mật).');
  });

  it('R3.3: refuses a proposed level higher than the danh mục gives', () => {
    expect(classify({ citedItems: [printing], proposedLevel: 'TOI_MAT' })).toMatchObject({ ok: false, code: 'rules.classification_level_too_high' });
    expect(classify({ citedItems: [printing], proposedLevel: 'MAT' })).toMatchObject({ ok: true, level: 'MAT' });
  });

  it('A3: refuses a danh mục item not in force on the date of classification', () => {
    const old = { ref: '809/QĐ-TTg (2020), thay bởi 531/QĐ-TTg', level: 'TOI_MAT' as const, validFrom: '2020-06-01', validTo: '2023-05-18' };
    expect(classify({ citedItems: [old], date: '2024-01-10' })).toMatchObject({ ok: false, code: 'rules.danh_muc_item_not_in_force' });
    expect(classify({ citedItems: [old], date: '2022-01-10' }).ok).toBe(true);
  });

  it('R3.4 (property): accepted exactly when the proposed level equals the highest cited level', () => {
    const item = fc.record({ ref: fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0), level: fc.constantFrom(...LEVELS) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), fc.constantFrom(...LEVELS), (citedItems, proposedLevel) => {
        const top = citedItems.map((i) => i.level).sort(compareLevels).at(-1)!;
        return classify({ citedItems, proposedLevel }).ok === (proposedLevel === top);
      }),
    );
  });
});
