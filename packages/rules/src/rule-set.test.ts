import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_RULE_SETS,
  RULE_SET_2018,
  RULE_SET_2025,
  findOverlappingRuleSets,
  findRuleSetFor,
  getRuleSetFor,
  listRuleSetChanges,
  parseRuleSet,
  serializeRuleSet,
} from './rule-set.ts';
import type { Basis, RuleSet } from './rule-set.schema.ts';

/** Every `basis` object in a rule set, with its path. */
function collectBases(value: unknown, path = ''): { path: string; basis: Basis }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => collectBases(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const out: { path: string; basis: Basis }[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (/^(basis|.*Basis)$/.test(key)) out.push({ path: `${path}.${key}`, basis: v as Basis });
    else out.push(...collectBases(v, `${path}.${key}`));
  }
  return out;
}

const clone = (ruleSet: RuleSet): RuleSet => JSON.parse(JSON.stringify(ruleSet)) as RuleSet;

describe('rule sets by date', () => {
  it('A4: actions up to 28/02/2026 follow the 2018 regime, from 01/3/2026 the 2025 regime', () => {
    expect(getRuleSetFor({ date: '2020-07-01' }).regime).toBe('LAW_2018');
    expect(getRuleSetFor({ date: '2026-02-28' }).regime).toBe('LAW_2018');
    expect(getRuleSetFor({ date: '2026-03-01' }).regime).toBe('LAW_2025');
    expect(getRuleSetFor({ date: '2040-01-01' }).regime).toBe('LAW_2025');
  });

  it('A4: refuses to pick a rule set for a date before the 2018 regime took effect', () => {
    expect(findRuleSetFor({ date: '2020-06-30' })).toBeUndefined();
    expect(() => getRuleSetFor({ date: '2019-01-01' })).toThrow(/Không có bộ quy tắc/);
    expect(() => getRuleSetFor({ date: '2026-02-30' })).toThrow();
  });

  it('A4: the shipped rule sets do not overlap, and an overlapping edit is detected', () => {
    expect(findOverlappingRuleSets({ ruleSets: DEFAULT_RULE_SETS })).toEqual([]);
    const stretched = { ...clone(RULE_SET_2018), validTo: '2026-03-31' };
    expect(findOverlappingRuleSets({ ruleSets: [stretched, RULE_SET_2025] })).toEqual([['LAW_2018', 'LAW_2025']]);
  });

  it('A4 (property): every date from 01/7/2020 has exactly one rule set, switching on 01/3/2026', () => {
    const dates = fc.date({ min: new Date('2020-07-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(dates, (date) => {
        const matching = DEFAULT_RULE_SETS.filter((r) => date >= r.validFrom && (r.validTo === null || date <= r.validTo));
        const expected = date < '2026-03-01' ? 'LAW_2018' : 'LAW_2025';
        return matching.length === 1 && getRuleSetFor({ date }).regime === expected;
      }),
    );
  });

  it('A4: an administrator edit replaces the shipped rule set through the ruleSets argument', () => {
    const edited = clone(RULE_SET_2025);
    edited.extension.warningLeadDays = 120;
    expect(getRuleSetFor({ date: '2026-06-01', ruleSets: [RULE_SET_2018, edited] }).extension.warningLeadDays).toBe(120);
  });
});

