import {
  concludeLeakCheckRequest,
  LEAK_DECISION_LABELS,
  LEVEL_LABELS,
  type ConcludeLeakCheckRequest,
  type LeakCheck,
  type LeakConclusion,
  type LeakDecision,
  type LeakFinding,
  type LeakProblem,
  type ListLeakChecksQuery,
} from '@bmnn/contracts';
import { describeLocation, type FileResult } from '@bmnn/scanner';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import type { UploadedForm } from '../../platform/stored-files.ts';
import { canCheckFiles, canConcludeLeakCheck, canSeeLeakCheck, leakCheckScope, type Actor } from '../access/access.policies.ts';
import { openIncidentInTransaction } from '../incidents/incidents.usecases.ts';
import { leakCheckErrors } from './leak-checks.errors.ts';
import { isPortalLeak, mayPublish } from './leak-checks.rules.ts';
import { scanUpload } from './leak-checks.scanner.ts';

type Db = Kysely<Database> | Transaction<Database>;

function selectChecks(db: Db) {
  return db
    .selectFrom('leak_checks')
    .innerJoin('units', 'units.id', 'leak_checks.unit_id')
    .innerJoin('people as checker', 'checker.id', 'leak_checks.checked_by')
    .leftJoin('people as reviewer', 'reviewer.id', 'leak_checks.concluded_by')
    .selectAll('leak_checks')
    .select(['units.name as unit_name', 'checker.full_name as checked_by_name', 'reviewer.full_name as concluded_by_name']);
}
type CheckRow = Awaited<ReturnType<ReturnType<typeof selectChecks>['executeTakeFirstOrThrow']>>;

function present(r: CheckRow): LeakCheck {
  const decision = r.decision as LeakDecision;
  const conclusion = r.conclusion as LeakConclusion | null;
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    fileName: r.file_name,
    size: r.size,
    sha256: r.sha256,
    fileType: r.file_type,
    decision,
    findings: JSON.parse(r.findings) as LeakFinding[],
    problems: JSON.parse(r.problems) as LeakProblem[],
    alreadyPublished: r.already_published === 1,
    checkedById: r.checked_by,
    checkedByName: r.checked_by_name,
    checkedAt: r.checked_at,
    conclusion,
    conclusionReason: r.conclusion_reason,
    concludedByName: r.concluded_by_name,
    concludedAt: r.concluded_at,
    incidentId: r.incident_id,
    mayPublish: mayPublish({ decision, conclusion }),
  };
}

/** The scanner's result in the words kept on the record: redacted excerpts, Vietnamese places and reasons. */
export function toRecord(result: FileResult): { findings: LeakFinding[]; problems: LeakProblem[] } {
  return {
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      title: f.title,
      level: f.level ?? null,
      decision: f.decision,
      location: describeLocation(f.location),
      excerpt: f.excerpt,
      score: f.score,
      evidence: f.evidence.map((e) => e.label),
    })),
    problems: result.problems.map((p) => ({ code: p.code, message: p.message, where: p.where ?? null })),
  };
}

function portalLeakCircumstances(fileName: string, sha256: string, findings: LeakFinding[]): string {
  const marks = findings
    .filter((f) => f.decision === 'block')
    .slice(0, 5)
    .map((f) => `${f.title}${f.level ? ` (${LEVEL_LABELS[f.level]})` : ''} ở ${f.location}`);
  return (
    `Kiểm tra tệp “${fileName}” (SHA-256 ${sha256}) bằng BMNN cho kết quả ${LEAK_DECISION_LABELS.block.toLowerCase()}: ${marks.join('; ')}. ` +
    'Người kiểm tra cho biết tệp đã được đăng công khai trên cổng thông tin điện tử.'
  ).slice(0, 4000);
}

/**
 * Checks one uploaded file and keeps the decision, bound to the file's SHA-256 and the person. A
 * blocked file that is already on a public portal opens a disclosure incident in the same
 * transaction (LEGAL.md R13.1: report at once).
 */
