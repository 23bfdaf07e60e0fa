import { CLEARANCES, CLEARANCE_RANK, LEVEL_LABELS, LEVEL_RANK, LIMITS, foldForSearch, todayInVietnam, type Clearance, type CouncilCandidate, type DestructionCaseDetail, type DestructionCaseItem, type DestructionCaseSummary, type DestructionStatus, type Level, type ListDestructionsQuery } from '@bmnn/contracts';
import { canAuthorize, emergencyDestructionReportDue, getRuleSetFor } from '@bmnn/rules';
import { getRuleSets } from '../rule-sets/rule-sets.provider.ts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canSeeItem, isClearedFor, type Actor } from '../access/access.policies.ts';
import { appendItemEvent } from '../register/register.events.ts';
import { registerErrors } from '../register/register.errors.ts';
import { authorityOf } from '../register/register.outgoing.ts';
import { loadAccessFacts, visibleItemsFilter } from '../register/register.usecases.ts';
import { destructionErrors } from './destruction.errors.ts';

// Destruction (LEGAL.md R10.1–R10.4). Ordinary path: proposal list → council (a chair and at
// least one member, DESIGN.md §5) → review minutes → decision by an authority with a Tối mật
// ceiling or higher (R10.3) who is not the proposer → destruction record with method, place,
// witnesses and the "cannot be restored" confirmation (R10.2). Emergency path: the custodian
// destroys at once and the written report to the head falls due immediately (R10.1 b, R10.3).

const DESTROYABLE = ['DETERMINED', 'REGISTERED_OUT', 'SENT', 'RECEIVED', 'RECEIVED_UNOPENED', 'RECEIVED_TAMPERED', 'DECLASSIFIED'];

type Execution = { method: string; place: string; witnesses: string[]; irrecoverable: true };

async function loadItemsFor(ctx: AppContext, actor: Actor, unitId: string, itemIds: string[]) {
  const rows = await ctx.db.selectFrom('items').selectAll().where('id', 'in', itemIds).execute();
  for (const id of itemIds) {
    const row = rows.find((r) => r.id === id);
    if (!row || row.unit_id !== unitId || !canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw registerErrors.itemNotFound();
    if (!DESTROYABLE.includes(row.status)) throw registerErrors.wrongStatus({ message: `Tài liệu ${row.so_ky_hieu} không ở trạng thái được tiêu hủy` });
  }
  return rows;
}

async function loadCase(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await ctx.db.selectFrom('destruction_cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw destructionErrors.notFound();
  // Whoever cannot see every item of the case does not see the case. Council members have a
  // reason to know the items they review (DESIGN.md §5), within their clearance, even when
  // they represent another unit (R10.4: "representatives of related bodies").
  const onCouncil = isOnCouncil(c.council, actor.personId);
  if (!actor.scopeUnitIds.has(c.unit_id) && !onCouncil) throw destructionErrors.notFound();
  const itemIds = (await ctx.db.selectFrom('destruction_case_items').select('item_id').where('case_id', '=', caseId).execute()).map((r) => r.item_id);
  const items = await ctx.db.selectFrom('items').selectAll().where('id', 'in', itemIds.length ? itemIds : ['']).execute();
  for (const row of items) {
    const visible = canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() }) || (onCouncil && isClearedFor(actor.clearance, row.level as Level));
    if (!visible) throw destructionErrors.notFound();
  }
  return { c, items };
}

function isOnCouncil(council: string | null, personId: string): boolean {
  if (!council) return false;
  const parsed = JSON.parse(council) as { chairId: string; memberIds: string[] };
  return [parsed.chairId, ...parsed.memberIds].includes(personId);
}

/** Deciding, recording and reporting belong to the unit's own people; a council member from another unit reviews only. */
function ensureInScope(actor: Actor, unitId: string) {
  if (!actor.scopeUnitIds.has(unitId)) throw errors.forbidden({ message: 'Chỉ đơn vị lưu giữ tài liệu được thực hiện bước này' });
}

const highest = (levels: string[]) => levels.reduce<Level>((top, l) => (LEVEL_RANK[l as Level] > LEVEL_RANK[top] ? (l as Level) : top), 'MAT');

