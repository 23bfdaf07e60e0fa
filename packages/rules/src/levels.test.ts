import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LEVELS } from '@bmnn/contracts';
import { NAMED_PERSON_STAMP, compareLevels, envelopeFor, envelopeLabels, findHighestLevel, isLevelAtLeast } from './levels.ts';
import { RULE_SET_2018, RULE_SET_2025 } from './rule-set.ts';

describe('levels', () => {
  it('R3.1: orders the three levels Tuyệt mật > Tối mật > Mật', () => {
    expect(compareLevels('TUYET_MAT', 'TOI_MAT')).toBeGreaterThan(0);
    expect(compareLevels('TOI_MAT', 'MAT')).toBeGreaterThan(0);
    expect(compareLevels('MAT', 'TUYET_MAT')).toBeLessThan(0);
    expect(isLevelAtLeast('TOI_MAT', 'MAT')).toBe(true);
    expect(isLevelAtLeast('MAT', 'TOI_MAT')).toBe(false);
  });

  it('R3.4: the highest level of several is the one that prevails', () => {
    expect(findHighestLevel(['MAT', 'TUYET_MAT', 'TOI_MAT'])).toBe('TUYET_MAT');
    expect(findHighestLevel(['MAT', 'MAT'])).toBe('MAT');
    expect(findHighestLevel([])).toBeUndefined();
  });

  it('R3.4 (property): the highest level is one of the levels and none is higher', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LEVELS), { minLength: 1 }), (levels) => {
        const top = findHighestLevel(levels)!;
        return levels.includes(top) && levels.every((l) => compareLevels(l, top) <= 0);
      }),
    );
  });

  it('R7.3: Tuyệt mật goes in two envelopes marked A; Tối mật one envelope B; Mật one envelope C', () => {
    for (const ruleSet of [RULE_SET_2018, RULE_SET_2025]) {
      expect(envelopeFor({ level: 'TUYET_MAT', ruleSet })).toMatchObject({ mark: 'A', doubleEnvelope: true, levelStamp: 'TUYỆT MẬT' });
      expect(envelopeFor({ level: 'TOI_MAT', ruleSet })).toMatchObject({ mark: 'B', doubleEnvelope: false, levelStamp: 'TỐI MẬT' });
      expect(envelopeFor({ level: 'MAT', ruleSet })).toMatchObject({ mark: 'C', doubleEnvelope: false, levelStamp: 'MẬT' });
    }
    expect(envelopeFor({ level: 'MAT', ruleSet: RULE_SET_2018 }).basis).toMatchObject({ rule: 'R7.3', confirmed: true });
    // Under D63 the marks are believed unchanged but not seen: data flagged unconfirmed.
    expect(envelopeFor({ level: 'MAT', ruleSet: RULE_SET_2025 }).basis.confirmed).toBe(false);
  });

  it('R7.3: labels the inner Tuyệt mật envelope with number, recipient and stamp, the outer one with the address and A', () => {
    const labels = envelopeLabels({ level: 'TUYET_MAT', soKyHieu: '12/KH-UBND', recipient: 'Ông Nguyễn Văn A', address: 'Sở Nội vụ tỉnh Bắc Ninh', namedPersonOnly: true, ruleSet: RULE_SET_2025 });
    expect(labels.inner).toEqual({ lines: ['Số, ký hiệu: 12/KH-UBND', 'Nơi nhận: Ông Nguyễn Văn A'], stamps: ['TUYỆT MẬT', NAMED_PERSON_STAMP] });
    expect(labels.outer).toEqual({ lines: ['Ông Nguyễn Văn A', 'Sở Nội vụ tỉnh Bắc Ninh'], stamps: ['A'] });
  });

  it('R7.3: a Tối mật or Mật item has a single envelope with B or C, plus the named-person stamp only when asked', () => {
    const toiMat = envelopeLabels({ level: 'TOI_MAT', soKyHieu: '3/BC', recipient: 'Sở Tài chính', address: 'Bắc Ninh', ruleSet: RULE_SET_2018 });
    expect(toiMat).toMatchObject({ inner: null, outer: { stamps: ['B'] } });
    const mat = envelopeLabels({ level: 'MAT', soKyHieu: '3/BC', recipient: 'Bà Trần Thị B', address: 'Bắc Ninh', namedPersonOnly: true, ruleSet: RULE_SET_2018 });
    expect(mat.outer.stamps).toEqual(['C', NAMED_PERSON_STAMP]);
  });
});
