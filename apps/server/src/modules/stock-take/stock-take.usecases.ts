import { closeStockTakeRequest, formatDateTime, LEVEL_LABELS, markStockTakeLinesRequest, startStockTakeRequest, STOCK_TAKE_RESULT_LABELS, todayInVietnam, type Level, type StockTake, type StockTakeLine, type StockTakeResult, type StockTakeSummary } from '@bmnn/contracts';
import type { BookTemplate } from '@bmnn/rules';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { createError, errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { ITEM_SCOPE_ROLES, type Actor } from '../access/access.policies.ts';
import { highestLevelOf, type BookPrintout } from '../books/books.export.ts';
import { openIncidentInTransaction } from '../incidents/incidents.usecases.ts';
import { appendItemEvent } from '../register/register.events.ts';
import { visibleItemsFilter } from '../register/register.usecases.ts';

// Stock-take (kiểm kê, LEGAL.md R6.1): the clerk or the head starts a round over the items the
// register says their unit holds (optionally one room or cabinet), checks each one — singly or in
// batches — and closes the round. Closing writes a STOCK_CHECKED event on every item's timeline,
// moves misplaced items to where they were found, and opens one incident of loss for everything
// not found (R1.1, R13.1). Lines about items the reader may not see are absent, as everywhere.

export const stockTakeErrors = {
  notFound: createError('stock_take.not_found', 'Không tìm thấy đợt kiểm kê'),
  closed: createError('stock_take.closed', 'Đợt kiểm kê đã kết thúc'),
  uncheckedLines: createError('stock_take.unchecked_lines', 'Còn tài liệu chưa được kiểm kê'),
  empty: createError('stock_take.empty', 'Không có tài liệu nào đang lưu giữ trong phạm vi kiểm kê'),
};

/** Statuses of items the unit should physically hold. */
export const HELD_STATUSES = ['REGISTERED', 'RECEIVED', 'RECEIVED_UNOPENED', 'RECEIVED_TAMPERED', 'PROPOSED', 'DETERMINED', 'REGISTERED_OUT', 'DISCLOSED'] as const;

/** The clerk and the head keep the register of their units, so they run its stock-takes. */
export function canRunStockTakeOf({ actor, unitId }: { actor: Actor; unitId: string }): boolean {
  return ITEM_SCOPE_ROLES.some((r) => actor.roles.includes(r)) && actor.scopeUnitIds.has(unitId);
}

export async function startStockTake(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: unknown }) {
  const input = startStockTakeRequest.parse(raw);
  if (!canRunStockTakeOf({ actor, unitId: input.unitId })) throw errors.forbidden();
  const now = ctx.clock();
  const prefix = input.locationPrefix || null;
  let query = ctx.db
    .selectFrom('items')
    .select(['items.id', 'items.storage_location', 'items.custodian_id'])
    .where('items.unit_id', '=', input.unitId)
    .where('items.status', 'in', HELD_STATUSES)
    .where(visibleItemsFilter(actor, now));
  if (prefix) query = query.where('items.storage_location', 'like', `${prefix.replace(/[%_\\]/g, '')}%`);
  const items = await query.orderBy('items.storage_location').orderBy('items.created_at').execute();
  if (items.length === 0) throw stockTakeErrors.empty();
  const id = await inTransaction(ctx, async ({ trx, audit }) => {
    const stockTakeId = generateId('stk');
    await trx.insertInto('stock_takes').values({ id: stockTakeId, unit_id: input.unitId, title: input.title, location_prefix: prefix, status: 'OPEN', started_by: actor.accountId, started_at: now.toISOString(), closed_by: null, closed_at: null, note: null, incident_id: null }).execute();
    for (let i = 0; i < items.length; i += 200) {
      await trx
        .insertInto('stock_take_lines')
        .values(items.slice(i, i + 200).map((it) => ({ id: generateId('stl'), stock_take_id: stockTakeId, item_id: it.id, expected_location: it.storage_location, expected_custodian_id: it.custodian_id, result: null, found_location: null, note: null, checked_by: null, checked_at: null })))
        .execute();
    }
    await audit({ type: 'stock_take.started', chain: input.unitId, actorId: actor.accountId, subjectId: stockTakeId, data: { title: input.title, lines: items.length, locationPrefix: prefix } });
    return stockTakeId;
  });
  return { stockTake: await getStockTake(ctx, { actor, stockTakeId: id }) };
}

