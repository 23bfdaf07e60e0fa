import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.ts';
import type { DatabaseHandle, DatabaseKind } from './db/database.ts';
import type { AppConfig } from './config.ts';
import { systemClock, type Clock } from './ids.ts';
import { appendAuditRecord } from '../modules/audit/audit.repository.ts';
import type { AuditEvent } from '../modules/audit/audit.events.ts';

/** What every use case needs: the database, its kind, the clock and the configuration. */
export type AppContext = {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  handle: DatabaseHandle;
  clock: Clock;
  config: AppConfig;
};

export function createContext({ handle, config, clock = systemClock }: { handle: DatabaseHandle; config: AppConfig; clock?: Clock }): AppContext {
  return { db: handle.db, dbKind: handle.kind, handle, clock, config };
}

export type TransactionScope = {
  trx: Transaction<Database>;
  now: Date;
  /** The database kind, for helpers whose SQL differs (row locks on PostgreSQL). */
  dbKind: DatabaseKind;
  /** Appends an audit record in this transaction: if it fails, the whole change fails. */
  audit: (event: AuditEvent) => Promise<void>;
};

/** Runs a write use case in one transaction with its audit records (STYLE.md habit 5). */
export async function inTransaction<T>(ctx: AppContext, fn: (scope: TransactionScope) => Promise<T>): Promise<T> {
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) =>
    fn({
      trx,
      now,
      dbKind: ctx.dbKind,
      audit: async (event) => {
        await appendAuditRecord({ trx, kind: ctx.dbKind, event, at: now });
      },
    }),
  );
}
