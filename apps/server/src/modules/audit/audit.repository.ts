import type { Kysely, Transaction } from 'kysely';
import type { AuditChainReport } from '@bmnn/contracts';
import type { Database } from '../../platform/db/schema.ts';
import type { DatabaseKind } from '../../platform/db/database.ts';
import { generateId } from '../../platform/ids.ts';
import { canonicalJson, computeRecordHash, GENESIS_HASH, verifyChain, type ChainRecord } from './audit.chain.ts';
import { SYSTEM_CHAIN, type AuditEvent } from './audit.events.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Appends an audit record to its chain inside the caller's transaction: if this write fails,
 * the change it records fails with it (DESIGN.md §5). The chain head row serialises writers of
 * one chain (FOR UPDATE on PostgreSQL; SQLite has one writer at a time anyway).
 */
export async function appendAuditRecord({
  trx,
  kind,
  event,
  at,
}: {
  trx: Transaction<Database>;
  kind: DatabaseKind;
  event: AuditEvent;
  at: Date;
}): Promise<{ recordId: string; seq: number; hash: string }> {
  await trx
    .insertInto('audit_heads')
    .values({ chain: event.chain, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  let headQuery = trx.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', event.chain);
  if (kind === 'postgres') headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();

  const record = {
    id: generateId('aud'),
    chain: event.chain,
    seq: head.seq + 1,
    at: at.toISOString(),
    type: event.type,
    actorId: event.actorId,
    subjectId: event.subjectId ?? null,
    data: canonicalJson(event.data),
    prevHash: head.hash,
  };
  const hash = computeRecordHash(record);
  await trx
    .insertInto('audit_records')
    .values({
      id: record.id,
      chain: record.chain,
      seq: record.seq,
      at: record.at,
      type: record.type,
      actor_id: record.actorId,
      subject_id: record.subjectId,
      data: record.data,
      prev_hash: record.prevHash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_heads').set({ seq: record.seq, hash }).where('chain', '=', event.chain).execute();
  return { recordId: record.id, seq: record.seq, hash };
}

export async function loadChain(db: Db, chain: string): Promise<ChainRecord[]> {
  const rows = await db.selectFrom('audit_records').selectAll().where('chain', '=', chain).orderBy('seq').execute();
  return rows.map((r) => ({
    id: r.id,
    chain: r.chain,
    seq: Number(r.seq),
    at: r.at,
    type: r.type,
    actorId: r.actor_id,
    subjectId: r.subject_id,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** Verifies the given chains (all when none given), including chains that only a head remembers. */
export async function verifyChains(db: Db, chains?: string[]): Promise<AuditChainReport[]> {
  const heads = await db.selectFrom('audit_heads').selectAll().execute();
  const recorded = await db.selectFrom('audit_records').select('chain').distinct().execute();
  const all = new Set<string>([...heads.map((h) => h.chain), ...recorded.map((r) => r.chain)]);
  const wanted = chains ? chains.filter((c) => all.has(c)) : [...all].sort();
  const units = await db.selectFrom('units').select(['id', 'name']).execute();
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const reports: AuditChainReport[] = [];
  for (const chain of wanted) {
    const head = heads.find((h) => h.chain === chain) ?? null;
    const verdict = verifyChain(await loadChain(db, chain), head ? { seq: Number(head.seq), hash: head.hash } : null);
    reports.push({
      chain,
      chainName: chain === SYSTEM_CHAIN ? 'Hệ thống' : (nameOf.get(chain) ?? chain),
      ok: verdict.ok,
      records: verdict.records,
      firstBreak: verdict.ok ? null : verdict.firstBreak,
    });
  }
  return reports;
}
