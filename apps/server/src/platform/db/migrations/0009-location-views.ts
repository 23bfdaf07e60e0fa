import type { Kysely } from 'kysely';

// Where each item is kept (room, cabinet, safe — LEGAL.md R6.1) and each person's saved views
// of the item list.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('storage_location', 'text').execute();
  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_views_account_idx').on('saved_views').column('account_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
