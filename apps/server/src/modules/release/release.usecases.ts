import { LEVEL_RANK, todayInVietnam, type Level, type ProvisionRequest, type ReleaseDecisionRequest, type ReleaseKind, type ReleaseRequestSummary, type TakeOutRequest } from '@bmnn/contracts';
import { canAuthorize, getRuleSetFor, takeOutStatus, type AuthorityAction } from '@bmnn/rules';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { createError, errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canSeeItem, type Actor } from '../access/access.policies.ts';
import { appendItemEvent } from '../register/register.events.ts';
import { registerErrors } from '../register/register.errors.ts';
import { authorityOf } from '../register/register.outgoing.ts';
import { loadAccessFacts, visibleItemsFilter } from '../register/register.usecases.ts';

// Items leaving their storage place: taken out for a task at home or abroad (LEGAL.md R8.1,
// R8.2) or provided to a Vietnamese or foreign party (R8.3–R8.6). A request names the items;
// a competent head who is not the requester decides (a refusal needs its reason in writing);
// taking out and returning are item events; a provision is a line of the handover book.

const releaseErrors = {
  notFound: createError('release.not_found', 'Không tìm thấy đề nghị'),
  wrongStep: createError('release.wrong_step', 'Đề nghị không ở bước cho phép thao tác này'),
};

const AVAILABLE = ['DETERMINED', 'REGISTERED_OUT', 'SENT', 'RECEIVED', 'RECEIVED_UNOPENED'];
type Kind = 'TAKE_OUT_DOMESTIC' | 'TAKE_OUT_ABROAD' | 'PROVIDE_DOMESTIC' | 'PROVIDE_FOREIGN';

async function loadItems(ctx: AppContext, actor: Actor, unitId: string, itemIds: string[]) {
  const rows = await ctx.db.selectFrom('items').selectAll().where('id', 'in', itemIds).execute();
  for (const id of itemIds) {
    const row = rows.find((r) => r.id === id);
    if (!row || row.unit_id !== unitId || !canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw registerErrors.itemNotFound();
    if (!AVAILABLE.includes(row.status)) throw registerErrors.wrongStatus({ message: `Tài liệu ${row.so_ky_hieu} không ở nơi lưu giữ (trạng thái hiện tại không cho phép)` });
  }
  return rows;
}

async function createRequest(ctx: AppContext, { actor, unitId, itemIds, kind, details, fromDate, toDate }: { actor: Actor; unitId: string; itemIds: string[]; kind: Kind; details: Record<string, unknown>; fromDate: string | null; toDate: string | null }) {
  await loadItems(ctx, actor, unitId, itemIds);
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const id = generateId('rel');
    const iso = now.toISOString();
    await trx.insertInto('release_requests').values({ id, unit_id: unitId, kind, status: 'REQUESTED', requested_by: actor.accountId, details: JSON.stringify(details), from_date: fromDate, to_date: toDate, decided_by: null, decided_on: null, decision_basis: null, refusal_reason: null, returned_on: null, created_at: iso, updated_at: iso }).execute();
    for (const itemId of new Set(itemIds)) await trx.insertInto('release_request_items').values({ request_id: id, item_id: itemId }).execute();
    await audit({ type: 'release.requested', chain: unitId, actorId: actor.accountId, subjectId: id, data: { kind, items: itemIds.length } });
    return { requestId: id, status: 'REQUESTED' };
  });
}

/** R8.2: the written request to take items out (abroad also names the delegation head, R8.1). */
export async function requestTakeOut(ctx: AppContext, { actor, input }: { actor: Actor; input: TakeOutRequest }) {
  const { unitId, itemIds, fromDate, toDate, ...details } = input;
  return createRequest(ctx, { actor, unitId, itemIds, kind: input.country ? 'TAKE_OUT_ABROAD' : 'TAKE_OUT_DOMESTIC', details, fromDate, toDate });
}

/** R8.4, R8.6: a request to provide items, with the requester's identity, purpose and commitment. */
export async function requestProvision(ctx: AppContext, { actor, input }: { actor: Actor; input: ProvisionRequest }) {
  const { unitId, itemIds, foreign, ...details } = input;
  return createRequest(ctx, { actor, unitId, itemIds, kind: foreign ? 'PROVIDE_FOREIGN' : 'PROVIDE_DOMESTIC', details, fromDate: null, toDate: null });
}

