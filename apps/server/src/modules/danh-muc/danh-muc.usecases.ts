import { foldForSearch, type Level } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { SYSTEM_CHAIN } from '../audit/audit.events.ts';
import type { Actor } from '../access/access.policies.ts';
import { readDanhMucFile, type ImportedDecision, type ImportReport } from './danh-muc.import.ts';
import { SAMPLE_DECISIONS, SAMPLE_SOURCE } from './danh-muc.samples.ts';
import { suggestDanhMucItems } from './danh-muc.suggest.ts';

export type DanhMucDecision = { id: string; number: string; decidedOn: string; issuer: string; sector: string; validFrom: string; validTo: string | null; isSample: boolean; sourceNote: string | null; itemCount: number };
export type DanhMucItem = { id: string; decisionId: string; decisionNumber: string; itemNo: string; level: Level; text: string; keywords: string[]; isSample: boolean };

/** Importing the legal lists is the administrator's job; everyone signed in may read them. */
function ensureCanImport(actor: Actor | null) {
  if (actor && !actor.roles.includes('QUAN_TRI')) throw errors.forbidden();
}

export async function listDecisions(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('danh_muc_decisions')
    .leftJoin('danh_muc_items', 'danh_muc_items.decision_id', 'danh_muc_decisions.id')
    .select((eb) => ['danh_muc_decisions.id', 'danh_muc_decisions.number', 'danh_muc_decisions.decided_on', 'danh_muc_decisions.issuer', 'danh_muc_decisions.sector', 'danh_muc_decisions.valid_from', 'danh_muc_decisions.valid_to', 'danh_muc_decisions.is_sample', 'danh_muc_decisions.source_note', eb.fn.count<number>('danh_muc_items.id').as('item_count')])
    .groupBy(['danh_muc_decisions.id', 'danh_muc_decisions.number', 'danh_muc_decisions.decided_on', 'danh_muc_decisions.issuer', 'danh_muc_decisions.sector', 'danh_muc_decisions.valid_from', 'danh_muc_decisions.valid_to', 'danh_muc_decisions.is_sample', 'danh_muc_decisions.source_note'])
    .orderBy('danh_muc_decisions.decided_on', 'desc')
    .execute();
  return {
    decisions: rows.map<DanhMucDecision>((r) => ({ id: r.id, number: r.number, decidedOn: r.decided_on, issuer: r.issuer, sector: r.sector, validFrom: r.valid_from, validTo: r.valid_to, isSample: r.is_sample === 1, sourceNote: r.source_note, itemCount: Number(r.item_count) })),
  };
}

async function loadItems(ctx: AppContext, { decisionId, q, level }: { decisionId?: string | undefined; q?: string | undefined; level?: Level | undefined }) {
  let query = ctx.db
    .selectFrom('danh_muc_items')
    .innerJoin('danh_muc_decisions', 'danh_muc_decisions.id', 'danh_muc_items.decision_id')
    .select(['danh_muc_items.id', 'danh_muc_items.decision_id', 'danh_muc_items.item_no', 'danh_muc_items.level', 'danh_muc_items.text', 'danh_muc_items.keywords', 'danh_muc_decisions.number', 'danh_muc_decisions.is_sample']);
  if (decisionId) query = query.where('danh_muc_items.decision_id', '=', decisionId);
  if (level) query = query.where('danh_muc_items.level', '=', level);
  if (q) query = query.where('danh_muc_items.text_folded', 'like', `%${foldForSearch(q).replace(/[%_\\]/g, '')}%`);
  const rows = await query.orderBy('danh_muc_decisions.number').orderBy('danh_muc_items.item_no').execute();
  return rows.map<DanhMucItem>((r) => ({ id: r.id, decisionId: r.decision_id, decisionNumber: r.number, itemNo: r.item_no, level: r.level as Level, text: r.text, keywords: JSON.parse(r.keywords) as string[], isSample: r.is_sample === 1 }));
}

export async function listItems(ctx: AppContext, filter: { decisionId?: string | undefined; q?: string | undefined; level?: Level | undefined }) {
  return { items: await loadItems(ctx, filter) };
}

/** Suggestions only (LEGAL.md A2): local, deterministic, from the items in force today. */
export async function suggestItems(ctx: AppContext, { text }: { text: string }) {
  const today = ctx.clock().toISOString().slice(0, 10);
  const decisions = await ctx.db.selectFrom('danh_muc_decisions').select(['id', 'valid_from', 'valid_to']).execute();
  const inForce = new Set(decisions.filter((d) => d.valid_from <= today && (!d.valid_to || d.valid_to > today)).map((d) => d.id));
  const items = (await loadItems(ctx, {})).filter((i) => inForce.has(i.decisionId));
  return { suggestions: suggestDanhMucItems({ text, items }) };
}

async function insertDecisions(ctx: AppContext, { actor, decisions, sample }: { actor: Actor | null; decisions: ImportedDecision[]; sample: boolean }) {
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    let items = 0;
    for (const d of decisions) {
      const id = generateId('dmq');
      await trx
        .insertInto('danh_muc_decisions')
        .values({ id, number: d.number, decided_on: d.decidedOn, issuer: d.issuer, sector: d.sector, valid_from: d.validFrom, valid_to: d.validTo, is_sample: sample ? 1 : 0, source_note: sample ? SAMPLE_SOURCE : null, created_at: now.toISOString() })
        .execute();
      for (const item of d.items) {
        await trx
          .insertInto('danh_muc_items')
          .values({ id: generateId('dmi'), decision_id: id, item_no: item.itemNo, level: item.level, text: item.text, text_folded: foldForSearch(item.text), keywords: JSON.stringify(item.keywords), created_at: now.toISOString() })
          .execute();
        items++;
      }
    }
    await audit({ type: 'danh_muc.imported', chain: SYSTEM_CHAIN, actorId: actor?.accountId ?? null, data: { decisions: decisions.map((d) => d.number), items, sample } });
    return { decisions: decisions.length, items };
  });
}

/**
 * Imports a danh mục file: nothing is written unless the whole file is valid and none of its
 * decisions is already in the system. With `dryRun`, only the report.
 */
export async function importDanhMuc(ctx: AppContext, { actor, file, dryRun }: { actor: Actor | null; file: Buffer; dryRun: boolean }): Promise<{ report: ImportReport; imported: { decisions: number; items: number } | null }> {
  ensureCanImport(actor);
  const report = await readDanhMucFile(file);
  if (report.ok) {
    const existing = await ctx.db.selectFrom('danh_muc_decisions').select('number').where('number', 'in', report.decisions.map((d) => d.number)).execute();
    for (const e of existing) report.problems.push({ row: 0, column: 'Số quyết định', message: `Quyết định ${e.number} đã có trong hệ thống` });
    report.ok = report.problems.length === 0;
  }
  if (!report.ok || dryRun) return { report, imported: null };
  return { report, imported: await insertDecisions(ctx, { actor, decisions: report.decisions, sample: false }) };
}

/** Loads the samples of LEGAL.md §3.4 once, marked as samples. */
export async function loadSampleDanhMuc(ctx: AppContext, { actor }: { actor: Actor | null }) {
  ensureCanImport(actor);
  const existing = new Set((await ctx.db.selectFrom('danh_muc_decisions').select('number').execute()).map((d) => d.number));
  const missing = SAMPLE_DECISIONS.filter((d) => !existing.has(d.number));
  if (missing.length === 0) return { decisions: 0, items: 0 };
  return insertDecisions(ctx, { actor, decisions: missing, sample: true });
}
