import type { RuleSetHistoryEntry, RuleSetSummary, UpdateRuleSetRequest } from '@bmnn/contracts';
import { describeRuleSetChange, findOverlappingRuleSets, formatRuleSetPath, listRuleSetChanges, parseRuleSet, serializeRuleSet, type RuleSet } from '@bmnn/rules';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { canEditRuleSets, type Actor } from '../access/access.policies.ts';
import { SYSTEM_CHAIN } from '../audit/audit.events.ts';
import { ruleSetErrors } from './rule-sets.errors.ts';
import { invalidateRuleSets, loadRuleSetsWithVersions, type StoredRuleSet } from './rule-sets.provider.ts';

// The administrator corrects the rule sets (LEGAL.md A4; the UNCONFIRMED rules are data): view,
// edit with validation (parseRuleSet), no overlapping validity, and an audit event listing
// every changed value. Everyone logged in may read the rules their work follows.

const countUnconfirmed = (ruleSet: RuleSet): number => {
  let n = 0;
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    if ('confirmed' in v && (v as { confirmed: unknown }).confirmed === false && 'legalBasis' in v) n++;
    for (const child of Object.values(v as Record<string, unknown>)) walk(child);
  };
  walk(ruleSet);
  return n;
};

async function namesOf(ctx: AppContext, accountIds: Array<string | null>): Promise<Map<string, string>> {
  const ids = [...new Set(accountIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('accounts').innerJoin('people', 'people.id', 'accounts.person_id').select(['accounts.id', 'people.full_name']).where('accounts.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

function summaryOf(s: StoredRuleSet, names: Map<string, string>): RuleSetSummary {
  return {
    id: s.ruleSet.id,
    name: s.ruleSet.name,
    regime: s.ruleSet.regime,
    validFrom: s.ruleSet.validFrom,
    validTo: s.ruleSet.validTo,
    version: s.version,
    updatedAt: s.updatedAt,
    updatedByName: s.updatedBy ? (names.get(s.updatedBy) ?? null) : null,
    unconfirmedCount: countUnconfirmed(s.ruleSet),
  };
}

export async function listRuleSets(ctx: AppContext, { actor }: { actor: Actor }): Promise<{ ruleSets: RuleSetSummary[]; canEdit: boolean }> {
  const all = await loadRuleSetsWithVersions(ctx);
  const names = await namesOf(ctx, all.map((s) => s.updatedBy));
  return { ruleSets: all.map((s) => summaryOf(s, names)), canEdit: canEditRuleSets(actor) };
}

export async function getRuleSet(ctx: AppContext, { actor, ruleSetId }: { actor: Actor; ruleSetId: string }) {
  const all = await loadRuleSetsWithVersions(ctx);
  const found = all.find((s) => s.ruleSet.id === ruleSetId);
  if (!found) throw ruleSetErrors.notFound();
  const records = await ctx.db
    .selectFrom('audit_records')
    .leftJoin('accounts', 'accounts.id', 'audit_records.actor_id')
    .leftJoin('people', 'people.id', 'accounts.person_id')
    .select(['audit_records.at', 'audit_records.data', 'people.full_name'])
    .where('audit_records.type', '=', 'rule_set.updated')
    .where('audit_records.subject_id', '=', ruleSetId)
    .orderBy('audit_records.at', 'desc')
    .limit(200)
    .execute();
  const history: RuleSetHistoryEntry[] = records.map((r) => {
    const data = JSON.parse(r.data) as { version: number; changes: Array<{ path: string; before: unknown; after: unknown }> };
    return { version: data.version, at: r.at, actorName: r.full_name, changes: data.changes.map((c) => ({ ...c, text: describeRuleSetChange(c) })) };
  });
  const names = await namesOf(ctx, [found.updatedBy]);
  return { summary: summaryOf(found, names), ruleSet: found.ruleSet, json: serializeRuleSet({ ruleSet: found.ruleSet }), history, canEdit: canEditRuleSets(actor) };
}

/**
 * Replaces a rule set by the administrator's corrected copy. All or nothing: an invalid set, an
 * overlap with another set's validity, or a stale version writes nothing.
 */
export async function updateRuleSet(ctx: AppContext, { actor, ruleSetId, input }: { actor: Actor; ruleSetId: string; input: UpdateRuleSetRequest }) {
  if (!canEditRuleSets(actor)) throw errors.forbidden({ message: 'Chỉ quản trị hệ thống được sửa bộ quy tắc' });
  const all = await loadRuleSetsWithVersions(ctx);
  const current = all.find((s) => s.ruleSet.id === ruleSetId);
  if (!current) throw ruleSetErrors.notFound();
  const parsed = parseRuleSet({ json: input.json });
  if (!parsed.ok) {
    throw ruleSetErrors.invalid({ details: { issues: parsed.issues.map((i) => ({ ...i, where: formatRuleSetPath(i.path) })) } });
  }
  const next = parsed.ruleSet;
  if (next.id !== ruleSetId) throw ruleSetErrors.invalid({ message: `Mã bộ quy tắc không được đổi (phải là ${ruleSetId})`, details: { issues: [{ path: 'id', message: `Phải là ${ruleSetId}`, where: formatRuleSetPath('id') }] } });
  const others = all.filter((s) => s.ruleSet.id !== ruleSetId).map((s) => s.ruleSet);
  const overlaps = findOverlappingRuleSets({ ruleSets: [next, ...others] }).filter(([a, b]) => a === ruleSetId || b === ruleSetId);
  if (overlaps.length > 0) {
    const other = others.find((o) => overlaps[0]!.includes(o.id))!;
    throw ruleSetErrors.overlap({
      message: `Thời gian hiệu lực trùng với bộ quy tắc "${other.name}": mỗi ngày chỉ áp dụng một bộ quy tắc (LEGAL.md A4)`,
      details: { overlapsWith: overlaps.map(([a, b]) => (a === ruleSetId ? b : a)) },
    });
  }
  // JSON-safe (an added or removed value has no `before` or `after`), as the audit chain stores it.
  const changes = JSON.parse(JSON.stringify(listRuleSetChanges({ before: current.ruleSet, after: next }))) as ReturnType<typeof listRuleSetChanges>;
  if (changes.length === 0) return { version: current.version, changes: [] };
  const result = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    const version = current.version + 1;
    const json = serializeRuleSet({ ruleSet: next });
    if (current.version === 0) {
      // First edit of a shipped default: the row is created now (seeded lazily).
      if (input.version !== 0) throw ruleSetErrors.versionConflict();
      const exists = await trx.selectFrom('rule_sets').select('id').where('id', '=', ruleSetId).executeTakeFirst();
      if (exists) throw ruleSetErrors.versionConflict();
      await trx.insertInto('rule_sets').values({ id: ruleSetId, json, version, updated_by: actor.accountId, updated_at: iso }).execute();
    } else {
      // Optimistic lock: only the version the administrator edited may be replaced.
      const updated = await trx.updateTable('rule_sets').set({ json, version, updated_by: actor.accountId, updated_at: iso }).where('id', '=', ruleSetId).where('version', '=', input.version).executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1 || input.version !== current.version) throw ruleSetErrors.versionConflict();
    }
    await audit({ type: 'rule_set.updated', chain: SYSTEM_CHAIN, actorId: actor.accountId, subjectId: ruleSetId, data: { ruleSetId, version, changes } });
    return { version, changes: changes.map((c) => ({ ...c, text: describeRuleSetChange(c) })) };
  });
  invalidateRuleSets(ctx);
  return result;
}
