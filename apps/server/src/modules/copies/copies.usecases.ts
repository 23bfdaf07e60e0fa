import { foldForSearch, LIMITS, todayInVietnam, type CopyExecutionRequest, type CopyRequestStatus, type CopyRequestSummary, type ListCopyRequestsQuery, type CopyRequestRequest, type Level, type ReleaseDecisionRequest } from '@bmnn/contracts';
import { canAuthorize, checkCopyExecution, checkCopyRequest, getRuleSetFor, numberCopies } from '@bmnn/rules';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { createError, errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canSeeItem, isClearedFor, type Actor } from '../access/access.policies.ts';
import { ensureDeviceApprovedFor } from '../devices/devices.usecases.ts';
import { appendItemEvent } from '../register/register.events.ts';
import { registerErrors } from '../register/register.errors.ts';
import { authorityOf } from '../register/register.outgoing.ts';
import { loadAccessFacts, visibleItemsFilter } from '../register/register.usecases.ts';

// Copying and photographing (LEGAL.md R5.1–R5.8): a request names the type, count, recipients
// and purpose; a head with copy authority for the level, not the requester, approves a count;
// a cleared staff member makes at most that many on an approved offline device (R5.5), spoiled
// copies destroyed at once (R5.4); each copy is a child item numbered "Bản sao số n" (R5.7) with
// its parent's level and period; each execution is a line of the copy book (sổ sao, chụp).

const copyErrors = {
  notFound: createError('copy.not_found', 'Không tìm thấy đề nghị sao, chụp'),
  refused: createError('copy.refused', 'Không được sao, chụp'),
  wrongStep: createError('copy.wrong_step', 'Đề nghị sao, chụp không ở bước này'),
};
const COPYABLE = ['DETERMINED', 'REGISTERED_OUT', 'SENT', 'RECEIVED'];

async function loadVisibleItem(ctx: AppContext, actor: Actor, itemId: string) {
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row || !canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw registerErrors.itemNotFound();
  return row;
}

/** R5.8: refused at once for an item determined "không được phép sao, chụp". */
export async function requestCopy(ctx: AppContext, { actor, itemId, input }: { actor: Actor; itemId: string; input: CopyRequestRequest }) {
  const item = await loadVisibleItem(ctx, actor, itemId);
  if (!COPYABLE.includes(item.status)) throw registerErrors.wrongStatus({ message: 'Tài liệu không ở trạng thái được sao, chụp' });
  if (item.parent_id) throw copyErrors.refused({ message: 'Sao, chụp từ bản gốc hoặc bản chính, không sao từ bản sao' });
  const ruleSet = getRuleSetFor({ date: todayInVietnam(ctx.clock()) });
  // Received items carry no "copy permitted" flag in BMNN yet: only an explicit "no" refuses.
  const check = checkCopyRequest({ copyPermitted: item.copy_permitted !== 0, requestedCount: input.count, ruleSet });
  if (!check.ok) throw copyErrors.refused({ message: check.reason, details: { rule: check.rule, legalBasis: check.legalBasis } });
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const id = generateId('cpy');
    const iso = now.toISOString();
    await trx.insertInto('copy_requests').values({ id, unit_id: item.unit_id, item_id: itemId, copy_type: input.copyType, requested_by: actor.accountId, requested_count: input.count, recipients: JSON.stringify(input.recipients), purpose: input.purpose, status: 'REQUESTED', approved_by: null, approved_count: null, decision_basis: null, refusal_reason: null, created_at: iso, updated_at: iso }).execute();
    await audit({ type: 'copy.requested', chain: item.unit_id, actorId: actor.accountId, subjectId: id, data: { itemId, copyType: input.copyType, count: input.count } });
    return { requestId: id, status: 'REQUESTED' };
  });
}

