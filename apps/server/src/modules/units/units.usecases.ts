import { foldForSearch, todayInVietnam, type CreateUnitRequest, type DefunctUnitRequest, type MoveUnitRequest, type Unit, type UnitHistoryEntry, type UnitKind, type UpdateUnitRequest } from '@bmnn/contracts';
import type { AppContext, TransactionScope } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { findSubtreeUnitIds, invalidateUnitScopes } from '../access/access.actor.ts';
import { canManageUnits, type Actor } from '../access/access.policies.ts';
import { unitErrors } from './units.errors.ts';
import { createUnitRequest } from '@bmnn/contracts';

type Trx = TransactionScope['trx'];
type UnitRow = { id: string; code: string; name: string; kind: string; parent_id: string | null; valid_from: string; valid_to: string | null; successor_id: string | null; is_key_post: number; note: string | null };

function present(row: UnitRow, formerNames: string[]): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as UnitKind,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorId: row.successor_id,
    isKeyPost: row.is_key_post === 1,
    note: row.note,
    formerNames,
  };
}

/**
 * Former names of each unit: its own earlier names and the names of units that were merged
 * into it (their successor), so that "Bắc Giang" still finds the new Bắc Ninh (LEGAL.md R1.3).
 */
async function loadFormerNames(ctx: AppContext): Promise<Map<string, string[]>> {
  const names = await ctx.db.selectFrom('unit_names').innerJoin('units', 'units.id', 'unit_names.unit_id').select(['unit_names.unit_id', 'unit_names.name', 'unit_names.valid_to', 'units.successor_id']).execute();
  const out = new Map<string, string[]>();
  const add = (unitId: string, name: string) => {
    const list = out.get(unitId) ?? [];
    if (!list.includes(name)) list.push(name);
    out.set(unitId, list);
  };
  const current = new Map((await ctx.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  for (const n of names) {
    if (n.valid_to !== null && n.name !== current.get(n.unit_id)) add(n.unit_id, n.name);
    if (n.successor_id && n.name !== current.get(n.successor_id)) add(n.successor_id, n.name);
  }
  return out;
}

export async function listUnits(ctx: AppContext, { q, includeDefunct }: { q?: string | undefined; includeDefunct: boolean }) {
  const rows = await ctx.db.selectFrom('units').selectAll().orderBy('name').execute();
  const former = await loadFormerNames(ctx);
  const today = todayInVietnam(ctx.clock());
  const isLive = (r: UnitRow) => r.valid_to === null || r.valid_to > today;
  let units = rows.filter((r) => includeDefunct || isLive(r)).map((r) => present(r, former.get(r.id) ?? []));
  if (q) {
    const needle = foldForSearch(q);
    units = units.filter((u) => [u.name, u.code, ...u.formerNames].some((s) => foldForSearch(s).includes(needle)));
  }
  return { units };
}

export async function getUnit(ctx: AppContext, { unitId }: { unitId: string }) {
  const row = await ctx.db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
  if (!row) throw unitErrors.notFound();
  const former = await loadFormerNames(ctx);
  const history = await ctx.db.selectFrom('unit_history').selectAll().where('unit_id', '=', unitId).orderBy('at').execute();
  return {
    unit: present(row, former.get(row.id) ?? []),
    history: history.map<UnitHistoryEntry>((h) => ({
      at: h.at,
      change: h.change as UnitHistoryEntry['change'],
      effectiveDate: h.effective_date,
      before: h.before_json ? (JSON.parse(h.before_json) as Record<string, unknown>) : null,
      after: JSON.parse(h.after_json) as Record<string, unknown>,
    })),
  };
}

async function requireLiveUnit(trx: Trx, unitId: string, today: string) {
  const row = await trx.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
  if (!row) throw unitErrors.notFound();
  if (row.valid_to !== null && row.valid_to <= today) throw unitErrors.defunct({ message: `Đơn vị "${row.name}" đã chấm dứt hoạt động` });
  return row;
}

async function writeHistory(trx: Trx, { unitId, at, change, effectiveDate, before, after }: { unitId: string; at: Date; change: UnitHistoryEntry['change']; effectiveDate: string; before: object | null; after: object }) {
  await trx
    .insertInto('unit_history')
    .values({ id: generateId('unh'), unit_id: unitId, at: at.toISOString(), change, effective_date: effectiveDate, before_json: before ? JSON.stringify(before) : null, after_json: JSON.stringify(after) })
    .execute();
}

function ensureManager(actor: Actor | null) {
  if (actor && !canManageUnits(actor)) throw errors.forbidden();
}

/** `actor` is null only for the CLI run by the operator on the server itself. */
export async function createUnit(ctx: AppContext, { actor, input: raw }: { actor: Actor | null; input: CreateUnitRequest }) {
  ensureManager(actor);
  const input = createUnitRequest.parse(raw);
  const unitId = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const today = todayInVietnam(now);
    if (input.parentId) await requireLiveUnit(trx, input.parentId, today);
    const id = generateId('unt');
    const validFrom = input.validFrom ?? today;
    try {
      await trx
        .insertInto('units')
        .values({ id, code: input.code, name: input.name, name_folded: foldForSearch(input.name), kind: input.kind, parent_id: input.parentId, valid_from: validFrom, valid_to: null, successor_id: null, is_key_post: input.isKeyPost ? 1 : 0, note: input.note ?? null, created_at: now.toISOString(), updated_at: now.toISOString() })
        .execute();
    } catch (cause) {
      if (isUniqueViolation(cause)) throw unitErrors.codeTaken({ cause, details: { issues: [{ path: ['code'], message: 'Mã đơn vị đã được sử dụng' }] } });
      throw cause;
    }
    await trx.insertInto('unit_names').values({ id: generateId('unn'), unit_id: id, name: input.name, name_folded: foldForSearch(input.name), valid_from: validFrom, valid_to: null }).execute();
    await writeHistory(trx, { unitId: id, at: now, change: 'CREATED', effectiveDate: validFrom, before: null, after: { code: input.code, name: input.name, kind: input.kind, parentId: input.parentId } });
    await audit({ type: 'unit.created', chain: id, actorId: actor?.accountId ?? null, subjectId: id, data: { code: input.code, name: input.name, kind: input.kind, parentId: input.parentId } });
    return id;
  });
  invalidateUnitScopes(ctx.db);
  return { unit: (await getUnit(ctx, { unitId })).unit };
}

