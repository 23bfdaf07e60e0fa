import { foldForSearch, type Level, type listItemsQuery } from '@bmnn/contracts';
import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { ITEM_SCOPE_ROLES, levelsVisibleTo, type Actor } from '../access/access.policies.ts';

// The item list and its accent-insensitive search (`bi mat` finds `bí mật`) at province scale
// (docs/decisions/0009-item-search-index.md, 0014-item-list-plans.md). What a person sees is the
// union of disjoint parts: the items of each unit of their scope, the items they keep, the items
// granted to them. Each part is walked newest first in a covering index (migration 0023), the
// parts are merged, and the walk stops at the page; the count stops at the cap. A needle that
// few items contain is looked up in the trigram index first and drives the list instead.

type ItemRow = Selectable<Database['items']>;
export type ItemListFilter = Partial<z.output<typeof listItemsQuery>>;
type Condition = (eb: ExpressionBuilder<Database, 'items'>) => Expression<SqlBool>;

/** The folded needle, without LIKE wildcards (they are matched literally as nothing). */
export function searchNeedle(q: string): string {
  return foldForSearch(q).replace(/[%_\\]/g, '');
}

/** Counts beyond this are answered as "more than" (an exact count would read every match). */
export const ITEM_COUNT_CAP = 1000;

/** A needle found in at most this many items of the whole register drives the list through the index. */
export const SEARCH_INDEX_DRIVES_UP_TO = 200;

/** Past this many parts (a province-wide scope), the scope is one part and the planner walks it. */
const MAX_PARTS = 64;

/**
 * The items of the register (at most SEARCH_INDEX_DRIVES_UP_TO + 1 of them) that contain the
 * needle in their folded số ký hiệu or trích yếu, from the trigram index: SQLite's FTS5 table
 * (a phrase of trigrams is an exact substring match), PostgreSQL's pg_trgm GIN indexes. Null
 * when the needle is too short for trigrams or too common to drive the list.
 */
async function itemsContaining(ctx: AppContext, needle: string): Promise<Array<{ id: string }> | null> {
  if ([...needle].length < 3) return null;
  const limit = SEARCH_INDEX_DRIVES_UP_TO + 1;
  const rows =
    ctx.dbKind === 'sqlite'
      ? (await sql<{ id: string }>`select items.id from items where items.rowid in (select rowid from items_search where items_search match ${`"${needle.replace(/"/g, '""')}"`} limit ${limit})`.execute(ctx.db)).rows
      : await ctx.db
          .selectFrom('items')
          .select('items.id')
          .where((eb) => eb.or([eb('items.so_ky_hieu_folded', 'like', `%${needle}%`), eb('items.trich_yeu_folded', 'like', `%${needle}%`)]))
          .limit(limit)
          .execute();
  return rows.length <= SEARCH_INDEX_DRIVES_UP_TO ? rows : null;
}

/**
 * One page of the items the actor may see that match the filter, newest first, and their
 * number up to ITEM_COUNT_CAP + 1. `visible` is the SQL form of `canSeeItem`
 * (register.usecases.ts visibleItemsFilter); the parts below are the same conditions split.
 */
