import type { Kysely } from 'kysely';

// Determination of secrets and outgoing registration (LEGAL.md R4.1–R4.2, R7.2–R7.3): who holds
// authority (position, delegation), which danh mục items an item cites, and the item fields the
// determination sets.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('authorities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('position_keys', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('delegation_ref', 'text')
    .addColumn('delegation_from', 'text')
    .addColumn('delegation_to', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('authorities_person_idx').on('authorities').column('person_id').execute();

  await db.schema
    .createTable('item_citations')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('danh_muc_item_id', 'text', (c) => c.notNull().references('danh_muc_items.id'))
    .addPrimaryKeyConstraint('item_citations_pk', ['item_id', 'danh_muc_item_id'])
    .execute();

  for (const [column, type] of [
    ['proposed_by', 'text'],
    ['drafter_name', 'text'],
    ['recipients', 'text'],
    ['copy_permitted', 'integer'],
    ['determined_on', 'text'],
    ['determined_by', 'text'],
    ['determination_basis', 'text'],
    ['protection_end', 'text'],
  ] as const) {
    await db.schema.alterTable('items').addColumn(column, type).execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
