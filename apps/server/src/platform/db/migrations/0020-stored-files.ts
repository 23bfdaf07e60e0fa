import type { Kysely } from 'kysely';

// Files people attach (the signed scan of a commitment, later minutes and records): the bytes live
// content-addressed under <data dir>/files (so backup carries them), the row says what they are and
// binds them to their SHA-256, which is checked on every read.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stored_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('commitments').addColumn('scan_file_id', 'text', (c) => c.references('stored_files.id')).execute();
}
