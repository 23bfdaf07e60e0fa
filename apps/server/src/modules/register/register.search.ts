import { foldForSearch } from '@bmnn/contracts';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DatabaseKind } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

// The accent-insensitive item search (`bi mat` finds `bí mật`) at province scale, through the
// trigram index of migration 0014 (docs/decisions/0009-item-search-index.md). Semantics are
// those of a substring match on the folded số ký hiệu or trích yếu, whatever the database.

/** The folded needle, without LIKE wildcards (they are matched literally as nothing). */
export function searchNeedle(q: string): string {
  return foldForSearch(q).replace(/[%_\\]/g, '');
}

/** Up to this many matches, the search is driven by the trigram index (see below). */
export const SEARCH_INDEX_DRIVES_UP_TO = 100_000;

/**
 * The condition "the item's folded số ký hiệu or trích yếu contains the needle". On SQLite a
 * needle of three characters or more is looked up in the FTS5 trigram index (a phrase of
 * trigrams is an exact substring match). When it matches few items, the list is driven by those
 * items; when it matches many (a common word), walking the items in list order through the
 * filter indexes and testing each with LIKE reaches a page sooner than reading every match, so
 * the condition stays a LIKE. Needles shorter than three characters have no trigram: LIKE. On
 * PostgreSQL the condition is LIKE, and the planner uses the pg_trgm GIN indexes when they pay.
 */
export async function itemSearchCondition(db: Kysely<Database>, kind: DatabaseKind, q: string): Promise<{ where: (eb: ExpressionBuilder<Database, 'items'>) => Expression<SqlBool>; indexDriven: boolean }> {
  const needle = searchNeedle(q);
  if (kind === 'sqlite' && [...needle].length >= 3) {
    // The matches are read once, here, and handed to the list query as a JSON array of rowids.
    const phrase = `"${needle.replace(/"/g, '""')}"`;
    const matches = await sql<{ rowid: number }>`select rowid from items_search where items_search match ${phrase} limit ${SEARCH_INDEX_DRIVES_UP_TO + 1}`.execute(db);
    if (matches.rows.length <= SEARCH_INDEX_DRIVES_UP_TO) {
      const rowids = JSON.stringify(matches.rows.map((r) => r.rowid));
      return { where: () => sql<SqlBool>`items.rowid in (select value from json_each(${rowids}))`, indexDriven: true };
    }
  }
  const like = `%${needle}%`;
  return { where: (eb) => eb.or([eb('items.so_ky_hieu_folded', 'like', like), eb('items.trich_yeu_folded', 'like', like)]), indexDriven: false };
}

/** Counts beyond this are answered as "more than" (an exact count would read every match). */
export const ITEM_COUNT_CAP = 1000;