async function loadRow(ctx: AppContext, actor: Actor, stockTakeId: string) {
  const row = await ctx.db.selectFrom('stock_takes').innerJoin('units', 'units.id', 'stock_takes.unit_id').selectAll('stock_takes').select('units.name as unit_name').where('stock_takes.id', '=', stockTakeId).executeTakeFirst();
  if (!row || !canRunStockTakeOf({ actor, unitId: row.unit_id })) throw stockTakeErrors.notFound();
  return row;
}

/** The lines of a round about items the reader may see, in the order they were listed. */
async function visibleLines(ctx: AppContext, actor: Actor, stockTakeIds: string[]) {
  if (stockTakeIds.length === 0) return [];
  return ctx.db
    .selectFrom('stock_take_lines')
    .innerJoin('items', 'items.id', 'stock_take_lines.item_id')
    .leftJoin('people', 'people.id', 'stock_take_lines.expected_custodian_id')
    .select(['stock_take_lines.id', 'stock_take_lines.stock_take_id', 'stock_take_lines.item_id', 'stock_take_lines.expected_location', 'stock_take_lines.result', 'stock_take_lines.found_location', 'stock_take_lines.note', 'stock_take_lines.checked_at', 'items.so_ky_hieu', 'items.trich_yeu', 'items.level', 'items.unit_id', 'people.full_name as custodian_name'])
    .where('stock_take_lines.stock_take_id', 'in', stockTakeIds)
    .where(visibleItemsFilter(actor, ctx.clock()))
    .orderBy('stock_take_lines.expected_location')
    .orderBy('stock_take_lines.id')
    .execute();
}

type LineRow = Awaited<ReturnType<typeof visibleLines>>[number];

function countsOf(lines: LineRow[]): StockTakeSummary['counts'] {
  const by = (r: StockTakeResult | null) => lines.filter((l) => l.result === r).length;
  return { total: lines.length, unchecked: by(null), present: by('PRESENT'), misplaced: by('MISPLACED'), missing: by('MISSING') };
}

function presentSummary(row: Awaited<ReturnType<typeof loadRow>>, lines: LineRow[]): StockTakeSummary {
  return { id: row.id, unitId: row.unit_id, unitName: row.unit_name, title: row.title, locationPrefix: row.location_prefix, status: row.status as 'OPEN' | 'CLOSED', startedAt: row.started_at, closedAt: row.closed_at, counts: countsOf(lines), incidentId: row.incident_id };
}

function presentLine(l: LineRow): StockTakeLine {
  return { id: l.id, itemId: l.item_id, soKyHieu: l.so_ky_hieu, trichYeu: l.trich_yeu, level: l.level as Level, expectedLocation: l.expected_location, custodianName: l.custodian_name, result: l.result as StockTakeResult | null, foundLocation: l.found_location, note: l.note, checkedAt: l.checked_at };
}

export async function listStockTakes(ctx: AppContext, { actor, unitId }: { actor: Actor; unitId?: string | undefined }) {
  let query = ctx.db.selectFrom('stock_takes').innerJoin('units', 'units.id', 'stock_takes.unit_id').selectAll('stock_takes').select('units.name as unit_name');
  if (unitId) query = query.where('stock_takes.unit_id', '=', unitId);
  const rows = (await query.orderBy('stock_takes.started_at', 'desc').limit(200).execute()).filter((r) => canRunStockTakeOf({ actor, unitId: r.unit_id }));
  const lines = await visibleLines(ctx, actor, rows.map((r) => r.id));
  return { stockTakes: rows.map((r) => presentSummary(r, lines.filter((l) => l.stock_take_id === r.id))) };
}

export async function getStockTake(ctx: AppContext, { actor, stockTakeId }: { actor: Actor; stockTakeId: string }): Promise<StockTake> {
  const row = await loadRow(ctx, actor, stockTakeId);
  const lines = await visibleLines(ctx, actor, [row.id]);
  return { ...presentSummary(row, lines), note: row.note, lines: lines.map(presentLine) };
}