describe('rule sets as JSON', () => {
  it('A4: both shipped rule sets are valid against their own schema', () => {
    for (const ruleSet of DEFAULT_RULE_SETS) {
      const parsed = parseRuleSet({ json: ruleSet });
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    }
  });

  it('A4: a rule set survives serialisation to JSON text and validation back unchanged', () => {
    for (const ruleSet of DEFAULT_RULE_SETS) {
      const parsed = parseRuleSet({ json: serializeRuleSet({ ruleSet }) });
      expect(parsed.ok && parsed.ruleSet).toEqual(ruleSet);
    }
  });

  it('A4: refuses broken JSON and invalid data, with the path of each problem', () => {
    expect(parseRuleSet({ json: '{not json' })).toMatchObject({ ok: false, issues: [{ message: 'Không đọc được JSON' }] });
    const broken = clone(RULE_SET_2025) as unknown as Record<string, unknown>;
    (broken.periods as Record<string, unknown>).baseYears = { TUYET_MAT: 30, TOI_MAT: 20 };
    broken.validFrom = '2026-02-30';
    const parsed = parseRuleSet({ json: broken });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['validFrom', 'periods.baseYears.MAT']));
    }
  });

  it('R9.2: refuses a rule set whose extension may exceed the base period of the level', () => {
    const edited = clone(RULE_SET_2018);
    edited.extension.maxYearsEach.MAT = 11;
    const parsed = parseRuleSet({ json: edited });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.path).toBe('extension.maxYearsEach.MAT');
  });

  it('R8.6: refuses a rule set that lets a provincial agency give Tuyệt mật to a foreign party', () => {
    const edited = clone(RULE_SET_2025);
    const row = edited.authorities.find((r) => r.id === '2025-foreign-province-leaders')!;
    row.levelCeiling = 'TUYET_MAT';
    const parsed = parseRuleSet({ json: edited });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.some((i) => i.message.includes('R8.6'))).toBe(true);
  });

  it('A4: refuses duplicate authority row ids and a row without position or title', () => {
    const edited = clone(RULE_SET_2018) as unknown as { authorities: Record<string, unknown>[] };
    edited.authorities.push({ ...edited.authorities[0] });
    delete edited.authorities[1]!.roleKeys;
    const parsed = parseRuleSet({ json: edited });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const messages = parsed.issues.map((i) => i.message).join('\n');
      expect(messages).toContain('Mã dòng trùng');
      expect(messages).toContain('roleKeys');
    }
  });

  it('A4: refuses an authority row naming an unknown position key, and every shipped row lies within its rule set', () => {
    const edited = clone(RULE_SET_2025) as unknown as { authorities: { roleKeys?: string[] }[] };
    edited.authorities[0]!.roleKeys = ['CHU_TICH_UBDN'];
    expect(parseRuleSet({ json: edited })).toMatchObject({ ok: false, issues: [{ path: 'authorities.0.roleKeys.0', message: 'Chức vụ không có trong danh sách' }] });
    for (const ruleSet of DEFAULT_RULE_SETS) {
      for (const row of ruleSet.authorities) {
        expect(row.validFrom >= ruleSet.validFrom, row.id).toBe(true);
        expect(ruleSet.validTo === null || (row.validTo !== null && row.validTo <= ruleSet.validTo), row.id).toBe(true);
      }
    }
  });

  it('UNCONFIRMED rules are data with confirmed: false and a source note, never without one', () => {
    for (const ruleSet of DEFAULT_RULE_SETS) {
      const bases = collectBases(ruleSet);
      expect(bases.length).toBeGreaterThan(30);
      for (const { path, basis } of bases) {
        expect(basis.rule, path).toMatch(/^(A\d|R\d+\.\d+)$/);
        expect(basis.legalBasis.length, path).toBeGreaterThan(5);
        if (!basis.confirmed) expect(basis.note?.length ?? 0, path).toBeGreaterThan(10);
      }
    }
    const edited = clone(RULE_SET_2018);
    delete (edited.periods.dayCountBasis as { note?: string }).note;
    expect(parseRuleSet({ json: edited }).ok).toBe(false);
  });

  it('UNCONFIRMED: the figures LEGAL.md marks unconfirmed are flagged so in the shipped data', () => {
    for (const ruleSet of DEFAULT_RULE_SETS) {
      expect(ruleSet.periods.dayCountBasis.confirmed).toBe(false); // R9.1 day count
      expect(ruleSet.extension.basis.confirmed).toBe(false); // R9.2 60/15 days
      expect(ruleSet.adjustment.periodRestartBasis.confirmed).toBe(false); // R9.3 restart
      expect(ruleSet.copying.laterPermissionBasis.confirmed).toBe(false); // R5.8
      expect(ruleSet.declassification.basis.confirmed).toBe(false); // R9.5 council
    }
    expect(RULE_SET_2018.annualReport.basis.confirmed).toBe(true); // R14.1 confirmed
    expect(RULE_SET_2025.annualReport.basis.confirmed).toBe(false); // R14.2 unconfirmed
    expect(RULE_SET_2025.trichYeu.basis.confirmed).toBe(false); // R7.2 consent exception
    const provincial2025 = RULE_SET_2025.authorities.filter((r) => r.id.startsWith('2025-copy-province') || r.id.startsWith('2025-copy-department'));
    expect(provincial2025.length).toBeGreaterThan(0);
    expect(provincial2025.every((r) => !r.basis.confirmed)).toBe(true); // R5.3 provincial tier
    const commune2025 = RULE_SET_2025.authorities.filter((r) => r.id.startsWith('2025-copy-commune'));
    expect(commune2025.every((r) => r.basis.confirmed)).toBe(true); // R5.3 commune tier, confirmed
  });

  it('R9.1: both regimes keep 30/20/10 years', () => {
    for (const ruleSet of DEFAULT_RULE_SETS) expect(ruleSet.periods.baseYears).toEqual({ TUYET_MAT: 30, TOI_MAT: 20, MAT: 10 });
  });
});

describe('administrator edits', () => {
  it('A4: lists each changed value of an edit for the audit trail, matching authority rows by id', () => {
    const edited = clone(RULE_SET_2025);
    edited.extension.warningLeadDays = 120;
    edited.authorities.unshift({ ...edited.authorities[0]!, id: 'local-1', levelCeiling: 'MAT' });
    edited.authorities.find((r) => r.id === '2025-copy-commune-leaders')!.basis.confirmed = false;
    edited.authorities.find((r) => r.id === '2025-copy-commune-leaders')!.basis.note = 'Đã đối chiếu lại';
    const changes = listRuleSetChanges({ before: RULE_SET_2025, after: edited });
    expect(changes.map((c) => c.path)).toEqual([
      'extension.warningLeadDays',
      'authorities[2025-copy-commune-leaders].basis.confirmed',
      'authorities[2025-copy-commune-leaders].basis.note',
      'authorities[local-1]',
    ]);
    expect(changes[0]).toEqual({ path: 'extension.warningLeadDays', before: 90, after: 120 });
    expect(listRuleSetChanges({ before: RULE_SET_2025, after: clone(RULE_SET_2025) })).toEqual([]);
  });
});
