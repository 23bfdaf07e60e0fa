import { LEVEL_RANK, todayInVietnam, type AdjustLevelRequest, type DeclassifyRequest, type Level } from '@bmnn/contracts';
import { canAuthorize, checkAdjustment, checkDeclassification, getRuleSetFor, type ItemForm } from '@bmnn/rules';
import { getRuleSets } from '../rule-sets/rule-sets.provider.ts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canSeeItem, isClearedFor, type Actor } from '../access/access.policies.ts';
import { appendItemEvent, applyToCopies } from './register.events.ts';
import { registerErrors } from './register.errors.ts';
import { authorityOf } from './register.outgoing.ts';
import { loadAccessFacts } from './register.usecases.ts';

// Changing a determined secret (LEGAL.md R9.3, R9.5): raising or lowering its level from the
// danh mục, and declassifying it by a decision on a council's proposal. Both by a head with the
// authority, both followed by written notices within 15 days.

const PROTECTED = ['DETERMINED', 'REGISTERED_OUT', 'SENT', 'RECEIVED', 'RECEIVED_UNOPENED'];

async function loadForDecision(ctx: AppContext, actor: Actor, itemId: string) {
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row || !canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw registerErrors.itemNotFound();
  if (!actor.roles.includes('LANH_DAO')) throw errors.forbidden();
  if (!PROTECTED.includes(row.status)) throw registerErrors.wrongStatus();
  return row;
}

async function requireAuthority(ctx: AppContext, { actor, unitId, action, level, today }: { actor: Actor; unitId: string; action: 'ADJUST' | 'DECLASSIFY'; level: Level; today: string }) {
  const ruleSet = getRuleSetFor({ date: today, ruleSets: await getRuleSets(ctx) });
  const authority = await authorityOf(ctx, { personId: actor.personId, unitId, date: today });
  if (!authority) throw registerErrors.authorityRefused({ message: 'Người quyết định chưa được ghi nhận chức danh có thẩm quyền' });
  const allowed = canAuthorize({ authority, action, level, actionDate: today, ruleSet });
  if (!allowed.allowed) throw registerErrors.authorityRefused({ message: allowed.reason, details: { rule: allowed.rule, legalBasis: allowed.legalBasis } });
  return ruleSet;
}

/** R9.3: whoever may determine may adjust; the new level follows the cited danh mục items. */
export async function adjustLevel(ctx: AppContext, { actor, itemId, input }: { actor: Actor; itemId: string; input: AdjustLevelRequest }) {
  const row = await loadForDecision(ctx, actor, itemId);
  const today = todayInVietnam(ctx.clock());
  const cited = await ctx.db
    .selectFrom('danh_muc_items')
    .innerJoin('danh_muc_decisions', 'danh_muc_decisions.id', 'danh_muc_items.decision_id')
    .select(['danh_muc_items.id', 'danh_muc_items.item_no', 'danh_muc_items.level', 'danh_muc_decisions.number', 'danh_muc_decisions.valid_from', 'danh_muc_decisions.valid_to'])
    .where('danh_muc_items.id', 'in', input.danhMucItemIds)
    .execute();
  const citedItems = cited.map((c) => ({ ref: `${c.number}, mục ${c.item_no}`, level: c.level as Level, validFrom: c.valid_from, validTo: c.valid_to }));
  const ruleSetForCheck = getRuleSetFor({ date: today, ruleSets: await getRuleSets(ctx) });
  const check = checkAdjustment({ form: (row.form ?? 'PAPER_DOC') as ItemForm, currentLevel: row.level as Level, citedItems, determinationDate: row.determined_on ?? today, adjustmentDate: today, ruleSet: ruleSetForCheck });
  if (!check.ok) throw registerErrors.periodRefused({ message: check.reason, details: { rule: check.rule, legalBasis: check.legalBasis } });
  if (!isClearedFor(actor.clearance, check.newLevel)) throw errors.forbidden({ message: 'Bạn không được tiếp cận độ mật mới' });
  const higher = LEVEL_RANK[check.newLevel] > LEVEL_RANK[row.level as Level] ? check.newLevel : (row.level as Level);
  await requireAuthority(ctx, { actor, unitId: row.unit_id, action: 'ADJUST', level: higher, today });
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    // R7.2: raised to Tuyệt mật, the summary is no longer kept.
    const dropSummary = check.newLevel === 'TUYET_MAT';
    await trx.updateTable('items').set({ level: check.newLevel, protection_end: check.period.endDate, ...(dropSummary ? { trich_yeu: null, trich_yeu_folded: null } : {}), updated_at: iso }).where('id', '=', itemId).execute();
    await trx.deleteFrom('item_citations').where('item_id', '=', itemId).execute();
    for (const c of cited) await trx.insertInto('item_citations').values({ item_id: itemId, danh_muc_item_id: c.id }).execute();
    const adjusted = { type: 'LEVEL_ADJUSTED' as const, data: { from: row.level, to: check.newLevel, direction: check.direction, decisionRef: input.decisionRef, protectionEnd: check.period.endDate, notifyBy: check.notifyBy, citedRefs: citedItems.map((c) => c.ref) } };
    await appendItemEvent({ trx, kind: ctx.dbKind, unitId: row.unit_id, itemId, occurredAt: iso, recordedAt: now, actorId: actor.accountId, event: adjusted });
    await applyToCopies({ trx, kind: ctx.dbKind, parentId: itemId, set: { level: check.newLevel, protection_end: check.period.endDate, ...(dropSummary ? { trich_yeu: null, trich_yeu_folded: null } : {}) }, event: adjusted, at: now, actorId: actor.accountId });
    await trx.insertInto('item_notices').values({ id: generateId('ntc'), unit_id: row.unit_id, item_id: itemId, kind: 'ADJUSTMENT', decision_ref: input.decisionRef, due_date: check.notifyBy, sent_on: null, sent_to: null, created_at: iso }).execute();
    await audit({ type: 'item.level_adjusted', chain: row.unit_id, actorId: actor.accountId, subjectId: itemId, data: { from: row.level, to: check.newLevel, decisionRef: input.decisionRef } });
    return { level: check.newLevel, direction: check.direction, protectionEnd: check.period.endDate, notifyBy: check.notifyBy };
  });
}

