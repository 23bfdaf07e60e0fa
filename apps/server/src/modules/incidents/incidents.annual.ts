import {
  foldForSearch,
  INCIDENT_KIND_LABELS,
  INCIDENT_KINDS,
  INVESTIGATION_STATUS_LABELS,
  INVESTIGATION_STATUSES,
  LEVEL_LABELS,
  LEVEL_RANK,
  LEVELS,
  REFERRAL_LABELS,
  REFERRALS,
  todayInVietnam,
  type IncidentChannel,
  type IncidentKind,
  type IncidentSubChannel,
  type InvestigationStatus,
  type Level,
  type Referral,
} from '@bmnn/contracts';
import { annualReportPeriod, compareDates, isRuleSetInForce, type IsoDate, type RuleSet } from '@bmnn/rules';
import type { AppContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { findSubtreeUnitIds } from '../access/access.actor.ts';
import { canSeeIncidentsOf, canSeeItem, incidentUnitScope, type Actor } from '../access/access.policies.ts';
import { getRuleSets } from '../rule-sets/rule-sets.provider.ts';
import { unitErrors } from '../units/units.errors.ts';
import { breakdownByChannel, percentOf, summarize } from './incidents.rules.ts';
import { loadItemFacts } from './incidents.usecases.ts';

// The incidents section of the annual report (LEGAL.md R13.2: "tình hình, số liệu các vụ lộ,
// mất BMNN", their causes, handling and remedy) over the report period of R14.1(c). The period
// comes from the rule set (R14.2 keeps it as data); an incident belongs to the period in which it
// was discovered (decision 0018).

/** Report period of year Y as days (Vietnam's calendar) and as the UTC instants that bound it. */
export type AnnualReportWindow = {
  year: number;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  dueDate: IsoDate;
  /** First instant of periodStart in Vietnam, inclusive. */
  from: string;
  /** First instant of the day after periodEnd in Vietnam, exclusive. */
  until: string;
};

/** Vietnam keeps UTC+7 all year (no daylight saving since 1975), as register.receive.ts assumes. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The UTC instant at which a calendar day starts in Vietnam: 15/12/2025 00:00 is 2025-12-14T17:00Z. */
export function startOfDayInVietnam(date: IsoDate): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - VIETNAM_OFFSET_MS).toISOString();
}

/**
 * The rule set that governs report year Y: the one in force on the report's due date (20/12/Y
 * under Nghị định 26/2020). Years before the first rule set (2018, 2019) take the oldest one,
 * which carries the only cut-off the law is known to have set.
 */
export function findAnnualReportRuleSet({ year, ruleSets }: { year: number; ruleSets: readonly RuleSet[] }): RuleSet {
  const oldestFirst = [...ruleSets].sort((a, b) => compareDates(a.validFrom, b.validFrom));
  const governing = oldestFirst.filter((ruleSet) => isRuleSetInForce({ ruleSet, date: annualReportPeriod({ year, ruleSet }).dueDate })).at(-1);
  const chosen = governing ?? oldestFirst[0];
  if (!chosen) throw new Error('No rule set is configured');
  return chosen;
}

/** LEGAL.md R14.1(c): the annual report of year Y counts 15/12/(Y−1) 00:00 to 14/12/Y 23:59:59 in Vietnam. */
export function annualReportWindow({ year, ruleSets }: { year: number; ruleSets: readonly RuleSet[] }): AnnualReportWindow {
  const ruleSet = findAnnualReportRuleSet({ year, ruleSets });
  const { periodStart, periodEnd, dueDate } = annualReportPeriod({ year, ruleSet });
  const from = startOfDayInVietnam(periodStart);
  const until = new Date(Date.parse(startOfDayInVietnam(periodEnd)) + DAY_MS).toISOString();
  return { year, periodStart, periodEnd, dueDate, from, until };
}

