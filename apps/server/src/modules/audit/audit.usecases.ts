import type { AuditRecord } from '@bmnn/contracts';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { canReadAuditOf, canReadSystemAudit, type Actor } from '../access/access.policies.ts';
import { SYSTEM_CHAIN, describeAuditEvent, AUDIT_EVENT_LABELS, AUDIT_EVENT_TYPES } from './audit.events.ts';
import { verifyChains } from './audit.repository.ts';

/** Chains the actor may read: their scope's units, plus the system chain for province-wide roles. */
async function readableChains(ctx: AppContext, actor: Actor): Promise<string[]> {
  const units = await ctx.db.selectFrom('units').select('id').execute();
  const chains = units.map((u) => u.id).filter((chain) => canReadAuditOf({ actor, chain }));
  if (canReadSystemAudit(actor)) chains.push(SYSTEM_CHAIN);
  return chains;
}

export async function listAuditRecords(
  ctx: AppContext,
  { actor, query }: { actor: Actor; query: { unitId?: string | undefined; type?: string | undefined; actorId?: string | undefined; from?: string | undefined; to?: string | undefined; page: number; pageSize: number } },
) {
  const chains = await readableChains(ctx, actor);
  if (chains.length === 0) throw errors.forbidden();
  const wanted = query.unitId ? chains.filter((c) => c === query.unitId) : chains;
  if (wanted.length === 0) return { records: [], total: 0 };
  let q = ctx.db.selectFrom('audit_records').where('audit_records.chain', 'in', wanted);
  // A prefix match; '_' is part of type names (rule_set.updated), so it is escaped, not dropped.
  if (query.type) q = q.where(sql<boolean>`${sql.ref('audit_records.type')} like ${`${query.type.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  if (query.actorId) q = q.where('audit_records.actor_id', '=', query.actorId);
  if (query.from) q = q.where('audit_records.at', '>=', `${query.from}T00:00:00.000Z`);
  if (query.to) q = q.where('audit_records.at', '<=', `${query.to}T23:59:59.999Z`);
  const [rows, count] = await Promise.all([
    q
      .leftJoin('accounts', 'accounts.id', 'audit_records.actor_id')
      .leftJoin('people', 'people.id', 'accounts.person_id')
      .select(['audit_records.id', 'audit_records.chain', 'audit_records.seq', 'audit_records.at', 'audit_records.type', 'audit_records.actor_id', 'audit_records.subject_id', 'audit_records.data', 'people.full_name'])
      .orderBy('audit_records.at', 'desc')
      .orderBy('audit_records.seq', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const unitNames = new Map((await ctx.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  const records: AuditRecord[] = rows.map((r) => {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    return { id: r.id, chain: r.chain, chainName: r.chain === SYSTEM_CHAIN ? 'Hệ thống' : (unitNames.get(r.chain) ?? r.chain), seq: Number(r.seq), at: r.at, type: r.type, actorId: r.actor_id, actorName: r.full_name, subjectId: r.subject_id, summary: describeAuditEvent(r.type, data), data };
  });
  return { records, total: Number(count.n) };
}

/** Verifies the chains the actor may read (or one unit's), and records that it did. */
export async function verifyAudit(ctx: AppContext, { actor, unitId }: { actor: Actor | null; unitId?: string | undefined }) {
  let chains: string[] | undefined;
  if (actor) {
    chains = await readableChains(ctx, actor);
    if (chains.length === 0) throw errors.forbidden();
  }
  if (unitId) chains = (chains ?? [unitId]).filter((c) => c === unitId);
  const reports = await verifyChains(ctx.db, chains);
  if (actor) {
    await inTransaction(ctx, async ({ audit }) => {
      await audit({ type: 'audit.verified', chain: actor.unitId, actorId: actor.accountId, data: { chains: reports.length, broken: reports.filter((r) => !r.ok).length } });
    });
  }
  return { reports };
}

/** Event types with a Vietnamese label, for the viewer's filter. */
export function listAuditEventTypes() {
  return { types: AUDIT_EVENT_TYPES.map((type) => ({ type, label: AUDIT_EVENT_LABELS[type] })) };
}