export async function updateUnit(ctx: AppContext, { actor, unitId, input }: { actor: Actor; unitId: string; input: UpdateUnitRequest }) {
  ensureManager(actor);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const today = todayInVietnam(now);
    const row = await requireLiveUnit(trx, unitId, today);
    const before = { code: row.code, name: row.name, kind: row.kind, isKeyPost: row.is_key_post === 1, note: row.note };
    const after = { code: input.code ?? row.code, name: input.name ?? row.name, kind: input.kind ?? row.kind, isKeyPost: input.isKeyPost ?? row.is_key_post === 1, note: input.note ?? row.note };
    try {
      await trx
        .updateTable('units')
        .set({ code: after.code, name: after.name, name_folded: foldForSearch(after.name), kind: after.kind, is_key_post: after.isKeyPost ? 1 : 0, note: after.note, updated_at: now.toISOString() })
        .where('id', '=', unitId)
        .execute();
    } catch (cause) {
      if (isUniqueViolation(cause)) throw unitErrors.codeTaken({ cause, details: { issues: [{ path: ['code'], message: 'Mã đơn vị đã được sử dụng' }] } });
      throw cause;
    }
    const renamed = after.name !== row.name;
    if (renamed) {
      // The old name stays searchable (LEGAL.md R1.3).
      await trx.updateTable('unit_names').set({ valid_to: today }).where('unit_id', '=', unitId).where('valid_to', 'is', null).execute();
      await trx.insertInto('unit_names').values({ id: generateId('unn'), unit_id: unitId, name: after.name, name_folded: foldForSearch(after.name), valid_from: today, valid_to: null }).execute();
    }
    await writeHistory(trx, { unitId, at: now, change: renamed ? 'RENAMED' : 'UPDATED', effectiveDate: today, before, after });
    await audit({ type: 'unit.updated', chain: unitId, actorId: actor.accountId, subjectId: unitId, data: { before, after } });
  });
  invalidateUnitScopes(ctx.db);
  return { unit: (await getUnit(ctx, { unitId })).unit };
}