export async function checkFile(ctx: AppContext, { actor, file }: { actor: Actor; file: UploadedForm }): Promise<{ check: LeakCheck }> {
  if (!canCheckFiles(actor)) throw errors.forbidden();
  const published = file.fields['alreadyPublished'];
  if (published !== undefined && published !== 'true' && published !== 'false') {
    throw errors.validation({ details: { issues: [{ path: ['alreadyPublished'], message: 'Giá trị "đã đăng công khai" không hợp lệ' }] } });
  }
  const alreadyPublished = published === 'true';
  const result = await scanUpload({ dataDir: ctx.config.dataDir, bytes: file.buffer });
  const { findings, problems } = toRecord(result);
  const decision = result.decision as LeakDecision;
  const id = await inTransaction(ctx, async (scope) => {
    const { trx, now, audit } = scope;
    const checkId = generateId('lkc');
    const at = now.toISOString();
    let incidentId: string | null = null;
    await trx
      .insertInto('leak_checks')
      .values({
        id: checkId,
        unit_id: actor.unitId,
        file_name: file.originalName,
        size: file.buffer.length,
        sha256: result.sha256,
        file_type: result.type,
        decision,
        findings: JSON.stringify(findings),
        problems: JSON.stringify(problems),
        already_published: alreadyPublished ? 1 : 0,
        checked_by: actor.personId,
        checked_at: at,
        conclusion: null,
        conclusion_reason: null,
        concluded_by: null,
        concluded_at: null,
        incident_id: null,
      })
      .execute();
    if (isPortalLeak({ decision, alreadyPublished })) {
      ({ incidentId } = await openIncidentInTransaction(scope, {
        unitId: actor.unitId,
        kind: 'LO',
        channel: 'INTERNET',
        subChannel: 'AGENCY_PORTAL',
        title: `Tệp “${file.originalName.slice(0, 150)}” mang dấu độ mật đã đăng trên cổng thông tin điện tử`,
        discoveredAt: at,
        discoveredByPersonId: actor.personId,
        circumstances: portalLeakCircumstances(file.originalName, result.sha256, findings),
        source: 'PORTAL_LEAK',
        sourceRef: checkId,
        actorId: actor.accountId,
      }));
      await trx.updateTable('leak_checks').set({ incident_id: incidentId }).where('id', '=', checkId).execute();
    }
    await audit({
      type: 'leak_check.checked',
      chain: actor.unitId,
      actorId: actor.accountId,
      subjectId: checkId,
      data: { sha256: result.sha256, size: file.buffer.length, fileType: result.type, decision, findings: findings.length, problems: problems.length, alreadyPublished, incidentId },
    });
    return checkId;
  });
  return { check: present(await selectChecks(ctx.db).where('leak_checks.id', '=', id).executeTakeFirstOrThrow()) };
}

async function getVisibleRow(db: Db, actor: Actor, checkId: string): Promise<CheckRow> {
  const row = await selectChecks(db).where('leak_checks.id', '=', checkId).executeTakeFirst();
  if (!row || !canSeeLeakCheck({ actor, check: { unitId: row.unit_id, checkedById: row.checked_by } })) throw leakCheckErrors.notFound();
  return row;
}

export async function getLeakCheck(ctx: AppContext, { actor, checkId }: { actor: Actor; checkId: string }): Promise<{ check: LeakCheck }> {
  return { check: present(await getVisibleRow(ctx.db, actor, checkId)) };
}

export async function listLeakChecks(ctx: AppContext, { actor, query }: { actor: Actor; query: ListLeakChecksQuery }): Promise<{ checks: LeakCheck[]; total: number }> {
  const scope = leakCheckScope(actor);
  let q = selectChecks(ctx.db);
  if (scope !== 'all') {
    if (scope.unitIds.length === 0 && !scope.personId) return { checks: [], total: 0 };
    q = q.where((eb) => {
      const parts = [eb('leak_checks.checked_by', '=', scope.personId)];
      if (scope.unitIds.length > 0) parts.push(eb('leak_checks.unit_id', 'in', scope.unitIds));
      return eb.or(parts);
    });
  }
  if (query.decision) q = q.where('leak_checks.decision', '=', query.decision);
  // Waiting for a reviewer: what the checker could not decide. A blocked file is not waiting: it
  // stays unpublished unless a head finds the marking was a false alarm.
  if (query.open === 'true') q = q.where('leak_checks.decision', '=', 'review').where('leak_checks.conclusion', 'is', null);
  if (query.open === 'false') q = q.where((eb) => eb.or([eb('leak_checks.decision', '!=', 'review'), eb('leak_checks.conclusion', 'is not', null)]));
  if (query.sha256) q = q.where('leak_checks.sha256', '=', query.sha256);
  const [rows, count] = await Promise.all([
    q.orderBy('leak_checks.checked_at', 'desc').orderBy('leak_checks.id', 'desc').limit(query.limit).offset(query.offset).execute(),
    q.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { checks: rows.map(present), total: Number(count.n) };
}

/** A reviewer concludes a check the checker could not clear: the file may be published, or not. */
export async function concludeLeakCheck(ctx: AppContext, { actor, checkId, input: raw }: { actor: Actor; checkId: string; input: ConcludeLeakCheckRequest }): Promise<{ check: LeakCheck }> {
  const input = concludeLeakCheckRequest.parse(raw);
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    const row = await getVisibleRow(trx, actor, checkId);
    if (row.decision === 'pass') throw leakCheckErrors.nothingToConclude();
    if (row.conclusion !== null) throw leakCheckErrors.alreadyConcluded();
    const allowBlocked = row.decision === 'block' && input.conclusion === 'ALLOW';
    if (!canConcludeLeakCheck({ actor, unitId: row.unit_id, allowBlocked })) {
      throw allowBlocked && canConcludeLeakCheck({ actor, unitId: row.unit_id, allowBlocked: false }) ? leakCheckErrors.headRequired() : errors.forbidden();
    }
    // The conclusion is written once: the `conclusion is null` guard makes a concurrent second one change nothing.
    const updated = await trx
      .updateTable('leak_checks')
      .set({ conclusion: input.conclusion, conclusion_reason: input.reason, concluded_by: actor.personId, concluded_at: now.toISOString() })
      .where('id', '=', checkId)
      .where('conclusion', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw leakCheckErrors.alreadyConcluded();
    await audit({
      type: 'leak_check.concluded',
      chain: row.unit_id,
      actorId: actor.accountId,
      subjectId: checkId,
      data: { sha256: row.sha256, decision: row.decision, conclusion: input.conclusion, reason: input.reason },
    });
  });
  return getLeakCheck(ctx, { actor, checkId });
}
