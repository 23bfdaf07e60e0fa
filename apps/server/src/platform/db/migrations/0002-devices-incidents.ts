import { sql, type Kysely } from 'kysely';

// The device register (LEGAL.md R12.1–R12.4) and incidents of disclosure or loss (R1.1, §13).
// Portable types only (text, integer; ISO text times; 0/1 booleans; JSON as text).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('asset_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('serial', 'text')
    .addColumn('location', 'text')
    .addColumn('custodian_id', 'text', (c) => c.references('people.id'))
    .addColumn('network_status', 'text', (c) => c.notNull())
    .addColumn('ever_connected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('co_yeu_product_ref', 'text')
    .addColumn('approved_uses', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_check_on', 'text')
    .addColumn('last_check_result', 'text')
    .addColumn('next_check_due', 'text')
    .addColumn('last_repair_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('devices_network_status_check', sql`network_status in ('AIR_GAPPED_NEVER_CONNECTED','INDEPENDENT_LAN','CO_YEU_APPROVED','CONNECTED')`)
    .addCheckConstraint('devices_status_check', sql`status in ('IN_STORE','IN_USE','REPAIR_EXTERNAL','REPURPOSED','DISPOSED')`)
    // LEGAL.md R12.1: "never connected" and "ever connected" cannot both hold; a connected device was connected.
    .addCheckConstraint('devices_ever_connected_check', sql`(network_status <> 'AIR_GAPPED_NEVER_CONNECTED' or ever_connected = 0) and (network_status <> 'CONNECTED' or ever_connected = 1)`)
    .execute();
  await db.schema.createIndex('devices_unit_asset_idx').unique().on('devices').columns(['unit_id', 'asset_code']).execute();
  await db.schema.createIndex('devices_next_check_idx').on('devices').column('next_check_due').execute();

  await db.schema
    .createTable('device_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('inspector_name', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('next_due', 'text')
    .addColumn('report_ref', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('device_checks_result_check', sql`result in ('PASSED','FAILED')`)
    .execute();
  await db.schema.createIndex('device_checks_device_idx').on('device_checks').columns(['device_id', 'checked_on']).execute();

  await db.schema
    .createTable('device_sanitisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('performed_on', 'text', (c) => c.notNull())
    .addColumn('witnesses', 'text', (c) => c.notNull())
    .addColumn('destruction_ref', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('device_sanitisations_kind_check', sql`kind in ('WIPE','MEDIA_DESTROYED')`)
    .execute();

  await db.schema
    .createTable('device_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('sanitisation_id', 'text', (c) => c.references('device_sanitisations.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // LEGAL.md R12.3, enforced by the database too: no repair outside, repurposing or disposal without a wipe record.
    .addCheckConstraint('device_status_changes_sanitised_check', sql`to_status not in ('REPAIR_EXTERNAL','REPURPOSED','DISPOSED') or sanitisation_id is not null`)
    .execute();
  await db.schema.createIndex('device_status_changes_device_idx').on('device_status_changes').columns(['device_id', 'created_at']).execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sub_channel', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('discovered_year', 'integer', (c) => c.notNull())
    .addColumn('discovered_by_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('discovered_by_name', 'text')
    .addColumn('occurred_on', 'text')
    .addColumn('circumstances', 'text', (c) => c.notNull())
    .addColumn('immediate_measures', 'text')
    .addColumn('investigation_status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('root_cause', 'text')
    .addColumn('handling', 'text')
    .addColumn('remedy', 'text')
    .addColumn('referral', 'text', (c) => c.notNull())
    .addColumn('referral_note', 'text')
    .addColumn('reported_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('incidents_kind_check', sql`kind in ('LO','MAT')`)
    .addCheckConstraint('incidents_channel_check', sql`channel in ('INTERNET','THU_THAP','CHIEM_DOAT','KHAC')`)
    .execute();
  await db.schema.createIndex('incidents_unit_year_idx').on('incidents').columns(['unit_id', 'discovered_year']).execute();

  await db.schema
    .createTable('incident_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('effect', 'text', (c) => c.notNull())
    .addColumn('previous_status', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addCheckConstraint('incident_items_effect_check', sql`effect in ('LOST','DISCLOSED')`)
    .execute();
  await db.schema.createIndex('incident_items_pair_idx').unique().on('incident_items').columns(['incident_id', 'item_id']).execute();
  await db.schema.createIndex('incident_items_item_idx').on('incident_items').column('item_id').execute();

  await db.schema
    .createTable('incident_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_devices_pair_idx').unique().on('incident_devices').columns(['incident_id', 'device_id']).execute();

  await db.schema
    .createTable('incident_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text')
    .addColumn('notified_at', 'text', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('document_ref', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_notifications_incident_idx').on('incident_notifications').column('incident_id').execute();

  await db.schema
    .createTable('incident_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // An entry about an item is hidden from whoever may not see that item.
    .addColumn('item_id', 'text', (c) => c.references('items.id'))
    .addColumn('actor_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_entries_incident_idx').on('incident_entries').columns(['incident_id', 'at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
