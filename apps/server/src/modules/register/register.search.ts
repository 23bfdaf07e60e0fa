import { foldForSearch } from '@bmnn/contracts';
import { sql, type ExpressionBuilder } from 'kysely';
import type { DatabaseKind } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

// The accent-insensitive item search (`bi mat` finds `bí mật`) at province scale, through the
// trigram index of migration 0014 (docs/decisions/0009-item-search-index.md). Semantics are
// those of a substring match on the folded số ký hiệu or trích yếu, whatever the database.

/** The folded needle, without LIKE wildcards (they are matched literally as nothing). */
export function searchNeedle(q: string): string {
  return foldForSearch(q).replace(/[%_\\]/g, '');
}

/**
 * The condition "the item's folded số ký hiệu or trích yếu contains the needle". On SQLite a
 * needle of three characters or more goes through the FTS5 trigram index (a phrase of trigrams
 * is an exact substring match); shorter needles, which have no trigram, fall back to LIKE. On
 * PostgreSQL, LIKE is answered by the pg_trgm GIN indexes when the planner finds it cheaper.
 */
export function itemSearchCondition(kind: DatabaseKind, q: string) {
  const needle = searchNeedle(q);
  return (eb: ExpressionBuilder<Database, 'items'>) => {
    if (kind === 'sqlite' && [...needle].length >= 3) {
      const phrase = `"${needle.replace(/"/g, '""')}"`;
      return sql<boolean>`items.rowid in (select rowid from items_search where items_search match ${phrase})`;
    }
    const like = `%${needle}%`;
    return eb.or([eb('items.so_ky_hieu_folded', 'like', like), eb('items.trich_yeu_folded', 'like', like)]);
  };
}

/** Counts beyond this are answered as "more than" (an exact count would read every match). */
export const ITEM_COUNT_CAP = 1000;
