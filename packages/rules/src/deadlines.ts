// Deadlines and reports (R14.1, R14.2, R7.7, R8.2, R9.2, R10.3) and the Tuyệt mật summary rule
// (R7.2). All figures come from the rule set.
import type { Level } from '@bmnn/contracts';
import type { RuleSet, YearAnchor } from './rule-set.schema.ts';
import { addDays, compareDates, daysBetween, makeDate } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { extensionDecisionDeadline } from './periods.ts';
import { refuse } from './decision.ts';
import type { Decision } from './decision.ts';

function anchorDate(anchor: YearAnchor, year: number): IsoDate {
  return makeDate(year + anchor.yearOffset, anchor.month, anchor.day);
}

/** Period and due date of the annual report of year Y (R14.1): 15/12/(Y−1)–14/12/Y, due 20/12/Y. */
export function annualReportPeriod({ year, ruleSet }: { year: number; ruleSet: RuleSet }): { periodStart: IsoDate; periodEnd: IsoDate; dueDate: IsoDate } {
  const r = ruleSet.annualReport;
  return { periodStart: anchorDate(r.periodStart, year), periodEnd: anchorDate(r.periodEnd, year), dueDate: anchorDate(r.due, year) };
}

/** The report year whose period contains `date` (an event of 20/12/2025 counts for 2026). */
export function findReportYear({ date, ruleSet }: { date: IsoDate; ruleSet: RuleSet }): number {
  const year = Number(date.slice(0, 4));
  for (const candidate of [year, year + 1, year - 1]) {
    const { periodStart, periodEnd } = annualReportPeriod({ year: candidate, ruleSet });
    if (compareDates(date, periodStart) >= 0 && compareDates(date, periodEnd) <= 0) return candidate;
  }
  throw new RangeError(`No report period contains ${date}`);
}

export type DueStatus = 'DONE' | 'PENDING' | 'DUE_SOON' | 'OVERDUE';

function dueStatus(dueDate: IsoDate, doneOn: IsoDate | null | undefined, today: IsoDate, warningLeadDays: number): { status: DueStatus; daysLeft: number } {
  const daysLeft = daysBetween(today, dueDate);
  if (doneOn) return { status: 'DONE', daysLeft };
  if (daysLeft < 0) return { status: 'OVERDUE', daysLeft };
  if (daysLeft <= warningLeadDays) return { status: 'DUE_SOON', daysLeft };
  return { status: 'PENDING', daysLeft };
}

/** A recalled item (R7.7, stamp "Tài liệu thu hồi"): due, due soon or overdue for return. */
export function recallStatus({ recallDeadline, returnedOn, today, ruleSet }: { recallDeadline: IsoDate; returnedOn?: IsoDate | null; today: IsoDate; ruleSet: RuleSet }) {
  return dueStatus(recallDeadline, returnedOn, today, ruleSet.recall.warningLeadDays);
}

/** An item taken out of its storage place (R8.2): overdue after the return date. */
export function takeOutStatus({ returnDueDate, returnedOn, today, ruleSet }: { returnDueDate: IsoDate; returnedOn?: IsoDate | null; today: IsoDate; ruleSet: RuleSet }) {
  return dueStatus(returnDueDate, returnedOn, today, ruleSet.takeOut.warningLeadDays);
}

export type ExpiryStatus = 'PROTECTED' | 'EXPIRING_SOON' | 'EXTENSION_TOO_LATE' | 'EXPIRED';

/**
 * Where an item stands against its end date (R9.2, R9.4): expiring within the warning lead time,
 * past the last day to decide an extension, or expired (declassified of right).
 */
export function expiryStatus({ endDate, today, ruleSet }: { endDate: IsoDate; today: IsoDate; ruleSet: RuleSet }): {
  status: ExpiryStatus;
  extensionDeadline: IsoDate;
  daysLeft: number;
} {
  const extensionDeadline = extensionDecisionDeadline({ endDate, ruleSet });
  const daysLeft = daysBetween(today, endDate);
  let status: ExpiryStatus = 'PROTECTED';
  if (daysLeft < 0) status = 'EXPIRED';
  else if (compareDates(today, extensionDeadline) > 0) status = 'EXTENSION_TOO_LATE';
  else if (daysLeft <= ruleSet.extension.warningLeadDays) status = 'EXPIRING_SOON';
  return { status, extensionDeadline, daysLeft };
}

/** When the written report on an emergency destruction is due (R10.3): "immediately", as an SLA. */
export function emergencyDestructionReportDue({ destroyedAt, ruleSet }: { destroyedAt: string; ruleSet: RuleSet }): string {
  const t = Date.parse(destroyedAt);
  if (Number.isNaN(t)) throw new RangeError(`Invalid timestamp: ${destroyedAt}`);
  return new Date(t + ruleSet.destruction.emergencyReportWithinHours * 3_600_000).toISOString();
}

/** Date by which holders must be notified of a decision taken on `decisionDate`. */
export function noticeDeadline({ decisionDate, withinDays }: { decisionDate: IsoDate; withinDays: number }): IsoDate {
  return addDays(decisionDate, withinDays);
}

export type TrichYeuPolicy = 'ALLOWED' | 'CONSENT_REQUIRED' | 'FORBIDDEN';

/** Whether the summary (trích yếu) of an item may be recorded (R7.2). */
export function trichYeuPolicy({ level, ruleSet }: { level: Level; ruleSet: RuleSet }): TrichYeuPolicy {
  if (level !== 'TUYET_MAT') return 'ALLOWED';
  return ruleSet.trichYeu.tuyetMat === 'NEVER' ? 'FORBIDDEN' : 'CONSENT_REQUIRED';
}

/** Refuses a Tuyệt mật summary unless the rule set allows it with the approver's recorded consent (R7.2). */
export function checkTrichYeu({
  level,
  trichYeu,
  consent,
  ruleSet,
}: {
  level: Level;
  trichYeu: string | null | undefined;
  consent?: { approverId: string; date: IsoDate };
  ruleSet: RuleSet;
}): Decision<{ policy: TrichYeuPolicy }> {
  const policy = trichYeuPolicy({ level, ruleSet });
  const hasText = (trichYeu ?? '').trim().length > 0;
  if (!hasText || policy === 'ALLOWED') return { ok: true, policy };
  if (policy === 'FORBIDDEN') {
    return refuse('rules.trich_yeu_forbidden', 'Không ghi trích yếu đối với bí mật nhà nước độ Tuyệt mật.', ruleSet.trichYeu.basis);
  }
  if (!consent || consent.approverId.trim().length === 0) {
    return refuse(
      'rules.trich_yeu_consent_required',
      'Chỉ ghi trích yếu bí mật độ Tuyệt mật khi người có thẩm quyền xác định đồng ý; phải ghi người đồng ý và ngày.',
      ruleSet.trichYeu.basis,
    );
  }
  return { ok: true, policy };
}
