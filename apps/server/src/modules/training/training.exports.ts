import { todayInVietnam } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Actor } from '../access/access.policies.ts';
import { DOCX_TYPE, XLSX_TYPE } from '../incidents/incidents.exports.ts';
import { getTrainingCoverage, getTrainingSession } from './training.usecases.ts';

// Exports of the training register, each audited before the file leaves the server. Training
// records hold no secret content (topics, names, dates), so the files carry no secrecy level.

// The document builders (docx, exceljs) load on first use: see platform/lazy-modules.ts.
const loadDocuments = () => import('./training.documents.ts');

function parentAgencyName(parent: { name: string; kind: string } | undefined): string | null {
  if (!parent) return null;
  return parent.kind === 'TINH' ? `Ủy ban nhân dân ${parent.name}` : parent.name;
}

export async function exportAttendanceList(ctx: AppContext, { actor, sessionId }: { actor: Actor; sessionId: string }) {
  const { session } = await getTrainingSession(ctx, { actor, sessionId });
  const unit = await ctx.db.selectFrom('units').select(['name', 'parent_id']).where('id', '=', session.unitId).executeTakeFirstOrThrow();
  const parent = unit.parent_id ? await ctx.db.selectFrom('units').select(['name', 'kind']).where('id', '=', unit.parent_id).executeTakeFirst() : undefined;
  const root = await ctx.db.selectFrom('units').select(['name']).where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
  const unitIds = [...new Set((session.attendees ?? []).map((a) => a.unitId))];
  const units = unitIds.length ? await ctx.db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute() : [];
  const now = ctx.clock();
  const { buildAttendanceDocx } = await loadDocuments();
  const buffer = await buildAttendanceDocx({
    session,
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    agencyName: unit.name,
    parentAgencyName: parentAgencyName(parent),
    place: (root?.name ?? '').replace(/^(tỉnh|thành phố)\s+/i, ''),
    now,
  });
  await inTransaction(ctx, async ({ audit }) => {
    await audit({ type: 'training.attendance_exported', chain: session.unitId, actorId: actor.accountId, subjectId: session.id, data: { sessionId: session.id, format: 'docx', attendees: session.attendees?.length ?? 0 } });
  });
  return { filename: `danh-sach-tham-du-tap-huan-${session.heldOn}.docx`, contentType: DOCX_TYPE, buffer };
}

export async function exportTrainingCoverage(ctx: AppContext, { actor }: { actor: Actor }) {
  const { coverage } = await getTrainingCoverage(ctx, { actor });
  const scopeUnit = await ctx.db.selectFrom('units').select(['name']).where('id', '=', actor.unitId).executeTakeFirst();
  const now = ctx.clock();
  const { buildCoverageXlsx } = await loadDocuments();
  const buffer = await buildCoverageXlsx({ coverage, scopeName: scopeUnit?.name ?? '', now });
  await inTransaction(ctx, async ({ audit }) => {
    await audit({ type: 'training.coverage_exported', chain: actor.unitId, actorId: actor.accountId, data: { format: 'xlsx', units: coverage.units.length, windowMonths: coverage.windowMonths } });
  });
  return { filename: `ty-le-tap-huan-${todayInVietnam(now)}.xlsx`, contentType: XLSX_TYPE, buffer };
}