async function loadRequest(ctx: AppContext, actor: Actor, requestId: string) {
  const r = await ctx.db.selectFrom('release_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!r || !actor.scopeUnitIds.has(r.unit_id)) throw releaseErrors.notFound();
  const itemIds = (await ctx.db.selectFrom('release_request_items').select('item_id').where('request_id', '=', requestId).execute()).map((x) => x.item_id);
  const items = await ctx.db.selectFrom('items').selectAll().where('id', 'in', itemIds).execute();
  for (const row of items) if (!canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw releaseErrors.notFound();
  return { r, items };
}

/** R8.1, R8.3, R8.5, R8.6: a competent head, not the requester, approves or refuses with reasons. */
export async function decideRelease(ctx: AppContext, { actor, requestId, input }: { actor: Actor; requestId: string; input: ReleaseDecisionRequest }) {
  const { r, items } = await loadRequest(ctx, actor, requestId);
  if (r.status !== 'REQUESTED') throw releaseErrors.wrongStep();
  if (!actor.roles.includes('LANH_DAO')) throw errors.forbidden();
  if (r.requested_by === actor.accountId) throw registerErrors.samePerson();
  const today = todayInVietnam(ctx.clock());
  let basis: string | null = null;
  if (input.approve) {
    const ruleSet = getRuleSetFor({ date: today });
    const level = items.reduce<Level>((top, i) => (LEVEL_RANK[i.level as Level] > LEVEL_RANK[top] ? (i.level as Level) : top), 'MAT');
    const authority = await authorityOf(ctx, { personId: actor.personId, unitId: r.unit_id, date: today });
    if (!authority) throw registerErrors.authorityRefused({ message: 'Người duyệt chưa được ghi nhận chức danh có thẩm quyền' });
    const allowed = canAuthorize({ authority, action: r.kind as AuthorityAction, level, actionDate: today, ruleSet });
    if (!allowed.allowed) throw registerErrors.authorityRefused({ message: allowed.reason, details: { rule: allowed.rule, legalBasis: allowed.legalBasis } });
    basis = `${allowed.rule}: ${allowed.legalBasis}`;
  }
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    const status = input.approve ? 'APPROVED' : 'REFUSED';
    await trx.updateTable('release_requests').set({ status, decided_by: actor.personId, decided_on: today, decision_basis: basis, refusal_reason: input.approve ? null : input.reason, updated_at: iso }).where('id', '=', requestId).execute();
    if (input.approve && r.kind.startsWith('PROVIDE')) {
      const details = JSON.parse(r.details) as { requesterBody: string; representative: string };
      for (const item of items) {
        await appendItemEvent({ trx, kind: ctx.dbKind, unitId: r.unit_id, itemId: item.id, occurredAt: iso, recordedAt: now, actorId: actor.accountId, book: 'CHUYEN_GIAO', event: { type: 'PROVIDED', data: { requestId, to: details.requesterBody, representative: details.representative, foreign: r.kind === 'PROVIDE_FOREIGN' } } });
      }
    }
    await audit({ type: 'release.decided', chain: r.unit_id, actorId: actor.accountId, subjectId: requestId, data: { kind: r.kind, approved: input.approve } });
    return { status, legalBasis: basis };
  });
}

/** The items leave (status TAKEN_OUT), then come back; an overdue return shows on the dashboard. */
export async function recordTakeOutMovement(ctx: AppContext, { actor, requestId, movement }: { actor: Actor; requestId: string; movement: 'OUT' | 'RETURNED' }) {
  const { r, items } = await loadRequest(ctx, actor, requestId);
  if (!r.kind.startsWith('TAKE_OUT')) throw releaseErrors.wrongStep();
  if ((movement === 'OUT' && r.status !== 'APPROVED') || (movement === 'RETURNED' && r.status !== 'OUT')) throw releaseErrors.wrongStep();
  if (!actor.roles.includes('VAN_THU') && !actor.roles.includes('LANH_DAO')) throw errors.forbidden();
  const today = todayInVietnam(ctx.clock());
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    await trx.updateTable('release_requests').set({ status: movement, returned_on: movement === 'RETURNED' ? today : null, updated_at: iso }).where('id', '=', requestId).execute();
    for (const item of items) {
      const before = movement === 'OUT' ? item.status : 'TAKEN_OUT';
      const previous = movement === 'RETURNED' ? ((JSON.parse(r.details) as { previousStatus?: Record<string, string> }).previousStatus?.[item.id] ?? 'RECEIVED') : 'TAKEN_OUT';
      await trx.updateTable('items').set({ status: movement === 'OUT' ? 'TAKEN_OUT' : previous, updated_at: iso }).where('id', '=', item.id).execute();
      await appendItemEvent({ trx, kind: ctx.dbKind, unitId: r.unit_id, itemId: item.id, occurredAt: iso, recordedAt: now, actorId: actor.accountId, event: movement === 'OUT' ? { type: 'TAKEN_OUT', data: { requestId, returnDue: r.to_date!, previousStatus: before } } : { type: 'RETURNED', data: { requestId } } });
    }
    if (movement === 'OUT') {
      const details = JSON.parse(r.details) as Record<string, unknown>;
      details.previousStatus = Object.fromEntries(items.map((i) => [i.id, i.status]));
      await trx.updateTable('release_requests').set({ details: JSON.stringify(details) }).where('id', '=', requestId).execute();
    }
    await audit({ type: movement === 'OUT' ? 'release.taken_out' : 'release.returned', chain: r.unit_id, actorId: actor.accountId, subjectId: requestId, data: { items: items.length } });
    return { status: movement };
  });
}

