import { foldForSearch, LIMITS, REGISTER_IMPORT_FIELD_KEYS, REGISTER_IMPORT_FIELDS, type Level, type RegisterImportBook, type RegisterImportField, type RegisterImportMapping } from '@bmnn/contracts';
import { checkTrichYeu, type RuleSet } from '@bmnn/rules';
import { cellString, isBlankRow, parseLevel, parseVietnameseDate, type ImportProblem, type RawRow } from '../../platform/spreadsheet-import.ts';

// Reading an old register (sổ đến, sổ đi kept on paper or in Excel) into checked lines. Pure:
// the header row gives a proposed column mapping (accent-insensitive, with the names the old
// books use), the person adjusts it, and every row is checked against the register's rules with
// a Vietnamese message naming its row and column. The database checks (duplicates already in the
// book, people) are the use case's.

/** Header names seen in old books, per field, compared folded (no accents, lower case). */
const HEADER_NAMES: Record<RegisterImportField, string[]> = {
  soKyHieu: ['số, ký hiệu', 'số ký hiệu', 'số/ký hiệu', 'số và ký hiệu', 'số, ký hiệu văn bản', 'ký hiệu', 'số hiệu văn bản', 'số văn bản'],
  date: ['ngày vào sổ', 'ngày đến', 'ngày đi', 'ngày nhận', 'ngày gửi', 'ngày phát hành', 'ngày, tháng', 'ngày'],
  documentDate: ['ngày văn bản', 'ngày, tháng văn bản', 'ngày tháng văn bản', 'ngày ban hành', 'ngày ký'],
  issuer: ['cơ quan ban hành, nơi gửi', 'cơ quan ban hành', 'nơi gửi', 'cơ quan gửi', 'cơ quan, tổ chức gửi', 'đơn vị gửi', 'tác giả', 'nơi ban hành'],
  trichYeu: ['trích yếu', 'trích yếu nội dung', 'tên loại và trích yếu nội dung', 'nội dung'],
  level: ['độ mật', 'mức độ mật', 'mức độ bí mật'],
  copies: ['số bản', 'số lượng', 'số lượng bản', 'số lượng (bản)'],
  holder: ['người nhận, người giữ', 'người nhận', 'người giữ', 'đơn vị, người nhận', 'đơn vị nhận', 'nơi nhận', 'người lưu giữ'],
  bookSerial: ['số thứ tự trong sổ', 'số đến', 'số đi', 'số thứ tự', 'số tt', 'stt', 'tt'],
  notes: ['ghi chú'],
};

const normalise = (s: string) =>
  foldForSearch(s)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The proposed mapping from the header row: exact names first, then a header that begins with a
 * known name ("Trích yếu nội dung văn bản"); one column per field, one field per column.
 */
export function proposeMapping(header: readonly string[]): RegisterImportMapping {
  const mapping: RegisterImportMapping = {};
  const taken = new Set<number>();
  const heads = header.map(normalise);
  const names = REGISTER_IMPORT_FIELD_KEYS.flatMap((field) => HEADER_NAMES[field].map((name) => ({ field, name: normalise(name) })));
  const assign = (match: (head: string, name: string) => boolean) => {
    for (const { field, name } of [...names].sort((a, b) => b.name.length - a.name.length)) {
      if (mapping[field] !== undefined) continue;
      const index = heads.findIndex((h, i) => !taken.has(i) && h.length > 0 && match(h, name));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
      }
    }
  };
  assign((h, n) => h === n);
  assign((h, n) => n.length >= 4 && h.startsWith(`${n} `));
  for (const field of REGISTER_IMPORT_FIELD_KEYS) mapping[field] ??= null;
  return mapping;
}

export type ImportLine = {
  row: number;
  soKyHieu: string;
  date: string;
  documentDate: string | null;
  issuer: string | null;
  trichYeu: string | null;
  level: Level;
  copies: number;
  holder: string | null;
  bookSerial: number | null;
  notes: string | null;
};

export function requiredFields(book: RegisterImportBook): RegisterImportField[] {
  return book === 'DEN' ? ['soKyHieu', 'date', 'level', 'issuer'] : ['soKyHieu', 'date', 'level'];
}

/** Problems of the mapping itself (a required field without a column, a column used twice). */
export function checkMapping({ mapping, columns, book }: { mapping: RegisterImportMapping; columns: number; book: RegisterImportBook }): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const used = new Map<number, RegisterImportField>();
  for (const field of REGISTER_IMPORT_FIELD_KEYS) {
    const index = mapping[field];
    if (index === null || index === undefined) continue;
    if (index >= columns) problems.push({ row: 1, column: REGISTER_IMPORT_FIELDS[field], message: `Cột số ${index + 1} không có trong tệp` });
    const other = used.get(index);
    if (other) problems.push({ row: 1, column: REGISTER_IMPORT_FIELDS[field], message: `Cột số ${index + 1} đã dùng cho "${REGISTER_IMPORT_FIELDS[other]}"` });
    used.set(index, field);
  }
  for (const field of requiredFields(book)) {
    if (mapping[field] === null || mapping[field] === undefined) problems.push({ row: 1, column: REGISTER_IMPORT_FIELDS[field], message: `Chưa chọn cột cho "${REGISTER_IMPORT_FIELDS[field]}" (bắt buộc)` });
  }
  return problems;
}

