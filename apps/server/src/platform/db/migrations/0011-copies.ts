import type { Kysely } from 'kysely';

// Copying and photographing secret items (LEGAL.md R5.1–R5.8): the request and its decision,
// and the copies themselves as child items carrying their parent's level and period.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('copy_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('copy_type', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_count', 'integer', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_count', 'integer')
    .addColumn('decision_basis', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('made_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('items').addColumn('parent_id', 'text').execute();
  await db.schema.alterTable('items').addColumn('copy_number', 'integer').execute();
  await db.schema.createIndex('items_parent_idx').on('items').column('parent_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