/** R9.4(b, c), R9.5: declassification by decision; case (b) needs a council of at least two. */
export async function declassifyItem(ctx: AppContext, { actor, itemId, input }: { actor: Actor; itemId: string; input: DeclassifyRequest }) {
  const row = await loadForDecision(ctx, actor, itemId);
  const today = todayInVietnam(ctx.clock());
  const ruleSet = await requireAuthority(ctx, { actor, unitId: row.unit_id, action: 'DECLASSIFY', level: row.level as Level, today });
  const members = [...new Set([...(input.chairId ? [input.chairId] : []), ...(input.memberIds ?? [])])];
  const check = checkDeclassification({ reason: input.reason, decisionDate: today, endDate: row.protection_end, ...(input.chairId ? { council: { chair: input.chairId, members } } : {}), partial: input.partial ?? false, ...(input.declassifiedContent ? { declassifiedContent: input.declassifiedContent } : {}), ruleSet });
  if (!check.ok) throw registerErrors.periodRefused({ message: check.reason, details: { rule: check.rule, legalBasis: check.legalBasis } });
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    if (!input.partial) await trx.updateTable('items').set({ status: 'DECLASSIFIED', updated_at: iso }).where('id', '=', itemId).execute();
    const declassified = { type: 'DECLASSIFIED' as const, data: { case: input.reason, protectionEnd: row.protection_end, note: input.partial ? `Giải mật một phần: ${input.declassifiedContent}` : check.label, decisionRef: input.decisionRef, partial: input.partial ?? false, ...(input.chairId ? { council: { chairId: input.chairId, memberIds: members } } : {}) } };
    await appendItemEvent({ trx, kind: ctx.dbKind, unitId: row.unit_id, itemId, occurredAt: iso, recordedAt: now, actorId: actor.accountId, event: declassified });
    await applyToCopies({ trx, kind: ctx.dbKind, parentId: itemId, set: input.partial ? {} : { status: 'DECLASSIFIED' }, event: declassified, at: now, actorId: actor.accountId });
    await trx.insertInto('item_notices').values({ id: generateId('ntc'), unit_id: row.unit_id, item_id: itemId, kind: 'DECLASSIFICATION', decision_ref: input.decisionRef, due_date: check.notifyBy, sent_on: null, sent_to: null, created_at: iso }).execute();
    await audit({ type: 'item.declassified', chain: row.unit_id, actorId: actor.accountId, subjectId: itemId, data: { reason: input.reason, decisionRef: input.decisionRef, partial: input.partial ?? false } });
    return { status: input.partial ? row.status : 'DECLASSIFIED', notifyBy: check.notifyBy, label: check.label };
  });
}

