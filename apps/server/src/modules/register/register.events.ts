import { ITEM_LIST_BOOK_LABELS } from '@bmnn/contracts';
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { DatabaseKind } from '../../platform/db/database.ts';
import { generateId } from '../../platform/ids.ts';

// What happens to a secret item, as a typed union (DESIGN.md §4). Events are appended, never
// changed; the books (sổ) are projections of the events that carry a book serial.

/** The books an event can be a line of, with their names (shared with the item list's filter). */
export const BOOKS = ITEM_LIST_BOOK_LABELS;
export type Book = keyof typeof BOOKS;

export type ItemEventMap = {
  RECEIVED: {
    sender: string;
    receivedBy: string;
    condition: { envelopeIntact: boolean; countMatches: boolean; packagingCorrect: boolean };
    namedRecipientId: string | null;
    opened: boolean;
    recallDeadline: string | null;
    copies: number;
    note: string | null;
  };
  SENDER_NOTIFIED: { reason: string; letterRef: string | null };
  HANDED_OVER: { fromPersonId: string | null; toPersonId: string; toUnitId: string; note: string | null };
  CORRECTION: { field: string; before: unknown; after: unknown; reason: string };
  PROPOSED: { proposedBy: string; level: string; citedRefs: string[]; recipients: number; copies: number; copyPermitted: boolean; draftingDeviceId?: string | null };
  DETERMINED: { determinedBy: string; level: string; protectionEnd: string | null; rule: string; legalBasis: string; confirmed: boolean };
  REGISTERED_OUTGOING: { soKyHieu: string; documentDate: string; envelopeMark: string; doubleEnvelope: boolean; recipients: string[] };
  SENT: { sentBy: string };
  EXTENDED: { previousEnd: string; newEnd: string; years: number; decisionRef: string; notifyBy: string; rule: string; legalBasis: string };
  DECLASSIFIED: { case: 'EXPIRED' | 'NATIONAL_INTEREST' | 'REMOVED_FROM_DANH_MUC'; protectionEnd: string | null; note: string; decisionRef?: string; partial?: boolean; council?: { chairId: string; memberIds: string[] } };
  NOTICE_SENT: { kind: string; sentTo: string; sentOn: string };
  DESTROYED: { caseId: string; method: string; place: string; witnesses: string[]; emergency: boolean };
  TAKEN_OUT: { requestId: string; returnDue: string; previousStatus: string };
  LEVEL_ADJUSTED: { from: string; to: string; direction: string; decisionRef: string; protectionEnd: string | null; notifyBy: string; citedRefs: string[] };
  RETURNED: { requestId: string };
  COPIED: { requestId: string; copyType: string; authorised: number; made: number; spoiled: number; spoiledDestroyed: number; deviceId: string; executedBy: string; authorisedBy: string | null; recipients: string[]; copyNumbers: number[]; copyIds: string[] };
  PROVIDED: { requestId: string; to: string; representative: string; foreign: boolean };
  /** The item's result in a closed stock-take (LEGAL.md R6.1). */
  STOCK_CHECKED: { stockTakeId: string; result: 'PRESENT' | 'MISPLACED' | 'MISSING'; foundLocation: string | null; incidentId: string | null };
  /** Recorded by an incident of loss (LEGAL.md R1.1). */
  LOST: { incidentId: string };
  /** Recorded by an incident of disclosure (LEGAL.md R1.1). */
  DISCLOSED: { incidentId: string };
  /** Put into a file (hồ sơ) of its unit. */
  FILED: { fileId: string; fileCode: string };
  /** Taken out of a file before the file was closed. */
  UNFILED: { fileId: string; fileCode: string; reason: string };
  /** Its file was transferred to the agency's archive (nộp lưu); protection unchanged. */
  ARCHIVED: { fileId: string; fileCode: string; transferId: string; recordNo: string; archiveName: string; location: string };
  /**
   * A line of an old register (sổ đến or sổ đi) imported from a spreadsheet. Carries the fields
   * the book projections read from RECEIVED / REGISTERED_OUTGOING lines.
   */
  IMPORTED: {
    batchId: string;
    source: string;
    sourceRow: number;
    sender: string | null;
    receivedBy: string | null;
    condition: null;
    soKyHieu: string;
    documentDate: string | null;
    envelopeMark: string;
    recipients: string[];
    holder: string | null;
    note: string | null;
  };
};
export type ItemEventType = keyof ItemEventMap;
export type ItemEvent = { [K in ItemEventType]: { type: K; data: ItemEventMap[K] } }[ItemEventType];

