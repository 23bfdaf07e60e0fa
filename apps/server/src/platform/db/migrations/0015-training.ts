import { type Kysely } from 'kysely';

// Training and dissemination (LEGAL.md R11.5): sessions and their attendees; dissemination of
// legal documents and of the danh mục to staff, with the people reached.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('material', 'text')
    .addColumn('result', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_sessions_unit_idx').on('training_sessions').columns(['unit_id', 'held_on']).execute();

  await db.schema
    .createTable('training_attendees')
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_attendees_pk', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('training_attendees_person_idx').on('training_attendees').column('person_id').execute();

  await db.schema
    .createTable('disseminations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('document_title', 'text', (c) => c.notNull())
    .addColumn('danh_muc_decision_id', 'text', (c) => c.references('danh_muc_decisions.id'))
    .addColumn('disseminated_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disseminations_unit_idx').on('disseminations').columns(['unit_id', 'disseminated_on']).execute();

  await db.schema
    .createTable('dissemination_recipients')
    .addColumn('dissemination_id', 'text', (c) => c.notNull().references('disseminations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('dissemination_recipients_pk', ['dissemination_id', 'person_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
