import { foldForSearch, ITEM_FORM_LABELS, LEVELS, receiveItemRequest, type ItemForm, type StatisticsSummary, type HandOverRequest, type HandoverBookLine, type IncomingBookLine, type Level, type OutgoingBookLine, type ReceiveItemRequest, type StatisticsLine, type CopyBookLine, COPY_TYPE_LABELS } from '@bmnn/contracts';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { canRegisterItem, canSeeItem, isClearedFor, ITEM_SCOPE_ROLES, type Actor } from '../access/access.policies.ts';
import { appendItemEvent, type Book } from './register.events.ts';
import { registerErrors } from './register.errors.ts';
import { loadAccessFacts, visibleItemsFilter } from './register.usecases.ts';
import { searchNeedle } from './register.search.ts';
import { openIncidentInTransaction } from '../incidents/incidents.usecases.ts';

// Receiving secret items and handing them over (LEGAL.md R7.4–R7.7). Each receipt is a line of
// the incoming book, each movement a line of the handover book; both are item events.

export type ReceiveOutcome = 'REGISTERED' | 'NAMED_RECIPIENT_UNOPENED' | 'DEFECT_SENDER_NOTIFIED' | 'TAMPERING_REPORTED';

/**
 * R7.5: the condition check decides what happens. (b) "chỉ người có tên mới được bóc bì": only
 * the outside is registered and the item goes unopened to the named person; (c) a defect in
 * packing or count: registered and the sender is notified; (d) signs of opening or tampering:
 * registered and reported to the head at once. R7.2/§15.2: no summary for Tuyệt mật.
 */