export const ITEM_EVENT_LABELS: Record<ItemEventType, string> = {
  RECEIVED: 'Tiếp nhận, vào sổ đến',
  SENDER_NOTIFIED: 'Thông báo cho nơi gửi',
  HANDED_OVER: 'Chuyển giao',
  CORRECTION: 'Đính chính',
  PROPOSED: 'Đề xuất xác định độ mật',
  DETERMINED: 'Xác định bí mật nhà nước và độ mật',
  REGISTERED_OUTGOING: 'Vào sổ đi',
  SENT: 'Phát hành, gửi đi',
  EXTENDED: 'Gia hạn thời hạn bảo vệ',
  DECLASSIFIED: 'Giải mật',
  NOTICE_SENT: 'Gửi thông báo bằng văn bản',
  DESTROYED: 'Tiêu hủy',
  TAKEN_OUT: 'Mang ra khỏi nơi lưu giữ',
  LEVEL_ADJUSTED: 'Điều chỉnh độ mật',
  RETURNED: 'Trả lại nơi lưu giữ',
  COPIED: 'Sao, chụp',
  PROVIDED: 'Cung cấp, chuyển giao',
  STOCK_CHECKED: 'Kiểm kê',
  LOST: 'Bị mất (vụ mất bí mật nhà nước)',
  DISCLOSED: 'Bị lộ (vụ lộ bí mật nhà nước)',
  FILED: 'Đưa vào hồ sơ',
  UNFILED: 'Rút khỏi hồ sơ',
  ARCHIVED: 'Nộp lưu vào lưu trữ cơ quan',
  IMPORTED: 'Nhập từ sổ cũ (tệp Excel, CSV)',
};

/** The next serial of a book for a unit and year; the unit row lock serialises writers on PostgreSQL. */
async function nextBookSerial(trx: Transaction<Database>, kind: DatabaseKind, { unitId, book, year }: { unitId: string; book: Book; year: number }) {
  if (kind === 'postgres') await sql`select id from units where id = ${unitId} for update`.execute(trx);
  const row = await trx
    .selectFrom('item_events')
    .select((eb) => eb.fn.max('book_serial').as('last'))
    .where('unit_id', '=', unitId)
    .where('book', '=', book)
    .where('book_year', '=', year)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function appendItemEvent({
  trx,
  kind,
  unitId,
  itemId,
  event,
  occurredAt,
  recordedAt,
  actorId,
  book,
  bookSerial,
  correctsEventId = null,
}: {
  trx: Transaction<Database>;
  kind: DatabaseKind;
  unitId: string;
  itemId: string;
  event: ItemEvent;
  occurredAt: string;
  recordedAt: Date;
  actorId: string | null;
  book?: Book;
  /** A serial the caller has reserved (bulk import of an old book); otherwise the next one. */
  bookSerial?: number;
  correctsEventId?: string | null;
}) {
  const id = generateId('evt');
  // Book years follow the date the line is entered, in Vietnam (UTC+7).
  const year = new Date(Date.parse(occurredAt) + 7 * 3_600_000).getUTCFullYear();
  const serial = book ? (bookSerial ?? (await nextBookSerial(trx, kind, { unitId, book, year }))) : null;
  await trx
    .insertInto('item_events')
    .values({ id, unit_id: unitId, item_id: itemId, type: event.type, occurred_at: occurredAt, recorded_at: recordedAt.toISOString(), actor_id: actorId, data: JSON.stringify(event.data), corrects_event_id: correctsEventId, book: book ?? null, book_year: book ? year : null, book_serial: serial })
    .execute();
  return { eventId: id, bookSerial: serial };
}

/**
 * Many events at once, each with a serial the caller reserved when it has a book (the import of
 * an old register): the same rows as `appendItemEvent`, written in batches.
 */
export async function appendItemEvents({
  trx,
  events,
  recordedAt,
  actorId,
}: {
  trx: Transaction<Database>;
  events: Array<{ unitId: string; itemId: string; event: ItemEvent; occurredAt: string; book?: Book; bookSerial?: number }>;
  recordedAt: Date;
  actorId: string | null;
}) {
  const rows = events.map((e) => {
    const year = new Date(Date.parse(e.occurredAt) + 7 * 3_600_000).getUTCFullYear();
    if (e.book && e.bookSerial === undefined) throw new Error('appendItemEvents: a book line needs its reserved serial');
    return { id: generateId('evt'), unit_id: e.unitId, item_id: e.itemId, type: e.event.type, occurred_at: e.occurredAt, recorded_at: recordedAt.toISOString(), actor_id: actorId, data: JSON.stringify(e.event.data), corrects_event_id: null, book: e.book ?? null, book_year: e.book ? year : null, book_serial: e.book ? e.bookSerial! : null };
  });
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('item_events').values(rows.slice(i, i + 500)).execute();
}

/**
 * Copies follow their parent (LEGAL.md R5.4: a lawful copy is protected as the original; R9.3):
 * the same change is applied to every copy, each with its own event pointing at the parent's.
 */
export async function applyToCopies({
  trx,
  kind,
  parentId,
  set,
  event,
  at,
  actorId,
}: {
  trx: Transaction<Database>;
  kind: DatabaseKind;
  parentId: string;
  set: Partial<{ level: string; protection_end: string | null; status: string; trich_yeu: null; trich_yeu_folded: null; extensions_count: number }>;
  event: ItemEvent;
  at: Date;
  actorId: string | null;
}): Promise<number> {
  const copies = await trx.selectFrom('items').select(['id', 'unit_id']).where('parent_id', '=', parentId).execute();
  for (const copy of copies) {
    await trx.updateTable('items').set({ ...set, updated_at: at.toISOString() }).where('id', '=', copy.id).execute();
    await appendItemEvent({ trx, kind, unitId: copy.unit_id, itemId: copy.id, event, occurredAt: at.toISOString(), recordedAt: at, actorId });
  }
  return copies.length;
}