/**
 * Requests of a unit (or of the whole unit scope), with their items and the return status of
 * take-outs (R8.2: overdue after the return date). A request with an item the reader may not
 * see is left out.
 */
export async function listReleaseRequests(ctx: AppContext, { actor, unitId }: { actor: Actor; unitId?: string | undefined }): Promise<{ requests: ReleaseRequestSummary[] }> {
  if (unitId && !actor.scopeUnitIds.has(unitId)) throw errors.forbidden();
  const units = unitId ? [unitId] : [...actor.scopeUnitIds];
  if (units.length === 0) return { requests: [] };
  const now = ctx.clock();
  const today = todayInVietnam(now);
  const ruleSet = getRuleSetFor({ date: today });
  const rows = await ctx.db.selectFrom('release_requests').selectAll().where('unit_id', 'in', units).orderBy('created_at', 'desc').limit(500).execute();
  if (rows.length === 0) return { requests: [] };
  const ids = rows.map((r) => r.id);
  const links = await ctx.db
    .selectFrom('release_request_items')
    .innerJoin('items', 'items.id', 'release_request_items.item_id')
    .select(['release_request_items.request_id', 'items.id', 'items.so_ky_hieu', 'items.level'])
    .where('release_request_items.request_id', 'in', ids)
    .execute();
  const visible = new Set(
    (
      await ctx.db
        .selectFrom('release_request_items')
        .innerJoin('items', 'items.id', 'release_request_items.item_id')
        .select('items.id')
        .where('release_request_items.request_id', 'in', ids)
        .where(visibleItemsFilter(actor, now))
        .execute()
    ).map((r) => r.id),
  );
  const accounts = await ctx.db.selectFrom('accounts').select(['id', 'person_id']).where('id', 'in', [...new Set(rows.map((r) => r.requested_by))]).execute();
  const personOfAccount = new Map(accounts.map((a) => [a.id, a.person_id]));
  const personIds = [...new Set([...accounts.map((a) => a.person_id), ...rows.map((r) => r.decided_by).filter((x): x is string => !!x)])];
  const names = new Map((await ctx.db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', personIds.length ? personIds : ['']).execute()).map((p) => [p.id, p.full_name]));
  const out: ReleaseRequestSummary[] = [];
  for (const r of rows) {
    const items = links.filter((l) => l.request_id === r.id);
    if (items.length === 0 || !items.every((i) => visible.has(i.id))) continue;
    const returnStatus = r.kind.startsWith('TAKE_OUT') && r.to_date && (r.status === 'OUT' || r.status === 'RETURNED') ? takeOutStatus({ returnDueDate: r.to_date, returnedOn: r.returned_on, today, ruleSet }).status : null;
    const { previousStatus: _internal, ...details } = JSON.parse(r.details) as ReleaseRequestSummary['details'] & { previousStatus?: unknown };
    out.push({
      id: r.id,
      unitId: r.unit_id,
      kind: r.kind as ReleaseKind,
      status: r.status,
      fromDate: r.from_date,
      toDate: r.to_date,
      returnedOn: r.returned_on,
      returnStatus,
      refusalReason: r.refusal_reason,
      decisionBasis: r.decision_basis,
      requestedBy: r.requested_by,
      requestedByName: names.get(personOfAccount.get(r.requested_by) ?? '') ?? null,
      decidedByName: r.decided_by ? (names.get(r.decided_by) ?? null) : null,
      decidedOn: r.decided_on,
      createdAt: r.created_at,
      details,
      items: items.map((i) => ({ id: i.id, soKyHieu: i.so_ky_hieu, level: i.level as Level })),
    });
  }
  return { requests: out };
}