export async function receiveItem(ctx: AppContext, { actor, input: raw }: { actor: Actor; input: ReceiveItemRequest }) {
  const input = receiveItemRequest.parse(raw);
  if (!canRegisterItem({ actor, unitId: input.unitId, level: input.level })) throw errors.forbidden();
  const named = input.namedRecipientId;
  const outcomes: ReceiveOutcome[] = [];
  if (named) outcomes.push('NAMED_RECIPIENT_UNOPENED');
  if (!input.condition.packagingCorrect || !input.condition.countMatches) outcomes.push('DEFECT_SENDER_NOTIFIED');
  if (!input.condition.envelopeIntact) outcomes.push('TAMPERING_REPORTED');
  if (outcomes.length === 0) outcomes.push('REGISTERED');
  const trichYeu = named || input.level === 'TUYET_MAT' ? null : (input.trichYeu ?? null);
  const status = !input.condition.envelopeIntact ? 'RECEIVED_TAMPERED' : named ? 'RECEIVED_UNOPENED' : 'RECEIVED';

  return inTransaction(ctx, async (scope) => {
    const { trx, now, audit } = scope;
    if (named) {
      const person = await trx.selectFrom('people').select(['id', 'unit_id']).where('id', '=', named).executeTakeFirst();
      if (!person) throw registerErrors.recipientNotCleared({ message: 'Không tìm thấy người có tên nhận' });
    }
    const itemId = generateId('itm');
    const iso = now.toISOString();
    await trx
      .insertInto('items')
      .values({ id: itemId, unit_id: input.unitId, level: input.level, so_ky_hieu: input.soKyHieu, so_ky_hieu_folded: foldForSearch(input.soKyHieu), trich_yeu: trichYeu, trich_yeu_folded: trichYeu ? foldForSearch(trichYeu) : null, trich_yeu_consent_by: null, custodian_id: named ?? actor.personId, status, form: input.form, sender: input.sender, document_date: input.documentDate ?? null, copies: input.copies, named_recipient_id: named, recall_deadline: input.recallDeadline ?? null, created_by: actor.accountId, created_at: iso, updated_at: iso })
      .execute();
    const { bookSerial } = await appendItemEvent({
      trx,
      kind: ctx.dbKind,
      unitId: input.unitId,
      itemId,
      occurredAt: iso,
      recordedAt: now,
      actorId: actor.accountId,
      book: 'DEN',
      event: { type: 'RECEIVED', data: { sender: input.sender, receivedBy: actor.personId, condition: input.condition, namedRecipientId: named, opened: !named, recallDeadline: input.recallDeadline ?? null, copies: input.copies, note: input.note ?? null } },
    });
    if (outcomes.includes('DEFECT_SENDER_NOTIFIED')) {
      const reason = [!input.condition.packagingCorrect && 'bao bì, niêm phong không đúng quy định', !input.condition.countMatches && 'số lượng không khớp'].filter(Boolean).join('; ');
      await appendItemEvent({ trx, kind: ctx.dbKind, unitId: input.unitId, itemId, occurredAt: iso, recordedAt: now, actorId: actor.accountId, event: { type: 'SENDER_NOTIFIED', data: { reason, letterRef: null } } });
    }
    await audit({ type: 'item.received', chain: input.unitId, actorId: actor.accountId, subjectId: itemId, data: { level: input.level, soKyHieu: input.soKyHieu, bookSerial: bookSerial!, outcomes } });
    let incidentId: string | null = null;
    if (outcomes.includes('TAMPERING_REPORTED')) {
      await audit({ type: 'item.tampering_reported', chain: input.unitId, actorId: actor.accountId, subjectId: itemId, data: { soKyHieu: input.soKyHieu, sender: input.sender } });
      // R7.5(d), R13.1: an incident with its "report now" clock. The item is referenced, not
      // linked: linking marks it disclosed, which only the investigation can establish.
      ({ incidentId } = await openIncidentInTransaction(scope, {
        unitId: input.unitId,
        kind: 'LO',
        channel: 'KHAC',
        subChannel: 'OTHER',
        title: `Bì tài liệu ${input.soKyHieu} có dấu hiệu bóc mở, tráo đổi khi tiếp nhận`,
        discoveredAt: iso,
        discoveredByPersonId: actor.personId,
        circumstances: `Khi tiếp nhận tài liệu số ${input.soKyHieu} của ${input.sender} (sổ đến số ${bookSerial}), bì có dấu hiệu bóc mở, tráo đổi hoặc hư hỏng.${input.note ? ` Ghi chú: ${input.note}` : ''}`,
        source: 'ENVELOPE_TAMPERED',
        sourceRef: itemId,
        actorId: actor.accountId,
      }));
    }
    return { itemId, bookSerial: bookSerial!, outcomes, status, incidentId };
  });
}

/** R7.4: every movement is a handover-book line with both parties; the receiver must be cleared. */
export async function handOverItem(ctx: AppContext, { actor, itemId, input }: { actor: Actor; itemId: string; input: HandOverRequest }) {
  const row = await ctx.db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row) throw registerErrors.itemNotFound();
  const facts = await loadAccessFacts(ctx, row);
  if (!canSeeItem({ actor, item: facts, now: ctx.clock() })) throw registerErrors.itemNotFound();
  const byOffice = ITEM_SCOPE_ROLES.some((r) => actor.roles.includes(r)) && actor.scopeUnitIds.has(row.unit_id);
  if (row.custodian_id !== actor.personId && !byOffice) throw registerErrors.handoverNotAllowed();
  const to = await ctx.db.selectFrom('people').select(['id', 'unit_id', 'clearance', 'full_name']).where('id', '=', input.toPersonId).executeTakeFirst();
  if (!to) throw registerErrors.recipientNotCleared({ message: 'Không tìm thấy người nhận' });
  if (!isClearedFor(to.clearance as 'NONE', row.level as Level)) throw registerErrors.recipientNotCleared();
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    const iso = now.toISOString();
    const { bookSerial } = await appendItemEvent({ trx, kind: ctx.dbKind, unitId: row.unit_id, itemId, occurredAt: iso, recordedAt: now, actorId: actor.accountId, book: 'CHUYEN_GIAO', event: { type: 'HANDED_OVER', data: { fromPersonId: row.custodian_id, toPersonId: to.id, toUnitId: to.unit_id, note: input.note ?? null } } });
    await trx.updateTable('items').set({ custodian_id: to.id, updated_at: iso }).where('id', '=', itemId).execute();
    await audit({ type: 'item.handed_over', chain: row.unit_id, actorId: actor.accountId, subjectId: itemId, data: { fromPersonId: row.custodian_id, toPersonId: to.id, bookSerial: bookSerial! } });
    return { bookSerial: bookSerial! };
  });
}

