import { sql, type Kysely } from 'kysely';

// People who work with secrets (LEGAL.md R11.2–R11.4): assignments to secret work and of the
// unit's security officers, commitments to protect state secrets, and offboarding cases.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('secret_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('officer_type', 'text')
    .addColumn('decision_ref', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('secret_assignments_kind_check', sql`kind in ('SECRET_WORK','SECURITY_OFFICER')`)
    // R11.4: a security officer is full-time (chuyên trách) or part-time (kiêm nhiệm).
    .addCheckConstraint('secret_assignments_officer_type_check', sql`(kind = 'SECURITY_OFFICER' and officer_type in ('CHUYEN_TRACH','KIEM_NHIEM')) or (kind = 'SECRET_WORK' and officer_type is null)`)
    .execute();
  await db.schema.createIndex('secret_assignments_unit_idx').on('secret_assignments').columns(['unit_id', 'kind']).execute();
  await db.schema.createIndex('secret_assignments_person_idx').on('secret_assignments').column('person_id').execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('signed_on', 'text')
    .addColumn('renewal_due', 'text')
    .addColumn('scan_ref', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('commitments_kind_check', sql`kind in ('ON_ASSIGNMENT','ON_LEAVING','OTHER')`)
    .execute();
  await db.schema.createIndex('commitments_person_idx').on('commitments').columns(['person_id', 'kind']).execute();

  await db.schema
    .createTable('offboarding_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('successor_id', 'text', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('exit_commitment_id', 'text', (c) => c.references('commitments.id'))
    .addColumn('note', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addCheckConstraint('offboarding_cases_status_check', sql`status in ('OPEN','CLOSED')`)
    .execute();
  await db.schema.createIndex('offboarding_cases_person_idx').on('offboarding_cases').columns(['person_id', 'status']).execute();

  await db.schema
    .createTable('offboarding_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('offboarding_cases.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull())
    .addColumn('handed_to_id', 'text', (c) => c.references('people.id'))
    .addColumn('handover_ref', 'text')
    .addColumn('note', 'text')
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addCheckConstraint('offboarding_lines_kind_check', sql`subject_kind in ('ITEM','DEVICE')`)
    .addCheckConstraint('offboarding_lines_resolution_check', sql`resolution in ('OPEN','HANDED_OVER','ACCOUNTED','MISSING')`)
    // An item reported missing always has its incident (R11.2).
    .addCheckConstraint('offboarding_lines_missing_check', sql`resolution <> 'MISSING' or incident_id is not null`)
    .execute();
  await db.schema.createIndex('offboarding_lines_case_idx').on('offboarding_lines').column('case_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