/** Whether an incident discovered at `discoveredAt` counts in the window (start inclusive, end exclusive). */
export function isDiscoveredInWindow({ discoveredAt, window }: { discoveredAt: string; window: AnnualReportWindow }): boolean {
  const at = Date.parse(discoveredAt);
  return at >= Date.parse(window.from) && at < Date.parse(window.until);
}

/** One incident as the reader may see it, with what the report needs and nothing more. */
export type AnnualIncidentFact = {
  id: string;
  unitId: string;
  unitName: string;
  kind: IncidentKind;
  channel: IncidentChannel;
  subChannel: IncidentSubChannel | null;
  title: string;
  discoveredAt: string;
  circumstances: string;
  status: InvestigationStatus;
  rootCause: string | null;
  handling: string | null;
  remedy: string | null;
  referral: Referral;
  referralNote: string | null;
  /** Every linked item, counted as the statistics count them. */
  itemCount: number;
  deviceCount: number;
  /** Levels of the linked items the reader may see (as on the incident page). */
  visibleItemLevels: Level[];
};

export type AnnualReportRow = { cases: number; casesPercent: number; items: number };
export type AnnualReportCase = {
  number: number;
  id: string;
  unitName: string;
  discoveredAt: string;
  kind: IncidentKind;
  channel: IncidentChannel;
  subChannel: IncidentSubChannel | null;
  title: string;
  highestLevel: Level | null;
  highestLevelLabel: string;
  summary: string;
  rootCause: string | null;
  handling: string | null;
  remedy: string | null;
  referral: Referral;
  referralNote: string | null;
  status: InvestigationStatus;
  itemCount: number;
  deviceCount: number;
};

export type AnnualIncidentReport = {
  window: AnnualReportWindow;
  totalCases: number;
  totalItems: number;
  totalDevices: number;
  /** Cases still being handled (every status but CLOSED) and cases closed. */
  openCases: number;
  closedCases: number;
  byKind: Array<AnnualReportRow & { kind: IncidentKind; label: string }>;
  byChannel: Array<AnnualReportRow & { channel: IncidentChannel; label: string; bySubChannel: Array<{ subChannel: IncidentSubChannel; label: string; cases: number; items: number }> }>;
  /** Highest level first; `level: null` for cases with no item the reader may see. */
  byLevel: Array<AnnualReportRow & { level: Level | null; label: string }>;
  byStatus: Array<AnnualReportRow & { status: InvestigationStatus; label: string }>;
  byReferral: Array<AnnualReportRow & { referral: Referral; label: string }>;
  byUnit: Array<AnnualReportRow & { unitId: string; unitName: string }>;
  /** Causes where recorded, the same text (ignoring accents, case and spacing) counted once. */
  causes: { recorded: number; notRecorded: number; groups: Array<{ cause: string; cases: number }> };
  /** In order of discovery. */
  cases: AnnualReportCase[];
};

export const NO_LEVEL_LABEL = 'Chưa xác định được độ mật';
const levelLabel = (level: Level | null) => (level ? LEVEL_LABELS[level] : NO_LEVEL_LABEL);

export function highestLevelOf(levels: readonly Level[]): Level | null {
  return levels.reduce<Level | null>((best, l) => (best === null || LEVEL_RANK[l] > LEVEL_RANK[best] ? l : best), null);
}