type SerialRange = { from: number; to: number | null };

/**
 * The serials of a printout's next page: the `limit` lines of the book after the cursor, visible
 * or not (`to` null: to the end). Bounding the range on both sides keeps PostgreSQL on the book
 * index in serial order: with only `serial > n` it misjudged how many lines follow and read the
 * rest of the book for every page (bench/README.md).
 */
async function pageRange(ctx: AppContext, { unitId, book, year, page }: { unitId: string; book: Book; year: number; page: BookPage }): Promise<SerialRange> {
  const from = parseCursor(page.after).serial;
  const bound = await ctx.db.selectFrom('item_events').select('book_serial').where('unit_id', '=', unitId).where('book', '=', book).where('book_year', '=', year).where('book_serial', '>', from).orderBy('book_serial').offset(page.limit - 1).limit(1).executeTakeFirst();
  return { from, to: bound ? Number(bound.book_serial) : null };
}
/** The cursor after a printout page read through pageRange (null: the book is done). */
const nextPageAfter = (range: SerialRange | undefined) => (range ? { nextPage: range.to === null ? null : `${range.to}:` } : {});

/** The lines of one book of a unit for a year, in serial order, for items the actor may see. */
/**
 * One page of a book, for printouts that stream (books.usecases.ts): `after` is the cursor the
 * previous page returned as `next` (null for the first page). Without a page, the whole book.
 */
export type BookPage = { after: string | null; limit: number };
/** What the screen narrows a book to: a level, a search on số ký hiệu / trích yếu (accents ignored). */
export type BookFilter = { level?: Level | undefined; q?: string | undefined };
/**
 * One page of a book on screen (issue #3): `offset` lines skipped in the book's order, then at
 * most `limit`, among the lines that pass the filter. The serials stay the book's own.
 */
export type BookScreen = BookFilter & { offset: number; limit: number };
type BookArgs = { actor: Actor; unitId: string; year: number; page?: BookPage; screen?: BookScreen };

function hasFilter(filter: BookFilter): boolean {
  return Boolean(filter.level) || searchNeedle(filter.q ?? '') !== '';
}

/**
 * The filter as a condition on the item of a line, or on the same columns of a derived table
 * named `table`; call only when hasFilter.
 */