export async function proposeDestruction(ctx: AppContext, { actor, unitId, itemIds }: { actor: Actor; unitId: string; itemIds: string[] }) {
  if (!actor.roles.includes('VAN_THU') && !actor.roles.includes('LANH_DAO')) throw errors.forbidden();
  await loadItemsFor(ctx, actor, unitId, itemIds);
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const id = generateId('dst');
    const iso = now.toISOString();
    await trx.insertInto('destruction_cases').values({ id, unit_id: unitId, reason: 'NO_LONGER_NEEDED', status: 'PROPOSED', proposed_by: actor.accountId, council_ref: null, council: null, review_minutes: null, decision_ref: null, decided_by: null, decided_on: null, executed_at: null, method: null, place: null, witnesses: null, circumstances: null, report_due: null, report_sent_on: null, created_at: iso, updated_at: iso }).execute();
    for (const itemId of new Set(itemIds)) await trx.insertInto('destruction_case_items').values({ case_id: id, item_id: itemId }).execute();
    await audit({ type: 'destruction.proposed', chain: unitId, actorId: actor.accountId, subjectId: id, data: { items: itemIds.length } });
    return { caseId: id, status: 'PROPOSED' };
  });
}

/** R10.4: the council — a chair from the unit's leaders and at least one more member. */
export async function setDestructionCouncil(ctx: AppContext, { actor, caseId, input }: { actor: Actor; caseId: string; input: { councilRef: string; chairId: string; memberIds: string[] } }) {
  const { c, items } = await loadCase(ctx, actor, caseId);
  if (!actor.roles.includes('LANH_DAO')) throw errors.forbidden();
  ensureInScope(actor, c.unit_id);
  if (c.status !== 'PROPOSED') throw destructionErrors.wrongStep();
  const members = [...new Set(input.memberIds)].filter((m) => m !== input.chairId);
  if (members.length < 1) throw destructionErrors.councilInvalid({ message: 'Hội đồng tiêu hủy cần ít nhất hai người: Chủ tịch và một thành viên' });
  const people = await ctx.db.selectFrom('people').select(['id', 'full_name', 'clearance']).where('id', 'in', [input.chairId, ...members]).execute();
  if (people.length !== members.length + 1) throw destructionErrors.councilInvalid({ message: 'Có thành viên Hội đồng không tồn tại' });
  // The council reviews the list (R10.4): someone not cleared for its highest level could not read
  // it. The picker offers only cleared people; the server holds the same line for any client.
  const top = highest(items.map((i) => i.level));
  const uncleared = people.filter((p) => !isClearedFor(p.clearance as Clearance, top));
  if (uncleared.length > 0) {
    throw destructionErrors.councilInvalid({ message: `Thành viên Hội đồng chưa được tiếp cận bí mật nhà nước độ ${LEVEL_LABELS[top]}: ${uncleared.map((p) => p.full_name).join(', ')}` });
  }
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('destruction_cases').set({ status: 'COUNCIL_SET', council_ref: input.councilRef, council: JSON.stringify({ chairId: input.chairId, memberIds: members }), updated_at: now.toISOString() }).where('id', '=', caseId).execute();
    await audit({ type: 'destruction.council_set', chain: c.unit_id, actorId: actor.accountId, subjectId: caseId, data: { councilRef: input.councilRef, size: members.length + 1 } });
    return { status: 'COUNCIL_SET' };
  });
}

const CANDIDATES_MAX = 30;

/**
 * R10.4: whom the head may put on the council. The council includes "representatives of related
 * bodies", so a search reaches people of every unit that still exists (decision 0007); without a
 * search term the list is the head's own units, where the chair and the custodian come from. Only
 * people cleared for the highest level of the list are offered — anyone else could not read the
 * case they are to review — and only their name and unit leave the server.
 */
export async function listCouncilCandidates(ctx: AppContext, { actor, caseId, q }: { actor: Actor; caseId: string; q?: string | undefined }): Promise<{ people: CouncilCandidate[] }> {
  const { c, items } = await loadCase(ctx, actor, caseId);
  if (!actor.roles.includes('LANH_DAO')) throw errors.forbidden();
  ensureInScope(actor, c.unit_id);
  if (c.status !== 'PROPOSED') throw destructionErrors.wrongStep();
  const top = highest(items.map((i) => i.level));
  const cleared = CLEARANCES.filter((cl) => CLEARANCE_RANK[cl] >= LEVEL_RANK[top]);
  const today = todayInVietnam(ctx.clock());
  const needle = q ? foldForSearch(q).replace(/[%_\\]/g, '') : '';
  let query = ctx.db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.full_name', 'people.unit_id', 'units.name as unit_name'])
    .where('people.clearance', 'in', cleared)
    .where((eb) => eb.or([eb('units.valid_to', 'is', null), eb('units.valid_to', '>', today)]));
  query = needle ? query.where('people.full_name_folded', 'like', `%${needle}%`) : query.where('people.unit_id', 'in', [...actor.scopeUnitIds, c.unit_id]);
  const rows = await query.orderBy('people.full_name').orderBy('people.id').limit(CANDIDATES_MAX).execute();
  return { people: rows.map((r) => ({ id: r.id, fullName: r.full_name, unitId: r.unit_id, unitName: r.unit_name })) };
}

