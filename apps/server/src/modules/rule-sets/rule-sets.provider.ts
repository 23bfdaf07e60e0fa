import { DEFAULT_RULE_SETS, compareDates, parseRuleSet, type RuleSet } from '@bmnn/rules';
import type { AppContext } from '../../platform/context.ts';

// The one way the server obtains the rule sets (LEGAL.md A4): the shipped defaults of
// @bmnn/rules, each replaced by the administrator's corrected copy once there is one. Every
// getRuleSetFor / findRuleSetFor call on the server passes what this returns.
//
// Parsed sets are cached per database. Each call reads the (id, version) pairs — two tiny rows —
// and parses again only when they changed, so an edit made by another app process behind the
// same PostgreSQL is seen on the next request (decision 0011).

type Cached = { key: string; ruleSets: readonly RuleSet[] };
const cache = new WeakMap<object, Cached>();

export type StoredRuleSet = { ruleSet: RuleSet; version: number; updatedBy: string | null; updatedAt: string | null };

/** Every rule set with its version (0 = the shipped default), oldest first. */
export async function loadRuleSetsWithVersions(ctx: Pick<AppContext, 'db'>): Promise<StoredRuleSet[]> {
  const rows = await ctx.db.selectFrom('rule_sets').selectAll().execute();
  const byId = new Map<string, StoredRuleSet>(DEFAULT_RULE_SETS.map((ruleSet) => [ruleSet.id, { ruleSet, version: 0, updatedBy: null, updatedAt: null }]));
  for (const row of rows) {
    const parsed = parseRuleSet({ json: row.json });
    // Stored copies were validated when written; one that no longer parses (a schema made
    // stricter by a release) must not silently fall back to the defaults.
    if (!parsed.ok) throw new Error(`Rule set ${row.id} (version ${row.version}) no longer validates: ${parsed.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    byId.set(row.id, { ruleSet: parsed.ruleSet, version: Number(row.version), updatedBy: row.updated_by, updatedAt: row.updated_at });
  }
  return [...byId.values()].sort((a, b) => compareDates(a.ruleSet.validFrom, b.ruleSet.validFrom));
}

/** The rule sets in force for this installation, oldest first. */
export async function getRuleSets(ctx: Pick<AppContext, 'db'>): Promise<readonly RuleSet[]> {
  const versions = await ctx.db.selectFrom('rule_sets').select(['id', 'version']).orderBy('id').execute();
  const key = versions.map((v) => `${v.id}:${v.version}`).join('|');
  const hit = cache.get(ctx.db);
  if (hit && hit.key === key) return hit.ruleSets;
  const ruleSets = (await loadRuleSetsWithVersions(ctx)).map((s) => s.ruleSet);
  cache.set(ctx.db, { key, ruleSets });
  return ruleSets;
}

/** Called after an edit is committed. */
export function invalidateRuleSets(ctx: Pick<AppContext, 'db'>): void {
  cache.delete(ctx.db);
}