async function loadRequest(ctx: AppContext, actor: Actor, requestId: string) {
  const r = await ctx.db.selectFrom('copy_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!r) throw copyErrors.notFound();
  try {
    return { r, item: await loadVisibleItem(ctx, actor, r.item_id) };
  } catch {
    throw copyErrors.notFound();
  }
}

/** R5.2, R5.3: the head approves with copy authority for the item's level, or refuses with reasons. */
export async function decideCopy(ctx: AppContext, { actor, requestId, input }: { actor: Actor; requestId: string; input: ReleaseDecisionRequest }) {
  const { r, item } = await loadRequest(ctx, actor, requestId);
  if (r.status !== 'REQUESTED') throw copyErrors.wrongStep();
  if (!actor.roles.includes('LANH_DAO')) throw errors.forbidden();
  if (r.requested_by === actor.accountId) throw registerErrors.samePerson();
  const today = todayInVietnam(ctx.clock());
  let basis: string | null = null;
  if (input.approve) {
    const authority = await authorityOf(ctx, { personId: actor.personId, unitId: item.unit_id, date: today });
    if (!authority) throw registerErrors.authorityRefused({ message: 'Người duyệt chưa được ghi nhận chức danh có thẩm quyền cho phép sao, chụp' });
    const allowed = canAuthorize({ authority, action: 'COPY', level: item.level as Level, actionDate: today, ruleSet: getRuleSetFor({ date: today }) });
    if (!allowed.allowed) throw registerErrors.authorityRefused({ message: allowed.reason, details: { rule: allowed.rule, legalBasis: allowed.legalBasis } });
    basis = `${allowed.rule}: ${allowed.legalBasis}`;
  }
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('copy_requests').set({ status: input.approve ? 'APPROVED' : 'REFUSED', approved_by: actor.personId, approved_count: input.approve ? r.requested_count : null, decision_basis: basis, refusal_reason: input.approve ? null : input.reason, updated_at: now.toISOString() }).where('id', '=', requestId).execute();
    await audit({ type: 'copy.decided', chain: item.unit_id, actorId: actor.accountId, subjectId: requestId, data: { approved: input.approve } });
    return { status: input.approve ? 'APPROVED' : 'REFUSED', legalBasis: basis };
  });
}

/** R5.4–R5.7: the copies are made on an approved offline device, numbered, recorded in the copy book. */
export async function executeCopy(ctx: AppContext, { actor, requestId, input }: { actor: Actor; requestId: string; input: CopyExecutionRequest }) {
  const { r, item } = await loadRequest(ctx, actor, requestId);
  if (r.status !== 'APPROVED' && r.status !== 'PARTLY_MADE') throw copyErrors.wrongStep({ message: 'Chưa được lãnh đạo cho phép sao, chụp' });
  const person = await ctx.db.selectFrom('people').select(['handles_secrets', 'clearance']).where('id', '=', actor.personId).executeTakeFirstOrThrow();
  // R5.6: only staff doing secret work, cleared for the level.
  if (person.handles_secrets !== 1 || !isClearedFor(person.clearance as 'NONE', item.level as Level)) throw errors.forbidden({ message: 'Chỉ cán bộ được giao làm công tác bí mật nhà nước, đủ độ mật, được sao, chụp' });
  const today = todayInVietnam(ctx.clock());
  await ensureDeviceApprovedFor(ctx.db, { deviceId: input.deviceId, unitScope: actor.scopeUnitIds, use: 'COPY', actionDate: today });
  const ruleSet = getRuleSetFor({ date: today });
  const spoiled = input.spoiledCount ?? 0;
  const check = checkCopyExecution({ authorisedCount: Number(r.approved_count), alreadyMade: Number(r.made_count), madeCount: input.madeCount, spoiledCount: spoiled, spoiledDestroyedCount: input.spoiledDestroyedCount ?? 0, ruleSet });
  if (!check.ok) throw copyErrors.refused({ message: check.reason, details: { rule: check.rule, legalBasis: check.legalBasis } });
  const numbers = numberCopies({ count: Number(r.made_count) + input.madeCount }).slice(Number(r.made_count));
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    const copyIds: string[] = [];
    for (const n of numbers) {
      const id = generateId('itm');
      copyIds.push(id);
      const soKyHieu = `${item.so_ky_hieu} (${n.label})`;
      await trx
        .insertInto('items')
        .values({ ...item, id, so_ky_hieu: soKyHieu, so_ky_hieu_folded: foldForSearch(soKyHieu), custodian_id: actor.personId, copies: 1, parent_id: item.id, copy_number: n.number, storage_location: null, extensions_count: Number(item.extensions_count), created_by: actor.accountId, created_at: iso, updated_at: iso })
        .execute();
    }
    const recipients = JSON.parse(r.recipients) as string[];
    const { bookSerial } = await appendItemEvent({ trx, kind: ctx.dbKind, unitId: item.unit_id, itemId: item.id, occurredAt: iso, recordedAt: now, actorId: actor.accountId, book: 'SAO_CHUP', event: { type: 'COPIED', data: { requestId, copyType: r.copy_type, authorised: Number(r.approved_count), made: input.madeCount, spoiled, spoiledDestroyed: input.spoiledDestroyedCount ?? 0, deviceId: input.deviceId, executedBy: actor.personId, authorisedBy: r.approved_by, recipients, copyNumbers: numbers.map((n) => n.number), copyIds } } });
    const madeTotal = Number(r.made_count) + input.madeCount;
    await trx.updateTable('copy_requests').set({ made_count: madeTotal, status: check.remaining === 0 ? 'DONE' : 'PARTLY_MADE', updated_at: iso }).where('id', '=', requestId).execute();
    await audit({ type: 'copy.executed', chain: item.unit_id, actorId: actor.accountId, subjectId: requestId, data: { made: input.madeCount, spoiled, bookSerial: bookSerial! } });
    return { copies: numbers.map((n, i) => ({ itemId: copyIds[i]!, label: n.label })), bookSerial: bookSerial!, remaining: check.remaining };
  });
}

