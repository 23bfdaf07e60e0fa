import type { Kysely } from 'kysely';

// Leak checks before publication (DESIGN.md §6): one row per checked file, bound to its SHA-256,
// the person who checked it and the reviewer who concluded it. The file is not kept: only its name,
// size, type, the decision and the findings (redacted excerpts), so the record never holds the
// secret text it may have caught.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('leak_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('already_published', 'integer', (c) => c.notNull())
    .addColumn('checked_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text')
    .addColumn('conclusion_reason', 'text')
    .addColumn('concluded_by', 'text', (c) => c.references('people.id'))
    .addColumn('concluded_at', 'text')
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .execute();
  await db.schema.createIndex('leak_checks_unit_idx').on('leak_checks').columns(['unit_id', 'checked_at']).execute();
  await db.schema.createIndex('leak_checks_sha256_idx').on('leak_checks').columns(['sha256', 'checked_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