/** R10.4: the council's review, recorded by one of its members. */
export async function recordDestructionReview(ctx: AppContext, { actor, caseId, minutes }: { actor: Actor; caseId: string; minutes: string }) {
  const { c } = await loadCase(ctx, actor, caseId);
  if (c.status !== 'COUNCIL_SET') throw destructionErrors.wrongStep();
  const council = JSON.parse(c.council ?? '{}') as { chairId: string; memberIds: string[] };
  if (![council.chairId, ...council.memberIds].includes(actor.personId)) throw errors.forbidden({ message: 'Chỉ thành viên Hội đồng tiêu hủy được ghi biên bản họp' });
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('destruction_cases').set({ status: 'REVIEWED', review_minutes: minutes, updated_at: now.toISOString() }).where('id', '=', caseId).execute();
    await audit({ type: 'destruction.reviewed', chain: c.unit_id, actorId: actor.accountId, subjectId: caseId, data: {} });
    return { status: 'REVIEWED' };
  });
}

/** R10.3: the decision, by an authority for the highest level in the list, not the proposer. */
export async function decideDestruction(ctx: AppContext, { actor, caseId, decisionRef }: { actor: Actor; caseId: string; decisionRef: string }) {
  const { c, items } = await loadCase(ctx, actor, caseId);
  if (c.status !== 'REVIEWED') throw destructionErrors.wrongStep({ message: 'Chỉ quyết định tiêu hủy sau khi Hội đồng đã họp và có biên bản' });
  ensureInScope(actor, c.unit_id);
  if (c.proposed_by === actor.accountId) throw registerErrors.samePerson();
  const today = todayInVietnam(ctx.clock());
  const ruleSet = getRuleSetFor({ date: today, ruleSets: await getRuleSets(ctx) });
  const authority = await authorityOf(ctx, { personId: actor.personId, unitId: c.unit_id, date: today });
  if (!authority) throw registerErrors.authorityRefused({ message: 'Người quyết định chưa được ghi nhận chức danh có thẩm quyền tiêu hủy' });
  const allowed = canAuthorize({ authority, action: 'DESTROY', level: highest(items.map((i) => i.level)), actionDate: today, ruleSet });
  if (!allowed.allowed) throw registerErrors.authorityRefused({ message: allowed.reason, details: { rule: allowed.rule, legalBasis: allowed.legalBasis } });
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('destruction_cases').set({ status: 'DECIDED', decision_ref: decisionRef, decided_by: actor.personId, decided_on: today, updated_at: now.toISOString() }).where('id', '=', caseId).execute();
    await audit({ type: 'destruction.decided', chain: c.unit_id, actorId: actor.accountId, subjectId: caseId, data: { decisionRef, items: items.length } });
    return { status: 'DECIDED', legalBasis: `${allowed.rule}: ${allowed.legalBasis}` };
  });
}

async function destroyItems(ctx: AppContext, scope: Parameters<Parameters<typeof inTransaction>[1]>[0], { actor, unitId, items, caseId, execution, emergency }: { actor: Actor; unitId: string; items: Array<{ id: string }>; caseId: string; execution: Execution; emergency: boolean }) {
  const iso = scope.now.toISOString();
  for (const item of items) {
    await scope.trx.updateTable('items').set({ status: 'DESTROYED', updated_at: iso }).where('id', '=', item.id).execute();
    await appendItemEvent({ trx: scope.trx, kind: ctx.dbKind, unitId, itemId: item.id, occurredAt: iso, recordedAt: scope.now, actorId: actor.accountId, event: { type: 'DESTROYED', data: { caseId, method: execution.method, place: execution.place, witnesses: execution.witnesses, emergency } } });
  }
}

