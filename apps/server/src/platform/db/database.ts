import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import pg from 'pg';
import type { Database } from './schema.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-devices-incidents.ts';
import * as m0003 from './migrations/0003-danh-muc.ts';
import * as m0004 from './migrations/0004-item-events.ts';
import * as m0005 from './migrations/0005-determination.ts';
import * as m0006 from './migrations/0006-periods.ts';
import * as m0007 from './migrations/0007-destruction.ts';
import * as m0008 from './migrations/0008-take-out-provision.ts';
import * as m0009 from './migrations/0009-location-views.ts';
import * as m0010 from './migrations/0010-people-secret-work.ts';
import * as m0011 from './migrations/0011-copies.ts';
import * as m0012 from './migrations/0012-files-archive.ts';
import * as m0014 from './migrations/0014-item-search.ts';
import * as m0015 from './migrations/0015-training.ts';
import * as m0016 from './migrations/0016-meetings.ts';
import * as m0017 from './migrations/0017-rule-sets.ts';
import * as m0020 from './migrations/0020-stored-files.ts';
import * as m0021 from './migrations/0021-stock-takes.ts';
import * as m0023 from './migrations/0023-item-list-indexes.ts';
import * as m0024 from './migrations/0024-leak-checks.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The SQLite file, when the database is SQLite (used by backup). */
  sqliteFile: string | null;
  /** The raw SQLite connection, when SQLite (used by backup's online snapshot). */
  sqlite: SQLite.Database | null;
  close: () => Promise<void>;
};

// pg returns int8 (count(*)) as string; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * Opens the database: PostgreSQL when `url` starts with postgres://, else the SQLite file
 * `bmnn.sqlite` in `dataDir` (WAL, foreign keys on, synchronous=FULL so that an acknowledged
 * write survives a crash, DESIGN.md §4).
 */
export function openDatabase({ url, dataDir }: { url?: string | undefined; dataDir: string }): DatabaseHandle {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection can be cut by the server (restart, failover): pg emits it on the pool,
    // and an unhandled 'error' would end the process. The next query opens a new connection.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL: kết nối rảnh bị ngắt (${error.message})`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', sqliteFile: null, sqlite: null, close: () => db.destroy() };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'bmnn.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Refresh the planner's statistics of tables that changed a lot since they were last analyzed
  // (SQLite's advice for long-lived connections; the item search relies on them, decision 0009).
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', sqliteFile: file, sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs more than running a simple query
 * (profile in bench/README.md). Statements are cached by their SQL text (bounded LRU). Reuse is
 * safe: better-sqlite3 runs each statement to completion synchronously.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sqlText: string) => {
      let statement = cache.get(sqlText);
      if (statement) {
        cache.delete(sqlText);
      } else {
        statement = sqlite.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sqlText, statement);
      return statement;
    },
  };
}

const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-devices-incidents': m0002,
  '0003-danh-muc': m0003,
  '0004-item-events': m0004,
  '0005-determination': m0005,
  '0006-periods': m0006,
  '0007-destruction': m0007,
  '0008-take-out-provision': m0008,
  '0009-location-views': m0009,
  '0010-people-secret-work': m0010,
  '0011-copies': m0011,
  '0012-files-archive': m0012,
  '0014-item-search': m0014,
  '0015-training': m0015,
  '0016-meetings': m0016,
  '0017-rule-sets': m0017,
  '0020-stored-files': m0020,
  '0021-stock-takes': m0021,
  '0023-item-list-indexes': m0023,
  '0024-leak-checks': m0024,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<{ applied: string[] }> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Applies the migrations up to and including `name` (the register benchmark loads its data before 0014). */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw new Error(`Migration to ${name} failed`, { cause: error });
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
