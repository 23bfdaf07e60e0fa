// Protection periods (R9.1), extension (R9.2), level adjustment (R9.3) and declassification
// (R9.4, R9.5). Figures and options come from the rule set; dates are `yyyy-mm-dd`.
import { LEVEL_LABELS, LEVEL_RANK } from '@bmnn/contracts';
import type { Level } from '@bmnn/contracts';
import type { DayCountConvention, DeclassificationCase, RuleSet } from './rule-set.schema.ts';
import { addDays, addYears, compareDates, formatDateVi, isAfter } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { refuse } from './decision.ts';
import type { Decision } from './decision.ts';
import type { ItemForm } from './positions.ts';
import { classify } from './classification.ts';
import type { CitedItem } from './classification.ts';

export type ProtectionPeriod =
  | {
      kind: 'UNTIL_DATE';
      /** Last protected day: protected "đến hết ngày" this date. */
      endDate: IsoDate;
      /** The default number of years of the level. */
      baseYears: number;
      /** True when a shorter period was set for an activity. */
      custom: boolean;
      /** A shorter period must be printed with the period stamp (dấu Thời hạn bảo vệ, Mẫu 04). */
      periodStampRequired: boolean;
      label: string;
    }
  | { kind: 'UNTIL_PLACE_RELEASED'; endDate: null; label: string };

const PLACE_LABEL = 'Đến khi cơ quan có thẩm quyền không còn sử dụng địa điểm để chứa bí mật nhà nước';

export function describeEndDate(endDate: IsoDate): string {
  return `Đến hết ngày ${formatDateVi(endDate)}`;
}

/** `years` after `start` under the day-count convention. */
export function addProtectionYears({ start, years, convention }: { start: IsoDate; years: number; convention: DayCountConvention }): IsoDate {
  switch (convention) {
    case 'SAME_DATE_FEB28':
      return addYears(start, years, 'FEB_28');
    case 'SAME_DATE_MAR1':
      return addYears(start, years, 'MAR_1');
    case 'DAY_BEFORE_ANNIVERSARY':
      return addDays(addYears(start, years, 'MAR_1'), -1);
  }
}

/** Default end of protection for a level, counted from the determination date (R9.1). */
export function defaultProtectionEndDate({ level, determinationDate, ruleSet }: { level: Level; determinationDate: IsoDate; ruleSet: RuleSet }): IsoDate {
  return addProtectionYears({ start: determinationDate, years: ruleSet.periods.baseYears[level], convention: ruleSet.periods.dayCount });
}

/**
 * Protection period of an item (R9.1): 30/20/10 years from the determination date; an activity
 * may have a shorter end date set at determination; a place is protected until released.
 */
export function computeProtectionPeriod({
  level,
  form,
  determinationDate,
  customEndDate,
  ruleSet,
}: {
  level: Level;
  form: ItemForm;
  determinationDate: IsoDate;
  customEndDate?: IsoDate;
  ruleSet: RuleSet;
}): Decision<{ period: ProtectionPeriod }> {
  const basis = ruleSet.periods.basis;
  if (form === 'PLACE' && ruleSet.periods.placeEndsOnRelease) {
    if (customEndDate !== undefined) {
      return refuse('rules.period_custom_not_allowed', 'Địa điểm chứa bí mật nhà nước được bảo vệ đến khi không còn sử dụng, không đặt ngày kết thúc.', basis);
    }
    return { ok: true, period: { kind: 'UNTIL_PLACE_RELEASED', endDate: null, label: PLACE_LABEL } };
  }
  const baseYears = ruleSet.periods.baseYears[level];
  const defaultEnd = defaultProtectionEndDate({ level, determinationDate, ruleSet });
  if (customEndDate === undefined) {
    return { ok: true, period: { kind: 'UNTIL_DATE', endDate: defaultEnd, baseYears, custom: false, periodStampRequired: false, label: describeEndDate(defaultEnd) } };
  }
  if (form !== 'ACTIVITY' || !ruleSet.periods.activityMayBeShorter) {
    return refuse('rules.period_custom_not_allowed', 'Chỉ bí mật nhà nước là hoạt động mới được xác định thời hạn bảo vệ ngắn hơn.', basis);
  }
  if (compareDates(customEndDate, determinationDate) < 0) {
    return refuse('rules.period_custom_before_start', 'Ngày kết thúc thời hạn bảo vệ không được trước ngày xác định độ mật.', basis);
  }
  if (compareDates(customEndDate, defaultEnd) >= 0) {
    return refuse(
      'rules.period_custom_not_shorter',
      `Thời hạn riêng phải ngắn hơn thời hạn ${baseYears} năm của độ ${LEVEL_LABELS[level]} (trước ngày ${formatDateVi(defaultEnd)}).`,
      basis,
    );
  }
  return { ok: true, period: { kind: 'UNTIL_DATE', endDate: customEndDate, baseYears, custom: true, periodStampRequired: true, label: describeEndDate(customEndDate) } };
}

