import { DEFAULT_RULE_SETS, RULE_SET_2025, type RuleSet } from '@bmnn/rules';
import { describe, expect, it } from 'vitest';
import { aggregateAnnualReport, annualReportWindow, findAnnualReportRuleSet, isDiscoveredInWindow, latestReportYear, startOfDayInVietnam, type AnnualIncidentFact } from './incidents.annual.ts';
import { summarize } from './incidents.rules.ts';

const ruleSets = DEFAULT_RULE_SETS;

/** An instant given as Vietnam's wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`).toISOString();

function fact(over: Partial<AnnualIncidentFact> & { id: string; discoveredAt: string }): AnnualIncidentFact {
  return {
    unitId: 'unt_a',
    unitName: 'Sở Nội vụ',
    kind: 'MAT',
    channel: 'KHAC',
    subChannel: 'LOST_MISPLACED',
    title: `Vụ ${over.id}`,
    circumstances: 'Cán bộ làm thất lạc tài liệu.',
    status: 'REPORTED',
    rootCause: null,
    handling: null,
    remedy: null,
    referral: 'NONE',
    referralNote: null,
    itemCount: 0,
    deviceCount: 0,
    visibleItemLevels: [],
    ...over,
  };
}

describe('annual report period (R14.1(c))', () => {
  it('R14.1: the report of year Y counts from 15/12/(Y−1) 00:00 to 14/12/Y 23:59:59 in Vietnam, due 20/12/Y', () => {
    const window = annualReportWindow({ year: 2026, ruleSets });
    expect(window).toEqual({
      year: 2026,
      periodStart: '2025-12-15',
      periodEnd: '2026-12-14',
      dueDate: '2026-12-20',
      from: '2025-12-14T17:00:00.000Z',
      until: '2026-12-14T17:00:00.000Z',
    });
    expect(startOfDayInVietnam('2025-12-15')).toBe('2025-12-14T17:00:00.000Z');
  });

  it('R14.1: an incident discovered on 14/12 at 23:59 counts in year Y, one on 15/12 at 00:00 in year Y+1', () => {
    const y2026 = annualReportWindow({ year: 2026, ruleSets });
    const y2027 = annualReportWindow({ year: 2027, ruleSets });
    const lastMinute = vn('2026-12-14T23:59:59.999');
    const firstMinute = vn('2026-12-15T00:00:00.000');
    expect(isDiscoveredInWindow({ discoveredAt: lastMinute, window: y2026 })).toBe(true);
    expect(isDiscoveredInWindow({ discoveredAt: lastMinute, window: y2027 })).toBe(false);
    expect(isDiscoveredInWindow({ discoveredAt: firstMinute, window: y2026 })).toBe(false);
    expect(isDiscoveredInWindow({ discoveredAt: firstMinute, window: y2027 })).toBe(true);
    // The start is inclusive: 15/12/2025 00:00 in Vietnam is the first instant of 2026.
    expect(isDiscoveredInWindow({ discoveredAt: vn('2025-12-15T00:00:00.000'), window: y2026 })).toBe(true);
    expect(isDiscoveredInWindow({ discoveredAt: vn('2025-12-14T23:59:59.999'), window: y2026 })).toBe(false);
    // In UTC the last minute of the period is still 14/12, 16:59; the first of the next is 14/12, 17:00.
    expect(lastMinute).toBe('2026-12-14T16:59:59.999Z');
    expect(firstMinute).toBe('2026-12-14T17:00:00.000Z');
  });

  it('R14.1: consecutive report years follow each other without gap or overlap', () => {
    for (let year = 2018; year <= 2030; year++) {
      expect(annualReportWindow({ year, ruleSets }).until).toBe(annualReportWindow({ year: year + 1, ruleSets }).from);
    }
  });

  it('R14.2: the period is data of the rule set in force on the due date; years before the first rule set take the oldest', () => {
    expect(findAnnualReportRuleSet({ year: 2026, ruleSets }).id).toBe(RULE_SET_2025.id);
    expect(findAnnualReportRuleSet({ year: 2025, ruleSets }).id).not.toBe(RULE_SET_2025.id);
    expect(findAnnualReportRuleSet({ year: 2018, ruleSets }).validFrom).toBe('2020-07-01');
    // A corrected 2025 rule set with calendar-year reports moves the 2026 period, not the 2025 one.
    const calendar: RuleSet = { ...RULE_SET_2025, annualReport: { ...RULE_SET_2025.annualReport, periodStart: { month: 1, day: 1, yearOffset: 0 }, periodEnd: { month: 12, day: 31, yearOffset: 0 }, due: { month: 1, day: 10, yearOffset: 1 } } };
    const edited = ruleSets.map((r) => (r.id === calendar.id ? calendar : r));
    expect(annualReportWindow({ year: 2026, ruleSets: edited })).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-12-31', dueDate: '2027-01-10', until: '2026-12-31T17:00:00.000Z' });
    expect(annualReportWindow({ year: 2025, ruleSets: edited })).toMatchObject({ periodStart: '2024-12-15', periodEnd: '2025-12-14' });
  });

  it('allows years up to the one after the current year in Vietnam', () => {
    expect(latestReportYear(new Date('2026-12-31T16:59:59Z'))).toBe(2027);
    expect(latestReportYear(new Date('2026-12-31T17:00:00Z'))).toBe(2028);
  });
});

describe('R13.2: figures of the incidents section', () => {
  const window = annualReportWindow({ year: 2026, ruleSets });

  it('R13.2: counts only what was discovered in the period, by kind, channel, highest level, status, referral and unit, with items and devices', () => {
    const facts = [
      fact({ id: 'a', discoveredAt: vn('2026-12-14T23:59:00'), kind: 'LO', channel: 'INTERNET', subChannel: 'AGENCY_PORTAL', itemCount: 2, visibleItemLevels: ['MAT', 'TOI_MAT'], status: 'CLOSED', referral: 'DISCIPLINARY', rootCause: 'Không rà soát trước khi đăng tải' }),
      fact({ id: 'b', discoveredAt: vn('2026-03-02T09:00:00'), itemCount: 1, deviceCount: 1, visibleItemLevels: ['TUYET_MAT'], status: 'INVESTIGATING', rootCause: 'không  rà soát trước khi đăng tải.' }),
      fact({ id: 'c', discoveredAt: vn('2025-12-15T00:00:00'), unitId: 'unt_b', unitName: 'Sở Y tế', kind: 'MAT', channel: 'THU_THAP', subChannel: null, itemCount: 1, visibleItemLevels: [], status: 'CONCLUDED', referral: 'CRIMINAL', rootCause: 'Bị đối tượng thu thập' }),
      // Outside the period on both sides.
      fact({ id: 'before', discoveredAt: vn('2025-12-14T23:59:59'), itemCount: 5 }),
      fact({ id: 'after', discoveredAt: vn('2026-12-15T00:00:00'), itemCount: 7 }),
    ];
    const report = aggregateAnnualReport({ facts, window });
    expect(report).toMatchObject({ totalCases: 3, totalItems: 4, totalDevices: 1, openCases: 2, closedCases: 1 });
    expect(report.byKind).toEqual([
      { kind: 'LO', label: 'Lộ bí mật nhà nước', cases: 1, casesPercent: 33.3, items: 2 },
      { kind: 'MAT', label: 'Mất bí mật nhà nước', cases: 2, casesPercent: 66.7, items: 2 },
    ]);
    const internet = report.byChannel.find((c) => c.channel === 'INTERNET')!;
    expect(internet).toMatchObject({ cases: 1, items: 2 });
    expect(internet.bySubChannel.find((s) => s.subChannel === 'AGENCY_PORTAL')).toMatchObject({ cases: 1, items: 2 });
    // A case counts once, at the highest level of the items the reader may see.
    expect(report.byLevel.map((l) => [l.label, l.cases])).toEqual([
      ['Tuyệt mật', 1],
      ['Tối mật', 1],
      ['Mật', 0],
      ['Chưa xác định được độ mật', 1],
    ]);
    expect(report.byStatus.map((s) => [s.status, s.cases])).toEqual([['REPORTED', 0], ['INVESTIGATING', 1], ['CONCLUDED', 1], ['CLOSED', 1]]);
    expect(report.byReferral.map((r) => [r.referral, r.cases])).toEqual([['NONE', 1], ['DISCIPLINARY', 1], ['ADMINISTRATIVE', 0], ['CRIMINAL', 1]]);
    expect(report.byUnit.map((u) => [u.unitName, u.cases, u.items])).toEqual([['Sở Nội vụ', 2, 3], ['Sở Y tế', 1, 1]]);
    // The same cause written twice, with other spacing, case and a full stop, is one cause.
    expect(report.causes).toEqual({ recorded: 3, notRecorded: 0, groups: [{ cause: 'Không rà soát trước khi đăng tải', cases: 2 }, { cause: 'Bị đối tượng thu thập', cases: 1 }] });
    expect(report.cases.map((c) => [c.number, c.id, c.highestLevelLabel])).toEqual([[1, 'c', 'Chưa xác định được độ mật'], [2, 'b', 'Tuyệt mật'], [3, 'a', 'Tối mật']]);
  });

  it('R13.2: an empty period gives zero figures, not an error', () => {
    const report = aggregateAnnualReport({ facts: [], window });
    expect(report).toMatchObject({ totalCases: 0, totalItems: 0, cases: [], causes: { recorded: 0, notRecorded: 0, groups: [] } });
    expect(report.byKind.every((k) => k.cases === 0 && k.casesPercent === 0)).toBe(true);
  });

  it('shortens long circumstances for the case list at a word boundary', () => {
    const long = `${'Cán bộ mang tài liệu đi họp '.repeat(20)}và làm mất.`;
    const short = summarize(long, 60);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(summarize('  Ngắn\n gọn. ')).toBe('Ngắn gọn.');
  });
});
