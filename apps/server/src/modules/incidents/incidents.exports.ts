import { todayInVietnam } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canHandleIncidentsOf, type Actor } from '../access/access.policies.ts';
// The document builders (and the docx library) load on first use: see platform/lazy-modules.ts.
const loadDocuments = () => import('./incidents.documents.ts');
import { getAnnualIncidentReport } from './incidents.annual.ts';
import { getIncidentStatistics } from './incidents.statistics.ts';
import { getIncident } from './incidents.usecases.ts';

// Every export is audited in a transaction of its own before the file leaves the server
// (DESIGN.md §5): if the audit record cannot be written, nothing is sent.

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The province's name without "Tỉnh"/"Thành phố", for the place line ("Bắc Ninh, ngày …"). */
export function placeFrom(name: string): string {
  return name.replace(/^(tỉnh|thành phố)\s+/i, '').trim();
}

export async function ancestorsOf(ctx: AppContext, unitId: string) {
  const chain: Array<{ id: string; name: string; code: string; kind: string; parent_id: string | null }> = [];
  let current: string | null = unitId;
  while (current && chain.length < 20) {
    const row = await ctx.db.selectFrom('units').select(['id', 'name', 'code', 'kind', 'parent_id']).where('id', '=', current).executeTakeFirst();
    if (!row) break;
    chain.push(row);
    current = row.parent_id;
  }
  return chain;
}

/** The ad-hoc report (báo cáo đột xuất) of an incident, as the reader may see it (LEGAL.md R13.1). */
export async function exportAdHocReport(ctx: AppContext, { actor, incidentId, number, place }: { actor: Actor; incidentId: string; number?: string | undefined; place?: string | undefined }) {
  const { incident } = await getIncident(ctx, { actor, incidentId, audited: false });
  if (!canHandleIncidentsOf({ actor, unitId: incident.unitId })) throw errors.forbidden();
  const chain = await ancestorsOf(ctx, incident.unitId);
  const unit = chain[0]!;
  const root = chain.at(-1)!;
  const now = ctx.clock();
  const { buildAdHocReportDocx } = await loadDocuments();
  const buffer = await buildAdHocReportDocx({
    incident,
    agencyName: unit.name,
    parentAgencyName: parentAgencyName(chain[1]),
    unitCode: unit.code,
    number: number || null,
    place: place || placeFrom(root.name),
    now,
  });
  await inTransaction(ctx, async ({ trx, now: at, audit }) => {
    await trx.insertInto('incident_entries').values({ id: generateId('ien'), incident_id: incident.id, unit_id: incident.unitId, at: at.toISOString(), kind: 'REPORT_EXPORTED', text: 'Lập báo cáo đột xuất (DOCX)', item_id: null, actor_id: actor.accountId, created_at: at.toISOString() }).execute();
    await audit({ type: 'incident.report_exported', chain: incident.unitId, actorId: actor.accountId, subjectId: incident.id, data: { format: 'docx' } });
  });
  return { filename: `bao-cao-dot-xuat-${todayStamp(now)}.docx`, contentType: DOCX_TYPE, buffer };
}

/** The governing body line: a unit directly under the province node answers to its People's Committee. */
export function parentAgencyName(parent: { name: string; kind: string } | undefined): string | null {
  if (!parent) return null;
  return parent.kind === 'TINH' ? `Ủy ban nhân dân ${parent.name}` : parent.name;
}

function todayStamp(now: Date) {
  return todayInVietnam(now);
}

/** The statistics workbook over what the actor may see. */
export async function exportIncidentStatistics(ctx: AppContext, { actor, year, unitId }: { actor: Actor; year?: number | undefined; unitId?: string | undefined }) {
  const { statistics } = await getIncidentStatistics(ctx, { actor, year, unitId });
  const scopeUnit = await ctx.db.selectFrom('units').select(['name']).where('id', '=', unitId ?? actor.unitId).executeTakeFirst();
  const now = ctx.clock();
  const { buildStatisticsXlsx } = await loadDocuments();
  const buffer = await buildStatisticsXlsx({ statistics, scopeName: scopeUnit?.name ?? '', now });
  await inTransaction(ctx, async ({ audit }) => {
    await audit({ type: 'incident.statistics_exported', chain: unitId ?? actor.unitId, actorId: actor.accountId, data: { format: 'xlsx', year: year ?? null, scopeUnitId: unitId ?? null } });
  });
  return { filename: `thong-ke-lo-mat-bmnn-${year ?? 'tat-ca'}.xlsx`, contentType: XLSX_TYPE, buffer };
}

/**
 * The incidents section of the annual report of year Y (LEGAL.md R13.2, R14.1(c)) over what the
 * actor may see, headed by the chosen unit (or the actor's own).
 */
export async function exportAnnualIncidentReport(ctx: AppContext, { actor, year, unitId }: { actor: Actor; year: number; unitId?: string | undefined }) {
  const { report } = await getAnnualIncidentReport(ctx, { actor, year, unitId });
  const chain = await ancestorsOf(ctx, unitId ?? actor.unitId);
  const unit = chain[0]!;
  const now = ctx.clock();
  const { buildAnnualReportDocx } = await loadDocuments();
  const buffer = await buildAnnualReportDocx({ report, agencyName: unit.name, parentAgencyName: parentAgencyName(chain[1]), place: placeFrom(chain.at(-1)!.name), now });
  await inTransaction(ctx, async ({ audit }) => {
    await audit({ type: 'incident.annual_report_exported', chain: unitId ?? actor.unitId, actorId: actor.accountId, data: { format: 'docx', year, scopeUnitId: unitId ?? null, count: report.totalCases } });
  });
  return { filename: `bao-cao-nam-${year}-lo-mat-bmnn.docx`, contentType: DOCX_TYPE, buffer };
}
