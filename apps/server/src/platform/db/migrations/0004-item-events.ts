import { sql, type Kysely } from 'kysely';

// The ledger of secret items (DESIGN.md §4): every event that happens to an item is a row that
// is never updated or deleted — the database itself refuses it, on SQLite and PostgreSQL. A
// correction is a new event pointing at the one it corrects. Book lines (sổ) are events with a
// book and a serial number per unit, book and year, so printed numbering never changes.

export async function up(db: Kysely<any>): Promise<void> {
  // Register fields of an item beyond the foundation's minimum (LEGAL.md §2, §15.2).
  for (const [column, type] of [
    ['form', 'text'],
    ['sender', 'text'],
    ['document_date', 'text'],
    ['copies', 'integer'],
    ['named_recipient_id', 'text'],
    ['recall_deadline', 'text'],
  ] as const) {
    await db.schema.alterTable('items').addColumn(column, type).execute();
  }
  await db.schema
    .createTable('item_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('corrects_event_id', 'text', (c) => c.references('item_events.id'))
    .addColumn('book', 'text')
    .addColumn('book_year', 'integer')
    .addColumn('book_serial', 'integer')
    .execute();
  await db.schema.createIndex('item_events_item_idx').on('item_events').columns(['item_id', 'occurred_at']).execute();
  await db.schema.createIndex('item_events_book_idx').unique().on('item_events').columns(['unit_id', 'book', 'book_year', 'book_serial']).execute();

  // version() exists on PostgreSQL only (SQLite has sqlite_version()).
  const isPostgres = await sql`select version()`.execute(db).then(
    () => true,
    () => false,
  );
  if (isPostgres) {
    await sql`create function item_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'item_events are append-only'; end $$`.execute(db);
    await sql`create trigger item_events_no_update before update or delete on item_events
      for each row execute function item_events_append_only()`.execute(db);
  } else {
    await sql`create trigger item_events_no_update before update on item_events
      begin select raise(abort, 'item_events are append-only'); end`.execute(db);
    await sql`create trigger item_events_no_delete before delete on item_events
      begin select raise(abort, 'item_events are append-only'); end`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only: restore a backup to go back.');
}