function bookFilter(filter: BookFilter, table = 'items') {
  const needle = searchNeedle(filter.q ?? '');
  const column = (name: 'level' | 'so_ky_hieu_folded' | 'trich_yeu_folded') => sql.ref(`${table}.${name}`);
  const conditions: Expression<SqlBool>[] = [];
  if (filter.level) conditions.push(sql<SqlBool>`${column('level')} = ${filter.level}`);
  // A substring of the folded columns (register.search.ts folds the same way): `ke hoach` finds `Kế hoạch`.
  if (needle) conditions.push(sql<SqlBool>`(${column('so_ky_hieu_folded')} like ${`%${needle}%`} or ${column('trich_yeu_folded')} like ${`%${needle}%`})`);
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

function bookLines(ctx: AppContext, { actor, unitId, book, year, range, screen }: { actor: Actor; unitId: string; book: Book; year: number; range?: SerialRange | undefined; screen?: BookScreen | undefined }) {
  // Driven by item_events_book_idx (unit_id, book, book_year, book_serial): the book's lines in serial order.
  let query = ctx.db
    .selectFrom('item_events')
    .innerJoin('items', 'items.id', 'item_events.item_id')
    .where('item_events.unit_id', '=', unitId)
    .where('item_events.book', '=', book)
    .where('item_events.book_year', '=', year)
    .where(visibleItemsFilter(actor, ctx.clock()))
    .orderBy('item_events.book_serial');
  if (range) {
    query = query.where('item_events.book_serial', '>', range.from);
    if (range.to !== null) query = query.where('item_events.book_serial', '<=', range.to);
  }
  if (screen && hasFilter(screen)) query = query.where(bookFilter(screen));
  if (screen) query = query.limit(screen.limit).offset(screen.offset);
  return query;
}

/** How many lines of a book pass the filter, for the actor (the pager's total). */
export async function countBookLines(ctx: AppContext, { actor, unitId, year, book, filter }: { actor: Actor; unitId: string; year: number; book: Book | 'THONG_KE'; filter: BookFilter }): Promise<number> {
  let base = book === 'THONG_KE' ? statisticsItems(ctx, { actor, unitId, year }) : bookLines(ctx, { actor, unitId, book, year }).clearOrderBy();
  if (hasFilter(filter)) base = base.where(bookFilter(filter));
  const row = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A page cursor is `serial:itemId` of the last line printed (bookPageCursor). */
function parseCursor(after: string | null): { serial: number; itemId: string | null } {
  if (!after) return { serial: 0, itemId: null };
  const [serial, itemId] = after.split(':');
  return { serial: Number(serial), itemId: itemId ?? null };
}
export const bookPageCursor = (line: { serial: number; itemId: string }) => `${line.serial}:${line.itemId}`;

const CONDITION_TEXT = (c: { envelopeIntact: boolean; countMatches: boolean; packagingCorrect: boolean }) =>
  c.envelopeIntact && c.countMatches && c.packagingCorrect
    ? 'Nguyên vẹn'
    : [!c.envelopeIntact && 'Có dấu hiệu bóc mở, tráo đổi', !c.packagingCorrect && 'Bao bì không đúng quy định', !c.countMatches && 'Số lượng không khớp'].filter(Boolean).join('; ');

/**
 * The incoming book of a unit for a year: the RECEIVED events with their serials, only for the
 * items the actor may see (DESIGN.md §5). Trích yếu blank for Tuyệt mật and unopened items.
 */
export async function getIncomingBook(ctx: AppContext, { actor, unitId, year, page, screen }: BookArgs): Promise<{ lines: IncomingBookLine[]; nextPage?: string | null }> {
  const range = page ? await pageRange(ctx, { unitId, book: 'DEN', year, page }) : undefined;
  const rows = await bookLines(ctx, { actor, unitId, book: 'DEN', year, range, screen })
    .leftJoin('people as custodian', 'custodian.id', 'items.custodian_id')
    .select(['item_events.book_serial', 'item_events.occurred_at', 'item_events.data', 'items.id', 'items.so_ky_hieu', 'items.document_date', 'items.trich_yeu', 'items.level', 'items.copies', 'items.recall_deadline', 'custodian.full_name as custodian_name'])
    .execute();
  const receivers = new Map((await ctx.db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', [...new Set(rows.map((r) => (JSON.parse(r.data) as { receivedBy: string }).receivedBy)), '']).execute()).map((p) => [p.id, p.full_name]));
  return {
    ...nextPageAfter(range),
    lines: rows.map((r) => {
      // Lines imported from an old book (IMPORTED) carry no condition check.
      const data = JSON.parse(r.data) as { sender: string; receivedBy: string; condition: { envelopeIntact: boolean; countMatches: boolean; packagingCorrect: boolean } | null; note: string | null };
      return { serial: Number(r.book_serial), receivedAt: r.occurred_at, sender: data.sender, soKyHieu: r.so_ky_hieu, documentDate: r.document_date, trichYeu: r.level === 'TUYET_MAT' ? null : r.trich_yeu, level: r.level as Level, receivedBy: receivers.get(data.receivedBy) ?? '', custodianName: r.custodian_name, copies: Number(r.copies ?? 1), condition: data.condition ? CONDITION_TEXT(data.condition) : '', recallDeadline: r.recall_deadline, note: data.note, itemId: r.id };
    }),
  };
}

export async function getHandoverBook(ctx: AppContext, { actor, unitId, year, page, screen }: BookArgs): Promise<{ lines: HandoverBookLine[]; nextPage?: string | null }> {
  const range = page ? await pageRange(ctx, { unitId, book: 'CHUYEN_GIAO', year, page }) : undefined;
  const rows = await bookLines(ctx, { actor, unitId, book: 'CHUYEN_GIAO', year, range, screen })
    .select(['item_events.book_serial', 'item_events.occurred_at', 'item_events.data', 'items.id', 'items.so_ky_hieu', 'items.level'])
    .execute();
  const data = rows.map((r) => JSON.parse(r.data) as { fromPersonId: string | null; toPersonId: string; note: string | null });
  // Only the people of these lines: a page reads a page's worth of names, not the province's.
  const ids = [...new Set(data.flatMap((d) => [d.fromPersonId, d.toPersonId]).filter((id): id is string => Boolean(id))), ''];
  const people = await ctx.db.selectFrom('people').innerJoin('units', 'units.id', 'people.unit_id').select(['people.id', 'people.full_name', 'units.name as unit_name']).where('people.id', 'in', ids).execute();
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    ...nextPageAfter(range),
    lines: rows.map((r, i) => {
      const d = data[i]!;
      return { serial: Number(r.book_serial), at: r.occurred_at, soKyHieu: r.so_ky_hieu, level: r.level as Level, fromName: d.fromPersonId ? (byId.get(d.fromPersonId)?.full_name ?? null) : null, toName: byId.get(d.toPersonId)?.full_name ?? '', toUnitName: byId.get(d.toPersonId)?.unit_name ?? '', note: d.note, itemId: r.id };
    }),
  };
}

/** The outgoing book (LEGAL.md R7.2, §15.2): one line per REGISTERED_OUTGOING event. */
export async function getOutgoingBook(ctx: AppContext, { actor, unitId, year, page, screen }: BookArgs): Promise<{ lines: OutgoingBookLine[]; nextPage?: string | null }> {
  const range = page ? await pageRange(ctx, { unitId, book: 'DI', year, page }) : undefined;
  const rows = await bookLines(ctx, { actor, unitId, book: 'DI', year, range, screen })
    .leftJoin('people as signer', 'signer.id', 'items.determined_by')
    .select(['item_events.book_serial', 'item_events.occurred_at', 'item_events.data', 'items.id', 'items.trich_yeu', 'items.level', 'items.copies', 'signer.full_name as signer_name'])
    .execute();
  return {
    ...nextPageAfter(range),
    lines: rows.map((r) => {
      const d = JSON.parse(r.data) as { soKyHieu: string; documentDate: string; envelopeMark: string; recipients: string[] };
      return { serial: Number(r.book_serial), date: d.documentDate, soKyHieu: d.soKyHieu, trichYeu: r.level === 'TUYET_MAT' ? null : r.trich_yeu, level: r.level as Level, signer: r.signer_name, recipients: d.recipients, copies: Number(r.copies ?? 1), envelopeMark: d.envelopeMark, itemId: r.id };
    }),
  };
}

const STATUS_LABELS: Record<string, string> = {
  PROPOSED: 'Đang đề xuất',
  DETERMINED: 'Đã xác định',
  REGISTERED_OUT: 'Đã vào sổ đi',
  SENT: 'Đã gửi',
  RECEIVED: 'Đang lưu giữ',
  RECEIVED_UNOPENED: 'Chuyển người có tên (chưa bóc bì)',
  RECEIVED_TAMPERED: 'Bì có dấu hiệu bóc mở',
  TAKEN_OUT: 'Đang mang ra ngoài',
  DECLASSIFIED: 'Đã giải mật',
  DESTROYED: 'Đã tiêu hủy',
  LOST: 'Bị mất',
  DISCLOSED: 'Bị lộ',
  REGISTERED: 'Đã đăng ký',
};

/** The items of the Thống kê of a unit for a year (registered in that year, Vietnam time) that the actor may see. */
function statisticsItems(ctx: AppContext, { actor, unitId, year }: { actor: Actor; unitId: string; year: number }) {
  return ctx.db
    .selectFrom('items')
    .where('items.unit_id', '=', unitId)
    .where('items.created_at', '>=', `${year - 1}-12-31T17:00:00.000Z`)
    .where('items.created_at', '<', `${year}-12-31T17:00:00.000Z`)
    .where(visibleItemsFilter(actor, ctx.clock()));
}

/**
 * How many lines a book has for the actor and the levels among them, without reading the lines:
 * a streamed printout needs both before its first row (the mark at the top, the audit record).
 */
export async function getBookSummary(ctx: AppContext, { actor, unitId, year, book }: { actor: Actor; unitId: string; year: number; book: Book | 'THONG_KE' }): Promise<{ lines: number; levels: Level[] }> {
  const base = book === 'THONG_KE' ? statisticsItems(ctx, { actor, unitId, year }) : bookLines(ctx, { actor, unitId, book, year }).clearOrderBy();
  const rows = await base.select((eb) => ['items.level', eb.fn.countAll<number>().as('n')]).groupBy('items.level').execute();
  return { lines: rows.reduce((sum, r) => sum + Number(r.n), 0), levels: rows.map((r) => r.level as Level) };
}

/**
 * Thống kê BMNN (R6.1): every item of the unit registered in the year, in chronological order,
 * with custody, protection end and what happened to it (extended, adjusted, declassified…).
 * The serial is the item's place in that order among the items the actor may see.
 */
export async function getStatistics(ctx: AppContext, { actor, unitId, year, page, screen }: BookArgs): Promise<{ lines: StatisticsLine[]; total?: number }> {
  if (screen) return statisticsScreen(ctx, { actor, unitId, year, screen });
  const cursor = parseCursor(page?.after ?? null);
  let query = statisticsItems(ctx, { actor, unitId, year })
    .leftJoin('people as custodian', 'custodian.id', 'items.custodian_id')
    .select(STATISTICS_COLUMNS)
    .orderBy('items.created_at')
    .orderBy('items.id');
  if (page) {
    // Keyset: the lines after the last item printed, in the same (created_at, id) order.
    if (cursor.itemId) {
      const last = await ctx.db.selectFrom('items').select(['created_at', 'id']).where('id', '=', cursor.itemId).executeTakeFirstOrThrow();
      query = query.where((eb) => eb.or([eb('items.created_at', '>', last.created_at), eb.and([eb('items.created_at', '=', last.created_at), eb('items.id', '>', last.id)])]));
    }
    query = query.limit(page.limit);
  }
  const rows = await query.execute();
  return { lines: rows.map((r, i) => statisticsLine(r, cursor.serial + i + 1)) };
}

const STATISTICS_COLUMNS = ['items.id', 'items.so_ky_hieu', 'items.document_date', 'items.created_at', 'items.trich_yeu', 'items.level', 'items.form', 'items.copies', 'items.protection_end', 'items.status', 'items.extensions_count', 'custodian.full_name as custodian_name'] as const;

function statisticsLine(
  r: { id: string; so_ky_hieu: string; document_date: string | null; created_at: string; trich_yeu: string | null; level: string; form: string | null; copies: number | null; protection_end: string | null; status: string; extensions_count: number | null; custodian_name: string | null },
  serial: number,
): StatisticsLine {
  return {
    serial,
    soKyHieu: r.so_ky_hieu,
    date: r.document_date ?? r.created_at,
    trichYeu: r.level === 'TUYET_MAT' ? null : r.trich_yeu,
    level: r.level as Level,
    form: r.form,
    quantity: Number(r.copies ?? 1),
    storage: r.custodian_name,
    protectionEnd: r.protection_end,
    status: `${STATUS_LABELS[r.status] ?? r.status}${Number(r.extensions_count) > 0 ? `; đã gia hạn ${r.extensions_count} lần` : ''}`,
    itemId: r.id,
  };
}

/**
 * One screen page of the Thống kê. Unfiltered, the page is a slice of the (unit_id, created_at, id)
 * index and its serials follow from the offset. Filtered, each line keeps its serial in the whole
 * list: the database numbers the year's visible items (row_number) before the filter applies.
 */
async function statisticsScreen(ctx: AppContext, { actor, unitId, year, screen }: { actor: Actor; unitId: string; year: number; screen: BookScreen }): Promise<{ lines: StatisticsLine[]; total?: number }> {
  if (!hasFilter(screen)) {
    const rows = await statisticsItems(ctx, { actor, unitId, year })
      .leftJoin('people as custodian', 'custodian.id', 'items.custodian_id')
      .select(STATISTICS_COLUMNS)
      .orderBy('items.created_at')
      .orderBy('items.id')
      .limit(screen.limit)
      .offset(screen.offset)
      .execute();
    return { lines: rows.map((r, i) => statisticsLine(r, screen.offset + i + 1)) };
  }
  // The filter reads the numbered rows themselves; only the page's lines join back to their
  // items, and the same pass counts the matches (count over the filtered rows, before the limit).
  const numbered = statisticsItems(ctx, { actor, unitId, year }).select(['items.id as numbered_id', 'items.level', 'items.so_ky_hieu_folded', 'items.trich_yeu_folded', sql<number>`row_number() over (order by items.created_at, items.id)`.as('serial')]);
  const page = ctx.db
    .selectFrom(numbered.as('numbered'))
    .where(bookFilter(screen, 'numbered'))
    .select(['numbered.numbered_id', 'numbered.serial', sql<number>`count(*) over ()`.as('matches')])
    .orderBy('numbered.serial')
    .limit(screen.limit)
    .offset(screen.offset);
  const rows = await ctx.db
    .selectFrom(page.as('page'))
    .innerJoin('items', 'items.id', 'page.numbered_id')
    .leftJoin('people as custodian', 'custodian.id', 'items.custodian_id')
    .select([...STATISTICS_COLUMNS, 'page.serial', 'page.matches'])
    .orderBy('page.serial')
    .execute();
  // A page past the end has no row to carry the count: the route counts apart then.
  return { lines: rows.map((r) => statisticsLine(r, Number(r.serial))), ...(rows.length > 0 ? { total: Number(rows[0]!.matches) } : {}) };
}

/**
 * The Thống kê in numbers (issue #3): one aggregate over the year's items of the unit that the
 * actor may see, grouped by level, form and status, summed up here. No line is read.
 */
export async function getStatisticsSummary(ctx: AppContext, { actor, unitId, year }: { actor: Actor; unitId: string; year: number }): Promise<StatisticsSummary> {
  const groups = await statisticsItems(ctx, { actor, unitId, year })
    .select((eb) => ['items.level', 'items.form', 'items.status', eb.fn.countAll<number>().as('n'), sql<number>`sum(coalesce(items.copies, 1))`.as('copies')])
    .groupBy(['items.level', 'items.form', 'items.status'])
    .execute();
  const add = <K extends string>(map: Map<K, { items: number; copies: number }>, key: K, n: number, copies: number) => {
    const sum = map.get(key) ?? { items: 0, copies: 0 };
    map.set(key, { items: sum.items + n, copies: sum.copies + copies });
  };
  const byLevel = new Map<Level, { items: number; copies: number }>();
  const byForm = new Map<string, { items: number; copies: number }>();
  const byStatus = new Map<string, { items: number; copies: number }>();
  for (const g of groups) {
    const n = Number(g.n);
    const copies = Number(g.copies);
    add(byLevel, g.level as Level, n, copies);
    add(byForm, g.form ?? '', n, copies);
    add(byStatus, g.status, n, copies);
  }
  // Every level, highest first, with its zero: the cards and the chart keep their places.
  const levels = [...LEVELS].reverse();
  const byCount = <T extends { items: number }>(a: T, b: T) => b.items - a.items;
  return {
    items: groups.reduce((sum, g) => sum + Number(g.n), 0),
    copies: groups.reduce((sum, g) => sum + Number(g.copies), 0),
    byLevel: levels.map((level) => ({ level, ...(byLevel.get(level) ?? { items: 0, copies: 0 }) })),
    byForm: [...byForm].map(([form, s]) => ({ form, label: ITEM_FORM_LABELS[form as ItemForm] ?? (form || 'Chưa ghi hình thức'), items: s.items })).sort(byCount),
    byStatus: [...byStatus].map(([status, s]) => ({ status, label: STATUS_LABELS[status] ?? status, items: s.items })).sort(byCount),
  };
}

/** Sổ quản lý sao, chụp BMNN (R5.4): one line per execution of an approved copy request. */
export async function getCopyBook(ctx: AppContext, { actor, unitId, year, page, screen }: BookArgs): Promise<{ lines: CopyBookLine[]; nextPage?: string | null }> {
  const range = page ? await pageRange(ctx, { unitId, book: 'SAO_CHUP', year, page }) : undefined;
  const rows = await bookLines(ctx, { actor, unitId, book: 'SAO_CHUP', year, range, screen })
    .select(['item_events.book_serial', 'item_events.occurred_at', 'item_events.data', 'items.id', 'items.so_ky_hieu', 'items.level'])
    .execute();
  const data = rows.map((r) => JSON.parse(r.data) as { copyType: string; authorised: number; made: number; spoiled: number; spoiledDestroyed: number; deviceId: string; executedBy: string; authorisedBy: string | null; recipients: string[]; copyNumbers: number[] });
  const personIds = [...new Set(data.flatMap((d) => [d.executedBy, d.authorisedBy]).filter((id): id is string => Boolean(id))), ''];
  const deviceIds = [...new Set(data.map((d) => d.deviceId)), ''];
  const people = new Map((await ctx.db.selectFrom('people').select(['id', 'full_name']).where('id', 'in', personIds).execute()).map((p) => [p.id, p.full_name]));
  const devices = new Map((await ctx.db.selectFrom('devices').select(['id', 'asset_code', 'name']).where('id', 'in', deviceIds).execute()).map((d) => [d.id, `${d.name} (${d.asset_code})`]));
  return {
    ...nextPageAfter(range),
    lines: rows.map((r, i) => {
      const d = data[i]!;
      return {
        serial: Number(r.book_serial),
        date: r.occurred_at,
        original: r.so_ky_hieu,
        level: r.level as Level,
        copyType: COPY_TYPE_LABELS[d.copyType as keyof typeof COPY_TYPE_LABELS] ?? d.copyType,
        authorised: d.authorised,
        made: d.made,
        spoiledDestroyed: d.spoiled > 0 ? `${d.spoiledDestroyed}/${d.spoiled} bản hỏng, thừa đã tiêu hủy` : 'Không có bản hỏng',
        authorisedBy: d.authorisedBy ? (people.get(d.authorisedBy) ?? null) : null,
        executedBy: people.get(d.executedBy) ?? null,
        device: devices.get(d.deviceId) ?? null,
        recipients: d.recipients,
        copyNumbers: d.copyNumbers,
        itemId: r.id,
      };
    }),
  };
}