/** Last day on which an extension may be decided (R9.2): end date − 60 days. */
export function extensionDecisionDeadline({ endDate, ruleSet }: { endDate: IsoDate; ruleSet: RuleSet }): IsoDate {
  return addDays(endDate, -ruleSet.extension.decisionLeadDays);
}

/**
 * Checks an extension (R9.2): decided no later than 60 days before expiry, each extension no
 * longer than the base period of the level, within the number of extensions if the rule set
 * limits it. Gives the new end date and the date by which holders must be notified.
 */
export function checkExtension({
  level,
  endDate,
  decisionDate,
  years,
  previousExtensions = 0,
  ruleSet,
}: {
  level: Level;
  endDate: IsoDate;
  decisionDate: IsoDate;
  years: number;
  previousExtensions?: number;
  ruleSet: RuleSet;
}): Decision<{ newEndDate: IsoDate; decisionDeadline: IsoDate; notifyBy: IsoDate; label: string }> {
  const { basis, maxYearsEach, maxCount, notifyWithinDays } = ruleSet.extension;
  const decisionDeadline = extensionDecisionDeadline({ endDate, ruleSet });
  if (!Number.isInteger(years) || years < 1) {
    return refuse('rules.extension_years_invalid', 'Thời gian gia hạn phải là số năm nguyên, ít nhất 1 năm.', basis);
  }
  if (years > maxYearsEach[level]) {
    return refuse(
      'rules.extension_too_long',
      `Mỗi lần gia hạn không được quá ${maxYearsEach[level]} năm đối với độ ${LEVEL_LABELS[level]}.`,
      basis,
    );
  }
  if (isAfter(decisionDate, decisionDeadline)) {
    return refuse(
      'rules.extension_too_late',
      `Quyết định gia hạn phải ban hành chậm nhất ${ruleSet.extension.decisionLeadDays} ngày trước khi hết thời hạn bảo vệ, tức là trước hết ngày ${formatDateVi(decisionDeadline)}.`,
      basis,
    );
  }
  if (maxCount !== null && previousExtensions >= maxCount) {
    return refuse('rules.extension_limit_reached', `Đã gia hạn đủ ${maxCount} lần theo quy định.`, basis);
  }
  // The new period continues from the day after the current end date.
  const convention = ruleSet.periods.dayCount;
  const newEndDate =
    convention === 'DAY_BEFORE_ANNIVERSARY'
      ? addProtectionYears({ start: addDays(endDate, 1), years, convention })
      : addProtectionYears({ start: endDate, years, convention });
  return {
    ok: true,
    newEndDate,
    decisionDeadline,
    notifyBy: addDays(decisionDate, notifyWithinDays),
    label: `Gia hạn đến hết ngày ${formatDateVi(newEndDate)}`,
  };
}

/**
 * Checks a level adjustment (R9.3): based on the danh mục (the new level is the highest of the
 * cited items), a real change, and gives the new period (restarting or not, per the rule set)
 * and the 15-day notice date.
 */
