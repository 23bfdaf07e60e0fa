import type { Kysely } from 'kysely';

// Files and archive (lập hồ sơ, nộp lưu): items grouped into files (hồ sơ) of a unit, and the
// transfer of closed files to the agency's archive by a handover record. Membership is current
// state; its history is in the item events (FILED, UNFILED, ARCHIVED).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('archive_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('record_no', 'text', (c) => c.notNull())
    .addColumn('transferred_on', 'text', (c) => c.notNull())
    .addColumn('archive_name', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('handed_by_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('received_by_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('record_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_folded', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('keeper_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('retention_years', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('archive_transfer_id', 'text', (c) => c.references('archive_transfers.id'))
    .addColumn('archive_location', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_files_code_idx').unique().on('record_files').columns(['unit_id', 'year', 'code']).execute();
  await db.schema
    .createTable('record_file_items')
    // An item sits in at most one file.
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('items.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('record_files.id'))
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_file_items_file_idx').on('record_file_items').column('file_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
