import type { Kysely } from 'kysely';

// Protection periods after determination (LEGAL.md R9.2–R9.4): the written notices that must go
// out within 15 days of an extension, adjustment or declassification, and the extension count.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('item_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('decision_ref', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text')
    .addColumn('sent_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_notices_due_idx').on('item_notices').columns(['unit_id', 'sent_on', 'due_date']).execute();
  await db.schema.alterTable('items').addColumn('extensions_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('items_protection_end_idx').on('items').columns(['status', 'protection_end']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
