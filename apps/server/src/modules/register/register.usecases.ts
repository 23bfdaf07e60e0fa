import { createItemRequest, foldForSearch, type CreateItemRequest, type Item, type Level } from '@bmnn/contracts';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canGrantItemAccess, canRegisterItem, canSeeItem, ITEM_SCOPE_ROLES, levelsVisibleTo, type Actor, type ItemAccessFacts } from '../access/access.policies.ts';
import { registerErrors } from './register.errors.ts';
import { ITEM_EVENT_LABELS, type ItemEventType } from './register.events.ts';
import { findItemPage, ITEM_COUNT_CAP, type ItemListFilter } from './register.search.ts';

type ItemRow = Selectable<Database['items']>;

function present(r: ItemRow): Item {
  return {
    id: r.id,
    unitId: r.unit_id,
    level: r.level as Level,
    soKyHieu: r.so_ky_hieu,
    trichYeu: r.trich_yeu,
    custodianId: r.custodian_id,
    status: r.status,
    createdAt: r.created_at,
    form: r.form,
    sender: r.sender,
    documentDate: r.document_date,
    copies: r.copies === null ? null : Number(r.copies),
    storageLocation: r.storage_location,
    protectionEnd: r.protection_end,
    recallDeadline: r.recall_deadline,
    determinedOn: r.determined_on,
    parentId: r.parent_id,
    copyNumber: r.copy_number === null ? null : Number(r.copy_number),
  };
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
    // The scope first (the usual reason, and the cheapest test); the grants as one uncorrelated
    // list read once per query, not a lookup per item (register.search.ts walks many items).
    const reasons = [
      ...(scoped && actor.scopeUnitIds.size > 0 ? [eb('items.unit_id', 'in', [...actor.scopeUnitIds])] : []),
      eb('items.custodian_id', '=', actor.personId),
      eb(
        'items.id',
        'in',
        eb
          .selectFrom('access_grants')
          .select('access_grants.item_id')
          .where('access_grants.person_id', '=', actor.personId)
          .where('access_grants.revoked_at', 'is', null)
          .where('access_grants.expires_at', '>=', today),
      ),
    ];
    return eb.and([eb('items.level', 'in', levels), eb.or(reasons)]);
  };
}

/** What the policy needs to know about an item: its unit, level, custodian and grants. */
export async function loadAccessFacts(ctx: AppContext, row: Pick<ItemRow, 'id' | 'unit_id' | 'level' | 'custodian_id'>): Promise<ItemAccessFacts> {
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

/** The item list: only visible items, filtered, newest first, one page with the count (capped, register.search.ts). */
export async function listItems(ctx: AppContext, { actor, query: filter = {} }: { actor: Actor; query?: ItemListFilter }) {
  const now = ctx.clock();
  const { rows, total } = await findItemPage(ctx, { actor, filter, visible: visibleItemsFilter(actor, now), now });
  return { items: rows.map(present), total: Math.min(total, ITEM_COUNT_CAP), ...(total > ITEM_COUNT_CAP ? { totalCapped: true as const } : {}) };
}

/** R6.1: where an item is kept; set by the clerk or the head within scope. */
export async function setStorageLocation(ctx: AppContext, { actor, itemId, storageLocation }: { actor: Actor; itemId: string; storageLocation: string }) {
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row || !canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw registerErrors.itemNotFound();
  if (!ITEM_SCOPE_ROLES.some((r) => actor.roles.includes(r)) || !actor.scopeUnitIds.has(row.unit_id)) throw errors.forbidden();
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx.updateTable('items').set({ storage_location: storageLocation, updated_at: now.toISOString() }).where('id', '=', itemId).execute();
    await audit({ type: 'item.location_set', chain: row.unit_id, actorId: actor.accountId, subjectId: itemId, data: { storageLocation } });
  });
  return { item: present({ ...row, storage_location: storageLocation }) };
}

export async function listSavedViews(ctx: AppContext, { actor }: { actor: Actor }) {
  const rows = await ctx.db.selectFrom('saved_views').selectAll().where('account_id', '=', actor.accountId).orderBy('name').execute();
  return { views: rows.map((r) => ({ id: r.id, name: r.name, query: JSON.parse(r.query) as Record<string, unknown> })) };
}

export async function saveView(ctx: AppContext, { actor, name, query }: { actor: Actor; name: string; query: Record<string, unknown> }) {
  const id = generateId('svw');
  await ctx.db.insertInto('saved_views').values({ id, account_id: actor.accountId, name, query: JSON.stringify(query), created_at: ctx.clock().toISOString() }).execute();
  return { view: { id, name, query } };
}

export async function deleteSavedView(ctx: AppContext, { actor, viewId }: { actor: Actor; viewId: string }) {
  await ctx.db.deleteFrom('saved_views').where('id', '=', viewId).where('account_id', '=', actor.accountId).execute();
  return { ok: true as const };
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

/** The item's history (DESIGN.md §4), oldest first, for whoever may see the item. */
export async function getItemTimeline(ctx: AppContext, { actor, itemId }: { actor: Actor; itemId: string }) {
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row || !canSeeItem({ actor, item: await loadAccessFacts(ctx, row), now: ctx.clock() })) throw registerErrors.itemNotFound();
  const events = await ctx.db
    .selectFrom('item_events')
    .leftJoin('accounts', 'accounts.id', 'item_events.actor_id')
    .leftJoin('people', 'people.id', 'accounts.person_id')
    .select(['item_events.id', 'item_events.type', 'item_events.occurred_at', 'item_events.data', 'item_events.book', 'item_events.book_serial', 'item_events.corrects_event_id', 'people.full_name'])
    .where('item_events.item_id', '=', itemId)
    .orderBy('item_events.recorded_at')
    .orderBy('item_events.id')
    .execute();
  return {
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      label: ITEM_EVENT_LABELS[e.type as ItemEventType] ?? e.type,
      at: e.occurred_at,
      actorName: e.full_name,
      book: e.book,
      bookSerial: e.book_serial === null ? null : Number(e.book_serial),
      correctsEventId: e.corrects_event_id,
      data: JSON.parse(e.data) as Record<string, unknown>,
    })),
  };
}
