import {
  INCIDENT_KIND_LABELS,
  INCIDENT_KINDS,
  type IncidentChannel,
  type IncidentKind,
  type IncidentStatistics,
  type IncidentSubChannel,
} from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { findSubtreeUnitIds } from '../access/access.actor.ts';
import { canSeeIncidentsOf, incidentUnitScope, type Actor } from '../access/access.policies.ts';
import { unitErrors } from '../units/units.errors.ts';
import { breakdownByChannel, percentOf } from './incidents.rules.ts';

export type StatisticsFacts = Array<{ unitId: string; unitName: string; kind: IncidentKind; channel: IncidentChannel; subChannel: IncidentSubChannel | null; year: number; items: number }>;

/**
 * Pure aggregation, shaped like the seed's figures ("44/63 vụ, chiếm 69,8%"): cases and items
 * by channel (with sub-channels), by kind and by unit for the year, and cases by year overall.
 */
export function aggregateStatistics({ facts, year }: { facts: StatisticsFacts; year: number | null }): IncidentStatistics {
  const inYear = year === null ? facts : facts.filter((f) => f.year === year);
  const totalCases = inYear.length;
  const totalItems = inYear.reduce((s, f) => s + f.items, 0);
  const row = (list: Readonly<StatisticsFacts>) => {
    const items = list.reduce((s, f) => s + f.items, 0);
    return { cases: list.length, casesPercent: percentOf(list.length, totalCases), items, itemsPercent: percentOf(items, totalItems) };
  };
  const units = new Map<string, string>();
  for (const f of inYear) units.set(f.unitId, f.unitName);
  const years = [...new Set(facts.map((f) => f.year))].sort((a, b) => a - b);
  return {
    year,
    totalCases,
    totalItems,
    byChannel: breakdownByChannel({ facts: inYear, row, itemsOf: (f) => f.items }),
    byKind: INCIDENT_KINDS.map((kind) => ({ kind, label: INCIDENT_KIND_LABELS[kind], ...row(inYear.filter((f) => f.kind === kind)) })),
    byUnit: [...units.entries()]
      .map(([unitId, unitName]) => ({ unitId, unitName, ...row(inYear.filter((f) => f.unitId === unitId)) }))
      .sort((a, b) => b.cases - a.cases || a.unitName.localeCompare(b.unitName, 'vi')),
    byYear: years.map((y) => {
      const list = facts.filter((f) => f.year === y);
      return { year: y, cases: list.length, items: list.reduce((s, f) => s + f.items, 0) };
    }),
  };
}

/** Statistics over the incidents the actor may see, optionally for one unit and everything below it. */
export async function getIncidentStatistics(ctx: AppContext, { actor, year, unitId }: { actor: Actor; year?: number | undefined; unitId?: string | undefined }) {
  const scope = incidentUnitScope(actor);
  let unitIds: string[] | 'all' = scope;
  if (unitId) {
    if (!canSeeIncidentsOf({ actor, unitId })) throw unitErrors.notFound();
    const subtree = await findSubtreeUnitIds(ctx.db, unitId);
    unitIds = scope === 'all' ? subtree : subtree.filter((id) => scope.includes(id));
  }
  if (unitIds !== 'all' && unitIds.length === 0) return { statistics: aggregateStatistics({ facts: [], year: year ?? null }) };
  let query = ctx.db
    .selectFrom('incidents')
    .innerJoin('units', 'units.id', 'incidents.unit_id')
    .leftJoin('incident_items', 'incident_items.incident_id', 'incidents.id')
    .select((eb) => ['incidents.id', 'incidents.unit_id', 'units.name', 'incidents.kind', 'incidents.channel', 'incidents.sub_channel', 'incidents.discovered_year', eb.fn.count<number>('incident_items.id').as('items')])
    .groupBy(['incidents.id', 'incidents.unit_id', 'units.name', 'incidents.kind', 'incidents.channel', 'incidents.sub_channel', 'incidents.discovered_year']);
  if (unitIds !== 'all') query = query.where('incidents.unit_id', 'in', unitIds);
  const rows = await query.execute();
  const facts: StatisticsFacts = rows.map((r) => ({ unitId: r.unit_id, unitName: r.name, kind: r.kind as IncidentKind, channel: r.channel as IncidentChannel, subChannel: r.sub_channel as IncidentSubChannel | null, year: Number(r.discovered_year), items: Number(r.items) }));
  return { statistics: aggregateStatistics({ facts, year: year ?? null }) };
}