/** Records the result of one or many lines at once (a whole shelf found in place is one click). */
export async function markStockTakeLines(ctx: AppContext, { actor, stockTakeId, input: raw }: { actor: Actor; stockTakeId: string; input: unknown }) {
  const input = markStockTakeLinesRequest.parse(raw);
  const row = await loadRow(ctx, actor, stockTakeId);
  if (row.status !== 'OPEN') throw stockTakeErrors.closed();
  const wanted = new Set(input.lineIds);
  const lines = (await visibleLines(ctx, actor, [row.id])).filter((l) => wanted.has(l.id));
  // A line of another round, or about an item the reader may not see, does not exist for them.
  if (lines.length !== wanted.size) throw errors.notFound({ message: 'Có dòng kiểm kê không tồn tại' });
  await inTransaction(ctx, async ({ trx, now, audit }) => {
    await trx
      .updateTable('stock_take_lines')
      .set({ result: input.result, found_location: input.result === 'MISPLACED' ? input.foundLocation! : null, note: input.note ?? null, checked_by: actor.accountId, checked_at: now.toISOString() })
      .where('id', 'in', [...wanted])
      .execute();
    await audit({ type: 'stock_take.lines_checked', chain: row.unit_id, actorId: actor.accountId, subjectId: row.id, data: { result: input.result, lines: wanted.size } });
  });
  return { stockTake: await getStockTake(ctx, { actor, stockTakeId }) };
}

/**
 * Closes the round: refused while any line is unchecked. Writes a STOCK_CHECKED event per item,
 * moves misplaced items to the place they were found, and opens one incident of loss listing every
 * item not found, with the "report now" clock running (R13.1).
 */
export async function closeStockTake(ctx: AppContext, { actor, stockTakeId, input: raw }: { actor: Actor; stockTakeId: string; input: unknown }) {
  const input = closeStockTakeRequest.parse(raw ?? {});
  const row = await loadRow(ctx, actor, stockTakeId);
  if (row.status !== 'OPEN') throw stockTakeErrors.closed();
  // Every line counts here, including those about items the closer may not see: a round is
  // closed by someone who could check all of it.
  const all = await ctx.db.selectFrom('stock_take_lines').select(['id', 'item_id', 'result', 'found_location']).where('stock_take_id', '=', row.id).execute();
  const unchecked = all.filter((l) => l.result === null).length;
  if (unchecked > 0) throw stockTakeErrors.uncheckedLines({ message: `Còn ${unchecked} tài liệu chưa được kiểm kê: chưa kết thúc được đợt kiểm kê`, details: { unchecked } });
  const missing = all.filter((l) => l.result === 'MISSING');
  await inTransaction(ctx, async (scope) => {
    const { trx, now, audit } = scope;
    const at = now.toISOString();
    let incidentId: string | null = null;
    if (missing.length > 0) {
      const labels = await trx.selectFrom('items').select(['so_ky_hieu', 'level']).where('id', 'in', missing.map((m) => m.item_id)).execute();
      ({ incidentId } = await openIncidentInTransaction(scope, {
        unitId: row.unit_id,
        kind: 'MAT',
        channel: 'KHAC',
        subChannel: 'LOST_MISPLACED',
        title: `Không tìm thấy ${missing.length} tài liệu, vật chứa BMNN khi kiểm kê “${row.title}”`,
        discoveredAt: at,
        circumstances: `Khi kiểm kê “${row.title}”, không tìm thấy: ${labels.map((l) => `${l.so_ky_hieu} (${LEVEL_LABELS[l.level as Level]})`).join('; ')}.`,
        itemIds: missing.map((m) => m.item_id),
        deviceIds: [],
        source: 'STOCK_TAKE_MISSING',
        sourceRef: row.id,
        actorId: actor.accountId,
      }));
    }
    for (const line of all) {
      const result = line.result as StockTakeResult;
      if (result === 'MISPLACED') await trx.updateTable('items').set({ storage_location: line.found_location, updated_at: at }).where('id', '=', line.item_id).execute();
      await appendItemEvent({ trx, kind: ctx.dbKind, unitId: row.unit_id, itemId: line.item_id, occurredAt: at, recordedAt: now, actorId: actor.accountId, event: { type: 'STOCK_CHECKED', data: { stockTakeId: row.id, result, foundLocation: line.found_location, incidentId: result === 'MISSING' ? incidentId : null } } });
    }
    await trx.updateTable('stock_takes').set({ status: 'CLOSED', closed_by: actor.accountId, closed_at: at, note: input.note ?? null, incident_id: incidentId }).where('id', '=', row.id).execute();
    await audit({ type: 'stock_take.closed', chain: row.unit_id, actorId: actor.accountId, subjectId: row.id, data: { lines: all.length, missing: missing.length, misplaced: all.filter((l) => l.result === 'MISPLACED').length, incidentId } });
  });
  return { stockTake: await getStockTake(ctx, { actor, stockTakeId }) };
}

