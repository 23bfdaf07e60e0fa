import { formatDate, formatDateTime, ITEM_FORM_LABELS, LEVEL_LABELS, type HandoverBookLine, type IncomingBookLine, type ItemForm, type OutgoingBookLine, type StatisticsLine, type CopyBookLine } from '@bmnn/contracts';
import { templateFor, type Book as TemplateBook } from '@bmnn/rules';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Actor } from '../access/access.policies.ts';
import { bookPageCursor, getBookSummary, getCopyBook, getHandoverBook, getIncomingBook, getOutgoingBook, getStatistics, type BookPage } from '../register/register.receive.ts';
import { unitErrors } from '../units/units.errors.ts';
import { highestLevelOf, type BookCell, type BookPrintout } from './books.export.ts';

// The books as printouts: the projection of the events (register.receive.ts) mapped onto the
// fields of the template valid for the book's year (LEGAL.md A4, §15).

export const PRINTABLE_BOOKS = {
  den: { template: 'SO_DEN', book: 'DEN', load: getIncomingBook, toRow: incomingRow },
  di: { template: 'SO_DI', book: 'DI', load: getOutgoingBook, toRow: outgoingRow },
  'chuyen-giao': { template: 'SO_CHUYEN_GIAO', book: 'CHUYEN_GIAO', load: getHandoverBook, toRow: handoverRow },
  'thong-ke': { template: 'THONG_KE', book: 'THONG_KE', load: getStatistics, toRow: statisticsRow },
  'sao-chup': { template: 'SO_SAO_CHUP', book: 'SAO_CHUP', load: getCopyBook, toRow: copyRow },
} as const;

/** Lines read from the database per page while a printout streams: memory stays flat. */
const PRINT_PAGE_LINES = 2000;
export type PrintableBook = keyof typeof PRINTABLE_BOOKS;

function incomingRow(l: IncomingBookLine): Record<string, BookCell> {
  return {
    incomingNo: l.serial,
    receivedDate: formatDate(l.receivedAt),
    sender: l.sender,
    soKyHieu: l.soKyHieu,
    documentDate: formatDate(l.documentDate),
    trichYeu: l.trichYeu,
    level: LEVEL_LABELS[l.level],
    receiver: l.custodianName ?? l.receivedBy,
    signature: '',
    conditionCheck: l.condition,
    recallDeadline: formatDate(l.recallDeadline),
    form: '',
    notes: l.note,
  };
}

function outgoingRow(l: OutgoingBookLine): Record<string, BookCell> {
  return { serialNo: l.serial, date: formatDate(l.date), soKyHieu: l.soKyHieu, documentType: '', trichYeu: l.trichYeu, level: LEVEL_LABELS[l.level], signer: l.signer, recipients: l.recipients.join('; '), copies: l.copies, envelopeMark: l.envelopeMark, form: '', notes: '' };
}

function statisticsRow(l: StatisticsLine): Record<string, BookCell> {
  return { serialNo: l.serial, soKyHieu: l.soKyHieu, date: formatDate(l.date), trichYeu: l.trichYeu, level: LEVEL_LABELS[l.level], form: l.form ? (ITEM_FORM_LABELS[l.form as ItemForm] ?? l.form) : '', quantity: l.quantity, storage: l.storage, protectionEnd: l.protectionEnd ? `Đến hết ngày ${formatDate(l.protectionEnd)}` : '', status: l.status, notes: '' };
}

function copyRow(l: CopyBookLine): Record<string, BookCell> {
  return { serialNo: l.serial, date: formatDate(l.date), original: l.original, level: LEVEL_LABELS[l.level], copyType: l.copyType, authorisedCount: l.authorised, madeCount: `${l.made} (bản sao số ${l.copyNumbers.join(', ')})`, spoiledDestroyed: l.spoiledDestroyed, authorisedBy: l.authorisedBy, executedBy: l.executedBy, device: l.device, recipients: l.recipients.join('; '), notes: '' };
}

function handoverRow(l: HandoverBookLine): Record<string, BookCell> {
  return { serialNo: l.serial, handedAt: formatDateTime(l.at), soKyHieu: l.soKyHieu, level: LEVEL_LABELS[l.level], handedBy: l.fromName, receivedBy: l.toName, receivingUnit: l.toUnitName, signature: '', notes: l.note };
}

/** Builds the printout of a book and audits the export, with its format and highest level. */
export async function prepareBookPrintout(ctx: AppContext, { actor, book, unitId, year, format }: { actor: Actor; book: PrintableBook; unitId: string; year: number; format: 'xlsx' | 'pdf' | 'docx' }): Promise<BookPrintout> {
  const unit = await ctx.db.selectFrom('units').select(['name']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw unitErrors.notFound();
  const spec = PRINTABLE_BOOKS[book];
  const summary = await getBookSummary(ctx, { actor, unitId, year, book: spec.book });
  const now = ctx.clock();
  // The template in force at the end of the book's year, or today for the current year.
  const asOf = `${year}-12-31` < now.toISOString().slice(0, 10) ? `${year}-12-31` : now.toISOString().slice(0, 10);
  const template = templateFor({ book: spec.template as TemplateBook, date: asOf });
  const highestLevel = highestLevelOf(summary.levels);
  const person = await ctx.db.selectFrom('people').select('full_name').where('id', '=', actor.personId).executeTakeFirst();
  await inTransaction(ctx, ({ audit }) =>
    audit({ type: 'book.exported', chain: unitId, actorId: actor.accountId, data: { book: spec.template, year, format, lines: summary.lines, highestLevel } }),
  );
  // The lines are read page by page (keyset on the book's order) as the file is written.
  async function* rows() {
    let page: BookPage = { after: null, limit: PRINT_PAGE_LINES };
    for (;;) {
      const { lines, nextPage } = (await spec.load(ctx, { actor, unitId, year, page })) as { lines: Array<IncomingBookLine & HandoverBookLine & OutgoingBookLine & StatisticsLine & CopyBookLine>; nextPage?: string | null };
      for (const line of lines) yield spec.toRow(line);
      // The event books say where the next page starts (their pages are serial ranges, which may
      // hold lines the reader may not see); the Thống kê's pages are full until the last.
      const next = nextPage !== undefined ? nextPage : lines.length < page.limit ? null : bookPageCursor(lines[lines.length - 1]!);
      if (next === null) return;
      page = { after: next, limit: PRINT_PAGE_LINES };
    }
  }
  return { template, unitName: unit.name, year, rows: rows(), highestLevel, printedAt: formatDateTime(now.toISOString()), printedBy: person?.full_name ?? '' };
}
