import { foldForSearch, LIMITS, type Level } from '@bmnn/contracts';
import { cellString, isBlankRow, parseLevel, parseVietnameseDate, readSpreadsheet, type ImportProblem } from '../../platform/spreadsheet-import.ts';

// Reading a danh mục file (XLSX or CSV) into checked rows, with a validation report in
// Vietnamese that names the row and column of every problem. Pure apart from parsing: nothing
// here touches the database; the use case imports only a report without errors.

export const IMPORT_COLUMNS = {
  decisionNumber: 'Số quyết định',
  decidedOn: 'Ngày quyết định',
  issuer: 'Cơ quan ban hành',
  sector: 'Lĩnh vực',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  itemNo: 'Mục số',
  level: 'Độ mật',
  text: 'Nội dung',
  keywords: 'Từ khóa',
} as const;
type Field = keyof typeof IMPORT_COLUMNS;
const REQUIRED: Field[] = ['decisionNumber', 'decidedOn', 'issuer', 'sector', 'validFrom', 'itemNo', 'level', 'text'];
export const MAX_IMPORT_ROWS = LIMITS.importRowsMax;

export type { ImportProblem };
export type ImportedDecision = {
  number: string;
  decidedOn: string;
  issuer: string;
  sector: string;
  validFrom: string;
  validTo: string | null;
  items: Array<{ itemNo: string; level: Level; text: string; keywords: string[] }>;
};
export type ImportReport = { ok: boolean; problems: ImportProblem[]; decisions: ImportedDecision[]; rows: number };

/** Reads and checks a whole file; `ok` only when there is not a single problem. */
export async function readDanhMucFile(buffer: Buffer): Promise<ImportReport> {
  const sheet = await readSpreadsheet(buffer, { maxRows: MAX_IMPORT_ROWS });
  if (!sheet.ok) return { ok: false, problems: [{ row: 0, column: null, message: sheet.message }], decisions: [], rows: 0 };
  const raw = [sheet.header, ...sheet.rows];

  const header = raw[0]!;
  const columnOf = new Map<Field, number>();
  const problems: ImportProblem[] = [];
  header.cells.forEach((cell, index) => {
    const folded = foldForSearch(String(cell ?? ''));
    const field = (Object.keys(IMPORT_COLUMNS) as Field[]).find((f) => foldForSearch(IMPORT_COLUMNS[f]) === folded);
    if (field) columnOf.set(field, index);
  });
  for (const f of REQUIRED) {
    if (!columnOf.has(f)) problems.push({ row: header.row, column: IMPORT_COLUMNS[f], message: `Thiếu cột "${IMPORT_COLUMNS[f]}"` });
  }
  if (problems.length > 0) return { ok: false, problems, decisions: [], rows: raw.length - 1 };

  const decisions = new Map<string, ImportedDecision>();
  const seenItems = new Set<string>();
  for (const r of raw.slice(1)) {
    const get = (f: Field) => {
      const index = columnOf.get(f);
      const v = index === undefined ? null : (r.cells[index] ?? null);
      return v;
    };
    const text = (f: Field) => cellString(get(f));
    const problem = (f: Field, message: string) => problems.push({ row: r.row, column: IMPORT_COLUMNS[f], message });
    if (isBlankRow(r)) continue;
    for (const f of REQUIRED) if (!text(f)) problem(f, `Thiếu ${IMPORT_COLUMNS[f].toLowerCase()}`);
    const decidedOn = parseVietnameseDate(get('decidedOn'));
    const validFrom = parseVietnameseDate(get('validFrom'));
    const validTo = text('validTo') ? parseVietnameseDate(get('validTo')) : null;
    if (text('decidedOn') && !decidedOn) problem('decidedOn', `Ngày không hợp lệ: "${text('decidedOn')}" (cần dd/mm/yyyy)`);
    if (text('validFrom') && !validFrom) problem('validFrom', `Ngày không hợp lệ: "${text('validFrom')}" (cần dd/mm/yyyy)`);
    if (text('validTo') && !validTo) problem('validTo', `Ngày không hợp lệ: "${text('validTo')}" (cần dd/mm/yyyy)`);
    if (validFrom && validTo && validTo <= validFrom) problem('validTo', 'Hiệu lực đến phải sau hiệu lực từ');
    const level = text('level') ? parseLevel(text('level')) : null;
    if (text('level') && !level) problem('level', `Độ mật không hợp lệ: "${text('level')}" (Mật, Tối mật hoặc Tuyệt mật)`);
    if (text('text').length > 4000) problem('text', 'Nội dung dài quá 4000 ký tự');
    const number = text('decisionNumber');
    const key = `${number}\u0000${text('itemNo')}`;
    if (number && text('itemNo')) {
      if (seenItems.has(key)) problem('itemNo', `Mục số ${text('itemNo')} của quyết định ${number} bị lặp`);
      seenItems.add(key);
    }
    if (!number || !decidedOn || !validFrom || !level || !text('text') || !text('itemNo') || !text('issuer') || !text('sector')) continue;
    const existing = decisions.get(number);
    const fields = { decidedOn, issuer: text('issuer'), sector: text('sector'), validFrom, validTo };
    if (existing) {
      for (const [f, v] of Object.entries(fields) as Array<[keyof typeof fields, string | null]>) {
        if (existing[f] !== v) problem(f as Field, `Khác với các dòng trước của cùng quyết định ${number}`);
      }
    } else {
      decisions.set(number, { number, ...fields, items: [] });
    }
    const keywords = text('keywords')
      .split(/[;,\n]/)
      .map((k) => k.trim())
      .filter(Boolean);
    decisions.get(number)!.items.push({ itemNo: text('itemNo'), level, text: text('text'), keywords });
  }
  return { ok: problems.length === 0, problems, decisions: [...decisions.values()], rows: raw.length - 1 };
}
