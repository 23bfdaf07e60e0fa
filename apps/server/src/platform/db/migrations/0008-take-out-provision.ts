import type { Kysely } from 'kysely';

// Taking items out of their storage place (LEGAL.md R8.1, R8.2) and providing them to
// Vietnamese or foreign parties (R8.3–R8.6): requests, their items and decisions.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('release_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text')
    .addColumn('to_date', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('decision_basis', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('returned_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('release_requests_unit_idx').on('release_requests').columns(['unit_id', 'status']).execute();
  await db.schema
    .createTable('release_request_items')
    .addColumn('request_id', 'text', (c) => c.notNull().references('release_requests.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addPrimaryKeyConstraint('release_request_items_pk', ['request_id', 'item_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
