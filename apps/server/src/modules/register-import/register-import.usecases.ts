import { foldForSearch, formatDateTime, LEVEL_LABELS, REGISTER_IMPORT_BOOK_LABELS, REGISTER_IMPORT_FIELDS, todayInVietnam, type ImportProblem, type Level, type RegisterImportAnswer, type RegisterImportBook, type RegisterImportMapping } from '@bmnn/contracts';
import { envelopeFor, getRuleSetFor } from '@bmnn/rules';
import { sql, type Insertable } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { generateId } from '../../platform/ids.ts';
import { cellString, readSpreadsheet } from '../../platform/spreadsheet-import.ts';
import { canRegisterItem, isClearedFor, ITEM_SCOPE_ROLES, type Actor } from '../access/access.policies.ts';
import { highestLevelOf, type BookPrintout } from '../books/books.export.ts';
import { appendItemEvents } from '../register/register.events.ts';
import { checkMapping, proposeMapping, readImportRows, type ImportLine } from './register-import.read.ts';

// Importing an old register (sổ đến, sổ đi) from a spreadsheet: proposed mapping, dry run with
// every problem in Vietnamese, and an import that writes every row in one transaction or none.
// Each row becomes an item with an IMPORTED event that is its line in the book, and the whole
// import is one audit record with its counts.

/** Problems returned in the answer; the XLSX report has them all. */
const MAX_PROBLEMS_IN_ANSWER = 1000;

export type ImportCheck = {
  columns: Array<{ index: number; header: string }>;
  mapping: RegisterImportMapping;
  rows: number;
  problems: ImportProblem[];
  lines: ImportLine[];
  /** Levels stated by any row, wrong ones included. */
  levels: Level[];
  /** The matched custodian of each line (by row), for the sổ đến. */
  custodians: Map<number, string>;
};