export function checkAdjustment({
  form,
  currentLevel,
  citedItems,
  determinationDate,
  adjustmentDate,
  customEndDate,
  ruleSet,
}: {
  form: ItemForm;
  currentLevel: Level;
  citedItems: readonly CitedItem[];
  determinationDate: IsoDate;
  adjustmentDate: IsoDate;
  customEndDate?: IsoDate;
  ruleSet: RuleSet;
}): Decision<{ newLevel: Level; direction: 'RAISE' | 'LOWER'; period: ProtectionPeriod; notifyBy: IsoDate; expiredAlready: boolean }> {
  const basis = ruleSet.adjustment.basis;
  const classified = classify({ citedItems, date: adjustmentDate });
  if (!classified.ok) return classified;
  const newLevel = classified.level;
  if (newLevel === currentLevel) {
    return refuse('rules.adjustment_same_level', `Độ mật mới trùng độ mật hiện tại (${LEVEL_LABELS[currentLevel]}).`, basis);
  }
  if (compareDates(adjustmentDate, determinationDate) < 0) {
    return refuse('rules.adjustment_before_determination', 'Ngày điều chỉnh không được trước ngày xác định độ mật.', basis);
  }
  const start = ruleSet.adjustment.periodRestart === 'FROM_ADJUSTMENT_DATE' ? adjustmentDate : determinationDate;
  const period = computeProtectionPeriod({ level: newLevel, form, determinationDate: start, ...(customEndDate ? { customEndDate } : {}), ruleSet });
  if (!period.ok) return period;
  return {
    ok: true,
    newLevel,
    direction: LEVEL_RANK[newLevel] > LEVEL_RANK[currentLevel] ? 'RAISE' : 'LOWER',
    period: period.period,
    notifyBy: addDays(adjustmentDate, ruleSet.adjustment.notifyWithinDays),
    expiredAlready: period.period.endDate !== null && compareDates(period.period.endDate, adjustmentDate) < 0,
  };
}

/** True when the protection (and any extension) has run out on `today` (R9.4 a). */
export function isProtectionExpired({ endDate, today }: { endDate: IsoDate; today: IsoDate }): boolean {
  return compareDates(today, endDate) > 0;
}

/** The day an item is declassified of right (đương nhiên giải mật): the day after its end date. */
export function automaticDeclassificationDate({ endDate }: { endDate: IsoDate }): IsoDate {
  return addDays(endDate, 1);
}

export type Council = { chair: string; members: readonly string[] };

/**
 * Checks a declassification (R9.4, R9.5). Expiry and removal from the danh mục are automatic;
 * a declassification in the national interest needs a council (chair and at least the minimum
 * number of members) and, when partial, the text of what is declassified. Gives the notice date.
 */
export function checkDeclassification({
  reason,
  decisionDate,
  endDate,
  council,
  partial = false,
  declassifiedContent,
  ruleSet,
}: {
  reason: DeclassificationCase;
  decisionDate: IsoDate;
  endDate?: IsoDate | null;
  council?: Council;
  partial?: boolean;
  declassifiedContent?: string;
  ruleSet: RuleSet;
}): Decision<{ automatic: boolean; stampRequired: boolean; notifyBy: IsoDate; label: string }> {
  const spec = ruleSet.declassification.cases.find((c) => c.key === reason);
  if (!spec) return refuse('rules.declassification_case_unknown', 'Trường hợp giải mật không có trong bộ quy tắc.', ruleSet.declassification.basis);
  if (reason === 'EXPIRED') {
    if (endDate === undefined || endDate === null || !isProtectionExpired({ endDate, today: decisionDate })) {
      return refuse('rules.declassification_not_expired', 'Thời hạn bảo vệ chưa hết nên không đương nhiên giải mật.', spec.basis);
    }
  }
  if (spec.councilRequired) {
    const min = ruleSet.declassification.councilMinMembers;
    const chair = council?.chair.trim() ?? '';
    if (!council || chair.length === 0 || !council.members.includes(council.chair)) {
      return refuse('rules.council_chair_missing', 'Hội đồng giải mật phải có Chủ tịch là thành viên của Hội đồng.', ruleSet.declassification.basis);
    }
    if (new Set(council.members.map((m) => m.trim()).filter(Boolean)).size < min) {
      return refuse('rules.council_too_small', `Hội đồng giải mật phải có ít nhất ${min} thành viên.`, ruleSet.declassification.basis);
    }
  }
  if (partial && (declassifiedContent ?? '').trim().length === 0) {
    return refuse('rules.partial_content_missing', 'Giải mật một phần phải ghi rõ nội dung được giải mật trong quyết định.', spec.basis);
  }
  return {
    ok: true,
    automatic: spec.automatic,
    stampRequired: spec.stampRequired,
    notifyBy: addDays(decisionDate, spec.notifyWithinDays),
    label: `Giải mật từ ngày ${formatDateVi(reason === 'EXPIRED' && endDate ? automaticDeclassificationDate({ endDate }) : decisionDate)}`,
  };
}
