import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LEVELS } from '@bmnn/contracts';
import { RULE_SET_2018, RULE_SET_2025 } from './rule-set.ts';
import type { RuleSet } from './rule-set.schema.ts';
import {
  automaticDeclassificationDate,
  checkAdjustment,
  checkDeclassification,
  checkExtension,
  computeProtectionPeriod,
  extensionDecisionDeadline,
  isProtectionExpired,
} from './periods.ts';
import { addDays, compareDates } from './dates.ts';

const rs = RULE_SET_2025;
const withOption = (patch: (r: RuleSet) => void): RuleSet => {
  const copy = structuredClone(rs);
  patch(copy);
  return copy;
};

describe('R9.1 protection periods', () => {
  it('R9.1: 30, 20 and 10 years from the determination date, shown as "Đến hết ngày …"', () => {
    const at = (level: (typeof LEVELS)[number]) => computeProtectionPeriod({ level, form: 'PAPER_DOC', determinationDate: '2026-03-15', ruleSet: rs });
    expect(at('TUYET_MAT')).toMatchObject({ ok: true, period: { kind: 'UNTIL_DATE', endDate: '2056-03-15', baseYears: 30, custom: false, periodStampRequired: false } });
    expect(at('TOI_MAT')).toMatchObject({ ok: true, period: { endDate: '2046-03-15' } });
    expect(at('MAT')).toMatchObject({ ok: true, period: { endDate: '2036-03-15', label: 'Đến hết ngày 15/03/2036' } });
  });

  it('R9.1: by default 29 February ends on 28 February in a common year', () => {
    const r = computeProtectionPeriod({ level: 'MAT', form: 'E_DOC', determinationDate: '2028-02-29', ruleSet: rs });
    expect(r).toMatchObject({ ok: true, period: { endDate: '2038-02-28' } });
  });

  it('R9.1: the day-count convention is a rule-set option', () => {
    const mar1 = withOption((r) => (r.periods.dayCount = 'SAME_DATE_MAR1'));
    const dayBefore = withOption((r) => (r.periods.dayCount = 'DAY_BEFORE_ANNIVERSARY'));
    expect(computeProtectionPeriod({ level: 'MAT', form: 'OBJECT', determinationDate: '2028-02-29', ruleSet: mar1 })).toMatchObject({ period: { endDate: '2038-03-01' } });
    expect(computeProtectionPeriod({ level: 'MAT', form: 'OBJECT', determinationDate: '2026-03-15', ruleSet: dayBefore })).toMatchObject({ period: { endDate: '2036-03-14' } });
  });

  it('R9.1: a place is protected until it is released, with no end date', () => {
    const r = computeProtectionPeriod({ level: 'TOI_MAT', form: 'PLACE', determinationDate: '2026-04-01', ruleSet: rs });
    expect(r).toMatchObject({ ok: true, period: { kind: 'UNTIL_PLACE_RELEASED', endDate: null } });
    expect(computeProtectionPeriod({ level: 'TOI_MAT', form: 'PLACE', determinationDate: '2026-04-01', customEndDate: '2027-01-01', ruleSet: rs }).ok).toBe(false);
  });

  it('R9.1: an activity may have a shorter period, printed with the period stamp', () => {
    const r = computeProtectionPeriod({ level: 'TOI_MAT', form: 'ACTIVITY', determinationDate: '2026-04-01', customEndDate: '2027-04-01', ruleSet: rs });
    expect(r).toMatchObject({ ok: true, period: { endDate: '2027-04-01', custom: true, periodStampRequired: true, label: 'Đến hết ngày 01/04/2027' } });
  });

  it('R9.1: refuses a custom period for anything but an activity', () => {
    const r = computeProtectionPeriod({ level: 'MAT', form: 'PAPER_DOC', determinationDate: '2026-04-01', customEndDate: '2027-04-01', ruleSet: rs });
    expect(r).toMatchObject({ ok: false, code: 'rules.period_custom_not_allowed', rule: 'R9.1' });
  });

  it('R9.1: refuses an activity period that is not shorter than the default, or ends before it starts', () => {
    const equal = computeProtectionPeriod({ level: 'MAT', form: 'ACTIVITY', determinationDate: '2026-04-01', customEndDate: '2036-04-01', ruleSet: rs });
    expect(equal).toMatchObject({ ok: false, code: 'rules.period_custom_not_shorter' });
    const before = computeProtectionPeriod({ level: 'MAT', form: 'ACTIVITY', determinationDate: '2026-04-01', customEndDate: '2026-03-31', ruleSet: rs });
    expect(before).toMatchObject({ ok: false, code: 'rules.period_custom_before_start' });
  });

  it('R9.1 (property): the default end is the same calendar date N years on, per the day-count convention', () => {
    const dates = fc.date({ min: new Date('2020-07-01T00:00:00Z'), max: new Date('2080-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const conventions = fc.constantFrom<RuleSet['periods']['dayCount']>('SAME_DATE_FEB28', 'SAME_DATE_MAR1', 'DAY_BEFORE_ANNIVERSARY');
    // Leap days are rare among random dates: draw them on purpose.
    const leapDays = fc.constantFrom(2024, 2028, 2032, 2036, 2040, 2044, 2048).map((y) => `${y}-02-29`);
    fc.assert(
      fc.property(fc.oneof(dates, leapDays), fc.constantFrom(...LEVELS), conventions, (d, level, dayCount) => {
        const ruleSet = withOption((r) => (r.periods.dayCount = dayCount));
        const r = computeProtectionPeriod({ level, form: 'PAPER_DOC', determinationDate: d, ruleSet });
        if (!r.ok || r.period.kind !== 'UNTIL_DATE') return false;
        const target = Number(d.slice(0, 4)) + ruleSet.periods.baseYears[level];
        const leapDayLost = d.endsWith('-02-29') && !(target % 4 === 0 && (target % 100 !== 0 || target % 400 === 0));
        const sameDate = `${target}${d.slice(4)}`;
        const expected = {
          SAME_DATE_FEB28: leapDayLost ? `${target}-02-28` : sameDate,
          SAME_DATE_MAR1: leapDayLost ? `${target}-03-01` : sameDate,
          DAY_BEFORE_ANNIVERSARY: leapDayLost ? `${target}-02-28` : addDays(sameDate, -1),
        }[dayCount];
        return r.period.endDate === expected;
      }),
    );
  });
});

describe('R9.2 extension', () => {
  const endDate = '2036-03-15';

  it('R9.2: the decision deadline is 60 days before the end date', () => {
    expect(extensionDecisionDeadline({ endDate, ruleSet: rs })).toBe('2036-01-15');
  });

  it('R9.2: an extension decided in time gives the new end date and the 15-day notice date', () => {
    const r = checkExtension({ level: 'MAT', endDate, decisionDate: '2036-01-15', years: 10, ruleSet: rs });
    expect(r).toMatchObject({ ok: true, newEndDate: '2046-03-15', decisionDeadline: '2036-01-15', notifyBy: '2036-01-30', label: 'Gia hạn đến hết ngày 15/03/2046' });
  });

  it('R9.2: refuses an extension decided less than 60 days before expiry', () => {
    const r = checkExtension({ level: 'MAT', endDate, decisionDate: '2036-01-16', years: 5, ruleSet: rs });
    expect(r).toMatchObject({ ok: false, code: 'rules.extension_too_late', rule: 'R9.2', confirmed: false });
    if (!r.ok) expect(r.reason).toContain('15/01/2036');
  });

  it('R9.2: refuses an extension longer than the base period of the level', () => {
    expect(checkExtension({ level: 'MAT', endDate, decisionDate: '2035-01-01', years: 11, ruleSet: rs })).toMatchObject({ ok: false, code: 'rules.extension_too_long' });
    expect(checkExtension({ level: 'TUYET_MAT', endDate, decisionDate: '2035-01-01', years: 30, ruleSet: rs }).ok).toBe(true);
    expect(checkExtension({ level: 'MAT', endDate, decisionDate: '2035-01-01', years: 0, ruleSet: rs })).toMatchObject({ ok: false, code: 'rules.extension_years_invalid' });
  });

  it('R9.2: a limit on the number of extensions, if the data sets one, is enforced', () => {
    expect(checkExtension({ level: 'MAT', endDate, decisionDate: '2035-01-01', years: 1, previousExtensions: 7, ruleSet: rs }).ok).toBe(true);
    const limited = withOption((r) => (r.extension.maxCount = 1));
    expect(checkExtension({ level: 'MAT', endDate, decisionDate: '2035-01-01', years: 1, previousExtensions: 1, ruleSet: limited })).toMatchObject({
      ok: false,
      code: 'rules.extension_limit_reached',
    });
  });

  it('R9.2 (property): accepted exactly when decided on or before end − 60 days and within the base period', () => {
    const dates = fc.date({ min: new Date('2030-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, fc.oneof(fc.integer({ min: -400, max: 400 }), fc.constantFrom(-61, -60, -59)), fc.constantFrom(...LEVELS), fc.integer({ min: 1, max: 40 }), (end, offset, level, years) => {
        const decisionDate = addDays(end, offset);
        const r = checkExtension({ level, endDate: end, decisionDate, years, ruleSet: RULE_SET_2018 });
        const expected = offset <= -60 && years <= RULE_SET_2018.periods.baseYears[level];
        return r.ok === expected && (!r.ok || compareDates(r.newEndDate, end) > 0);
      }),
    );
  });
});

describe('R9.3 adjustment', () => {
  const base = { form: 'PAPER_DOC' as const, determinationDate: '2026-03-15', adjustmentDate: '2030-06-01', ruleSet: rs };

  it('R9.3: lowering a level keeps the original determination date by default and gives a 15-day notice date', () => {
    const r = checkAdjustment({ ...base, currentLevel: 'TOI_MAT', citedItems: [{ ref: 'QĐ 1, mục 2', level: 'MAT' }] });
    expect(r).toMatchObject({ ok: true, newLevel: 'MAT', direction: 'LOWER', period: { endDate: '2036-03-15' }, notifyBy: '2030-06-16', expiredAlready: false });
  });

  it('R9.3: the period restarts from the adjustment date when the rule set says so', () => {
    const restart = withOption((r) => (r.adjustment.periodRestart = 'FROM_ADJUSTMENT_DATE'));
    const r = checkAdjustment({ ...base, ruleSet: restart, currentLevel: 'MAT', citedItems: [{ ref: 'QĐ 1, mục 3', level: 'TOI_MAT' }] });
    expect(r).toMatchObject({ ok: true, direction: 'RAISE', period: { endDate: '2050-06-01' } });
  });

  it('R9.3: refuses an adjustment without a danh mục item, or to the same level', () => {
    expect(checkAdjustment({ ...base, currentLevel: 'TOI_MAT', citedItems: [] })).toMatchObject({ ok: false, code: 'rules.classification_without_danh_muc' });
    expect(checkAdjustment({ ...base, currentLevel: 'MAT', citedItems: [{ ref: 'QĐ 1, mục 2', level: 'MAT' }] })).toMatchObject({
      ok: false,
      code: 'rules.adjustment_same_level',
      rule: 'R9.3',
    });
  });

  it('R9.3: refuses an adjustment dated before the determination', () => {
    const r = checkAdjustment({ ...base, adjustmentDate: '2026-03-14', currentLevel: 'MAT', citedItems: [{ ref: 'QĐ 1, mục 3', level: 'TOI_MAT' }] });
    expect(r).toMatchObject({ ok: false, code: 'rules.adjustment_before_determination' });
  });

  it('R9.3: flags an item whose lowered level has already run out', () => {
    const r = checkAdjustment({ ...base, adjustmentDate: '2040-01-01', currentLevel: 'TUYET_MAT', citedItems: [{ ref: 'QĐ 1, mục 2', level: 'MAT' }] });
    expect(r).toMatchObject({ ok: true, expiredAlready: true });
  });
});

describe('R9.4 and R9.5 declassification', () => {
  it('R9.4: an item is declassified of right on the day after its end date', () => {
    expect(isProtectionExpired({ endDate: '2036-03-15', today: '2036-03-15' })).toBe(false);
    expect(isProtectionExpired({ endDate: '2036-03-15', today: '2036-03-16' })).toBe(true);
    expect(automaticDeclassificationDate({ endDate: '2036-03-15' })).toBe('2036-03-16');
    const r = checkDeclassification({ reason: 'EXPIRED', decisionDate: '2036-03-16', endDate: '2036-03-15', ruleSet: rs });
    expect(r).toMatchObject({ ok: true, automatic: true, label: 'Giải mật từ ngày 16/03/2036' });
  });

  it('R9.4: refuses "declassified on expiry" before the period has run out', () => {
    expect(checkDeclassification({ reason: 'EXPIRED', decisionDate: '2036-03-15', endDate: '2036-03-15', ruleSet: rs })).toMatchObject({
      ok: false,
      code: 'rules.declassification_not_expired',
    });
    expect(checkDeclassification({ reason: 'EXPIRED', decisionDate: '2036-03-15', endDate: null, ruleSet: rs }).ok).toBe(false);
  });

  it('R9.4: an item removed from the danh mục is declassified automatically, stamped and notified at once', () => {
    const r = checkDeclassification({ reason: 'REMOVED_FROM_DANH_MUC', decisionDate: '2027-05-01', ruleSet: RULE_SET_2018 });
    expect(r).toMatchObject({ ok: true, automatic: true, stampRequired: true, notifyBy: '2027-05-01' });
  });

  it('R9.5: a declassification by decision needs a council with a chair and at least two members, and a 15-day notice', () => {
    const council = { chair: 'Nguyễn Văn A', members: ['Nguyễn Văn A', 'Trần Thị B'] };
    const r = checkDeclassification({ reason: 'NATIONAL_INTEREST', decisionDate: '2030-01-10', council, ruleSet: rs });
    expect(r).toMatchObject({ ok: true, automatic: false, stampRequired: true, notifyBy: '2030-01-25' });
  });

  it('R9.5: refuses a declassification by decision without a council, with one member, or with a chair outside it', () => {
    const decide = (council?: { chair: string; members: string[] }) =>
      checkDeclassification({ reason: 'NATIONAL_INTEREST', decisionDate: '2030-01-10', ...(council ? { council } : {}), ruleSet: rs });
    expect(decide()).toMatchObject({ ok: false, code: 'rules.council_chair_missing' });
    expect(decide({ chair: 'A', members: ['A'] })).toMatchObject({ ok: false, code: 'rules.council_too_small', rule: 'R9.5' });
    expect(decide({ chair: 'A', members: ['A', 'A'] })).toMatchObject({ ok: false, code: 'rules.council_too_small' });
    expect(decide({ chair: 'C', members: ['A', 'B'] })).toMatchObject({ ok: false, code: 'rules.council_chair_missing' });
  });

  it('R9.5: refuses a partial declassification that does not state the declassified content', () => {
    const council = { chair: 'A', members: ['A', 'B'] };
    expect(checkDeclassification({ reason: 'NATIONAL_INTEREST', decisionDate: '2030-01-10', council, partial: true, ruleSet: rs })).toMatchObject({
      ok: false,
      code: 'rules.partial_content_missing',
    });
    expect(
      checkDeclassification({ reason: 'NATIONAL_INTEREST', decisionDate: '2030-01-10', council, partial: true, declassifiedContent: 'Phụ lục 2', ruleSet: rs }).ok,
    ).toBe(true);
  });
});