const RECORD_TEMPLATE: BookTemplate = {
  // The record reconciles the Thống kê BMNN with what is held (R6.1); it is not a legal form.
  id: 'STOCK_TAKE_RECORD',
  book: 'THONG_KE',
  family: 'BMNN',
  formNumber: 'Biên bản kiểm kê',
  title: 'BIÊN BẢN KIỂM KÊ TÀI LIỆU, VẬT CHỨA BÍ MẬT NHÀ NƯỚC',
  orientation: 'landscape',
  columns: [
    { key: 'serialNo', header: 'STT', field: 'serialNo', width: 5, align: 'center' },
    { key: 'soKyHieu', header: 'Số, ký hiệu', field: 'soKyHieu', width: 16, align: 'left' },
    { key: 'trichYeu', header: 'Trích yếu', field: 'trichYeu', width: 34, align: 'left' },
    { key: 'level', header: 'Độ mật', field: 'level', width: 9, align: 'center' },
    { key: 'expected', header: 'Nơi lưu giữ theo sổ', field: 'expected', width: 18, align: 'left' },
    { key: 'custodian', header: 'Người quản lý', field: 'custodian', width: 16, align: 'left' },
    { key: 'result', header: 'Kết quả kiểm kê', field: 'result', width: 20, align: 'left' },
    { key: 'note', header: 'Ghi chú', field: 'note', width: 18, align: 'left' },
  ],
  validFrom: '2020-07-01',
  validTo: null,
  basis: { rule: 'R6.1', legalBasis: 'LEGAL.md R6.1 — thực hành tốt, không phải mẫu pháp định', confirmed: false, note: 'Không có mẫu chính thức' },
};

/** The stock-take record, as a book printout (XLSX or PDF), marked with its highest level; audited. */
export async function prepareStockTakeRecord(ctx: AppContext, { actor, stockTakeId, format }: { actor: Actor; stockTakeId: string; format: 'xlsx' | 'pdf' }): Promise<BookPrintout> {
  const stockTake = await getStockTake(ctx, { actor, stockTakeId });
  const who = await ctx.db.selectFrom('accounts').innerJoin('people', 'people.id', 'accounts.person_id').select('people.full_name').where('accounts.id', '=', actor.accountId).executeTakeFirst();
  const now = ctx.clock();
  const rows = stockTake.lines.map((l, i) => ({
    serialNo: i + 1,
    soKyHieu: l.soKyHieu,
    trichYeu: l.trichYeu ?? '',
    level: LEVEL_LABELS[l.level],
    expected: l.expectedLocation ?? '(chưa ghi)',
    custodian: l.custodianName ?? '',
    result: l.result ? STOCK_TAKE_RESULT_LABELS[l.result] + (l.result === 'MISPLACED' ? `: ${l.foundLocation}` : '') : 'Chưa kiểm kê',
    note: l.note ?? '',
  }));
  const highestLevel = highestLevelOf(stockTake.lines.map((l) => l.level));
  await inTransaction(ctx, ({ audit }) => audit({ type: 'stock_take.exported', chain: stockTake.unitId, actorId: actor.accountId, subjectId: stockTake.id, data: { format, lines: rows.length, highestLevel } }));
  return {
    template: { ...RECORD_TEMPLATE, title: `${RECORD_TEMPLATE.title} — ${stockTake.title.toUpperCase()}` },
    unitName: stockTake.unitName,
    year: Number(todayInVietnam(new Date(stockTake.startedAt)).slice(0, 4)),
    rows,
    highestLevel,
    printedAt: formatDateTime(now.toISOString()),
    printedBy: who?.full_name ?? '',
  };
}