/** Moves a unit under another parent; its history keeps where it was (issue #2). */
export async function moveUnit(ctx: AppContext, { actor, unitId, input }: { actor: Actor; unitId: string; input: MoveUnitRequest }) {
  ensureManager(actor);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const today = todayInVietnam(now);
    const row = await requireLiveUnit(trx, unitId, today);
    await requireLiveUnit(trx, input.parentId, today);
    const subtree = await findSubtreeUnitIds(trx, unitId);
    if (subtree.includes(input.parentId)) throw unitErrors.moveCycle();
    await trx.updateTable('units').set({ parent_id: input.parentId, updated_at: now.toISOString() }).where('id', '=', unitId).execute();
    await writeHistory(trx, { unitId, at: now, change: 'MOVED', effectiveDate: input.effectiveDate, before: { parentId: row.parent_id }, after: { parentId: input.parentId } });
    await audit({ type: 'unit.moved', chain: unitId, actorId: actor.accountId, subjectId: unitId, data: { fromParentId: row.parent_id, toParentId: input.parentId, effectiveDate: input.effectiveDate } });
  });
  invalidateUnitScopes(ctx.db);
  return { unit: (await getUnit(ctx, { unitId })).unit };
}

/** Marks a unit defunct from a date, with the unit that takes over its records (LEGAL.md R1.3). */
export async function markUnitDefunct(ctx: AppContext, { actor, unitId, input }: { actor: Actor | null; unitId: string; input: DefunctUnitRequest }) {
  ensureManager(actor);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const today = todayInVietnam(now);
    const row = await trx.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
    if (!row) throw unitErrors.notFound();
    if (row.valid_to !== null) throw unitErrors.defunct();
    if (input.successorId) {
      if (input.successorId === unitId) throw unitErrors.moveCycle({ message: 'Đơn vị kế thừa phải là đơn vị khác' });
      await requireLiveUnit(trx, input.successorId, today);
    }
    const live = await trx.selectFrom('units').select(['id', 'valid_to']).where('parent_id', '=', unitId).execute();
    if (live.some((c) => c.valid_to === null)) {
      throw unitErrors.defunct({ message: 'Đơn vị còn đơn vị trực thuộc đang hoạt động: hãy chuyển hoặc chấm dứt chúng trước' });
    }
    await trx.updateTable('units').set({ valid_to: input.effectiveDate, successor_id: input.successorId, updated_at: now.toISOString() }).where('id', '=', unitId).execute();
    await trx.updateTable('unit_names').set({ valid_to: input.effectiveDate }).where('unit_id', '=', unitId).where('valid_to', 'is', null).execute();
    await writeHistory(trx, { unitId, at: now, change: 'DEFUNCT', effectiveDate: input.effectiveDate, before: { validTo: null }, after: { validTo: input.effectiveDate, successorId: input.successorId, reason: input.reason ?? null } });
    await audit({ type: 'unit.defunct', chain: unitId, actorId: actor?.accountId ?? null, subjectId: unitId, data: { successorId: input.successorId, effectiveDate: input.effectiveDate } });
  });
  invalidateUnitScopes(ctx.db);
  return { unit: (await getUnit(ctx, { unitId })).unit };
}

export async function findUnitByCode(ctx: AppContext, code: string) {
  return ctx.db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}