/** R10.2: the destruction record; the items become DESTROYED. */
export async function executeDestruction(ctx: AppContext, { actor, caseId, execution }: { actor: Actor; caseId: string; execution: Execution }) {
  const { c, items } = await loadCase(ctx, actor, caseId);
  if (c.status !== 'DECIDED') throw destructionErrors.wrongStep({ message: 'Chưa có quyết định tiêu hủy' });
  ensureInScope(actor, c.unit_id);
  return inTransaction(ctx, async (scope) => {
    await scope.trx.updateTable('destruction_cases').set({ status: 'EXECUTED', executed_at: scope.now.toISOString(), method: execution.method, place: execution.place, witnesses: JSON.stringify(execution.witnesses), updated_at: scope.now.toISOString() }).where('id', '=', caseId).execute();
    await destroyItems(ctx, scope, { actor, unitId: c.unit_id, items, caseId, execution, emergency: false });
    await scope.audit({ type: 'destruction.executed', chain: c.unit_id, actorId: actor.accountId, subjectId: caseId, data: { items: items.length, method: execution.method, emergency: false } });
    return { status: 'EXECUTED', destroyed: items.length };
  });
}

/** R10.1(b), R10.3: the custodian destroys at once; the written report to the head is due immediately. */
export async function emergencyDestruction(ctx: AppContext, { actor, unitId, itemIds, circumstances, execution }: { actor: Actor; unitId: string; itemIds: string[]; circumstances: string; execution: Execution }) {
  const items = await loadItemsFor(ctx, actor, unitId, itemIds);
  const notHeld = items.find((i) => i.custodian_id !== actor.personId);
  if (notHeld) throw errors.forbidden({ message: `Chỉ người đang trực tiếp quản lý được tiêu hủy khẩn cấp (${notHeld.so_ky_hieu})` });
  const ruleSet = getRuleSetFor({ date: todayInVietnam(ctx.clock()), ruleSets: await getRuleSets(ctx) });
  return inTransaction(ctx, async (scope) => {
    const id = generateId('dst');
    const iso = scope.now.toISOString();
    const reportDue = emergencyDestructionReportDue({ destroyedAt: iso, ruleSet });
    await scope.trx.insertInto('destruction_cases').values({ id, unit_id: unitId, reason: 'EMERGENCY', status: 'REPORT_DUE', proposed_by: actor.accountId, council_ref: null, council: null, review_minutes: null, decision_ref: null, decided_by: null, decided_on: null, executed_at: iso, method: execution.method, place: execution.place, witnesses: JSON.stringify(execution.witnesses), circumstances, report_due: reportDue, report_sent_on: null, created_at: iso, updated_at: iso }).execute();
    for (const item of items) await scope.trx.insertInto('destruction_case_items').values({ case_id: id, item_id: item.id }).execute();
    await destroyItems(ctx, scope, { actor, unitId, items, caseId: id, execution, emergency: true });
    await scope.audit({ type: 'destruction.executed', chain: unitId, actorId: actor.accountId, subjectId: id, data: { items: items.length, method: execution.method, emergency: true } });
    return { caseId: id, status: 'REPORT_DUE', reportDue };
  });
}

export async function recordEmergencyReport(ctx: AppContext, { actor, caseId, sentOn }: { actor: Actor; caseId: string; sentOn: string }) {
  const { c } = await loadCase(ctx, actor, caseId);
  if (c.status !== 'REPORT_DUE') throw destructionErrors.wrongStep();
  ensureInScope(actor, c.unit_id);
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('destruction_cases').set({ status: 'REPORTED', report_sent_on: sentOn, updated_at: now.toISOString() }).where('id', '=', caseId).execute();
    await audit({ type: 'destruction.reported', chain: c.unit_id, actorId: actor.accountId, subjectId: caseId, data: { sentOn } });
    return { status: 'REPORTED' };
  });
}

