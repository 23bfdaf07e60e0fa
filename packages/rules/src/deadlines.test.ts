import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  annualReportPeriod,
  checkTrichYeu,
  emergencyDestructionReportDue,
  expiryStatus,
  findReportYear,
  recallStatus,
  takeOutStatus,
  trichYeuPolicy,
} from './deadlines.ts';
import { RULE_SET_2018, RULE_SET_2025, parseRuleSet } from './rule-set.ts';
import { addDays } from './dates.ts';

describe('reports and deadlines', () => {
  it('R14.1: the annual report of year Y covers 15/12/(Y−1) to 14/12/Y and is due 20/12/Y', () => {
    expect(annualReportPeriod({ year: 2025, ruleSet: RULE_SET_2018 })).toEqual({ periodStart: '2024-12-15', periodEnd: '2025-12-14', dueDate: '2025-12-20' });
  });

  it('R14.2: the 2026 reporting dates are data, defaulting to the D26 values until D63 is transcribed', () => {
    expect(annualReportPeriod({ year: 2026, ruleSet: RULE_SET_2025 })).toEqual({ periodStart: '2025-12-15', periodEnd: '2026-12-14', dueDate: '2026-12-20' });
    const edited = structuredClone(RULE_SET_2025);
    edited.annualReport.due = { month: 12, day: 31, yearOffset: 0 };
    edited.annualReport.periodStart = { month: 1, day: 1, yearOffset: 0 };
    edited.annualReport.periodEnd = { month: 12, day: 31, yearOffset: 0 };
    expect(annualReportPeriod({ year: 2027, ruleSet: edited })).toEqual({ periodStart: '2027-01-01', periodEnd: '2027-12-31', dueDate: '2027-12-31' });
  });

  it('R14.1: an event of 15/12 or later counts in the next year’s report', () => {
    expect(findReportYear({ date: '2025-12-14', ruleSet: RULE_SET_2018 })).toBe(2025);
    expect(findReportYear({ date: '2025-12-15', ruleSet: RULE_SET_2018 })).toBe(2026);
    expect(findReportYear({ date: '2026-01-01', ruleSet: RULE_SET_2025 })).toBe(2026);
  });

  it('R14.1 (property): every date falls in exactly the report period of the year found', () => {
    const dates = fc.date({ min: new Date('2020-07-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, (date) => {
        const year = findReportYear({ date, ruleSet: RULE_SET_2018 });
        const { periodStart, periodEnd } = annualReportPeriod({ year, ruleSet: RULE_SET_2018 });
        return periodStart <= date && date <= periodEnd && addDays(periodEnd, 1) === annualReportPeriod({ year: year + 1, ruleSet: RULE_SET_2018 }).periodStart;
      }),
    );
  });

  it('R7.7: a recalled item is due soon within the warning days and overdue after its recall deadline', () => {
    const at = (today: string, returnedOn?: string) => recallStatus({ recallDeadline: '2026-06-30', today, ruleSet: RULE_SET_2025, ...(returnedOn ? { returnedOn } : {}) }).status;
    expect(at('2026-06-01')).toBe('PENDING');
    expect(at('2026-06-23')).toBe('DUE_SOON');
    expect(at('2026-06-30')).toBe('DUE_SOON');
    expect(at('2026-07-01')).toBe('OVERDUE');
    expect(at('2026-07-05', '2026-07-02')).toBe('DONE');
  });

  it('R8.2: an item taken out and not returned after its return date is overdue', () => {
    expect(takeOutStatus({ returnDueDate: '2026-05-10', today: '2026-05-11', ruleSet: RULE_SET_2025 })).toEqual({ status: 'OVERDUE', daysLeft: -1 });
    expect(takeOutStatus({ returnDueDate: '2026-05-10', today: '2026-05-08', ruleSet: RULE_SET_2025 }).status).toBe('DUE_SOON');
    expect(takeOutStatus({ returnDueDate: '2026-05-10', returnedOn: '2026-05-09', today: '2026-05-11', ruleSet: RULE_SET_2025 }).status).toBe('DONE');
  });

  it('R9.2: the dashboard warns 90 days ahead, then when the 60-day extension deadline has passed, then on expiry', () => {
    const at = (today: string) => expiryStatus({ endDate: '2036-03-15', today, ruleSet: RULE_SET_2025 }).status;
    expect(at('2035-12-01')).toBe('PROTECTED');
    expect(at('2035-12-16')).toBe('EXPIRING_SOON');
    expect(at('2036-01-15')).toBe('EXPIRING_SOON');
    expect(at('2036-01-16')).toBe('EXTENSION_TOO_LATE');
    expect(at('2036-03-16')).toBe('EXPIRED');
  });

  it('R10.3: the written report of an emergency destruction is due within the rule-set hours', () => {
    expect(emergencyDestructionReportDue({ destroyedAt: '2026-04-01T08:30:00.000Z', ruleSet: RULE_SET_2025 })).toBe('2026-04-02T08:30:00.000Z');
    expect(() => emergencyDestructionReportDue({ destroyedAt: 'yesterday', ruleSet: RULE_SET_2025 })).toThrow();
  });

  it('R7.2: a Tuyệt mật summary is recorded under the 2018 regime only with the approver’s consent', () => {
    expect(trichYeuPolicy({ level: 'TUYET_MAT', ruleSet: RULE_SET_2018 })).toBe('CONSENT_REQUIRED');
    expect(checkTrichYeu({ level: 'TUYET_MAT', trichYeu: 'Kế hoạch …', ruleSet: RULE_SET_2018 })).toMatchObject({ ok: false, code: 'rules.trich_yeu_consent_required' });
    expect(checkTrichYeu({ level: 'TUYET_MAT', trichYeu: 'Kế hoạch …', consent: { approverId: 'per_1', date: '2025-01-02' }, ruleSet: RULE_SET_2018 }).ok).toBe(true);
  });

  it('R7.2: from 01/3/2026 a Tuyệt mật summary is not recorded at all; other levels are', () => {
    expect(trichYeuPolicy({ level: 'TUYET_MAT', ruleSet: RULE_SET_2025 })).toBe('FORBIDDEN');
    const r = checkTrichYeu({ level: 'TUYET_MAT', trichYeu: 'Kế hoạch …', consent: { approverId: 'per_1', date: '2026-04-02' }, ruleSet: RULE_SET_2025 });
    expect(r).toMatchObject({ ok: false, code: 'rules.trich_yeu_forbidden', rule: 'R7.2' });
    expect(checkTrichYeu({ level: 'TUYET_MAT', trichYeu: null, ruleSet: RULE_SET_2025 }).ok).toBe(true);
    expect(checkTrichYeu({ level: 'TOI_MAT', trichYeu: 'Báo cáo …', ruleSet: RULE_SET_2025 })).toMatchObject({ ok: true, policy: 'ALLOWED' });
  });
});

describe('report dates as data', () => {
  it('R14.2: refuses report dates that leave a gap between periods, or a day that does not exist every year', () => {
    const gap = structuredClone(RULE_SET_2025);
    gap.annualReport.periodEnd = { month: 12, day: 10, yearOffset: 0 };
    expect(parseRuleSet({ json: gap })).toMatchObject({ ok: false, issues: [{ path: 'annualReport' }] });
    const leap = structuredClone(RULE_SET_2025);
    leap.annualReport.due = { month: 2, day: 29, yearOffset: 1 };
    expect(parseRuleSet({ json: leap }).ok).toBe(false);
  });
});