/**
 * The copy requests on items the reader may see (DESIGN.md §5: a request on an item out of reach
 * is absent, not refused), newest first, each with the numbered copies the reader may see.
 */
export async function listCopyRequests(ctx: AppContext, { actor, query }: { actor: Actor; query: ListCopyRequestsQuery }): Promise<{ requests: CopyRequestSummary[] }> {
  const now = ctx.clock();
  let q = ctx.db
    .selectFrom('copy_requests')
    .innerJoin('items', 'items.id', 'copy_requests.item_id')
    .leftJoin('accounts', 'accounts.id', 'copy_requests.requested_by')
    .leftJoin('people as requester', 'requester.id', 'accounts.person_id')
    .leftJoin('people as approver', 'approver.id', 'copy_requests.approved_by')
    .where(visibleItemsFilter(actor, now))
    .selectAll('copy_requests')
    .select(['items.so_ky_hieu', 'items.level', 'requester.full_name as requester_name', 'approver.full_name as approver_name']);
  if (query.status) q = q.where('copy_requests.status', '=', query.status);
  if (query.unitId) q = q.where('items.unit_id', '=', query.unitId);
  if (query.itemId) q = q.where('copy_requests.item_id', '=', query.itemId);
  const rows = await q.orderBy('copy_requests.created_at', 'desc').orderBy('copy_requests.id').limit(LIMITS.pageSizeMax).execute();
  const copiesByRequest = await findCopiesOf(ctx, { actor, now, itemIds: [...new Set(rows.map((r) => r.item_id))] });
  return {
    requests: rows.map((r) => ({
      id: r.id,
      itemId: r.item_id,
      unitId: r.unit_id,
      soKyHieu: r.so_ky_hieu,
      level: r.level as Level,
      copyType: r.copy_type as CopyRequestSummary['copyType'],
      requestedCount: Number(r.requested_count),
      approvedCount: r.approved_count === null ? null : Number(r.approved_count),
      madeCount: Number(r.made_count),
      status: r.status as CopyRequestStatus,
      requestedByName: r.requester_name,
      requestedByMe: r.requested_by === actor.accountId,
      approvedByName: r.approver_name,
      recipients: JSON.parse(r.recipients) as string[],
      purpose: r.purpose,
      refusalReason: r.refusal_reason,
      decisionBasis: r.decision_basis,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      copies: copiesByRequest.get(r.id) ?? [],
    })),
  };
}

/** The copies made under each request (from the copy-book events), limited to those the reader may see. */
async function findCopiesOf(ctx: AppContext, { actor, now, itemIds }: { actor: Actor; now: Date; itemIds: string[] }) {
  const byRequest = new Map<string, CopyRequestSummary['copies']>();
  if (itemIds.length === 0) return byRequest;
  const events = await ctx.db.selectFrom('item_events').select('data').where('item_id', 'in', itemIds).where('type', '=', 'COPIED').execute();
  const made = events.map((e) => JSON.parse(e.data) as { requestId: string; copyIds: string[] });
  const copyIds = made.flatMap((m) => m.copyIds);
  if (copyIds.length === 0) return byRequest;
  const visible = await ctx.db.selectFrom('items').select(['items.id', 'items.copy_number']).where('items.id', 'in', copyIds).where(visibleItemsFilter(actor, now)).execute();
  const numberOf = new Map(visible.map((v) => [v.id, Number(v.copy_number)]));
  for (const m of made) {
    const list = byRequest.get(m.requestId) ?? [];
    for (const id of m.copyIds) {
      const n = numberOf.get(id);
      if (n !== undefined) list.push({ itemId: id, copyNumber: n, label: numberCopies({ count: n })[n - 1]!.label });
    }
    byRequest.set(m.requestId, list.sort((a, b) => a.copyNumber - b.copyNumber));
  }
  return byRequest;
}