/** Pure aggregation of the incidents section (R13.2) over the facts discovered in the window. */
export function aggregateAnnualReport({ facts, window }: { facts: readonly AnnualIncidentFact[]; window: AnnualReportWindow }): AnnualIncidentReport {
  const inPeriod = facts.filter((f) => isDiscoveredInWindow({ discoveredAt: f.discoveredAt, window })).sort((a, b) => Date.parse(a.discoveredAt) - Date.parse(b.discoveredAt) || a.id.localeCompare(b.id));
  const totalCases = inPeriod.length;
  const row = (list: readonly AnnualIncidentFact[]): AnnualReportRow => ({ cases: list.length, casesPercent: percentOf(list.length, totalCases), items: list.reduce((s, f) => s + f.itemCount, 0) });
  const levelOf = new Map(inPeriod.map((f) => [f.id, highestLevelOf(f.visibleItemLevels)]));

  const units = new Map<string, string>();
  for (const f of inPeriod) units.set(f.unitId, f.unitName);

  const causeGroups = new Map<string, { cause: string; cases: number }>();
  for (const f of inPeriod) {
    const text = f.rootCause?.replace(/\s+/g, ' ').trim().replace(/[\s.;,]+$/, '');
    if (!text) continue;
    const cause = `${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)}`;
    const key = foldForSearch(cause);
    const group = causeGroups.get(key);
    if (group) group.cases += 1;
    else causeGroups.set(key, { cause, cases: 1 });
  }
  const recorded = [...causeGroups.values()].reduce((s, g) => s + g.cases, 0);

  const closedCases = inPeriod.filter((f) => f.status === 'CLOSED').length;
  return {
    window,
    totalCases,
    totalItems: inPeriod.reduce((s, f) => s + f.itemCount, 0),
    totalDevices: inPeriod.reduce((s, f) => s + f.deviceCount, 0),
    openCases: totalCases - closedCases,
    closedCases,
    byKind: INCIDENT_KINDS.map((kind) => ({ kind, label: INCIDENT_KIND_LABELS[kind], ...row(inPeriod.filter((f) => f.kind === kind)) })),
    byChannel: breakdownByChannel({ facts: inPeriod, row, itemsOf: (f) => f.itemCount }),
    byLevel: [...[...LEVELS].reverse(), null].map((level) => ({ level, label: levelLabel(level), ...row(inPeriod.filter((f) => levelOf.get(f.id) === level)) })),
    byStatus: INVESTIGATION_STATUSES.map((status) => ({ status, label: INVESTIGATION_STATUS_LABELS[status], ...row(inPeriod.filter((f) => f.status === status)) })),
    byReferral: REFERRALS.map((referral) => ({ referral, label: REFERRAL_LABELS[referral], ...row(inPeriod.filter((f) => f.referral === referral)) })),
    byUnit: [...units.entries()]
      .map(([unitId, unitName]) => ({ unitId, unitName, ...row(inPeriod.filter((f) => f.unitId === unitId)) }))
      .sort((a, b) => b.cases - a.cases || a.unitName.localeCompare(b.unitName, 'vi')),
    causes: {
      recorded,
      notRecorded: totalCases - recorded,
      groups: [...causeGroups.values()].sort((a, b) => b.cases - a.cases || a.cause.localeCompare(b.cause, 'vi')),
    },
    cases: inPeriod.map((f, i) => ({
      number: i + 1,
      id: f.id,
      unitName: f.unitName,
      discoveredAt: f.discoveredAt,
      kind: f.kind,
      channel: f.channel,
      subChannel: f.subChannel,
      title: f.title,
      highestLevel: levelOf.get(f.id) ?? null,
      highestLevelLabel: levelLabel(levelOf.get(f.id) ?? null),
      summary: summarize(f.circumstances),
      rootCause: f.rootCause,
      handling: f.handling,
      remedy: f.remedy,
      referral: f.referral,
      referralNote: f.referralNote,
      status: f.status,
      itemCount: f.itemCount,
      deviceCount: f.deviceCount,
    })),
  };
}

/** The latest report year a user may ask for: the one after the current year in Vietnam. */
export function latestReportYear(now: Date): number {
  return Number(todayInVietnam(now).slice(0, 4)) + 1;
}

/**
 * The incidents section of year Y over the incidents the actor may see (the list's scope,
 * `incidentUnitScope`), optionally one unit and everything below it. Item levels are those of
 * the items the actor may see, as on the incident page; counts are every linked item, as in the
 * statistics (decision 0018).
 */
