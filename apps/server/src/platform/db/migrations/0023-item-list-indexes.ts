import { sql, type Kysely } from 'kysely';

// The item list at province scale (docs/decisions/0014-item-list-plans.md): the list is the
// union of one part per unit of the viewer's scope, each walked newest first. These two covering
// indexes let a part be read, filtered (level, status, keeper, the search needle on the folded
// số ký hiệu and trích yếu) and ordered without touching the table: one for a fixed level and
// status, one for the unit's whole history. The second replaces items_unit_created_idx (same
// leading columns; the yearly Thống kê walks it too).

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = await sql`select version()`.execute(db).then(
    () => true,
    () => false,
  );
  if (isPostgres) {
    await sql`create index items_unit_level_status_cov on items (unit_id, level, status, created_at, id) include (custodian_id, so_ky_hieu_folded, trich_yeu_folded)`.execute(db);
    await sql`create index items_unit_created_cov on items (unit_id, created_at, id) include (level, status, custodian_id, so_ky_hieu_folded, trich_yeu_folded)`.execute(db);
  } else {
    await sql`create index items_unit_level_status_cov on items (unit_id, level, status, created_at, id, custodian_id, so_ky_hieu_folded, trich_yeu_folded)`.execute(db);
    await sql`create index items_unit_created_cov on items (unit_id, created_at, id, level, status, custodian_id, so_ky_hieu_folded, trich_yeu_folded)`.execute(db);
  }
  await db.schema.dropIndex('items_unit_created_idx').execute();
  await sql`analyze items`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