/** Reads the file and checks every row against the rules and what the unit's book already holds. */
async function checkImport(ctx: AppContext, { actor, unitId, book, mapping: chosen, file }: { actor: Actor; unitId: string; book: RegisterImportBook; mapping: RegisterImportMapping | undefined; file: Buffer }): Promise<ImportCheck> {
  if (!ITEM_SCOPE_ROLES.some((r) => actor.roles.includes(r)) || !actor.scopeUnitIds.has(unitId)) throw errors.forbidden();
  const sheet = await readSpreadsheet(file);
  if (!sheet.ok) return { columns: [], mapping: chosen ?? {}, rows: 0, problems: [{ row: 0, column: null, message: sheet.message }], lines: [], levels: [], custodians: new Map() };
  const columns = sheet.header.cells.map((c, index) => ({ index, header: cellString(c) }));
  const mapping = chosen ?? proposeMapping(columns.map((c) => c.header));
  const problems = checkMapping({ mapping, columns: columns.length, book });
  if (problems.length > 0) return { columns, mapping, rows: sheet.rows.length, problems, lines: [], levels: [], custodians: new Map() };
  const today = todayInVietnam(ctx.clock());
  const read = readImportRows({ rows: sheet.rows, mapping, book, ruleSet: getRuleSetFor({ date: today }), today });
  problems.push(...read.problems);

  // The clerk registers only what they are cleared for (R3.1 ordering).
  for (const line of read.lines) {
    if (!canRegisterItem({ actor, unitId, level: line.level })) problems.push({ row: line.row, column: REGISTER_IMPORT_FIELDS.level, message: `Bạn không được tiếp cận bí mật nhà nước độ ${LEVEL_LABELS[line.level]}: không nhập được dòng này` });
  }
  // Sổ đến: the receiving person, when named, must be one cleared person of the unit.
  const custodians = new Map<number, string>();
  if (book === 'DEN' && read.lines.some((l) => l.holder)) {
    const people = await ctx.db.selectFrom('people').select(['id', 'full_name_folded', 'clearance', 'full_name']).where('unit_id', '=', unitId).execute();
    for (const line of read.lines) {
      if (!line.holder) continue;
      const matches = people.filter((p) => p.full_name_folded === foldForSearch(line.holder!));
      if (matches.length > 1) problems.push({ row: line.row, column: REGISTER_IMPORT_FIELDS.holder, message: `Có ${matches.length} cán bộ cùng tên "${line.holder}" trong đơn vị: không biết giao cho ai` });
      const person = matches.length === 1 ? matches[0]! : undefined;
      if (person && !isClearedFor(person.clearance as 'NONE', line.level)) problems.push({ row: line.row, column: REGISTER_IMPORT_FIELDS.holder, message: `${person.full_name} không được tiếp cận bí mật nhà nước độ ${LEVEL_LABELS[line.level]}` });
      if (person) custodians.set(line.row, person.id);
    }
  }
  // What the book already holds: the same document on the same day, or the same serial.
  const years = [...new Set(read.lines.map((l) => Number(l.date.slice(0, 4))))];
  if (years.length > 0) {
    const existing = await ctx.db
      .selectFrom('item_events')
      .innerJoin('items', 'items.id', 'item_events.item_id')
      .select(['items.so_ky_hieu_folded', 'item_events.occurred_at', 'item_events.book_year', 'item_events.book_serial'])
      .where('item_events.unit_id', '=', unitId)
      .where('item_events.book', '=', book)
      .where('item_events.book_year', 'in', years)
      .execute();
    const lines = new Set(existing.map((e) => `${e.so_ky_hieu_folded}#${todayInVietnam(new Date(e.occurred_at))}`));
    const serials = new Set(existing.map((e) => `${e.book_year}#${e.book_serial}`));
    for (const line of read.lines) {
      if (lines.has(`${foldForSearch(line.soKyHieu)}#${line.date}`)) problems.push({ row: line.row, column: REGISTER_IMPORT_FIELDS.soKyHieu, message: `Đã có trong ${REGISTER_IMPORT_BOOK_LABELS[book]}: ${line.soKyHieu} ngày ${line.date.split('-').reverse().join('/')}` });
      if (line.bookSerial !== null && serials.has(`${line.date.slice(0, 4)}#${line.bookSerial}`)) problems.push({ row: line.row, column: REGISTER_IMPORT_FIELDS.bookSerial, message: `Số thứ tự ${line.bookSerial} năm ${line.date.slice(0, 4)} đã có trong ${REGISTER_IMPORT_BOOK_LABELS[book]}` });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { columns, mapping, rows: sheet.rows.length, problems, lines: read.lines, levels: read.levels, custodians };
}

/** Dry run (the default) or import; nothing is written unless there is not a single problem. */
export async function importRegister(ctx: AppContext, { actor, unitId, book, mapping, dryRun, file, fileName }: { actor: Actor; unitId: string; book: RegisterImportBook; mapping: RegisterImportMapping | undefined; dryRun: boolean; file: Buffer; fileName: string }): Promise<RegisterImportAnswer> {
  const check = await checkImport(ctx, { actor, unitId, book, mapping, file });
  const ok = check.problems.length === 0 && check.lines.length > 0;
  const problems = check.problems.length === 0 && check.lines.length === 0 ? [{ row: 0, column: null, message: 'Tệp không có dòng dữ liệu nào' }] : check.problems;
  const shown = problems.length > MAX_PROBLEMS_IN_ANSWER ? [...problems.slice(0, MAX_PROBLEMS_IN_ANSWER), { row: 0, column: null, message: `… và ${problems.length - MAX_PROBLEMS_IN_ANSWER} lỗi khác: tải báo cáo lỗi (XLSX) để xem đủ` }] : problems;
  const answer: RegisterImportAnswer = { columns: check.columns, mapping: check.mapping, report: { ok, rows: check.rows, problems: shown }, imported: null };
  if (!ok || dryRun) return answer;
  const items = await writeImport(ctx, { actor, unitId, book, lines: check.lines, custodians: check.custodians, fileName });
  return { ...answer, imported: { items, book } };
}

/** All rows in one transaction: items, their IMPORTED book lines and one audit record. */
async function writeImport(ctx: AppContext, { actor, unitId, book, lines, custodians, fileName }: { actor: Actor; unitId: string; book: RegisterImportBook; lines: ImportLine[]; custodians: Map<number, string>; fileName: string }) {
  const batchId = generateId('imp');
  const ruleSet = getRuleSetFor({ date: todayInVietnam(ctx.clock()) });
  return inTransaction(ctx, async ({ trx, now, audit }) => {
    // The same lock as every other book line (register.events.ts): one writer per unit's books.
    if (ctx.dbKind === 'postgres') await sql`select id from units where id = ${unitId} for update`.execute(trx);
    // Lines without a serial of their own follow the book's last serial of their year, by date.
    const next = new Map<number, number>();
    const nextSerial = async (year: number) => {
      if (!next.has(year)) {
        const row = await trx.selectFrom('item_events').select((eb) => eb.fn.max('book_serial').as('last')).where('unit_id', '=', unitId).where('book', '=', book).where('book_year', '=', year).executeTakeFirst();
        next.set(year, Number(row?.last ?? 0) + 1);
      }
      const serial = next.get(year)!;
      next.set(year, serial + 1);
      return serial;
    };
    const ordered = [...lines].sort((a, b) => (a.date === b.date ? a.row - b.row : a.date < b.date ? -1 : 1));
    const iso = now.toISOString();
    const itemRows: Array<Insertable<Database['items']>> = [];
    const events: Parameters<typeof appendItemEvents>[0]['events'] = [];
    for (const line of ordered) {
      const itemId = generateId('itm');
      // 08:00 in Vietnam on the book's date: the line falls in that day and year.
      const occurredAt = `${line.date}T01:00:00.000Z`;
      const custodianId = custodians.get(line.row) ?? actor.personId;
      const trichYeu = line.level === 'TUYET_MAT' ? null : line.trichYeu;
      const recipients = book === 'DI' && line.holder ? line.holder.split(/[;\n]/).map((r) => r.trim()).filter(Boolean) : [];
      itemRows.push({
        id: itemId,
        unit_id: unitId,
        level: line.level,
        so_ky_hieu: line.soKyHieu,
        so_ky_hieu_folded: foldForSearch(line.soKyHieu),
        trich_yeu: trichYeu,
        trich_yeu_folded: trichYeu ? foldForSearch(trichYeu) : null,
        trich_yeu_consent_by: null,
        custodian_id: custodianId,
        status: book === 'DEN' ? 'RECEIVED' : 'SENT',
        form: 'PAPER_DOC',
        sender: line.issuer,
        document_date: line.documentDate ?? (book === 'DI' ? line.date : null),
        copies: line.copies,
        named_recipient_id: null,
        recall_deadline: null,
        recipients: book === 'DI' ? JSON.stringify(recipients) : null,
        created_by: actor.accountId,
        // Registered on the book's date, so that the Thống kê of that year lists it (decision 0008).
        created_at: occurredAt,
        updated_at: iso,
      });
      events.push({
        unitId,
        itemId,
        occurredAt,
        book,
        bookSerial: line.bookSerial ?? (await nextSerial(Number(line.date.slice(0, 4)))),
        event: {
          type: 'IMPORTED',
          data: {
            batchId,
            source: fileName,
            sourceRow: line.row,
            sender: line.issuer,
            receivedBy: book === 'DEN' ? custodianId : null,
            condition: null,
            soKyHieu: line.soKyHieu,
            documentDate: line.documentDate ?? line.date,
            envelopeMark: envelopeFor({ level: line.level, ruleSet }).mark,
            recipients,
            holder: line.holder,
            note: line.notes,
          },
        },
      });
    }
    // In batches: one round trip per few hundred rows, not two per row (decision 0008).
    for (let i = 0; i < itemRows.length; i += 500) await trx.insertInto('items').values(itemRows.slice(i, i + 500)).execute();
    await appendItemEvents({ trx, events, recordedAt: now, actorId: actor.accountId });
    await audit({ type: 'register.imported', chain: unitId, actorId: actor.accountId, subjectId: batchId, data: { book, items: lines.length, rows: lines.length, fileName, batchId } });
    return lines.length;
  });
}

/** The error report as a printout (XLSX), marked with the highest level of the rows it read. */
export async function prepareImportReport(ctx: AppContext, { actor, unitId, book, mapping, file, fileName }: { actor: Actor; unitId: string; book: RegisterImportBook; mapping: RegisterImportMapping | undefined; file: Buffer; fileName: string }): Promise<BookPrintout> {
  const check = await checkImport(ctx, { actor, unitId, book, mapping, file });
  const highestLevel = highestLevelOf(check.levels);
  const now = ctx.clock();
  await inTransaction(ctx, ({ audit }) => audit({ type: 'register.import_report_exported', chain: unitId, actorId: actor.accountId, data: { book, rows: check.rows, problems: check.problems.length, highestLevel } }));
  const unit = await ctx.db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  const person = await ctx.db.selectFrom('people').select('full_name').where('id', '=', actor.personId).executeTakeFirst();
  return {
    template: {
      title: 'BÁO CÁO LỖI NHẬP SỔ TỪ TỆP',
      formNumber: 'Báo cáo lỗi',
      orientation: 'portrait',
      basis: { legalBasis: 'Kiểm tra trước khi nhập sổ cũ' },
      columns: [
        { key: 'row', header: 'Dòng', field: 'row', width: 7, align: 'center' },
        { key: 'column', header: 'Cột', field: 'column', width: 24, align: 'left' },
        { key: 'message', header: 'Lỗi', field: 'message', width: 60, align: 'left' },
      ],
    },
    unitName: unit?.name ?? '',
    year: Number(todayInVietnam(now).slice(0, 4)),
    highestLevel,
    printedAt: formatDateTime(now.toISOString()),
    printedBy: person?.full_name ?? '',
    headingLines: [`${unit?.name ?? ''} — ${REGISTER_IMPORT_BOOK_LABELS[book]} — tệp ${fileName}`, `${check.rows} dòng dữ liệu, ${check.problems.length} lỗi${check.problems.length > 0 ? ': chưa nhập dòng nào' : ''}`],
    rows: check.problems.map((p) => ({ row: p.row > 0 ? p.row : '', column: p.column ?? '', message: p.message })),
  };
}
