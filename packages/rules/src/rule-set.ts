// Picking the rule set by the date of the action (LEGAL.md A4), and reading a rule set back
// from JSON (an administrator's corrected copy stored by the server).
import { RULE_SET_2018 } from './rule-set.2018.data.ts';
import { RULE_SET_2025 } from './rule-set.2025.data.ts';
import { ruleSetSchema } from './rule-set.schema.ts';
import type { RuleSet } from './rule-set.schema.ts';
import { compareDates, formatDateVi, isIsoDate, isWithin } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { RulesError } from './errors.ts';

export { RULE_SET_2018, RULE_SET_2025 };

/** The rule sets shipped with the software, oldest first. */
export const DEFAULT_RULE_SETS: readonly RuleSet[] = [RULE_SET_2018, RULE_SET_2025];

export function isRuleSetInForce({ ruleSet, date }: { ruleSet: RuleSet; date: IsoDate }): boolean {
  return isWithin(date, ruleSet.validFrom, ruleSet.validTo);
}

/** The rule set in force on `date`, or undefined (before 01/7/2020). The latest start wins. */
export function findRuleSetFor({ date, ruleSets = DEFAULT_RULE_SETS }: { date: IsoDate; ruleSets?: readonly RuleSet[] }): RuleSet | undefined {
  if (!isIsoDate(date)) throw new RulesError('rules.invalid_date', `Ngày không hợp lệ: ${date}`);
  return ruleSets
    .filter((ruleSet) => isRuleSetInForce({ ruleSet, date }))
    .sort((a, b) => compareDates(b.validFrom, a.validFrom))[0];
}

/** The rule set in force on `date`; throws when none covers it. */
export function getRuleSetFor({ date, ruleSets = DEFAULT_RULE_SETS }: { date: IsoDate; ruleSets?: readonly RuleSet[] }): RuleSet {
  const ruleSet = findRuleSetFor({ date, ruleSets });
  if (!ruleSet) throw new RulesError('rules.no_rule_set', `Không có bộ quy tắc áp dụng cho ngày ${formatDateVi(date)}`);
  return ruleSet;
}

export type RuleSetIssue = { path: string; message: string };

/** Validates a rule set read from JSON (text or parsed value). Nothing is partly accepted. */
export function parseRuleSet({ json }: { json: unknown }): { ok: true; ruleSet: RuleSet } | { ok: false; issues: RuleSetIssue[] } {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return { ok: false, issues: [{ path: '', message: 'Không đọc được JSON' }] };
    }
  }
  const result = ruleSetSchema.safeParse(value);
  if (result.success) return { ok: true, ruleSet: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** The rule set as JSON text, the form the server stores and the administrator edits. */
export function serializeRuleSet({ ruleSet }: { ruleSet: RuleSet }): string {
  return JSON.stringify(ruleSet, null, 2);
}

/** Rule sets must not overlap: one date, one law. Returns the overlapping pairs' ids. */
export function findOverlappingRuleSets({ ruleSets }: { ruleSets: readonly RuleSet[] }): [string, string][] {
  const overlaps: [string, string][] = [];
  ruleSets.forEach((a, i) => {
    for (const b of ruleSets.slice(i + 1)) {
      const aEndsBeforeB = a.validTo !== null && compareDates(a.validTo, b.validFrom) < 0;
      const bEndsBeforeA = b.validTo !== null && compareDates(b.validTo, a.validFrom) < 0;
      if (!aEndsBeforeB && !bEndsBeforeA) overlaps.push([a.id, b.id]);
    }
  });
  return overlaps;
}

export type RuleSetChange = { path: string; before: unknown; after: unknown };

/**
 * Every leaf that differs between two versions of a rule set (or template list), for the audit
 * event of an administrator's edit. Authority rows are matched by id, not by position, so that
 * inserting a row does not show every following row as changed.
 */
export function listRuleSetChanges({ before, after }: { before: unknown; after: unknown }): RuleSetChange[] {
  const changes: RuleSetChange[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (Object.is(a, b)) return;
    const keyed = (v: unknown): v is { id: string }[] => Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string');
    if (keyed(a) && keyed(b)) {
      const ids = [...new Set([...a.map((x) => x.id), ...b.map((x) => x.id)])];
      for (const id of ids) walk(a.find((x) => x.id === id), b.find((x) => x.id === id), `${path}[${id}]`);
      return;
    }
    const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
    if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
      return;
    }
    changes.push({ path, before: a, after: b });
  };
  walk(before, after, '');
  return changes;
}
