import { sql, type Kysely } from 'kysely';

// Danh mục BMNN: the official lists of what is secret (decisions and their items), national
// reference data shared by every unit (LEGAL.md R3.3).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('danh_muc_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('danh_muc_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('danh_muc_decisions.id'))
    .addColumn('item_no', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_folded', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('danh_muc_items_level_check', sql`level in ('MAT','TOI_MAT','TUYET_MAT')`)
    .addUniqueConstraint('danh_muc_items_decision_item_unique', ['decision_id', 'item_no'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
