import { sql, type Kysely } from 'kysely';

// Item search at province scale (docs/decisions/0009-item-search-index.md): a trigram index
// over the accent-folded số ký hiệu and trích yếu, so that a substring search (`bi mat` finds
// `bí mật`) no longer reads every row — SQLite: an FTS5 table with the trigram tokenizer kept in
// sync by triggers; PostgreSQL: pg_trgm GIN indexes on the folded columns. Plus composite
// indexes for the list's usual filters in the order of its first page (newest first).

export async function up(db: Kysely<any>): Promise<void> {
  // version() exists on PostgreSQL only (SQLite has sqlite_version()).
  const isPostgres = await sql`select version()`.execute(db).then(
    () => true,
    () => false,
  );
  if (isPostgres) {
    // pg_trgm ships with Debian's postgresql package (contrib) and is a trusted extension: the
    // database owner may create it.
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index items_so_ky_hieu_trgm_idx on items using gin (so_ky_hieu_folded gin_trgm_ops)`.execute(db);
    await sql`create index items_trich_yeu_trgm_idx on items using gin (trich_yeu_folded gin_trgm_ops)`.execute(db);
  } else {
    // External content: the index stores no second copy of the text, only the trigrams; the
    // triggers keep it equal to the items table (rowids of `items` are stable: BMNN never runs
    // VACUUM; a restore inserts rows, which the triggers index).
    await sql`create virtual table items_search using fts5(so_ky_hieu_folded, trich_yeu_folded, content='items', content_rowid='rowid', tokenize='trigram')`.execute(db);
    await sql`insert into items_search(items_search) values ('rebuild')`.execute(db);
    await sql`create trigger items_search_insert after insert on items begin
      insert into items_search(rowid, so_ky_hieu_folded, trich_yeu_folded) values (new.rowid, new.so_ky_hieu_folded, new.trich_yeu_folded);
    end`.execute(db);
    await sql`create trigger items_search_delete after delete on items begin
      insert into items_search(items_search, rowid, so_ky_hieu_folded, trich_yeu_folded) values ('delete', old.rowid, old.so_ky_hieu_folded, old.trich_yeu_folded);
    end`.execute(db);
    await sql`create trigger items_search_update after update of so_ky_hieu_folded, trich_yeu_folded on items begin
      insert into items_search(items_search, rowid, so_ky_hieu_folded, trich_yeu_folded) values ('delete', old.rowid, old.so_ky_hieu_folded, old.trich_yeu_folded);
      insert into items_search(rowid, so_ky_hieu_folded, trich_yeu_folded) values (new.rowid, new.so_ky_hieu_folded, new.trich_yeu_folded);
    end`.execute(db);
  }
  // The first page of the list is the newest items matching level and status, or of one unit.
  await db.schema.createIndex('items_level_status_created_idx').on('items').columns(['level', 'status', 'created_at', 'id']).execute();
  await db.schema.createIndex('items_unit_created_idx').on('items').columns(['unit_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('items_created_idx').on('items').columns(['created_at', 'id']).execute();
  // SQLite plans without statistics assume every index equality is selective, and would walk a
  // whole level instead of the search matches; statistics are kept fresh by `pragma optimize`
  // when the database is opened (database.ts). PostgreSQL's autovacuum analyzes by itself.
  if (!isPostgres) await sql`analyze`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
