import type { Kysely } from 'kysely';

// Stock-take (kiểm kê, LEGAL.md R6.1): a round of checking that every item the register says is
// held is physically where it should be. Lines are the snapshot taken when the round started.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stock_takes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('location_prefix', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('note', 'text')
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .execute();
  await db.schema.createIndex('stock_takes_unit_idx').on('stock_takes').columns(['unit_id', 'started_at']).execute();
  await db.schema
    .createTable('stock_take_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stock_take_id', 'text', (c) => c.notNull().references('stock_takes.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('expected_location', 'text')
    .addColumn('expected_custodian_id', 'text')
    .addColumn('result', 'text')
    .addColumn('found_location', 'text')
    .addColumn('note', 'text')
    .addColumn('checked_by', 'text')
    .addColumn('checked_at', 'text')
    .execute();
  await db.schema.createIndex('stock_take_lines_take_idx').on('stock_take_lines').columns(['stock_take_id', 'item_id']).unique().execute();
}