async function namesOf(ctx: AppContext, personIds: Array<string | null>): Promise<Map<string, string>> {
  const ids = [...new Set(personIds.filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

const isReportOverdue = (c: { status: string; report_due: string | null }, now: Date) => c.status === 'REPORT_DUE' && c.report_due !== null && c.report_due < now.toISOString();

export async function getDestructionCase(ctx: AppContext, { actor, caseId }: { actor: Actor; caseId: string }): Promise<{ case: DestructionCaseDetail; items: DestructionCaseItem[] }> {
  const { c, items } = await loadCase(ctx, actor, caseId);
  const council = c.council ? (JSON.parse(c.council) as { chairId: string; memberIds: string[] }) : null;
  const proposer = await ctx.db.selectFrom('accounts').select('person_id').where('id', '=', c.proposed_by).executeTakeFirst();
  const names = await namesOf(ctx, [proposer?.person_id ?? null, c.decided_by, council?.chairId ?? null, ...(council?.memberIds ?? [])]);
  const name = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  return {
    case: {
      id: c.id,
      unitId: c.unit_id,
      reason: c.reason as DestructionCaseDetail['reason'],
      status: c.status as DestructionStatus,
      proposedBy: c.proposed_by,
      proposedByName: name(proposer?.person_id),
      councilRef: c.council_ref,
      council,
      councilNames: council ? { chair: name(council.chairId), members: council.memberIds.map((m) => name(m) ?? '—') } : null,
      reviewMinutes: c.review_minutes,
      decisionRef: c.decision_ref,
      decidedOn: c.decided_on,
      decidedByName: name(c.decided_by),
      executedAt: c.executed_at,
      method: c.method,
      place: c.place,
      witnesses: c.witnesses ? (JSON.parse(c.witnesses) as string[]) : [],
      circumstances: c.circumstances,
      reportDue: c.report_due,
      reportSentOn: c.report_sent_on,
      reportOverdue: isReportOverdue(c, ctx.clock()),
    },
    items: items.map((i) => ({ id: i.id, soKyHieu: i.so_ky_hieu, level: i.level as Level, status: i.status })),
  };
}

/**
 * Reading a case from the API is audited like reading an item (DESIGN.md §5): it names the items
 * and their levels. The printouts call getDestructionCase and audit their own `item.printed`.
 */
export async function viewDestructionCase(ctx: AppContext, { actor, caseId }: { actor: Actor; caseId: string }) {
  const read = await getDestructionCase(ctx, { actor, caseId });
  const onCouncil = !!read.case.council && [read.case.council.chairId, ...read.case.council.memberIds].includes(actor.personId);
  await inTransaction(ctx, ({ audit }) =>
    audit({ type: 'destruction.viewed', chain: read.case.unitId, actorId: actor.accountId, subjectId: caseId, data: { items: read.items.length, highestLevel: highest(read.items.map((i) => i.level)), onCouncil } }),
  );
  return read;
}

/**
 * The cases a person may see (R10.4): those of their unit scope whose every item they may see,
 * and those whose council they sit on, within their clearance. Others are absent, not refused.
 */
export async function listDestructionCases(ctx: AppContext, { actor, query }: { actor: Actor; query: ListDestructionsQuery }): Promise<{ cases: DestructionCaseSummary[] }> {
  const now = ctx.clock();
  const scope = [...actor.scopeUnitIds];
  let q = ctx.db
    .selectFrom('destruction_cases')
    .selectAll()
    // The LIKE narrows the candidates; isOnCouncil below decides.
    .where((eb) => eb.or([eb('council', 'like', `%"${actor.personId}"%`), ...(scope.length ? [eb('unit_id', 'in', scope)] : [])]));
  if (query.status) q = q.where('status', '=', query.status);
  if (query.unitId) q = q.where('unit_id', '=', query.unitId);
  const candidates = await q.orderBy('created_at', 'desc').limit(LIMITS.pageSizeMax).execute();
  if (candidates.length === 0) return { cases: [] };
  const caseIds = candidates.map((c) => c.id);
  const links = await ctx.db
    .selectFrom('destruction_case_items')
    .innerJoin('items', 'items.id', 'destruction_case_items.item_id')
    .select(['destruction_case_items.case_id', 'items.id', 'items.level'])
    .where('destruction_case_items.case_id', 'in', caseIds)
    .execute();
  const visible = new Set(
    (
      await ctx.db
        .selectFrom('destruction_case_items')
        .innerJoin('items', 'items.id', 'destruction_case_items.item_id')
        .select(['items.id'])
        .where('destruction_case_items.case_id', 'in', caseIds)
        .where(visibleItemsFilter(actor, now))
        .execute()
    ).map((r) => r.id),
  );
  const cases: DestructionCaseSummary[] = [];
  for (const c of candidates) {
    const items = links.filter((l) => l.case_id === c.id);
    const onCouncil = isOnCouncil(c.council, actor.personId);
    const seesAll = items.length > 0 && items.every((i) => (actor.scopeUnitIds.has(c.unit_id) && visible.has(i.id)) || (onCouncil && isClearedFor(actor.clearance, i.level as Level)));
    if (!seesAll) continue;
    cases.push({
      id: c.id,
      unitId: c.unit_id,
      reason: c.reason as DestructionCaseSummary['reason'],
      status: c.status as DestructionStatus,
      itemCount: items.length,
      highestLevel: highest(items.map((i) => i.level)),
      createdAt: c.created_at,
      councilRef: c.council_ref,
      decisionRef: c.decision_ref,
      executedAt: c.executed_at,
      reportDue: c.report_due,
      reportSentOn: c.report_sent_on,
      reportOverdue: isReportOverdue(c, now),
      onCouncil,
    });
  }
  return { cases };
}