const MAX_SO_KY_HIEU = 100;

/**
 * Checks every data row. A row with any problem yields no line; the caller imports only when
 * there is not a single problem (all or nothing). `today` is yyyy-mm-dd in Vietnam.
 */
export function readImportRows({ rows, mapping, book, ruleSet, today }: { rows: readonly RawRow[]; mapping: RegisterImportMapping; book: RegisterImportBook; ruleSet: RuleSet; today: string }): { lines: ImportLine[]; problems: ImportProblem[]; levels: Level[] } {
  const lines: ImportLine[] = [];
  // The level of every row that states one, wrong rows included: a report of the problems is marked with the highest.
  const levels = new Set<Level>();
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const serials = new Map<string, number>();
  const required = requiredFields(book);
  for (const r of rows) {
    if (isBlankRow(r)) continue;
    const raw = (f: RegisterImportField) => {
      const index = mapping[f];
      return index === null || index === undefined ? null : (r.cells[index] ?? null);
    };
    const text = (f: RegisterImportField) => cellString(raw(f));
    const before = problems.length;
    const problem = (f: RegisterImportField, message: string) => problems.push({ row: r.row, column: REGISTER_IMPORT_FIELDS[f], message });
    for (const f of required) if (!text(f)) problem(f, `Thiếu ${REGISTER_IMPORT_FIELDS[f].toLowerCase()}`);

    const soKyHieu = text('soKyHieu');
    if (soKyHieu.length > MAX_SO_KY_HIEU) problem('soKyHieu', `Số, ký hiệu dài quá ${MAX_SO_KY_HIEU} ký tự`);
    const date = parseVietnameseDate(raw('date'));
    if (text('date') && !date) problem('date', `Ngày không hợp lệ: "${text('date')}" (cần dd/mm/yyyy)`);
    if (date && date > today) problem('date', `Ngày ${text('date')} sau ngày hôm nay`);
    const documentDate = text('documentDate') ? parseVietnameseDate(raw('documentDate')) : null;
    if (text('documentDate') && !documentDate) problem('documentDate', `Ngày không hợp lệ: "${text('documentDate')}" (cần dd/mm/yyyy)`);
    const level = text('level') ? parseLevel(text('level')) : null;
    if (level) levels.add(level);
    if (text('level') && !level) problem('level', `Độ mật không hợp lệ: "${text('level')}" (Mật, Tối mật hoặc Tuyệt mật)`);
    const trichYeu = text('trichYeu') || null;
    if (trichYeu && trichYeu.length > LIMITS.textMax) problem('trichYeu', `Trích yếu dài quá ${LIMITS.textMax} ký tự`);
    if (level && trichYeu) {
      // R7.2: a Tuyệt mật summary is not stored unless the rule set allows it with consent,
      // which an old book cannot carry.
      const check = checkTrichYeu({ level, trichYeu, ruleSet });
      if (!check.ok) problem('trichYeu', `${check.reason} Xóa trích yếu ở dòng này rồi nhập lại (${check.rule}).`);
    }
    let copies = 1;
    if (text('copies')) {
      copies = Number(text('copies'));
      if (!Number.isInteger(copies) || copies < 1 || copies > 10_000) problem('copies', `Số bản không hợp lệ: "${text('copies')}" (số nguyên từ 1)`);
    }
    const issuer = text('issuer') || null;
    if (issuer && issuer.length > LIMITS.nameMax) problem('issuer', `Nơi gửi dài quá ${LIMITS.nameMax} ký tự`);
    const holder = text('holder') || null;
    if (holder && holder.length > LIMITS.textMax) problem('holder', `Người nhận dài quá ${LIMITS.textMax} ký tự`);
    const notes = text('notes') || null;
    if (notes && notes.length > LIMITS.textMax) problem('notes', `Ghi chú dài quá ${LIMITS.textMax} ký tự`);
    let bookSerial: number | null = null;
    if (mapping.bookSerial !== null && mapping.bookSerial !== undefined) {
      bookSerial = Number(text('bookSerial'));
      if (!text('bookSerial')) problem('bookSerial', 'Thiếu số thứ tự trong sổ (đã chọn cột này thì dòng nào cũng phải có)');
      else if (!Number.isInteger(bookSerial) || bookSerial < 1) problem('bookSerial', `Số thứ tự không hợp lệ: "${text('bookSerial')}"`);
      else if (date) {
        const key = `${date.slice(0, 4)}#${bookSerial}`;
        const other = serials.get(key);
        if (other) problem('bookSerial', `Số thứ tự ${bookSerial} năm ${date.slice(0, 4)} trùng với dòng ${other}`);
        else serials.set(key, r.row);
      }
    }
    if (soKyHieu && date) {
      const key = `${foldForSearch(soKyHieu)}#${date}#${foldForSearch(issuer ?? '')}`;
      const other = seen.get(key);
      if (other) problem('soKyHieu', `Trùng với dòng ${other} (cùng số, ký hiệu, ngày và nơi gửi)`);
      else seen.set(key, r.row);
    }
    if (problems.length > before || !date || !level) continue;
    lines.push({ row: r.row, soKyHieu, date, documentDate, issuer, trichYeu, level, copies, holder, bookSerial, notes });
  }
  return { lines, problems, levels: [...levels] };
}
