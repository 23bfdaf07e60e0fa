import { sql, type Kysely } from 'kysely';

// Meetings with secret content (LEGAL.md R8.7, R8.8): the register, its attendees, the equipment
// taken from the device register, and the documents handed out and collected back.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('venue_kind', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('chair_name', 'text')
    .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('co_yeu_line_ref', 'text')
    .addColumn('device_ban_notice', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('police_check_ref', 'text')
    .addColumn('police_check_date', 'text')
    .addColumn('external_attendees', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('meetings_level_check', sql`level in ('MAT','TOI_MAT','TUYET_MAT')`)
    .addCheckConstraint('meetings_venue_check', sql`venue_kind in ('INSIDE','OUTSIDE')`)
    .addCheckConstraint('meetings_status_check', sql`status in ('PLANNED','HELD','CLOSED')`)
    // R8.7 (2026 draft): an online meeting runs only over a line protected under the cơ yếu law.
    .addCheckConstraint('meetings_online_line_check', sql`online = 0 or co_yeu_line_ref is not null`)
    .execute();
  await db.schema.createIndex('meetings_unit_idx').on('meetings').columns(['unit_id', 'held_on']).execute();

  await db.schema
    .createTable('meeting_attendees')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('meeting_attendees_pk', ['meeting_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('meeting_equipment')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('check_id', 'text', (c) => c.references('device_checks.id'))
    .addPrimaryKeyConstraint('meeting_equipment_pk', ['meeting_id', 'device_id'])
    .execute();

  await db.schema
    .createTable('meeting_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('handed_to_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('handed_out_at', 'text', (c) => c.notNull())
    .addColumn('collected_back_at', 'text')
    .addColumn('collected_by', 'text')
    .execute();
  await db.schema.createIndex('meeting_documents_meeting_idx').on('meeting_documents').column('meeting_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