export async function findItemPage(ctx: AppContext, { actor, filter, visible, now }: { actor: Actor; filter: ItemListFilter; visible: Condition; now: Date }): Promise<{ rows: ItemRow[]; total: number }> {
  const levels = levelsVisibleTo(actor.clearance).filter((l) => !filter.level || l === filter.level);
  if (levels.length === 0) return { rows: [], total: 0 };
  const pageSize = filter.pageSize ?? 50;
  const offset = ((filter.page ?? 1) - 1) * pageSize;
  const needle = filter.q ? searchNeedle(filter.q) : null;
  // The conditions every part shares (the unit and the level are set by the parts).
  const shared: Condition = (eb) => {
    const and: Array<Expression<SqlBool>> = [];
    if (filter.status) and.push(eb('items.status', '=', filter.status));
    if (filter.custodianId) and.push(eb('items.custodian_id', '=', filter.custodianId));
    if (filter.protectionEndBefore) and.push(eb('items.protection_end', '<=', filter.protectionEndBefore));
    if (filter.withoutLocation) and.push(eb('items.storage_location', 'is', null));
    if (filter.book) and.push(eb.exists(eb.selectFrom('item_events').select(sql<number>`1`.as('one')).whereRef('item_events.item_id', '=', 'items.id').where('item_events.book', '=', filter.book)));
    // A plain substring test (the needle and the columns are folded alike): cheaper than LIKE per
    // row, and on PostgreSQL it keeps the planner on the ordered walk instead of the GIN indexes.
    if (needle) and.push(ctx.dbKind === 'sqlite' ? sql<SqlBool>`(instr(items.so_ky_hieu_folded, ${needle}) > 0 or instr(items.trich_yeu_folded, ${needle}) > 0)` : sql<SqlBool>`(strpos(items.so_ky_hieu_folded, ${needle}) > 0 or strpos(items.trich_yeu_folded, ${needle}) > 0)`);
    return eb.and(and);
  };

  const candidates = needle ? await itemsContaining(ctx, needle) : null;
  if (candidates) {
    // Few items contain the needle: read them (by key) and filter; page and count in one pass.
    if (candidates.length === 0) return { rows: [], total: 0 };
    const matching = ctx.db
      .selectFrom('items')
      .where('items.id', 'in', candidates.map((c) => c.id))
      .where(visible)
      .where('items.level', 'in', levels)
      .$if(Boolean(filter.unitId), (q) => q.where('items.unit_id', '=', filter.unitId!))
      .where(shared);
    const rows = await matching.selectAll('items').select(sql<number>`count(*) over ()`.as('matches_total')).orderBy('items.created_at', 'desc').orderBy('items.id', 'desc').limit(pageSize).offset(offset).execute();
    if (rows.length > 0) return { rows, total: Number(rows[0]!.matches_total) };
    // A page past the end has no row to carry the count.
    const counted = await matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { rows: [], total: Number(counted.n) };
  }

  const parts = visibleParts(actor, { levels, unitId: filter.unitId, statusFixed: Boolean(filter.status), today: now.toISOString().slice(0, 10) });
  if (parts.length === 0) return { rows: [], total: 0 };
  const partQuery = (part: Condition) => ctx.db.selectFrom('items').select(['items.id', 'items.created_at']).where(part).where(shared);
  // The page: each part's newest `offset + pageSize` rows (a backward index walk that stops), then
  // the newest of those. The per-part limit is what lets PostgreSQL 15 merge the parts (Merge
  // Append) instead of reading them whole and sorting; SQLite merges either way.
  const wanted = offset + pageSize;
  const pagePart = (part: Condition, n: number) => ctx.db.selectFrom(partQuery(part).orderBy('items.created_at', 'desc').orderBy('items.id', 'desc').limit(wanted).as(`p${n}`)).selectAll();
  const pageUnion = parts.slice(1).reduce((u, p, n) => u.unionAll(pagePart(p, n + 1)), pagePart(parts[0]!, 0));
  // The count: the parts in no order, stopped at the cap.
  const countUnion = parts.slice(1).reduce((u, p) => u.unionAll(partQuery(p)), partQuery(parts[0]!));
  const [keys, counted] = await Promise.all([
    ctx.db.selectFrom(pageUnion.as('page')).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize).offset(offset).execute(),
    ctx.db.selectFrom(countUnion.limit(ITEM_COUNT_CAP + 1).as('matches')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  if (keys.length === 0) return { rows: [], total: Number(counted.n) };
  const byId = new Map((await ctx.db.selectFrom('items').selectAll().where('id', 'in', keys.map((k) => k.id)).execute()).map((r) => [r.id, r]));
  return { rows: keys.map((k) => byId.get(k.id)!).filter(Boolean), total: Number(counted.n) };
}

/**
 * `visibleItemsFilter` as disjoint parts, each a range of one index read newest first: per unit
 * of the scope (and per level when the status is fixed: the (unit, level, status, created_at)
 * index; otherwise the (unit, created_at) one), then the items the actor keeps outside the scope,
 * then the items granted to them that neither part already has.
 */
function visibleParts(actor: Actor, { levels, unitId, statusFixed, today }: { levels: Level[]; unitId: string | undefined; statusFixed: boolean; today: string }): Condition[] {
  const scoped = ITEM_SCOPE_ROLES.some((r) => actor.roles.includes(r));
  const scope = scoped ? [...actor.scopeUnitIds].sort() : [];
  const units = unitId ? scope.filter((u) => u === unitId) : scope;
  const parts: Condition[] = [];
  if (units.length * (statusFixed ? levels.length : 1) <= MAX_PARTS) {
    for (const u of units) {
      if (statusFixed) for (const l of levels) parts.push((eb) => eb.and([eb('items.unit_id', '=', u), eb('items.level', '=', l)]));
      else parts.push((eb) => eb.and([eb('items.unit_id', '=', u), eb('items.level', 'in', levels)]));
    }
  } else if (units.length > 0) {
    parts.push((eb) => eb.and([eb('items.unit_id', 'in', units), eb('items.level', 'in', levels)]));
  }
  const outsideScope = (eb: ExpressionBuilder<Database, 'items'>) => [...(scope.length > 0 ? [eb('items.unit_id', 'not in', scope)] : []), ...(unitId ? [eb('items.unit_id', '=', unitId)] : []), eb('items.level', 'in', levels)];
  parts.push((eb) => eb.and([eb('items.custodian_id', '=', actor.personId), ...outsideScope(eb)]));
  parts.push((eb) =>
    eb.and([
      eb(
        'items.id',
        'in',
        eb.selectFrom('access_grants').select('access_grants.item_id').where('access_grants.person_id', '=', actor.personId).where('access_grants.revoked_at', 'is', null).where('access_grants.expires_at', '>=', today),
      ),
      eb.or([eb('items.custodian_id', 'is', null), eb('items.custodian_id', '!=', actor.personId)]),
      ...outsideScope(eb),
    ]),
  );
  return parts;
}
