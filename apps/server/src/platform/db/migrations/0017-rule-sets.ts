import type { Kysely } from 'kysely';

// Rule sets corrected by an administrator (LEGAL.md A4, UNCONFIRMED rules as data). A shipped
// rule set has no row until its first edit: the defaults of @bmnn/rules are used meanwhile.
// The history of edits is the audit trail (rule_set.updated events, subject = rule set id).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
