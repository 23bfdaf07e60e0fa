import { createItemRequest, foldForSearch, type CreateItemRequest, type Item, type Level } from '@bmnn/contracts';
import { sql, type ExpressionBuilder } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canGrantItemAccess, canRegisterItem, canSeeItem, ITEM_SCOPE_ROLES, levelsVisibleTo, type Actor, type ItemAccessFacts } from '../access/access.policies.ts';
import { registerErrors } from './register.errors.ts';

type ItemRow = Database['items'];

function present(r: ItemRow): Item {
  return { id: r.id, unitId: r.unit_id, level: r.level as Level, soKyHieu: r.so_ky_hieu, trichYeu: r.trich_yeu, custodianId: r.custodian_id, status: r.status, createdAt: r.created_at };
}

/**
 * The SQL twin of `canSeeItem`: the same clearance and need-to-know conditions as a WHERE
 * clause, so that lists and counts never include what the actor may not see.
 */
export function visibleItemsFilter(actor: Actor, now: Date) {
  const levels = levelsVisibleTo(actor.clearance);
  const scoped = ITEM_SCOPE_ROLES.some((r) => actor.roles.includes(r));
  const today = now.toISOString().slice(0, 10);
  return (eb: ExpressionBuilder<Database, 'items'>) => {
    if (levels.length === 0) return sql<boolean>`1 = 0`;
    const reasons = [
      eb('items.custodian_id', '=', actor.personId),
      eb.exists(
        eb
          .selectFrom('access_grants')
          .select(sql<number>`1`.as('one'))
          .whereRef('access_grants.item_id', '=', 'items.id')
          .where('access_grants.person_id', '=', actor.personId)
          .where('access_grants.revoked_at', 'is', null)
          .where('access_grants.expires_at', '>=', today),
      ),
    ];
    if (scoped && actor.scopeUnitIds.size > 0) reasons.push(eb('items.unit_id', 'in', [...actor.scopeUnitIds]));
    return eb.and([eb('items.level', 'in', levels), eb.or(reasons)]);
  };
}

/** What the policy needs to know about an item: its unit, level, custodian and grants. */
export async function loadAccessFacts(ctx: AppContext, row: ItemRow): Promise<ItemAccessFacts> {
  const grants = await ctx.db.selectFrom('access_grants').select(['person_id', 'expires_at', 'revoked_at']).where('item_id', '=', row.id).execute();
  return {
    unitId: row.unit_id,
    level: row.level as Level,
    custodianId: row.custodian_id,
    grants: grants.map((g) => ({ personId: g.person_id, expiresAt: g.expires_at, revokedAt: g.revoked_at })),
  };
}

export async function createItem(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: CreateItemRequest }) {
  const input = createItemRequest.parse(raw);
  if (!canRegisterItem({ actor, unitId: input.unitId, level: input.level })) throw errors.forbidden();
  // LEGAL.md R7.2: a Tuyệt mật item's summary is not recorded (the database refuses it too).
  const trichYeu = input.level === 'TUYET_MAT' ? null : (input.trichYeu ?? null);
  const id = await inTransaction(ctx, async ({ trx, now, audit }) => {
    const itemId = generateId('itm');
    await trx
      .insertInto('items')
      .values({ id: itemId, unit_id: input.unitId, level: input.level, so_ky_hieu: input.soKyHieu, so_ky_hieu_folded: foldForSearch(input.soKyHieu), trich_yeu: trichYeu, trich_yeu_folded: trichYeu ? foldForSearch(trichYeu) : null, trich_yeu_consent_by: null, custodian_id: input.custodianId, status: 'REGISTERED', created_by: actor.accountId, created_at: now.toISOString(), updated_at: now.toISOString() })
      .execute();
    await audit({ type: 'item.created', chain: input.unitId, actorId: actor.accountId, subjectId: itemId, data: { level: input.level, soKyHieu: input.soKyHieu, custodianId: input.custodianId } });
    return itemId;
  });
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { item: present(row) };
}

export async function listItems(ctx: AppContext, { actor, q }: { actor: Actor; q?: string }) {
  const now = ctx.clock();
  let query = ctx.db.selectFrom('items').where(visibleItemsFilter(actor, now));
  if (q) {
    const needle = `%${foldForSearch(q).replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) => eb.or([eb('items.so_ky_hieu_folded', 'like', needle), eb('items.trich_yeu_folded', 'like', needle)]));
  }
  const [rows, count] = await Promise.all([
    query.selectAll('items').orderBy('items.created_at', 'desc').limit(200).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(count.n) };
}

/** Reading an item's details is audited (DESIGN.md §5); an item the actor may not see is 404. */
export async function getItem(ctx: AppContext, { actor, itemId }: { actor: Actor; itemId: string }) {
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row) throw registerErrors.itemNotFound();
  const facts = await loadAccessFacts(ctx, row);
  if (!canSeeItem({ actor, item: facts, now: ctx.clock() })) throw registerErrors.itemNotFound();
  await inTransaction(ctx, async ({ audit }) => {
    await audit({ type: 'item.viewed', chain: row.unit_id, actorId: actor.accountId, subjectId: row.id, data: { level: row.level } });
  });
  return { item: present(row) };
}

export async function grantItemAccess(ctx: AppContext, { actor, itemId, personId, expiresAt, reason }: { actor: Actor; itemId: string; personId: string; expiresAt: string; reason: string }) {
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row) throw registerErrors.itemNotFound();
  const facts = await loadAccessFacts(ctx, row);
  const now = ctx.clock();
  if (!canSeeItem({ actor, item: facts, now })) throw registerErrors.itemNotFound();
  if (!canGrantItemAccess({ actor, item: facts, now })) throw errors.forbidden();
  await inTransaction(ctx, async ({ trx, now: at, audit }) => {
    await trx.insertInto('access_grants').values({ id: generateId('grt'), unit_id: row.unit_id, item_id: row.id, person_id: personId, granted_by: actor.accountId, reason, expires_at: expiresAt, created_at: at.toISOString(), revoked_at: null }).execute();
    await audit({ type: 'item.grant_created', chain: row.unit_id, actorId: actor.accountId, subjectId: row.id, data: { personId, expiresAt } });
  });
  return { ok: true as const };
}
