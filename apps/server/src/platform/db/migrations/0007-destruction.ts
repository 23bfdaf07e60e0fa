import type { Kysely } from 'kysely';

// Destruction of secret items (LEGAL.md R10.1–R10.4): a case groups the items proposed, the
// council, its review, the decision and the destruction record; the emergency path records the
// destruction at once and tracks the written report that must follow.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('destruction_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('council_ref', 'text')
    .addColumn('council', 'text')
    .addColumn('review_minutes', 'text')
    .addColumn('decision_ref', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('executed_at', 'text')
    .addColumn('method', 'text')
    .addColumn('place', 'text')
    .addColumn('witnesses', 'text')
    .addColumn('circumstances', 'text')
    .addColumn('report_due', 'text')
    .addColumn('report_sent_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('destruction_case_items')
    .addColumn('case_id', 'text', (c) => c.notNull().references('destruction_cases.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addPrimaryKeyConstraint('destruction_case_items_pk', ['case_id', 'item_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