export async function getAnnualIncidentReport(ctx: AppContext, { actor, year, unitId }: { actor: Actor; year: number; unitId?: string | undefined }): Promise<{ report: AnnualIncidentReport; scopeUnitId: string | null }> {
  const latest = latestReportYear(ctx.clock());
  if (year > latest) throw errors.validation({ details: { issues: [{ path: ['year'], message: `Năm báo cáo không được sau năm ${latest}` }] } });
  const scope = incidentUnitScope(actor);
  let unitIds: string[] | 'all' = scope;
  if (unitId) {
    const unit = await ctx.db.selectFrom('units').select(['id']).where('id', '=', unitId).executeTakeFirst();
    if (!unit || !canSeeIncidentsOf({ actor, unitId })) throw unitErrors.notFound();
    const subtree = await findSubtreeUnitIds(ctx.db, unitId);
    unitIds = scope === 'all' ? subtree : subtree.filter((id) => scope.includes(id));
  }
  const window = annualReportWindow({ year, ruleSets: await getRuleSets(ctx) });
  if (unitIds !== 'all' && unitIds.length === 0) return { report: aggregateAnnualReport({ facts: [], window }), scopeUnitId: unitId ?? null };

  let query = ctx.db
    .selectFrom('incidents')
    .innerJoin('units', 'units.id', 'incidents.unit_id')
    .select([
      'incidents.id',
      'incidents.unit_id',
      'units.name as unit_name',
      'incidents.kind',
      'incidents.channel',
      'incidents.sub_channel',
      'incidents.title',
      'incidents.discovered_at',
      'incidents.circumstances',
      'incidents.investigation_status',
      'incidents.root_cause',
      'incidents.handling',
      'incidents.remedy',
      'incidents.referral',
      'incidents.referral_note',
    ])
    // Stored as UTC ISO-8601 text of one length: text order is time order on both databases.
    .where('incidents.discovered_at', '>=', window.from)
    .where('incidents.discovered_at', '<', window.until);
  if (unitIds !== 'all') query = query.where('incidents.unit_id', 'in', unitIds);
  const rows = await query.execute();
  const ids = rows.map((r) => r.id);

  const [itemLinks, deviceLinks] = ids.length === 0
    ? [[], []]
    : await Promise.all([
        ctx.db.selectFrom('incident_items').select(['incident_id', 'item_id']).where('incident_id', 'in', ids).execute(),
        ctx.db.selectFrom('incident_devices').select(['incident_id', 'device_id']).where('incident_id', 'in', ids).execute(),
      ]);
  const itemFacts = await loadItemFacts(ctx.db, [...new Set(itemLinks.map((l) => l.item_id))]);
  const now = ctx.clock();
  const itemsOf = groupBy(itemLinks, (l) => l.incident_id);
  const devicesOf = groupBy(deviceLinks, (d) => d.incident_id);
  const facts: AnnualIncidentFact[] = rows.map((r) => {
    const links = itemsOf.get(r.id) ?? [];
    const visibleItemLevels = links.flatMap((l) => {
      const item = itemFacts.get(l.item_id);
      return item && canSeeItem({ actor, item, now }) ? [item.level] : [];
    });
    return {
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      kind: r.kind as IncidentKind,
      channel: r.channel as IncidentChannel,
      subChannel: r.sub_channel as IncidentSubChannel | null,
      title: r.title,
      discoveredAt: r.discovered_at,
      circumstances: r.circumstances,
      status: r.investigation_status as InvestigationStatus,
      rootCause: r.root_cause,
      handling: r.handling,
      remedy: r.remedy,
      referral: r.referral as Referral,
      referralNote: r.referral_note,
      itemCount: links.length,
      deviceCount: devicesOf.get(r.id)?.length ?? 0,
      visibleItemLevels,
    };
  });
  return { report: aggregateAnnualReport({ facts, window }), scopeUnitId: unitId ?? null };
}

function groupBy<T>(list: readonly T[], keyOf: (value: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const value of list) {
    const key = keyOf(value);
    const group = out.get(key);
    if (group) group.push(value);
    else out.set(key, [value]);
  }
  return out;
}
